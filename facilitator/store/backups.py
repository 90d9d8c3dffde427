"""Rolling backups beside the workshop file, made with SQLite's online backup API.

Backups live in ``<name>.workshop-backups/`` next to the file (so copying the folder keeps
them) and are named by UTC time so that sorting by name sorts by age.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from facilitator.store.errors import StorageError, WorkshopError

KEEP = 10
INTERVAL_SECONDS = 10 * 60


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime

    @property
    def label(self) -> str:
        return self.taken.astimezone().strftime("%a %d %b %Y, %H:%M:%S")


def backup_dir(workshop_path: Path) -> Path:
    return workshop_path.with_name(workshop_path.name + "-backups")


def copy_database(source: sqlite3.Connection, target_path: Path) -> None:
    """Consistent copy of a live database, WAL included, via the backup API; atomic rename."""
    target_path = Path(target_path)
    partial = target_path.with_name(target_path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        partial.replace(target_path)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        reason = "the disk is full" if "full" in str(exc).lower() else str(exc)
        raise StorageError(target_path, f"could not be written: {reason}.") from exc


def take_backup(source: sqlite3.Connection, workshop_path: Path, keep: int = KEEP) -> Backup:
    folder = backup_dir(workshop_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise StorageError(folder, f"cannot be created for backups ({exc.strerror}).") from exc
    taken = datetime.now(UTC)
    name = f"{workshop_path.stem}-{taken.strftime('%Y%m%dT%H%M%S%fZ')}.workshop"
    target = folder / name
    copy_database(source, target)
    for old in list_backups(workshop_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, taken)


def list_backups(workshop_path: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_dir(workshop_path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{workshop_path.stem}-*.workshop"):
        stamp = p.stem.rsplit("-", 1)[-1]
        try:
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(p, taken))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def restore_backup(backup: Backup, target: sqlite3.Connection) -> None:
    """Replace the open database's content with the backup's, in place, through the backup API.

    The current state is itself backed up first by the caller, so a restore can be undone.
    """
    from facilitator.store.database import inspect_file

    inspect_file(backup.path)  # refuses damaged or foreign files before anything changes
    try:
        src = sqlite3.connect(backup.path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            src.backup(target)
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise WorkshopError(backup.path, f"could not be restored ({exc}).") from exc
