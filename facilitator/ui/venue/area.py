"""The Polls area: polls per session, questions to the panel, evaluations and the teams'
worksheets on their own devices, run live.

Participants answer from their phones (View ▸ Venue Wi-Fi…); everything the facilitator does
happens here, as undoable edits. The area is a status line and four tabs, each a panel of its
own (``polls_tab``, ``questions_tab``, ``evaluations_tab``, ``worksheets_tab``). The tabs
refresh from the workshop's Changes (a phone's answer arrives as one), gathered here over a
few milliseconds so 300 answers a second stay cheap.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue import evaluations_tab, polls_tab, questions_tab
from facilitator.ui.venue.controller import controller_for
from facilitator.ui.venue.evaluations_tab import EvaluationsTab
from facilitator.ui.venue.polls_tab import PollsTab
from facilitator.ui.venue.questions_tab import QuestionsTab
from facilitator.ui.venue.widgets import button
from facilitator.ui.venue.worksheets_tab import WorksheetsTab


class PollsArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller_for(ctx)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._flush)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.server_label = QLabel()
        self.server_label.setObjectName("server_label")
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.server_label, 1)
        top.addWidget(button("Venue Wi-Fi…", self._venue_dialog))
        top.addWidget(button("Projector", self._projector, "Join code, live results, question"))
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.polls = PollsTab(ctx)
        self.questions = QuestionsTab(ctx)
        self.evaluations = EvaluationsTab(ctx)
        self.worksheets = WorksheetsTab(ctx, self.controller)
        self.tabs.addTab(self.polls, "Polls")
        self.tabs.addTab(self.questions, "Questions")
        self.tabs.addTab(self.evaluations, "Evaluations")
        self.tabs.addTab(self.worksheets, "Team &worksheets")
        outer.addWidget(self.tabs, 1)
        # name, the tab (None: the status line), the tables it shows
        self._watched: tuple[tuple[str, QWidget | None, tuple[Table, ...]], ...] = (
            ("polls", self.polls, polls_tab.WATCHED),
            ("questions", self.questions, questions_tab.WATCHED),
            ("evaluations", self.evaluations, evaluations_tab.WATCHED),
            ("server", None, (Table.SETTINGS,)),
        )
        self.ws.hub.changed.connect(self._changed)
        self.controller.changed.connect(self._server_state)
        self.controller.connections_changed.connect(lambda _n: self._server_state())
        self.controller.presence_changed.connect(lambda _p: self._server_state())
        self.polls.reload()
        self.questions.reload()
        self.evaluations.reload()
        self._server_state()

    def _changed(self, changes: Changes) -> None:
        if not self.ws.is_open:
            return
        for name, tab, tables in self._watched:
            # a tab reloads right after its own edit; the others (and undo) wait for this
            if changes.touches(*tables) and not changes.made_by(tab):
                self._pending.add(name)
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        if not self.ws.is_open:
            return
        if "polls" in pending:
            self.polls.reload()
        if "questions" in pending:
            self.questions.reload()
        if "evaluations" in pending:
            self.evaluations.reload()
        if "server" in pending:
            self._server_state()

    def _server_state(self) -> None:
        c = self.controller
        if not self.ws.is_open:
            return
        if c.running:
            room = "" if c.room_open else " · the room is closed"
            p = c.presence
            teams = f" · {p.team_devices} on team worksheets" if p.team_devices else ""
            names = (
                {r["id"]: r["name"] for r in self.ws.venue.rapporteurs()} if p.rapporteurs else {}
            )
            who = ", ".join(sorted(names.get(i, "?") for i in p.rapporteurs))
            rapporteurs = f" · rapporteurs: {who}" if who else ""
            self.server_label.setText(
                f"Venue Wi-Fi on: phones join at <b>{c.url()}</b> · {c.connections} connected"
                f"{teams}{rapporteurs}{room}"
            )
        else:
            self.server_label.setText(
                "Venue Wi-Fi is off: start it to let phones answer (the polls still run here)."
            )

    def _venue_dialog(self) -> None:
        from facilitator.ui.venue.dialog import show_venue_dialog

        show_venue_dialog(self.ctx)

    def _projector(self) -> None:
        from facilitator.ui.venue.projector import show_venue_projector

        show_venue_projector(self.ctx)
