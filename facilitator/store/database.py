"""Opening, checking and writing workshop files.

A workshop file is opened in three steps so that a bad file is never modified: inspect it
read-only (is it SQLite, is it ours, which format version, is it intact, does it hold every
table and column its version has), then take the single-writer lock, and only then open it
for writing and apply pending migrations.

Writing: every write runs inside :meth:`Workshop.operation`, one SQLite transaction that
collects what it touched and, once committed, emits one
:class:`~facilitator.store.changes.Changes` on ``workshop.hub.changed``. The workshop and
its connection belong to the thread that opened it (the UI thread); another thread writes
by submitting an operation to :class:`~facilitator.store.writer.Writer`.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from sqlite_utils import Database

import facilitator.store.lean  # noqa: F401, I001 - must precede sqlite_utils
from facilitator.store.changes import ANY, Changes, ChangeSet
from facilitator.store.errors import (
    CorruptWorkshopError,
    NewerWorkshopError,
    NotAWorkshopError,
    ReadOnlyWorkshopError,
    StorageError,
    WorkshopError,
)
from facilitator.store.ids import new_id, now
from facilitator.store.schema import APPLICATION_ID, migrations, schema_version
from facilitator.store.tables import MERGEABLE_TABLES, Table

if TYPE_CHECKING:
    from facilitator.store.agenda import AgendaStore
    from facilitator.store.backups import Backup
    from facilitator.store.collation import Collation
    from facilitator.store.merge import MergeStore
    from facilitator.store.notes import NotesStore
    from facilitator.store.people import PeopleStore
    from facilitator.store.privacy import PrivacyStore
    from facilitator.store.report import ReportStore
    from facilitator.store.rows import RowStore
    from facilitator.store.teams import TeamsStore
    from facilitator.store.venue import VenueStore
    from facilitator.store.workshop import WorkshopStore
    from facilitator.store.writer import Writer

FILE_SUFFIX = ".workshop"
DAMAGED_HINT = "Use File ▸ Restore from backup… to bring back an earlier copy."


class ChangeHub(QObject):
    """Announces every committed operation, once, with what it changed."""

    changed = Signal(object)  # Changes


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


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write; works in a read-only folder too.

    A WAL file needs its ``-shm`` beside it; where the folder does not let SQLite create
    one, the file is read as immutable (a snapshot of what it holds now).
    """
    try:
        con = _ro_connect(path)
        con.execute("PRAGMA schema_version").fetchone()
        return con
    except sqlite3.OperationalError:
        return _ro_connect(path, immutable=True)


@functools.cache
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """Table → columns that a file of format ``version`` must hold (built in memory)."""
    db = Database(memory=True, execute_plugins=False)
    names = [m.name for m in migrations._migrations]
    stop = names[version] if version < len(names) else None
    migrations.apply(db, stop_before=stop)
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
    ]
    out = {t: frozenset(r[1] for r in db.execute(f"PRAGMA table_info([{t}])")) for t in tables}
    db.close()
    return out


def missing_schema(con: sqlite3.Connection, version: int) -> list[str]:
    """What a file lacks of its version's tables and columns ("table notes", "column …")."""
    have = {
        r[0]: frozenset(c[1] for c in con.execute(f"PRAGMA table_info([{r[0]}])"))
        for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    }
    missing: list[str] = []
    for table, columns in expected_schema(version).items():
        if table not in have:
            missing.append(f"table {table}")
            continue
        missing.extend(f"column {table}.{c}" for c in sorted(columns - have[table]))
    return missing


