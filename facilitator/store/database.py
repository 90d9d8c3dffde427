"""Opening, checking and writing workshop files.

A workshop file is opened in three steps so that a bad file is never modified: inspect it
read-only (is it SQLite, is it ours, which format version, is it intact, does it hold every
table and column its version has), then take the single-writer lock, and only then open it
for writing and apply pending migrations. A file that is up to date is not written at all
when it opens.

Opening is quick at any size. SQLite's integrity check reads the whole file (half a second
for 400,000 notes), so a writable file larger than ``CHECK_NOW_BYTES`` is checked in a
background thread right after it opens (the window starts it once its first frame shows
the workshop: the check's reading would compete with that frame for the CPU); the first
write waits for that check and is refused, like every later one, if the file is damaged
(``hub.damaged`` says so at once).
sqlite-utils (``Workshop.db``) is loaded when a store first needs it, not to open a file.

Writing: every write runs inside :meth:`Workshop.operation`, one SQLite transaction that
collects what it touched and, once committed, emits one
:class:`~facilitator.store.changes.Changes` on ``workshop.hub.changed``. The workshop and
its connection belong to the thread that opened it (the UI thread); another thread writes
by submitting an operation to :class:`~facilitator.store.writer.Writer`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, Signal, SignalInstance, Slot

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
from facilitator.store.schema import (
    APPLICATION_ID,
    SCHEMA_FINGERPRINTS,
    migrations,
    schema_version,
)
from facilitator.store.tables import MERGEABLE_TABLES, Table

if TYPE_CHECKING:
    from sqlite_utils import Database

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
# A writable file up to this size has its integrity checked before it opens (a few tens
# of milliseconds); a larger one right after, in a background thread.
CHECK_NOW_BYTES = 8 * 1024 * 1024
# Above this size, work that reads much of the file (searching every note) runs in the
# background: on a smaller file it takes less than a frame.
LARGE_BYTES = 8 * 1024 * 1024
# SQLite's page cache of the workshop's own connection (negative: KiB).
CACHE_KIB = -32 * 1024
# The page cache during a large write (Workshop.large_write): SQLite then writes the pages
# to the log as the rows go in, instead of all of them (tens of MiB) in the commit.
LARGE_WRITE_CACHE_KIB = -4 * 1024
WAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default


class _HubSignals(QObject):
    changed = Signal(object)  # Changes
    # The integrity check that runs after a large file opened found it damaged: every
    # write is refused from now on with this error (a CorruptWorkshopError naming the file).
    damaged = Signal(object)


class ChangeHub:
    """Announces every committed operation, once, with what it changed.

    Views connect to ``changed`` (a Qt signal, on the UI thread). The workshop's own stores
    and caches :meth:`listen` instead: a plain call, no Qt connection. A job's thread opens
    a read-only ``Workshop`` of its own, and a Qt object made, connected or deleted there
    can deadlock against the UI thread deleting widgets (both want Qt's connection lock and
    the interpreter): a workshop opened off the main thread makes its signals only if
    something asks for them, which nothing in a job does.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[[Changes], None]] = []
        self._signals: _HubSignals | None = None
        if threading.current_thread() is threading.main_thread():
            self._signals = _HubSignals()  # on the UI thread, where views connect to it

    @property
    def signals(self) -> _HubSignals:
        if self._signals is None:
            self._signals = _HubSignals()
        return self._signals

    @property
    def changed(self) -> SignalInstance:
        return self.signals.changed

    @property
    def damaged(self) -> SignalInstance:
        return self.signals.damaged

    def listen(self, listener: Callable[[Changes], None]) -> None:
        """Call ``listener(changes)`` on every announcement, before the views hear of it."""
        self._listeners.append(listener)

    def announce(self, changes: Changes) -> None:
        for listener in self._listeners:
            listener(changes)
        if self._signals is not None:
            self._signals.changed.emit(changes)


@dataclass
class FileInfo:
    """What a read-only look at a file found."""

    path: Path
    exists: bool
    version: int = 0
    application_id: int = 0
    empty: bool = True
    writable: bool = True
    checked: bool = False  # SQLite's integrity check ran (and passed)


