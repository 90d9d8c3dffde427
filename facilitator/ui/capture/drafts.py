"""Unsent text kept in the file, so a crash loses at most the last fraction of a second.

The keeper writes what is in the note input (and where it was typed) as a draft within
``DRAFT_DELAY_MS`` of the first unsaved key, and it is the banner that offers recovered text
back when the area opens. It sees the text only through the ``unsent`` callable the area
gives it; saving a note clears the draft in the note's own transaction
(:class:`~facilitator.edits.capture.AddNote`) when one may be in the file: the keeper knows
whether it wrote one since the last note, so a note sent before any draft of it was
written (pasted, or typed and sent within ``DRAFT_DELAY_MS``) runs no delete that finds
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.models import clock_time
from facilitator.ui.forms.ui_capture_draft import Ui_CaptureDraftBanner

DRAFT_ID = "capture.input"
DRAFT_DELAY_MS = 300  # the draft is on disk at most this long after the first unsaved key

Unsent = Callable[[], tuple[str, dict[str, Any]]]  # (text, where it was typed)


class DraftKeeper(QWidget):
    """Keeps the draft on disk; shown as a banner while recovered text waits in the input."""

    discard_requested = Signal()  # the input should drop the recovered text

    def __init__(self, ctx: AreaContext, unsent: Unsent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaptureDraftBanner()
        self.ui.setupUi(self)
        # A QWidget subclass paints its style-sheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.unsent = unsent
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.ui.discard_button.clicked.connect(self.discard)
        # Whether the file may hold a draft: unknown when the file opens (a previous run's,
        # even one whose text was empty) and after the whole file was replaced (a backup
        # brought back); true once a draft is written; false once a note's transaction or
        # an empty save deleted it.
        self._on_disk = True
        self.ws.hub.changed.connect(self._file_changed)
        self.hide()

    def to_clear(self) -> str | None:
        """The draft a note saved now must delete in its transaction (None: none in the file)."""
        return DRAFT_ID if self._on_disk else None

    def cleared(self) -> None:
        """A note's transaction deleted the draft."""
        self._on_disk = False

    def _file_changed(self, changes: Changes) -> None:
        if changes.everything:
            self._on_disk = True

    def recovered(self) -> dict[str, Any] | None:
        """The draft a previous run left in the file, if any (text, context, updated)."""
        return self.ws.notes.load_draft(DRAFT_ID)

    def offer(self, draft: dict[str, Any]) -> None:
        """Say that recovered text is back in the input (which the area has filled)."""
        self.timer.stop()  # it is on disk already
        typed = clock_time(draft["updated"], self.ctx.bus.clock, True)
        self.ui.draft_label.setText(
            f"Recovered unsent text typed at {typed}; "
            "it is back in the box below. Press Enter to save it as a note."
        )
        self.show()

    def schedule(self) -> None:
        """The unsent text changed: have it on disk soon."""
        # Not restarted on each key: a steady typist still gets a save every DRAFT_DELAY_MS.
        if not self.timer.isActive() and not self.ctx.read_only:
            self.timer.start()

    def context_changed(self) -> None:
        """The rapporteur moved to another session, team or prompt: the draft follows."""
        if self.unsent()[0]:
            self.schedule()

    def save(self) -> None:
        self.timer.stop()
        if self.ctx.read_only or not self.ws.is_open:
            return
        text, context = self.unsent()
        self._on_disk = True  # written, deleted, or (failing) not known
        try:
            self.ws.notes.save_draft(DRAFT_ID, text, context)
        except WorkshopError as exc:
            self.ctx.status(f"Unsent text could not be kept: {exc.message}")
            return
        self._on_disk = bool(text)

    def note_saved(self, _note_id: str = "") -> None:
        """The text became a note and left the box (the note's transaction deleted the
        draft, if there was one: :meth:`cleared`)."""
        self.timer.stop()
        self.hide()

    def discard(self) -> None:
        self.discard_requested.emit()
        self.hide()
        self.save()

    def flush(self) -> None:
        """Write a pending draft now (leaving the area, closing the file)."""
        if self.timer.isActive():
            self.save()
