"""Where the notes go: the session, team and prompt pickers every capture panel follows.

The bar announces each new choice as one :class:`Choice` (``changed``); the panels follow it
and never read the pickers. It follows the live session the Agenda announces on the area
bus while the rapporteur has not picked another session. The two whole-file buttons of the
area sit at its end: merge conflicts waiting to be resolved, and the note kinds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.dialogs import ConflictDialog
from facilitator.ui.forms.ui_capture_context import Ui_CaptureContextBar

LIVE_MARK = "  ● live"


@dataclass(frozen=True)
class Choice:
    """What the rapporteur writes about now, with the names the pickers show for it."""

    session_id: str | None = None
    team_id: str | None = None
    prompt_id: str | None = None
    session_label: str = ""  # as the session picker shows it, without the day
    team_label: str = ""  # the team's name; empty for the whole session


class ContextBar(QWidget):
    changed = Signal(object)  # Choice, each time any part of it (or a name in it) changes
    kinds_requested = Signal()

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaptureContextBar()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.ws = ctx.workshop
        self._follow_live = True
        self._loading = False
        self._holding = False  # several pickers change as one choice
        self._choice = Choice()
        self.ui.conflict_button.clicked.connect(self.show_conflicts)
        self.ui.kinds_button.clicked.connect(self.kinds_requested.emit)
        self.ui.session_combo.currentIndexChanged.connect(self._session_chosen)
        self.ui.team_combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.ui.prompt_combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.ui.kinds_button.setEnabled(not ctx.read_only)
        self.fill_sessions()
        self.update_conflicts()
        self.ws.hub.changed.connect(self._on_changed)
        ctx.bus.live_session_changed.connect(self._live_changed)

    # -- the choice ------------------------------------------------------------------------
    @property
    def session_id(self) -> str | None:
        return self.ui.session_combo.currentData()

    @property
    def team_id(self) -> str | None:
        return self.ui.team_combo.currentData()

    @property
    def prompt_id(self) -> str | None:
        return self.ui.prompt_combo.currentData()

    def choice(self) -> Choice:
        return Choice(
            self.session_id,
            self.team_id,
            self.prompt_id,
            self.ui.session_combo.currentText().split(" · ", 1)[-1],
            self.ui.team_combo.currentText() if self.team_id else "",
        )

    def _emit(self) -> None:
        if self._loading or self._holding:
            return
        choice = self.choice()
        if choice != self._choice:
            self._choice = choice
            self.changed.emit(choice)

    def choose(
        self,
        session_id: str | None,
        team_id: str | None,
        prompt_id: str | None = None,
        add_team: bool = True,
    ) -> None:
        """Pick a session (if it exists; then the bar stops following the live one), a team
        (``add_team``: offered even when it does not work in that session) and a prompt."""
        self._holding = True
        try:
            combo = self.ui.session_combo
            if session_id and combo.findData(session_id) >= 0:
                self._follow_live = False
                combo.setCurrentIndex(combo.findData(session_id))
            teams = self.ui.team_combo
            if add_team and team_id and teams.findData(team_id) < 0:
                team = self.ws.rows.get(Table.TEAMS, team_id)
                if team:
                    teams.addItem(team["name"], team_id)
            teams.setCurrentIndex(max(teams.findData(team_id), 0))
            prompts = self.ui.prompt_combo
            prompts.setCurrentIndex(max(prompts.findData(prompt_id), 0))
        finally:
            self._holding = False
        self._emit()

    def restore(self, session_id: str | None, team_id: str | None, prompt_id: str | None) -> None:
        """Go back to where unsent text was typed, if that session still exists."""
        if session_id and self.ui.session_combo.findData(session_id) >= 0:
            self.choose(session_id, team_id, prompt_id, add_team=False)

    def set_team(self, team_id: str | None) -> None:
        teams = self.ui.team_combo
        teams.setCurrentIndex(max(teams.findData(team_id), 0))

    # -- filling the pickers ---------------------------------------------------------------
    def live_session_id(self) -> str | None:
        # Until the Agenda has been opened nobody has announced the live session: the
        # recorded starts say which one runs.
        return self.ctx.bus.live_session_id or self.ws.agenda.running_session_id()

    def fill_sessions(self) -> None:
        """(Re)load the sessions, keeping the chosen one unless the bar follows the live one."""
        combo = self.ui.session_combo
        keep = self.session_id
        self._loading = True
        combo.blockSignals(True)
        combo.clear()
        live = self.live_session_id()
        for s in self.ws.notes.sessions():
            start = f"{s['planned_start']} " if s.get("planned_start") else ""
            mark = LIVE_MARK if s["id"] == live else ""
            combo.addItem(f"{s['day_title'] or s['day_date']} · {start}{s['title']}{mark}", s["id"])
        target = keep if keep and not self._follow_live else None
        if target is None:
            target = self.ws.notes.default_session_id(live)
        combo.setCurrentIndex(max(combo.findData(target), 0))
        combo.blockSignals(False)
        self._loading = False
        self._session_chosen(-1, manual=False)

    def _session_chosen(self, _index: int, manual: bool = True) -> None:
        if self._loading:
            return
        if manual:
            self._follow_live = self.session_id == self.live_session_id()
        live = self.live_session_id()
        self.ui.live_label.setText("● live" if self.session_id and self.session_id == live else "")
        self.fill_teams()
        self.fill_prompts()
        self._emit()

    def fill_teams(self) -> None:
        combo = self.ui.team_combo
        keep = self.team_id
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("— whole session —", None)
        for t in self.ws.notes.teams_for_session(self.session_id):
            combo.addItem(t["name"], t["id"])
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def fill_prompts(self) -> None:
        combo = self.ui.prompt_combo
        keep = self.prompt_id
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("— no prompt —", None)
        exercise = self.ws.notes.exercise_for_session(self.session_id)
        for p in self.ws.notes.prompts(exercise["id"] if exercise else None):
            combo.addItem(p["text"], p["id"])
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)

    # -- conflicts -------------------------------------------------------------------------
    def update_conflicts(self) -> None:
        n = self.ws.notes.conflict_count()
        self.ui.conflict_button.setText(f"⚠ {n} merge conflict{'s' if n != 1 else ''}: resolve…")
        self.ui.conflict_button.setVisible(n > 0)

    def show_conflicts(self) -> None:
        ConflictDialog(self.ctx, self).exec()

    # -- reacting to the file and the agenda -----------------------------------------------
    def _live_changed(self, _session_id: str | None) -> None:
        self.fill_sessions()  # the live mark moves; a bar following the live session follows

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.SESSIONS, Table.DAYS):
            self.fill_sessions()  # titles, order and planned starts of the whole list
        elif changes.touches(Table.TEAMS, Table.ROUNDS, Table.TEAM_SETS):
            self._session_chosen(-1, manual=False)
        elif changes.touches(Table.EXERCISES, Table.EXERCISE_PROMPTS):
            self.fill_prompts()
            self._emit()
        if changes.touches(Table.SUMMARIES, Table.NOTES):
            self.update_conflicts()
