"""Notes, summaries, worksheet prompts and unsent drafts: every SQL statement of capture."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from facilitator.domain.capture import (
    SETTING_KINDS,
    Kind,
    SessionSlot,
    default_session,
    kinds_from_setting,
    planned_starts,
    running_now,
)
from facilitator.store.database import Workshop, unbury
from facilitator.store.ids import new_id, now
from facilitator.store.records import (
    DayRow,
    DraftView,
    ExerciseRow,
    NoteRow,
    NoteView,
    PersonCard,
    PromptRow,
    SessionInDay,
    SummaryRow,
    TeamInRound,
    TeamOfExercise,
    TeamRow,
    first_of,
    rows_of,
)
from facilitator.store.search import NoteSearch
from facilitator.store.tables import Table

NOTE_FIELDS = (
    "session_id",
    "team_id",
    "prompt_id",
    "kind",
    "text",
    "attribution_person_id",
    "attribution_text",
    "author",
    "starred",
    "action_owner",
    "action_due",
    "action_status",
    "position",
    "conflict_of",
)

_NOTE_COLUMNS = {*NOTE_FIELDS, "id", "created", "updated"}

# Columns shown in note lists: the note plus the names it points at.
_NOTE_SELECT = """
SELECT n.*, p.name AS person_name, p.country AS person_country, p.sector AS person_sector,
       t.name AS team_name, ep.text AS prompt_text
