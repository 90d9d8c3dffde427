"""Help ▸ Keyboard shortcuts: the window's key table, grouped by area, with a search field.

The table is :func:`facilitator.ui.shortcuts.collect_all`, read from the live widgets when
the window opens, so it lists exactly what the keys do (and the test that fails on a clash
reads the same table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from facilitator.ui.areas import AREAS
from facilitator.ui.forms.ui_shortcuts import Ui_ShortcutsDialog
from facilitator.ui.shortcuts import WINDOW_GROUP, Key, collect, collect_all, projector_keys
from facilitator.ui.window_place import bring_to_front, fit_on_screen

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

COLUMNS = ("Keys", "What it does", "Where")


def group_order(keys: list[Key]) -> list[str]:
    """The window first, then the areas in their order, then the projectors."""
    order = [WINDOW_GROUP, *(s.title for s in AREAS)]
    groups = list(dict.fromkeys(k.group for k in keys))
    return sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), g))


def _is_letter(key: Key) -> bool:
    """A mnemonic (Alt+letter, or a letter in a menu), listed after the chords."""
    return key.keys.startswith("Alt+") and len(key.match) == 5 or "," in key.keys


def key_model(keys: list[Key], parent: QWidget | None = None) -> QStandardItemModel:
    """One row per group, with its keys beneath: chords first, then Alt+letters."""
    model = QStandardItemModel(0, len(COLUMNS), parent)
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for group in group_order(keys):
        head = QStandardItem(group)
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        row = [head] + [QStandardItem("") for _ in COLUMNS[1:]]
        for item in row:
            item.setEditable(False)
        model.appendRow(row)
        members = [k for k in keys if k.group == group]
        for k in sorted(members, key=_is_letter):
            cells = [QStandardItem(k.keys), QStandardItem(k.what), QStandardItem(k.where)]
            for item in cells:
                item.setEditable(False)
            head.appendRow(cells)
    return model


class ShortcutsDialog(QDialog):
    """Searchable list of every key; Down in the search field goes to the list."""

    def __init__(self, keys: list[Key], note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)
        self.keys = keys
        self.model = key_model(keys, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view = self.ui.keys_view
        view.setModel(self.proxy)
        view.expandAll()
        header = view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.ui.note_label.setText(note)
        self.ui.note_label.setVisible(bool(note))
        self.ui.search_edit.textChanged.connect(self.search)
        self.ui.search_edit.installEventFilter(self)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.search_edit.setFocus()

    def search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.ui.keys_view.expandAll()

    def shown_rows(self) -> list[tuple[str, str, str, str]]:
        """(group, keys, what, where) of the rows the search leaves, in order."""
        rows = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                cells = [self.proxy.index(r, c, group).data() for c in range(len(COLUMNS))]
                rows.append((group.data(), *cells))
        return rows

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.ui.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            view = self.ui.keys_view
            view.setFocus()
            first = self.proxy.index(0, 0)
            if first.isValid():
                child = self.proxy.index(0, 0, first)
                view.setCurrentIndex(child if child.isValid() else first)
            return True
        return super().eventFilter(watched, event)


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    """Open the keyboard help for ``window`` (every area's keys once a workshop is open)."""
    if window.ctx is not None:
        keys, note = collect_all(window), ""
    else:
        keys = collect(window) + projector_keys()
        note = "Open a workshop to see the keys of each area as well."
    dialog = ShortcutsDialog(keys, note, window)
    dialog.setObjectName("shortcuts_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    fit_on_screen(dialog, window)  # once shown, with its frame
    bring_to_front(dialog)  # typing goes to its search field at once
    return dialog
