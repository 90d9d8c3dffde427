"""The exercise picker: which exercise, team set, round and day the Teams area shows.

It holds the top row of the area (``forms/teams_picker.ui``): the exercise, New exercise…,
Set up teams, the round, Add round and the round's day. It decides the selection and
announces it with ``selection_changed``; the other panels follow it. It reloads itself when
exercises, rounds, sessions or days change, or a team set appears that it does not show.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from facilitator.edits import teams as edits
from facilitator.edits.base import SetFields
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_teams_picker import Ui_TeamsPicker
from facilitator.ui.teams.dialogs import NewExerciseDialog
from facilitator.ui.teams.selection import Selection

# What the combos show: exercises with their sessions' dates, rounds, days.
SHOWN_TABLES = (Table.EXERCISES, Table.ROUNDS, Table.SESSIONS, Table.DAYS)


class ExercisePicker(QWidget):
    """Chooses what the area shows; adds exercises and rounds."""

    selection_changed = Signal(object)  # Selection

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.ui = Ui_TeamsPicker()
        self.ui.setupUi(self)
        self.selection = Selection()
        self.ui.exercise_combo.activated.connect(self._exercise_chosen)
        self.ui.new_exercise_button.clicked.connect(self.new_exercise)
        self.ui.setup_button.clicked.connect(self.set_up_teams)
        self.ui.round_combo.activated.connect(self._round_chosen)
        self.ui.add_round_button.clicked.connect(self.add_round)
        self.ui.day_combo.activated.connect(self._day_chosen)
        editing = not ctx.read_only
        for w in (
            self.ui.new_exercise_button,
            self.ui.setup_button,
            self.ui.add_round_button,
            self.ui.day_combo,
        ):
            w.setEnabled(editing)
        self.ws.hub.changed.connect(self._on_changed)
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self):
            # Its own edits: a new exercise or round is chosen right after the push, and a
            # changed day is on screen already.
            return
        team_sets = changes.ids(Table.TEAM_SETS)
        other_set = team_sets is None or bool(team_sets - {self.selection.team_set_id})
        if other_set or changes.touches(*SHOWN_TABLES):
            self.reload()

    def reload(self) -> None:
        """Fill the combos again, keeping the exercise and round when they still exist."""
        self.show_exercise(self.selection.exercise_id, self.selection.round_id)

    def show_exercise(self, exercise_id: str | None, round_id: str | None = None) -> None:
        """Show an exercise (the first when it is gone) and a round of it (else its first)."""
        ui = self.ui
        exercises = self.ws.teams.exercises()
        ids = [e["id"] for e in exercises]
        if exercise_id not in ids:
            exercise_id = ids[0] if ids else None
        ui.exercise_combo.blockSignals(True)
        ui.exercise_combo.clear()
        for e in exercises:
            where = f" ({e['date']} · {e['session_title']})" if e["session_title"] else ""
            ui.exercise_combo.addItem(f"{e['title']}{where}", e["id"])
        ui.exercise_combo.setCurrentIndex(max(0, ui.exercise_combo.findData(exercise_id)))
        ui.exercise_combo.setToolTip(ui.exercise_combo.currentText())  # when it is cut
        ui.exercise_combo.blockSignals(False)
        sets = self.ws.teams.team_sets(exercise_id) if exercise_id else []
        team_set_id = sets[0]["id"] if sets else None
        ui.setup_button.setVisible(bool(exercise_id) and team_set_id is None)
        rounds = self.ws.teams.rounds(team_set_id) if team_set_id else []
        rids = [r["id"] for r in rounds]
        if round_id not in rids:
            round_id = rids[0] if rids else None
        ui.round_combo.blockSignals(True)
        ui.round_combo.clear()
        for n, r in enumerate(rounds, start=1):
            ui.round_combo.addItem(r["title"] or f"Round {n}", r["id"])
        ui.round_combo.setCurrentIndex(max(0, ui.round_combo.findData(round_id)))
        ui.round_combo.blockSignals(False)
        ui.add_round_button.setEnabled(bool(team_set_id) and not self.ctx.read_only)
        current = next((r for r in rounds if r["id"] == round_id), None)
        ui.day_combo.blockSignals(True)
        ui.day_combo.clear()
        for d in self.ws.agenda.day_rows():
            ui.day_combo.addItem(f"{d['title'] or 'Day'} · {d['date']}", d["id"])
        if current:
            ui.day_combo.setCurrentIndex(ui.day_combo.findData(current["effective_day_id"]))
        ui.day_combo.setEnabled(current is not None and not self.ctx.read_only)
        ui.day_combo.blockSignals(False)
        selection = Selection(exercise_id, team_set_id, round_id)
        if selection != self.selection:
            self.selection = selection
            self.selection_changed.emit(selection)

    def open(self, request: dict[str, Any]) -> None:
        """Show an exercise (``exercise_id``), a team set (``team_set_id``) or a round."""
        exercise_id = self.selection.exercise_id
        round_id = self.selection.round_id
        if request.get("team_set_id"):
            ts = self.ws.rows.get(Table.TEAM_SETS, request["team_set_id"])
            if ts:
                exercise_id = ts["exercise_id"]
        if request.get("exercise_id"):
            exercise_id = request["exercise_id"]
        if request.get("round_id"):
            round_id = request["round_id"]
        self.show_exercise(exercise_id, round_id)

    def _exercise_chosen(self, index: int) -> None:
        self.show_exercise(self.ui.exercise_combo.itemData(index), None)

    def _round_chosen(self, index: int) -> None:
        self.show_exercise(self.selection.exercise_id, self.ui.round_combo.itemData(index))

    # -- editing ---------------------------------------------------------------------------
    def new_exercise(self) -> None:
        values, ok = NewExerciseDialog.ask(self.ws.teams.group_sessions(), self)
        if ok:
            self.create_exercise(values["session_id"], values["title"], values["team_count"])

    def create_exercise(self, session_id: str | None, title: str, team_count: int = 4) -> None:
        """Add an exercise with its team set and first round (one undo step), and show it."""
        macro = edits.new_exercise(self.ws, session_id, title, team_count)
        if self.ctx.push(macro, initiator=self):
            self.show_exercise(macro.edits[0].row_id, None)

    def set_up_teams(self) -> None:
        """Give the shown exercise (made elsewhere, without teams) its team set and round."""
        exercise_id = self.selection.exercise_id
        if not exercise_id:
            return
        ex = self.ws.rows.get(Table.EXERCISES, exercise_id) or {}
        macro = edits.new_exercise(self.ws, ex.get("session_id"), ex.get("title") or "", 4)
        # Reuse the existing exercise: only the team set and its first round are added.
        macro.edits = macro.edits[1:]
        macro.edits[0].row["exercise_id"] = exercise_id
        macro.setText("Set up teams")
        if self.ctx.push(macro, initiator=self):
            self.reload()

    def add_round(self) -> None:
        """Add a round to the shown team set and show it."""
        team_set_id = self.selection.team_set_id
        if team_set_id:
            cmd = edits.add_round(self.ws, team_set_id)
            if self.ctx.push(cmd, initiator=self):
                self.show_exercise(self.selection.exercise_id, cmd.row_id)

    def _day_chosen(self, index: int) -> None:
        round_id = self.selection.round_id
        if round_id:
            day = self.ui.day_combo.itemData(index)
            edit = SetFields(self.ws, Table.ROUNDS, round_id, {"day_id": day}, "Round day")
            self.ctx.push(edit, initiator=self)
