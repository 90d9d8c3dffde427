"""Capture on the huge workshop: first display, Enter → note on screen, search.

    python bench/capture.py [--runs 7] [--size huge|large] [--keep FOLDER]

Opens the real Capture area offscreen (1280×720) on a copy of the stress workshop
(``facilitator demo PATH --size huge``: 410,000 notes) whose default session holds 5,000
notes, and measures the user's moments, each against a baseline in the same run, in pairs:

* **first display**: building and showing the area until the first paint of its note list
  with the session's newest note on screen — beside a bare ``QTableView`` over a plain model
  of the same 5,000 texts, shown until its first paint (target: at most 150 ms); and until
  every note of the session is listed (a large workshop lists the earlier ones from a job);
* **Enter → committed and in the list**: Enter in the note box (through ``QTest``) until
  the note is in the file and the list's model holds it — beside a bare ``INSERT`` of a
  row on a second connection, which updates the FTS5 index through its trigger, and its
  commit (target ≤ 3×);
* **Enter → on screen**: the same until the new row is painted in the list — beside the
  bare insert followed by a bare ``QTableView`` (Qt's own item model holding the session's
  notes, as large as the list) showing the row at its end, until painted (target ≤ 3×;
  both wait for Qt's next frame). Both early in the run and after the session and the
  workshop grew: a ratio that grows says it is not flat in the session's size;
* **search**: Enter in the search box until the results are painted (the event loop
  sleeping between events while the search runs in its job, as the app's does) —
  beside a bare ``SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank
  LIMIT 500`` of the same query (target ≤ 2×).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import Paired, paired, parser, print_table, print_value, runs_of, workshop
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView, QWidget  # noqa: E402

SESSION_NOTES = 5000


class Paints(QObject):
    """Counts paint events of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def until(app: QApplication, done, seconds: float = 30.0, idle: bool = False) -> None:  # noqa: ANN001
    """Run the event loop until ``done()``. ``idle``: between events the loop sleeps, as the
    app's own does while a job works in its thread (a loop that spins takes a core from
    that thread on a busy machine); a 2 ms timer wakes it to look at ``done`` again."""
    end = time.perf_counter() + seconds
    tick = None
    if idle:
        tick = QTimer()
        tick.start(2)
    try:
        while not done():
            if time.perf_counter() > end:
                raise SystemExit(f"timed out waiting for the screen ({done.__qualname__})")
            if idle:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            else:
                app.processEvents()
    finally:
        if tick is not None:
            tick.stop()


