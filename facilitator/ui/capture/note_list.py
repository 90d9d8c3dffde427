"""The table of a session's notes: editors per column, rows that fit their text, list keys.

The notes form places it (``forms/capture_notes.ui`` promotes ``note_list`` to this class);
the notes panel gives it its model with :meth:`NoteListView.attach` and answers its keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from facilitator.domain.capture import Kind
from facilitator.ui.capture.models import NoteListModel
from facilitator.ui.capture.widgets import KindDelegate, PersonDelegate, StatusDelegate

# Star, time, kind, note, said by, team / prompt, owner, due, status.
COLUMN_WIDTHS = (28, 46, 104, 380, 130, 110, 100, 84, 80)


class NoteListView(QTableView):
    """Delete, Alt+↑/↓ and Space on the list become requests; the panel makes the edits."""

    delete_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    star_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_model: NoteListModel | None = None
        self.kind_delegate = KindDelegate([], self)
        self.person_delegate = PersonDelegate([], self)
        self.status_delegate = StatusDelegate(self)
        for keys, slot in (
            ("Delete", self.delete_requested.emit),
            ("Alt+Up", lambda: self.move_requested.emit(-1)),
            ("Alt+Down", lambda: self.move_requested.emit(1)),
            ("Space", self.star_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def attach(self, model: NoteListModel, kinds: list[Kind]) -> None:
        """Show ``model`` with its editors, column widths and row sizing."""
        self.note_model = model
        self.setModel(model)
        self.kind_delegate.kinds = kinds
        self.setItemDelegateForColumn(NoteListModel.KIND, self.kind_delegate)
        self.setItemDelegateForColumn(NoteListModel.STATUS, self.status_delegate)
        self.setItemDelegateForColumn(NoteListModel.SAID_BY, self.person_delegate)
        header = self.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(NoteListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Rows fit their text, measured only for rows that change: sizing every row on each
        # insert (ResizeToContents) costs a full pass over the list per note.
        model.modelReset.connect(self.resizeRowsToContents)
        model.rowsInserted.connect(self._rows_inserted)
        model.dataChanged.connect(self._rows_changed)
        model.modelReset.connect(self.fit_columns)
        header.sectionResized.connect(
            lambda col, _old, _new: col == NoteListModel.TEXT and self.resizeRowsToContents()
        )

    def set_kinds(self, kinds: list[Kind]) -> None:
        self.kind_delegate.kinds = kinds

    def set_people(self, names: list[str]) -> None:
        self.person_delegate.names = names

    def set_read_only(self) -> None:
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- selection -------------------------------------------------------------------------
    def _rows(self) -> list[dict[str, Any]]:
        return self.note_model.rows if self.note_model is not None else []

    def selected_ids(self) -> list[str]:
        """Ids of the selected notes, or of the current one when none is selected."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        shown = self._rows()
        return [shown[r]["id"] for r in rows if r < len(shown)]

    def select_row(self, row: int) -> None:
        index = self.model().index(row, NoteListModel.TEXT)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def select_note(self, note_id: str) -> bool:
        """Select a note of the list; False when the list does not show it."""
        if self.note_model is None:
            return False
        row = self.note_model.row_of(note_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    # -- sizing ----------------------------------------------------------------------------
    def fit_columns(self, *_args: Any) -> None:
        """Show action and team columns only when the list has something to put in them."""
        shown = self._rows()
        actions = any(r["kind"] == "action_item" for r in shown)
        for column in (NoteListModel.OWNER, NoteListModel.DUE, NoteListModel.STATUS):
            self.setColumnHidden(column, not actions)
        where = any(r.get("team_name") or r.get("prompt_text") for r in shown)
        self.setColumnHidden(NoteListModel.WHERE, not where)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.resizeRowToContents(row)
        self.fit_columns()
        self.scrollTo(self.model().index(last, 0))

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: Any) -> None:
        if bottom.row() - top.row() < 50:
            for row in range(top.row(), bottom.row() + 1):
                self.resizeRowToContents(row)
        self.fit_columns()
