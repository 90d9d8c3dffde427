"""Long work off the UI thread: one job = a worker thread, a progress dialog, done or error.

The work is a function ``work(progress) -> result`` that must open its own ``Workshop``
(SQLite connections belong to the thread that made them). Expected failures (a bad file, a
full disk) arrive on ``error`` as the exception; a bug arrives as a ``WorkshopError``-like
message instead of killing the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[float], None]], Any]


class _Worker(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        work: Work,
        expected: tuple[type[Exception], ...],
        unexpected: Callable[[Exception], Exception],
    ) -> None:
        super().__init__()
        self.work, self.expected, self.unexpected = work, expected, unexpected

    def run(self) -> None:
        try:
            result = self.work(lambda f: self.progress.emit(int(f * 100)))
        except self.expected as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug still must not kill the window
            self.failed.emit(self.unexpected(exc))
            return
        self.finished.emit(result)


class BackgroundJob(QObject):
    """Runs ``work`` in a thread with a progress dialog; emits ``done(result)`` or
    ``error(exception)`` on the UI thread once the thread has stopped."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work,
        expected: tuple[type[Exception], ...],
        unexpected: Callable[[Exception], Exception],
    ) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(work, expected, unexpected)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.dialog = QProgressDialog(label, "", 0, 100, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(300)
        self.worker.progress.connect(self.dialog.setValue)
        # Bound methods of this object (which lives on the UI thread), not lambdas: only then
        # does Qt deliver the worker's signals on the UI thread.
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.thread.start()

    @Slot(object)
    def _finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._stop()
        self.error.emit(exc)

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.thread.quit()
        self.thread.wait()
