"""Dialogs of the agenda: a session, a day, the catch-up preview and the rehearsal clock.

Each dialog holds its Designer form and returns values; the area turns them into one
undoable command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QFont, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QWidget,
)

from facilitator.domain.agenda import (
    KINDS,
    MIN_SESSION_MIN,
    CatchUp,
    Change,
    Day,
    Live,
    flow,
    hhmm,
    kind_label,
    parse_hhmm,
    session_name,
)
from facilitator.store.records import PersonBrief, SpeakerView
from facilitator.ui.forms.ui_agenda_catchup import Ui_AgendaCatchUpDialog
from facilitator.ui.forms.ui_agenda_day import Ui_AgendaDayDialog
from facilitator.ui.forms.ui_agenda_rehearse import Ui_AgendaRehearseDialog
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
        row: Mapping[str, Any],
        speakers: Sequence[SpeakerView],
        people: Sequence[PersonBrief],
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
        person = self.people.get(person_id)
        name = person["name"] if person else person_id
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
    def __init__(self, row: Mapping[str, Any], parent: QWidget | None = None) -> None:
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
    """The sessions a catch-up plan changes: their slot in the agenda, and after the change."""

    HEADERS = ["Session", "In the agenda", "After", "Minutes", "What changes"]

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
        if not index.isValid() or not 0 <= index.row() < len(self.plan.changes):
            return None
        c = self.plan.changes[index.row()]
        if role == Qt.ItemDataRole.FontRole and c.running:
            font = QFont(QGuiApplication.font())
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        minutes = (
            str(c.old_duration)
            if c.new_duration == c.old_duration
            else f"{c.old_duration} → {c.new_duration}"
        )
        return [
            c.title + (" (running)" if c.running else ""),
            f"{hhmm(c.old_start)}–{hhmm(c.old_end)}",
            f"{hhmm(c.new_start)}–{hhmm(c.new_end)}",
            minutes,
            change_note(c),
        ][index.column()]


def change_note(c: Change) -> str:
    """One change in words, as the preview lists it."""
    if c.running:
        return "running: its real times"
    parts = []
    if c.new_fixed != c.old_fixed and c.old_fixed is not None and c.new_fixed is not None:
        parts.append(f"fixed start {hhmm(c.old_fixed)} → {hhmm(c.new_fixed)}")
    elif c.new_start != c.old_start:
        moved = c.new_start - c.old_start
        parts.append(f"{abs(moved)} min {'later' if moved > 0 else 'earlier'}")
    if c.new_duration < c.old_duration:
        parts.append(f"{c.old_duration - c.new_duration} min shorter")
    return ", ".join(parts)


def end_words(end: int, agenda_end: int, planned_end: int) -> str:
    """ "Day ends at …, N min late (agenda …)", in the live panel's words."""
    late = end - agenda_end
    text = f"the day ends at {hhmm(end)}"
    if late:
        text += f", {abs(late)} min {'later' if late > 0 else 'earlier'} than the agenda"
        text += f" ({hhmm(agenda_end)})"
    else:
        text += ", as in the agenda"
    if end > planned_end:
        text += f", {end - planned_end} min past the planned end {hhmm(planned_end)}"
    return text


