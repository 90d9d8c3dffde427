"""Work put off until the window has had a turn of its own.

``QTimer.singleShot(0, …)`` queues a call as an event: Qt sends queued events one after
another (a paint, a layout, the next queued call) before its timers run again, so work
queued that way runs in the same stretch as the paint before it and the window answers
nothing in between. :func:`when_idle` uses a zero timer instead: it runs with the other
timers, once the events queued before it are done, so each step of long work is a stretch
of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def when_idle(receiver: QObject, work: Callable[[], object]) -> None:
    """Call ``work`` on a later turn of the event loop, after the events queued now; not
    at all if ``receiver`` is deleted first."""
    timer = QTimer(receiver)
    timer.setSingleShot(True)
    timer.setInterval(0)

    def fire() -> None:
        timer.deleteLater()
        work()

    timer.timeout.connect(fire)
    timer.start()
