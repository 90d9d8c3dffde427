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
from facilitator.ui.shortcuts import declare_keys

# Star, time, kind, note, said by, team / prompt, owner, due, status.
COLUMN_WIDTHS = (28, 46, 104, 380, 130, 110, 100, 84, 80)
# The note's column keeps at least this width: the others give way to it (a narrow note
# column made rows hundreds of pixels tall).
NOTE_MIN_WIDTH = 280
SHRINKING = (4, 5, 6)  # said by, team / prompt, owner: down to SHRUNK_WIDTH
SHRUNK_WIDTH = 70
MAX_LINES = 4  # a long note shows four lines in the list; F2 edits all of it


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
        for keys, slot, what in (
            ("Delete", self.delete_requested.emit, "Delete the selected notes"),
            ("Alt+Up", lambda: self.move_requested.emit(-1), "Move the note up"),
            ("Alt+Down", lambda: self.move_requested.emit(1), "Move the note down"),
            ("Space", self.star_requested.emit, "Star or unstar the note"),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)
        declare_keys(self, ("F2", "Edit the cell"))

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
        model.modelReset.connect(self.fit_columns)
        model.modelReset.connect(self.size_rows)
        model.rowsInserted.connect(self._rows_inserted)
        model.dataChanged.connect(self._rows_changed)
        header.sectionResized.connect(
            lambda col, _old, _new: col == NoteListModel.TEXT and self.size_rows()
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
        self.give_way_to_the_note()

    def give_way_to_the_note(self) -> None:
        """Narrow the said-by, team and owner columns while the note's would be too narrow."""
        width = self.viewport().width()
        if width <= 0 or self.model() is None:
            return
        for column in SHRINKING:
            self.setColumnWidth(column, COLUMN_WIDTHS[column])
        others = [
            c
            for c in range(self.model().columnCount())
            if c != NoteListModel.TEXT and not self.isColumnHidden(c)
        ]
        room = width - sum(self.columnWidth(c) for c in others)
        for column in SHRINKING:
            if room >= NOTE_MIN_WIDTH:
                break
            if self.isColumnHidden(column):
                continue
            take = min(self.columnWidth(column) - SHRUNK_WIDTH, NOTE_MIN_WIDTH - room)
            if take > 0:
                self.setColumnWidth(column, self.columnWidth(column) - take)
                room += take

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.give_way_to_the_note()

    def size_rows(self, first: int = 0, last: int | None = None) -> None:
        """Fit rows to their text, at most MAX_LINES lines (F2 edits the whole note)."""
        model = self.model()
        if model is None:
            return
        last = model.rowCount() - 1 if last is None else last
        cap = self.fontMetrics().lineSpacing() * MAX_LINES + 10
        for row in range(first, last + 1):
            self.resizeRowToContents(row)
            if self.rowHeight(row) > cap:
                self.setRowHeight(row, cap)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.size_rows(first, last)
        self.fit_columns()
        self.scrollTo(self.model().index(last, 0))

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: Any) -> None:
        if bottom.row() - top.row() < 50:
            self.size_rows(top.row(), bottom.row())
        self.fit_columns()
