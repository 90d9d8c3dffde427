"""The log: a rotating file beside the user's settings, for finding bugs after the fact.

What is logged: opening and closing files (by path), exports, imports and merges (by path and
counts), the venue server starting and stopping, and every unexpected error with its
traceback. What is never logged at INFO or above: participant data — names, e-mails, note
texts, answers. Messages name rows by id, not by content.

``FACILITATOR_LOG_DIR`` puts the log elsewhere (tests, a read-only home).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "facilitator.log"
_handler: logging.Handler | None = None
_early: _Held | None = None


class _Held(logging.Handler):
    """What is logged before the file is opened: written to it by :func:`setup`."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def hold(level: int = logging.INFO) -> None:
    """Keep the ``facilitator`` log records until :func:`setup` opens the file.

    The app opens its log once the window's first frame is on screen (the rotating
    handler's module alone costs more than the frame's own code); nothing is lost meanwhile.
    """
    global _early
    if _handler is not None or _early is not None:
        return
    _early = _Held()
    root = logging.getLogger("facilitator")
    root.addHandler(_early)
    root.setLevel(level)


def log_dir() -> Path:
    override = os.environ.get("FACILITATOR_LOG_DIR")
    if override:
        return Path(override)
    from PySide6.QtCore import QSettings

    # The same folder as the settings file the main window uses (QSettings' native place).
    return Path(QSettings("Facilitator", "Facilitator").fileName()).parent


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup(level: int = logging.INFO) -> Path | None:
    """Send the ``facilitator`` loggers to the rotating file (once); returns its path.

    A log that cannot be written (read-only home) is not an error: logging stays off.
    """
    global _handler, _early
    if _handler is not None:
        return log_path()
    import logging.handlers

    root = logging.getLogger("facilitator")
    held, _early = _early, None
    if held is not None:
        root.removeHandler(held)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    for record in held.records if held is not None else ():
        if record.levelno >= level:
            handler.handle(record)
    return path
