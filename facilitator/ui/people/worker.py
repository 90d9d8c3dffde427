"""Run pure work (parsing a roster, planning an import) off the GUI thread with progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Worker(QObject):
    progress = Signal(int)
    done = Signal()

    def __init__(self, fn: Callable[[Callable[[float], None]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn(lambda f: self.progress.emit(int(max(0.0, min(1.0, f)) * 100)))
        except Exception as exc:  # noqa: BLE001 - handed back to the GUI thread and raised there
            self.error = exc
        self.done.emit()


def run_with_progress(
    parent: QWidget | None, label: str, fn: Callable[[Callable[[float], None]], Any]
) -> Any:
    """Run ``fn(progress)`` in a worker thread; the window keeps painting; errors re-raise here.

    ``fn`` must not touch the GUI or the workshop's connection (SQLite connections belong to
    the thread that opened them): it gets plain data and returns plain data.
    """
    thread = QThread()
    worker = _Worker(fn)
    worker.moveToThread(thread)
    dialog = QProgressDialog(label, "", 0, 100, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(400)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    loop = QEventLoop()
    worker.progress.connect(dialog.setValue)
    worker.done.connect(loop.quit)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result
