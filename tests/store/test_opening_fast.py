"""Opening stays quick at any size, and still never works on a damaged file.

A file up to date is opened without writing to it and without loading sqlite-utils; a large
file's integrity check runs in a background thread, and a damage it finds refuses every
write (and is announced on ``hub.damaged``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.store import database
from facilitator.store.database import (
    Workshop,
    expected_schema,
    inspect_file,
    missing_schema,
    schema_fingerprint,
)
from facilitator.store.errors import CorruptWorkshopError
from facilitator.store.schema import SCHEMA_FINGERPRINTS, schema_version
from facilitator.store.tables import Table

pytestmark = pytest.mark.usefixtures("qapp")
ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_an_index(path: Path) -> None:
    """Wreck the pages of one index: the workshop still reads, the integrity check fails."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='notes_session'").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    at = (root[0] - 1) * page
    for i in range(at + 8, at + page, 3):
        data[i] = 0x5A
    path.write_bytes(bytes(data))


def test_the_current_format_has_its_fingerprint() -> None:
    version = schema_version()
    found = schema_fingerprint(expected_schema(version))
    assert SCHEMA_FINGERPRINTS.get(version) == found, (
        f"after a new migration, set SCHEMA_FINGERPRINTS[{version}] = {found!r} in "
        "facilitator/store/schema.py (opening a file then skips building its schema)"
    )


def test_the_fingerprint_only_speeds_up_the_comparison(demo_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    try:
        assert missing_schema(con, schema_version()) == []  # the fingerprint matches
        # an extra table of someone's own: the fingerprint differs, nothing is missing
        con.execute("CREATE TABLE my_notes (x TEXT)")
        assert missing_schema(con, schema_version()) == []
        con.execute("ALTER TABLE people DROP COLUMN phone")
        assert missing_schema(con, schema_version()) == ["column people.phone"]
    finally:
        con.close()


def test_opening_an_up_to_date_file_writes_nothing(demo_path: Path) -> None:
    Workshop(demo_path).close()  # once, as the app leaves it
    before = digest(demo_path)
    ws = Workshop(demo_path)
    assert ws.info.details()["title"]
    ws.close()
    assert digest(demo_path) == before


def test_opening_does_not_load_sqlite_utils(demo_path: Path) -> None:
    """Loading it is a quarter of the start-up time; a store loads it when it needs it."""
    code = (
        "import sys\n"
        "from facilitator.store.database import Workshop\n"
        f"ws = Workshop({str(demo_path)!r})\n"
        "title = ws.info.details()['title']\n"
        "zone = ws.agenda.timezone()\n"
        "print('sqlite_utils' in sys.modules, bool(title), zone)\n"
        "ws.people.people()\n"
        "print('sqlite_utils' in sys.modules)\n"
        "ws.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True", "Asia/Bangkok", "True"]


def test_a_large_damaged_file_opens_but_refuses_every_write(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:  # noqa: ANN001
    damage_an_index(demo_path)
    with pytest.raises(CorruptWorkshopError):  # small: refused before it opens, as ever
        Workshop(demo_path)
    monkeypatch.setattr(database, "CHECK_NOW_BYTES", 0)  # as if it were large
    before = digest(demo_path)
    ws = Workshop(demo_path)
    try:
        assert ws.integrity is not None
        with qtbot.waitSignal(ws.hub.damaged, timeout=10_000) as seen:
            pass
        error = seen.args[0]
        assert isinstance(error, CorruptWorkshopError)
        assert str(demo_path) in error.user_message()
        assert "integrity check" in error.user_message()
        row = ws.info.details()
        with pytest.raises(CorruptWorkshopError):
            ws.rows.update(Table.WORKSHOP, row["id"], {"title": "Changed"})
    finally:
        ws.close()
    assert digest(demo_path) == before


def test_a_large_intact_file_is_checked_after_it_opens(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "CHECK_NOW_BYTES", 0)
    assert not inspect_file(demo_path, integrity=False).checked
    ws = Workshop(demo_path)
    try:
        assert ws.integrity is not None
        row = ws.info.details()
        ws.rows.update(Table.WORKSHOP, row["id"], {"title": "Checked, then changed"})
        assert ws.integrity.done and ws.integrity.error is None
        assert ws.info.details()["title"] == "Checked, then changed"
    finally:
        ws.close()


def test_closing_during_the_check_does_not_wait_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.interchange.demo import write_demo

    path = write_demo(tmp_path / "large.workshop", size="large")
    monkeypatch.setattr(database, "CHECK_NOW_BYTES", 0)
    ws = Workshop(path)
    ws.close()  # interrupts the check instead of waiting for it
    assert ws.integrity is not None and ws.integrity.done and ws.integrity.error is None
    Workshop(path).close()  # and the file is fine
