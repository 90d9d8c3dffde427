"""Long work off the UI thread: the one mechanism every area uses.

A :class:`Job` runs ``work(progress)`` in a worker thread. ``progress(fraction)`` reports how
far it is (0…1); once the user has pressed Cancel it raises :class:`JobCancelled` instead, so
any work that reports progress stops at its next step (work that must stop cleanly can read
``progress.cancelled`` itself). The job shows a progress dialog with Cancel, or feeds a
progress bar the caller owns (``dialog=False`` and the ``progressed`` signal). When the
thread has stopped, exactly one of ``done(result)``, ``failed(exception)`` or
``cancelled()`` is emitted on the UI thread.

Work must not touch widgets, and it must not write to the open workshop: it either gets
plain data and returns plain data (planning teams, parsing a roster), or opens a read-only
``Workshop`` of its own (exports, previews). Writes go through the store on the UI thread
once the job is done. Expected failures (a ``WorkshopError``, an ``ExportError``…) reach
``failed`` as they are; anything else is a bug: it is logged with its traceback and reaches
``failed`` as a :class:`JobBug` whose message says what was being done and where the log is.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from facilitator.domain.errors import UserError

log = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.001  # seconds between hand-overs of the interpreter (see Job.start)


class JobCancelled(Exception):
    """Raised by work that stops because the user pressed Cancel (optional)."""


class JobBug(UserError):
    """An unexpected error inside a job; the traceback is in the log."""


class Progress:
    """Handed to the work: call it with a fraction; read ``cancelled`` between steps."""

    def __init__(self, emit: Callable[[int], None], flag: threading.Event) -> None:
        self._emit = emit
        self._flag = flag
        self._last = -1

    def __call__(self, fraction: float) -> None:
        if self._flag.is_set():
            raise JobCancelled()
        value = int(max(0.0, min(1.0, fraction)) * 100)
        if value != self._last:
            self._last = value
            self._emit(value)

    @property
    def cancelled(self) -> bool:
        return self._flag.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelled` when the user asked to stop."""
        if self._flag.is_set():
            raise JobCancelled()


Work = Callable[[Progress], Any]


class _Worker(QObject):
    progressed = Signal(int)
    finished = Signal(object)
    failed = Signal(object)
    stopped = Signal()

    def __init__(self, work: Work, label: str, expected: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.work, self.label, self.expected = work, label, expected
        self.flag = threading.Event()

    def run(self) -> None:
        progress = Progress(self.progressed.emit, self.flag)
        try:
            result = self.work(progress)
        except JobCancelled:
            self.stopped.emit()
            return
        except self.expected as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window
            log.exception("unexpected error while %s", self.label)
            from facilitator.logs import log_path

            self.failed.emit(
                JobBug(
                    f"{self.label.rstrip('…. ')} failed because of an error in Facilitator "
                    f"({type(exc).__name__}). Nothing was changed. The details are in "
                    f"{log_path()}."
                )
            )
            return
        if self.flag.is_set():
            self.stopped.emit()
        else:
            self.finished.emit(result)


class Job(QObject):
    """One piece of long work in a thread, with progress and Cancel."""

    progressed = Signal(int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    # Every job whose thread may still run, so that closing a workshop can stop them all
    # before it deletes any widget (see :meth:`stop_all`).
    _live: weakref.WeakSet[Job] = weakref.WeakSet()

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work,
        *,
        expected: tuple[type[BaseException], ...] = (),
        dialog: bool = True,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        from facilitator.store.errors import WorkshopError

        self.label = label
        self.cancellable = cancellable
        if parent is not None:
            # No thread outlives the widget that started it: Qt aborts the process when a
            # running QThread is destroyed, and a parent announces its end before it deletes
            # its children (this job among them).
            parent.destroyed.connect(self.wait)
        self.thread = QThread(self)
        self.worker = _Worker(work, label, (WorkshopError, *expected))
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.dialog: QProgressDialog | None = None
        if dialog:
            self.dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 100, parent)
            if not cancellable:
                self.dialog.setCancelButton(None)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
            self.worker.progressed.connect(self.dialog.setValue)
        # Bound methods of this object (which lives on the UI thread), not lambdas: only then
        # does Qt deliver the worker's signals on the UI thread.
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.stopped.connect(self._stopped)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> Job:
        # Python hands the interpreter between threads every 5 ms by default. The UI
        # thread gives it up at each SQLite call and Qt paint, then waits for a job's
        # Python work to hand it back: up to 5 ms each time, 0.1 s over a view's twenty
        # queries. Switching every millisecond keeps the window quick while jobs run.
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._running = True
        Job._live.add(self)
        self.thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` follows once it has."""
        self.worker.flag.set()

    def wait(self) -> None:
        """Block until the thread has stopped (closing a window or a workshop).

        Cancellable work is asked to stop first; other work (a merge: one transaction)
        runs to its end.
        """
        if self.cancellable:
            self.cancel()
        self.thread.quit()
        self.thread.wait()
        Job._live.discard(self)

    @classmethod
    def stop_all(cls) -> None:
        """Stop every running job and wait for its thread (a workshop is closing).

        Widgets are deleted only after this: deleting Qt objects while a job's thread runs
        Python can deadlock, the deleting thread holding Qt's connection lock while it waits
        for the interpreter, and the job's thread the other way round.
        """
        for job in list(cls._live):
            job.wait()

    @Slot(int)
    def _progressed(self, value: int) -> None:
        self.progressed.emit(value)

    @Slot(object)
    def _finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._stop()
        self.failed.emit(exc)

    @Slot()
    def _stopped(self) -> None:
        self._stop()
        self.cancelled.emit()

    def _stop(self) -> None:
        self._running = False
        Job._live.discard(self)
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
        self.thread.quit()
        self.thread.wait()


def run_blocking(
    parent: QWidget | None,
    label: str,
    work: Work,
    expected: tuple[type[BaseException], ...] = (),
) -> Any:
    """Run ``work`` as a job and wait for it while the window keeps painting.

    For steps a dialog needs before it can go on (reading a roster file). Returns the
    result; a failure is raised here; Cancel raises :class:`JobCancelled`.
    """
    job = Job(parent, label, work, expected=expected)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    job.done.connect(lambda result: (outcome.setdefault("result", result), loop.quit()))
    job.failed.connect(lambda exc: (outcome.setdefault("error", exc), loop.quit()))
    job.cancelled.connect(lambda: (outcome.setdefault("error", JobCancelled()), loop.quit()))
    job.start()
    loop.exec()
    job.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
