"""The programme PDF and the .ics calendar, read back as a user's tools would."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from pypdf import PdfReader

from facilitator.exports import ExportError, ExportOptions
from facilitator.interchange.ics import export_ics
from facilitator.reports.agenda import export_agenda
from facilitator.store.database import Workshop


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return unicodedata.normalize("NFKC", text)  # undo ligatures such as "ﬀ"


def test_ics_has_one_event_per_session_in_the_workshop_zone(
    workshop: Workshop, tmp_path: Path
) -> None:
    out = tmp_path / "agenda.ics"
    export_ics(workshop, out, ExportOptions(), None)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == workshop.db["sessions"].count
    assert [z["TZID"] for z in cal.walk("VTIMEZONE")] == ["Asia/Bangkok"]
    lunch = next(e for e in events if str(e["SUMMARY"]) == "Lunch")
    start = lunch["DTSTART"].dt
    assert start == datetime(2026, 3, 10, 12, 30, tzinfo=ZoneInfo("Asia/Bangkok"))
    assert lunch["DTEND"].dt - start == (
        datetime(2026, 3, 10, 13, 30) - datetime(2026, 3, 10, 12, 30)
    )
    panel = next(e for e in events if str(e["SUMMARY"]).startswith("Panel"))
    assert "Plenary Hall" in str(panel["LOCATION"])
    assert "(moderator)" in str(panel["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)
    for line in out.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_ics_zone_with_daylight_saving(workshop: Workshop, tmp_path: Path) -> None:
    with workshop.operation():
        db = workshop.db
        db.execute("UPDATE workshop SET timezone = 'Europe/Brussels'")
        db.execute("UPDATE days SET date = '2026-03-28' WHERE id = 'day_demo0'")
        db.execute("UPDATE days SET date = '2026-03-30' WHERE id = 'day_demo1'")
    out = tmp_path / "dst.ics"
    export_ics(workshop, out, ExportOptions(), None)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert {c.name for c in cal.walk("VTIMEZONE")[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    starts = {e["DTSTART"].dt for e in cal.walk("VEVENT")}
    assert datetime(2026, 3, 30, 9, 0, tzinfo=ZoneInfo("Europe/Brussels")) in starts
    first = min(starts)
    assert first.utcoffset().total_seconds() == 3600  # before the change: UTC+1


def test_ics_unknown_zone_is_a_clear_error(workshop: Workshop, tmp_path: Path) -> None:
    with workshop.operation():
        db = workshop.db
        db.execute("UPDATE workshop SET timezone = 'Mars/Olympus'")
    with pytest.raises(ExportError, match="Mars/Olympus"):
        export_ics(workshop, tmp_path / "x.ics", ExportOptions(), None)
    assert not (tmp_path / "x.ics").exists()


def test_programme_pdf_lists_times_titles_kinds_speakers_rooms(
    workshop: Workshop, tmp_path: Path
) -> None:
    out = tmp_path / "programme.pdf"
    progress: list[float] = []
    export_agenda(workshop, out, ExportOptions(), progress.append)
    text = pdf_text(out)
    for expected in (
        "Day 1: Tuesday 10 March 2026",
        "12:30–13:30",
        "Panel: the role of women and youth in prevention",
        "Country experience",
        "Moderator:",
        "Бакыт Токтогулов",
        "Nguyễn Thị Thu Hà",
        "Breakout rooms",
    ):
        assert expected in text, expected
    assert progress[-1] == 1.0


def test_long_description_breaks_across_pages(workshop: Workshop, tmp_path: Path) -> None:
    long = "\n\n".join(
        f"Paragraph {i}: " + "ការការពារ ป้องกัน профилактика prevention " * 40 for i in range(40)
    )
    with workshop.operation():
        db = workshop.db
        db.execute(
            "UPDATE sessions SET description = ?, title = ? WHERE id = 'ses_demo001'",
            [long + "\n" + "x" * 5000, "T " * 400],
        )
    out = tmp_path / "long.pdf"
    export_agenda(workshop, out, ExportOptions(day="2026-03-10"), None)
    reader = PdfReader(str(out))
    assert len(reader.pages) > 5
    text = pdf_text(out)
    assert "Paragraph 39" in text and "Coffee break" in text
    assert "Recap of day one" not in text  # only the chosen day


def test_unknown_day_is_named(workshop: Workshop, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="2030-01-01"):
        export_agenda(workshop, tmp_path / "x.pdf", ExportOptions(day="2030-01-01"), None)


def test_cli_exports(demo_path: Path, tmp_path: Path) -> None:
    for kind, name in (("agenda", "p.pdf"), ("ics", "c.ics")):
        out = tmp_path / name
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", "export", str(demo_path), kind, "-o", str(out)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
