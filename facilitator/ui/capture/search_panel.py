"""Full-text search over notes and summaries with filters; a hit opens the note in place.

The matched words are highlighted in each snippet (:class:`HitDelegate`; the store marks
them with private-use characters that never show). Down in the search box goes to the
results, Up on the first result back to the box, Enter on a result opens it.

In a large workshop (``Workshop.is_large``) a search runs in a background job on a reader
of the file, so the window keeps answering while FTS5 ranks 200,000 matches; what was typed
meanwhile is searched when it is done (only the latest).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.capture import SETTING_KINDS, Kind, hit_spans, label_of, without_marks
from facilitator.store.changes import Changes
from facilitator.store.database import Workshop
from facilitator.store.search import SUMMARY_KIND, SearchFilter
from facilitator.store.tables import Table
from facilitator.ui.capture.models import KIND_COLOURS, Index
from facilitator.ui.jobs import Job
from facilitator.ui.models import RowsModel


class SearchResultModel(RowsModel):
    """Search hits (notes and summaries); the id and table are under UserRole."""

    HEADERS = ("Kind", "Day", "Session", "Team", "Text", "Said by")
    TEXT = 4
    HitRole = Qt.ItemDataRole.UserRole + 1
    SpansRole = Qt.ItemDataRole.UserRole + 2  # the snippet as (text, is a hit) pieces

    def __init__(self, kinds: list[Kind], parent: Any = None) -> None:
        super().__init__(parent)
        self.kinds = kinds

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == self.HitRole:
            return (row["table"], row["id"])
        if role == self.SpansRole:
            return hit_spans(" ".join((row["snippet"] or "").split()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["text"]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor(KIND_COLOURS.get(row["kind"], "#333333")))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            star = " ★" if row["starred"] else ""
            return (
                "Summary" if row["kind"] == "summary" else label_of(row["kind"], self.kinds)
            ) + star
        if col == 1:
            return row["day_title"] or ""
        if col == 2:
            return row["session_title"] or ""
        if col == 3:
            return row["team_name"] or ""
        if col == self.TEXT:
            return without_marks(" ".join((row["snippet"] or "").split()))
        if col == 5:
            return row["attribution"] or ""
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a snippet with the matched words highlighted (bold on a yellow ground)."""

    HIT_STYLE = "background-color:#FFE066;color:#000000;font-weight:600;"

    @classmethod
    def html(cls, spans: list[tuple[str, bool]]) -> str:
        return "".join(
            f'<span style="{cls.HIT_STYLE}">{escape(text)}</span>' if hit else escape(text)
            for text, hit in spans
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        spans = index.data(SearchResultModel.SpansRole)
        if not spans or not any(hit for _text, hit in spans):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setHtml(self.html(spans))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()


class SearchPanel(QWidget):
    """Query box, filters and results; ``open_hit`` carries (table, id) of an activated hit."""

    open_hit = Signal(str, str)

    def __init__(self, ws: Workshop, kinds: list[Kind], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.kinds = kinds
        layout = QVBoxLayout(self)
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("search_edit")
        self.query_edit.setPlaceholderText(
            "Search all notes and summaries (every word must match; accents ignored)"
        )
        self.query_edit.setClearButtonEnabled(True)
        layout.addWidget(self.query_edit)
        filters = QHBoxLayout()
        self.kind_combo = self._combo("search_kind", "Any kind")
        self.day_combo = self._combo("search_day", "Any day")
        self.session_combo = self._combo("search_session", "Any session")
        self.team_combo = self._combo("search_team", "Any team")
        self.country_combo = self._combo("search_country", "Any country")
        self.sector_combo = self._combo("search_sector", "Any sector")
        self.starred_check = QCheckBox("★ only")
        self.starred_check.setObjectName("search_starred")
        for w in (
            self.kind_combo,
            self.day_combo,
            self.session_combo,
            self.team_combo,
            self.country_combo,
            self.sector_combo,
            self.starred_check,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.model = SearchResultModel(kinds, self)
        self.view = QTableView()
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((120, 60, 200, 70, 460, 140)):
            self.view.setColumnWidth(col, width)
        header.setSectionResizeMode(SearchResultModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(SearchResultModel.TEXT, HitDelegate(self.view))
        self.view.activated.connect(self._activated)
        self.query_edit.installEventFilter(self)
        self.view.installEventFilter(self)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.run)
        self.query_edit.textChanged.connect(lambda _t: self.timer.start())
        self.query_edit.returnPressed.connect(self._enter)
        for combo in (
            self.kind_combo,
            self.day_combo,
            self.session_combo,
            self.team_combo,
            self.country_combo,
            self.sector_combo,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.run())
        self.starred_check.toggled.connect(lambda _c: self.run())
        self._job: Job | None = None
        self._reader: Workshop | None = None  # the searches' own view of the file
        self._next: SearchFilter | None = None  # asked for while a search ran
        self._focus_after = False  # Enter or Down while searching: results take the keys
        self.shown_query: str | None = None  # the text whose results are listed
        if ws.is_large:
            # the other choices are read when the tab is chosen (the area refills them
            # then): days, sessions, teams and 15,000 people's countries take a while
            self._fill_kinds()
        else:
            self.fill_filters()
        ws.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        """Follow the note kinds (labels, the kind filter); the rest reloads when shown."""
        settings = changes.ids(Table.SETTINGS)
        if changes.everything or settings is None or SETTING_KINDS in settings:
            kinds = self.ws.notes.kinds()
            if changes.everything or kinds != self.kinds:
                self.set_kinds(kinds)

    def _combo(self, name: str, anything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(anything, None)
        combo.setMaximumWidth(220)
        return combo

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        at = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(False)

    def fill_filters(self) -> None:
        """(Re)load filter choices from the file, keeping what was chosen."""
        self._fill_kinds()
        self._refill(
            self.day_combo, [(d["title"] or d["date"], d["id"]) for d in self.ws.notes.days()]
        )
        self._refill(
            self.session_combo,
            [(f"{s['day_title']} · {s['title']}", s["id"]) for s in self.ws.notes.sessions()],
        )
        self._refill(
            self.team_combo,
            [(f"{t['name']} ({t['round_title']})", t["id"]) for t in self.ws.notes.all_teams()],
        )
        countries, sectors = self.ws.notes.countries_and_sectors()
        self._refill(self.country_combo, [(c, c) for c in countries])
        self._refill(self.sector_combo, [(s.replace("_", " "), s) for s in sectors])

    def _fill_kinds(self) -> None:
        self._refill(
            self.kind_combo, [(k.label, k.key) for k in self.kinds] + [("Summary", SUMMARY_KIND)]
        )

    def set_kinds(self, kinds: list[Kind]) -> None:
        self.kinds = kinds
        self.model.kinds = kinds
        self.fill_filters()

    def current_filter(self) -> SearchFilter:
        return SearchFilter(
            text=self.query_edit.text(),
            kind=self.kind_combo.currentData(),
            day_id=self.day_combo.currentData(),
            session_id=self.session_combo.currentData(),
            team_id=self.team_combo.currentData(),
            starred=self.starred_check.isChecked(),
            country=self.country_combo.currentData(),
            sector=self.sector_combo.currentData(),
        )

    @property
    def busy(self) -> bool:
        """A search is running in the background (or waiting to)."""
        return self._job is not None or self._next is not None

    def run(self) -> None:
        self.timer.stop()
        f = self.current_filter()
        if not self.ws.is_large:
            self._show(f, self.ws.notes.search(f))
            return
        if self._job is not None:
            self._next = f  # searched when the running one is done
            return
        self._start(f)

    def _start(self, f: SearchFilter) -> None:
        if self._reader is None:  # made here, kept: each search reads a warm cache
            self._reader = self.ws.reader(kept=True)
        reader = self._reader

        def search(_progress: Any) -> tuple[SearchFilter, list[dict[str, Any]]]:
            return f, reader.notes.search(f)  # one search at a time uses it

        self.count_label.setText("Searching…")
        job = Job(self, "Searching the notes…", search, dialog=False)
        job.done.connect(self._found)
        job.failed.connect(self._failed)
        self._job = job
        job.start()

    def _found(self, result: tuple[SearchFilter, list[dict[str, Any]]]) -> None:
        self._job_over()
        if self._next is None:
            self._show(*result)
            if self._focus_after:
                self._focus_after = False
                self.focus_results()
        else:
            f, self._next = self._next, None
            self._start(f)

    def _failed(self, exc: Exception) -> None:
        self._job_over()
        self._next = None
        self._focus_after = False
        self.count_label.setText(f"The search failed: {exc}")

    def _job_over(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None

    def _show(self, f: SearchFilter, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.shown_query = f.text
        more = " (first 500 shown)" if len(rows) >= f.limit else ""
        self.count_label.setText(
            f"{len(rows)} result{'s' if len(rows) != 1 else ''}{more}. "
            "Enter or double-click opens the note where it was written."
        )

    def _enter(self) -> None:
        self.run()
        self.focus_results()

    def focus_results(self) -> bool:
        """Put the keyboard on the results (the first, or the one chosen before)."""
        if self.timer.isActive():
            self.run()  # typed a moment ago: the results must be of what is in the box
        if self.busy:
            self._focus_after = True  # the results take the keyboard when they are in
            return True
        if not self.model.rowCount():
            return False
        self.view.setFocus()
        if not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        return True

    def stop(self) -> None:
        """Let a running search finish and drop its results (the area closes)."""
        self._next = None
        if self._job is not None:
            self._job.wait()  # its thread and reader must be gone before the file closes
            self._job_over()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.query_edit and event.key() == Qt.Key.Key_Down and plain:
            return self.focus_results()
        if (
            watched is self.view
            and event.key() == Qt.Key.Key_Up
            and plain
            and self.view.currentIndex().row() <= 0
        ):
            self.query_edit.setFocus()
            return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            table, row_id = index.data(SearchResultModel.HitRole)
            self.open_hit.emit(table, row_id)
