"""The bulk loader (the demo and stress workshops): fast, and the file as if row by row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.rows import RowStore
from facilitator.store.search import SearchFilter
from facilitator.store.tables import Table

pytestmark = pytest.mark.usefixtures("qapp")


def schema(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'notes' ORDER BY name"
        ).fetchall()
    finally:
        con.close()


def notes(n: int, start: int = 0, text: str = "bulk loaded point") -> list[dict]:
    return [
        {"id": f"not_bulk{i:04d}", "session_id": "ses_demo001", "text": f"{text} {i}"}
        for i in range(start, start + n)
    ]


def test_a_bulk_load_is_searchable_and_keeps_indexes_and_triggers(
    workshop: Workshop, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RowStore, "BULK_OVER", 10)
    before = schema(demo_path)
    workshop.rows.load([(Table.NOTES, notes(40))])
    assert schema(demo_path) == before  # the same indexes and triggers, made again
    found = workshop.notes.search(SearchFilter(text="bulk loaded"))
    assert len(found) == 40
    # the insert trigger is back: a note added afterwards is found too
    workshop.rows.insert(Table.NOTES, {"session_id": "ses_demo001", "text": "quinoa later"})
    assert [r["text"] for r in workshop.notes.search(SearchFilter(text="quinoa"))] == [
        "quinoa later"
    ]
    # a second bulk load indexes only its own rows (no duplicates in the index)
    workshop.rows.load([(Table.NOTES, notes(20, start=40))])
    assert len(workshop.notes.search(SearchFilter(text="bulk loaded"))) == 60
    con = sqlite3.connect(demo_path)
    try:
        con.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_a_failed_bulk_load_leaves_the_file_as_it_was(
    workshop: Workshop, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RowStore, "BULK_OVER", 10)
    before = schema(demo_path)
    count = workshop.db["notes"].count
    rows = notes(30)
    rows[-1]["session_id"] = "ses_nowhere"  # a foreign key that fails on the last row
    with pytest.raises(WorkshopError):
        workshop.rows.load([(Table.NOTES, rows)])
    assert workshop.db["notes"].count == count
    assert schema(demo_path) == before
    assert not workshop.notes.search(SearchFilter(text="bulk loaded"))
