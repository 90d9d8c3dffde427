"""Merging copies of a workshop: nothing duplicated, nothing lost, idempotent, conflicts kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.interchange.demo import write_demo
from facilitator.store import notes as store
from facilitator.store.database import Workshop
from facilitator.store.errors import NotAWorkshopError
from facilitator.store.merge import MergeError, merge_files, merge_into
from facilitator.store.tables import Table


@pytest.fixture
def copies(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    other = tmp_path / "laptop-b.workshop"
    shutil.copy(demo_path, other)
    return demo_path, other


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    tables = ["notes", "summaries", "attendance", "sessions", "people", "tombstones"]
    out = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    con.close()
    return out


def _add_note(ws: Workshop, text: str, **values) -> str:  # noqa: ANN003
    values.setdefault("session_id", "ses_demo001")
    row = store.new_note_row(text=text, **values)
    return ws.notes.add_note(row)


def test_new_notes_from_both_sides_are_merged_once(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(a) as wa:
        mine = _add_note(wa, "Written on laptop A")
    with Workshop(b) as wb:
        theirs = _add_note(wb, "Written on laptop B in team 2", team_id="tea_demo01")
        wb.rows.insert(
            Table.SUMMARIES, {"session_id": "ses_demo001", "team_id": "tea_demo01", "text": "B"}
        )
    report = merge_files(a, b)
    assert report.added == {"notes": 1, "summaries": 1}
    assert "added: 1 note, 1 summary" in "\n".join(report.lines())
    with Workshop(a) as wa:
        assert wa.rows.get(Table.NOTES, mine)["text"] == "Written on laptop A"
        assert wa.rows.get(Table.NOTES, theirs)["team_id"] == "tea_demo01"
        # FTS follows the merged rows: the new note is searchable.
        hits = wa.db.execute(
            "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'laptop'"
        ).fetchone()[0]
        assert hits == 2


def test_merging_the_same_copy_twice_changes_nothing(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(b) as wb:
        _add_note(wb, "New")
        note = wb.rows.get(Table.NOTES, "not_ses_demo001_0")
        wb.rows.update(Table.NOTES, note["id"], {"text": "edited in B"})
        wb.rows.delete(Table.NOTES, ["not_ses_demo001_1"])
    with Workshop(a) as wa:
        wa.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "edited in A"})
    first = merge_files(a, b)
    assert first.changes > 0
    after_first = _snapshot(a)
    second = merge_files(a, b)
    assert second.changes == 0
    assert second.lines()[0].startswith("Nothing new")
    assert _snapshot(a) == after_first
    merges = sqlite3.connect(a).execute("SELECT count(*) FROM merges").fetchone()[0]
    assert merges == 1


def test_edit_on_one_side_wins_over_the_unchanged_side(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(b) as wb:
        wb.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "better wording", "starred": 0})
    report = merge_files(a, b)
    assert report.updated == {"notes": 1}
    assert not report.conflicts
    with Workshop(a) as wa:
        assert wa.rows.get(Table.NOTES, "not_ses_demo001_0")["text"] == "better wording"
    # The other direction: B is already newest; A's older version does not come back.
    assert merge_files(b, a).changes == 0


def test_both_sides_changed_keeps_both_and_flags_them(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(a) as wa:
        wa.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "A's version"})
    with Workshop(b) as wb:
        wb.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "B's version"})
    report = merge_files(a, b)
    assert report.conflicts == {"notes": 1}
    with Workshop(a) as wa:
        assert wa.rows.get(Table.NOTES, "not_ses_demo001_0")["text"] == "A's version"
        found = wa.notes.conflicts()
        assert len(found) == 1
        table, original, alternative = found[0]
        assert table == "notes" and original["id"] == "not_ses_demo001_0"
        assert alternative["text"] == "B's version"
        assert alternative["conflict_of"] == "not_ses_demo001_0"
    # A second merge does not flag it again.
    assert merge_files(a, b).changes == 0


@pytest.mark.parametrize("keep", ["mine", "other", "both"])
def test_a_resolved_conflict_stays_resolved(copies: tuple[Path, Path], keep: str, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    from facilitator.edits import capture as commands
    from facilitator.edits.base import push

    a, b = copies
    with Workshop(a) as wa:
        wa.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "A's version"})
    with Workshop(b) as wb:
        wb.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "B's version"})
    merge_files(a, b)
    with Workshop(a) as wa:
        ((table, original, alternative),) = wa.notes.conflicts()
        push(QUndoStack(), commands.resolve_conflict(wa, table, original, alternative, keep))
        assert wa.notes.conflict_count() == 0
        expected = {"mine": ["A's version"], "other": ["B's version"]}.get(
            keep, ["A's version", "B's version"]
        )
        texts = [
            r["text"] for r in wa.db.query("SELECT text FROM notes WHERE text LIKE '%version'")
        ]
        assert sorted(texts) == sorted(expected)
    assert merge_files(a, b).changes == 0
    with Workshop(a) as wa:
        assert wa.notes.conflict_count() == 0
    # B then takes A's resolution without a conflict.
    back = merge_files(b, a)
    assert not back.conflicts
    with Workshop(b) as wb:
        assert wb.rows.get(Table.NOTES, "not_ses_demo001_0")["text"] == expected[0]


def test_deletions_travel_but_never_resurrect(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(a) as wa:
        wa.rows.delete(Table.NOTES, ["not_ses_demo001_2"])  # deleted here after the copy
        wa.rows.update(Table.NOTES, "not_ses_demo001_4", {"text": "edited here later"})
    with Workshop(b) as wb:
        wb.rows.delete(Table.NOTES, ["not_ses_demo001_3"])  # deleted there
        wb.rows.delete(Table.NOTES, ["not_ses_demo001_4"])  # deleted there, but edited here later
    # The deletion in B happened after A's edit? No: make B's deletion older than A's edit.
    con = sqlite3.connect(b)
    con.execute(
        "UPDATE tombstones SET deleted = '2000-01-01T00:00:00.000000Z' "
        "WHERE row_id = 'not_ses_demo001_4'"
    )
    con.commit()
    con.close()
    report = merge_files(a, b)
    with Workshop(a) as wa:
        assert wa.rows.get(Table.NOTES, "not_ses_demo001_2") is None  # not brought back
        assert wa.rows.get(Table.NOTES, "not_ses_demo001_3") is None  # deleted as in B
        assert wa.rows.get(Table.NOTES, "not_ses_demo001_4")["text"] == "edited here later"
    assert report.deleted == {"notes": 1}
    assert report.kept_edited == {"notes": 1}
    assert merge_files(a, b).changes == 0
    # and the other way round, A's deletion reaches B
    merge_files(b, a)
    with Workshop(b) as wb:
        assert wb.rows.get(Table.NOTES, "not_ses_demo001_2") is None


def test_attendance_checked_in_on_both_laptops_is_not_duplicated(
    copies: tuple[Path, Path],
) -> None:
    a, b = copies
    row = {"person_id": "per_demo000", "day_id": "day_demo2", "slot": "am"}
    with Workshop(a) as wa:
        wa.rows.insert(Table.ATTENDANCE, dict(row, checked_in_at="2026-03-12T08:30:00"))
    with Workshop(b) as wb:
        wb.rows.insert(Table.ATTENDANCE, dict(row, checked_in_at="2026-03-12T08:31:00"))
        wb.rows.update(Table.SESSIONS, "ses_demo100", {"title": "Recap of day one (short)"})
    report = merge_files(a, b)
    assert report.updated.get("attendance") == 1
    assert report.updated.get("sessions") == 1
    with Workshop(a) as wa:
        rows = list(
            wa.db.query(
                "SELECT * FROM attendance WHERE person_id='per_demo000' AND day_id='day_demo2' "
                "AND slot='am'"
            )
        )
        assert len(rows) == 1 and rows[0]["checked_in_at"] == "2026-03-12T08:31:00"
        assert wa.rows.get(Table.SESSIONS, "ses_demo100")["title"] == "Recap of day one (short)"


def test_note_on_a_session_deleted_here_is_not_brought_back(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with Workshop(b) as wb:
        _add_note(wb, "late note", session_id="ses_demo205")
    with Workshop(a) as wa:
        wa.rows.delete(Table.SESSIONS, ["ses_demo205"])
    report = merge_files(a, b)
    assert report.skipped.get("notes", 0) >= 1
    con = sqlite3.connect(a)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM notes WHERE text='late note'").fetchone()[0] == 0


def test_another_workshop_is_refused_and_nothing_changes(demo_path: Path, tmp_path: Path) -> None:
    other = write_demo(tmp_path / "other.workshop")
    before = _snapshot(demo_path)
    with pytest.raises(MergeError) as info:
        merge_files(demo_path, other)
    assert "is not a copy of this workshop" in info.value.user_message()
    assert str(other) in info.value.user_message()
    assert _snapshot(demo_path) == before


def test_a_file_that_is_no_workshop_is_refused(demo_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "notes.workshop"
    junk.write_text("not a database")
    with pytest.raises(NotAWorkshopError):
        merge_files(demo_path, junk)
    with Workshop(demo_path) as ws, pytest.raises(MergeError, match="already open"):
        merge_into(ws, demo_path)


def test_cli_merge_reports_and_refuses(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = copies
    with Workshop(b) as wb:
        _add_note(wb, "from the CLI copy")
    assert main(["merge", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "added: 1 note" in out
    assert main(["merge", str(a), str(b)]) == 0
    assert "Nothing new" in capsys.readouterr().out
    other = write_demo(tmp_path / "different.workshop")
    assert main(["merge", str(a), str(other)]) == 1
    assert "not a copy of this workshop" in capsys.readouterr().err
