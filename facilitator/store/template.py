"""A workshop kept as a template (the bundled demo): written once, compacted, and copied
into new files that are each a workshop of their own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.store.errors import StorageError
from facilitator.store.ids import new_id
from facilitator.store.schema import APPLICATION_ID, schema_version


def is_current(data: bytes) -> bool:
    """Whether ``data`` (a template's bytes) is a workshop in this build's format: SQLite's
    header says the application and the format version (``user_version``)."""
    return (
        len(data) >= 100
        and data[:16] == b"SQLite format 3\x00"
        and int.from_bytes(data[68:72], "big") == APPLICATION_ID
        and int.from_bytes(data[60:64], "big") == schema_version()
    )


def write_copy(data: bytes, path: Path) -> None:
    """Write the template ``data`` to ``path`` as a new workshop: its rows as they are,
    with a workshop id of its own (so two copies are two workshops, which a merge tells
    apart). Nothing is left at ``path`` if it cannot be written."""
    try:
        path.write_bytes(data)
        con = sqlite3.connect(path)
        try:
            con.execute("PRAGMA synchronous=NORMAL")
            own = new_id("ws")
            with con:
                con.execute(
                    "UPDATE row_history SET row_id = ? WHERE table_name = 'workshop'", [own]
                )
                con.execute("UPDATE workshop SET id = ?", [own])
        finally:
            con.close()
    except (OSError, sqlite3.Error) as exc:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise StorageError(path, f"cannot be written: {exc}.") from exc


def compact(built: Path, out: Path) -> Path:
    """Write the closed workshop ``built`` to ``out`` as a template: one file, its free
    pages dropped, nothing in a log beside it."""
    out.unlink(missing_ok=True)
    con = sqlite3.connect(built)
    try:
        con.execute("VACUUM INTO ?", [str(out)])
    finally:
        con.close()
    con = sqlite3.connect(out)
    try:
        con.execute("PRAGMA journal_mode=WAL")  # as the app keeps a workshop
    finally:
        con.close()
    return out
