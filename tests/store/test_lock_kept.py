"""Looking at an open workshop again from this process (a read-only view for the report's
checks or preview, the file's inspection) keeps the open connection's locks: another
program opening and closing the file then leaves its log alone, and what the app writes
afterwards is in the file that other programs read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from facilitator.store.database import Workshop, inspect_file
from facilitator.store.tables import Table

OUTSIDE = (
    "import sqlite3, sys\n"
    "con = sqlite3.connect(sys.argv[1])\n"
    "print(con.execute(sys.argv[2]).fetchall())\n"
    "con.close()\n"
)


def _outside(path: Path, sql: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", OUTSIDE, str(path), sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_view_of_the_open_file_keeps_its_log_and_what_is_written_after(demo_path: Path) -> None:
    with Workshop(demo_path) as ws:
        session = ws.notes.sessions()[0]["id"]
        inspect_file(demo_path)
        Workshop(demo_path, read_only=True).close()  # as the Report area's jobs do
        _outside(demo_path, "SELECT count(*) FROM notes")  # another program, in and out
        wal = Path(str(demo_path) + "-wal")
        assert wal.exists()  # still the log the app writes to
        ws.rows.load([(Table.NOTES, [{"id": "not_after", "session_id": session, "text": "x"}])])
        seen = _outside(demo_path, "SELECT text FROM notes WHERE id = 'not_after'")
        assert seen.strip() == "[('x',)]"
