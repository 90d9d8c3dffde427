"""Merge another copy of the same workshop into this one.

Rapporteurs in breakout rooms work on copies of the workshop file. Every mergeable row has a
stable id and an ``updated`` stamp, and ``row_history`` remembers each row's earlier stamps.
For a row both copies hold with different content:

* if the other version's stamp is in this row's history, this copy already descends from it
  and is kept;
* if this version's stamp is in the other's history, the other is newer and is taken;
* otherwise both changed it since they last agreed: for notes and summaries both versions are
  kept (the other's as a new row with ``conflict_of`` pointing at this one) for the user to
  choose; for other tables the later change wins and the report says so.

Rows only the other copy has are added unless deleted here (tombstone). Rows the other copy
deleted are deleted here unless edited here after that deletion. The alternative version of
a conflict gets an id derived from the row and the other stamp, so merging the same copy
twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facilitator.store.backups import take_backup
from facilitator.store.database import Workshop, inspect_file, open_read_only
from facilitator.store.errors import WorkshopError
from facilitator.store.ids import new_id, now

Progress = Callable[[float], None] | None

# Parents before children, so every reference can be checked against rows already merged.
ORDER = (
    "workshop",
    "settings",
    "people",
    "days",
    "sessions",
    "session_speakers",
    "attendance",
    "exercises",
    "exercise_prompts",
    "team_sets",
    "rounds",
    "teams",
    "team_members",
    "team_constraints",
    "notes",
    "summaries",
    "assets",
    "venue_devices",
    "venue_polls",
    "venue_poll_options",
    "venue_answers",
    "venue_questions",
    "venue_question_votes",
    "venue_evaluations",
    "venue_eval_questions",
    "venue_eval_answers",
    "venue_rapporteurs",
    "venue_answer_docs",
)
KEEP_BOTH = ("notes", "summaries")
STAMPS = ("created", "updated")


class MergeError(WorkshopError):
    """The other file cannot be merged (not a copy of this workshop, unreadable…)."""


@dataclass
class MergeReport:
    source: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    conflicts: dict[str, int] = field(default_factory=dict)  # both versions kept
    latest_won: dict[str, int] = field(default_factory=dict)  # both changed; later change kept
    skipped: dict[str, int] = field(default_factory=dict)  # deleted here, or parent gone
    kept_edited: dict[str, int] = field(default_factory=dict)  # deleted there, edited here

    def bump(self, what: str, table: str, n: int = 1) -> None:
        counts: dict[str, int] = getattr(self, what)
        counts[table] = counts.get(table, 0) + n

    @property
    def changes(self) -> int:
        return sum(
            sum(d.values())
            for d in (self.added, self.updated, self.deleted, self.conflicts, self.latest_won)
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """Human summary, one line per kind of change."""
        if not self.changes:
            out = [f"Nothing new in {Path(self.source).name}: this file already has it all."]
        else:
            out = [f"Merged from {Path(self.source).name}:"]
        labels = [
            ("added", "added"),
            ("updated", "updated to the other copy's newer version"),
            ("deleted", "deleted (deleted in the other copy)"),
            ("conflicts", "changed in both copies: both versions kept, flagged to choose"),
            ("latest_won", "changed in both copies: the later change kept"),
            ("kept_edited", "deleted in the other copy but edited here since: kept"),
            ("skipped", "not brought back (deleted in this copy)"),
        ]
        for attr, label in labels:
            counts: dict[str, int] = getattr(self, attr)
            if counts:
                parts = ", ".join(f"{n} {_noun(t, n)}" for t, n in sorted(counts.items()))
                out.append(f"  {label}: {parts}")
        return out


def _noun(table: str, n: int) -> str:
    names = {
        "notes": ("note", "notes"),
        "summaries": ("summary", "summaries"),
        "attendance": ("attendance record", "attendance records"),
        "people": ("person", "people"),
        "settings": ("setting", "settings"),
        "workshop": ("workshop detail", "workshop details"),
    }
    one, many = names.get(table, (table.rstrip("s").replace("_", " "), table.replace("_", " ")))
    return one if n == 1 else many


def _open_other(path: Path) -> sqlite3.Connection:
    info = inspect_file(path)  # raises a clear WorkshopError for foreign or damaged files
    if not info.exists:
        raise MergeError(path, "does not exist.")
    if info.empty:
        raise MergeError(path, "is empty, not a workshop file.")
    con = open_read_only(path)
    con.row_factory = sqlite3.Row
    return con


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info([{table}])").fetchall()]


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _history(con: sqlite3.Connection, table: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if "row_history" not in _tables(con):
        return out
    for row_id, stamp in con.execute(
        "SELECT row_id, updated FROM row_history WHERE table_name = ?", [table]
    ):
        out.setdefault(row_id, set()).add(stamp)
    return out


def _unique_keys(con: sqlite3.Connection, table: str) -> list[list[str]]:
    keys = []
    for idx in con.execute(f"PRAGMA index_list([{table}])").fetchall():
        # seq, name, unique, origin, partial
        if idx[2] and idx[3] == "u":
            keys.append([c[2] for c in con.execute(f"PRAGMA index_info([{idx[1]}])")])
    return keys


def _foreign_keys(con: sqlite3.Connection, table: str) -> list[tuple[str, str, str, bool]]:
    """(column, parent table, on_delete, column is NOT NULL) for each reference."""
    notnull = {r[1]: bool(r[3]) for r in con.execute(f"PRAGMA table_info([{table}])")}
    return [
        (fk[3], fk[2], fk[6].upper(), notnull.get(fk[3], False))
        for fk in con.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()
    ]


def alternative_id(row_id: str, other_stamp: str) -> str:
    """Stable id for the other copy's version of a conflicting row."""
    prefix = row_id.split("_", 1)[0] if "_" in row_id else "alt"
    digest = hashlib.sha1(f"{row_id}|{other_stamp}".encode()).hexdigest()[:12]
    return f"{prefix}_{digest}"


