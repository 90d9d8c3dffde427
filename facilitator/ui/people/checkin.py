"""The registration desk: type a few letters, Enter, checked in; and the attendance tables."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.edits.people import SetPresent, add_walk_in
from facilitator.store.changes import Changes
from facilitator.store.records import PersonRow
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.people.dialogs import WalkInDialog, country_choices
from facilitator.ui.people.models import AttendanceModel, PeopleFilter, PeopleModel
from facilitator.ui.shortcuts import declare_keys

SLOTS = [("day", "Whole day"), ("am", "Morning"), ("pm", "Afternoon")]


def fill_days(combo: QComboBox, ctx: AreaContext) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for d in ctx.workshop.people.days():
        combo.addItem(f"{d['title'] or 'Day'} · {d['date']}", d["id"])
    i = combo.findData(current)
    combo.setCurrentIndex(max(0, i))
    combo.blockSignals(False)


class _SearchEdit(QLineEdit):
    """Arrow keys move through the matches while the cursor stays in the search box."""

    def __init__(self, view: QTableView) -> None:
        super().__init__()
        self.view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            model = self.view.model()
            if model.rowCount():
                row = self.view.currentIndex().row()
                row += 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(model.rowCount() - 1, row))
                self.view.setCurrentIndex(model.index(row, 0))
            return
        super().keyPressEvent(event)


class CheckInPanel(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("checkin_day_combo")
        self.slot_combo = QComboBox()
        for key, label in SLOTS:
            self.slot_combo.addItem(label, key)
        self.count_label = QLabel()
        self.count_label.setObjectName("checkin_count_label")
        self.count_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.model = PeopleModel(self.ws, presence=True, parent=self)
        self.proxy = PeopleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.check_in_current())
        self.search = _SearchEdit(self.view)
        self.search.setObjectName("checkin_search")
        self.search.setPlaceholderText(
            "Type a few letters of a name, organisation or country, then Enter"
        )
        self.search.setStyleSheet("font-size: 15pt; padding: 6px;")
        declare_keys(
            self.search,
            ("Down", "Next match"),
            ("Up", "Previous match"),
            ("Return", "Check in the chosen person"),
        )
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.check_in_current)
        self.feedback = QLabel()
        self.feedback.setObjectName("checkin_feedback")
        self.feedback.setStyleSheet("font-size: 12pt;")
        self.walk_in_button = QPushButton("&Walk-in…")
        self.walk_in_button.setToolTip("Add someone who was not registered and check them in")
        self.walk_in_button.clicked.connect(self.walk_in)
        self.undo_button = QPushButton("Check &out")
        self.undo_button.setToolTip("Mark the selected person as not present")
        self.undo_button.clicked.connect(self.check_out_current)
        top = QHBoxLayout()
        day_label = QLabel("&Day")
        day_label.setBuddy(self.day_combo)
        top.addWidget(day_label)
        top.addWidget(self.day_combo)
        self.slot_label = QLabel("&Session")
        self.slot_label.setBuddy(self.slot_combo)
        top.addWidget(self.slot_label)
        top.addWidget(self.slot_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.walk_in_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.day_combo.currentIndexChanged.connect(lambda _i: self._day_changed())
        self.slot_combo.currentIndexChanged.connect(lambda _i: self._day_changed())
        self.ws.hub.changed.connect(self._on_changed)
        for w in (self.search, self.walk_in_button, self.undo_button):
            w.setEnabled(not ctx.read_only)
        self.reload_days()

    def reload_days(self) -> None:
        fill_days(self.day_combo, self.ctx)
        half = bool(self.ws.info.details()["half_days"])
        self.slot_combo.setVisible(half)
        self.slot_label.setVisible(half)
        if not half:
            self.slot_combo.setCurrentIndex(0)
        self._day_changed()

    @property
    def day_id(self) -> str:
        return self.day_combo.currentData() or ""

    @property
    def slot(self) -> str:
        return self.slot_combo.currentData() or "day"

    def _day_changed(self) -> None:
        self.model.set_day(self.day_id, self.slot)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _update_count(self) -> None:
        if not self.day_id:
            self.count_label.setText("Add the workshop's days in the Agenda to record attendance")
            return
        n = self.ws.people.present_count(self.day_id, self.slot)
        self.count_label.setText(f"{n:,} of {len(self.model.rows):,} checked in")

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.DAYS, Table.WORKSHOP):
            self.reload_days()
        if changes.touches(Table.PEOPLE):
            self.model.refresh(changes.ids(Table.PEOPLE))
            self._filter(self.search.text())
        elif changes.touches(Table.ATTENDANCE):
            self.model.refresh_presence()
        else:
            return
        self._update_count()

    def _current_person(self) -> PersonRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            if self.proxy.rowCount() == 1 or (self.search.text() and self.proxy.rowCount()):
                index = self.proxy.index(0, 0)
            else:
                return None
        return self.model.person_at(self.proxy.mapToSource(index).row())

    def check_in_current(self) -> None:
        if self.ctx.read_only or not self.day_id:
            return
        person = self._current_person()
        if person is None:
            self.feedback.setText("No match: try fewer letters, or add a walk-in.")
            return
        if person["id"] in self.model.checked:
            self.feedback.setText(f"{person['name']} is already checked in.")
        elif self.ctx.push(
            SetPresent(self.ws, person["id"], self.day_id, self.slot, True, person["name"])
        ):
            self.feedback.setText(f"✓ {person['name']} checked in.")
        self.search.clear()
        self.search.setFocus()

    def check_out_current(self) -> None:
        person = self._current_person()
        if person is None or not self.day_id:
            return
        if self.ctx.push(
            SetPresent(self.ws, person["id"], self.day_id, self.slot, False, person["name"])
        ):
            self.feedback.setText(f"{person['name']} marked as not present.")

    def walk_in(self, values: dict | None = None) -> str | None:
        """Add and check in someone who was not registered; returns the new person's id."""
        if self.ctx.read_only or not self.day_id:
            return None
        if not values:
            countries = country_choices(
                (p["country"] for p in self.model.rows), self.ws.collation.sort_key
            )
            dialog = WalkInDialog(countries, self, existing=self.model.rows)
            dialog.ui.name_edit.setText(self.search.text())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        command, pid = add_walk_in(self.ws, values, self.day_id, self.slot)
        if not self.ctx.push(command):
            return None
        self.feedback.setText(f"✓ {values['name']} added and checked in.")
        self.search.clear()
        self.search.setFocus()
        return pid


