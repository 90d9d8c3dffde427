"""All SQL about people and attendance, including the bulk writer for roster imports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from facilitator.store.database import Workshop, bury, unbury
from facilitator.store.ids import new_id, now
from facilitator.store.records import (
    AttendanceRow,
    AttendanceTally,
    DayRow,
    PersonRow,
    TeamSetTitle,
    first_of,
    rows_of,
)
from facilitator.store.tables import Table

Progress = Callable[[float], None] | None

PERSON_FIELDS = (
    "name",
    "honorific",
    "job_title",
    "organisation",
    "country",
    "sector",
    "gender",
    "role",
    "email",
    "phone",
    "languages",
    "notes",
    "source",
)


# -- bulk import -------------------------------------------------------------------------------
_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(…, ensure_ascii=False), made once


# What a column holds when an import does not give it (the table's own DEFAULTs); every
# person has a name.
FIELD_DEFAULTS: dict[str, Any] = {
    "honorific": "",
    "job_title": "",
    "organisation": "",
    "country": "",
    "sector": "",
    "gender": "",
    "role": "participant",
    "email": "",
    "phone": "",
    "languages": "[]",
    "notes": "",
    "source": "{}",
}
_INSERTABLE = frozenset(("id", *PERSON_FIELDS, "created", "updated"))


@dataclass
class NewPeople:
    """People to add as ready rows of values, one tuple per person, in ``columns`` order.

    The way a large import adds people: a tuple is all ``executemany`` needs, and making a
    dict per row (and merging it with the defaults) costs as much as writing the row.
    ``columns`` must start with ``id`` and hold ``created`` and ``updated``; columns left
    out get the table's defaults. ``rows`` may be a generator (each row made when due).
    """

    columns: tuple[str, ...]
    rows: Iterable[tuple[Any, ...]]

    def __post_init__(self) -> None:
        cols = self.columns
        if not cols or cols[0] != "id" or not {"name", "created", "updated"} <= set(cols):
            raise ValueError(f"new people need id first, name, created and updated: {cols}")
        unknown = set(cols) - _INSERTABLE
        if unknown or len(set(cols)) != len(cols):
            raise ValueError(f"not columns of people (or repeated): {sorted(unknown) or cols}")


IMPORT_STEP = 500  # rows written between two calls of an import's progress (~15 ms)
LARGE_IMPORT = 2000  # rows from which an import is a large write (Workshop.large_write)


def _as_new_people(adds: Iterable[Mapping[str, Any]], stamp: str) -> NewPeople:
    """People given as mappings (any of :data:`PERSON_FIELDS`, maybe an ``id``) as rows."""
    columns = ("id", *PERSON_FIELDS, "created", "updated")
    fields = PERSON_FIELDS[1:]  # after the name
    defaults = tuple(FIELD_DEFAULTS[k] for k in fields)

    def rows() -> Iterator[tuple[Any, ...]]:
        for person in adds:
            values = [person.get(k, d) for k, d in zip(fields, defaults, strict=True)]
            if isinstance(values[-1], dict):  # the source
                values[-1] = _JSON.encode(values[-1])
            yield (person.get("id") or new_id("per"), person["name"], *values, stamp, stamp)

    return NewPeople(columns, rows())


def _steps(rows: Iterable[Any]) -> Iterator[list[Any]]:
    """``rows`` in lists of :data:`IMPORT_STEP`, each taken from ``rows`` only when due."""
    it = iter(rows)
    while chunk := list(islice(it, IMPORT_STEP)):
        yield chunk


def _with_stamp(source: Any, stamp: str) -> str:
    try:
        data = json.loads(source or "{}")
    except (TypeError, ValueError):
        return source
    if not isinstance(data, dict):
        return source
    data["import_stamps"] = [*data.get("import_stamps", []), stamp][-20:]
    return json.dumps(data, ensure_ascii=False)


class PeopleStore:
    """People and attendance, including the bulk writer for roster imports."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def people(self) -> list[PersonRow]:
        """Everyone, in human order of name (sorted here: faster than SQL for long lists)."""
        rows = rows_of(self.ws.db.query("SELECT * FROM people ORDER BY id"), PersonRow)
        return self.ws.collation.sorted(rows, key=lambda p: p["name"])

    def edit_history(self) -> dict[str, list[str]]:
        """Person id → the earlier ``updated`` stamps of that row (its edit history)."""
        out: dict[str, list[str]] = {}
        for row_id, stamp in self.ws.db.execute(
            "SELECT row_id, updated FROM row_history WHERE table_name = 'people'"
        ).fetchall():
            out.setdefault(row_id, []).append(stamp)
        return out

    def person(self, person_id: str) -> PersonRow | None:
        return self.ws.rows.get(Table.PEOPLE, person_id)

    def people_by_ids(self, ids: Iterable[str]) -> list[PersonRow]:
        ids = list(ids)
        out: list[PersonRow] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(
                rows_of(
                    self.ws.query(f"SELECT * FROM people WHERE id IN ({marks})", chunk),
                    PersonRow,
                )
            )
        return out

    def days(self) -> list[DayRow]:
        return rows_of(self.ws.db.query("SELECT * FROM days ORDER BY position, date"), DayRow)

    def find_day(self, key: str | None) -> DayRow | None:
        """A day by id or ISO date; None when ``key`` is empty."""
        if not key:
            return None
        return first_of(
            self.ws.db.query("SELECT * FROM days WHERE id = ? OR date = ?", [key, key]), DayRow
        )

    def attendees(self, day_id: str | None = None) -> list[PersonRow]:
        """People present on a day (or on any day), ordered by name."""
        where = "a.present = 1" + (" AND a.day_id = ?" if day_id else "")
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM people WHERE id IN "
                f"(SELECT a.person_id FROM attendance a WHERE {where}) "
                "ORDER BY name COLLATE HUMAN, id",
                [day_id] if day_id else [],
            ),
            PersonRow,
        )

    def attendance(self, day_id: str) -> dict[tuple[str, str], AttendanceRow]:
        """(person id, slot) → attendance row for one day."""
        return {
            (r["person_id"], r["slot"]): r
            for r in rows_of(
                self.ws.db.query("SELECT * FROM attendance WHERE day_id = ?", [day_id]),
                AttendanceRow,
            )
        }

    def attendance_row(self, person_id: str, day_id: str, slot: str) -> AttendanceRow | None:
        return first_of(
            self.ws.db.query(
                "SELECT * FROM attendance WHERE person_id = ? AND day_id = ? AND slot = ?",
                [person_id, day_id, slot],
            ),
            AttendanceRow,
        )

    def set_present(
        self, person_id: str, day_id: str, slot: str, present: bool, at: str | None = None
    ) -> str:
        """Mark someone present (or not) for a day or half-day; returns the attendance id."""
        row = self.attendance_row(person_id, day_id, slot)
        if row is None:
            return self.ws.rows.insert(
                Table.ATTENDANCE,
                {
                    "person_id": person_id,
                    "day_id": day_id,
                    "slot": slot,
                    "present": int(present),
                    "checked_in_at": (at or now()) if present else None,
                },
                prefix="att",
            )
        self.ws.rows.update(
            Table.ATTENDANCE,
            row["id"],
            {"present": int(present), "checked_in_at": (at or now()) if present else None},
        )
        return row["id"]

    def counts(self, column: str) -> list[tuple[str, int]]:
        assert column in ("country", "sector", "gender", "role")
        return [
            (r[0], r[1])
            for r in self.ws.db.execute(
                f"SELECT [{column}], count(*) FROM people GROUP BY [{column}] ORDER BY 2 DESC, 1"
            ).fetchall()
        ]

    def disaggregated(self, day_id: str, slot: str | None = None) -> list[AttendanceTally]:
        """Attendance for one day counted by country × sector × gender (for funders' reports)."""
        slot_sql = " AND a.slot = ?" if slot else ""
        args = [day_id, slot] if slot else [day_id]
        return rows_of(
            self.ws.db.query(
                "SELECT p.country, p.sector, p.gender, count(DISTINCT p.id) AS n "
                "FROM attendance a JOIN people p ON p.id = a.person_id "
                f"WHERE a.present = 1 AND a.day_id = ?{slot_sql} "
                "GROUP BY p.country, p.sector, p.gender "
                "ORDER BY p.country COLLATE HUMAN, p.sector, p.gender",
                args,
            ),
            AttendanceTally,
        )

    def present_count(self, day_id: str, slot: str) -> int:
        return self.ws.db.execute(
            "SELECT count(*) FROM attendance WHERE day_id = ? AND slot = ? AND present = 1",
            [day_id, slot],
        ).fetchone()[0]

    def team_colours(self, team_set: str | None) -> dict[str, tuple[str, str]]:
        """person id → (team name, colour) in the first round of a team set (id or title)."""
        if not team_set:
            return {}
        sets = list(
            self.ws.db.query(
                "SELECT id FROM team_sets WHERE id = ? OR title = ?", [team_set, team_set]
            )
        )
        if not sets:
            return {}
        rows = self.ws.db.execute(
            "SELECT m.person_id, t.name, t.colour FROM team_members m "
            "JOIN teams t ON t.id = m.team_id JOIN rounds r ON r.id = t.round_id "
            "WHERE r.team_set_id = ? ORDER BY r.position DESC",
            [sets[0]["id"]],
        ).fetchall()
        return {pid: (name, colour) for pid, name, colour in rows}

    def team_set_exists(self, team_set: str) -> bool:
        return bool(
            self.ws.db.execute(
                "SELECT 1 FROM team_sets WHERE id = ? OR title = ?", [team_set, team_set]
            ).fetchone()
        )

    def team_sets(self) -> list[TeamSetTitle]:
        return rows_of(
            self.ws.db.query("SELECT id, title FROM team_sets ORDER BY title COLLATE HUMAN"),
            TeamSetTitle,
        )

    def write_import(
        self,
        adds: Iterable[Mapping[str, Any]] | NewPeople,
        updates: Iterable[tuple[str, Mapping[str, Any]]],
        progress: Progress = None,
        stamp: str | None = None,
        total: int | None = None,
    ) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
        """Insert and update people in ONE transaction; returns (new ids, old values for undo).

        Either every row is written or none is (a full disk rolls the whole import back).
        ``stamp`` is the rows' new ``updated`` (and ``created``) stamp; :class:`NewPeople`
        carry their own. Rows are taken from ``adds`` and ``updates`` as they are written,
        :data:`IMPORT_STEP` at a time, and ``progress`` is called after each step: a caller
        on the UI thread lets the window repaint there, and ``adds``/``updates`` may be
        generators that build each row only when it is written, so no step holds the
        thread for long. ``total`` (the number of rows, for the progress fraction) is
        needed only when they are not sequences.
        """
        stamp = stamp or now()
        if total is None:
            total = len(adds.rows if isinstance(adds, NewPeople) else adds)  # type: ignore[arg-type]
            total += len(updates)  # type: ignore[arg-type]
        total = max(1, total)
        new_ids: list[str] = []
        olds: list[tuple[str, dict[str, Any]]] = []
        if not isinstance(adds, NewPeople):
            adds = _as_new_people(adds, stamp)
        columns = adds.columns
        insert_sql = (
            f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        with self.ws.operation() as op:
            if total > LARGE_IMPORT:
                self.ws.large_write()
            conn = self.ws.connection
            done = 0
            for batch in _steps(adds.rows):
                conn.executemany(insert_sql, batch)
                new_ids.extend([r[0] for r in batch])
                done += len(batch)
                if progress:
                    progress(done / total)
            # only ids deleted before can be buried (a redo re-inserts them): one query
            # instead of a DELETE per new row
            buried = {
                r[0]
                for r in conn.execute("SELECT row_id FROM tombstones WHERE table_name = 'people'")
            }
            if buried:
                unbury(conn, "people", [i for i in new_ids if i in buried])
            for chunk in _steps(updates):
                old_rows: dict[str, Mapping[str, Any]] = {
                    p["id"]: p for p in self.people_by_ids([pid for pid, _ in chunk])
                }
                for pid, values in chunk:
                    values = dict(values)
                    if isinstance(values.get("source"), dict):
                        values["source"] = json.dumps(values["source"], ensure_ascii=False)
                    old = old_rows.get(pid)
                    if old is None:
                        continue
                    olds.append((pid, {c: old[c] for c in values}))
                    values["updated"] = stamp
                    sets = ", ".join(f"[{c}] = ?" for c in values)
                    conn.execute(f"UPDATE people SET {sets} WHERE id = ?", [*values.values(), pid])
                done += len(chunk)
                if progress:
                    progress(done / total)
            op.touch(Table.PEOPLE, [*new_ids, *(pid for pid, _ in olds)])
            if progress:
                progress(1.0)  # the window's turn before the commit, a step of its own
        return new_ids, olds

    def undo_import(
        self,
        new_ids: list[str],
        olds: list[tuple[str, dict[str, Any]]],
        progress: Progress = None,
    ) -> None:
        """Remove what an import added and restore what it changed, in one transaction.

        Like :meth:`write_import`, a large undo runs :data:`IMPORT_STEP` rows at a time and
        calls ``progress`` after each step, so the window can repaint while it runs.
        """
        stamp = now()
        total = max(1, len(new_ids) + len(olds))
        with self.ws.operation() as op:
            if total > LARGE_IMPORT:
                self.ws.large_write()
            db = self.ws.db
            conn = db.conn
            done = 0
            for chunk in _steps(new_ids):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM people WHERE id IN ({marks})", chunk)
                bury(db, "people", chunk, stamp)
                done += len(chunk)
                if progress:
                    progress(done / total)
            for pairs in _steps(olds):
                for pid, values in pairs:
                    values = {**values, "updated": stamp}
                    if "source" in values:  # this stamp is the import's undo, not a hand edit
                        values["source"] = _with_stamp(values["source"], stamp)
                    sets = ", ".join(f"[{c}] = ?" for c in values)
                    conn.execute(f"UPDATE people SET {sets} WHERE id = ?", [*values.values(), pid])
                done += len(pairs)
                if progress:
                    progress(done / total)
            op.touch(Table.PEOPLE, [*new_ids, *(pid for pid, _ in olds)])
