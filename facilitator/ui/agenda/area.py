"""The Agenda area: plan the days (timeline or table) and run them live.

Every edit is one undoable command. Conflicts are drawn on the sessions they concern (red
outline in the timeline, red cells and a Conflicts column in the table) and listed beside
them; selecting a listed conflict selects its session.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.edits import agenda as cmd
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.agenda.dialogs import DayDialog, SessionDialog
from facilitator.ui.agenda.live import LivePanel
from facilitator.ui.agenda.models import SessionTableModel
from facilitator.ui.agenda.state import AgendaState
from facilitator.ui.agenda.timeline import TimelineView
from facilitator.ui.areas import AreaContext

WATCHED = (
    Table.SESSIONS,
    Table.DAYS,
    Table.SESSION_SPEAKERS,
    Table.PEOPLE,
    Table.WORKSHOP,
    Table.SETTINGS,
)


class AgendaArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.clock = ctx.bus.clock
        self.state = AgendaState()
        self.current_id: str | None = None
        self.current_day: str | None = None

        self.timeline = TimelineView()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.timeline)
        self.scroll.setWidgetResizable(True)
        self.model = SessionTableModel(self)
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
        self.views = QStackedWidget()
        self.views.addWidget(self.scroll)
        self.views.addWidget(self.table)

        self.conflict_model = QStringListModel(self)
        self.conflict_view = QListView()
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_view.setWordWrap(True)
        self.conflict_view.setAccessibleName("Conflicts")
        self._conflict_sessions: list[str] = []
        self.live = LivePanel(ctx, self.clock, lambda: self.current_day)

        side = QTabWidget()
        side.addTab(self.live, "&Live")
        conflicts_box = QWidget()
        cl = QVBoxLayout(conflicts_box)
        cl.setContentsMargins(0, 0, 0, 0)
        self.conflict_summary = QLabel()
        self.conflict_summary.setWordWrap(True)
        cl.addWidget(self.conflict_summary)
        cl.addWidget(self.conflict_view)
        side.addTab(conflicts_box, "C&onflicts")
        self.side = side

        toolbar = QHBoxLayout()
        self.actions_by_name: dict[str, QAction] = {}
        specs = [
            ("add_day", "Add &day…", "Ctrl+Shift+N", self.add_day),
            ("edit_day", "Edit da&y…", "", self.edit_day),
            ("delete_day", "Delete day", "", self.delete_day),
            ("add", "&Add session…", "Ctrl+N", self.add_session),
            ("edit", "&Edit…", "Ctrl+E", self.edit_session),
            ("duplicate", "D&uplicate", "Ctrl+D", self.duplicate),
            ("delete", "Delete", "Del", self.delete),
            ("up", "Move up", "Ctrl+Up", lambda: self.nudge(-1)),
            ("down", "Move down", "Ctrl+Down", lambda: self.nudge(1)),
            ("prev_day", "To previous day", "Ctrl+Left", lambda: self.to_day(-1)),
            ("next_day", "To next day", "Ctrl+Right", lambda: self.to_day(1)),
            ("toggle", "&Table view", "Ctrl+T", self.toggle_view),
        ]
        for name, text, shortcut, slot in specs:
            action = QAction(text.replace("&", "") if not shortcut else text, self)
            action.setText(text)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
            if name in ("prev_day", "next_day"):
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            toolbar.addWidget(button)
        toolbar.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.views)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        self.timeline.selection_changed.connect(self._select_from_timeline)
        self.timeline.edit_requested.connect(self.edit_session)
        self.timeline.move_requested.connect(self.move)
        self.timeline.delete_requested.connect(lambda ids: self.delete())
        self.model.move_requested.connect(self.move, Qt.ConnectionType.QueuedConnection)
        self.table.doubleClicked.connect(lambda _: self.edit_session())
        self.table.activated.connect(lambda _: self.edit_session())
        self.conflict_view.activated.connect(self._show_conflict)
        self.conflict_view.clicked.connect(self._show_conflict)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.ws.hub.changed.connect(self._on_changed)
        self._apply_read_only()
        self.reload()

    # -- data ---------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self._reload_timer.start()

    def reload(self) -> None:
        self.state = AgendaState.read(self.ws)
        selected = self.current_id
        self.timeline.now = self.clock.now()
        self.timeline.set_state(self.state)
        self.model.set_state(self.state)
        self.table.resizeColumnsToContents()
        for column, width in ((4, 320), (9, 220), (11, 320)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        texts, owners = [], []
        numbers = {d.id: i + 1 for i, d in enumerate(self.state.days)}
        for c in self.state.conflicts:
            texts.append(f"Day {numbers.get(c.day_id, '?')}: {c.message}")
            owners.append(c.session_ids[0] if c.session_ids else "")
        self.conflict_model.setStringList(texts)
        self._conflict_sessions = owners
        n = len(texts)
        self.conflict_summary.setText(
            "No conflicts." if not n else f"{n} conflict{'s' if n != 1 else ''}:"
        )
        self.side.setTabText(1, f"C&onflicts ({n})" if n else "C&onflicts")
        if selected not in self.state.timed:
            selected = None
        if self.current_day not in {d.id for d in self.state.days}:
            self.current_day = self.state.days[0].id if self.state.days else None
        self.select(selected)
        self.live.refresh()

    def _apply_read_only(self) -> None:
        ro = self.ctx.read_only
        self.model.editable = not ro
        self.timeline.editable = not ro
        for name, action in self.actions_by_name.items():
            if name != "toggle":
                action.setEnabled(not ro)

    # -- selection ----------------------------------------------------------------------
    def select(self, session_id: str | None) -> None:
        self.current_id = session_id
        if session_id and session_id in self.state.timed:
            self.current_day = self.state.timed[session_id].session.day_id
        self.ctx.bus.set_selected_day(self.current_day)
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

    def _select_from_timeline(self, session_id: str) -> None:
        if session_id != self.current_id:
            self.select(session_id)

    def selected_id(self) -> str | None:
        if self.views.currentWidget() is self.table:
            index = self.table.currentIndex()
            if index.isValid():
                self.current_id = self.model.session_id(index.row())
        return self.current_id

    def handle_request(self, request: dict) -> None:
        session_id = request.get("session_id")
        if session_id:
            self.reload()
            self.select(session_id)

    def _show_conflict(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._conflict_sessions):
            self.select(self._conflict_sessions[index.row()])

    def toggle_view(self) -> None:
        table = self.views.currentWidget() is not self.table
        if not table:
            self.selected_id()
        self.views.setCurrentWidget(self.table if table else self.scroll)
        self.actions_by_name["toggle"].setText("&Timeline view" if table else "&Table view")
        (self.table if table else self.timeline).setFocus()
        self.select(self.current_id)

    # -- editing ------------------------------------------------------------------------
    def _dialog(self, row: dict, speakers: list[dict]) -> SessionDialog:
        return SessionDialog(row, speakers, self.ws.agenda.people(), self.ws.agenda.rooms(), self)

    def add_session(self) -> None:
        day_id = self.current_day
        if day_id is None:
            self.ctx.status("Add a day first (Add day…).")
            return
        dialog = self._dialog({"kind": "plenary", "duration_min": 60}, [])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        values["title"] = values["title"] or "New session"
        after = self.selected_id()
        if (
            after
            and self.state.timed.get(after)
            and self.state.timed[after].session.day_id != day_id
        ):
            after = None
        edit = cmd.add_session(self.ws, day_id, values, after)
        if self.ctx.push(edit):
            speakers = dialog.speakers()
            if speakers:
                self.ctx.push(cmd.edit_session(self.ws, edit.new_id, {}, speakers))
            self.reload()
            self.select(edit.new_id)

    def edit_session(self, session_id: str | None = None) -> None:
        sid = session_id if isinstance(session_id, str) else self.selected_id()
        if not sid or self.ctx.read_only:
            return
        row = self.ws.rows.get(Table.SESSIONS, sid)
        if row is None:
            return
        speakers = self.ws.agenda.speakers_by_session().get(sid, [])
        dialog = self._dialog(row, speakers)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        changed = {k: v for k, v in values.items() if row.get(k) != v}
        new_speakers = dialog.speakers()
        old_speakers = [(s["person_id"], s["role"]) for s in speakers]
        if not changed and new_speakers == old_speakers:
            return
        self.ctx.push(
            cmd.edit_session(
                self.ws, sid, changed, new_speakers if new_speakers != old_speakers else None
            )
        )

    def duplicate(self) -> None:
        sid = self.selected_id()
        if sid:
            edit = cmd.duplicate_sessions(self.ws, [sid])
            self.ctx.push(edit)

    def delete(self) -> None:
        sid = self.selected_id()
        if not sid:
            return
        notes = self.ws.notes.count_for_session(sid)
        title = (self.ws.rows.get(Table.SESSIONS, sid) or {}).get("title", "")
        if notes:
            answer = QMessageBox.question(
                self,
                "Delete session",
                f"'{title}' has {notes} notes; they are deleted with it (Undo brings them "
                "back). Delete?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        order = self.state.ordered_ids()
        if self.ctx.push(cmd.delete_sessions(self.ws, [sid])):
            i = order.index(sid)
            rest = order[:i] + order[i + 1 :]
            self.current_id = rest[min(i, len(rest) - 1)] if rest else None

    def move(self, ids: list, day_id: str, index: int) -> None:
        if self.ctx.read_only or not ids:
            return
        if self.ctx.push(cmd.move_sessions(self.ws, list(ids), day_id, index)):
            self.reload()
            self.select(ids[0])

    def _position(self, sid: str) -> tuple[str, list[str], int]:
        day_id = self.state.timed[sid].session.day_id
        day = self.state.day(day_id)
        order = [s.id for s in sorted(day.sessions, key=lambda s: (s.position, s.id))]
        return day_id, order, order.index(sid)

    def nudge(self, step: int) -> None:
        sid = self.selected_id()
        if not sid or sid not in self.state.timed:
            return
        day_id, order, pos = self._position(sid)
        target = pos + step
        if 0 <= target < len(order):
            self.move([sid], day_id, target + (1 if step > 0 else 0))

    def to_day(self, step: int) -> None:
        sid = self.selected_id()
        if not sid or sid not in self.state.timed:
            return
        day_id, order, pos = self._position(sid)
        ids = [d.id for d in self.state.days]
        k = ids.index(day_id) + step
        if 0 <= k < len(ids):
            other = self.state.days[k]
            self.move([sid], other.id, min(pos, len(other.sessions)))

    def add_day(self) -> None:
        from datetime import date, timedelta

        last = self.state.days[-1] if self.state.days else None
        when = (last.date + timedelta(days=1)) if last else date.today()
        dialog = DayDialog(
            {"date": when.isoformat(), "title": f"Day {len(self.state.days) + 1}"}, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edit = cmd.add_day(self.ws, dialog.values())
            if self.ctx.push(edit):
                self.current_day = edit.row_id
                self.reload()

    def edit_day(self) -> None:
        if not self.current_day:
            return
        row = self.ws.rows.get(Table.DAYS, self.current_day) or {}
        dialog = DayDialog(row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = {k: v for k, v in dialog.values().items() if row.get(k) != v}
            if values:
                self.ctx.push(cmd.edit_day(self.ws, self.current_day, values))

    def delete_day(self) -> None:
        if not self.current_day:
            return
        day = self.state.day(self.current_day)
        if day and day.sessions:
            answer = QMessageBox.question(
                self,
                "Delete day",
                f"Delete {day.title or day.date} and its {len(day.sessions)} sessions? "
                "(Undo brings them back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.push(cmd.delete_day(self.ws, self.current_day))