class AttendancePanel(QWidget):
    """Attendance per day by country × sector × sex, copied or saved for funders' reports."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.day_combo = QComboBox()
        self.slot_combo = QComboBox()
        self.slot_combo.addItem("Any session", None)
        for key, label in SLOTS:
            self.slot_combo.addItem(label, key)
        self.model = AttendanceModel(self.ws, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.copy_button = QPushButton("Co&py table")
        self.copy_button.setToolTip("Copy as tab-separated text, to paste into a report")
        self.copy_button.clicked.connect(self.copy)
        top = QHBoxLayout()
        day_label = QLabel("&Day")
        day_label.setBuddy(self.day_combo)
        top.addWidget(day_label)
        top.addWidget(self.day_combo)
        top.addWidget(self.slot_combo)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.day_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.slot_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.ws.hub.changed.connect(self._on_changed)
        fill_days(self.day_combo, ctx)
        self.slot_combo.setVisible(bool(self.ws.info.details()["half_days"]))
        self.reload()

    def reload(self) -> None:
        self.model.set_day(self.day_combo.currentData() or "", self.slot_combo.currentData())

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.DAYS):
            fill_days(self.day_combo, self.ctx)
        if changes.touches(Table.DAYS, Table.PEOPLE, Table.ATTENDANCE):
            self.reload()
        if changes.touches(Table.WORKSHOP):
            self.slot_combo.setVisible(bool(self.ws.info.details()["half_days"]))

    def as_text(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
        writer.writerow([f"Attendance – {self.day_combo.currentText()}"])
        writer.writerow(self.model.headers())
        writer.writerows(self.model.as_rows())
        return buf.getvalue()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
        self.ctx.status("Attendance table copied; paste it into your report.")
