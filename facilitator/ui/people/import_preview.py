"""What an import will do, before anything is written.

:class:`PreviewModel` is a tree: one item per row of the file (added, updated, already
present, merged into an earlier row) and, under each row that matches someone in the roster,
one item per field where the file differs: the roster's value, the file's, and what the
import will write. That last column is a choice (:class:`ChoiceDelegate`): keep the roster's
value, take the file's, or keep both (notes, languages). :class:`RejectedModel` lists the
rows that cannot be imported and why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from facilitator.domain import people as dom
from facilitator.interchange import roster

Index = QModelIndex | QPersistentModelIndex
CHOICE_COLUMN = 3
FIELD_LABELS = {**roster.FIELDS, "name": "Name"}
_NONE = 0xFFFFFFFF  # internalId of a top-level item (a row of the file)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SHOWN | Qt.ItemFlag.ItemIsEditable


def shown(key: str, value: str) -> str:
    """A stored value as the roster shows it (labels, languages as a list)."""
    if key == "languages":
        try:
            return ", ".join(json.loads(value or "[]"))
        except ValueError:
            return value
    if key in ("sector", "gender", "role", "country"):
        return dom.category_label(key, value) if value else ""
    return value.replace("\n", " ⏎ ")


class _Item:
    """One row of the file as the preview shows it."""

    __slots__ = ("number", "kind", "row", "update", "into", "why")

    def __init__(
        self,
        number: int,
        kind: str,
        row: roster.Row,
        update: roster.Update | None = None,
        into: int = 0,
        why: str = "",
    ) -> None:
        self.number, self.kind, self.row, self.update = number, kind, row, update
        self.into, self.why = into, why

    def changes(self) -> list[roster.FieldChange]:
        return self.update.changes if self.update else []


@dataclass
class PreviewRows:
    """The preview's items, made from a plan off the UI thread (see :func:`preview_rows`)."""

    items: list[_Item]
    changed: list[int]  # the positions of the items with fields that differ
    current: dict[str, dict[str, Any]]  # person id → that person as the roster has them


def preview_rows(
    plan: roster.ImportPlan | None, existing: list[dict[str, Any]] | None = None
) -> PreviewRows:
    """One item per row of the file, in the file's order. Plain Python: the import's job
    makes them with the plan, so that 50,000 rows never hold the window."""
    items: list[_Item] = []
    if plan is not None:
        with roster.bulk():
            items += [_Item(r.row, "add", r) for r in plan.adds]
            items += [_Item(u.row.row, "match", u.row, u) for u in plan.matched]
            items += [_Item(r.row, "merged", r, into=i, why=w) for r, i, w in plan.merged]
            items.sort(key=lambda t: t.number)
    changed = [r for r, item in enumerate(items) if item.update and item.update.changes]
    return PreviewRows(items, changed, {p["id"]: p for p in existing or []})


