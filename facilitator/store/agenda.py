"""Every SQL statement of the agenda: days, sessions, speakers and the live timer.

Rows come back as the TypedDicts of :mod:`facilitator.store.records`; :func:`load_days` turns
them into the pure :mod:`facilitator.domain.agenda` values the timing rules work on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from facilitator.store.database import Workshop, bury, unbury
from facilitator.store.ids import now
from facilitator.store.records import (
    SESSION_COLUMNS,
    AgendaSnapshot,
    DayRow,
    PersonBrief,
    SessionRow,
    SpeakerRow,
    SpeakerView,
    rows_of,
)
from facilitator.store.tables import Table

if TYPE_CHECKING:
    # The agenda's rules load with the first agenda query, not when a file opens (which
    # asks only for the time zone).
    from facilitator.domain.agenda import Day, Session

ADJUST_KEY = "agenda.timer_adjust"
# Sessions whose actual times were recorded on a rehearsal clock: practice, not what happened.
REHEARSED_KEY = "agenda.rehearsed"
ISO = "%Y-%m-%dT%H:%M:%S"


def parse_local(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def local_text(moment: datetime) -> str:
    return moment.replace(microsecond=0, tzinfo=None).strftime(ISO)


def to_session(row: SessionRow, speakers: Sequence[SpeakerRow] | None = None) -> Session:
    from facilitator.domain.agenda import Session, parse_hhmm

    try:
        fixed = parse_hhmm(row.get("fixed_start"))
    except ValueError:
        fixed = None
    return Session(
        id=row["id"],
        day_id=row["day_id"],
        position=row["position"],
        duration=int(row["duration_min"] or 0),
        kind=row["kind"] or "plenary",
        title=row["title"] or "",
        fixed_start=fixed,
        parallel_group=(row.get("parallel_group") or "").strip() or None,
        room=row.get("room") or "",
        speakers=tuple(dict.fromkeys(s["person_id"] for s in speakers or [])),
        actual_start=parse_local(row.get("actual_start")),
        actual_end=parse_local(row.get("actual_end")),
    )


def to_day(row: DayRow, sessions: Iterable[Session]) -> Day:
    from facilitator.domain.agenda import Day

    start = _time_or(row.get("day_start"), 9 * 60)
    end = _time_or(row.get("planned_end"), 17 * 60 + 30)
    try:
        when = date.fromisoformat(row["date"])
    except (TypeError, ValueError):
        when = date.today()
    return Day(row["id"], when, start, end, tuple(sessions), row.get("title") or "")


def _time_or(text: str | None, default: int) -> int:
    from facilitator.domain.agenda import parse_hhmm

    try:
        value = parse_hhmm(text)
    except ValueError:
        value = None
    return default if value is None else value


# -- writes ---------------------------------------------------------------------------------


class AgendaStore:
    """Days, sessions, speakers and the live timer."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def day_rows(self) -> list[DayRow]:
        return rows_of(self.ws.db.query("SELECT * FROM days ORDER BY position, date, id"), DayRow)

    def session_rows(self, day_id: str | None = None) -> list[SessionRow]:
        if day_id is None:
            return rows_of(
                self.ws.db.query(
                    "SELECT s.* FROM sessions s JOIN days d ON d.id = s.day_id "
                    "ORDER BY d.position, d.date, s.position, s.id"
                ),
                SessionRow,
            )
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM sessions WHERE day_id = ? ORDER BY position, id",
                [day_id],
            ),
            SessionRow,
        )

    def speaker_rows(self, session_ids: Iterable[str] | None = None) -> list[SpeakerView]:
        sql = (
            "SELECT ss.*, p.name AS name, p.organisation AS organisation, p.country AS country "
            "FROM session_speakers ss JOIN people p ON p.id = ss.person_id"
        )
        params: list[str] = []
        if session_ids is not None:
            params = list(session_ids)
            if not params:
                return []
            sql += f" WHERE ss.session_id IN ({','.join('?' * len(params))})"
        sql += " ORDER BY ss.session_id, ss.position, p.name COLLATE HUMAN"
        return rows_of(self.ws.db.query(sql, params), SpeakerView)

    def speakers_by_session(self) -> dict[str, list[SpeakerView]]:
        out: dict[str, list[SpeakerView]] = {}
        for row in self.speaker_rows():
            out.setdefault(row["session_id"], []).append(row)
        return out

    def people(self) -> list[PersonBrief]:
        """Everyone who can speak or moderate, for pickers."""
        return rows_of(
            self.ws.db.query(
                "SELECT id, name, organisation, country, role FROM people "
                "ORDER BY name COLLATE HUMAN, id"
            ),
            PersonBrief,
        )

    def person_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] for r in self.ws.db.query("SELECT id, name FROM people")}

    def rooms(self) -> list[str]:
        return [
            r["room"]
            for r in self.ws.db.query(
                "SELECT DISTINCT room FROM sessions WHERE room != '' ORDER BY room COLLATE HUMAN"
            )
        ]

    def timezone(self) -> str:
        return self.ws.info.details().get("timezone") or "UTC"

    def load_days(self) -> list[Day]:
        """The whole agenda as domain values, days in order."""
        speakers = self.speakers_by_session()
        by_day: dict[str, list[Session]] = {}
        for row in self.session_rows():
            by_day.setdefault(row["day_id"], []).append(to_session(row, speakers.get(row["id"])))
        return [to_day(d, by_day.get(d["id"], [])) for d in self.day_rows()]

    def next_position(self, day_id: str) -> int:
        row = self.ws.db.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM sessions WHERE day_id = ?", [day_id]
        ).fetchone()
        return int(row[0])

    def place(self, day_id: str, ordered_ids: list[str]) -> None:
        """Put sessions into ``day_id`` in this order (positions 0…n-1), in one transaction."""
        stamp = now()
        with self.ws.operation() as op:
            for position, sid in enumerate(ordered_ids):
                self.ws.db.execute(
                    "UPDATE sessions SET day_id = ?, position = ?, updated = ? WHERE id = ?",
                    [day_id, position, stamp, sid],
                )
            op.touch(Table.SESSIONS, ordered_ids)

    def set_speakers(self, session_id: str, people_roles: list[tuple[str, str]]) -> None:
        """Replace the speakers and moderators of a session (order kept)."""
        from facilitator.store.ids import new_id

        stamp = now()
        old = [
            r["id"]
            for r in self.ws.db.query(
                "SELECT id FROM session_speakers WHERE session_id = ?", [session_id]
            )
        ]
        with self.ws.operation() as op:
            db = self.ws.db
            db.execute("DELETE FROM session_speakers WHERE session_id = ?", [session_id])
            bury(db, "session_speakers", old, stamp)
            seen: set[tuple[str, str]] = set()
            for position, (person_id, role) in enumerate(people_roles):
                if (person_id, role) in seen:
                    continue
                seen.add((person_id, role))
                db["session_speakers"].insert(
                    {
                        "id": new_id("spk"),
                        "session_id": session_id,
                        "person_id": person_id,
                        "role": role,
                        "position": position,
                        "created": stamp,
                        "updated": stamp,
                    }
                )
            op.touch(Table.SESSION_SPEAKERS)
            op.touch(Table.SESSIONS, [session_id])

    def snapshot(self, session_ids: Iterable[str]) -> AgendaSnapshot:
        """The session and speaker rows of some sessions, for exact undo."""
        ids = list(dict.fromkeys(session_ids))
        if not ids:
            return {"sessions": [], "session_speakers": []}
        marks = ",".join("?" * len(ids))
        return {
            "sessions": rows_of(
                self.ws.db.query(f"SELECT * FROM sessions WHERE id IN ({marks})", ids),
                SessionRow,
            ),
            "session_speakers": rows_of(
                self.ws.db.query(
                    f"SELECT * FROM session_speakers WHERE session_id IN ({marks})", ids
                ),
                SpeakerRow,
            ),
        }

    def restore(self, scope: Iterable[str], state: AgendaSnapshot) -> None:
        """Make the sessions in ``scope`` (and their speakers) exactly as in ``state``.

        Sessions in scope but not in ``state`` are removed (with tombstones, so a merge does not
        bring them back); rows in ``state`` are written back as they were.
        """
        ids = list(dict.fromkeys(scope))
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        stamp = now()
        keep = {r["id"] for r in state["sessions"]}
        with self.ws.operation() as op:
            db = self.ws.db
            gone_spk = [
                r[0]
                for r in db.execute(
                    f"SELECT id FROM session_speakers WHERE session_id IN ({marks})", ids
                ).fetchall()
            ]
            db.execute(f"DELETE FROM session_speakers WHERE session_id IN ({marks})", ids)
            for sid in ids:
                if sid not in keep:
                    db.execute("DELETE FROM sessions WHERE id = ?", [sid])
            bury(db, "session_speakers", gone_spk, stamp)
            bury(db, "sessions", [sid for sid in ids if sid not in keep], stamp)
            rows: list[tuple[Table, Sequence[Mapping[str, Any]]]] = [
                (Table.SESSIONS, state["sessions"]),
                (Table.SESSION_SPEAKERS, state["session_speakers"]),
            ]
            for table, table_rows in rows:
                for row in table_rows:
                    # upsert, not INSERT OR REPLACE: a replace would cascade-delete the notes
                    db[table].upsert(dict(row), pk="id")
                unbury(db, table, [row["id"] for row in table_rows])
            op.touch(Table.SESSIONS, ids)
            op.touch(Table.SESSION_SPEAKERS)

    def rehearsed_ids(self) -> set[str]:
        """Sessions started or finished while rehearsing (their actual times are practice)."""
        value = self.ws.info.setting(REHEARSED_KEY, []) or []
        return {str(v) for v in value}

    def timer_adjust(self) -> dict[str, int]:
        value = self.ws.info.setting(ADJUST_KEY, {}) or {}
        return {str(k): int(v) for k, v in value.items()}

    def unfinished_session_ids(self) -> list[str]:
        """Sessions with a recorded start and no end, the latest start first.

        A fact about the rows (starting a session finishes these); whether one of them is
        *live* now depends on the clock: ``ws.notes.live_session_ids(clock.now())``."""
        return [
            r[0]
            for r in self.ws.db.execute(
                "SELECT id FROM sessions WHERE actual_start IS NOT NULL AND actual_end IS NULL "
                "ORDER BY actual_start DESC, id"
            ).fetchall()
        ]

    def unfinished_session_id(self) -> str | None:
        """The latest session started and not finished (see ``unfinished_session_ids``)."""
        running = self.unfinished_session_ids()
        return running[0] if running else None

    def sessions_by_ids(self, ids: Iterable[str]) -> list[SessionRow]:
        ids = list(ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return rows_of(
            self.ws.db.query(f"SELECT * FROM sessions WHERE id IN ({marks})", ids), SessionRow
        )

    def next_day_position(self) -> int:
        return int(
            self.ws.db.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM days").fetchone()[0]
        )

    def insert_sessions(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Add session rows (ids given by the caller, so redo recreates the same rows)."""
        stamp = now()
        with self.ws.operation() as op:
            for row in rows:
                full = {"created": stamp, "updated": stamp, **row}
                self.ws.db["sessions"].insert(full)
                unbury(self.ws.db, Table.SESSIONS, [full["id"]])
            op.touch(Table.SESSIONS, [r["id"] for r in rows])

    def update_sessions(self, values: Mapping[str, Mapping[str, Any]]) -> None:
        """Change fields of several sessions in one transaction (catch-up, start, finish)."""
        unknown = {k for v in values.values() for k in v} - set(SESSION_COLUMNS)
        if unknown:
            raise ValueError(f"unknown session fields: {sorted(unknown)}")
        stamp = now()
        with self.ws.operation() as op:
            for sid, change in values.items():
                self.ws.db["sessions"].update(sid, {**change, "updated": stamp})
            op.touch(Table.SESSIONS, list(values))
