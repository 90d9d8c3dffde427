"""Notes, summaries, worksheet prompts and unsent drafts: every SQL statement of capture."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from facilitator.domain.capture import (
    SETTING_KINDS,
    Kind,
    SessionSlot,
    default_session,
    kinds_from_setting,
    planned_starts,
)
from facilitator.store.database import Workshop, unbury
from facilitator.store.ids import new_id, now

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
def kinds(ws: Workshop) -> list[Kind]:
    return kinds_from_setting(ws.setting(SETTING_KINDS))


def set_kinds(ws: Workshop, value: list[Kind]) -> None:
    ws.set_setting(SETTING_KINDS, [k.as_dict() for k in value])


# -- sessions, teams, prompts ------------------------------------------------------------------
def sessions(ws: Workshop) -> list[dict[str, Any]]:
    """All sessions in agenda order with their day and planned start."""
    rows = list(
        ws.db.query(
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
    return rows


def default_session_id(ws: Workshop, live_id: str | None = None, at: datetime | None = None) -> str:
    slots = [
        SessionSlot(
            r["id"],
            r["day_date"],
            r["planned_start"],
            r["duration_min"],
            r["actual_start"],
            r["actual_end"],
        )
        for r in sessions(ws)
    ]
    return default_session(slots, at or datetime.now(), live_id)


def days(ws: Workshop) -> list[dict[str, Any]]:
    return list(ws.db.query("SELECT * FROM days ORDER BY position, date"))


def teams_for_session(ws: Workshop, session_id: str | None) -> list[dict[str, Any]]:
    """Teams that work in a session: rounds held in it, or team sets of its exercise."""
    if not session_id:
        return []
    return list(
        ws.db.query(
            """SELECT DISTINCT t.* FROM teams t
               JOIN rounds r ON r.id = t.round_id
               JOIN team_sets ts ON ts.id = r.team_set_id
               LEFT JOIN exercises e ON e.id = ts.exercise_id
               WHERE r.session_id = :s OR (r.session_id IS NULL AND e.session_id = :s)
               ORDER BY r.position, t.position, t.name""",
            {"s": session_id},
        )
    )


def all_teams(ws: Workshop) -> list[dict[str, Any]]:
    return list(
        ws.db.query(
            """SELECT t.*, r.title AS round_title FROM teams t JOIN rounds r ON r.id = t.round_id
               ORDER BY r.position, t.position, t.name"""
        )
    )


def exercises(ws: Workshop) -> list[dict[str, Any]]:
    return list(
        ws.db.query(
            """SELECT e.* FROM exercises e LEFT JOIN sessions s ON s.id = e.session_id
               LEFT JOIN days d ON d.id = s.day_id ORDER BY d.position, s.position, e.title"""
        )
    )


def exercise_for_session(ws: Workshop, session_id: str | None) -> dict[str, Any] | None:
    if not session_id:
        return None
    rows = list(
        ws.db.query("SELECT * FROM exercises WHERE session_id = ? ORDER BY created", [session_id])
    )
    return rows[0] if rows else None


def prompts(ws: Workshop, exercise_id: str | None) -> list[dict[str, Any]]:
    if not exercise_id:
        return []
    return list(
        ws.db.query(
            "SELECT * FROM exercise_prompts WHERE exercise_id = ? ORDER BY position, created",
            [exercise_id],
        )
    )


def teams_for_exercise(ws: Workshop, exercise_id: str) -> list[dict[str, Any]]:
    return list(
        ws.db.query(
            """SELECT t.*, r.title AS round_title, r.position AS round_position FROM teams t
               JOIN rounds r ON r.id = t.round_id JOIN team_sets ts ON ts.id = r.team_set_id
               WHERE ts.exercise_id = ? ORDER BY r.position, t.position, t.name""",
            [exercise_id],
        )
    )


# -- people for attribution --------------------------------------------------------------------
def people(ws: Workshop) -> list[dict[str, Any]]:
    return list(
        ws.db.query(
            "SELECT id, name, organisation, country, sector FROM people "
            "ORDER BY name COLLATE NOCASE"
        )
    )


# -- notes -------------------------------------------------------------------------------------
def notes_for(
    ws: Workshop, session_id: str | None, team_id: str | None = None
) -> list[dict[str, Any]]:
    """The notes listed for a session (and team, if one is chosen), in their order."""
    where, args = "n.session_id IS ?", [session_id]
    if team_id:
        where += " AND n.team_id = ?"
        args.append(team_id)
    return list(ws.db.query(f"{_NOTE_SELECT} WHERE {where} ORDER BY n.position, n.created", args))


def note(ws: Workshop, note_id: str) -> dict[str, Any] | None:
    rows = list(ws.db.query(f"{_NOTE_SELECT} WHERE n.id = ?", [note_id]))
    return rows[0] if rows else None


def notes_by_ids(ws: Workshop, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in ws.db.query(f"{_NOTE_SELECT} WHERE n.id IN ({marks})", chunk):
            out[r["id"]] = r
    return out


def next_position(ws: Workshop, session_id: str | None) -> int:
    row = ws.db.execute(
        "SELECT COALESCE(MAX(position), -1) + 1 FROM notes WHERE session_id IS ?", [session_id]
    ).fetchone()
    return int(row[0])


def new_note_row(**values: Any) -> dict[str, Any]:
    """A complete notes row with a fresh id and stamps; unknown keys are refused."""
    unknown = set(values) - set(NOTE_FIELDS) - {"id", "created", "updated"}
    if unknown:
        raise ValueError(f"unknown note fields: {sorted(unknown)}")
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


def add_note(ws: Workshop, row: dict[str, Any], draft_id: str | None = None) -> str:
    """Insert a note and clear the draft it came from in one transaction (no double on crash)."""
    with ws.transaction() as db:
        db["notes"].insert(row)
        unbury(db, "notes", [row["id"]])
        if draft_id:
            db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
    ws.notify("notes", [row["id"]])
    return row["id"]


# -- summaries ---------------------------------------------------------------------------------
def summary(ws: Workshop, session_id: str | None, team_id: str | None) -> dict[str, Any] | None:
    """The summary of a session (team_id None) or of one team's output in it."""
    rows = list(
        ws.db.query(
            """SELECT * FROM summaries WHERE session_id IS ? AND team_id IS ?
               AND conflict_of IS NULL ORDER BY created LIMIT 1""",
            [session_id, team_id],
        )
    )
    return rows[0] if rows else None


