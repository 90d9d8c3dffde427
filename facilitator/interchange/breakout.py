"""Breakout-room pre-assignment for hybrid events, in the CSV format Zoom imports.

Zoom's "Pre-assign rooms › Import from CSV" template has two columns, ``Pre-assign Room
Name`` and ``Email Address``, one row per participant; rooms are created from the names.
Only people with an e-mail address can be pre-assigned, so others are left out. Rooms are
named after the teams. ``ExportOptions.team_set`` picks the team set (id or title, the first
by default) and ``extra["round"]`` the round (id, title or number; the first by default).
"""

from __future__ import annotations

import csv
from pathlib import Path

from facilitator.exports import ExportError, ExportOptions, Progress, atomic_output
from facilitator.reports.teamlists import collect
from facilitator.store.database import Workshop

HEADER = ["Pre-assign Room Name", "Email Address"]


def breakout_rows(ws: Workshop, options: ExportOptions) -> list[tuple[str, str]]:
    ts, rounds = collect(ws, options)
    chosen = rounds[0]
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for team in chosen["teams"]:
        room = " ".join((team["name"] or "Team").split())
        for m in team["members"]:
            email = (m.get("email") or "").strip()
            if email and email.casefold() not in seen:
                seen.add(email.casefold())
                rows.append((room, email))
    if not rows:
        raise ExportError(
            f"{ws.path.name}: nobody in the teams of “{ts['title']}” ({chosen['label']}) has an "
            "e-mail address, so no one can be pre-assigned to a breakout room."
        )
    return rows


def export_breakout_csv(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    rows = breakout_rows(ws, options)
    with atomic_output(out) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(HEADER)
            writer.writerows(rows)
    if progress:
        progress(1.0)
