"""Nothing lost: kill -9 the app while a rapporteur types, then reopen the file.

A real process types into the real Capture area (tests/capture_driver.py); the test kills it
with SIGKILL at several moments, then checks that the file is intact, every note saved before
the kill is there, and the unsent text typed more than a second before the kill is in the
draft and offered back when the area opens again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitator.store.database import Workshop

DRIVER = Path(__file__).with_name("capture_driver.py")
sys.path.insert(0, str(DRIVER.parent))
from capture_driver import note_text  # noqa: E402

ALLOWED_LOSS_S = 1.0


def _run_and_kill(path: Path, run_for: float) -> tuple[list[str], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")))
    reader.start()
    ready = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if ready is None:
            ready = next((float(x.split()[1]) for x in list(lines) if x.startswith("READY")), None)
        if ready is not None and time.monotonic() - ready >= run_for:
            break
        time.sleep(0.005)
    killed_at = time.monotonic()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join()
    lines = [x.strip() for x in lines]
    assert ready is not None, "the driver never started"
    return [x for x in lines if x], killed_at


@pytest.mark.parametrize("run_for", [1.3, 2.4, 3.1, 4.7])
def test_kill_minus_nine_loses_at_most_the_last_second(
    demo_path: Path, run_for: float, qtbot, ctx
) -> None:  # noqa: ANN001
    ctx.workshop.close()  # the driver process owns the file now
    before = sqlite3.connect(demo_path).execute("SELECT count(*) FROM notes").fetchone()[0]
    lines, killed_at = _run_and_kill(demo_path, run_for)
    cutoff = killed_at - ALLOWED_LOSS_S
    saved = {
        int(x.split()[1]) for x in lines if x.startswith("S ") and float(x.split()[2]) <= cutoff
    }
    typed = [x.split() for x in lines if x.startswith("C ")]
    assert typed, "nothing was typed before the kill"

    con = sqlite3.connect(demo_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    texts = [r[0] for r in con.execute("SELECT text FROM notes WHERE text LIKE 'note-%'")]
    total = con.execute("SELECT count(*) FROM notes").fetchone()[0]
    draft = con.execute("SELECT text FROM drafts WHERE id = 'capture.input'").fetchone()
    con.close()

    # Every note saved more than a second before the kill is in the file, exactly once.
    for n in saved:
        assert texts.count(note_text(n)) == 1
    assert total == before + len(texts)
    # The note being typed: what was typed a second before the kill is kept, as a note or
    # as the draft.
    early = [t for t in typed if float(t[3]) <= cutoff]
    if early:
        note, count = int(early[-1][1]), int(early[-1][2])
        if note_text(note) not in texts:
            assert draft is not None, "the unsent text was lost"
            assert draft[0].startswith(note_text(note)[:count])
            assert note_text(note).startswith(draft[0])

    # Reopening offers the draft back in the input.
    if draft is not None:
        from PySide6.QtGui import QUndoStack

        from facilitator.ui.areas import AreaContext
        from facilitator.ui.capture.area import CaptureArea

        ws = Workshop(demo_path)
        try:
            again = AreaContext(ws, QUndoStack(), lambda *_: None, lambda _m: None, print)
            area = CaptureArea(again)
            qtbot.addWidget(area)
            assert area.notes.input.toPlainText() == draft[0]
            assert not area.drafts.isHidden()
            assert "Recovered unsent text" in area.drafts.ui.draft_label.text()
            area.close()
        finally:
            ws.close()