@dataclass
class OpenResult:
    """How a workshop ended up open, with the reason when it is read-only."""

    read_only: bool = False
    reason: str = ""
    warnings: list[str] = field(default_factory=list)


def _ro_connect(
    path: Path, immutable: bool = False, any_thread: bool = False
) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, check_same_thread=not any_thread)


def open_read_only(path: Path, any_thread: bool = False) -> sqlite3.Connection:
    """A connection that can never write; works in a read-only folder too.

    A WAL file needs its ``-shm`` beside it; where the folder does not let SQLite create
    one, the file is read as immutable (a snapshot of what it holds now). ``any_thread``:
    used by one thread at a time, whichever (see :meth:`Workshop.reader`).
    """
    try:
        con = _ro_connect(path, any_thread=any_thread)
        con.execute("PRAGMA schema_version").fetchone()
        return con
    except sqlite3.OperationalError:
        return _ro_connect(path, immutable=True, any_thread=any_thread)


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' view of a connection (loaded on first use, without numpy)."""
    from facilitator.store.lean import import_sqlite_utils

    import_sqlite_utils()
    from sqlite_utils import Database

    # recursive_triggers is set on every connection when it opens (it cannot change
    # inside a transaction, where the first use may be)
    return Database(conn, execute_plugins=False, recursive_triggers=False)


