"""The Agenda area: plan the days (timeline or table) and run them live.

The area puts its parts together and decides when the agenda is read again:

* the toolbar and its shortcuts (``actions.py``);
* the plan, a timeline or a table of the days with the selection (``plan.py``);
* the editors that turn toolbar, drags and keys into undoable edits (``editing.py``);
* beside the plan, the live panel (``live.py``, refreshes itself) and the conflicts
  (``conflicts.py``). Conflicts are also drawn on the sessions they concern (red outline in
  the timeline, red cells and a Conflicts column in the table); choosing a listed conflict
  selects its session.

One read of the agenda (:class:`AgendaState`) feeds the plan and the conflicts, since
moving one session changes the times and the conflicts of the whole day. It is read again
when a change touches what they show: at once for the plan's own edits, so the editors can
select the result; once per turn of the event loop for edits made elsewhere.

Everything here, the live panel and the projector read one clock, ``ctx.bus.clock``: the
workshop's time zone (followed when the workshop's details change) or the rehearsal time.
Every few seconds, and whenever the clock is set, the plan shows the clock's day as it runs
without reading the file again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from facilitator.store.agenda import ADJUST_KEY
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.agenda.actions import AgendaToolbar
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.agenda.conflicts import ConflictsPanel
from facilitator.ui.agenda.editing import DayEditor, SessionEditor
from facilitator.ui.agenda.live import LivePanel
from facilitator.ui.agenda.plan import PlanView
from facilitator.ui.agenda.state import AgendaState
from facilitator.ui.areas import AreaContext

# What the plan and the conflicts are made of. People matter only as speakers (their names).
PLAN_TABLES = (Table.SESSIONS, Table.DAYS, Table.SESSION_SPEAKERS)
CONFLICTS_TAB = 1
TICK_MS = 5000  # how often the plan follows the clock


class AgendaArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.clock.set_timezone(self.ws.agenda.timezone())

        self.plan = PlanView(ctx.bus, editable=not ctx.read_only)
        self.sessions = SessionEditor(ctx, self.plan, self)
        self.days = DayEditor(ctx, self.plan, self)
        self.live = LivePanel(ctx)
        self.conflicts = ConflictsPanel()
        self.side = QTabWidget()
        self.side.addTab(self.live, "&Live")
        self.side.addTab(self.conflicts, "C&onflicts")
        self.toolbar = AgendaToolbar(
            self,
            {
                "add_day": self.days.add,
                "edit_day": self.days.edit,
                "delete_day": self.days.delete,
                "add": self.sessions.add,
                "edit": self.sessions.edit,
                "duplicate": self.sessions.duplicate,
                "delete": self.sessions.delete,
                "up": lambda: self.sessions.nudge(-1),
                "down": lambda: self.sessions.nudge(1),
                "prev_day": lambda: self.sessions.to_day(-1),
                "next_day": lambda: self.sessions.to_day(1),
                "toggle": self.toggle_view,
            },
        )
        self.toolbar.set_read_only(ctx.read_only)

        splitter = QSplitter()
        splitter.addWidget(self.plan)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

        self.plan.edit_requested.connect(self.sessions.edit)
        self.plan.move_requested.connect(self.sessions.move)
        self.plan.delete_requested.connect(self.sessions.delete)
        self.conflicts.session_chosen.connect(self.plan.select)
        self.live.clock_set.connect(self.follow_clock)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.follow_clock)
        self._tick.start()
        self.ws.hub.changed.connect(self._on_changed)
        self.reload()

    @property
    def clock(self) -> Clock:
        return self.ctx.bus.clock

    # -- data ---------------------------------------------------------------------------
    def _shows(self, changes: Changes) -> bool:
        """Whether ``changes`` alter what the plan or the conflicts show."""
        if changes.touches(*PLAN_TABLES):
            return True
        people = changes.ids(Table.PEOPLE)
        if people is None:
            return True
        speakers = {s["person_id"] for ss in self.plan.state.speakers.values() for s in ss}
        return not people.isdisjoint(speakers)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.WORKSHOP):
            self.clock.set_timezone(self.ws.agenda.timezone())
            self.follow_clock()
        settings = changes.ids(Table.SETTINGS)
        if settings is None or ADJUST_KEY in settings:
            self.follow_clock()
        if not self._shows(changes):
            return
        if changes.made_by(self.plan):
            self._reload_timer.stop()
            self.reload()
        else:
            self._reload_timer.start()

    def reload(self) -> None:
        state = AgendaState.read(self.ws)
        self.conflicts.set_state(state)
        self.side.setTabText(CONFLICTS_TAB, self.conflicts.tab_title())
        self.plan.set_state(state, self.clock.now(), self.ws.agenda.timer_adjust())

    def follow_clock(self) -> None:
        """Show the clock's day as it runs now (the running session's real times)."""
        if not self.ws.is_open:
            self._tick.stop()
            return
        self.plan.set_now(self.clock.now(), self.ws.agenda.timer_adjust())

    # -- the area's own actions -----------------------------------------------------------
    def toggle_view(self) -> None:
        self.toolbar.show_table_toggle(self.plan.toggle())

    def handle_request(self, request: dict[str, Any]) -> None:
        """{"session_id": …} from another area: show that session."""
        session_id = request.get("session_id")
        if session_id:
            self.reload()
            self.plan.select(session_id)
