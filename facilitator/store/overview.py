"""Read-only figures for the Overview area."""

from __future__ import annotations

from typing import Any

from facilitator.store.database import Workshop


def glance(ws: Workshop) -> dict[str, Any]:
    """Counts that tell the organiser what the workshop holds, in a few cheap queries."""
    db = ws.db

    def rows(sql: str) -> list[tuple]:
        return db.execute(sql).fetchall()

    return {
        "days": rows("SELECT date, title FROM days ORDER BY position, date"),
        "sessions": db["sessions"].count,
        "group_sessions": rows("SELECT count(*) FROM sessions WHERE kind = 'group'")[0][0],
        "people": db["people"].count,
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
        "exercises": db["exercises"].count,
        "teams": db["teams"].count,
        "notes": rows("SELECT kind, count(*) FROM notes GROUP BY kind ORDER BY 2 DESC"),
        "summaries": db["summaries"].count,
    }
