"""The table of a session's notes: editors per column, rows that fit their text, list keys.

Rows fit their text at the widths the columns have on screen (:class:`RowFitter`), at most
``MAX_LINES`` lines each. The note column keeps at least ``NOTE_SHARE`` of the width: when
the action and team columns are all shown in a narrow list they give up width (down to
``MIN_WIDTHS``) rather than squeezing the note to a word per line.

The notes form places it (``forms/capture_notes.ui`` promotes ``note_list`` to this class);
the notes panel gives it its model with :meth:`NoteListView.attach` and answers its keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from facilitator.domain.capture import Kind
from facilitator.ui.capture.models import NoteListModel
from facilitator.ui.capture.widgets import (
    KindDelegate,
    OneLine,
    PersonDelegate,
    RowFitter,
    StatusDelegate,
)

# Star, time, kind, note, said by, team / prompt, owner, due, status.
COLUMN_WIDTHS = (28, 46, 116, 380, 116, 150, 96, 60, 74)
MIN_WIDTHS = (28, 46, 116, 0, 60, 120, 64, 56, 56)  # kind: read at a glance, never cut
NOTE_SHARE = 0.42
MAX_LINES = 6  # a longer note shows its first lines; the tooltip and F2 show all of it


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
        self.one_line = OneLine(self)
        # rows measured as they scroll in above 100 notes (a third of a second for 300)
        self.rows_fitter = RowFitter(self, MAX_LINES, lazy_over=100, text_column=NoteListModel.TEXT)
        # At the end of the list, the list stays at its end: rows that grow as they are
        # fitted, or a list made shorter by the action fields, keep the newest note in view.
        self._follow_end = True
        # rows added and not yet measured (first, last, at the end): see _rows_inserted
        self._unsettled: tuple[int, int, bool] | None = None
        self._settle_queued = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
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
        for column in (NoteListModel.TIME, NoteListModel.WHERE, NoteListModel.OWNER):
            self.setItemDelegateForColumn(column, self.one_line)
        self.setItemDelegateForColumn(NoteListModel.DUE, self.one_line)
        header = self.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(NoteListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Rows fit their text: all of them when the widths change (the fitter), only the
        # rows that change on an edit (sizing every row per insert costs a pass per note).
        self.rows_fitter.watch(model)
        model.rowsInserted.connect(self._rows_inserted)
        # rows added and not yet measured are measured before the rows move or go
        model.rowsAboutToBeRemoved.connect(lambda *_a: self._settle())
        model.layoutAboutToBeChanged.connect(lambda *_a: self._settle())
        model.modelAboutToBeReset.connect(self._drop_unsettled)
        model.dataChanged.connect(self._rows_changed)
        model.modelReset.connect(self.fit_columns)
        model.rowsRemoved.connect(self.fit_columns)

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
        self._show_columns(self._rows())

    def _show_columns(self, rows: list[dict[str, Any]], keep: bool = False) -> None:
        """Show the columns ``rows`` need; ``keep``: and those already shown (rows were
        added, so nothing can have gone: no need to look at every row again)."""
        actions = keep and not self.isColumnHidden(NoteListModel.OWNER)
        actions = actions or any(r["kind"] == "action_item" for r in rows)
        one_team = self.note_model is not None and bool(self.note_model.team_id)
        where = keep and not self.isColumnHidden(NoteListModel.WHERE)
        where = where or any(
            r.get("prompt_text") or (r.get("team_name") and not one_team) for r in rows
        )
        for column in (NoteListModel.OWNER, NoteListModel.DUE, NoteListModel.STATUS):
            if self.isColumnHidden(column) == actions:
                self.setColumnHidden(column, not actions)
        if self.isColumnHidden(NoteListModel.WHERE) == where:
            self.setColumnHidden(NoteListModel.WHERE, not where)
        self.fit_widths()

    def fit_widths(self) -> None:
        """Give the shown columns their widths, shrinking all but the note's when the note
        would get less than ``NOTE_SHARE`` of the list."""
        room = self.viewport().width()
        if room <= 0:
            return
        others = [
            c
            for c in range(len(COLUMN_WIDTHS))
            if c != NoteListModel.TEXT and not self.isColumnHidden(c)
        ]
        flexible = [c for c in others if COLUMN_WIDTHS[c] > MIN_WIDTHS[c]]
        fixed = sum(COLUMN_WIDTHS[c] for c in others if c not in flexible)
        wanted = sum(COLUMN_WIDTHS[c] for c in flexible)
        spare = room - fixed - int(room * NOTE_SHARE)
        scale = 1.0 if wanted <= spare or wanted == 0 else max(spare, 0) / wanted
        for c in others:
            width = COLUMN_WIDTHS[c] if c not in flexible else int(COLUMN_WIDTHS[c] * scale)
            width = max(width, MIN_WIDTHS[c])
            if self.columnWidth(c) != width:
                self.setColumnWidth(c, width)

    def _scrolled(self, value: int) -> None:
        self._follow_end = value >= self.verticalScrollBar().maximum() - 2

    def _range_changed(self, _low: int, high: int) -> None:
        if self._follow_end:
            self.verticalScrollBar().setValue(high)

    def scrollToBottom(self) -> None:  # noqa: N802 - Qt API
        self._follow_end = True
        super().scrollToBottom()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_widths()

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Rows added are measured and scrolled to just before the next paint, not while the
        edit that added them is still running: Enter returns with the note saved and in the
        model, and the list lays it out once (several notes at once, once for all)."""
        self._settle()  # rows added before these: measured where they are
        self._unsettled = (first, last, last == self.model().rowCount() - 1)
        if not self._settle_queued:
            self._settle_queued = True
            # a zero-time call runs before the paint that the insert asked for
            QTimer.singleShot(0, self, self._settle_now)

    def _settle_now(self) -> None:
        self._settle_queued = False
        self._settle()

    def _settle(self) -> None:
        """Show the columns, measure and scroll to the rows added (see _rows_inserted)."""
        if self._unsettled is None:
            return
        first, last, at_end = self._unsettled
        self._unsettled = None
        count = self.model().rowCount()
        if first >= count:
            return
        last = min(last, count - 1)
        self._show_columns(self._rows()[first : last + 1], keep=True)
        self.rows_fitter.fit_rows(first, last)
        # A note added (at the end, or one put in its place) is scrolled to, unless the
        # list follows its end: the range it grows by scrolls it there, in the layout Qt
        # makes anyway before painting (scrolling now means laying out all the rows one
        # more time). Earlier notes listed above those shown (a large session) are not.
        if (at_end or first == last) and not (self._follow_end and at_end):
            self.scrollTo(self.model().index(last, 0))

    def _drop_unsettled(self) -> None:
        self._unsettled = None  # the model is reset: every row is measured again anyway

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: Any) -> None:
        changed = self._rows()[top.row() : bottom.row() + 1]
        shown = not self.isColumnHidden(NoteListModel.OWNER) or not self.isColumnHidden(
            NoteListModel.WHERE
        )
        # Rows that gained an action or a team only show a column; a row that may have lost
        # one means looking at them all.
        self._show_columns(self._rows() if shown else changed, keep=not shown)
        if bottom.row() - top.row() < 50:
            self.rows_fitter.fit_rows(top.row(), bottom.row())
