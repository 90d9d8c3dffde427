"""The agenda as an iCalendar file: one event per session, in the workshop's time zone.

Written by hand (RFC 5545) so the app needs no calendar library at run time. Each event has a
stable UID (the session id), ``DTSTART;TZID=…`` local times and a VTIMEZONE built from the
zoneinfo database for the dates of the workshop, which is what Outlook, Apple Calendar and
Google Calendar expect.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator.domain.agenda import at, flow, kind_label
from facilitator.exports import ExportError, ExportOptions, Progress, atomic_output
from facilitator.store.database import Workshop

PRODID = "-//Facilitator//Workshop agenda//EN"


def escape_text(text: str) -> str:
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current = b""
    limit = 75
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > limit:
            out.append(current.decode("utf-8"))
            current = b" "
            limit = 75
        current += b
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def _offset(td: timedelta) -> str:
    total = int(td.total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"{sign}{total // 3600:02d}{(total % 3600) // 60:02d}"


def vtimezone(zone: ZoneInfo, first: date, last: date) -> list[str]:
    """A VTIMEZONE covering the workshop: every offset change from a year before to after."""
    start = datetime(first.year - 1, 1, 1, tzinfo=UTC)
    end = datetime(last.year + 1, 12, 31, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    moment = start
    previous = moment.astimezone(zone).utcoffset()
    changes: list[tuple[datetime, timedelta, timedelta, str]] = []
    step = timedelta(hours=1)
    while moment < end:
        nxt = moment + step
        offset = nxt.astimezone(zone).utcoffset()
        if offset != previous:
            local = nxt.astimezone(zone)
            changes.append((local.replace(tzinfo=None), previous, offset, local.tzname() or ""))
            previous = offset
        moment = nxt
    if not changes:
        local = start.astimezone(zone)
        off = local.utcoffset() or timedelta(0)
        lines += [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{_offset(off)}",
            f"TZOFFSETTO:{_offset(off)}",
            f"TZNAME:{local.tzname() or zone.key}",
            "END:STANDARD",
        ]
    for when, before, after, name in changes:
        kind = "DAYLIGHT" if after > before else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{when:%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{_offset(before)}",
            f"TZOFFSETTO:{_offset(after)}",
            f"TZNAME:{name}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return lines


def calendar_text(ws: Workshop) -> str:
    details = ws.info.details()
    tz_name = details.get("timezone") or "UTC"
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ExportError(
            f"{ws.path.name}: workshop time zone '{tz_name}' is not known; set it in Overview "
            "(for example Asia/Bangkok)."
        ) from exc
    days = ws.agenda.load_days()
    if not any(d.sessions for d in days):
        raise ExportError(f"{ws.path.name}: the agenda has no sessions to put in a calendar.")
    speakers = ws.agenda.speakers_by_session()
    rows = {r["id"]: r for r in ws.agenda.session_rows()}
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    workshop = details.get("title") or "Workshop"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(workshop)}",
        f"X-WR-TIMEZONE:{zone.key}",
    ]
    lines += vtimezone(zone, min(d.date for d in days), max(d.date for d in days))
    location = ", ".join(p for p in (details.get("venue"), details.get("city")) if p)
    for day in days:
        for t in flow(day):
            s = t.session
            row: Mapping[str, Any] = rows.get(s.id, {})
            people = speakers.get(s.id, [])
            desc = [kind_label(s.kind)]
            if people:
                desc.append(
                    "With: "
                    + ", ".join(
                        p["name"] + (" (moderator)" if p["role"] == "moderator" else "")
                        for p in people
                    )
                )
            for label, key in (("", "description"), ("Objectives: ", "objectives")):
                if row.get(key):
                    desc.append(label + row[key])
            where = ", ".join(p for p in (s.room, location) if p)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{s.id}@facilitator",
                f"DTSTAMP:{stamp}",
                f"DTSTART;TZID={zone.key}:{at(day, t.start):%Y%m%dT%H%M%S}",
                f"DTEND;TZID={zone.key}:{at(day, t.end):%Y%m%dT%H%M%S}",
                f"SUMMARY:{escape_text(s.title or kind_label(s.kind))}",
                f"DESCRIPTION:{escape_text(chr(10).join(desc))}",
                f"CATEGORIES:{escape_text(kind_label(s.kind))}",
            ]
            if where:
                lines.append(f"LOCATION:{escape_text(where)}")
            lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def export_ics(ws: Workshop, out: Path, options: ExportOptions, progress: Progress) -> None:
    """Write the agenda as an .ics calendar (one event per session)."""
    text = calendar_text(ws)
    with atomic_output(out) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    if progress:
        progress(1.0)
