"""Polls area ▸ Team worksheets: open a group exercise's round for the teams' own devices.

Opening is the facilitator's action, here in the desktop app, as an undoable step (a
setting): from then on each team's page on the venue Wi-Fi shows the exercise's prompts and
its members type the answers together. The table shows, per team, the devices on its page
now and how many prompts have an answer; the answers themselves appear in Capture ▸
Worksheet as they are typed, and on the projector (all teams' answers to one prompt).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.edits.base import SetSetting
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_WORKSHEET
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue.controller import VenueController
from facilitator.ui.venue.models import WorksheetTeamsModel
from facilitator.venue.app import Presence

WATCHED = (
    Table.SETTINGS,
    Table.ROUNDS,
    Table.TEAMS,
    Table.TEAM_SETS,
    Table.EXERCISES,
    Table.EXERCISE_PROMPTS,
    Table.NOTES,
    Table.SESSIONS,
)


def round_label(r: dict[str, Any]) -> str:
    title = r["exercise_title"] or "Untitled exercise"
    where = " · ".join(x for x in (r["team_set_title"], r["title"]) if x)
    return f"{title} — {where} ({r['teams']} teams, {r['prompts']} prompts)"


class WorksheetsTab(QWidget):
    def __init__(
        self, ctx: AreaContext, controller: VenueController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.reload)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel("&Round:")
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("worksheet_round_combo")
        label.setBuddy(self.round_combo)
        self.round_combo.currentIndexChanged.connect(lambda _i: self.reload_teams())
        row.addWidget(label)
        row.addWidget(self.round_combo, 1)
        self.open_button = QPushButton()
        self.open_button.setObjectName("worksheet_open_button")
        self.open_button.clicked.connect(self.toggle_open)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("worksheet_status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status_label)
        self.model = WorksheetTeamsModel(self)
        self.teams_view = QTableView()
        self.teams_view.setObjectName("worksheet_teams_view")
        self.teams_view.setModel(self.model)
        self.teams_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.teams_view.setAlternatingRowColors(True)
        self.teams_view.verticalHeader().hide()
        header = self.teams_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.teams_view, 1)
        buttons = QHBoxLayout()
        hint = QLabel(
            "Answers appear in Capture ▸ Worksheet as the teams type them. Each team's code "
            "is on its team list (File ▸ Export ▸ Teams ▸ Team lists) and on the projector."
        )
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        self.codes_button = QPushButton("Team &codes on projector")
        self.codes_button.clicked.connect(lambda: self.projector(codes=True))
        self.answers_button = QPushButton("&Answers on projector")
        self.answers_button.clicked.connect(lambda: self.projector(codes=False))
        buttons.addWidget(self.codes_button)
        buttons.addWidget(self.answers_button)
        lay.addLayout(buttons)
        self.ws.hub.changed.connect(self._changed)
        controller.changed.connect(self.reload)
        controller.presence_changed.connect(self._presence)
        self.reload()

    # -- state -----------------------------------------------------------------------------
    @property
    def chosen_round(self) -> str | None:
        return self.round_combo.currentData()

    def reload(self) -> None:
        if not self.ws.is_open:
            return
        v = self.ws.venue
        open_round = v.worksheet_round()
        keep = self.round_combo.currentData() or open_round or self.ctx.bus.team_round[1]
        combo = self.round_combo
        combo.blockSignals(True)
        combo.clear()
        for r in v.worksheet_rounds():
            marker = "● " if r["id"] == open_round else ""
            combo.addItem(marker + round_label(r), r["id"])
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)
        self.reload_teams()

    def reload_teams(self) -> None:
        if not self.ws.is_open:
            return
        v = self.ws.venue
        sheet = v.worksheet(self.chosen_round)
        rows: list[dict[str, Any]] = []
        prompts: list[str] = []
        if sheet is not None:
            prompts = [p["id"] for p in sheet["prompts"]]
            answered: dict[str, set[str]] = {}
            for n in self.ws.notes.answers(prompts):
                if n["text"].strip():
                    answered.setdefault(n["team_id"], set()).add(n["prompt_id"])
            rows = [{**t, "answered": len(answered.get(t["id"], ()))} for t in sheet["teams"]]
        self.model.prompt_count = len(prompts)
        self.model.base = (
            self.controller.base_url() if self.chosen_round == v.worksheet_round() else ""
        )
        self.model.set_rows(rows)
        self.model.set_devices(dict(self.controller.presence.teams))
        self._buttons(sheet)

    def _buttons(self, sheet: dict[str, Any] | None) -> None:
        open_round = self.ws.venue.worksheet_round()
        is_open = sheet is not None and sheet["round_id"] == open_round
        self.open_button.setText("C&lose for teams" if is_open else "&Open for teams")
        self.open_button.setEnabled(sheet is not None and not self.ws.read_only)
        if sheet is None:
            self.status_label.setText(
                "No group exercise with prompts and teams yet: give an exercise its prompts "
                "in Capture ▸ Worksheet and make its teams in the Teams area."
            )
        elif not is_open:
            other = " Opening it closes the one open now." if open_round is not None else ""
            self.status_label.setText(
                "Not open: the teams' pages show no worksheet for this round." + other
            )
        elif not self.controller.running:
            self.status_label.setText(
                "Open for the teams, but the Venue Wi-Fi is off: start it (Venue Wi-Fi…) so "
                "their devices can reach this laptop."
            )
        else:
            self.status_label.setText(
                f"Open: each team's members type their answers together at "
                f"<b>{self.controller.base_url()}/</b> (then their team), or from their team's "
                "code."
            )
        self.codes_button.setEnabled(is_open)
        self.answers_button.setEnabled(sheet is not None)

    # -- actions ---------------------------------------------------------------------------
    def toggle_open(self) -> None:
        round_id = self.chosen_round
        if round_id is None:
            return
        if self.ws.venue.worksheet_round() == round_id:
            edit = SetSetting(self.ws, SETTING_WORKSHEET, "", "Close the team worksheets")
        else:
            edit = SetSetting(self.ws, SETTING_WORKSHEET, round_id, "Open the team worksheets")
        self.ctx.push(edit)

    def projector(self, codes: bool) -> None:
        from facilitator.ui.venue.worksheet_projector import show_worksheet_projector

        show_worksheet_projector(self.ctx, self.chosen_round, codes=codes)

    # -- changes ---------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED) and not self._timer.isActive():
            self._timer.start()

    def _presence(self, presence: Presence) -> None:
        self.model.set_devices(dict(presence.teams))
