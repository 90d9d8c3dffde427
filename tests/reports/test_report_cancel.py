"""Cancel during the outcome report stops it within a step, and the notes are read in steps.

A huge workshop's report reads (and scans for names) hundreds of thousands of notes before
it lays anything out. The reading reports progress every ``NOTES_PER_STEP`` notes, and a
job's Cancel raises from there, so Cancel waits for at most one step of notes, not for the
whole scan. What the steps keep alive is left out of the garbage collector's walks while
the report runs (``reports/heap.py``) and handed back afterwards.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from facilitator.domain.privacy import PrivacyEngine
from facilitator.exports import ExportOptions, run_export
from facilitator.reports.heap import long_lived
from facilitator.reports.outcome import export_report
from facilitator.store import report as report_store
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.report import NOTES_PER_STEP
from facilitator.store.tables import Table

EXTRA_NOTES = 3000


class Stop(Exception):
    """What a job's Progress raises once the user pressed Cancel."""


@pytest.fixture
def many_notes(demo_path: Path) -> Path:
    """The demo workshop with 3,000 more notes in its busiest session, a few naming people."""
    with Workshop(demo_path) as ws:
        session = "ses_demo104"  # the demo's busiest session
        first = ws.notes.next_position(session)
        ws.rows.load(
            [
                (
                    Table.NOTES,
                    [
                        {
                            "id": new_id("not"),
                            "session_id": session,
                            "text": f"Point {i}: Ms. Lestari asked about the water budget"
                            if i % 500 == 0
                            else f"Point {i}: the water budget was discussed with partners",
                            "position": first + i,
                        }
                        for i in range(EXTRA_NOTES)
                    ],
                )
            ]
        )
    return demo_path


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the privacy engine scans, in order."""
    seen: list[str] = []
    find = PrivacyEngine.find

    def counting(self: PrivacyEngine, text: str) -> list:
        seen.append(text)
        return find(self, text)

    monkeypatch.setattr(PrivacyEngine, "find", counting)
    return seen


def test_cancel_while_the_notes_are_read_stops_within_one_step(
    many_notes: Path, tmp_path: Path, scans: list[str]
) -> None:
    out = tmp_path / "report.pdf"
    cancelled_at: list[int] = []

    def progress(fraction: float) -> None:
        if fraction > 0 and not cancelled_at:
            cancelled_at.append(len(scans))  # the user presses Cancel now
        if cancelled_at:
            raise Stop()

    with pytest.raises(Stop):
        run_export("report", many_notes, out, ExportOptions(anonymous=True), progress)
    notes_scanned = [t for t in scans if t.startswith("Point ")]
    assert 0 < len(notes_scanned) < EXTRA_NOTES  # it was cancelled half-way…
    assert len(scans) - cancelled_at[0] == 0  # …and scanned nothing after Cancel
    assert len(notes_scanned) <= 2 * NOTES_PER_STEP  # Cancel waited for one step at most
    assert not out.exists()
    assert gc.get_freeze_count() == 0  # the collector has everything back


def test_cancel_while_the_notes_are_sorted_stops_the_query(
    many_notes: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes come back sorted: SQLite sorts all of them before the first (1-3 s on the
    huge workshop). The query asks whether to go on every QUERY_STEPS instructions."""
    monkeypatch.setattr(report_store, "QUERY_STEPS", 1_000)  # this workshop sorts quickly
    asked: list[float] = []

    def progress(fraction: float) -> None:
        asked.append(fraction)
        raise Stop()  # Cancel was pressed before the first note came back

    with Workshop(many_notes, read_only=True) as ws:
        with pytest.raises(Stop):
            ws.report.load_report(anonymous=True, progress=progress)
        assert asked == [0.0]
        assert not [t for t in scans if t.startswith("Point ")]  # no note was scanned
        again = ws.report.load_report(anonymous=True)  # the connection is fine afterwards
    assert sum(len(ns) for d in again.days for s in d.sessions for ns in s.notes.values()) > (
        EXTRA_NOTES
    )


def test_reading_in_steps_reports_progress_and_finds_the_same(many_notes: Path) -> None:
    with Workshop(many_notes, read_only=True) as ws:
        whole = ws.report.load_report(anonymous=True)
        seen: list[float] = []
        stepped = ws.report.load_report(anonymous=True, progress=seen.append)
        # the notes are read from the file when iterated, while it is open
        texts = [
            n.text for d in stepped.days for s in d.sessions for ns in s.notes.values() for n in ns
        ]
        assert texts == [
            n.text for d in whole.days for s in d.sessions for ns in s.notes.values() for n in ns
        ]
    assert len(seen) >= EXTRA_NOTES // NOTES_PER_STEP
    assert seen == sorted(seen) and seen[0] >= 0 and 0.9 < seen[-1] <= 1.0
    assert [(f.key, f.printed, f.snippet) for f in stepped.privacy] == [
        (f.key, f.printed, f.snippet) for f in whole.privacy
    ]
    assert sum("Lestari" in f.hit.text for f in stepped.privacy) >= EXTRA_NOTES // 500
    assert len(texts) > EXTRA_NOTES
    assert not any("Lestari" in t for t in texts)  # withheld, as before


def test_cancel_during_layout_leaves_no_file_and_keeps_the_old_one(
    many_notes: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"%PDF-1.4 the report of last week")
    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        if fraction > 0.15:  # laying out: Cancel
            raise Stop()

    with Workshop(many_notes, read_only=True) as ws, pytest.raises(Stop):
        export_report(ws, out, ExportOptions(anonymous=True), progress)
    assert calls[-1] > 0.15 and calls[-1] < 1.0
    assert out.read_bytes() == b"%PDF-1.4 the report of last week"
    assert not list(tmp_path.glob("*.tmp*"))
    assert gc.get_freeze_count() == 0


def test_what_the_report_keeps_is_out_of_the_collectors_walks_until_the_last_is_done() -> None:
    assert gc.get_freeze_count() == 0
    with long_lived() as keep:
        notes = [{"text": f"note {i}"} for i in range(1000)]
        keep()
        assert gc.get_freeze_count() >= len(notes)
        with long_lived():  # a second report at the same time
            pass
        assert gc.get_freeze_count() >= len(notes)  # still kept while the first runs
    assert gc.get_freeze_count() == 0
    del notes
