"""Where the notes go: the session, team and prompt pickers every capture panel follows.

The bar announces each new choice as one :class:`Choice` (``changed``); the panels follow it
and never read the pickers. It follows the live session while the rapporteur has not
picked another session. "Live" is what the recorded starts say runs now on the Agenda's
clock (``ctx.bus.clock``: the workshop's time zone, or the rehearsal time): the bar looks
again when the Agenda announces a change on the bus, when the sessions change and when it
is shown, so a start recorded during a rehearsal is not live once the clock is real again.

Keyboard: Alt+S, Alt+M and Alt+P go to the session, team and prompt pickers; Enter in a
picker hands the keyboard back to the note box (``picked``). When something other than
the rapporteur moves the choice (a search hit in another session), :meth:`announce` says
so beside the pickers and marks the pickers that changed. The two whole-file buttons of
the area sit at the bar's end: merge conflicts waiting to be resolved, and the note kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.dialogs import ConflictDialog
from facilitator.ui.forms.ui_capture_context import Ui_CaptureContextBar

LIVE_MARK = "  ● live"
MOVED_STYLE = "QComboBox { background: #FFF3B0; }"
ANNOUNCE_MS = 15000  # how long a move made for the rapporteur stays marked


@dataclass(frozen=True)
class Choice:
    """What the rapporteur writes about now, with the names the pickers show for it."""

    session_id: str | None = None
    team_id: str | None = None
    prompt_id: str | None = None
    session_label: str = ""  # as the session picker shows it, without the day or live mark
    team_label: str = ""  # the team's name; empty for the whole session


class ContextBar(QWidget):
    changed = Signal(object)  # Choice, each time any part of it (or a name in it) changes
    kinds_requested = Signal()
    picked = Signal()  # Enter in a picker: the rapporteur is done choosing

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
        self._labels: dict[str, str] = {}  # session id → title with its planned start
        self._live_ids: list[str] = []  # running now on the clock, latest start first
        self._filled_at: tuple[Any, ...] | None = None  # the clock's reading when filled
        self._conflicts_stale = False  # notes changed while hidden: count them when shown
        self._conflict_ids: set[str] = set()  # every other copy's version seen, resolved too
        # views whose edits only add, edit, move or delete the notes they show (the area
        # sets its note list): see _may_change_conflicts
        self.own_note_edits: tuple[object, ...] = ()
        self.ui.switch_label.hide()
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_MS)
        self._announce_timer.timeout.connect(self.clear_announcement)
        self.ui.conflict_button.clicked.connect(self.show_conflicts)
        self.ui.kinds_button.clicked.connect(self.kinds_requested.emit)
        self.ui.session_combo.currentIndexChanged.connect(self._session_chosen)
        self.ui.team_combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.ui.prompt_combo.currentIndexChanged.connect(lambda _i: self._emit())
        for combo in self.pickers():
            combo.installEventFilter(self)
        self.ui.kinds_button.setEnabled(not ctx.read_only)
        self.fill_sessions()
        self.update_conflicts()
        self.ws.hub.changed.connect(self._on_changed)
        ctx.bus.live_session_changed.connect(self._live_changed)

    def pickers(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return (self.ui.session_combo, self.ui.team_combo, self.ui.prompt_combo)

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
            self._labels.get(self.session_id or "", ""),
            self.ui.team_combo.currentText() if self.team_id else "",
        )

    def _emit(self) -> None:
        if self._loading or self._holding:
            return
        choice = self.choice()
        if choice != self._choice:
            moved = (choice.session_id, choice.team_id, choice.prompt_id) != (
                self._choice.session_id,
                self._choice.team_id,
                self._choice.prompt_id,
            )
            self._choice = choice
            if moved:
                self.clear_announcement()  # a mark says where the last move went, no more
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

    def describe(self, choice: Choice | None = None) -> str:
        """Where notes go, in words: "Day 2 · 13:30 Group exercise 1, Team 3"."""
        choice = choice or self.choice()
        combo = self.ui.session_combo
        at = combo.findData(choice.session_id)
        where = combo.itemText(at).replace(LIVE_MARK, "") if at >= 0 else "no session"
        return f"{where}, {choice.team_label}" if choice.team_label else where

    # -- telling the rapporteur the choice moved -------------------------------------------
    def announce(self, text: str, before: Choice) -> None:
        """Say beside the pickers why the choice moved (``text``) and mark the pickers that
        now differ from ``before``; it clears on the next move or after a while."""
        now = self.choice()
        changed = (
            (self.ui.session_combo, before.session_id != now.session_id),
            (self.ui.team_combo, before.team_id != now.team_id),
            (self.ui.prompt_combo, before.prompt_id != now.prompt_id),
        )
        for combo, moved in changed:
            combo.setStyleSheet(MOVED_STYLE if moved else "")
        self.ui.switch_label.setText(text)
        self.ui.switch_label.setToolTip(f"Notes now go to {self.describe(now)}")
        self.ui.switch_label.show()
        self._announce_timer.start()

    def announced(self) -> str:
        """The move being announced, or "" (what the rapporteur sees beside the pickers)."""
        return self.ui.switch_label.text() if self.ui.switch_label.isVisibleTo(self) else ""

    def clear_announcement(self) -> None:
        self._announce_timer.stop()
        self.ui.switch_label.hide()
        self.ui.switch_label.clear()
        for combo in self.pickers():
            combo.setStyleSheet("")

    # -- the keyboard ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.pickers()
        ):
            self.picked.emit()
            return True
        return False

    # -- filling the pickers ---------------------------------------------------------------
    def live_session_ids(self, sessions: list[dict[str, Any]] | None = None) -> list[str]:
        """Sessions running now on the Agenda's clock, by their recorded starts."""
        return self.ws.notes.live_session_ids(self.ctx.bus.clock.now(), sessions)

    def live_session_id(self) -> str | None:
        live = self.live_session_ids()
        return live[0] if live else None

    def refresh_live(self) -> None:
        """Look at the clock again (it may have moved to or from a rehearsal)."""
        if self.live_session_ids() != self._live_ids:
            self.fill_sessions()

    def fill_sessions(self) -> None:
        """(Re)load the sessions, keeping the chosen one unless the bar follows the live one."""
        combo = self.ui.session_combo
        keep = self.session_id
        self._loading = True
        combo.blockSignals(True)
        combo.clear()
        sessions = self.ws.notes.sessions()
        self._live_ids = self.live_session_ids(sessions)
        self._filled_at = self._clock_read()
        self._labels = {}
        for s in sessions:
            start = f"{s['planned_start']} " if s.get("planned_start") else ""
            self._labels[s["id"]] = f"{start}{s['title']}"
            mark = LIVE_MARK if s["id"] in self._live_ids else ""
            day = s["day_title"] or s["day_date"]
            combo.addItem(f"{day} · {self._labels[s['id']]}{mark}", s["id"])
        target = keep if keep and not self._follow_live else None
        if target is None:
            live = self._live_ids[0] if self._live_ids else None
            target = self.ws.notes.default_session_id(live, self.ctx.bus.clock.now(), sessions)
        combo.setCurrentIndex(max(combo.findData(target), 0))
        combo.blockSignals(False)
        self._loading = False
        self._session_chosen(-1, manual=False)

    def _session_chosen(self, _index: int, manual: bool = True) -> None:
        if self._loading:
            return
        live = bool(self.session_id) and self.session_id in self._live_ids
        if manual:
            self._follow_live = live
        self.ui.live_label.setText("● live" if live else "")
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
        self._conflicts_stale = False
        ids = self.ws.notes.conflict_ids()
        self._conflict_ids.update(ids)
        n = len(ids)
        text = f"⚠ {n} merge conflict{'s' if n != 1 else ''}: resolve…"
        button = self.ui.conflict_button
        if button.text() != text:
            button.setText(text)
        if button.isVisibleTo(self) != (n > 0):
            button.setVisible(n > 0)

    def _may_change_conflicts(self, changes: Changes) -> bool:
        """Whether ``changes`` can change the number of merge conflicts shown.

        Any change of notes or summaries can, except one made in this area's note list
        (``own_note_edits``) that touches none of the other copies' versions seen here:
        the list adds notes of its own (never a conflict), and edits, moves or deletes the
        notes it shows, which were counted before it showed them. So no count per note
        typed; a merge, an undo or another writer is counted again.
        """
        if not changes.touches(Table.SUMMARIES, Table.NOTES):
            return False
        if not any(changes.made_by(who) for who in self.own_note_edits):
            return True
        for table in (Table.NOTES, Table.SUMMARIES):
            ids = changes.ids(table)
            if ids is None or not ids.isdisjoint(self._conflict_ids):
                return True
        return False

    def show_conflicts(self) -> None:
        ConflictDialog(self.ctx, self).exec()

    # -- reacting to the file, the agenda and the clock ------------------------------------
    def _live_changed(self, _session_id: str | None) -> None:
        self.refresh_live()  # the live mark moves; a bar following the live session follows

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        # The Agenda may have started a rehearsal or gone back to real time; not when the
        # sessions were filled a moment ago on the same clock (the area is being built).
        if self._filled_at != self._clock_read():
            self.refresh_live()
        if self._conflicts_stale:
            self.update_conflicts()

    def _clock_read(self) -> tuple[Any, ...]:
        clock = self.ctx.bus.clock
        return (clock.now(), clock.timezone, clock.offset)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.SESSIONS, Table.DAYS):
            self.fill_sessions()  # titles, order, planned starts and recorded starts
        elif changes.touches(Table.TEAMS, Table.ROUNDS, Table.TEAM_SETS):
            self._session_chosen(-1, manual=False)
        elif changes.touches(Table.EXERCISES, Table.EXERCISE_PROMPTS):
            self.fill_prompts()
            self._emit()
        if self._may_change_conflicts(changes):
            if self.isVisible():
                self.update_conflicts()
            else:  # counted again when the bar is shown, not for each note typed meanwhile
                self._conflicts_stale = True
