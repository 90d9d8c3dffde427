"""Dialogs of the Teams area and the background worker that plans teams."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from facilitator.domain import teams as engine
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


class PlanWorker(QObject):
    """Runs the engine on a prepared problem in a QThread; the window keeps responding.

    The problem is plain Python built from the workshop beforehand, so the worker needs no
    database connection of its own.
    """

    progress = Signal(int)
    finished = Signal(object)  # engine.Plan
    failed = Signal(object)  # Exception
    cancelled = Signal()

    def __init__(self, problem: engine.Problem) -> None:
        super().__init__()
        self.problem = problem
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = engine.plan(
                self.problem,
                progress=lambda f: self.progress.emit(int(f * 100)),
                cancel=self._cancel.is_set,
            )
        except engine.InfeasibleProblem as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - reported to the user, never kills the window
            self.failed.emit(RuntimeError(f"Planning the teams failed unexpectedly ({exc!r})."))
            return
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(result)
