"""The agenda as a table: one row per session, days in order; rows can be dragged to reorder.

Start and End are the agenda's times, except on the day the clock is in, where they are
the times the day really runs (the running session: its real start and projected end);
the tooltip then gives the agenda's.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from facilitator.domain.agenda import flow, hhmm, kind_colour, kind_label
from facilitator.ui.agenda.state import AgendaState

MIME = "application/x-facilitator-sessions"
Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    ("day", "Day"),
    ("start", "Start"),
    ("end", "End"),
    ("kind", "Kind"),
    ("title", "Title"),
    ("duration", "Min"),
    ("fixed", "Fixed"),
    ("parallel", "Parallel"),
    ("room", "Room"),
    ("speakers", "Speakers"),
    ("actual", "Actual"),
    ("conflicts", "Conflicts"),
]
CONFLICT_BG = QColor("#FDE2E1")


class SessionTableModel(QAbstractTableModel):
    """Read-only cells; a drop asks the area to move sessions (an undoable command)."""

    move_requested = Signal(list, str, int)  # session ids, day id, index within the day

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = AgendaState()
        self.entries: list[tuple[str, Any]] = []  # (day id, Timed)
        self.day_numbers: dict[str, int] = {}
        self.editable = True

    def set_state(self, state: AgendaState) -> None:
        self.beginResetModel()
        self.state = state
        self.entries = [(d.id, t) for d in state.days for t in flow(d)]
        self.day_numbers = {d.id: i + 1 for i, d in enumerate(state.days)}
        self.endResetModel()

    def session_id(self, row: int) -> str | None:
        return self.entries[row][1].session.id if 0 <= row < len(self.entries) else None

    def row_of(self, session_id: str) -> int:
        for i, (_, t) in enumerate(self.entries):
            if t.session.id == session_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.entries)):
            return None
        day_id, t = self.entries[index.row()]
        s = t.session
        key = COLUMNS[index.column()][0]
        problems = self.state.problems(s.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(key, day_id, t)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(f"⚠ {m}" for m in problems)
            if key in ("start", "end"):
                return self._times_tip(t)
            row = self.state.rows.get(s.id)
            return (row["description"] if row else "") or None
        if role == Qt.ItemDataRole.FontRole and key in ("start", "end"):
            if self.state.is_running(s.id):
                font = QFont(QGuiApplication.font())
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if key == "kind":
                return QBrush(QColor(kind_colour(s.kind)).lighter(150))
            if problems and key in ("conflicts", "start", "title"):
                return QBrush(CONFLICT_BG)
        if role == Qt.ItemDataRole.DecorationRole and key == "kind":
            return QColor(kind_colour(s.kind))
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None

    def _text(self, key: str, day_id: str, t: Any) -> Any:
        s = t.session
        if key == "day":
            return f"Day {self.day_numbers.get(day_id, '?')}"
        if key == "start":
            return hhmm(self.state.slot(s.id).start)
        if key == "end":
            return hhmm(self.state.slot(s.id).end)
        if key == "kind":
            return kind_label(s.kind)
        if key == "title":
            return s.title
        if key == "duration":
            return s.duration
        if key == "fixed":
            return "" if s.fixed_start is None else hhmm(s.fixed_start)
        if key == "parallel":
            return s.parallel_group or ""
        if key == "room":
            return s.room
        if key == "speakers":
            return self.state.speaker_text(s.id)
        if key == "actual":
            if s.actual_start is None:
                return ""
            end = f"{s.actual_end:%H:%M}" if s.actual_end else "…"
            return f"{s.actual_start:%H:%M}–{end}"
        if key == "conflicts":
            return "; ".join(self.state.problems(s.id))
        return None

    def _times_tip(self, t: Any) -> str | None:
        shown = self.state.slot(t.session.id)
        if self.state.is_running(t.session.id):
            return (
                f"Running since {hhmm(shown.start)}, ends {hhmm(shown.end)}; "
                f"planned {hhmm(t.start)}–{hhmm(t.end)}"
            )
        if (shown.start, shown.end) != (t.start, t.end):
            return f"Planned {hhmm(t.start)}–{hhmm(t.end)}"
        return None

    def times_changed(self) -> None:
        """The clock's day runs differently now: Start, End and Conflicts show it."""
        if self.entries:
            keys = [c[0] for c in COLUMNS]
            for key in ("start", "end", "conflicts"):
                column = keys.index(key)
                self.dataChanged.emit(
                    self.index(0, column), self.index(len(self.entries) - 1, column)
                )

    # -- drag and drop ------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self.editable:
            return base
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.entries[r][1].session.id for r in rows]
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.editable and data.hasFormat(MIME) and bool(self.entries)

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = json.loads(bytes(data.data(MIME).data()).decode())
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.entries)
        day_id, index = self.drop_target(row)
        # Emitted after the view finished its drop handling; the move resets the model.
        self.move_requested.emit(ids, day_id, index)
        return False  # the move is done by the command, not by removing rows here

    def drop_target(self, row: int) -> tuple[str, int]:
        """(day id, index within the day) for a drop before table row ``row``."""
        if row >= len(self.entries):
            day_id = self.entries[-1][0]
            return day_id, sum(1 for d, _ in self.entries if d == day_id)
        day_id = self.entries[row][0]
        before = sum(1 for d, _ in self.entries[:row] if d == day_id)
        return day_id, before