def _tables(con: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Table → columns of what a connection holds (ordinary tables; not SQLite's own)."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
    ]
    return {t: frozenset(r[1] for r in con.execute(f"PRAGMA table_info([{t}])")) for t in names}


def schema_fingerprint(tables: dict[str, frozenset[str]]) -> str:
    """A short digest of tables and their columns (order does not matter)."""
    text = "\n".join(f"{t}:{','.join(sorted(cols))}" for t, cols in sorted(tables.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


@functools.cache
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """Table → columns that a file of format ``version`` must hold (built in memory)."""
    db = database(sqlite3.connect(":memory:"))
    names = migrations.names
    stop = names[version] if version < len(names) else None
    migrations.apply(db, stop_before=stop)
    out = _tables(db.conn)
    db.close()
    return out


def missing_schema(con: sqlite3.Connection, version: int) -> list[str]:
    """What a file lacks of its version's tables and columns ("table notes", "column …")."""
    have = _tables(con)
    if SCHEMA_FINGERPRINTS.get(version) == schema_fingerprint(have):
        return []  # exactly its version's tables and columns
    missing: list[str] = []
    for table, columns in expected_schema(version).items():
        if table not in have:
            missing.append(f"table {table}")
            continue
        missing.extend(f"column {table}.{c}" for c in sorted(columns - have[table]))
    return missing


# Files this process has open for writing, by (device, inode): their header is not read with
# open() again, as closing any descriptor of a file drops every POSIX lock the process holds
# on it, the SQLite connection's too; another program could then checkpoint the log away
# and delete it under the open workshop (SQLite itself shares its descriptors to avoid that).
_HELD: dict[tuple[int, int], int] = {}
_SQLITE_HEADER = b"SQLite format 3\x00"


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def inspect_file(path: str | os.PathLike[str], integrity: bool = True) -> FileInfo:
    """Look at a file without changing it; raise a WorkshopError if it cannot be a workshop.

    ``integrity=False`` leaves out SQLite's integrity check, which reads the whole file
    (the caller runs :func:`check_integrity` itself, off the UI thread); ``checked`` in the
    result says whether it ran.
    """
    p = Path(path)
    if not p.exists():
        return FileInfo(p, exists=False, writable=os.access(p.parent or Path("."), os.W_OK))
    if p.is_dir():
        raise NotAWorkshopError(p, "is a folder, not a workshop file.")
    try:
        size = p.stat().st_size
        if _HELD.get(_file_key(p) or (-1, -1)):
            header = _SQLITE_HEADER  # open here through SQLite: read it only through SQLite
        else:
            with open(p, "rb") as fh:
                header = fh.read(16)
    except OSError as exc:
        raise WorkshopError(p, f"cannot be read ({exc.strerror}).") from exc
    writable = os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)
    if size == 0:
        return FileInfo(p, exists=True, writable=writable)
    if header != _SQLITE_HEADER:
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
            check = con.execute("PRAGMA quick_check").fetchall() if integrity else [("ok",)]
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
    _raise_if_damaged(p, check)
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
    return FileInfo(p, True, version, app_id, empty=False, writable=writable, checked=integrity)


def _raise_if_damaged(path: Path, check: list[tuple[Any, ...]]) -> None:
    if [r[0] for r in check] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in check[:3])
        raise CorruptWorkshopError(path, f"failed the integrity check ({detail}).", DAMAGED_HINT)


class IntegrityCheck(QObject):
    """SQLite's integrity check of an open file, in a thread of its own.

    It reads the file on its own read-only connection. ``wait()`` blocks until it is done
    and raises the damage it found; the first write of the workshop calls it. When the
    check fails the workshop's ``hub.damaged`` is emitted on the UI thread. ``start=False``
    leaves it waiting for :meth:`start` (or the first ``wait()``).
    """

    _finished = Signal()

    def __init__(self, ws: Workshop, start: bool = True) -> None:
        super().__init__()
        self.ws = ws
        self.path = ws.path
        self.error: WorkshopError | None = None
        self._con: sqlite3.Connection | None = None
        self._stopped = False
        self._started = False
        self._passed = False  # the check ended and found the file sound
        self._guard = threading.Lock()
        self._finished.connect(self._announce)
        self._thread = threading.Thread(target=self._run, name="integrity check", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Start reading the file, once (a stopped check never starts)."""
        with self._guard:
            if self._started or self._stopped:
                return
            self._started = True
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._guard:
                if self._stopped:
                    return
                self._con = open_read_only(self.path)
            try:
                check = self._con.execute("PRAGMA quick_check").fetchall()
            finally:
                with self._guard:
                    self._con.close()
                    self._con = None
            _raise_if_damaged(self.path, check)
        except CorruptWorkshopError as exc:
            self.error = exc
        except sqlite3.DatabaseError as exc:
            if not self._stopped:  # not an interrupt by stop()
                self.error = CorruptWorkshopError(
                    self.path, f"cannot be read: the file is damaged ({exc}).", DAMAGED_HINT
                )
        if self.error is not None and not self._stopped:
            self._finished.emit()

    @Slot()
    def _announce(self) -> None:
        if self.error is not None and self.ws.is_open:
            self.ws.hub.damaged.emit(self.error)

    @property
    def done(self) -> bool:
        return self._started and not self._thread.is_alive()

    def wait(self) -> None:
        """Block until the check is done (starting it if it was waiting); raise the damage
        it found."""
        if self._passed:
            return  # done and found nothing: each edit asks, once is enough
        self.start()
        if self._started:
            self._thread.join()
        if self.error is not None:
            raise self.error
        self._passed = self._started and not self._stopped

    def stop(self) -> None:
        """Interrupt a check still reading (the workshop closes)."""
        with self._guard:
            self._stopped = True
            if self._con is not None:
                self._con.interrupt()
        if self._started:
            self._thread.join()


class _Atomic:
    """``Workshop._atomic``: BEGIN … COMMIT, or a savepoint when a transaction is open; a
    failure rolls back what it wrote. A class rather than a generator: every edit enters one."""

    __slots__ = ("conn", "savepoint")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.savepoint: str | None = None

    def __enter__(self) -> None:
        if self.conn.in_transaction:
            self.savepoint = f"op_{new_id('sp')}"
            self.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self.conn.execute("BEGIN")

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        conn, savepoint = self.conn, self.savepoint
        if savepoint is not None:
            if kind is None:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            elif conn.in_transaction:  # a RAISE(ROLLBACK) can end the whole transaction
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        elif kind is not None:
            conn.rollback()
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()
                raise


class Workshop:
    """One open workshop file: its connection, its stores, its change hub and its lock.

    The stores (``agenda``, ``people``, ``teams``, ``notes``, ``report``, ``privacy``, ``merge``,
    ``info`` for the workshop's own details and settings, ``rows`` for generic undo) hold
    every SQL statement of the program. Outside ``store/`` nothing touches ``db``.
    """

    collation: Collation  # human order of names and titles (``COLLATE HUMAN`` too)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        lock: bool = True,
        inspect: bool = True,
        kept: bool = False,
        check_later: bool = False,
    ) -> None:
        """Open ``path`` (created when missing, unless ``read_only``).

        ``inspect=False`` (read-only only) skips the look at the file before it opens:
        for views of a file this process already has open (:meth:`reader`); ``kept``: such
        a view kept for many reads (see :meth:`reader`). ``check_later``: the check that
        follows a large file's opening waits for :meth:`check_in_background` (the window
        calls it once the workshop is on screen); the first write still waits for it.
        """
        self.path = Path(path).resolve()
        self.hub = ChangeHub()
        self.open_result = OpenResult()
        self._lock: QLockFile | None = None
        self._op: ChangeSet | None = None
        self._large_write = False
        self._checkpointer: threading.Thread | None = None
        self._owner = threading.get_ident()
        self._writer: Writer | None = None
        self._conn: sqlite3.Connection | None = None
        self._db: Database | None = None
        self._held: tuple[int, int] | None = None  # this file's key in _HELD while open
        self.integrity: IntegrityCheck | None = None  # after a large file opened
        self.last_changes = Changes()
        # A large file opened for writing is checked right after it opens (see the module).
        later = not read_only and _size(self.path) > CHECK_NOW_BYTES
        if not inspect and not read_only:
            raise ValueError("only a read-only view may skip inspecting the file")
        if inspect:
            info = inspect_file(self.path, integrity=not later)
        else:
            info = FileInfo(self.path, True, schema_version(), APPLICATION_ID, False, False, True)
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
            if not info.checked:  # viewing a large file: checked before it is shown
                inspect_file(self.path)
            self.read_only = True
            self.open_result = OpenResult(True, reason)
            self._conn = open_read_only(self.path, any_thread=kept)
            self._conn.execute("PRAGMA recursive_triggers=ON")
            if kept:
                self._conn.execute(f"PRAGMA cache_size={CACHE_KIB}")
            self._attach_collation()
            return
        self.read_only = False
        try:
            up_to_date = info.exists and not info.empty and info.version == schema_version()
            if not up_to_date and not info.checked and info.exists and not info.empty:
                inspect_file(self.path)  # never upgrade a file that was not checked
            conn = self._conn = sqlite3.connect(str(self.path))
            conn.execute("PRAGMA recursive_triggers=ON")
            conn.execute("PRAGMA journal_mode=WAL")  # the file exists from here on
            self._held = _file_key(self.path)
            if self._held is not None:
                _HELD[self._held] = _HELD.get(self._held, 0) + 1
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA foreign_keys=ON")
            # SQLite's page cache: 2 MiB by default, less than one session's notes of a
            # large workshop, read again each time Capture lists them
            conn.execute(f"PRAGMA cache_size={CACHE_KIB}")
            if not (up_to_date and _migrations_recorded(conn)):
                migrations.apply(self.db)
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            if conn.execute("PRAGMA user_version").fetchone()[0] != schema_version():
                conn.execute(f"PRAGMA user_version={schema_version()}")
            if not conn.execute("SELECT count(*) FROM workshop").fetchone()[0]:
                stamp = now()
                with conn:
                    conn.execute(
                        "INSERT INTO workshop (id, title, created, updated) VALUES (?, ?, ?, ?)",
                        [new_id("ws"), self.path.stem, stamp, stamp],
                    )
        except sqlite3.DatabaseError as exc:
            self.close()
            raise _storage_error(self.path, exc) from exc
        self._attach_collation()
        from facilitator.store.writer import Writer

        # Made here, on the workshop's own thread: a QObject lives where it was created,
        # and the operations other threads submit must run on this one.
        self._writer = Writer(self)
        if info.exists and not info.empty and not info.checked:
            self.integrity = IntegrityCheck(self, start=not check_later)

    def check_in_background(self) -> None:
        """Start the check that follows a large file's opening, if it is still waiting
        (``check_later``); nothing for a file checked before it opened."""
        if self.integrity is not None and self.is_open:
            self.integrity.start()

    def _attach_collation(self) -> None:
        """``COLLATE HUMAN`` on the connection, in the workshop's first working language
        (worked out when a sort first needs it: looking a language name up takes 0.1 s)."""
        from facilitator.store.collation import Collation, follow_workshop

        self.collation = Collation()
        self.collation.register(self.connection)
        follow_workshop(self.collation, self)

    # -- the connection --------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """sqlite-utils over the workshop's connection, made when a store first needs it."""
        if self._db is None:
            if self._conn is None:
                raise RuntimeError(f"{self.path} is closed")
            self._db = database(self._conn)
        return self._db

    @property
    def connection(self) -> sqlite3.Connection:
        """The file's SQLite connection, for the stores' plain queries."""
        if self._conn is None:
            raise RuntimeError(f"{self.path} is closed")
        return self._conn

    def reader(self, kept: bool = False) -> Workshop:
        """A read-only view of this open file on a connection of its own, for a background
        thread (call it there: a connection belongs to the thread that made it). The file
        was inspected when it opened, so the view skips that.

        ``kept``: made once and used again by one job at a time, on whichever thread (its
        connection allows that), with the workshop's page cache: a search run again and
        again reads what the last one read from memory instead of a cold connection's
        (a third slower at 400,000 notes). It sees every commit made since, as any reader.
        """
        return Workshop(self.path, read_only=True, inspect=False, kept=kept)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts, straight from the connection (what opening a file needs, without
        loading sqlite-utils)."""
        if self._conn is None:
            raise RuntimeError(f"{self.path} is closed")
        cursor = self._conn.execute(sql, list(params))
        keys = [d[0] for d in cursor.description or ()]
        return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]

    @property
    def is_large(self) -> bool:
        """Whether reading much of the file may take longer than a frame (``LARGE_BYTES``):
        views then do such reads in the background, on a :meth:`reader`."""
        return _size(self.path) + _size(Path(str(self.path) + "-wal")) > LARGE_BYTES

    def load_in_background(self) -> None:
        """Import what the stores and edits need (sqlite-utils, the store modules) in a
        background thread, so that the first edit or the first visit of an area does not
        wait for it on the UI thread. Call once the window shows the workshop. The
        collation's locale is worked out there too (the first sort needs it)."""

        def load() -> None:
            _load_store_modules()
            _ = self.collation.locale

        threading.Thread(target=load, name="store imports", daemon=True).start()

    # -- the stores, each made (and its module imported) when first used -----------------
    @functools.cached_property
    def agenda(self) -> AgendaStore:
        from facilitator.store.agenda import AgendaStore

        return AgendaStore(self)

    @functools.cached_property
    def people(self) -> PeopleStore:
        from facilitator.store.people import PeopleStore

        return PeopleStore(self)

    @functools.cached_property
    def teams(self) -> TeamsStore:
        from facilitator.store.teams import TeamsStore

        return TeamsStore(self)

    @functools.cached_property
    def notes(self) -> NotesStore:
        from facilitator.store.notes import NotesStore

        return NotesStore(self)

    @functools.cached_property
    def report(self) -> ReportStore:
        from facilitator.store.report import ReportStore

        return ReportStore(self)

    @functools.cached_property
    def privacy(self) -> PrivacyStore:
        from facilitator.store.privacy import PrivacyStore

        return PrivacyStore(self)

    @functools.cached_property
    def merge(self) -> MergeStore:
        from facilitator.store.merge import MergeStore

        return MergeStore(self)

    @functools.cached_property
    def info(self) -> WorkshopStore:
        from facilitator.store.workshop import WorkshopStore

        return WorkshopStore(self)

    @functools.cached_property
    def rows(self) -> RowStore:
        from facilitator.store.rows import RowStore

        return RowStore(self)

    @functools.cached_property
    def venue(self) -> VenueStore:
        from facilitator.store.venue import VenueStore

        return VenueStore(self)

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.shut()
        if self.integrity is not None:
            self.integrity.stop()
        if self._checkpointer is not None:
            self._checkpointer.join()
            self._checkpointer = None
        conn = self._conn
        if conn is not None:
            try:
                if not self.read_only:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
            self._db = None
        held = self._held
        if held is not None:
            self._held = None
            if _HELD.get(held, 0) > 1:
                _HELD[held] -= 1
            else:
                _HELD.pop(held, None)
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
                with self._atomic():
                    yield self._op
            except sqlite3.DatabaseError as exc:
                raise _storage_error(self.path, exc) from exc
            return
        if self.integrity is not None:
            self.integrity.wait()  # usually long done; raises if the file is damaged
        collector = ChangeSet(initiator)
        self._op = collector
        try:
            with self._atomic():
                yield collector
        except sqlite3.DatabaseError as exc:
            raise _storage_error(self.path, exc) from exc
        finally:
            self._op = None
            if self._large_write:
                self._end_large_write()
        changes = collector.freeze()
        self.last_changes = changes
        if changes:
            self.hub.announce(changes)

    @property
    def writing(self) -> bool:
        """Whether an operation is open (the UI thread is inside a long, stepped write)."""
        return self._op is not None

    def large_write(self) -> None:
        """Say that the running operation writes many rows (a roster import).

        Until it ends, SQLite's page cache is small, so the pages go to the log as the rows
        are written rather than all in the commit, and the log is not copied into the file
        by the commit (SQLite's automatic checkpoint); that copy then runs on a thread of
        its own. So neither the commit nor the next edit holds the UI thread for long.
        """
        if self._op is None:
            raise RuntimeError("large_write() is for the inside of an operation")
        if self._large_write:
            return
        self._large_write = True
        conn = self.connection
        conn.execute(f"PRAGMA cache_size={LARGE_WRITE_CACHE_KIB}")
        conn.execute("PRAGMA wal_autocheckpoint=0")

    def _end_large_write(self) -> None:
        self._large_write = False
        conn = self._conn
        if conn is None:
            return
        conn.execute(f"PRAGMA cache_size={CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")
        if self._checkpointer is not None and self._checkpointer.is_alive():
            return
        path = self.path

        def checkpoint() -> None:
            # A passive checkpoint never blocks the workshop's own connection; if it cannot
            # finish, the next commits checkpoint as usual.
            try:
                con = sqlite3.connect(str(path), timeout=5)
                try:
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                finally:
                    con.close()
            except sqlite3.Error:
                pass

        self._checkpointer = threading.Thread(target=checkpoint, name="checkpoint", daemon=True)
        self._checkpointer.start()

    def _atomic(self) -> _Atomic:
        """One transaction, or a savepoint inside the running one (sqlite-utils' ``atomic``
        without loading it for the first edit)."""
        return _Atomic(self.connection)

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
        self.hub.announce(changes)


def _load_store_modules() -> None:
    import importlib

    from facilitator.store.lean import import_sqlite_utils

    import_sqlite_utils()
    for name in ("rows", "notes", "agenda", "people", "teams", "report", "privacy", "venue"):
        importlib.import_module(f"facilitator.store.{name}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _migrations_recorded(conn: sqlite3.Connection) -> bool:
    """Every migration of this build is recorded in the file, in sqlite-utils' own table
    shape (so applying them would change nothing)."""
    columns = {r[1]: r[5] for r in conn.execute("PRAGMA table_info(_sqlite_migrations)")}
    if [c for c, pk in columns.items() if pk] != ["id"]:
        return False
    done = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
        )
    }
    return set(migrations.names) <= done


def bury(
    db: Database | sqlite3.Connection, table: str, ids: Iterable[str], stamp: str | None = None
) -> None:
    """Record deleted rows, so that merging another copy does not bring them back."""
    stamp = stamp or now()
    getattr(db, "conn", db).executemany(
        "INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted) VALUES (?, ?, ?)",
        [(str(table), row_id, stamp) for row_id in ids],
    )


def unbury(db: Database | sqlite3.Connection, table: str, ids: Iterable[str]) -> None:
    """Forget the deletion of rows that exist again (an undo, a re-import)."""
    getattr(db, "conn", db).executemany(
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
