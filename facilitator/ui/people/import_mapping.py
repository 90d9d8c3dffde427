"""How the columns of a roster file map to person fields, as an editable table.

One row per column of the file: its header, a few example values, and the field it imports
as; the last column is edited with a combo box of the fields (:class:`FieldDelegate`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from facilitator.interchange import roster

Index = QModelIndex | QPersistentModelIndex
IGNORE_LABEL = "— not imported —"
EXAMPLE_ROWS = 60  # rows under the header searched for examples
EXAMPLES = 3


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its header, examples, and the field it imports as."""

    def __init__(self, table: roster.Table, mapping: roster.Mapping, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.mapping = mapping
        self.names: list[str] = []
        self.examples: list[str] = []
        self.set_mapping(mapping)

    def set_mapping(self, mapping: roster.Mapping) -> None:
        self.beginResetModel()
        self.mapping = mapping
        self.names = roster.headers(self.table, mapping)
        data = self.table.rows[mapping.header_row + 1 : mapping.header_row + EXAMPLE_ROWS]
        self.examples = []
        for i in range(len(self.names)):
            seen = [r[i] for r in data if i < len(r) and r[i]][:EXAMPLES]
            self.examples.append(" · ".join(seen))
        for i in range(len(self.names)):
            mapping.columns.setdefault(i, roster.IGNORE)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        field = self.mapping.columns.get(r, roster.IGNORE)
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return self.names[r]
            if c == 1:
                return self.examples[r]
            return roster.FIELDS.get(field, IGNORE_LABEL) if field else IGNORE_LABEL
        if role == Qt.ItemDataRole.EditRole and c == 2:
            return field
        if role == Qt.ItemDataRole.ForegroundRole and c == 2 and not field:
            return QColor("#7B8794")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        value = value or roster.IGNORE
        if value not in roster.FIELDS and value != roster.IGNORE:
            return False
        self.mapping.columns[index.row()] = value
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ["Column in the file", "Examples", "Imports as"][section]
        return None


class FieldDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(IGNORE_LABEL, roster.IGNORE)
        for key, label in roster.FIELDS.items():
            combo.addItem(label, key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
