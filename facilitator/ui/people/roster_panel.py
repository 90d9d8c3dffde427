"""The roster: everyone in the workshop, an instant filter and counts of what is listed.

Add, edit and delete are one undoable step each. Edited people are updated in their rows
(the selection and the scroll position stay); additions and deletions reload the list.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.edits.people import add_person, delete_people, edit_person
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.people.dialogs import PersonDialog, country_choices
from facilitator.ui.people.models import PeopleFilter, PeopleModel, counts_text


class RosterPanel(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.model = PeopleModel(self.ws, parent=self)
        self.proxy = PeopleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("roster_view")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate([200, 240, 110, 120, 80, 100]):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("roster_filter")
        self.filter_edit.setPlaceholderText("Filter: name, organisation, country, sector, role…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.add_button = QPushButton("Add…")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        delete_action = QAction("Delete the selected people", self.view)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(delete_action)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("roster_counts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
            b.setEnabled(not ctx.read_only)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.counts_label)
        side_layout.addStretch(1)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.ws.hub.changed.connect(self._on_changed)
        self._update_counts()

    def reload(self) -> None:
        ids = self.selected_ids()
        self.model.reload()
        self._update_counts()
        self.select_ids(ids)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(Table.PEOPLE):
            return
        keep = self.selected_ids()
        if self.model.refresh(changes.ids(Table.PEOPLE)):
            self.select_ids(keep)
        self._update_counts()

    def set_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    def _update_counts(self) -> None:
        self.counts_label.setText(counts_text(self.proxy.people(), self.ws.collation.sort_key))

    def selected_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [self.model.person_at(self.proxy.mapToSource(i).row())["id"] for i in rows]

    def select_ids(self, ids: list[str]) -> None:
        sel = self.view.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for pid in ids:
            row = self.model.row_of(pid)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    sel.select(index, flags)
                    sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                    self.view.scrollTo(index)

    def _countries(self) -> list[str]:
        return country_choices((p["country"] for p in self.model.rows), self.ws.collation.sort_key)

    def add(self) -> str | None:
        if self.ctx.read_only:
            return None
        dialog = PersonDialog(None, self._countries(), self)
        dialog.ui.name_edit.setText(self.filter_edit.text())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        command = add_person(self.ws, dialog.values())
        if self.ctx.push(command):
            self.select_ids([command.row_id])
            return command.row_id
        return None

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.ctx.read_only:
            return
        person = self.ws.people.person(ids[0])
        if person is None:
            return
        dialog = PersonDialog(person, self._countries(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if changes:
            self.ctx.push(edit_person(self.ws, person["id"], changes))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.ctx.read_only:
            return
        if self.ctx.push(delete_people(self.ws, ids)):
            self.ctx.status(f"Deleted {len(ids)} (Edit ▸ Undo brings them back).")
