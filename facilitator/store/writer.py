"""The one way another thread writes to a workshop.

SQLite connections and the Qt views belong to the thread that opened the workshop (the UI
thread); the workshop has one writer. A second thread — the venue server's event loop —
never opens a connection of its own for writing. It describes what it wants as an
:class:`Operation` (plain data with an ``apply(workshop)`` method) and hands it to
``workshop.writer.submit(op)``, which returns a :class:`concurrent.futures.Future` at
once. The operation runs on the UI thread, inside :meth:`Workshop.operation`, so it is one
transaction and its :class:`~facilitator.store.changes.Changes` reach every view through
the hub exactly as a local edit's do. The future then holds an :class:`Outcome` (the
operation's return value and its Changes) or the exception it raised.

From asyncio::

    outcome = await asyncio.wrap_future(workshop.writer.submit(AddQuestion(...)))

Operations submitted from the UI thread itself run at once. One that arrives from another
thread while the UI thread is in the middle of a long operation (a large roster import
written in steps, which lets the window repaint between them) waits until it has ended:
it never joins another edit's transaction. When the workshop closes, the futures of
operations still queued fail with :class:`WorkshopClosedError`.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from facilitator.store.database import Workshop


class Operation(Protocol):
    """A write described as data; ``apply`` calls store methods and returns a plain value."""

    def apply(self, ws: Workshop) -> Any: ...


@dataclass(frozen=True)
class Outcome:
    value: Any
    changes: Changes


class WorkshopClosedError(WorkshopError):
    """The workshop closed before a submitted operation could run."""


RETRY_MS = 10  # how often an operation waiting for a long one to end looks again


class Writer(QObject):
    """Runs operations from any thread on the workshop's own thread, one at a time."""

    _queued = Signal(object)

    def __init__(self, ws: Workshop) -> None:
        super().__init__()
        self.ws = ws
        self._lock = threading.Lock()
        self._pending: set[Future] = set()
        self._open = True
        self._waiting: deque[tuple[Operation, object | None, Future[Outcome]]] = deque()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._arrived)
        self._queued.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    def submit(self, op: Operation, initiator: object | None = None) -> Future[Outcome]:
        from concurrent.futures import Future  # not needed to open a file

        future: Future[Outcome] = Future()
        with self._lock:
            if not self._open:
                future.set_exception(WorkshopClosedError(self.ws.path, "is closed."))
                return future
            self._pending.add(future)
        if threading.get_ident() == self.ws._owner:
            self._run((op, initiator, future))
        else:
            self._queued.emit((op, initiator, future))
        return future

    def _arrived(self, job: tuple[Operation, object | None, Future[Outcome]] | None = None) -> None:
        """Run what came from another thread, in order, once no operation is open."""
        if job is not None:
            self._waiting.append(job)
        while self._waiting:
            if self.ws.writing:
                self._retry.start()
                return
            self._run(self._waiting.popleft())

    def _run(self, job: tuple[Operation, object | None, Future[Outcome]]) -> None:
        op, initiator, future = job
        with self._lock:
            self._pending.discard(future)
            if future.done():
                return
            if not self._open or not self.ws.is_open:
                future.set_exception(WorkshopClosedError(self.ws.path, "is closed."))
                return
        if not future.set_running_or_notify_cancel():
            return
        try:
            with self.ws.operation(initiator):
                value = op.apply(self.ws)
            changes = self.ws.last_changes
        except BaseException as exc:  # noqa: BLE001 - handed to the submitting thread
            future.set_exception(exc)
            return
        future.set_result(Outcome(value, changes))

    def shut(self) -> None:
        """Refuse new operations and fail the queued ones (the workshop is closing)."""
        with self._lock:
            self._open = False
            pending, self._pending = self._pending, set()
            self._waiting.clear()
        self._retry.stop()
        for future in pending:
            if future.set_running_or_notify_cancel():
                future.set_exception(WorkshopClosedError(self.ws.path, "is closed."))
