"""Errors that carry a message fit for the user: what went wrong, where, and what to do."""

from __future__ import annotations


class WorkshopError(Exception):
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
