"""Undoable edits on people and attendance."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from facilitator.edits.base import DeleteRows, Edit, InsertRow, Macro, SetFields
from facilitator.interchange.roster import (
    ImportedSource,
    ImportPlan,
    Row,
    Update,
    bulk,
    imported_source,
)
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id, now
from facilitator.store.people import FIELD_DEFAULTS, PERSON_FIELDS, NewPeople
from facilitator.store.tables import Table

# A progress display for a long write: called with what it is doing, it gives the callback
# the write calls between its steps with the fraction done.
ProgressWindow = Callable[[str], AbstractContextManager[Callable[[float], None]]]


def add_person(ws: Workshop, values: dict[str, Any]) -> InsertRow:
    return InsertRow(
        ws, Table.PEOPLE, values, text=f"Add {values.get('name', 'person')}", prefix="per"
    )


def edit_person(ws: Workshop, person_id: str, values: dict[str, Any]) -> SetFields:
    return SetFields(ws, Table.PEOPLE, person_id, values, text="Edit participant")


def delete_people(ws: Workshop, ids: list[str]) -> DeleteRows:
    n = len(ids)
    return DeleteRows(ws, Table.PEOPLE, ids, text=f"Delete {n} participant{'s' * (n != 1)}")


class SetPresent(Edit):
    """Check someone in (or out) for a day or half-day; undo restores what was recorded."""

    def __init__(
        self, ws: Workshop, person_id: str, day_id: str, slot: str, present: bool, name: str = ""
    ) -> None:
        super().__init__(f"{'Check in' if present else 'Check out'} {name}".strip())
        self.ws = ws
        self.key = (person_id, day_id, slot)
        self.present = present
        self.before = ws.people.attendance_row(person_id, day_id, slot)

    def apply(self) -> None:
        self.ws.people.set_present(*self.key, self.present)

    def revert(self) -> None:
        row = self.ws.people.attendance_row(*self.key)
        if self.before is None:
            if row is not None:
                self.ws.rows.delete(Table.ATTENDANCE, [row["id"]])
        elif row is not None:
            self.ws.rows.update(
                Table.ATTENDANCE,
                row["id"],
                {"present": self.before["present"], "checked_in_at": self.before["checked_in_at"]},
            )


def add_walk_in(ws: Workshop, values: dict[str, Any], day_id: str, slot: str) -> tuple[Macro, str]:
    """A person who turned up without registering: added and checked in as one undo step."""
    values = dict(values)
    values.setdefault("id", new_id("per"))
    values.setdefault("source", '{"walk_in": true}')
    insert = add_person(ws, values)
    return (
        _WalkIn(f"Walk-in {values.get('name', '')}", insert, ws, values["id"], day_id, slot),
        values["id"],
    )


class _WalkIn(Macro):
    def __init__(
        self, text: str, insert: InsertRow, ws: Workshop, pid: str, day_id: str, slot: str
    ) -> None:
        super().__init__(text, [insert])
        self.ws, self.pid, self.day_id, self.slot = ws, pid, day_id, slot

    def apply(self) -> None:
        super().apply()
        self.ws.people.set_present(self.pid, self.day_id, self.slot, True)

    # revert: deleting the person cascades to the attendance row


@dataclass
class PreparedImport:
    """What an import will write, made from a plan without touching the workshop.

    Plain data, so a job can make it off the UI thread (the new ids and the user's
    choices for 50,000 rows take a noticeable moment); :class:`ImportRoster` then only
    writes it.
    """

    file: str
    add_ids: list[str]  # the new id of each row of ``add_rows``
    columns: tuple[str, ...]  # the person fields the added rows give (the rest: defaults)
    add_rows: list[Row]
    updates: list[tuple[str, dict[str, Any]]]  # (person id, the fields to write)
    update_rows: list[Update]


def _new_ids(n: int) -> list[str]:
    """``n`` ids as :func:`new_id` makes them ("per_" and 12 random hex digits), in one draw."""
    digits = secrets.token_hex(6 * n)
    return [f"per_{digits[i : i + 12]}" for i in range(0, 12 * n, 12)]


def prepare_import(plan: ImportPlan) -> PreparedImport:
    """The rows an accepted plan writes, with the user's per-field choices as they are now."""
    with bulk():
        given: set[str] = set()
        for row in plan.adds:
            given.update(row.person)
        columns = tuple(f for f in PERSON_FIELDS if f in given and f not in ("name", "source"))
        update_rows = plan.updates
        updates = [(u.person_id, u.values()) for u in update_rows]
    return PreparedImport(
        plan.file, _new_ids(len(plan.adds)), columns, list(plan.adds), updates, update_rows
    )


class ImportRoster(Edit):
    """A whole roster import as one undo step (adds and updates, written in one transaction).

    The user's per-field choices are taken when the edit is made (or when ``prepared`` was
    made from the plan); every person written remembers what the file said
    (``source["imported"]``) and the import's stamp, which the next import compares with
    (see ``interchange/roster.py``). ``progress_window`` (set by the caller) opens a
    progress display, for the import and for each later undo and redo of it, whose
    callback is called between steps of the write, so the UI can repaint while a large
    roster is written or taken back.
    """

    def __init__(
        self, ws: Workshop, plan: ImportPlan, prepared: PreparedImport | None = None
    ) -> None:
        prepared = prepared or prepare_import(plan)
        n_add, n_upd = len(prepared.add_rows), len(prepared.updates)
        super().__init__(f"Import {prepared.file} ({n_add} added, {n_upd} updated)")
        self.ws = ws
        self.prepared = prepared
        self.adds = prepared.add_rows
        self.update_rows = prepared.update_rows
        self.updates = prepared.updates
        self.new_ids: list[str] = []
        self.olds: list[tuple[str, dict[str, Any]]] = []
        self.progress_window: ProgressWindow | None = None

    def _stepping(self, label: str) -> AbstractContextManager[Callable[[float], None] | None]:
        if self.progress_window is None:
            return nullcontext(None)
        return self.progress_window(label)

    def apply(self) -> None:
        stamp = now()
        prepared = self.prepared
        fields = prepared.columns
        defaults = tuple(FIELD_DEFAULTS[f] for f in fields)
        source_of = ImportedSource(stamp, ("name", *fields))

        # generators: each row and its provenance are made in the write step that writes it
        def added() -> Iterator[tuple[Any, ...]]:
            for pid, row in zip(prepared.add_ids, prepared.add_rows, strict=True):
                person = row.person
                yield (
                    pid,
                    person["name"],
                    *map(person.get, fields, defaults),
                    source_of(row),
                    stamp,
                    stamp,
                )

        adds = NewPeople(("id", "name", *fields, "source", "created", "updated"), added())
        updates = (
            (pid, {**values, "source": imported_source(update, stamp)})
            for (pid, values), update in zip(self.updates, self.update_rows, strict=True)
        )
        with bulk(), self._stepping("Writing participants…") as progress:
            self.new_ids, self.olds = self.ws.people.write_import(
                adds,
                updates,
                progress,
                stamp=stamp,
                total=len(self.adds) + len(self.updates),
            )

    def revert(self) -> None:
        with self._stepping("Taking the import back…") as progress:
            self.ws.people.undo_import(self.new_ids, self.olds, progress)