def merge_files(
    path: str | os.PathLike[str], other: str | os.PathLike[str], progress: Progress = None
) -> MergeReport:
    """Open ``path`` for writing and merge ``other`` into it (the CLI path)."""
    if not Path(path).exists():
        raise MergeError(Path(path), "no such workshop file.")
    ws = Workshop(path)
    try:
        if ws.read_only:
            raise MergeError(ws.path, f"cannot be merged into: {ws.open_result.reason}.")
        return ws.merge.merge_from(other, progress)
    finally:
        ws.close()


class MergeStore:
    """Merging another copy of the same workshop into this one (see the module's notes)."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def merge_from(
        self, other: str | os.PathLike[str], progress: Progress = None, backup: bool = True
    ) -> MergeReport:
        """Merge the copy at ``other`` into this workshop; one transaction, all or none.

        Views learn of it through one ``Changes.all()``: a merge can touch any row.
        """
        return merge_into(self.ws, other, progress, backup)


def merge_into(
    ws: Workshop, other: str | os.PathLike[str], progress: Progress = None, backup: bool = True
) -> MergeReport:
    other_path = Path(other).resolve()
    if other_path == ws.path:
        raise MergeError(other_path, "is the file already open; choose another copy to merge.")
    con = _open_other(other_path)
    try:
        mine = ws.info.details()
        rows = con.execute("SELECT id, title FROM workshop LIMIT 1").fetchall()
        if not rows or rows[0]["id"] != mine["id"]:
            title = rows[0]["title"] if rows else "?"
            same = " despite the same title" if title == mine["title"] else ""
            raise MergeError(
                other_path,
                f"is not a copy of this workshop: it is a different workshop (“{title}”){same}. "
                "Only copies of the same workshop file can be merged.",
                "Open the matching workshop, or import the other one's roster instead.",
            )
        if backup:
            take_backup(ws.db.conn, ws.path)
        report = MergeReport(str(other_path))
        with ws.operation() as op:
            db = ws.db
            _merge(db.conn, con, report, progress)
            op.touch_all()
            if report.changes:
                db["merges"].insert(
                    {
                        "id": new_id("mrg"),
                        "source_path": str(other_path),
                        "merged_at": now(),
                        "report": json.dumps(report.as_dict()),
                    }
                )
    finally:
        con.close()
    return report


def _merge(
    local: sqlite3.Connection, other: sqlite3.Connection, report: MergeReport, progress: Progress
) -> None:
    other_tables = _tables(other)
    local_tombs = {
        (t, r): d for t, r, d in local.execute("SELECT table_name, row_id, deleted FROM tombstones")
    }
    other_tombs: list[tuple[str, str, str]] = []
    if "tombstones" in other_tables:
        other_tombs = [
            tuple(r) for r in other.execute("SELECT table_name, row_id, deleted FROM tombstones")
        ]
    present: dict[str, set[str]] = {}

    def ids_of(table: str) -> set[str]:
        if table not in present:
            present[table] = {r[0] for r in local.execute(f"SELECT id FROM [{table}]")}
        return present[table]

    steps = len(ORDER) + 1
    other_rows_by_table: dict[str, set[str]] = {}
    for step, table in enumerate(ORDER):
        if table not in other_tables:
            continue
        cols = [c for c in _columns(local, table) if c in set(_columns(other, table))]
        col_list = ", ".join(f"[{c}]" for c in cols)
        theirs = {r["id"]: dict(r) for r in other.execute(f"SELECT {col_list} FROM [{table}]")}
        other_rows_by_table[table] = set(theirs)
        ours = {r["id"]: r for r in _dicts(local, f"SELECT {col_list} FROM [{table}]")}
        hist_ours = _history(local, table)
        hist_theirs = _history(other, table)
        fks = _foreign_keys(local, table)
        uniques = _unique_keys(local, table)
        content = [c for c in cols if c not in ("id", *STAMPS)]
        insert_sql = f"INSERT INTO [{table}] ({col_list}) VALUES ({', '.join('?' * len(cols))})"
        set_cols = [c for c in cols if c not in ("id", "created")]
        update_sql = (
            f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in set_cols)} WHERE id = ?"
        )

        def copy_history(row_id: str, stamps: set[str] | None) -> None:
            for stamp in stamps or ():
                local.execute(
                    "INSERT OR IGNORE INTO row_history (table_name, row_id, updated) "
                    "VALUES (?, ?, ?)",
                    [table, row_id, stamp],  # noqa: B023 - used within this iteration
                )

        def fix_references(row: dict[str, Any]) -> bool:
            """Clear or refuse references to rows this copy does not have."""
            for column, parent, on_delete, notnull in fks:  # noqa: B023
                value = row.get(column)
                if value is None or value in ids_of(parent):
                    continue
                if on_delete == "SET NULL" and not notnull:
                    row[column] = None
                else:
                    return False
            return True

        for row_id, theirs_row in theirs.items():
            ours_row = ours.get(row_id)
            if ours_row is None:
                if (table, row_id) in local_tombs:
                    report.bump("skipped", table)
                    continue
                row = dict(theirs_row)
                if not fix_references(row):
                    report.bump("skipped", table)
                    continue
                twin = _same_entity(local, table, uniques, row)
                if twin is not None:
                    if row["updated"] > twin["updated"] and any(row[c] != twin[c] for c in content):
                        local.execute(
                            f"UPDATE [{table}] SET "
                            + ", ".join(f"[{c}] = ?" for c in content + ["updated"])
                            + " WHERE id = ?",
                            [row[c] for c in content] + [row["updated"], twin["id"]],
                        )
                        report.bump("updated", table)
                    continue
                local.execute(insert_sql, [row[c] for c in cols])
                ids_of(table).add(row_id)
                copy_history(row_id, hist_theirs.get(row_id))
                report.bump("added", table)
                continue
            if all(ours_row[c] == theirs_row[c] for c in cols):
                continue
            ours_stamp, theirs_stamp = ours_row["updated"], theirs_row["updated"]
            if all(ours_row[c] == theirs_row[c] for c in content):
                # Same content, different stamps: remember theirs as a settled version.
                if theirs_stamp not in hist_ours.get(row_id, set()):
                    copy_history(row_id, {theirs_stamp})
                continue
            if theirs_stamp == ours_stamp or theirs_stamp in hist_ours.get(row_id, set()):
                continue  # this copy already has the other's version and changed it since
            row = dict(theirs_row)
            if ours_stamp in hist_theirs.get(row_id, set()):
                if not fix_references(row):
                    continue
                local.execute(update_sql, [row[c] for c in set_cols] + [row_id])
                copy_history(row_id, hist_theirs.get(row_id))
                report.bump("updated", table)
                continue
            # Both copies changed the row since they last agreed.
            if table in KEEP_BOTH and ours_row.get("conflict_of") is None:
                alt = alternative_id(row_id, theirs_stamp)
                if alt in ids_of(table) or (table, alt) in local_tombs:
                    continue  # flagged before, or the user already chose
                if not fix_references(row):
                    continue
                row["id"] = alt
                row["conflict_of"] = row_id
                local.execute(insert_sql, [row[c] for c in cols])
                ids_of(table).add(alt)
                report.bump("conflicts", table)
            elif theirs_stamp > ours_stamp:
                if not fix_references(row):
                    continue
                local.execute(update_sql, [row[c] for c in set_cols] + [row_id])
                copy_history(row_id, hist_theirs.get(row_id))
                report.bump("latest_won", table)
            else:
                copy_history(row_id, {theirs_stamp})
                report.bump("latest_won", table)
        if progress:
            progress((step + 1) / steps)

    # Deletions the other copy made, children first.
    rank = {t: i for i, t in enumerate(ORDER)}
    for table, row_id, deleted in sorted(other_tombs, key=lambda t: -rank.get(t[0], -1)):
        if table not in rank or row_id in other_rows_by_table.get(table, set()):
            continue
        found = _dicts(local, f"SELECT id, updated FROM [{table}] WHERE id = ?", [row_id])
        row = found[0] if found else None
        if row is None:
            if (table, row_id) not in local_tombs:
                local.execute(
                    "INSERT OR IGNORE INTO tombstones (table_name, row_id, deleted) "
                    "VALUES (?, ?, ?)",
                    [table, row_id, deleted],
                )
            continue
        if row["updated"] > deleted:
            report.bump("kept_edited", table)
            continue
        local.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        local.execute(
            "INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted) VALUES (?, ?, ?)",
            [table, row_id, deleted],
        )
        report.bump("deleted", table)
    if progress:
        progress(1.0)


def _same_entity(
    local: sqlite3.Connection, table: str, uniques: list[list[str]], row: dict[str, Any]
) -> dict[str, Any] | None:
    """A local row that is the same thing under another id (e.g. one check-in made twice)."""
    for cols in uniques:
        if any(row.get(c) is None for c in cols):
            continue
        where = " AND ".join(f"[{c}] = ?" for c in cols)
        hits = _dicts(local, f"SELECT * FROM [{table}] WHERE {where}", [row[c] for c in cols])
        if hits:
            return hits[0]
    return None


def _dicts(con: sqlite3.Connection, sql: str, args: list[Any] | None = None) -> list[dict]:
    cur = con.execute(sql, args or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