def inspect_file(path: str | os.PathLike[str]) -> FileInfo:
    """Look at a file without changing it; raise a WorkshopError if it cannot be a workshop."""
    p = Path(path)
    if not p.exists():
        return FileInfo(p, exists=False, writable=os.access(p.parent or Path("."), os.W_OK))
    if p.is_dir():
        raise NotAWorkshopError(p, "is a folder, not a workshop file.")
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise WorkshopError(p, f"cannot be read ({exc.strerror}).") from exc
    writable = os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)
    if size == 0:
        return FileInfo(p, exists=True, writable=writable)
    if header != b"SQLite format 3\x00":
        raise NotAWorkshopError(
            p,
            "is not a workshop file (it is not an SQLite database).",
            "Choose a file with the .workshop extension made by Facilitator.",
        )
    try:
        con = open_read_only(p)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = con.execute("PRAGMA quick_check").fetchall()
            missing = (
                missing_schema(con, version)
                if app_id == APPLICATION_ID and 0 < version <= schema_version()
                else []
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptWorkshopError(
            p, f"cannot be read: the file is damaged ({exc}).", DAMAGED_HINT
        ) from exc
    if [r[0] for r in check] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in check[:3])
        raise CorruptWorkshopError(p, f"failed the integrity check ({detail}).", DAMAGED_HINT)
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
    if missing:
        shown = ", ".join(missing[:4]) + (
            f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        )
        raise CorruptWorkshopError(
            p,
            f"is incomplete: it has no {shown}. It was not opened and has not been changed.",
            DAMAGED_HINT,
        )
    return FileInfo(p, True, version, app_id, empty=False, writable=writable)


class Workshop:
    """One open workshop file: its connection, its stores, its change hub and its lock.

    The stores (``agenda``, ``people``, ``teams``, ``notes``, ``report``, ``privacy``, ``merge``,
    ``info`` for the workshop's own details and settings, ``rows`` for generic undo) hold
    every SQL statement of the program. Outside ``store/`` nothing touches ``db``.
    """

    agenda: AgendaStore
    people: PeopleStore
    teams: TeamsStore
    notes: NotesStore
    report: ReportStore
    privacy: PrivacyStore
    merge: MergeStore
    collation: Collation
    info: WorkshopStore
    rows: RowStore
    venue: VenueStore

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
        self._op: ChangeSet | None = None
        self._owner = threading.get_ident()
        self._writer: Writer | None = None
        self.last_changes = Changes()
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
            self.db = Database(open_read_only(self.path), execute_plugins=False)
            self._attach_stores()
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
        self._attach_stores()

    def _attach_stores(self) -> None:
        from facilitator.store.agenda import AgendaStore
        from facilitator.store.collation import Collation, follow_workshop
        from facilitator.store.merge import MergeStore
        from facilitator.store.notes import NotesStore
        from facilitator.store.people import PeopleStore
        from facilitator.store.privacy import PrivacyStore
        from facilitator.store.report import ReportStore
        from facilitator.store.rows import RowStore
        from facilitator.store.teams import TeamsStore
        from facilitator.store.venue import VenueStore
        from facilitator.store.workshop import WorkshopStore

        self.collation = Collation()
        self.collation.register(self.db.conn)
        self.agenda = AgendaStore(self)
        self.people = PeopleStore(self)
        self.teams = TeamsStore(self)
        self.notes = NotesStore(self)
        self.report = ReportStore(self)
        self.privacy = PrivacyStore(self)
        self.merge = MergeStore(self)
        self.info = WorkshopStore(self)
        self.rows = RowStore(self)
        self.venue = VenueStore(self)
        follow_workshop(self.collation, self)
        if not self.read_only:
            from facilitator.store.writer import Writer

            # Made here, on the workshop's own thread: a QObject lives where it was created,
            # and the operations other threads submit must run on this one.
            self._writer = Writer(self)

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return getattr(self, "db", None) is not None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.shut()
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

    @property
    def writer(self) -> Writer:
        """The gate through which other threads (the venue server) write to this file."""
        if self._writer is None:
            raise ReadOnlyWorkshopError(
                self.path, f"is open read-only ({self.open_result.reason}); edits are disabled."
            )
        return self._writer

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def operation(self, initiator: object | None = None) -> Iterator[ChangeSet]:
        """One atomic write that reports what it changed.

        Store methods write inside it and record what they touch; on commit the hub emits
        one :class:`Changes`. A failure (disk full, read-only) rolls everything back and
        raises a :class:`StorageError` naming the file. Nested operations join the outer
        one (a savepoint), so an edit made of several store calls is one transaction and
        one announcement.
        """
        if threading.get_ident() != self._owner:
            raise RuntimeError(
                "a workshop is written only from the thread that opened it; "
                "other threads submit operations through Workshop.writer"
            )
        if self.read_only:
            raise ReadOnlyWorkshopError(
                self.path, f"is open read-only ({self.open_result.reason}); edits are disabled."
            )
        if self._op is not None:
            try:
                with self.db.atomic():
                    yield self._op
            except sqlite3.DatabaseError as exc:
                raise _storage_error(self.path, exc) from exc
            return
        collector = ChangeSet(initiator)
        self._op = collector
        try:
            with self.db.atomic():
                yield collector
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.path, exc) from exc
        finally:
            self._op = None
        changes = collector.freeze()
        self.last_changes = changes
        if changes:
            self.hub.changed.emit(changes)

    # -- copies and backups (SQLite's online backup API; the file stays open) -------------
    def save_copy(self, target: Path) -> None:
        """A consistent copy of the workshop as it is now, written atomically."""
        from facilitator.store import backups

        backups.copy_database(self.db.conn, Path(target))

    def backups(self) -> list[Backup]:
        from facilitator.store import backups

        return backups.list_backups(self.path)

    def take_backup(self) -> Backup:
        from facilitator.store import backups

        return backups.take_backup(self.db.conn, self.path)

    def restore_backup(self, backup: Backup, initiator: object | None = None) -> None:
        """Bring back a backup in place, after backing up the current state (so it can be
        undone by restoring that); every view reloads."""
        from facilitator.store import backups

        if self.read_only:
            raise ReadOnlyWorkshopError(self.path, "is open read-only; nothing can be restored.")
        backups.take_backup(self.db.conn, self.path)
        backups.restore_backup(backup, self.db.conn)
        self.replaced(initiator)

    def touch(self, table: Table, ids: Iterable[str] | None = ANY) -> None:
        """Record that the running operation changed rows of ``table`` (None: which is unknown)."""
        if self._op is None:
            raise RuntimeError("touch() outside Workshop.operation()")
        self._op.touch(table, None if ids is None else list(ids))

    def replaced(self, initiator: object | None = None) -> None:
        """Announce that the whole file changed under the views (restore, merge)."""
        changes = Changes.all(initiator)
        self.last_changes = changes
        self.hub.changed.emit(changes)


