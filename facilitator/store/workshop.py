"""The workshop's own row, its per-workshop settings and the figures the Overview shows."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from facilitator.store.ids import now
from facilitator.store.tables import MERGEABLE_TABLES, Table

if TYPE_CHECKING:
    from facilitator.store.database import Workshop
    from facilitator.store.records import Glance, WorkshopRow


@cache
def workshop_fields() -> tuple[str, ...]:
    """The details a user may set (the row types' module is loaded the first time: opening
    a file only reads the details)."""
    from facilitator.store.records import WorkshopRow, columns

    return tuple(k for k in columns(WorkshopRow) if k not in ("id", "created"))


class WorkshopStore:
    """Details of the workshop (title, venue, dates, privacy…) and its settings."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def details(self) -> WorkshopRow:
        """The workshop's one row (StopIteration when a damaged file has none)."""
        rows = self.ws.query("SELECT * FROM workshop LIMIT 1")
        if not rows:
            raise StopIteration
        return cast("WorkshopRow", rows[0])

    def set_details(self, values: Mapping[str, Any]) -> None:
        unknown = set(values) - set(workshop_fields())
        if unknown:
            raise ValueError(f"unknown workshop fields: {sorted(unknown)}")
        self.ws.rows.update(Table.WORKSHOP, self.details()["id"], values)

    def timezone(self) -> str:
        return self.details().get("timezone") or "UTC"

    # -- settings (remembered per workshop) ------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        rows = self.ws.query("SELECT value FROM settings WHERE id = ?", [key])
        return json.loads(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        stamp = now()
        with self.ws.operation() as op:
            self.ws.db["settings"].upsert(
                {"id": key, "value": json.dumps(value), "created": stamp, "updated": stamp},
                pk="id",
            )
            op.touch(Table.SETTINGS, [key])

    # -- facts -----------------------------------------------------------------------------
    def counts(self) -> dict[Table, int]:
        return {t: self.ws.db[t].count for t in MERGEABLE_TABLES}

    def version(self) -> int:
        return self.ws.db.execute("PRAGMA user_version").fetchone()[0]

    def glance(self) -> Glance:
        """Counts that tell the organiser what the workshop holds, in a few cheap queries
        (notes are counted by kind from an index; a huge workshop still takes a moment, so
        the Overview asks from a background reader, :meth:`Workshop.reader`)."""
        con = self.ws.connection

        def rows(sql: str) -> list[tuple]:
            return con.execute(sql).fetchall()

        def count(table: Table) -> int:
            return con.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]

        return {
            "days": rows("SELECT date, title FROM days ORDER BY position, date"),
            "sessions": count(Table.SESSIONS),
            "group_sessions": rows("SELECT count(*) FROM sessions WHERE kind = 'group'")[0][0],
            "people": count(Table.PEOPLE),
            "roles": rows("SELECT role, count(*) FROM people GROUP BY role ORDER BY 2 DESC"),
            "countries": rows(
                "SELECT country, count(*) FROM people WHERE country != '' GROUP BY country "
                "ORDER BY 2 DESC, 1"
            ),
            "genders": rows("SELECT gender, count(*) FROM people GROUP BY gender ORDER BY 2 DESC"),
            "attendance": rows(
                "SELECT d.date, count(DISTINCT a.person_id) FROM days d LEFT JOIN attendance a "
                "ON a.day_id = d.id AND a.present GROUP BY d.id ORDER BY d.position, d.date"
            ),
            "exercises": count(Table.EXERCISES),
            "teams": count(Table.TEAMS),
            "notes": rows("SELECT kind, count(*) FROM notes GROUP BY kind ORDER BY 2 DESC"),
            "summaries": count(Table.SUMMARIES),
        }