class PreviewModel(QAbstractItemModel):
    """Rows of the file and, under each matched row, its fields old → new with a choice."""

    HEAD = ["Row / field", "In the roster", "In the file", "Import will", "Why"]
    COLUMNS = len(HEAD)
    # Rows listed at a time: the view asks for more as it scrolls to the end (Qt's
    # canFetchMore/fetchMore), so a file of 50,000 rows opens as fast as one of 200.
    BATCH = 200
    choices_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[_Item] = []
        self.changed: list[int] = []
        self.current: dict[str, dict[str, Any]] = {}
        self.listed = 0  # the first rows of ``items`` the view has been given
        self._inserting = False

    def set_plan(
        self,
        plan: roster.ImportPlan | None,
        existing: list[dict[str, Any]] | None = None,
        rows: PreviewRows | None = None,
    ) -> None:
        """Show ``plan``; ``rows`` are its items when a job has made them already."""
        rows = rows or preview_rows(plan, existing)
        self.beginResetModel()
        self.items, self.changed, self.current = rows.items, rows.changed, rows.current
        self.listed = min(len(self.items), self.BATCH)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.listed < len(self.items)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not parent.isValid():
            self.list_up_to(self.listed + self.BATCH - 1)

    def list_up_to(self, row: int) -> None:
        """Give the view the rows of the file up to ``row`` (and the rest of its batch)."""
        end = min(len(self.items), max(row + 1, self.listed))
        if end > self.listed and not self._inserting:
            # (a view that reacts to the rows inserted may ask for more before they are in)
            self._inserting = True
            try:
                self.beginInsertRows(QModelIndex(), self.listed, end - 1)
                self.listed = end
                self.endInsertRows()
            finally:
                self._inserting = False

    # -- structure -------------------------------------------------------------------------
    # A tree view asks for an index, the flags and the children of every row of the file as
    # it lays itself out (50,000 rows: a second of these calls when each went through
    # hasIndex and built its flags anew): each answers without calling back into Qt.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < self.COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            if row >= self.listed:
                return QModelIndex()
            return self.createIndex(row, column, _NONE)
        if parent.internalId() != _NONE or parent.column() != 0:
            return QModelIndex()
        top = parent.row()
        if row >= len(self.items[top].changes()):
            return QModelIndex()
        return self.createIndex(row, column, top)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NONE:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NONE)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return self.listed
        if parent.internalId() != _NONE or parent.column() != 0:
            return 0
        return len(self.items[parent.row()].changes())

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0  # (Qt's own asks for an index first)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def _change(self, index: Index) -> roster.FieldChange | None:
        if not index.isValid() or index.internalId() == _NONE:
            return None
        return self.items[int(index.internalId())].changes()[index.row()]

    # -- data ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self._change(index)
        if change is not None:
            return self._change_data(change, index.column(), role)
        return self._item_data(self.items[index.row()], index.column(), role)

    def _item_data(self, item: _Item, col: int, role: int) -> Any:
        person = item.row.person
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(item.number)
            if col == 1:
                if item.update is None:
                    return ""
                return self.current.get(item.update.person_id, {}).get("name", "")
            if col == 2:
                return ", ".join(v for v in (person.get("name"), person.get("organisation")) if v)
            if col == 3:
                return self.action(item)
            if col == 4:
                if item.kind == "merged":
                    return item.why
                return "; ".join(item.row.warnings)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and item.row.warnings:
            return QColor("#A05A00")
        if role == Qt.ItemDataRole.FontRole and col == 3 and item.update and item.update.values():
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _change_data(self, change: roster.FieldChange, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return FIELD_LABELS.get(change.field, change.field)
            if col == 1:
                return shown(change.field, change.current)
            if col == 2:
                return shown(change.field, change.incoming)
            if col == 3:
                return self.choice_text(change)
            if col == 4:
                return change.reason
        if role == Qt.ItemDataRole.EditRole and col == CHOICE_COLUMN:
            return change.choice
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and change.value() is not None:
                return QColor("#7B8794")  # what will be replaced
            if col == 2 and change.value() is None:
                return QColor("#7B8794")  # what will not be taken
        return None

    @staticmethod
    def choice_text(change: roster.FieldChange) -> str:
        label = roster.CHOICES[change.choice]
        written = change.value()
        if written is not None and written != change.incoming:
            return f"{label} ▾ → {shown(change.field, written)}"
        return f"{label} ▾"

    @staticmethod
    def action(item: _Item) -> str:
        if item.kind == "add":
            return "Add"
        if item.kind == "merged":
            return f"Merged into row {item.into}"
        update = item.update
        assert update is not None
        values = update.values()
        if values:
            fields = ", ".join(FIELD_LABELS.get(k, k).lower() for k in values)
            return f"Update {fields}"
        if update.changes:
            n = len(update.changes)
            return f"Already present (keeps {n} value{'s' * (n != 1)} of the roster)"
        return "Already present"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        change = self._change(index)
        if change is None or index.column() != CHOICE_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        if value not in change.options():
            return False
        if value == change.choice:
            return True
        change.choice = value
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(4))
        top = self.parent(index)
        self.dataChanged.emit(top.siblingAtColumn(0), top.siblingAtColumn(4))
        self.choices_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.column() == CHOICE_COLUMN and self._change(index) is not None:
            return _EDITABLE
        return _SHOWN if index.isValid() else _NO_FLAGS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEAD[section] if 0 <= section < len(self.HEAD) else None
        return None

    def choice_index(self, number: int, field: str) -> QModelIndex:
        """The choice cell of ``field`` under the file's row ``number`` (invalid if none)."""
        for r, item in enumerate(self.items):
            if item.number != number:
                continue
            for c, change in enumerate(item.changes()):
                if change.field == field:
                    self.list_up_to(r)
                    return self.index(c, CHOICE_COLUMN, self.index(r, 0))
        return QModelIndex()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of what the import may do with one field."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        model = index.model()
        change = model._change(index) if isinstance(model, PreviewModel) else None
        for key in change.options() if change else []:
            combo.addItem(roster.CHOICES[key], key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


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
