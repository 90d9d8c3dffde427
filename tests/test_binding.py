"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 did).

With such a build every void method call drops a reference to None, and after a long
session the interpreter aborts: the app would crash in front of a room full of people.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QTimer


def test_void_calls_keep_none_alive(qapp) -> None:  # noqa: ANN001
    timer = QTimer()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.setSingleShot(True)
        timer.setInterval(5)
    gc.collect()
    assert sys.getrefcount(None) > before - 1000
