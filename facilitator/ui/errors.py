"""What the user sees when something goes wrong.

Two kinds of failure, told apart in one place:

* a **known error** — a damaged or foreign file, a read-only folder, a full disk — is the
  user's to act on: a message that says what and where, no traceback. The change that
  failed was rolled back (every write is one transaction), so the data is as it was.
* a **bug** — anything else — gets a dialog that says what happened, that the workshop is
  saved up to the last completed change, and where the log with the details is. The
  traceback goes to the log, not to the screen.

:func:`install` sets ``sys.excepthook`` (PySide reports exceptions raised in slots through
it) and ``threading.excepthook`` so no failure is lost or shown as a ``repr``.
"""

from __future__ import annotations

import errno
import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.domain.errors import UserError
from facilitator.logs import log_path
from facilitator.store.errors import from_database_error

log = logging.getLogger(__name__)

_KNOWN_ERRNO = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT}


def known_message(exc: BaseException, workshop: str = "The workshop") -> str | None:
    """The user-facing message for a known error, or None when ``exc`` is a bug.

    ``workshop`` names the open file in messages about the database.
    """
    if isinstance(exc, UserError):
        return exc.user_message()
    if isinstance(exc, OSError) and exc.errno in _KNOWN_ERRNO:
        where = f"{exc.filename}: " if exc.filename else ""
        reasons = {
            errno.ENOSPC: "the disk is full; nothing was written.",
            errno.EROFS: "the disk or folder is read-only; nothing was written.",
            errno.EACCES: "permission denied; nothing was written.",
            errno.EPERM: "permission denied; nothing was written.",
            errno.ENOENT: "no such file or folder.",
        }
        return where + reasons[exc.errno]
    database = from_database_error(workshop, exc)
    if database is not None:
        return database.user_message()
    return None


def bug_message(exc: BaseException) -> str:
    return (
        f"Something went wrong inside Facilitator ({type(exc).__name__}).\n\n"
        "Your workshop is saved up to the last change that completed; the action you just "
        "took may not have been carried out. You can keep working.\n\n"
        f"The details are in the log: {log_path()}"
    )


class ErrorReporter(QObject):
    """Shows failures to the user, from any thread (delivered on the UI thread)."""

    _report = Signal(object)

    def __init__(
        self,
        parent_window: Callable[[], QWidget | None],
        workshop: Callable[[], str] = lambda: "The workshop",
    ) -> None:
        super().__init__()
        self._window = parent_window
        self._workshop = workshop
        self._report.connect(self._show)

    def report(self, exc: BaseException) -> None:
        if threading.current_thread() is threading.main_thread():
            self._show(exc)
        else:
            self._report.emit(exc)

    def _show(self, exc: BaseException) -> None:
        message = known_message(exc, self._workshop())
        if message is None:
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
            message = bug_message(exc)
            title = "Facilitator: something went wrong"
        else:
            log.info("known error shown to the user: %s", type(exc).__name__)
            title = "Facilitator"
        if QApplication.instance() is None:
            print(message, file=sys.stderr)
            return
        from PySide6.QtWidgets import QMessageBox  # made when first needed: not at start-up

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self._window())
        box.setObjectName("error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Shown on the next turn of the event loop: a hook may run inside a paint or a drag.
        QTimer.singleShot(0, box, box.open)


def install(reporter: ErrorReporter) -> None:
    """Route every uncaught exception (main thread, slots, other threads) to ``reporter``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        reporter.report(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
