"""What the Agenda's toolbar, drags and keys do to sessions and days: one undoable edit each.

The editors push their edits with the plan as initiator; the area re-reads the agenda as
soon as such an edit is committed (a moved session changes the timing of the whole day), so
right after a push the plan already shows the result and the editor can select what the
user expects to see selected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from facilitator.edits import agenda as cmd
from facilitator.store.records import SpeakerView
from facilitator.store.tables import Table
from facilitator.ui.agenda.dialogs import DayDialog, SessionDialog
from facilitator.ui.agenda.plan import PlanView
from facilitator.ui.areas import AreaContext


class SessionEditor(QObject):
    """Add, edit, duplicate, delete and move sessions of the plan."""

    def __init__(self, ctx: AreaContext, plan: PlanView, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.plan = plan
        self.dialog_parent = dialog_parent

    def _push(self, edit: Any) -> bool:
        return self.ctx.push(edit, initiator=self.plan)

    def _dialog(self, row: Mapping[str, Any], speakers: Sequence[SpeakerView]) -> SessionDialog:
        agenda = self.ws.agenda
        return SessionDialog(row, speakers, agenda.people(), agenda.rooms(), self.dialog_parent)

    def add(self) -> None:
        day_id = self.plan.current_day
        if day_id is None:
            self.ctx.status("Add a day first (Add day…).")
            return
        dialog = self._dialog({"kind": "plenary", "duration_min": 60}, [])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        values["title"] = values["title"] or "New session"
        after = self.plan.selected_id()
        timed = self.plan.state.timed
        if after and timed.get(after) and timed[after].session.day_id != day_id:
            after = None
        edit = cmd.add_session(self.ws, day_id, values, after)
        if self._push(edit):
            speakers = dialog.speakers()
            if speakers:
                self._push(cmd.edit_session(self.ws, edit.new_id, {}, speakers))
            self.plan.select(edit.new_id)

    def edit(self, session_id: str = "") -> None:
        """Edit ``session_id``, or the selected session when none is given."""
        sid = session_id or self.plan.selected_id()
        if not sid or self.ctx.read_only:
            return
        row = self.ws.rows.get(Table.SESSIONS, sid)
        if row is None:
            return
        speakers = self.ws.agenda.speakers_by_session().get(sid, [])
        dialog = self._dialog(row, speakers)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        changed = {k: v for k, v in values.items() if row.get(k) != v}
        new_speakers = dialog.speakers()
        old_speakers = [(s["person_id"], s["role"]) for s in speakers]
        if not changed and new_speakers == old_speakers:
            return
        self._push(
            cmd.edit_session(
                self.ws, sid, changed, new_speakers if new_speakers != old_speakers else None
            )
        )

    def duplicate(self) -> None:
        sid = self.plan.selected_id()
        if sid:
            self._push(cmd.duplicate_sessions(self.ws, [sid]))

    def delete(self) -> None:
        sid = self.plan.selected_id()
        if not sid:
            return
        notes = self.ws.notes.count_for_session(sid)
        session = self.ws.rows.get(Table.SESSIONS, sid)
        title = session["title"] if session else ""
        if notes:
            answer = QMessageBox.question(
                self.dialog_parent,
                "Delete session",
                f"'{title}' has {notes} notes; they are deleted with it (Undo brings them "
                "back). Delete?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        order = self.plan.state.ordered_ids()
        i = order.index(sid) if sid in order else 0
        rest = [s for s in order if s != sid]
        following = rest[min(i, len(rest) - 1)] if rest else None
        if self._push(cmd.delete_sessions(self.ws, [sid])):
            self.plan.select(following)

    def move(self, ids: list[str], day_id: str, index: int) -> None:
        if self.ctx.read_only or not ids:
            return
        if self._push(cmd.move_sessions(self.ws, list(ids), day_id, index)):
            self.plan.select(ids[0])

    def _position(self, sid: str) -> tuple[str, list[str], int]:
        state = self.plan.state
        day_id = state.timed[sid].session.day_id
        day = state.day(day_id)
        order = [s.id for s in sorted(day.sessions, key=lambda s: (s.position, s.id))]
        return day_id, order, order.index(sid)

    def nudge(self, step: int) -> None:
        """Move the selected session ``step`` places within its day."""
        sid = self.plan.selected_id()
        if not sid or sid not in self.plan.state.timed:
            return
        day_id, order, pos = self._position(sid)
        target = pos + step
        if 0 <= target < len(order):
            self.move([sid], day_id, target + (1 if step > 0 else 0))

    def to_day(self, step: int) -> None:
        """Move the selected session to the previous (-1) or next (+1) day."""
        sid = self.plan.selected_id()
        state = self.plan.state
        if not sid or sid not in state.timed:
            return
        day_id, _order, pos = self._position(sid)
        ids = [d.id for d in state.days]
        k = ids.index(day_id) + step
        if 0 <= k < len(ids):
            other = state.days[k]
            self.move([sid], other.id, min(pos, len(other.sessions)))


class DayEditor(QObject):
    """Add, edit and delete the plan's days (the current day: the selected session's)."""

    def __init__(self, ctx: AreaContext, plan: PlanView, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.plan = plan
        self.dialog_parent = dialog_parent

    def add(self) -> None:
        days = self.plan.state.days
        when = (days[-1].date + timedelta(days=1)) if days else self.ctx.bus.clock.now().date()
        dialog = DayDialog(
            {"date": when.isoformat(), "title": f"Day {len(days) + 1}"}, self.dialog_parent
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edit = cmd.add_day(self.ws, dialog.values())
            if self.ctx.push(edit, initiator=self.plan):
                self.plan.show_day(edit.row_id)

    def edit(self) -> None:
        day_id = self.plan.current_day
        if not day_id:
            return
        row: Mapping[str, Any] = self.ws.rows.get(Table.DAYS, day_id) or {}
        dialog = DayDialog(row, self.dialog_parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = {k: v for k, v in dialog.values().items() if row.get(k) != v}
            if values:
                self.ctx.push(cmd.edit_day(self.ws, day_id, values), initiator=self.plan)

    def delete(self) -> None:
        day_id = self.plan.current_day
        if not day_id:
            return
        day = self.plan.state.day(day_id)
        if day and day.sessions:
            answer = QMessageBox.question(
                self.dialog_parent,
                "Delete day",
                f"Delete {day.title or day.date} and its {len(day.sessions)} sessions? "
                "(Undo brings them back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.push(cmd.delete_day(self.ws, day_id), initiator=self.plan)
