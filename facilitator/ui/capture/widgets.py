"""Small widgets of the capture area: the note input, the list's editors, row sizing, the
Enter key of the action fields, and the area's keyboard mnemonics."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QWidget,
)

from facilitator.domain.capture import ACTION_STATUSES, Kind

# Looked up once: finding an enum's member costs more than the key's own handling.
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride
_UNDO = QKeySequence.StandardKey.Undo
_REDO = QKeySequence.StandardKey.Redo


class NoteInput(QPlainTextEdit):
    """Enter saves the note, Shift+Enter starts a new line.

    Ctrl+Z undoes the typing while the box has typing to undo; in a box with nothing of
    its own to undo (a note was just saved, which empties it) it is the window's Edit ▸
    Undo, which takes back the note just saved (and Ctrl+Shift+Z / Ctrl+Y redo it the same
    way): a text box that keeps every Ctrl+Z to itself made the key do nothing there.

    A saved note leaves the box on the next turn of the event loop (:meth:`clear_soon`),
    before the box is painted again: emptying a text edit from inside its own key event
    cost about as much as the rest of the note's journey to the list, which Enter waits
    for. Whatever reads or changes the text first (a key, a paste, the text asked for or
    set) empties the box, so no key typed meanwhile is lost and no note is read twice.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._then: Callable[[], None] | None = None  # due: empty the box, then call it

    def clear_soon(self, then: Callable[[], None]) -> None:
        """Empty the box without ``textChanged`` on the next turn of the event loop, or
        sooner if its text is asked for or typed into; then call ``then``."""
        due = self._then is None
        self._then = then
        if due:
            QTimer.singleShot(0, self, self.settle)

    def settle(self) -> None:
        """Empty the box now if a save left it due to be emptied."""
        then = self._then
        if then is None:
            return
        self._then = None
        blocked = self.blockSignals(True)
        super().clear()
        self.blockSignals(blocked)
        then()

    def toPlainText(self) -> str:  # noqa: N802 - Qt API
        self.settle()
        return super().toPlainText()

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt API
        self.settle()
        super().setPlainText(text)

    def insertPlainText(self, text: str) -> None:  # noqa: N802 - Qt API
        self.settle()
        super().insertPlainText(text)

    def clear(self) -> None:
        self.settle()
        super().clear()

    def insertFromMimeData(self, source: Any) -> None:  # noqa: N802 - Qt API
        self.settle()  # pasted or dropped
        super().insertFromMimeData(source)

    def inputMethodEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.settle()  # composed text (accents, other scripts)
        super().inputMethodEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == _SHORTCUT_OVERRIDE and not self.isReadOnly():
            self.settle()
            document = self.document()
            if (event.matches(_UNDO) and not document.isUndoAvailable()) or (
                event.matches(_REDO) and not document.isRedoAvailable()
            ):
                event.ignore()  # the window's Undo / Redo shortcut takes the key
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        self.settle()
        if event.key() in _ENTER_KEYS:
            if event.modifiers() & _SHIFT:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DateEdit(QDateEdit):
    """A date typed as it is written, "2026-04-30": after four digits Qt moves on to the
    month by itself, so the dash typed next must not skip the month as well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit filled a part and Qt moved to the next

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text()
        if text and text in "-/." and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._moved_on = False
        super().focusInEvent(event)


def person_completer(names: list[str], parent: QWidget) -> QCompleter:
    """Type-ahead over roster names matching anywhere in the name, case-insensitive."""
    completer = QCompleter(QStringListModel(names, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class OneLine(QStyledItemDelegate):
    """Shows a cell on one line, cut with "…" (the whole text is in its tooltip): only the
    note itself wraps, so a row is as tall as its note, not as its team and prompt."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class KindDelegate(OneLine):
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


class StatusDelegate(OneLine):
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


