"""The report's sections as a checkable, orderable list: ticked ones first, in report order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from facilitator.domain.report import SECTIONS

_Index = QModelIndex | QPersistentModelIndex


class SectionsModel(QAbstractListModel):
    """Every section, ticked when included; the ticked ones first, in report order."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys: list[str] = list(SECTIONS)
        self.included: set[str] = set()

    def load(self, sections: list[str]) -> None:
        self.beginResetModel()
        self.keys = list(sections) + [k for k in SECTIONS if k not in sections]
        self.included = set(sections)
        self.endResetModel()

    def sections(self) -> list[str]:
        return [k for k in self.keys if k in self.included]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.keys)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.keys):
            return None
        key = self.keys[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return SECTIONS[key]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.keys[index.row()]
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        if checked:
            self.included.add(key)
        else:
            self.included.discard(key)
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True

    def move(self, row: int, step: int) -> int:
        """Move one section up or down; returns its new row."""
        target = row + step
        if not (0 <= row < len(self.keys) and 0 <= target < len(self.keys)):
            return row
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self.keys.insert(target, self.keys.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return target
