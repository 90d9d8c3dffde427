"""What an import will do, before anything is written.

:class:`PreviewModel` shows the plan row by row (added, updated, already present, merged);
:class:`RejectedModel` the rows that cannot be imported and why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from facilitator.domain import people as dom
from facilitator.interchange import roster

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """What the import will do, row by row, before anything is written."""

    HEAD = ["Row", "Action", "Name", "Organisation", "Country", "Gender", "Sector", "Notes"]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[int, str, dict[str, Any], str]] = []

    def set_plan(self, plan: roster.ImportPlan | None) -> None:
        self.beginResetModel()
        items: list[tuple[int, str, dict[str, Any], str]] = []
        if plan is not None:
            for row in plan.adds:
                items.append((row.row, "Add", row.person, "; ".join(row.warnings)))
            for _pid, row, values in plan.updates:
                changed = ", ".join(k.replace("_", " ") for k in values if k != "source")
                items.append((row.row, f"Update ({changed})", row.person, "; ".join(row.warnings)))
            for _pid, row in plan.unchanged:
                items.append((row.row, "Already present", row.person, ""))
            for row, into, why in plan.merged:
                items.append((row.row, f"Merged into row {into}", row.person, why))
            items.sort(key=lambda t: t[0])
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEAD)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, action, person, note = self.items[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(number)
            if c == 1:
                return action
            if c == 7:
                return note
            key = ["name", "organisation", "country", "gender", "sector"][c - 2]
            value = person.get(key, "")
            if key == "gender":
                return dom.gender_label(value)
            if key == "sector":
                return dom.sector_label(value)
            return value
        if role == Qt.ItemDataRole.ForegroundRole and c == 7 and note:
            return QColor("#A05A00")
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEAD[section]
        return None


class RejectedModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[roster.Rejected] = []

    def set_items(self, items: list[roster.Rejected]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self.items[index.row()]
        return str(item.row) if index.column() == 0 else item.reason

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ["Row", "Why it was rejected"][section]
        return None
