"""Errors that carry a message fit for the user: what went wrong, where, and what to do."""

from __future__ import annotations

from facilitator.domain.errors import UserError


class WorkshopError(UserError):
    """A problem with a workshop file that the user can act on."""

    def __init__(self, path: str, message: str, hint: str = "") -> None:
        self.path = str(path)
        self.message = message
        self.hint = hint
        super().__init__(self.user_message())

    def user_message(self) -> str:
        text = f"{self.path}: {self.message}"
        return f"{text}\n{self.hint}" if self.hint else text


class NotAWorkshopError(WorkshopError):
    """The file is SQLite (or something else) but not a Facilitator workshop."""


class CorruptWorkshopError(WorkshopError):
    """SQLite cannot read the file or its integrity check fails."""


class NewerWorkshopError(WorkshopError):
    """The file was written by a newer Facilitator whose format this build does not know."""


class ReadOnlyWorkshopError(WorkshopError):
    """An edit was attempted on a workshop opened for viewing only."""


class StorageError(WorkshopError):
    """Writing failed (disk full, folder not writable); the change was rolled back."""


def from_database_error(path: str, exc: BaseException) -> WorkshopError | None:
    """The user's version of an SQLite error met outside a write (a read, a backup)."""
    import sqlite3

    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    if "full" in text:
        return StorageError(
            path,
            "the disk is full; the last change was not saved.",
            "Free some space, then repeat the change. Nothing else was lost.",
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(path, "cannot be written (the file or folder is read-only).")
    if "malformed" in text or "no such table" in text or "no such column" in text:
        return CorruptWorkshopError(
            path,
            f"is damaged ({exc}).",
            "Use File ▸ Restore from backup… to bring back an earlier copy.",
        )
    if "locked" in text or "busy" in text:
        return StorageError(path, "is busy in another program; try again in a moment.")
    if isinstance(exc, sqlite3.OperationalError) and "disk i/o" in text:
        return StorageError(path, "could not be read or written (disk I/O error).")
    return None