def gone(widget: QWidget) -> None:
    """Delete a widget now: ``deleteLater`` alone waits for an event loop that the bench
    never runs, and an area left alive would go on taking every Changes of the file."""
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--size", default="huge", choices=["large", "huge"])
    p.add_argument("--keep", help="folder for the workshops (reused when present)")
    p.add_argument("--notes", type=int, default=40, help="notes typed per measure")
    args = p.parse_args()
    runs = runs_of(args)
    app = QApplication.instance() or QApplication([])
    from facilitator.domain.capture import fts_query
    from facilitator.interchange.demo import WORDS
    from facilitator.store.database import CACHE_KIB, Workshop
    from facilitator.store.ids import new_id, now
    from facilitator.store.tables import Table
    from facilitator.ui.areas import AreaContext
    from facilitator.ui.capture.area import CaptureArea

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-capture-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = workshop(args.size, folder)
    path = folder / f"{args.size}-capture.workshop"
    for suffix in ("-wal", "-shm"):  # a previous run's, which would apply to the copy
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, path)
    rng = random.Random(7)

    def text() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))

    ws = Workshop(path, lock=False)
    ctx = AreaContext(ws, QUndoStack(), lambda *_a: None, lambda _m: None, print)
    probe = CaptureArea(ctx)
    session = probe.session_id
    probe.close()
    gone(probe)
    have = ws.notes.count_for_session(session)
    start = ws.notes.next_position(session)
    ws.rows.load(
        [
            (
                Table.NOTES,
                [
                    {"id": new_id("not"), "session_id": session, "text": text(), "position": i}
                    for i in range(start, start + SESSION_NOTES - have)
                ],
            )
        ]
    )
    ws.close()
    ws = Workshop(path, lock=False)
    ctx = AreaContext(ws, QUndoStack(), lambda *_a: None, lambda _m: None, print)
    count = ws.notes.count_for_session(session)
    print(f"notes in the workshop: {ws.db['notes'].count:,}; in the session shown: {count:,}")
    texts = [r["text"] for r in ws.notes.notes_for(session)]

    # -- first display -------------------------------------------------------------------
    listed = Paired({"Capture area, every note listed": []})

    def capture_shown() -> float:
        t0 = time.perf_counter()
        area = CaptureArea(ctx)
        area.resize(1280, 720)
        view = area.notes.view
        paints = Paints(view.viewport())
        area.show()

        def newest_painted() -> bool:
            # the list painted with the session's newest note on screen
            if not paints.count or area.model.rowCount() == 0:
                return False
            rect = view.visualRect(area.model.index(area.model.rowCount() - 1, 0))
            return view.viewport().rect().intersects(rect)

        until(app, newest_painted)
        elapsed = time.perf_counter() - t0
        seen = paints.count
        until(app, lambda: area.model.rowCount() == count and paints.count > seen)
        listed.add("Capture area, every note listed", time.perf_counter() - t0)
        area.close()
        gone(area)
        return elapsed

    def bare_shown() -> float:
        t0 = time.perf_counter()
        model = QStandardItemModel(len(texts), 1)
        for i, t in enumerate(texts):
            model.setItem(i, 0, QStandardItem(t))
        view = QTableView()
        view.setModel(model)
        view.resize(1280, 720)
        paints = Paints(view.viewport())
        view.show()
        until(app, lambda: paints.count > 0)
        elapsed = time.perf_counter() - t0
        view.close()
        gone(view)
        return elapsed

    first = paired({"Capture area": capture_shown, "bare QTableView": bare_shown}, runs)
    listed.cases["Capture area, every note listed"] = listed.cases[
        "Capture area, every note listed"
    ][-runs:]  # the warm-up round's dropped, as paired() drops it

    # -- Enter → shown -------------------------------------------------------------------
    area = CaptureArea(ctx)
    area.resize(1280, 720)
    area.show()
    until(app, lambda: area.model.rowCount() == count)
    view = area.notes.view
    paints = Paints(view.viewport())
    # The baseline's connection has the app's settings (Workshop opens its file so): the
    # same journal (WAL, kept in the file), synchronous, foreign keys checked on insert,
    # recursive triggers and page cache.
    bare = sqlite3.connect(path)
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "busy_timeout=5000",
        "foreign_keys=ON",
        "recursive_triggers=ON",
        f"cache_size={CACHE_KIB}",
    ):
        bare.execute(f"PRAGMA {pragma}")
    app_settings = [
        ws.connection.execute(f"PRAGMA {p}").fetchone()[0]
        for p in ("journal_mode", "synchronous", "foreign_keys", "recursive_triggers")
    ]
    bare_settings = [
        bare.execute(f"PRAGMA {p}").fetchone()[0]
        for p in ("journal_mode", "synchronous", "foreign_keys", "recursive_triggers")
    ]
    if app_settings != bare_settings:
        raise SystemExit(
            f"the baseline's settings {bare_settings} are not the app's {app_settings}"
        )

    in_list: list[float] = []

    def enter() -> float:
        t = text()
        area.input.setPlainText(t)
        app.processEvents()
        before = area.model.rowCount()
        seen = paints.count
        t0 = time.perf_counter()
        QTest.keyClick(area.input, Qt.Key.Key_Return)
        rows = area.model.rows
        if rows and rows[-1]["text"] == t:  # committed, and the list holds it (last)
            in_list.append(time.perf_counter() - t0)

        def shown() -> bool:
            rows = area.model.rows
            if not rows or rows[-1]["text"] != t or paints.count == seen:
                return False
            rect = view.visualRect(area.model.index(len(rows) - 1, area.model.TEXT))
            return view.viewport().rect().intersects(rect)

        try:
            until(app, shown)
        except SystemExit:
            bar = view.verticalScrollBar()
            raise SystemExit(
                f"the typed note was not shown: {area.model.rowCount()} rows ({before} "
                f"before), {paints.count - seen} paints, scrolled to {bar.value()} of "
                f"{bar.maximum()}, following the end: {view._follow_end}"
            ) from None
        elapsed = time.perf_counter() - t0
        if area.model.rows[-1]["text"] != t:
            raise SystemExit("the note shown last is not the one typed")
        return elapsed

    def insert() -> float:
        stamp = now()
        t0 = time.perf_counter()
        bare.execute(
            "INSERT INTO notes (id, session_id, kind, text, position, created, updated) "
            "VALUES (?, ?, 'key_point', ?, 0, ?, ?)",
            [new_id("not"), "ses_l0305", text(), stamp, stamp],
        )
        bare.commit()
        return time.perf_counter() - t0

    # The least a program can do to commit a note and show it: the bare insert, then a
    # bare QTableView (Qt's own item model, the session's notes in it, as large as the
    # list) gets the row at its end and scrolls to it; timed until it is painted.
    table = QStandardItemModel(0, len(area.model.HEADERS))
    for r in area.model.rows:
        table.appendRow(
            [QStandardItem(r["created"][11:16]), QStandardItem(r["kind"]), QStandardItem(r["text"])]
        )
    plain = QTableView()
    plain.setModel(table)
    plain.setWordWrap(True)
    plain.resize(view.size())
    plain.show()
    plain.scrollToBottom()
    until(app, lambda: True)
    plain_paints = Paints(plain.viewport())

    def insert_shown() -> float:
        t = text()
        stamp = now()
        seen = plain_paints.count
        t0 = time.perf_counter()
        bare.execute(
            "INSERT INTO notes (id, session_id, kind, text, position, created, updated) "
            "VALUES (?, ?, 'key_point', ?, 0, ?, ?)",
            [new_id("not"), "ses_l0305", t, stamp, stamp],
        )
        bare.commit()
        table.appendRow([QStandardItem(stamp[11:16]), QStandardItem("key_point"), QStandardItem(t)])
        plain.resizeRowToContents(table.rowCount() - 1)
        plain.scrollToBottom()
        until(app, lambda: plain_paints.count > seen)
        return time.perf_counter() - t0

    def typed(n: int) -> tuple[Paired, Paired]:
        # each "run" is the median of n notes, so that one slow commit does not decide it
        shown = Paired({"Enter → painted in the list": [], "bare INSERT, bare view painted": []})
        listed = Paired({"Enter → committed, in the list": [], "bare INSERT + FTS5 + commit": []})
        for _ in range(runs):
            app_side, bare_side, bare_shown, listed_side = [], [], [], []
            for _ in range(n):
                in_list.clear()
                app_side.append(enter())
                listed_side += in_list
                bare_side.append(insert())
                bare_shown.append(insert_shown())
            shown.add("Enter → painted in the list", sorted(app_side)[n // 2])
            shown.add("bare INSERT, bare view painted", sorted(bare_shown)[n // 2])
            listed.add("Enter → committed, in the list", sorted(listed_side)[len(listed_side) // 2])
            listed.add("bare INSERT + FTS5 + commit", sorted(bare_side)[n // 2])
        return shown, listed

    early = typed(args.notes)
    more = 2000
    ws.rows.load(
        [
            (
                Table.NOTES,
                [
                    {"id": new_id("not"), "session_id": "ses_l0306", "text": text()}
                    for _ in range(more)
                ],
            )
        ]
    )
    # (a load of rows without their ids lists the session again: its end, then the rest)
    until(app, lambda: not area.model.loading)
    for _ in range(200):  # the session grows by typing, too
        enter()
    late = typed(args.notes)

    # -- search --------------------------------------------------------------------------
    area.focus_search()
    until(app, lambda: not area.search.busy)
    panel = area.search
    results = Paints(panel.view.viewport())
    queries = iter([" ".join(rng.sample(WORDS, rng.randint(1, 2))) for _ in range(3 * runs)])
    last = [""]

    def search() -> float:
        q = last[0] = next(queries)
        panel.query_edit.blockSignals(True)  # typed before (not timed): Enter searches
        panel.query_edit.setText(q)
        panel.query_edit.blockSignals(False)
        app.processEvents()
        seen = results.count
        t0 = time.perf_counter()
        QTest.keyClick(panel.query_edit, Qt.Key.Key_Return)
        until(
            app,
            lambda: not panel.busy and panel.shown_query == q and results.count > seen,
            idle=True,
        )
        return time.perf_counter() - t0

    def fts() -> float:
        t0 = time.perf_counter()
        bare.execute(
            "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank LIMIT 500",
            [fts_query(last[0])],
        ).fetchall()
        return time.perf_counter() - t0

    found = paired({"search panel": search, "bare FTS5 MATCH": fts}, runs)

    print_table(
        f"first display of Capture on a session of {count:,} notes",
        first,
        "bare QTableView",
    )
    print_value(
        "Capture area, newest notes painted",
        first.spread("Capture area"),
        0.150,
        scale=1,
        unit="s",
        digits=3,
    )
    print_value(
        "Capture area, every note listed (the earlier ones from a job, window answering)",
        listed.spread("Capture area, every note listed"),
        scale=1,
        unit="s",
        digits=3,
    )
    for label, (shown, listed) in (
        (f"session of {count:,} notes", early),
        (
            f"the session grown to {area.model.rowCount():,} notes and the workshop by "
            f"{more:,} more",
            late,
        ),
    ):
        print_table(
            f"Enter → committed and in the list, {label} (median of {args.notes} per run)",
            listed,
            "bare INSERT + FTS5 + commit",
            {"Enter → committed, in the list": 3.0},
        )
        print_table(
            f"Enter → on screen, {label}",
            shown,
            "bare INSERT, bare view painted",
            {"Enter → painted in the list": 3.0},
        )
    print_table(
        f"search, Enter → results painted ({ws.db['notes'].count:,} notes)",
        found,
        "bare FTS5 MATCH",
        {"search panel": 2.0},
    )
    bare.close()
    area.close()
    area.deleteLater()
    app.processEvents()
    ws.close()


if __name__ == "__main__":
    main()
