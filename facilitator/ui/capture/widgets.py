"""Small widgets of the capture area: the note input and the list's editors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.domain.capture import ACTION_STATUSES, Kind


class NoteInput(QPlainTextEdit):
    """Enter saves the note, Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def person_completer(names: list[str], parent: QWidget) -> QCompleter:
    """Type-ahead over roster names matching anywhere in the name, case-insensitive."""
    completer = QCompleter(QStringListModel(names, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class KindDelegate(QStyledItemDelegate):
    def __init__(self, kinds: list[Kind], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = kinds

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for k in self.kinds:
            combo.addItem(k.label, k.key)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class StatusDelegate(QStyledItemDelegate):
    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("", "")
        for s in ACTION_STATUSES:
            combo.addItem(s, s)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PersonDelegate(QStyledItemDelegate):
    """Edit "said by" with the same roster type-ahead as the input."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setCompleter(person_completer(self.names, edit))
        return edit
