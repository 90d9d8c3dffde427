"""The report's options: which sections in which order, the texts, and the choices.

Every choice is saved in the workshop (the ``report`` setting) the moment it is made, as one
undoable step; typing in a text merges into one step and is saved after a short pause. The
panel shows what it saved, so it skips its own Changes; undo, redo and a change of the
workshop's Chatham House rule load it again.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from facilitator.domain.report import ReportSettings
from facilitator.edits.base import SetSetting
from facilitator.store.changes import Changes
from facilitator.store.report import SETTING_KEY
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_report_options import Ui_ReportOptions
from facilitator.ui.report.sections import SectionsModel

TYPING_PAUSE_MS = 300


class OptionsPanel(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.ui = Ui_ReportOptions()
        self.ui.setupUi(self)
        self.model = SectionsModel(self)
        self.ui.sections_view.setModel(self.model)
        self._loading = False
        self._typed = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(TYPING_PAUSE_MS)
        self._save_timer.timeout.connect(self.save)

        u = self.ui
        self.model.changed.connect(self.save)
        u.up_button.clicked.connect(lambda: self._move(-1))
        u.down_button.clicked.connect(lambda: self._move(1))
        for edit in (u.summary_edit, u.way_forward_edit, u.acknowledgements_edit):
            edit.textChanged.connect(self._text_changed)
        for check in (u.anonymous_check, u.starred_check, u.draft_check):
            check.toggled.connect(self.save)
        u.paper_combo.currentIndexChanged.connect(self.save)
        self.ws.hub.changed.connect(self._on_changed)
        self.load()
        editors = (u.summary_edit, u.way_forward_edit, u.acknowledgements_edit, u.starred_check)
        for w in (*editors, u.draft_check, u.paper_combo, u.up_button, u.down_button):
            w.setEnabled(not ctx.read_only)  # the anonymised box is set up by load()

    def load(self) -> None:
        self._loading = True
        try:
            s = self.ws.report.load_settings()
            u = self.ui
            self.model.load(s.sections)
            for edit, text in (
                (u.summary_edit, s.executive_summary),
                (u.way_forward_edit, s.way_forward),
                (u.acknowledgements_edit, s.acknowledgements),
            ):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            chatham = bool(self.ws.info.details().get("chatham_house"))
            u.anonymous_check.setChecked(s.anonymous)
            u.anonymous_check.setEnabled(not chatham and not self.ctx.read_only)
            u.anonymous_check.setToolTip(
                "This workshop is under the Chatham House Rule, so the report names nobody."
                if chatham
                else "Attribute no statement to anyone and list no participant."
            )
            u.starred_check.setChecked(s.starred_only)
            u.draft_check.setChecked(s.draft)
            u.paper_combo.setCurrentIndex(1 if s.paper == "letter" else 0)
        finally:
            self._loading = False

    def settings(self) -> ReportSettings:
        """The choices as the widgets show them (saved or about to be)."""
        u = self.ui
        return ReportSettings(
            sections=self.model.sections(),
            executive_summary=u.summary_edit.toPlainText(),
            way_forward=u.way_forward_edit.toPlainText(),
            acknowledgements=u.acknowledgements_edit.toPlainText(),
            draft=u.draft_check.isChecked(),
            paper="letter" if u.paper_combo.currentIndex() == 1 else "a4",
            anonymous=u.anonymous_check.isChecked(),
            starred_only=u.starred_check.isChecked(),
        )

    def save(self) -> None:
        """Record the choices as one undoable step (typing in a text merges into one step)."""
        if self._loading or self.ctx.read_only:
            return
        typing, self._typed = self._typed, False
        self._save_timer.stop()
        value = self.settings().to_value()
        if value == self.ws.info.setting(SETTING_KEY):
            return
        edit = SetSetting(self.ws, SETTING_KEY, value, "Edit report", merge=typing)
        self.ctx.push(edit, initiator=self)

    def _text_changed(self) -> None:
        if not self._loading:
            self._typed = True
            self._save_timer.start()

    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self):
            return  # the widgets already show what was saved
        settings = changes.ids(Table.SETTINGS)
        if changes.touches(Table.WORKSHOP) or settings is None or SETTING_KEY in settings:
            self.load()

    def _move(self, step: int) -> None:
        index = self.ui.sections_view.currentIndex()
        if not index.isValid():
            return
        row = self.model.move(index.row(), step)
        self.ui.sections_view.setCurrentIndex(self.model.index(row))