class PersonDelegate(OneLine):
    """Edit "said by" with the same roster type-ahead as the input."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.before_edit: Callable[[], None] = lambda: None  # have the names read by then

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex
    ) -> QWidget:
        self.before_edit()
        edit = QLineEdit(parent)
        edit.setCompleter(person_completer(self.names, edit))
        return edit


class RowFitter(QObject):
    """Keeps a table's row heights fitted to its text at the column widths it has now.

    Rows are measured when the view is shown, when any column changes width (a splitter,
    the window, a column shown or hidden) and when the model is reset, on the next turn of
    the event loop so the layout has settled; a hidden view is measured when it is shown.
    Sizing rows while a tab is hidden used the widths it had then, which left rows
    200–300 px tall. ``max_lines`` caps a row (the whole text is in the tooltip and the
    editor); above ``lazy_over`` rows only those on screen are measured, as they scroll in,
    so a session of 5,000 notes shows as fast as one of fifty.

    ``text_column``: the one column whose text wraps (every other shows one line), so a
    row is as tall as that cell or one line: only that cell is measured, not the row's
    every cell. Without it each row is measured by Qt (``resizeRowToContents``).
    """

    MARGIN_ROWS = 3  # measured beyond the screen's first and last rows

    def __init__(
        self,
        view: QTableView,
        max_lines: int | None = None,
        lazy_over: int = 400,
        text_column: int | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.max_lines = max_lines
        self.lazy_over = lazy_over
        self.text_column = text_column
        self._pending = False  # a fit is due when the view is next shown
        self._fitted: set[int] = set()  # rows measured at the current widths (lazy mode)
        # No row above this one is in ``_fitted`` (it may be higher than the last one left):
        # a note added at the end moves no measured row, so nothing is renumbered per note.
        self._fitted_end = -1
        self._line: int | None = None  # height of a row whose text is one line
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        view.installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(lambda *_a: self.schedule())
        view.verticalScrollBar().valueChanged.connect(self._scrolled)

    def watch(self, model: Any) -> None:
        """Measure again whenever ``model`` is reset or re-laid out."""
        model.modelReset.connect(self.schedule)
        model.layoutChanged.connect(self.schedule)
        # Rows added or removed move the measured rows after them (lazy mode).
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._moved(first, last - first + 1)

    def _removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._moved(first, first - last - 1)

    def _moved(self, first: int, by: int) -> None:
        if first > self._fitted_end:
            return  # every measured row is above the rows added or removed
        self._fitted_end = max(self._fitted_end + by, first - 1)
        if by < 0:
            gone = range(first, first - by)
            self._fitted = {r if r < first else r + by for r in self._fitted if r not in gone}
        else:
            self._fitted = {r if r < first else r + by for r in self._fitted}

    def schedule(self) -> None:
        self._fitted.clear()
        self._fitted_end = -1
        self._line = None
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() == QEvent.Type.Show and self._pending:
            self.schedule()
        return False

    def cap(self) -> int | None:
        if self.max_lines is None:
            return None
        return self.view.fontMetrics().lineSpacing() * self.max_lines + 10

    def fit(self) -> None:
        """Measure the rows (all of them, or the ones on screen in a long list)."""
        model = self.view.model()
        if model is None:
            return
        if not self.view.isVisible():
            self._pending = True
            return
        self._pending = False
        count = model.rowCount()
        if count <= self.lazy_over:
            if self.text_column is None:
                self.view.resizeRowsToContents()
                cap = self.cap()
                if cap is not None:
                    for row in range(count):
                        if self.view.rowHeight(row) > cap:
                            self.view.setRowHeight(row, cap)
            else:
                for row in range(count):
                    self._fit_row(row)
        else:
            self._fit_visible()

    def fit_rows(self, first: int, last: int) -> None:
        """Measure rows that were added or changed (the rest keep their heights)."""
        if not self.view.isVisible():
            self._pending = True
            return
        if self.view.model().rowCount() > self.lazy_over:
            # only those on screen now; the others when they scroll in
            self._fitted.difference_update(range(first, last + 1))
            self._fit_visible()
            return
        for row in range(first, last + 1):
            self._fit_row(row)

    def _height(self, row: int) -> int:
        """What ``resizeRowToContents`` makes the row: its tallest cell (the wrapping
        text's, or one line's), at least the vertical header's section."""
        view = self.view
        column = self.text_column
        assert column is not None
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)  # type: ignore[attr-defined] - a view of ours
        line = self._line  # a cell's hint can resize a section, which clears it
        if line is None:
            line = 0
            for c in range(view.model().columnCount()):
                if c != column and not view.isColumnHidden(c):
                    index = view.model().index(row, c)
                    hint = view.itemDelegateForIndex(index).sizeHint(option, index)
                    line = max(line, hint.height())
            self._line = line
        index = view.model().index(row, column)
        grid = 1 if view.showGrid() else 0  # Qt wraps inside the grid line, then adds it
        option.rect.setRect(0, 0, view.columnWidth(column) - grid, max(view.rowHeight(row), 1))
        text = view.itemDelegateForIndex(index).sizeHint(option, index).height()
        content = max(line, text) + grid
        return max(content, view.verticalHeader().sectionSizeHint(row))  # as Qt does

    def _fit_row(self, row: int) -> None:
        if self.text_column is None:
            self.view.resizeRowToContents(row)
            height = self.view.rowHeight(row)
        else:
            height = self._height(row)
        cap = self.cap()
        if cap is not None and height > cap:
            height = cap
        if self.view.rowHeight(row) != height:
            self.view.setRowHeight(row, height)
        self._fitted.add(row)
        if row > self._fitted_end:
            self._fitted_end = row

    def _fit_visible(self) -> None:
        model = self.view.model()
        count = model.rowCount() if model is not None else 0
        if not count:
            return
        top = max(self.view.rowAt(0), 0)
        bottom = self.view.rowAt(self.view.viewport().height() - 1)
        bottom = count - 1 if bottom < 0 else bottom
        margin = self.MARGIN_ROWS
        for row in range(max(top - margin, 0), min(bottom + margin + 1, count)):
            if row not in self._fitted:
                self._fit_row(row)

    def _scrolled(self, _value: int) -> None:
        model = self.view.model()
        if model is not None and model.rowCount() > self.lazy_over and self.view.isVisible():
            self._fit_visible()


class EnterSubmits(QObject):
    """Enter or Return in the watched fields calls ``submit`` (the action item's owner, due
    date and status save the note, as the hint line says)."""

    def __init__(self, submit: Any, fields: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                self.submit()
                return True
        return False


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The Alt+letter keys under ``root``: key sequence → the texts that carry it.

    Labels count when they have a buddy (the key moves to it), buttons and tabs always.
    Widgets on hidden tabs are included: a key must not mean two things in one area.
    """
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty():
            shown = text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")
            found.setdefault(key.toString(QKeySequence.SequenceFormat.PortableText), []).append(
                shown
            )

    for label in root.findChildren(QLabel):
        if label.buddy() is not None:
            add(label.text())
    for button in root.findChildren(QAbstractButton):
        add(button.text())
    for bar in root.findChildren(QTabBar):
        for i in range(bar.count()):
            add(bar.tabText(i))
    return found
