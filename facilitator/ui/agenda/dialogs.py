"""Dialogs of the agenda: a session, a day, and the catch-up preview.

Each dialog holds its Designer form and returns values; the area turns them into one
undoable command.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.agenda import KINDS, CatchUp, Live, hhmm, parse_hhmm
from facilitator.ui.forms.ui_agenda_catchup import Ui_AgendaCatchUpDialog
from facilitator.ui.forms.ui_agenda_day import Ui_AgendaDayDialog
from facilitator.ui.forms.ui_agenda_session import Ui_AgendaSessionDialog

ROLES = [("speaker", "Speaker"), ("moderator", "Moderator")]


def _qtime(text: str | None, default: str) -> QTime:
    minutes = parse_hhmm(text) if text else None
    if minutes is None:
        minutes = parse_hhmm(default) or 0
    return QTime(minutes // 60, minutes % 60)


class SessionDialog(QDialog):
    """Edit every field of a session, and pick speakers/moderators from the participants."""

    def __init__(
        self,
        row: dict[str, Any],
        speakers: list[dict[str, Any]],
        people: list[dict[str, Any]],
        rooms: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaSessionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Session: {row.get('title') or 'new'}")
        ui = self.ui
        for key, (label, _) in KINDS.items():
            ui.kind_combo.addItem(label, key)
        kind_index = ui.kind_combo.findData(row.get("kind") or "plenary")
        if kind_index < 0:
            ui.kind_combo.addItem(row.get("kind") or "", row.get("kind"))
            kind_index = ui.kind_combo.count() - 1
        ui.kind_combo.setCurrentIndex(kind_index)
        ui.title_edit.setText(row.get("title") or "")
        ui.duration_spin.setValue(int(row.get("duration_min") or 0))
        fixed = row.get("fixed_start")
        ui.fixed_check.setChecked(bool(fixed))
        ui.fixed_edit.setTime(_qtime(fixed, "12:30"))
        ui.fixed_edit.setEnabled(bool(fixed))
        ui.fixed_check.toggled.connect(ui.fixed_edit.setEnabled)
        ui.parallel_edit.setText(row.get("parallel_group") or "")
        ui.room_combo.addItems(rooms)
        ui.room_combo.setCurrentText(row.get("room") or "")
        ui.description_edit.setPlainText(row.get("description") or "")
        ui.objectives_edit.setPlainText(row.get("objectives") or "")
        self.people = {p["id"]: p for p in people}
        for p in people:
            extra = ", ".join(x for x in (p.get("organisation"), p.get("country")) if x)
            ui.person_combo.addItem(f"{p['name']} ({extra})" if extra else p["name"], p["id"])
        ui.person_combo.setCurrentIndex(-1)
        completer = QCompleter(ui.person_combo.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        ui.person_combo.setCompleter(completer)
        for key, label in ROLES:
            ui.role_combo.addItem(label, key)
        self.speaker_model = QStandardItemModel(self)
        ui.speakers_view.setModel(self.speaker_model)
        for s in speakers:
            self._add(s["person_id"], s["role"])
        ui.add_speaker_button.clicked.connect(self._add_current)
        ui.remove_speaker_button.clicked.connect(self._remove)
        ui.up_speaker_button.clicked.connect(self._up)
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        ui.title_edit.setFocus()

    def _add(self, person_id: str, role: str) -> None:
        for r in range(self.speaker_model.rowCount()):
            item = self.speaker_model.item(r)
            if item.data(Qt.ItemDataRole.UserRole) == (person_id, role):
                return
        name = self.people.get(person_id, {}).get("name", person_id)
        label = f"{name} — {dict(ROLES).get(role, role)}"
        item = QStandardItem(label)
        item.setEditable(False)
        item.setData((person_id, role), Qt.ItemDataRole.UserRole)
        self.speaker_model.appendRow(item)

    def _add_current(self) -> None:
        index = self.ui.person_combo.currentIndex()
        text = self.ui.person_combo.currentText().strip()
        if index < 0 or self.ui.person_combo.itemText(index) != text:
            index = self.ui.person_combo.findText(text, Qt.MatchFlag.MatchContains)
        if index < 0:
            self.ui.warning_label.setText(f"No participant matches '{text}'.")
            return
        self.ui.warning_label.setText("")
        self._add(self.ui.person_combo.itemData(index), self.ui.role_combo.currentData())
        self.ui.person_combo.setCurrentIndex(-1)

    def _remove(self) -> None:
        index = self.ui.speakers_view.currentIndex()
        if index.isValid():
            self.speaker_model.removeRow(index.row())

    def _up(self) -> None:
        index = self.ui.speakers_view.currentIndex()
        if index.isValid() and index.row() > 0:
            items = self.speaker_model.takeRow(index.row())
            self.speaker_model.insertRow(index.row() - 1, items)
            self.ui.speakers_view.setCurrentIndex(self.speaker_model.index(index.row() - 1, 0))

    def values(self) -> dict[str, Any]:
        ui = self.ui
        t = ui.fixed_edit.time()
        return {
            "kind": ui.kind_combo.currentData(),
            "title": ui.title_edit.text().strip(),
            "duration_min": ui.duration_spin.value(),
            "fixed_start": f"{t.hour():02d}:{t.minute():02d}"
            if ui.fixed_check.isChecked()
            else None,
            "parallel_group": ui.parallel_edit.text().strip() or None,
            "room": ui.room_combo.currentText().strip(),
            "description": ui.description_edit.toPlainText().strip(),
            "objectives": ui.objectives_edit.toPlainText().strip(),
        }

    def speakers(self) -> list[tuple[str, str]]:
        return [
            tuple(self.speaker_model.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.speaker_model.rowCount())
        ]


class DayDialog(QDialog):
    def __init__(self, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaDayDialog()
        self.ui.setupUi(self)
        try:
            when = date.fromisoformat(row.get("date") or "")
        except ValueError:
            when = date.today()
        self.ui.date_edit.setDate(QDate(when.year, when.month, when.day))
        self.ui.title_edit.setText(row.get("title") or "")
        self.ui.start_edit.setTime(_qtime(row.get("day_start"), "09:00"))
        self.ui.end_edit.setTime(_qtime(row.get("planned_end"), "17:30"))
        self.ui.button_box.accepted.connect(self._check)
        self.ui.button_box.rejected.connect(self.reject)

    def _check(self) -> None:
        if self.ui.end_edit.time() <= self.ui.start_edit.time():
            self.ui.end_edit.setFocus()
            self.ui.title_edit.setToolTip("")
            self.setWindowTitle("Day: the planned end must be after the start")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        d = self.ui.date_edit.date()
        s, e = self.ui.start_edit.time(), self.ui.end_edit.time()
        return {
            "date": f"{d.year():04d}-{d.month():02d}-{d.day():02d}",
            "title": self.ui.title_edit.text().strip(),
            "day_start": f"{s.hour():02d}:{s.minute():02d}",
            "planned_end": f"{e.hour():02d}:{e.minute():02d}",
        }


class ChangesModel(QAbstractTableModel):
    """The sessions a catch-up plan changes: old and new start and length."""

    HEADERS = ["Session", "Start", "New start", "Minutes", "New minutes"]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = CatchUp("shift")

    def set_plan(self, plan: CatchUp) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.plan.changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self.plan.changes):
            return None
        c = self.plan.changes[index.row()]
        return [
            c.title,
            hhmm(c.old_start),
            hhmm(c.new_start),
            c.old_duration,
            c.new_duration,
        ][index.column()]


class CatchUpDialog(QDialog):
    """Preview shifting or shortening the rest of the day before applying it."""

    def __init__(
        self, state: Live, shift: CatchUp, shorten: CatchUp, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaCatchUpDialog()
        self.ui.setupUi(self)
        self.plans = {"shift": shift, "shorten": shorten}
        self.model = ChangesModel(self)
        self.ui.changes_view.setModel(self.model)
        self.ui.changes_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        late = state.delay
        current = state.current.session.title if state.current else ""
        self.ui.intro_label.setText(
            f"'{current}' will end {abs(late)} min {'late' if late >= 0 else 'early'}; "
            f"the day is projected to end at {hhmm(state.projected_end)} "
            f"(planned {hhmm(state.day.planned_end)})."
        )
        self.ui.shift_radio.toggled.connect(self._show)
        self.ui.shorten_radio.toggled.connect(self._show)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._show()

    def mode(self) -> str:
        return "shorten" if self.ui.shorten_radio.isChecked() else "shift"

    def plan(self) -> CatchUp:
        return self.plans[self.mode()]

    def _show(self) -> None:
        plan = self.plan()
        self.model.set_plan(plan)
        self.ui.changes_view.resizeColumnsToContents()
        text = f"Day ends at {hhmm(plan.new_end)} after this change."
        if not plan.changes:
            text = "Nothing to change: the rest of the day already fits."
        if plan.unresolved:
            text += f" Still {plan.unresolved} min late: the sessions cannot be cut further."
        self.ui.summary_label.setText(text)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(plan.changes))
        ok.setText("Apply")


class RehearseDialog(QDialog):
    """Set the rehearsal clock: live mode behaves as if it were this moment."""

    def __init__(self, moment: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rehearsal clock")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Run live mode as if it were:"))
        self.edit = QDateTimeEdit(self)
        self.edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute),
            )
        )
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def moment(self) -> datetime:
        d, t = self.edit.date(), self.edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