# -- drafts ------------------------------------------------------------------------------------
def save_draft(ws: Workshop, draft_id: str, text: str, context: dict[str, Any]) -> None:
    """Keep unsent text in the file; not an undoable edit and not shown to other views."""
    with ws.transaction() as db:
        if text:
            db["drafts"].upsert(
                {"id": draft_id, "text": text, "context": json.dumps(context), "updated": now()},
                pk="id",
            )
        else:
            db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])


def load_draft(ws: Workshop, draft_id: str) -> dict[str, Any] | None:
    row = ws.get("drafts", draft_id)
    if not row or not row["text"]:
        return None
    try:
        row["context"] = json.loads(row["context"] or "{}")
    except ValueError:
        row["context"] = {}
    return row


# -- merge conflicts ---------------------------------------------------------------------------
def conflicts(ws: Workshop) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(table, this copy's row, the other copy's version) for every unresolved conflict."""
    out: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for table in ("notes", "summaries"):
        for alt in ws.db.query(
            f"SELECT * FROM [{table}] WHERE conflict_of IS NOT NULL ORDER BY created"
        ):
            original = ws.get(table, alt["conflict_of"])
            if original is not None:
                out.append((table, original, alt))
    return out


def conflict_count(ws: Workshop) -> int:
    return sum(
        ws.db.execute(f"SELECT count(*) FROM [{t}] WHERE conflict_of IS NOT NULL").fetchone()[0]
        for t in ("notes", "summaries")
    )


def remember_version(ws: Workshop, table: str, row_id: str, stamp: str) -> None:
    """Record ``stamp`` as an ancestor of the row, so a later merge sees it as settled."""
    with ws.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO row_history (table_name, row_id, updated) VALUES (?, ?, ?)",
            [table, row_id, stamp],
        )
