"""Every team's answers to an exercise's prompts side by side, and the prompt editor.

Activating a cell asks the area (``answer_requested``) to open the notes of that team on
that prompt, where the rapporteur types the answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.context_bar import Choice
from facilitator.ui.capture.dialogs import PromptEditorDialog
from facilitator.ui.capture.models import WorksheetModel
from facilitator.ui.capture.pending import PendingChanges
from facilitator.ui.capture.widgets import RowFitter
from facilitator.ui.forms.ui_capture_worksheet import Ui_CaptureWorksheetPanel

# What the grid is made of: a change here rebuilds it (and the exercise list).
GRID_TABLES = (Table.EXERCISE_PROMPTS, Table.TEAMS, Table.EXERCISES, Table.ROUNDS, Table.TEAM_SETS)


class WorksheetPanel(QWidget):
    answer_requested = Signal(object, object, object)  # session id, team id, prompt id

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaptureWorksheetPanel()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.session_id: str | None = None
        self._filled = False
        self._pending = PendingChanges()  # what changed while the tab was hidden
        self.model = WorksheetModel(self.ws, self)
        view = self.ui.worksheet_view
        view.setModel(self.model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setMaximumWidth(220)
        view.activated.connect(self._cell_activated)
        # Rows fit the answers at the widths the columns have when the tab is on screen,
        # and again whenever they change (not at the widths of a hidden tab).
        self.rows_fitter = RowFitter(view)
        self.rows_fitter.watch(self.model)
        self.model.dataChanged.connect(
            lambda top, bottom, *_r: self.rows_fitter.fit_rows(top.row(), bottom.row())
        )
        self.ui.exercise_combo.currentIndexChanged.connect(self._exercise_chosen)
        self.ui.prompts_button.clicked.connect(self.edit_prompts)
        self.ui.prompts_button.setEnabled(not ctx.read_only)
        self.ws.hub.changed.connect(self._on_changed)

    @property
    def exercise_id(self) -> str | None:
        return self.ui.exercise_combo.currentData()

    def follow(self, choice: Choice) -> None:
        """Remember the session: it picks the first exercise shown and gets new prompts."""
        self.session_id = choice.session_id
        if not self._filled and (self.isVisible() or not self.ws.is_large):
            self.fill_exercises()
        # else (a large workshop, the tab not shown) the grid is read when it is shown

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._filled:
            self._pending.take()  # filled from the file now
            self.fill_exercises()
        else:
            self.catch_up()

    def catch_up(self) -> None:
        """Apply what changed while the tab was hidden."""
        changes = self._pending.take()
        if changes is not None:
            self._apply(changes)

    def fill_exercises(self, rebuild: bool = True) -> None:
        """(Re)load the exercises, keeping the chosen one; the grid is rebuilt when
        ``rebuild`` or when another exercise comes to be chosen."""
        self._filled = True
        combo = self.ui.exercise_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for e in self.ws.notes.exercises():
            combo.addItem(e["title"] or "Untitled exercise", e["id"])
        if keep is None:
            current = self.ws.notes.exercise_for_session(self.session_id)
            keep = current["id"] if current else None
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)
        if rebuild or combo.currentData() != self.model.exercise_id:
            self.model.set_exercise(combo.currentData())

    def _exercise_chosen(self, _index: int) -> None:
        self.model.set_exercise(self.exercise_id)

    def edit_prompts(self) -> None:
        """Edit the chosen exercise's prompts, or give the session an exercise with some."""
        exercise_id = self.exercise_id
        session_id = self.session_id if exercise_id is None else None
        PromptEditorDialog(self.ctx, exercise_id, session_id, self).exec()

    def _cell_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        prompt_id, team_id = index.data(WorksheetModel.CellRole)
        session_id = self.ws.notes.worksheet_session_id(self.model.exercise_id, team_id)
        self.answer_requested.emit(session_id, team_id, prompt_id)

    def _on_changed(self, changes: Changes) -> None:
        if not self._filled:
            return
        if not self.isVisible():
            self._pending.add(changes)  # the grid catches up when its tab is shown
            return
        self._apply(changes)

    def _apply(self, changes: Changes) -> None:
        if changes.touches(*GRID_TABLES):
            self.fill_exercises()
            return
        if changes.touches(Table.SESSIONS, Table.DAYS):
            self.fill_exercises(rebuild=False)  # exercises are listed in agenda order
        ids = changes.ids(Table.NOTES)
        if ids is None:
            self.model.reload()
        elif ids:
            self.model.refresh_notes(ids)