def bury(db: Database, table: str, ids: Iterable[str], stamp: str | None = None) -> None:
    """Record deleted rows, so that merging another copy does not bring them back."""
    stamp = stamp or now()
    db.conn.executemany(
        "INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted) VALUES (?, ?, ?)",
        [(str(table), row_id, stamp) for row_id in ids],
    )


def unbury(db: Database, table: str, ids: Iterable[str]) -> None:
    """Forget the deletion of rows that exist again (an undo, a re-import)."""
    db.conn.executemany(
        "DELETE FROM tombstones WHERE table_name = ? AND row_id = ?",
        [(str(table), row_id) for row_id in ids],
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
    if "no such table" in text or "no such column" in text or "malformed" in text:
        return CorruptWorkshopError(path, f"is damaged ({exc}); the change was not saved.")
    return StorageError(path, f"could not be written ({exc}).")


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
    if not info.writable:
        lines.append("note: the file or its folder is read-only; it opens for viewing only.")
    try:
        con = open_read_only(p)
        try:
            integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            lines.append(
                "integrity: " + ("ok" if integrity == ["ok"] else "; ".join(integrity[:5]))
            )
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
    except sqlite3.Error as exc:
        return False, [*lines, f"{p}: cannot be read ({exc})."]
    return ok, lines
