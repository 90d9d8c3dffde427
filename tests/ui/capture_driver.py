"""Types into the real Capture area of a workshop file until killed (for the crash test).

Run as ``python tests/ui/capture_driver.py FILE``. Prints one line per event, flushed at once:
``C <note> <chars typed in this note> <monotonic time>`` after each key and ``S <note> <time>``
after Enter saved a note. Each note is ``note-<n> `` followed by letters, 120 characters long.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.store.database import Workshop  # noqa: E402
from facilitator.ui.areas import AreaContext  # noqa: E402
from facilitator.ui.capture.area import CaptureArea  # noqa: E402

NOTE_LENGTH = 120


def note_text(n: int) -> str:
    head = f"note-{n} "
    letters = "abcdefghijklmnopqrstuvwxyz" * 5
    return head + letters[: NOTE_LENGTH - len(head)]


def main() -> None:
    app = QApplication(sys.argv[:1])
    ws = Workshop(sys.argv[1])
    ctx = AreaContext(ws, QUndoStack(), lambda *_: None, lambda _m: None, print)
    area = CaptureArea(ctx)
    area.show()
    area.input.setFocus()
    state = {"note": 0, "pos": 0}

    def step() -> None:
        text = note_text(state["note"])
        if state["pos"] < len(text):
            QTest.keyClicks(area.input, text[state["pos"]])
            state["pos"] += 1
            print(f"C {state['note']} {state['pos']} {time.monotonic():.6f}", flush=True)
        else:
            QTest.keyClick(area.input, Qt.Key.Key_Return)
            print(f"S {state['note']} {time.monotonic():.6f}", flush=True)
            state["note"] += 1
            state["pos"] = 0

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(15)
    print(f"READY {time.monotonic():.6f}", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
