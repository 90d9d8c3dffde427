"""Participants: the roster, the registration desk, attendance tables and the print kit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import people as dom
from facilitator.edits.base import SetFields
from facilitator.edits.people import add_person, delete_people, edit_person
from facilitator.exports import EXPORTERS, ExportOptions
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.people.checkin import AttendancePanel, CheckInPanel
from facilitator.ui.people.dialogs import PersonDialog
from facilitator.ui.people.models import PeopleFilter, PeopleModel, counts_text

PRINT_KINDS = [
    "badges",
    "tents",
    "sign-in",
    "certificates",
    "participants-pdf",
    "participants-csv",
    "participants-xlsx",
]


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
        delete_action = QAction(self.view)
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
        if changes.touches(Table.PEOPLE):
            self.reload()

    def set_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    def _update_counts(self) -> None:
        self.counts_label.setText(counts_text(self.proxy.people()))

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
        return sorted({p["country"] for p in self.model.rows})

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


class PrintKitBar(QWidget):
    """Privacy setting, paper, badge options and the print-kit exports (run in a worker)."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.jobs: list[Any] = []
        self.privacy_combo = QComboBox()
        self.privacy_combo.setObjectName("privacy_combo")
        self.privacy_combo.setToolTip(
            "What lists of participants show: the participants list, the sign-in sheets and "
            "the roster exports"
        )
        for key, label in dom.PRIVACY.items():
            self.privacy_combo.addItem(label, key)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem("Letter", "letter")
        self.per_sheet_combo = QComboBox()
        self.per_sheet_combo.addItem("8 badges a sheet", 8)
        self.per_sheet_combo.addItem("10 badges a sheet", 10)
        self.team_combo = QComboBox()
        self.team_combo.setToolTip("Colour badges by team")
        self.day_combo = QComboBox()
        self.day_combo.setToolTip("Day for the sign-in sheets")
        self.print_button = QToolButton()
        self.print_button.setText("Print kit")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.print_button)
        labels = {e.kind: e.label for e in EXPORTERS}
        for kind in PRINT_KINDS:
            self.menu.addAction(labels[kind], lambda k=kind: self.export(k))
        self.print_button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Lists show"))
        layout.addWidget(self.privacy_combo)
        layout.addStretch(1)
        for w in (self.paper_combo, self.per_sheet_combo, self.team_combo, self.day_combo):
            layout.addWidget(w)
        layout.addWidget(self.print_button)
        self._load()
        self.privacy_combo.currentIndexChanged.connect(self._privacy_changed)
        self.privacy_combo.setEnabled(not ctx.read_only)
        self.ws.hub.changed.connect(self._on_changed)

    def _load(self) -> None:
        self.privacy_combo.blockSignals(True)
        self.privacy_combo.setCurrentIndex(
            max(0, self.privacy_combo.findData(self.ws.info.details()["privacy"]))
        )
        self.privacy_combo.blockSignals(False)
        team = self.team_combo.currentData()
        self.team_combo.clear()
        self.team_combo.addItem("No team colours", None)
        for t in self.ws.people.team_sets():
            self.team_combo.addItem(f"Teams: {t['title']}", t["id"])
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team)))
        day = self.day_combo.currentData()
        self.day_combo.clear()
        self.day_combo.addItem("Sign-in: every day", None)
        for d in self.ws.people.days():
            self.day_combo.addItem(f"Sign-in: {d['title'] or d['date']}", d["id"])
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(day)))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.WORKSHOP, Table.TEAM_SETS, Table.DAYS):
            self._load()

    def _privacy_changed(self, _index: int) -> None:
        key = self.privacy_combo.currentData()
        details = self.ws.info.details()
        if key == details["privacy"]:
            return
        if not self.ctx.push(
            SetFields(self.ws, Table.WORKSHOP, details["id"], {"privacy": key}, "Change privacy")
        ):
            self._load()

    def options(self) -> ExportOptions:
        return ExportOptions(
            paper=self.paper_combo.currentData(),
            team_set=self.team_combo.currentData(),
            day=self.day_combo.currentData(),
            extra={"per_sheet": self.per_sheet_combo.currentData()},
        )

    def export(self, kind: str) -> None:
        from facilitator.ui.export_runner import export_with_dialog

        job = export_with_dialog(self.ctx, kind, self.options())
        if job is not None:
            self.jobs = [j for j in self.jobs if j.thread.isRunning()] + [job]


class PeopleArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.print_kit = PrintKitBar(ctx, self)
        self.import_button = QPushButton("Import roster…")
        self.import_button.setEnabled(not ctx.read_only)
        self.import_button.clicked.connect(self.import_roster)
        self.tabs = QTabWidget()
        self.roster = RosterPanel(ctx)
        self.checkin = CheckInPanel(ctx)
        self.attendance = AttendancePanel(ctx)
        self.tabs.addTab(self.roster, "Roster")
        self.tabs.addTab(self.checkin, "Check-in")
        self.tabs.addTab(self.attendance, "Attendance")
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.print_kit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def import_roster(self) -> None:
        from facilitator.ui.people.import_dialog import import_roster

        import_roster(self.ctx)

    def handle_request(self, request: dict[str, Any]) -> None:
        """{"tab": "checkin"|"roster"|"attendance", "person_id": …} from other areas."""
        tab = {"roster": 0, "checkin": 1, "attendance": 2}.get(request.get("tab", "roster"), 0)
        self.tabs.setCurrentIndex(tab)
        if request.get("person_id"):
            self.roster.filter_edit.clear()
            self.roster.select_ids([request["person_id"]])
