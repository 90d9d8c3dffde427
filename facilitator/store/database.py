"""Opening, checking and writing workshop files.

A workshop file is opened in three steps so that a bad file is never modified: inspect it
read-only (is it SQLite, is it ours, which format version, is it intact), then take the
single-writer lock, and only then open it for writing and apply pending migrations.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from sqlite_utils import Database

import facilitator.store.lean  # noqa: F401, I001 - must precede sqlite_utils
from facilitator.store.errors import (
    CorruptWorkshopError,
    NewerWorkshopError,
    NotAWorkshopError,
    ReadOnlyWorkshopError,
    StorageError,
    WorkshopError,
)
from facilitator.store.ids import new_id, now
from facilitator.store.schema import APPLICATION_ID, MERGEABLE_TABLES, migrations, schema_version

FILE_SUFFIX = ".workshop"


class ChangeHub(QObject):
    """Tells views which table changed and which ids, so each refreshes only what it shows."""

    changed = Signal(str, object)  # table name, frozenset of ids (empty = anything)
    reset = Signal()  # the whole file was replaced (restore from backup, merge)


@dataclass
class FileInfo:
    """What a read-only look at a file found."""

    path: Path
    exists: bool
    version: int = 0
    application_id: int = 0
    empty: bool = True
    writable: bool = True


@dataclass
class OpenResult:
    """How a workshop ended up open, with the reason when it is read-only."""

    read_only: bool = False
    reason: str = ""
    warnings: list[str] = field(default_factory=list)


def _ro_connect(path: Path, immutable: bool = False) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True)


def inspect_file(path: str | os.PathLike[str]) -> FileInfo:
    """Look at a file without changing it; raise a WorkshopError if it cannot be a workshop."""
    p = Path(path)
    if not p.exists():
        return FileInfo(p, exists=False, writable=os.access(p.parent or Path("."), os.W_OK))
    if p.is_dir():
        raise NotAWorkshopError(p, "is a folder, not a workshop file.")
    size = p.stat().st_size
    writable = os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)
    if size == 0:
        return FileInfo(p, exists=True, writable=writable)
    with open(p, "rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise NotAWorkshopError(
            p,
            "is not a workshop file (it is not an SQLite database).",
            "Choose a file with the .workshop extension made by Facilitator.",
        )
    try:
        try:
            con = _ro_connect(p)
            con.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            con = _ro_connect(p, immutable=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptWorkshopError(
            p,
            f"cannot be read: the file is damaged ({exc}).",
            "Use File ▸ Restore from backup… to bring back an earlier copy.",
        ) from exc
    if [r[0] for r in check] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in check[:3])
        raise CorruptWorkshopError(
            p,
            f"failed the integrity check ({detail}).",
            "Use File ▸ Restore from backup… to bring back an earlier copy.",
        )
    if app_id != APPLICATION_ID:
        if tables:
            raise NotAWorkshopError(
                p,
                "is an SQLite database, but not a Facilitator workshop.",
                "Choose a file with the .workshop extension made by Facilitator.",
            )
        return FileInfo(p, exists=True, writable=writable)
    if version > schema_version():
        raise NewerWorkshopError(
            p,
            f"was written by a newer version of Facilitator (file format {version}; "
            f"this version reads up to {schema_version()}).",
            "Update Facilitator to open it. The file has not been changed.",
        )
    return FileInfo(p, True, version, app_id, empty=False, writable=writable)


class Workshop:
    """One open workshop file: the database, its change signals and its write lock."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        lock: bool = True,
    ) -> None:
        self.path = Path(path).resolve()
        self.hub = ChangeHub()
        self.open_result = OpenResult()
        self._lock: QLockFile | None = None
        info = inspect_file(self.path)
        if not info.exists and (read_only or not self.path.parent.is_dir()):
            raise WorkshopError(self.path, "does not exist.")
        if not info.exists and not info.writable:
            raise StorageError(self.path, "cannot be created: the folder is not writable.")
        reason = ""
        if read_only:
            reason = "opened for viewing only"
        elif info.exists and not info.writable:
            reason = "the file or its folder is read-only"
        elif lock:
            self._lock = QLockFile(str(self.path) + ".lock")
            self._lock.setStaleLockTime(0)
            if not self._lock.tryLock(0):
                self._lock = None
                reason = "it is already open in another Facilitator window"
        if reason:
            if not info.exists or info.empty:
                raise WorkshopError(self.path, f"cannot be opened: {reason}.")
            if info.version < schema_version():
                raise WorkshopError(
                    self.path,
                    f"cannot be opened: {reason}, and it needs an upgrade to the current format.",
                )
            self.read_only = True
            self.open_result = OpenResult(True, reason)
            try:
                con = _ro_connect(self.path)
                con.execute("PRAGMA schema_version").fetchone()
            except sqlite3.OperationalError:
                con = _ro_connect(self.path, immutable=True)
            self.db = Database(con, execute_plugins=False)
            return
        self.read_only = False
        try:
            self.db = Database(str(self.path), execute_plugins=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=5000")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrations.apply(self.db)
            self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self.db.execute(f"PRAGMA user_version={schema_version()}")
            if not self.db["workshop"].count:
                stamp = now()
                with self.db.atomic():
                    self.db["workshop"].insert(
                        {
                            "id": new_id("ws"),
                            "title": self.path.stem,
                            "created": stamp,
                            "updated": stamp,
                        }
                    )
        except sqlite3.DatabaseError as exc:
            self.close()
            raise _storage_error(self.path, exc) from exc

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            try:
                if not self.read_only:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.conn.close()
            except sqlite3.Error:
                pass
            self.db = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def __enter__(self) -> Workshop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic write; a failure (disk full, read-only) rolls back and raises StorageError."""
        if self.read_only:
            raise ReadOnlyWorkshopError(
                self.path, f"is open read-only ({self.open_result.reason}); edits are disabled."
            )
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.path, exc) from exc

    def notify(self, table: str, ids: Any = ()) -> None:
        self.hub.changed.emit(table, frozenset(ids))

    # -- generic row helpers used by every store -------------------------------------------
    def insert(self, table: str, row: dict[str, Any], prefix: str | None = None) -> str:
        stamp = now()
        row = dict(row)
        row.setdefault("id", new_id(prefix or table[:3]))
        row.setdefault("created", stamp)
        row.setdefault("updated", stamp)
        with self.transaction() as db:
            db[table].insert(row)
            unbury(db, table, [row["id"]])
        self.notify(table, [row["id"]])
        return row["id"]

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        values = dict(values)
        values["updated"] = now()
        with self.transaction() as db:
            db[table].update(row_id, values)
        self.notify(table, [row_id])

    def delete(self, table: str, row_id: str) -> None:
        with self.transaction() as db:
            db[table].delete(row_id)
            bury(db, table, [row_id])
        self.notify(table, [row_id])

    def get(self, table: str, row_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        return rows[0] if rows else None

    # -- settings (remembered per workshop) ------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.get("settings", key)
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        stamp = now()
        with self.transaction() as db:
            db["settings"].upsert(
                {"id": key, "value": json.dumps(value), "created": stamp, "updated": stamp},
                pk="id",
            )
        self.notify("settings", [key])

    # -- facts -----------------------------------------------------------------------------
    def details(self) -> dict[str, Any]:
        return next(iter(self.db.query("SELECT * FROM workshop LIMIT 1")))

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in MERGEABLE_TABLES}

    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]


def bury(db: Database, table: str, ids: Iterable[str], stamp: str | None = None) -> None:
    """Record deleted rows, so that merging another copy does not bring them back."""
    stamp = stamp or now()
    db.conn.executemany(
        "INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted) VALUES (?, ?, ?)",
        [(table, row_id, stamp) for row_id in ids],
    )


def unbury(db: Database, table: str, ids: Iterable[str]) -> None:
    """Forget the deletion of rows that exist again (an undo, a re-import)."""
    db.conn.executemany(
        "DELETE FROM tombstones WHERE table_name = ? AND row_id = ?",
        [(table, row_id) for row_id in ids],
    )


def _storage_error(path: Path, exc: sqlite3.DatabaseError) -> WorkshopError:
    text = str(exc).lower()
    if "full" in text:
        return StorageError(
            path,
            "the disk is full; the last change was not saved.",
            "Free some space, then repeat the change. Nothing else was lost.",
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(path, "cannot be written (the file or folder is read-only).")
    if "locked" in text or "busy" in text:
        return StorageError(path, "is busy in another program; the change was not saved.")
    return StorageError(path, f"could not be written ({exc}).")


def open_workshop(path: str | os.PathLike[str], **kwargs: Any) -> Workshop:
    return Workshop(path, **kwargs)


def check_workshop(path: str | os.PathLike[str]) -> tuple[bool, list[str]]:
    """Read-only health report for `facilitator check`: version, integrity, counts."""
    lines: list[str] = []
    p = Path(path)
    if not p.exists():
        return False, [f"{p}: no such file."]
    try:
        info = inspect_file(p)
    except WorkshopError as exc:
        return False, [exc.user_message()]
    if info.empty:
        return False, [f"{p}: empty file, not a workshop."]
    ok = True
    lines.append(f"file: {p}")
    lines.append(f"format version: {info.version} (this build: {schema_version()})")
    if info.version < schema_version():
        lines.append("note: older format; it will be upgraded when opened for editing.")
    con = _ro_connect(p)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        lines.append("integrity: " + ("ok" if integrity == ["ok"] else "; ".join(integrity[:5])))
        ok = ok and integrity == ["ok"]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        lines.append(f"foreign keys: {'ok' if not fk else f'{len(fk)} broken references'}")
        ok = ok and not fk
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in MERGEABLE_TABLES:
            if table in names:
                n = con.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
                lines.append(f"{table}: {n}")
            else:
                lines.append(f"{table}: missing")
                ok = False
    finally:
        con.close()
    return ok, lines
