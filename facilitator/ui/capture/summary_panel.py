"""The synthesis of the chosen session, or of the chosen team's output in it.

Saved as the user types (``SUMMARY_DELAY_MS`` after the first unsaved key, and at once when
the choice moves on); consecutive saves merge into one undo step (``SaveSummary``). A mark
says when another copy of the file changed this summary differently.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from facilitator.edits import capture as edits
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.context_bar import Choice
from facilitator.ui.forms.ui_capture_summary import Ui_CaptureSummaryPanel

SUMMARY_DELAY_MS = 400

Target = tuple[str | None, str | None]  # (session id, team id or None for the session)


class SummaryPanel(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaptureSummaryPanel()
        self.ui.setupUi(self)
        self.ui.summary_conflict.hide()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.target: Target = (None, None)
        self.shown_id: str | None = None  # the summary row shown; None before its first save
        self.conflict_ids: set[str] = set()  # other copies' versions of it
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SUMMARY_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.ui.summary_edit.textChanged.connect(self._typed)
        if ctx.read_only:
            self.ui.summary_edit.setReadOnly(True)
        self.ws.hub.changed.connect(self._on_changed)

    def follow(self, choice: Choice) -> None:
        """Show the summary of the chosen session or team (typed text is saved first)."""
        session = choice.session_label
        self.ui.summary_label.setText(
            f"of {choice.team_label}'s output in {session}"
            if choice.team_label
            else f"of the session {session}"
        )
        target = (choice.session_id, choice.team_id)
        if target != self.target:
            if self.timer.isActive():
                self.save()  # typed text belongs to the summary shown until now
            self.target = target
            self.load()

    def load(self) -> None:
        row = self.ws.notes.summary(*self.target)
        text = row["text"] if row else ""
        edit = self.ui.summary_edit
        if edit.toPlainText() != text:
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self.shown_id = row["id"] if row else None
        self.conflict_ids = set(self.ws.notes.summary_conflict_ids(row["id"])) if row else set()
        self.ui.summary_conflict.setVisible(bool(self.conflict_ids))

    def _typed(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def save(self) -> None:
        self.timer.stop()
        session_id, team_id = self.target
        if self.ctx.read_only or not self.ws.is_open or not session_id:
            return
        text = self.ui.summary_edit.toPlainText()
        row = self.ws.notes.summary(session_id, team_id)
        if (row["text"] if row else "") == text:
            return
        edit = edits.SaveSummary(self.ws, session_id, team_id, text)
        if self.ctx.push(edit, initiator=self):
            self.shown_id = edit.row_id

    def flush(self) -> None:
        if self.timer.isActive():
            self.save()

    def focus_editor(self) -> None:
        self.ui.summary_edit.setFocus()

    # -- reacting to the file --------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self) or not self._shows_any(changes):
            return
        if self.ui.summary_edit.hasFocus() and self.timer.isActive():
            return  # the text being typed wins; it is saved in a moment
        self.load()

    def _shows_any(self, changes: Changes) -> bool:
        """Whether a change touched this summary, a version of it, or made one for it."""
        ids = changes.ids(Table.SUMMARIES)
        if ids is None:
            return True
        if not ids:
            return False
        if ids & (self.conflict_ids | {self.shown_id}):
            return True
        return any(
            (r["session_id"], r["team_id"]) == self.target
            or (self.shown_id and r["conflict_of"] == self.shown_id)
            for r in self.ws.notes.summaries_by_ids(sorted(ids)).values()
        )
