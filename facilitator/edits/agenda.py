"""Undoable agenda edits.

Most agenda edits touch several sessions at once (a move renumbers two days, a catch-up plan
rewrites the rest of the day), so :class:`SessionsEdit` snapshots the session and speaker rows
it may touch before the change and after it: undo and redo write those snapshots back, which
restores exactly what was there, ids included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from facilitator.domain.agenda import CatchUp
from facilitator.edits.base import DeleteRows, Edit, InsertRow, Macro, SetFields, SetSetting
from facilitator.store import agenda as store
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.tables import Table

SESSION_FIELDS = (
    "kind",
    "title",
    "duration_min",
    "fixed_start",
    "parallel_group",
    "room",
    "description",
    "objectives",
)


class SessionsEdit(Edit):
    """A change to some sessions (and their speakers) done by ``change``; undo restores them."""

    def __init__(
        self,
        ws: Workshop,
        text: str,
        scope: Iterable[str],
        change: Callable[[], Iterable[str] | None],
    ) -> None:
        super().__init__(text)
        self.ws = ws
        self.scope = list(dict.fromkeys(scope))
        self.change = change
        self.before: dict[str, list[dict[str, Any]]] | None = None
        self.after: dict[str, list[dict[str, Any]]] | None = None

    def apply(self) -> None:
        if self.after is not None:
            self.ws.agenda.restore(self.scope, self.after)
            return
        self.before = self.ws.agenda.snapshot(self.scope)
        created = self.change() or ()  # a failure rolls the whole operation back
        self.scope = list(dict.fromkeys([*self.scope, *created]))
        self.after = self.ws.agenda.snapshot(self.scope)

    def revert(self) -> None:
        assert self.before is not None
        self.ws.agenda.restore(self.scope, self.before)


def _day_ids(ws: Workshop, day_id: str) -> list[str]:
    return [r["id"] for r in ws.agenda.session_rows(day_id)]


def add_session(
    ws: Workshop, day_id: str, values: dict[str, Any], after_id: str | None = None
) -> SessionsEdit:
    """A new session at the end of a day, or right after ``after_id``."""
    sid = new_id("ses")
    order = _day_ids(ws, day_id)

    def change() -> list[str]:
        row = {"kind": "plenary", "title": "New session", "duration_min": 60, **values}
        row.update(id=sid, day_id=day_id, position=len(order))
        ws.agenda.insert_sessions([row])
        new_order = list(order)
        index = new_order.index(after_id) + 1 if after_id in new_order else len(new_order)
        new_order.insert(index, sid)
        ws.agenda.place(day_id, new_order)
        return [sid]

    edit = SessionsEdit(ws, f"Add session '{values.get('title', 'New session')}'", order, change)
    edit.new_id = sid  # type: ignore[attr-defined]
    return edit


def move_sessions(
    ws: Workshop, ids: list[str], day_id: str, index: int, text: str = ""
) -> SessionsEdit:
    """Move sessions (kept in their order) into ``day_id`` before position ``index``."""
    rows = {r["id"]: r for r in ws.agenda.session_rows()}
    sources = {rows[i]["day_id"] for i in ids if i in rows}
    target = _day_ids(ws, day_id)
    scope = set(target) | set(ids)
    for d in sources:
        scope |= set(_day_ids(ws, d))

    def change() -> None:
        moving = [i for i in ids if i in rows]
        before = [i for i in target[:index] if i not in moving]
        after = [i for i in target[index:] if i not in moving]
        for d in sources - {day_id}:
            ws.agenda.place(d, [i for i in _day_ids(ws, d) if i not in moving])
        ws.agenda.place(day_id, before + moving + after)

    label = text or ("Move session" if len(ids) == 1 else f"Move {len(ids)} sessions")
    return SessionsEdit(ws, label, scope, change)


def duplicate_sessions(ws: Workshop, ids: list[str]) -> SessionsEdit:
    """Copies (with speakers) placed right after each original."""
    rows = {r["id"]: r for r in ws.agenda.session_rows()}
    days = {rows[i]["day_id"] for i in ids if i in rows}
    scope: set[str] = set()
    for d in days:
        scope |= set(_day_ids(ws, d))
    copies = {i: new_id("ses") for i in ids if i in rows}

    def change() -> list[str]:
        speakers = ws.agenda.speakers_by_session()
        copied = []
        for original, copy in copies.items():
            row = dict(rows[original])
            row.update(id=copy, actual_start=None, actual_end=None)
            row.pop("created", None)
            row.pop("updated", None)
            copied.append(row)
        ws.agenda.insert_sessions(copied)
        for original, copy in copies.items():
            ws.agenda.set_speakers(
                copy, [(s["person_id"], s["role"]) for s in speakers.get(original, [])]
            )
        for d in days:
            order: list[str] = []
            for sid in _day_ids(ws, d):
                if sid in copies.values():
                    continue
                order.append(sid)
                if sid in copies:
                    order.append(copies[sid])
            ws.agenda.place(d, order)
        return list(copies.values())

    label = "Duplicate session" if len(ids) == 1 else f"Duplicate {len(ids)} sessions"
    return SessionsEdit(ws, label, scope, change)


def delete_sessions(ws: Workshop, ids: list[str]) -> DeleteRows:
    """Delete sessions; undo brings back their speakers, notes and links too."""
    label = "Delete session" if len(ids) == 1 else f"Delete {len(ids)} sessions"
    return DeleteRows(ws, Table.SESSIONS, ids, label)


def edit_session(
    ws: Workshop,
    session_id: str,
    values: dict[str, Any],
    speakers: list[tuple[str, str]] | None = None,
) -> SessionsEdit:
    """Change fields of one session and, if given, its speakers and moderators."""
    clean = {k: v for k, v in values.items() if k in SESSION_FIELDS}

    def change() -> None:
        if clean:
            ws.agenda.update_sessions({session_id: clean})
        if speakers is not None:
            ws.agenda.set_speakers(session_id, speakers)

    title = clean.get("title") or (ws.rows.get(Table.SESSIONS, session_id) or {}).get("title", "")
    return SessionsEdit(ws, f"Edit session '{title}'", [session_id], change)


def apply_catch_up(ws: Workshop, plan: CatchUp) -> SessionsEdit:
    """Write a previewed shift/shorten plan as one undoable step."""
    edits = plan.edits

    def change() -> None:
        ws.agenda.update_sessions(edits)

    text = "Shift the rest of the day" if plan.mode == "shift" else "Shorten later sessions"
    return SessionsEdit(ws, text, list(edits), change)


def _rehearsed(ws: Workshop, edit: SessionsEdit, ids: list[str], rehearsal: bool) -> Edit:
    """While rehearsing, the edit also notes its sessions as practice (see REHEARSED_KEY)."""
    if not rehearsal:
        return edit
    noted = sorted(ws.agenda.rehearsed_ids() | set(ids))
    return Macro(edit.text(), [edit, SetSetting(ws, store.REHEARSED_KEY, noted)], ws)


def start_session(
    ws: Workshop, session_ids: list[str], moment: datetime, rehearsal: bool = False
) -> Edit:
    """Record the actual start of a block; a session still running is finished at that time."""
    running = [sid for sid in ws.agenda.unfinished_session_ids() if sid not in session_ids]
    text = store.local_text(moment)

    def change() -> None:
        values: dict[str, dict[str, Any]] = {sid: {"actual_end": text} for sid in running}
        for sid in session_ids:
            values[sid] = {"actual_start": text, "actual_end": None}
        ws.agenda.update_sessions(values)

    edit = SessionsEdit(ws, "Start session", [*running, *session_ids], change)
    return _rehearsed(ws, edit, [*running, *session_ids], rehearsal)


def finish_session(
    ws: Workshop, session_ids: list[str], moment: datetime, rehearsal: bool = False
) -> Edit:
    text = store.local_text(moment)

    def change() -> None:
        rows = {r["id"]: r for r in ws.agenda.sessions_by_ids(session_ids)}
        values: dict[str, dict[str, Any]] = {}
        for sid in session_ids:
            values[sid] = {"actual_end": text}
            if not rows.get(sid, {}).get("actual_start"):
                values[sid]["actual_start"] = text
        ws.agenda.update_sessions(values)

    return _rehearsed(
        ws, SessionsEdit(ws, "Finish session", session_ids, change), session_ids, rehearsal
    )


def clear_rehearsal(ws: Workshop) -> Edit | None:
    """Forget the actual times recorded on a rehearsal clock (one undo step); None if none."""
    ids = sorted(ws.agenda.rehearsed_ids())
    if not ids:
        return None
    present = [r["id"] for r in ws.agenda.sessions_by_ids(ids)]

    def change() -> None:
        ws.agenda.update_sessions(
            {sid: {"actual_start": None, "actual_end": None} for sid in present}
        )

    times = SessionsEdit(ws, "Clear rehearsal times", present, change)
    return Macro(times.text(), [times, SetSetting(ws, store.REHEARSED_KEY, [])], ws)


class AdjustTimer(Edit):
    """+/− minutes on the running timer; kept apart from the plan so planned times stay."""

    def __init__(self, ws: Workshop, session_ids: list[str], minutes: int) -> None:
        sign = "+" if minutes >= 0 else "−"
        super().__init__(f"Timer {sign}{abs(minutes)} min")
        self.ws = ws
        self.ids = session_ids
        self.minutes = minutes
        self.old = ws.agenda.timer_adjust()

    def apply(self) -> None:
        new = dict(self.old)
        for sid in self.ids:
            new[sid] = new.get(sid, 0) + self.minutes
        self.ws.info.set_setting(store.ADJUST_KEY, new)

    def revert(self) -> None:
        self.ws.info.set_setting(store.ADJUST_KEY, self.old)


def add_day(ws: Workshop, values: dict[str, Any]) -> InsertRow:
    position = ws.agenda.next_day_position()
    row = {"title": "", "day_start": "09:00", "planned_end": "17:30", **values}
    row["position"] = position
    return InsertRow(ws, Table.DAYS, row, f"Add day {values.get('date', '')}", prefix="day")


def edit_day(ws: Workshop, day_id: str, values: dict[str, Any]) -> SetFields:
    return SetFields(ws, Table.DAYS, day_id, values, "Edit day")


def delete_day(ws: Workshop, day_id: str) -> DeleteRows:
    return DeleteRows(ws, Table.DAYS, [day_id], "Delete day")