class CatchUpDialog(QDialog):
    """Preview shifting or shortening the rest of the day before applying it.

    ``plans`` are the domain's plans (``shift``, ``shift_fixed``, ``shorten``); each already
    holds the day as it will then run, so the preview is what the live panel shows after.
    """

    def __init__(
        self, state: Live, plans: dict[str, CatchUp], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaCatchUpDialog()
        self.ui.setupUi(self)
        self.state = state
        self.plans = plans
        self.model = ChangesModel(self)
        self.ui.changes_view.setModel(self.model)
        self.ui.changes_view.verticalHeader().hide()
        self.ui.changes_view.setWordWrap(False)
        header = self.ui.changes_view.horizontalHeader()
        for column in range(len(ChangesModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ui.intro_label.setText(self._intro())
        self.ui.shift_radio.toggled.connect(self._show)
        self.ui.shorten_radio.toggled.connect(self._show)
        self.ui.move_fixed_check.toggled.connect(self._show)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._show()
        self.ui.shift_radio.setFocus()

    def _intro(self) -> str:
        st = self.state
        if st.current is None:
            return ""
        end = max(t.end for t in st.current_block)
        name = session_name(st.current.session)
        since = f", running since {hhmm(st.start)}," if st.running else ""
        late = st.delay
        when = (
            f"{late} min after the agenda"
            if late > 0
            else f"{-late} min before the agenda"
            if late < 0
            else "as in the agenda"
        )
        text = f"{name}{since} ends at {hhmm(end)}, {when}. If nothing changes, "
        text += end_words(st.projected_end, st.agenda_end, st.day.planned_end) + "."
        for c in st.collisions:
            text += f" {c.message}."
        return text

    def mode(self) -> str:
        if self.ui.shorten_radio.isChecked():
            return "shorten"
        return "shift_fixed" if self.ui.move_fixed_check.isChecked() else "shift"

    def plan(self) -> CatchUp:
        return self.plans[self.mode()]

    def _show(self) -> None:
        mode = self.mode()
        plan = self.plan()
        self.ui.move_fixed_check.setEnabled(self.ui.shift_radio.isChecked())
        self.model.set_plan(plan)
        if mode == "shorten":
            explain = (
                "The minutes come from the later sessions that can give them, in proportion to "
                "their length: never breaks, meals, fixed items or the running session, and "
                f"none below {MIN_SESSION_MIN} min."
            )
        elif mode == "shift":
            explain = (
                "Every session keeps its length and starts when the one before ends, up to the "
                "next fixed item: fixed items stay where they are."
            )
        else:
            explain = (
                "Every session keeps its length; each fixed item the day reaches late moves to "
                "when it is reached, and no further."
            )
        self.ui.explain_label.setText(explain)
        self.ui.summary_label.setText(self.summary(plan))
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(plan.edits))
        ok.setText("&Apply")

    def summary(self, plan: CatchUp) -> str:
        """What the day looks like after the plan, and what still does not fit."""
        day = self.state.day
        if not plan.changes:
            text = "Nothing to change"
            text += "." if plan.unresolved else ": the rest of the day already fits."
        else:
            text = "After this change " + end_words(plan.new_end, plan.agenda_end, day.planned_end)
            text += "."
        if plan.cut:
            text += f" {plan.cut} min are taken from later sessions."
        if plan.moved_fixed:
            text += " Moves: " + ", ".join(f"'{t}'" for t in plan.moved_fixed) + "."
        for c in plan.remaining:
            text += f" Still: {c.message}."
        if plan.mode == "shorten" and plan.stuck:
            text += (
                " Nothing before " + " and ".join(plan.stuck) + " can give more time "
                "(breaks, meals, fixed items, the running session and sessions at "
                f"{MIN_SESSION_MIN} min are not cut)."
            )
        return text


class RehearseDialog(QDialog):
    """Set the rehearsal clock to a day of the workshop and a time (a session's start, or any).

    Opens on the day live mode shows (today's, or the one chosen in the agenda) so the usual
    rehearsal is a few keys: ↓ for another day, Tab, ↓ to a session's start or Tab and type a
    time, Enter.
    """

    def __init__(
        self,
        days: list[Day],
        now: datetime,
        day_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaRehearseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.days = days
        self.day_model = QStandardItemModel(self)
        for i, d in enumerate(days):
            item = QStandardItem(f"{d.title or f'Day {i + 1}'} · {d.date:%a %d %b %Y}")
            item.setEditable(False)
            item.setData(d.id, Qt.ItemDataRole.UserRole)
            self.day_model.appendRow(item)
        ui.days_view.setModel(self.day_model)
        self.session_model = QStandardItemModel(self)
        ui.sessions_view.setModel(self.session_model)
        ui.days_view.selectionModel().currentChanged.connect(self._day_chosen)
        ui.sessions_view.selectionModel().currentChanged.connect(self._session_chosen)
        ui.time_edit.timeChanged.connect(self._say)
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        ok = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Rehearse")
        ok.setEnabled(bool(days))
        index = next(
            (i for i, d in enumerate(days) if d.id == day_id),
            next((i for i, d in enumerate(days) if d.date == now.date()), 0),
        )
        if days:
            ui.days_view.setCurrentIndex(self.day_model.index(index, 0))
            day = days[index]
            minutes = now.hour * 60 + now.minute if now.date() == day.date else day.start
            ui.time_edit.setTime(QTime(minutes // 60 % 24, minutes % 60))
        ui.days_view.setFocus()
        self._say()

    def day(self) -> Day | None:
        index = self.ui.days_view.currentIndex()
        return self.days[index.row()] if index.isValid() else None

    def _day_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.session_model.clear()
        day = self.day()
        if day is None:
            return
        for t in flow(day):
            s = t.session
            item = QStandardItem(f"{hhmm(t.start)}  {s.title or kind_label(s.kind)}")
            item.setEditable(False)
            item.setData(t.start, Qt.ItemDataRole.UserRole)
            self.session_model.appendRow(item)
        self._say()

    def _session_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            minutes = int(current.data(Qt.ItemDataRole.UserRole))
            self.ui.time_edit.setTime(QTime(minutes // 60 % 24, minutes % 60))

    def _say(self) -> None:
        moment = self.moment()
        self.ui.moment_label.setText(
            f"Live mode will run as if it were {moment:%a %d %b %Y, %H:%M}." if moment else ""
        )

    def moment(self) -> datetime | None:
        day = self.day()
        if day is None:
            return None
        t = self.ui.time_edit.time()
        return datetime(day.date.year, day.date.month, day.date.day, t.hour(), t.minute())
