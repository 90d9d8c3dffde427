"""Capture speed on the large workshop, beside bare SQLite doing the same work in the same run.

    python bench/capture.py [--notes 200] [--queries 50] [--keep PATH]

Writes the large demo (20,500 notes; ``facilitator demo PATH --size large``), opens the real
Capture area offscreen and measures:

* Enter → note committed to the file and shown in the list (the keypress goes through
  QTest to the input; timing stops when the row is in the list model), against a bare
  ``INSERT`` of the same row plus commit on a second connection to the same file;
* search latency: the search panel's query (FTS5 with joins and filters, results in the
  model), against a bare ``SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?``.

It prints medians and the ratios; no absolute threshold is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.domain.capture import fts_query  # noqa: E402
from facilitator.interchange.demo import WORDS, write_demo  # noqa: E402
from facilitator.store.database import Workshop  # noqa: E402
from facilitator.store.ids import new_id, now  # noqa: E402
from facilitator.ui.areas import AreaContext  # noqa: E402
from facilitator.ui.capture.area import CaptureArea  # noqa: E402


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.2f} ms  p90 {_p90(values) * 1000:7.2f} ms"


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.9 * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=200, help="notes typed (default 200)")
    parser.add_argument("--queries", type=int, default=50, help="searches (default 50)")
    parser.add_argument("--keep", help="write the large workshop here instead of a temp file")
    args = parser.parse_args()
    rng = random.Random(7)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-capture-"))
    path = Path(args.keep) if args.keep else folder / "large.workshop"
    t0 = time.perf_counter()
    write_demo(path, size="large", overwrite=True)
    print(f"large workshop written in {time.perf_counter() - t0:.1f} s: {path}")

    ws = Workshop(path, lock=False)
    ctx = AreaContext(ws, QUndoStack(), lambda *_: None, lambda _m: None, print)
    area = CaptureArea(ctx)
    area.resize(1400, 900)
    area.show()
    app.processEvents()
    session = "ses_l0304"
    area.open_context(session, None)
    shown = area.model.rowCount()
    print(f"notes in the workshop: {ws.db['notes'].count:,}; in the chosen session: {shown}")

    bare = sqlite3.connect(path)
    bare.execute("PRAGMA synchronous=NORMAL")
    texts = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) for _ in range(args.notes)
    ]

    enter, insert = [], []
    for text in texts:
        # the app: type (not timed), press Enter (timed until the row is in the list)
        area.input.setPlainText(text)
        before = area.model.rowCount()
        start = time.perf_counter()
        QTest.keyClick(area.input, Qt.Key.Key_Return)
        if area.model.rowCount() != before + 1 or area.model.rows[-1]["text"] != text:
            raise SystemExit("the note was not shown after Enter")
        enter.append(time.perf_counter() - start)
        app.processEvents()
        # bare SQLite: the same row, inserted and committed on its own connection
        stamp = now()
        start = time.perf_counter()
        bare.execute(
            "INSERT INTO notes (id, session_id, kind, text, position, created, updated) "
            "VALUES (?, ?, 'key_point', ?, 0, ?, ?)",
            [new_id("not"), "ses_l0305", text, stamp, stamp],
        )
        bare.commit()
        insert.append(time.perf_counter() - start)

    queries = []
    for _ in range(args.queries):
        n = rng.randint(1, 2)
        queries.append(" ".join(rng.sample(WORDS, n)))
    panel, fts = [], []
    for q in queries:
        area.search.query_edit.blockSignals(True)
        area.search.query_edit.setText(q)
        area.search.query_edit.blockSignals(False)
        start = time.perf_counter()
        area.search.run()
        panel.append(time.perf_counter() - start)
        start = time.perf_counter()
        rows = bare.execute(
            "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank LIMIT 500",
            [fts_query(q)],
        ).fetchall()
        fts.append(time.perf_counter() - start)
        assert rows is not None

    print()
    print(f"Enter → committed and shown ({args.notes} notes)  {_ms(enter)}")
    print(f"bare INSERT + commit, same text         {_ms(insert)}")
    ratio_enter = statistics.median(enter) / statistics.median(insert)
    print(f"  ratio app / bare: {ratio_enter:.1f}×")
    print()
    print(f"search panel (FTS5 + joins, {args.queries} queries)  {_ms(panel)}")
    print(f"bare FTS5 MATCH, same query            {_ms(fts)}")
    ratio_search = statistics.median(panel) / statistics.median(fts)
    print(f"  ratio app / bare: {ratio_search:.1f}×")
    bare.close()
    area.close()
    area.deleteLater()
    app.processEvents()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
