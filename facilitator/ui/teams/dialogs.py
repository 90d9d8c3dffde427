"""Dialogs of the Teams area."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from facilitator.ui.forms.ui_teams_exercise import Ui_TeamsExerciseDialog


class NewExerciseDialog(QDialog):
    """Choose a group session and name a new exercise."""

    def __init__(self, sessions: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TeamsExerciseDialog()
        self.ui.setupUi(self)
        for s in sessions:
            label = f"{s['date']} · {s['title']}" if s.get("date") else s["title"]
            self.ui.session_combo.addItem(label, s["id"])
        self.ui.session_combo.addItem("(no session)", None)
        self.ui.session_combo.currentIndexChanged.connect(self._suggest)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.title_edit.textChanged.connect(self._validate)
        self._sessions = {s["id"]: s for s in sessions}
        self._suggest()

    def _suggest(self) -> None:
        session = self._sessions.get(self.ui.session_combo.currentData())
        if session and not self.ui.title_edit.isModified():
            self.ui.title_edit.setText(session["title"])
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.ui.title_edit.text().strip())
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        return {
            "session_id": self.ui.session_combo.currentData(),
            "title": self.ui.title_edit.text().strip(),
            "team_count": self.ui.team_count_spin.value(),
        }

    @classmethod
    def ask(
        cls, sessions: list[dict[str, Any]], parent: QWidget | None = None
    ) -> tuple[dict[str, Any], bool]:
        dialog = cls(sessions, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted
