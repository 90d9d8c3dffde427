"""The plan of the days, as a timeline or as a table (Ctrl+T switches), and its selection.

Both views show the same :class:`AgendaState`; the selected session and the day it is on
are the plan's, and the day is published on the bus (the timer projector follows it). Drags,
double-clicks and Delete in either view become requests the area's editors carry out.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QTableView

from facilitator.ui.agenda.models import SessionTableModel
from facilitator.ui.agenda.state import AgendaState
from facilitator.ui.agenda.timeline import TimelineScroll, TimelineView
from facilitator.ui.bus import AreaBus
from facilitator.ui.shortcuts import declare_keys

# Columns that would otherwise grow as wide as their longest text: title, speakers, conflicts.
MAX_WIDTHS = ((4, 320), (9, 220), (11, 320))


class PlanView(QStackedWidget):
    edit_requested = Signal(str)  # session id
    move_requested = Signal(list, str, int)  # session ids, day id, index within the day
    delete_requested = Signal()  # the selected session

    def __init__(self, bus: AreaBus, editable: bool = True) -> None:
        super().__init__()
        self.bus = bus
        self.state = AgendaState()
        self.current_id: str | None = None
        self.current_day: str | None = None

        self.timeline = TimelineView()
        self.timeline.editable = editable
        self.scroll = TimelineScroll(self.timeline)
        self.model = SessionTableModel(self)
        self.model.editable = editable
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Agenda table")
        self.addWidget(self.scroll)
        self.addWidget(self.table)

        self.timeline.selection_changed.connect(self._select_from_timeline)
        self.timeline.edit_requested.connect(self.edit_requested)
        self.timeline.move_requested.connect(self.move_requested)
        self.timeline.delete_requested.connect(lambda _ids: self.delete_requested.emit())
        # Queued: the table finishes its own drop handling before the move resets the model.
        self.model.move_requested.connect(self.move_requested, Qt.ConnectionType.QueuedConnection)
        self.table.doubleClicked.connect(lambda _index: self.edit_requested.emit(""))
        self.table.activated.connect(lambda _index: self.edit_requested.emit(""))
        declare_keys(
            self.timeline,
            ("Up", "Select the session above"),
            ("Down", "Select the session below"),
            ("Left", "Select a session of the previous day"),
            ("Right", "Select a session of the next day"),
            ("Return", "Edit the selected session"),
        )
        declare_keys(self.table, ("Return", "Edit the selected session"))

    # -- showing ------------------------------------------------------------------------
    def set_state(self, state: AgendaState, now: datetime, adjust: dict[str, int]) -> None:
        """Show a fresh read of the agenda, keeping the selection where it still exists."""
        self.state = state
        selected = self.current_id
        state.set_live(now, adjust)
        self.timeline.now = now
        self.timeline.set_state(state)
        self.scroll.header.update()
        self.model.set_state(state)
        self.table.resizeColumnsToContents()
        for column, width in MAX_WIDTHS:
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        if selected not in state.timed:
            selected = None
        if self.current_day not in {d.id for d in state.days}:
            self.current_day = state.days[0].id if state.days else None
        self.select(selected)

    def set_now(self, now: datetime, adjust: dict[str, int]) -> None:
        """The clock moved: show the clock's day as it runs now (no read of the file)."""
        changed = self.state.set_live(now, adjust)
        minute = self.timeline.now is None or self.timeline.now.replace(second=0) != now.replace(
            second=0
        )
        if changed or minute:
            self.timeline.set_now(now)
            self.scroll.header.update()
        if changed:
            self.model.times_changed()

    @property
    def table_shown(self) -> bool:
        return self.currentWidget() is self.table

    def toggle(self) -> bool:
        """Switch between timeline and table; returns whether the table is now shown."""
        table = not self.table_shown
        if not table:
            self.selected_id()
        self.setCurrentWidget(self.table if table else self.scroll)
        (self.table if table else self.timeline).setFocus()
        self.select(self.current_id)
        return table

    # -- selection ----------------------------------------------------------------------
    def select(self, session_id: str | None) -> None:
        self.current_id = session_id
        if session_id and session_id in self.state.timed:
            self.current_day = self.state.timed[session_id].session.day_id
        self.bus.set_selected_day(self.current_day)
        self.timeline.select(session_id)
        row = self.model.row_of(session_id) if session_id else -1
        if row >= 0:
            index = self.model.index(row, 0)
            if self.table.currentIndex().row() != row:
                self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        block = self.timeline.block_of(session_id)
        if block is not None:
            self.scroll.ensureVisible(
                int(block.rect.center().x()), int(block.rect.center().y()), 50, 80
            )

    def selected_id(self) -> str | None:
        """The selected session (in the table: its current row)."""
        if self.table_shown:
            index = self.table.currentIndex()
            if index.isValid():
                self.current_id = self.model.session_id(index.row())
        return self.current_id

    def show_day(self, day_id: str) -> None:
        """Make ``day_id`` the current day (a selected session keeps its own day)."""
        self.current_day = day_id
        self.select(self.current_id)

    def _select_from_timeline(self, session_id: str) -> None:
        if session_id != self.current_id:
            self.select(session_id)
