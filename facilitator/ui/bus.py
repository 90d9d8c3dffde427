"""What the areas of one window share while a workshop is open: typed values with signals.

An area never reaches into another area. What one area decides and others follow is a value
here, set through a method that emits a typed signal when it changes:

* ``live_session_id`` — the session running now (set by the Agenda's live panel from the
  clock and the recorded starts; Capture files notes under it, the teams projector shows
  its round);
* ``selected_day`` — the day the Agenda shows (the timer projector follows it);
* ``team_round`` — the team set and round the Teams area shows (the teams projector
  follows it).

The projector windows are kept here too, so a second F5/F6 raises the open one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from facilitator.ui.agenda.clock import Clock


class AreaBus(QObject):
    live_session_changed = Signal(object)  # str | None
    selected_day_changed = Signal(object)  # str | None
    team_round_changed = Signal(object, object)  # team set id | None, round id | None

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._live: str | None = None
        self._day: str | None = None
        self._round: tuple[str | None, str | None] = (None, None)
        self.timer_projector: QWidget | None = None
        self.teams_projector: QWidget | None = None

    @property
    def live_session_id(self) -> str | None:
        return self._live

    def set_live_session(self, session_id: str | None) -> None:
        if session_id != self._live:
            self._live = session_id
            self.live_session_changed.emit(session_id)

    @property
    def selected_day(self) -> str | None:
        return self._day

    def set_selected_day(self, day_id: str | None) -> None:
        if day_id != self._day:
            self._day = day_id
            self.selected_day_changed.emit(day_id)

    @property
    def team_round(self) -> tuple[str | None, str | None]:
        return self._round

    def set_team_round(self, team_set_id: str | None, round_id: str | None) -> None:
        if (team_set_id, round_id) != self._round:
            self._round = (team_set_id, round_id)
            self.team_round_changed.emit(team_set_id, round_id)
