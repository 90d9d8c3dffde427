"""The workshop file: creation, upgrade, refusal of bad files, storage errors, backups."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from facilitator.edits.base import DeleteRows, InsertRow, SetFields, push
from facilitator.store import backups
from facilitator.store.database import Workshop, check_workshop
from facilitator.store.errors import (
    CorruptWorkshopError,
    NewerWorkshopError,
    NotAWorkshopError,
    ReadOnlyWorkshopError,
    StorageError,
)
from facilitator.store.schema import APPLICATION_ID, schema_version
from facilitator.store.tables import MERGEABLE_TABLES, Table


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_schema_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    with Workshop(path) as ws:
        assert ws.info.version() == schema_version()
        assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        ws_id = ws.info.details()["id"]
        ws.rows.update(Table.WORKSHOP, ws_id, {"title": "Bishkek workshop"})
    with Workshop(path) as ws:
        assert ws.info.details()["title"] == "Bishkek workshop"
        assert ws.info.details()["id"] == ws_id
        assert set(MERGEABLE_TABLES) <= set(ws.db.table_names())


def test_every_mergeable_row_has_id_and_stamps(tmp_path: Path) -> None:
    with Workshop(tmp_path / "w.workshop") as ws:
        for table in MERGEABLE_TABLES:
            cols = ws.db[table].columns_dict
            assert cols["id"] is str, table
            assert {"created", "updated"} <= set(cols), table


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.workshop"
    path.write_text("name,organisation\nA,B\n")
    before = digest(path)
    with pytest.raises(NotAWorkshopError, match="not an SQLite database"):
        Workshop(path)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE cars (id INTEGER PRIMARY KEY, make TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotAWorkshopError, match="not a Facilitator workshop"):
        Workshop(path)
    assert digest(path) == before


def test_newer_format_is_refused_and_untouched(demo_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    con.execute(f"PRAGMA user_version = {schema_version() + 1}")
    con.commit()
    con.close()
    before = digest(demo_path)
    with pytest.raises(NewerWorkshopError, match="newer version of Facilitator"):
        Workshop(demo_path)
    assert digest(demo_path) == before


def test_corrupt_file_is_refused_and_untouched(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    # Keep the SQLite header, wreck the pages that hold the schema and tables.
    for i in range(100, len(data), 7):
        data[i] = 0xA5
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    with pytest.raises(CorruptWorkshopError) as info:
        Workshop(demo_path)
    assert str(demo_path) in info.value.user_message()
    assert "Restore from backup" in info.value.user_message()
    assert digest(demo_path) == before


def test_file_open_elsewhere_opens_read_only(demo_path: Path) -> None:
    with Workshop(demo_path) as first:
        with Workshop(demo_path) as second:
            assert not first.read_only
            assert second.read_only
            assert "already open" in second.open_result.reason
            assert second.info.details()["title"] == first.info.details()["title"]
            with pytest.raises(ReadOnlyWorkshopError):
                second.rows.update(Table.WORKSHOP, second.info.details()["id"], {"title": "x"})
    with Workshop(demo_path) as again:
        assert not again.read_only  # the lock went with the first window


def test_read_only_file_opens_read_only_and_untouched(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.store.database as database

    real_access = database.os.access
    monkeypatch.setattr(
        database.os,
        "access",
        lambda p, mode: False if Path(p) == demo_path else real_access(p, mode),
    )
    before = digest(demo_path)
    with Workshop(demo_path) as ws:
        assert ws.read_only
        assert "read-only" in ws.open_result.reason
        assert ws.db["people"].count == 36
    assert digest(demo_path) == before


def test_disk_full_rolls_back_and_says_so(workshop: Workshop) -> None:
    people_before = workshop.db["people"].count
    pages = workshop.db.execute("PRAGMA page_count").fetchone()[0]
    workshop.db.execute(f"PRAGMA max_page_count = {pages}")
    big = "x" * 200_000
    with pytest.raises(StorageError, match="disk is full"):
        with workshop.operation():
            db = workshop.db
            db["people"].insert({"id": "p1", "name": "A", "created": "t", "updated": "t"})
            db["people"].insert({"id": "p2", "name": big, "created": "t", "updated": "t"})
    assert workshop.db["people"].count == people_before


def test_undo_redo_of_field_edit_and_typing_merges(workshop: Workshop) -> None:
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    ws_id = workshop.info.details()["id"]
    original = workshop.info.details()["title"]
    for text in ("D", "Da", "Day"):
        push(stack, SetFields(workshop, "workshop", ws_id, {"title": text}, merge=True))
    assert stack.count() == 1
    assert workshop.info.details()["title"] == "Day"
    stack.undo()
    assert workshop.info.details()["title"] == original
    stack.redo()
    assert workshop.info.details()["title"] == "Day"


def test_delete_with_cascade_is_undone_completely(workshop: Workshop) -> None:
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    session = next(
        workshop.db.query(
            "SELECT session_id AS id, count(*) AS n FROM notes GROUP BY session_id "
            "ORDER BY n DESC LIMIT 1"
        )
    )
    notes_before = workshop.db["notes"].count
    push(stack, DeleteRows(workshop, "sessions", [session["id"]]))
    assert workshop.rows.get(Table.SESSIONS, session["id"]) is None
    assert workshop.db["notes"].count == notes_before - session["n"]
    assert workshop.db["tombstones"].count >= 1 + session["n"]
    stack.undo()
    assert workshop.rows.get(Table.SESSIONS, session["id"]) is not None
    assert workshop.db["notes"].count == notes_before
    assert workshop.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_failed_edit_pushes_nothing(workshop: Workshop) -> None:
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    bad = InsertRow(workshop, "sessions", {"day_id": "no-such-day", "title": "Orphan"})
    with pytest.raises(StorageError):
        push(stack, bad)
    assert stack.count() == 0
    assert workshop.db["sessions"].count == 20


def test_backups_roll_and_restore(workshop: Workshop) -> None:
    ws_id = workshop.info.details()["id"]
    first = backups.take_backup(workshop.db.conn, workshop.path, keep=3)
    workshop.rows.update(Table.WORKSHOP, ws_id, {"title": "Changed after backup"})
    for _ in range(4):
        backups.take_backup(workshop.db.conn, workshop.path, keep=3)
    found = backups.list_backups(workshop.path)
    assert len(found) == 3
    assert first.path not in [b.path for b in found]
    kept = backups.take_backup(workshop.db.conn, workshop.path, keep=3)
    workshop.rows.update(Table.WORKSHOP, ws_id, {"title": "Later edit"})
    backups.restore_backup(kept, workshop.db.conn)
    assert workshop.info.details()["title"] == "Changed after backup"
    ok, lines = check_workshop(kept.path)
    assert ok, lines


def test_check_command_reports_and_fails_on_bad_files(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from facilitator.cli import main

    assert main(["check", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert f"format version: {schema_version()}" in out
    assert "integrity: ok" in out
    assert "people: 36" in out
    bad = tmp_path / "bad.workshop"
    bad.write_text("not a database")
    assert main(["check", str(bad)]) == 1
    assert "not an SQLite database" in capsys.readouterr().out


def test_demo_workshop_is_realistic(workshop: Workshop) -> None:
    db = workshop.db
    assert 30 <= db["people"].count <= 40
    countries = {
        r[0]
        for r in db.execute("SELECT DISTINCT country FROM people WHERE country != 'International'")
    }
    assert len(countries) == 8
    names = " ".join(r[0] for r in db.execute("SELECT name FROM people"))
    for sample in ("Жумабаева", "Nguyễn", "สมชาย", "សុខ"):
        assert sample in names
    assert 15 <= db["sessions"].count <= 20
    kinds = {r[0] for r in db.execute("SELECT DISTINCT kind FROM sessions")}
    assert {"break", "plenary", "panel", "country", "group"} <= kinds
    assert db["exercises"].count == 2 and db["exercise_prompts"].count >= 6
    for kind in ("recommendation", "action_item", "quote"):
        assert db.execute("SELECT count(*) FROM notes WHERE kind = ?", [kind]).fetchone()[0]
    assert db["attendance"].count > 0


def test_large_demo_meets_stress_sizes(tmp_path: Path) -> None:
    from facilitator.interchange.demo import write_demo

    path = write_demo(tmp_path / "large.workshop", size="large")
    with Workshop(path, read_only=True) as ws:
        assert ws.db["people"].count >= 500
        assert ws.db["sessions"].count >= 150
        assert ws.db["teams"].count >= 40
        assert ws.db["notes"].count >= 20_000


@pytest.mark.parametrize(
    ("damage", "missing"),
    [
        ("DROP TABLE team_constraints", "table team_constraints"),
        ("ALTER TABLE people DROP COLUMN phone", "column people.phone"),
    ],
)
def test_a_workshop_missing_a_table_or_column_is_refused_untouched(
    demo_path: Path, damage: str, missing: str
) -> None:
    con = sqlite3.connect(demo_path)
    con.execute(damage)
    con.commit()
    con.close()
    before = digest(demo_path)
    with pytest.raises(CorruptWorkshopError) as info:
        Workshop(demo_path)
    message = info.value.user_message()
    assert str(demo_path) in message and missing in message
    assert "Traceback" not in message
    assert digest(demo_path) == before
    wal = Path(str(demo_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite's reader file, nothing written
    ok, lines = check_workshop(demo_path)
    assert not ok and missing in lines[0]
    assert digest(demo_path) == before


def _refuse_shared_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """What SQLite does in a folder it cannot write: it cannot make the WAL's -shm file."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if kwargs.get("uri") and "mode=ro" in str(database) and "immutable=1" not in database:
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_check_in_a_read_only_folder_reports_instead_of_failing(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from facilitator.cli import main

    with Workshop(demo_path) as ws:  # leave it in WAL mode with a -wal file, as in use
        ws.rows.update(Table.SESSIONS, "ses_demo001", {"title": "Edited"})
        ws.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    before = digest(demo_path)
    _refuse_shared_memory(monkeypatch)
    monkeypatch.setattr("os.access", lambda path, mode: False)
    assert main(["check", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and "read-only" in out and "Traceback" not in out
    assert digest(demo_path) == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root ignores folder permissions; the simulated test above covers it",
)
def test_check_in_a_really_read_only_folder(demo_path: Path, capsys: pytest.CaptureFixture) -> None:
    from facilitator.cli import main

    folder = demo_path.parent
    folder.chmod(0o555)
    try:
        assert main(["check", str(demo_path)]) == 0
        assert "read-only" in capsys.readouterr().out
    finally:
        folder.chmod(0o755)
