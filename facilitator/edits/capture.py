"""Undoable capture edits: add, edit, move and delete notes; summaries; prompts; conflicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.edits.base import DeleteRows, Edit, InsertRow, Macro, SetFields
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id, now
from facilitator.store.records import NoteView
from facilitator.store.tables import Table


class AddNote(Edit):
    """Save a typed note; the draft it came from is cleared in the same transaction.

    ``row`` is made for it (:func:`~facilitator.store.notes.new_note_row`, a new id); a
    ``position`` of None puts it last in its session.
    """

    def __init__(self, ws: Workshop, row: dict[str, Any], draft_id: str | None = None) -> None:
        super().__init__(f"Add {row.get('kind', 'note').replace('_', ' ')}")
        self.ws = ws
        self.row = dict(row)
        self.draft_id = draft_id
        self._fresh = True  # the row's id was never in the file (its undo buries it)
        self.written: NoteView | None = None  # the note as the file holds it, once applied

    @property
    def note_id(self) -> str:
        return self.row["id"]

    def apply(self) -> None:
        # The first time, the id is new (no tombstone) and a position of None is worked
        # out by the insert; redo after undo puts back the same row, where it was.
        self.written = self.ws.notes.insert_note(self.row, self.draft_id, self._fresh)
        self.row["position"] = self.written["position"]
        self._fresh = False
        self.draft_id = None  # redo after undo must not wipe a newer draft

    def revert(self) -> None:
        self.ws.rows.delete(Table.NOTES, [self.row["id"]])


def edit_note(ws: Workshop, note_id: str, values: dict[str, Any]) -> SetFields:
    field = ", ".join(k.replace("_", " ") for k in values)
    return SetFields(ws, Table.NOTES, note_id, values, text=f"Edit note {field}")


def delete_notes(ws: Workshop, ids: list[str]) -> DeleteRows:
    n = len(ids)
    return DeleteRows(ws, Table.NOTES, ids, text=f"Delete {n} note{'s' if n != 1 else ''}")


def move_note(ws: Workshop, ordered_ids: list[str], note_id: str, delta: int) -> Edit | None:
    """Move a note up or down in the list; renumbers the shown notes in one undo step."""
    if note_id not in ordered_ids:
        return None
    i = ordered_ids.index(note_id)
    j = i + delta
    if j < 0 or j >= len(ordered_ids):
        return None
    order = list(ordered_ids)
    order.insert(j, order.pop(i))
    current = ws.notes.notes_by_ids(order)
    edits: list[Edit] = [
        SetFields(ws, Table.NOTES, nid, {"position": pos})
        for pos, nid in enumerate(order)
        if nid in current and current[nid]["position"] != pos
    ]
    return Macro("Move note", edits) if edits else None


class SaveSummary(Edit):
    """Set the synthesis text of a session or team; typing merges into one undo step."""

    _ids: dict[tuple[str | None, str | None], int] = {}

    def __init__(self, ws: Workshop, session_id: str | None, team_id: str | None, text: str):
        super().__init__("Edit summary")
        self.ws = ws
        self.session_id = session_id
        self.team_id = team_id
        self.new = text
        row = ws.notes.summary(session_id, team_id)
        self.row_id = row["id"] if row else new_id("sum")
        self.existed = row is not None
        self.old = row["text"] if row else ""
        self._id = SaveSummary._ids.setdefault((session_id, team_id), 500 + len(SaveSummary._ids))

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._id

    def mergeWith(self, other: Any) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SaveSummary) or other.row_id != self.row_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        if self.ws.rows.get(Table.SUMMARIES, self.row_id) is None:
            stamp = now()
            self.ws.rows.insert(
                Table.SUMMARIES,
                {
                    "id": self.row_id,
                    "session_id": self.session_id,
                    "team_id": self.team_id,
                    "text": self.new,
                    "created": stamp,
                    "updated": stamp,
                },
            )
        else:
            self.ws.rows.update(Table.SUMMARIES, self.row_id, {"text": self.new})

    def revert(self) -> None:
        if self.existed:
            self.ws.rows.update(Table.SUMMARIES, self.row_id, {"text": self.old})
        else:
            self.ws.rows.delete(Table.SUMMARIES, [self.row_id])


def save_prompts(
    ws: Workshop,
    exercise_id: str | None,
    session_id: str | None,
    title: str,
    texts: list[tuple[str | None, str]],
) -> Edit | None:
    """Apply the prompt editor: ``texts`` is (existing prompt id or None, text) in order.

    Creates the exercise when the session has none. Deleted prompts keep their answers as
    ordinary notes (the schema clears their prompt reference).
    """
    edits: list[Edit] = []
    if exercise_id is None:
        ins = InsertRow(
            ws,
            Table.EXERCISES,
            {"session_id": session_id, "title": title or "Exercise"},
            text="Add exercise",
            prefix="exe",
        )
        edits.append(ins)
        exercise_id = ins.row_id
        existing: dict[str, dict[str, Any]] = {}
    else:
        ex: Mapping[str, Any] = ws.rows.get(Table.EXERCISES, exercise_id) or {}
        if title and ex.get("title") != title:
            edits.append(SetFields(ws, Table.EXERCISES, exercise_id, {"title": title}))
        existing = {p["id"]: p for p in ws.notes.prompts(exercise_id)}
    kept: set[str] = set()
    for pos, (pid, text) in enumerate(texts):
        if pid and pid in existing:
            kept.add(pid)
            old = existing[pid]
            change = {}
            if old["text"] != text:
                change["text"] = text
            if old["position"] != pos:
                change["position"] = pos
            if change:
                edits.append(SetFields(ws, Table.EXERCISE_PROMPTS, pid, change))
        else:
            edits.append(
                InsertRow(
                    ws,
                    Table.EXERCISE_PROMPTS,
                    {"exercise_id": exercise_id, "position": pos, "text": text},
                    prefix="prm",
                )
            )
    gone = [pid for pid in existing if pid not in kept]
    if gone:
        edits.append(DeleteRows(ws, Table.EXERCISE_PROMPTS, gone))
    return Macro("Edit worksheet prompts", edits) if edits else None


def resolve_conflict(
    ws: Workshop, table: str, original: dict[str, Any], alternative: dict[str, Any], keep: str
) -> Edit:
    """Settle a merge conflict: keep ``"mine"``, ``"other"`` or ``"both"`` versions.

    The other version's stamp is recorded as an ancestor of the kept row, so merging the same
    copy again does not raise the conflict a second time.
    """
    fields = [
        c
        for c in alternative
        if c not in ("id", "created", "updated", "conflict_of", "position", "rowid")
    ]
    edits: list[Edit] = []
    if keep == "other":
        edits.append(
            SetFields(ws, table, original["id"], {c: alternative[c] for c in fields}, "Use other")
        )
    if keep == "both":
        edits.append(SetFields(ws, table, alternative["id"], {"conflict_of": None}))
    else:
        edits.append(DeleteRows(ws, table, [alternative["id"]]))

    stamp = alternative["updated"]

    class _Remember(Edit):
        def apply(self) -> None:
            ws.notes.remember_version(table, original["id"], stamp)

        def revert(self) -> None:  # an extra ancestor stamp is harmless; nothing to undo
            pass

    remember = _Remember("Remember merged version")
    remember.ws = ws
    edits.append(remember)
    label = {"mine": "Keep this copy's version", "other": "Use the other copy's version"}
    return Macro(label.get(keep, "Keep both versions"), edits)
