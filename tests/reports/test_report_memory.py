"""The outcome report reads its notes as layout reaches them, never all of them at once.

A huge workshop's report (400,000 notes, printed in the sessions and the recommendations
and action items again in their own sections) once held every note, its privacy-checked
copy and its flowables before layout began. Now the store counts the notes first (headings,
numbers and contents need no more), an anonymous report scans every note once for names,
and each step of layout reads the next few notes from the file: what is alive at any
moment is one step's notes. These tests count the notes alive while a report is written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from facilitator.domain.report import Note
from facilitator.exports import ExportOptions, run_export
from facilitator.reports import outcome
from facilitator.reports.outcome import export_report
from facilitator.store import report as report_store
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.tables import Table

SESSION = "ses_demo104"  # the demo's busiest session
EXTRA_NOTES = 3000
KINDS = ("key_point", "recommendation", "action_item", "quote", "decision")


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return " ".join(out.stdout.split())


@pytest.fixture
def many_notes(demo_path: Path) -> Path:
    """The demo with 3,000 more notes of five kinds in one session; one recommendation
    names a participant."""
    with Workshop(demo_path) as ws:
        first = ws.notes.next_position(SESSION)
        rows = [
            {
                "id": new_id("not"),
                "session_id": SESSION,
                "kind": KINDS[i % len(KINDS)],
                "text": f"Extra point {i} on the water budget",
                "action_owner": "Ministry of Water" if i % len(KINDS) == 2 else "",
                "position": first + i,
            }
            for i in range(EXTRA_NOTES)
        ]
        rows[1]["text"] = "Extra point 1: Ms. Lestari proposed a water budget review"
        ws.rows.load([(Table.NOTES, rows)])
    return demo_path


@pytest.fixture
def alive(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many notes the store has made, and the most alive at any one time."""
    seen = {"made": 0, "alive": 0, "most": 0}

    class Counted(Note):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            seen["made"] += 1
            seen["alive"] += 1
            seen["most"] = max(seen["most"], seen["alive"])

        def __del__(self) -> None:
            seen["alive"] -= 1

    monkeypatch.setattr(report_store, "Note", Counted)
    return seen


@pytest.mark.parametrize("anonymous", [False, True])
def test_the_report_holds_one_step_of_notes_at_a_time(
    many_notes: Path, tmp_path: Path, alive: dict[str, int], anonymous: bool
) -> None:
    out = tmp_path / "report.pdf"
    run_export("report", many_notes, out, ExportOptions(anonymous=anonymous, redact=True))
    text = _text(out)
    # Every note is printed (the last one too), recommendations and actions twice…
    assert f"Extra point {EXTRA_NOTES - 1} on the water budget" in text
    assert text.count(f"Extra point {EXTRA_NOTES - 4} on the water budget") == 2  # an action
    assert alive["made"] > EXTRA_NOTES
    # …but never more than about one step of them alive at once.
    assert alive["most"] <= outcome.NOTES_PER_STEP + 10, alive
    assert alive["alive"] == 0


def test_an_anonymous_report_scans_each_note_once_and_prints_the_decision_everywhere(
    many_notes: Path, tmp_path: Path
) -> None:
    with Workshop(many_notes, read_only=True) as ws:
        found = ws.report.load_report(anonymous=True).privacy
    ours = [f for f in found if "Extra point 1:" in f.snippet]
    assert len(ours) == 1 and "Lestari" in ours[0].hit.text  # once, though it prints twice
    out = tmp_path / "report.pdf"
    run_export("report", many_notes, out, ExportOptions(anonymous=True, redact=True))
    text = _text(out)
    assert "Lestari" not in text
    # the recommendation, with its name withheld, in the session and in Recommendations
    assert text.count("proposed a water budget review") == 2


def test_a_note_written_while_the_report_is_laid_out_waits_for_the_next_report(
    many_notes: Path, tmp_path: Path
) -> None:
    """The notes are read during layout; the report reads the file as it was when it began,
    so its counts, numbers and notes agree though the app writes meanwhile."""
    out = tmp_path / "report.pdf"
    written: list[str] = []

    def progress(fraction: float) -> None:
        if fraction > 0.15 and not written:  # laying out: the app records a note
            with Workshop(many_notes) as app:
                row = {
                    "session_id": SESSION,
                    "kind": "recommendation",
                    "text": "Late recommendation from the floor",
                    "position": 0,  # the first of its session: every number would move
                }
                written.append(app.rows.insert(Table.NOTES, row))

    with Workshop(many_notes, read_only=True) as ws:
        count = len(ws.report.load_report().recommendations)
        export_report(ws, out, ExportOptions(), progress)
    assert written
    text = _text(out)
    assert "Late recommendation from the floor" not in text
    assert f"{count} recommendations, numbered" in text
    assert f"R{count}." in text and f"R{count + 1}." not in text
    with Workshop(many_notes, read_only=True) as ws:
        assert len(ws.report.load_report().recommendations) == count + 1


def test_the_file_is_written_as_it_is_formatted_with_reportlabs_own_bytes(
    tmp_path: Path,
) -> None:
    """The report's canvas writes each PDF object to the file as it is formatted, instead
    of holding the whole file (twice) in memory at the end; the bytes are reportlab's."""
    from reportlab.pdfgen.canvas import Canvas

    def drawn(target: Any) -> Canvas:
        c = Canvas(target, invariant=1, pageCompression=1)
        for page in range(30):
            c.drawString(72, 720, f"Page {page} of the report")
            c.bookmarkPage(f"p{page}")
            c.addOutlineEntry(f"Heading {page}", f"p{page}")
            c.showPage()
        return c

    plain = drawn(str(tmp_path / "plain.pdf"))
    plain.save()
    streamed = tmp_path / "streamed.pdf"
    written: list[int] = []
    with open(streamed, "wb") as out:
        c = drawn(out)

        def write(data: bytes) -> int:
            written.append(len(data))
            return out.write(data)

        outcome._save_streamed(c._doc, SimpleNamespace(write=write), c)  # type: ignore[arg-type]
    assert streamed.read_bytes() == (tmp_path / "plain.pdf").read_bytes()
    assert len(written) > 60 and max(written) < len(streamed.read_bytes()) / 5