FROM notes n
LEFT JOIN people p ON p.id = n.attribution_person_id
LEFT JOIN teams t ON t.id = n.team_id
LEFT JOIN exercise_prompts ep ON ep.id = n.prompt_id
"""


# -- kinds -------------------------------------------------------------------------------------


# -- sessions, teams, prompts ------------------------------------------------------------------


# -- people for attribution --------------------------------------------------------------------


# -- notes -------------------------------------------------------------------------------------


def new_note_row(**values: Any) -> dict[str, Any]:
    """A complete notes row with a fresh id and stamps; unknown keys are refused."""
    if not _NOTE_COLUMNS.issuperset(values):
        raise ValueError(f"unknown note fields: {sorted(values.keys() - _NOTE_COLUMNS)}")
    stamp = now()
    row: dict[str, Any] = {
        "id": new_id("not"),
        "kind": "key_point",
        "text": "",
        "attribution_text": "",
        "author": "",
        "starred": 0,
        "action_owner": "",
        "action_status": "",
        "position": 0,
        "created": stamp,
        "updated": stamp,
    }
    row.update(values)
    return row


class _InsertPlan:
    """The INSERT of a notes row with these columns (made once, then looked up by them)."""

    __slots__ = ("at", "sql")

    def __init__(self, sql: str, at: int) -> None:
        self.sql = sql
        self.at = at  # where the session's id goes when the INSERT works out the position


_INSERTS: dict[tuple[tuple[str, ...], bool], _InsertPlan] = {}


def _insert_plan(keys: tuple[str, ...], last: bool) -> _InsertPlan:
    """The INSERT for a row of ``keys``; ``last``: its position is worked out by the INSERT
    itself, last in the session (one statement where reading the end first took two)."""
    columns = list(keys)
    marks = ["?"] * len(columns)
    at = -1
    if last:
        at = columns.index("position") if "position" in columns else len(columns)
        if at == len(columns):
            columns.append("position")
            marks.append("")
        marks[at] = "(SELECT COALESCE(MAX(position), -1) + 1 FROM notes WHERE session_id IS ?)"
    names = ", ".join(f"[{k}]" for k in columns)
    plan = _InsertPlan(f"INSERT INTO notes ({names}) VALUES ({', '.join(marks)}) RETURNING *", at)
    _INSERTS[(keys, last)] = plan
    return plan


# -- summaries ---------------------------------------------------------------------------------


# -- drafts ------------------------------------------------------------------------------------


# -- merge conflicts ---------------------------------------------------------------------------


class NotesStore(NoteSearch):
    """Notes, summaries, worksheet prompts, drafts and merge conflicts, and searching them."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def kinds(self) -> list[Kind]:
        return kinds_from_setting(self.ws.info.setting(SETTING_KINDS))

    def set_kinds(self, value: list[Kind]) -> None:
        self.ws.info.set_setting(SETTING_KINDS, [k.as_dict() for k in value])

    def sessions(self) -> list[SessionInDay]:
        """All sessions in agenda order with their day and planned start."""
        rows = list(
            self.ws.db.query(
                """SELECT s.*, d.date AS day_date, d.title AS day_title, d.day_start AS day_start,
                          d.position AS day_position
                   FROM sessions s JOIN days d ON d.id = s.day_id
                   ORDER BY d.position, d.date, s.position"""
            )
        )
        by_day: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_day.setdefault(r["day_id"], []).append(r)
        for day_rows in by_day.values():
            starts = planned_starts(
                day_rows[0]["day_start"],
                [(r["id"], r["duration_min"], r["fixed_start"]) for r in day_rows],
            )
            for r in day_rows:
                r["planned_start"] = starts[r["id"]]
        return rows_of(rows, SessionInDay)

    def _slots(self, sessions: Sequence[SessionInDay] | None = None) -> list[SessionSlot]:
        return [
            SessionSlot(
                r["id"],
                r["day_date"],
                r["planned_start"],
                r["duration_min"],
                r["actual_start"],
                r["actual_end"],
            )
            for r in (self.sessions() if sessions is None else sessions)
        ]

    def default_session_id(
        self,
        live_id: str | None = None,
        at: datetime | None = None,
        sessions: Sequence[SessionInDay] | None = None,
    ) -> str:
        """The session Capture opens on at ``at`` (the Agenda's clock; the laptop's if None).

        ``sessions``: the rows of :meth:`sessions` when the caller has just read them."""
        return default_session(self._slots(sessions), at or datetime.now(), live_id)

    def live_session_ids(
        self, now: datetime, sessions: Sequence[SessionInDay] | None = None
    ) -> list[str]:
        """Sessions running at ``now`` on the Agenda's clock by their recorded start and end,
        the latest start first: what Capture marks live (a rehearsal's start is not, once
        the clock is real again)."""
        return running_now(self._slots(sessions), now)

    def days(self) -> list[DayRow]:
        return rows_of(self.ws.db.query("SELECT * FROM days ORDER BY position, date"), DayRow)

    def teams_for_session(self, session_id: str | None) -> list[TeamRow]:
        """Teams that work in a session: rounds held in it, or team sets of its exercise."""
        if not session_id:
            return []
        return rows_of(
            self.ws.db.query(
                """SELECT DISTINCT t.* FROM teams t
                   JOIN rounds r ON r.id = t.round_id
                   JOIN team_sets ts ON ts.id = r.team_set_id
                   LEFT JOIN exercises e ON e.id = ts.exercise_id
                   WHERE r.session_id = :s OR (r.session_id IS NULL AND e.session_id = :s)
                   ORDER BY r.position, t.position, t.name""",
                {"s": session_id},
            ),
            TeamRow,
        )

    def all_teams(self) -> list[TeamInRound]:
        return rows_of(
            self.ws.db.query(
                """SELECT t.*, r.title AS round_title FROM teams t
                   JOIN rounds r ON r.id = t.round_id
                   ORDER BY r.position, t.position, t.name"""
            ),
            TeamInRound,
        )

    def exercises(self) -> list[ExerciseRow]:
        return rows_of(
            self.ws.db.query(
                """SELECT e.* FROM exercises e LEFT JOIN sessions s ON s.id = e.session_id
                   LEFT JOIN days d ON d.id = s.day_id ORDER BY d.position, s.position, e.title"""
            ),
            ExerciseRow,
        )

    def exercise_for_session(self, session_id: str | None) -> ExerciseRow | None:
        if not session_id:
            return None
        return first_of(
            self.ws.db.query(
                "SELECT * FROM exercises WHERE session_id = ? ORDER BY created", [session_id]
            ),
            ExerciseRow,
        )

    def prompts(self, exercise_id: str | None) -> list[PromptRow]:
        if not exercise_id:
            return []
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM exercise_prompts WHERE exercise_id = ? ORDER BY position, created",
                [exercise_id],
            ),
            PromptRow,
        )

    def teams_for_exercise(self, exercise_id: str) -> list[TeamOfExercise]:
        return rows_of(
            self.ws.db.query(
                """SELECT t.*, r.title AS round_title, r.position AS round_position FROM teams t
                   JOIN rounds r ON r.id = t.round_id JOIN team_sets ts ON ts.id = r.team_set_id
                   WHERE ts.exercise_id = ? ORDER BY r.position, t.position, t.name""",
                [exercise_id],
            ),
            TeamOfExercise,
        )

    def people(self) -> list[PersonCard]:
        """Whom a note can be attributed to, in human order of name (sorted here: ``COLLATE
        HUMAN`` calls Python for each comparison, 0.2 s for 3,000 people)."""
        rows = self.ws.query(
            "SELECT id, name, organisation, country, sector FROM people ORDER BY id"
        )
        return rows_of(self.ws.collation.sorted(rows, key=lambda p: p["name"]), PersonCard)

    def notes_for(self, session_id: str | None, team_id: str | None = None) -> list[NoteView]:
        """The notes listed for a session (and team, if one is chosen), in their order."""
        where, args = "n.session_id IS ?", [session_id]
        if team_id:
            where += " AND n.team_id = ?"
            args.append(team_id)
        return rows_of(
            self.ws.query(f"{_NOTE_SELECT} WHERE {where} ORDER BY n.position, n.created", args),
            NoteView,
        )

    def last_notes_for(
        self, session_id: str | None, team_id: str | None, limit: int
    ) -> list[NoteView]:
        """The last ``limit`` notes of :meth:`notes_for`, in their order: what the list
        shows first (it shows its end), read through the index without the others."""
        where, args = "n.session_id IS ?", [session_id]
        if team_id:
            where += " AND n.team_id = ?"
            args.append(team_id)
        rows = self.ws.query(
            f"{_NOTE_SELECT} WHERE {where} ORDER BY n.position DESC, n.created DESC "
            f"LIMIT {int(limit)}",
            args,
        )
        rows.reverse()
        return rows_of(rows, NoteView)

    def note(self, note_id: str) -> NoteView | None:
        return first_of(self.ws.query(f"{_NOTE_SELECT} WHERE n.id = ?", [note_id]), NoteView)

    def notes_by_ids(self, ids: list[str]) -> dict[str, NoteView]:
        out: dict[str, NoteView] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.ws.query(f"{_NOTE_SELECT} WHERE n.id IN ({marks})", chunk):
                out[r["id"]] = cast("NoteView", r)
        return out

    def count_for_session(self, session_id: str) -> int:
        return int(
            self.ws.db.execute(
                "SELECT count(*) FROM notes WHERE session_id = ?", [session_id]
            ).fetchone()[0]
        )

    def answers(self, prompt_ids: list[str]) -> list[NoteRow]:
        """Worksheet answers (notes of a team on a prompt), in their order."""
        if not prompt_ids:
            return []
        marks = ",".join("?" * len(prompt_ids))
        return list(
            self.ws.db.query(
                f"""SELECT * FROM notes WHERE prompt_id IN ({marks}) AND team_id IS NOT NULL
                    ORDER BY position, created""",
                prompt_ids,
            )
        )  # type: ignore[return-value]

    def summary_has_conflict(self, summary_id: str) -> bool:
        return bool(
            self.ws.db.execute(
                "SELECT 1 FROM summaries WHERE conflict_of = ? LIMIT 1", [summary_id]
            ).fetchone()
        )

    def next_position(self, session_id: str | None) -> int:
        row = self.ws.connection.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM notes WHERE session_id IS ?", [session_id]
        ).fetchone()
        return int(row[0])

    def add_note(self, row: Mapping[str, Any], draft_id: str | None = None) -> str:
        """Insert a note and clear its draft in one transaction (no double after a crash)."""
        self.insert_note(row, draft_id)
        return row["id"]

    def insert_note(
        self, row: Mapping[str, Any], draft_id: str | None = None, fresh: bool = False
    ) -> NoteView:
        """Insert a note (and clear its draft) in one transaction; returns it as note lists
        show it (:meth:`note`), from the insert itself rather than read back.

        A ``position`` of None puts the note last in its session, worked out by the INSERT
        itself (one statement where reading the end first took two). ``fresh``: the id was
        just made, so it cannot have a tombstone to lift. Inside a running operation (an
        edit) the statements join its transaction, which rolls all of it back on failure;
        each statement is atomic itself, so no savepoint of its own is needed.
        """
        if not _NOTE_COLUMNS.issuperset(row):
            raise ValueError(f"unknown note fields: {sorted(set(row) - _NOTE_COLUMNS)}")
        if self.ws.writing:
            return self._insert_note(row, draft_id, fresh)
        with self.ws.operation():
            return self._insert_note(row, draft_id, fresh)

    def _insert_note(self, row: Mapping[str, Any], draft_id: str | None, fresh: bool) -> NoteView:
        keys = tuple(row)
        last = row.get("position") is None
        plan = _INSERTS.get((keys, last)) or _insert_plan(keys, last)
        values = [row[k] for k in keys]
        if last:
            if plan.at < len(values):
                values[plan.at] = row.get("session_id")
            else:
                values.append(row.get("session_id"))
        con = self.ws.connection  # one statement as typed (sqlite-utils looks first)
        cursor = con.execute(plan.sql, values)
        names = [d[0] for d in cursor.description]
        written: dict[str, Any] = dict(zip(names, cursor.fetchall()[0], strict=True))
        if not fresh:
            unbury(con, "notes", [row["id"]])
        if draft_id:
            con.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
        self.ws.touch(Table.NOTES, [row["id"]])
        return self._with_names(written)

    def _with_names(self, note: dict[str, Any]) -> NoteView:
        """A notes row with the names :data:`_NOTE_SELECT` joins (looked up only for the
        references it has: a plain note needs none)."""
        con = self.ws.connection
        person = team = prompt = None
        if note["attribution_person_id"] is not None:
            person = con.execute(
                "SELECT name, country, sector FROM people WHERE id = ?",
                [note["attribution_person_id"]],
            ).fetchone()
        if note["team_id"] is not None:
            team = con.execute("SELECT name FROM teams WHERE id = ?", [note["team_id"]]).fetchone()
        if note["prompt_id"] is not None:
            prompt = con.execute(
                "SELECT text FROM exercise_prompts WHERE id = ?", [note["prompt_id"]]
            ).fetchone()
        note["person_name"], note["person_country"], note["person_sector"] = person or (
            None,
            None,
            None,
        )
        note["team_name"] = team[0] if team else None
        note["prompt_text"] = prompt[0] if prompt else None
        return cast("NoteView", note)

    def summary(self, session_id: str | None, team_id: str | None) -> SummaryRow | None:
        """The summary of a session (team_id None) or of one team's output in it."""
        return first_of(
            self.ws.db.query(
                """SELECT * FROM summaries WHERE session_id IS ? AND team_id IS ?
                   AND conflict_of IS NULL ORDER BY created LIMIT 1""",
                [session_id, team_id],
            ),
            SummaryRow,
        )

    def summaries_by_ids(self, ids: list[str]) -> dict[str, SummaryRow]:
        """Summary rows (versions from another copy included) by id; missing ids are left out."""
        out: dict[str, SummaryRow] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.ws.db.query(f"SELECT * FROM summaries WHERE id IN ({marks})", chunk):
                out[r["id"]] = r  # type: ignore[assignment]
        return out

    def summary_conflict_ids(self, summary_id: str) -> list[str]:
        """Ids of the other copies' versions of a summary that wait to be resolved."""
        return [
            r["id"]
            for r in self.ws.db.query(
                "SELECT id FROM summaries WHERE conflict_of = ? ORDER BY created", [summary_id]
            )
        ]

    def worksheet_session_id(self, exercise_id: str | None, team_id: str | None) -> str | None:
        """The session a team answers an exercise in: its round's, else the exercise's."""
        row = self.ws.db.execute(
            """SELECT (SELECT r.session_id FROM teams t JOIN rounds r ON r.id = t.round_id
                       WHERE t.id = :team),
                      (SELECT session_id FROM exercises WHERE id = :exercise)""",
            {"team": team_id, "exercise": exercise_id},
        ).fetchone()
        return row[0] or row[1]

    def save_draft(self, draft_id: str, text: str, context: Mapping[str, Any]) -> None:
        """Keep unsent text in the file; not an undoable edit and not shown to other views."""
        with self.ws.operation() as op:
            db = self.ws.db
            op.touch(Table.DRAFTS, [draft_id])
            if text:
                db["drafts"].upsert(
                    {
                        "id": draft_id,
                        "text": text,
                        "context": json.dumps(dict(context)),
                        "updated": now(),
                    },
                    pk="id",
                )
            else:
                db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])

    def load_draft(self, draft_id: str) -> DraftView | None:
        row = self.ws.rows.get(Table.DRAFTS, draft_id)
        if not row or not row["text"]:
            return None
        try:
            context = json.loads(row["context"] or "{}")
        except ValueError:
            context = {}
        return DraftView(
            id=row["id"],
            text=row["text"],
            context=context if isinstance(context, dict) else {},
            updated=row["updated"],
        )

    def conflicts(self) -> list[tuple[Table, Mapping[str, Any], Mapping[str, Any]]]:
        """(table, this copy's row, the other copy's version) for every unresolved conflict
        (a note's or a summary's: the caller reads the table to know which)."""
        out: list[tuple[Table, Mapping[str, Any], Mapping[str, Any]]] = []
        for table in (Table.NOTES, Table.SUMMARIES):
            for alt in self.ws.db.query(
                f"SELECT * FROM [{table}] WHERE conflict_of IS NOT NULL ORDER BY created"
            ):
                original = self.ws.rows.get(table, alt["conflict_of"])
                if original is not None:
                    out.append((table, original, alt))
        return out

    def conflict_ids(self) -> list[str]:
        """Ids of the other copies' versions (notes and summaries) waiting to be resolved
        (both read from their partial index of conflicts only)."""
        return [
            r[0]
            for r in self.ws.connection.execute(
                "SELECT id FROM notes WHERE conflict_of IS NOT NULL"
                " UNION ALL SELECT id FROM summaries WHERE conflict_of IS NOT NULL"
            )
        ]

    def conflict_count(self) -> int:
        """Unresolved merge conflicts of notes and summaries (one statement; both counts
        read their partial index of conflicts only)."""
        return int(
            self.ws.connection.execute(
                "SELECT (SELECT count(*) FROM notes WHERE conflict_of IS NOT NULL)"
                " + (SELECT count(*) FROM summaries WHERE conflict_of IS NOT NULL)"
            ).fetchone()[0]
        )

    def remember_version(self, table: Table, row_id: str, stamp: str) -> None:
        """Record ``stamp`` as an ancestor of the row, so a later merge sees it as settled."""
        with self.ws.operation():
            self.ws.db.execute(
                "INSERT OR IGNORE INTO row_history (table_name, row_id, updated) VALUES (?, ?, ?)",
                [str(table), row_id, stamp],
            )
