"""What the File menu does with workshop files, and the backups taken while editing.

New, Open, Open Recent and the demo ask for a file and hand it to the window, which opens it
and builds the areas. Save a Copy and Restore from Backup act on the open workshop. While
the user edits, a backup is taken at most every ``backups.INTERVAL_SECONDS`` (checked once a
minute) and once more when a workshop with unsaved-to-backup edits is closed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

# PySide makes a class (and its enums) the first time it is imported: the dialogs' classes
# are imported where they are used, so that start-up does not wait for them.
from PySide6.QtCore import QObject, QSettings, QTimer

from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table

if TYPE_CHECKING:
    from facilitator.store import backups
    from facilitator.store.database import Workshop
    from facilitator.ui.main_window import MainWindow

FILE_SUFFIX = ".workshop"
FILTER = f"Workshops (*{FILE_SUFFIX});;All files (*)"
MAX_RECENT = 8
BACKUP_CHECK_MS = 60_000


class FileActions(QObject):
    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._dirty_since_backup = False
        self._timer = QTimer(self, interval=BACKUP_CHECK_MS)
        self._timer.timeout.connect(self.maybe_backup)
        self._timer.start()

    @property
    def workshop(self) -> Workshop | None:
        return self.window.workshop

    def _status(self, message: str, ms: int) -> None:
        self.window.statusBar().showMessage(message, ms)

    # -- opening ---------------------------------------------------------------------------
    def new_workshop(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.window, "New workshop", "Workshop" + FILE_SUFFIX, FILTER
        )
        if path:
            if not path.endswith(FILE_SUFFIX):
                path += FILE_SUFFIX
            if Path(path).exists():
                self.window.show_error(
                    WorkshopError(
                        path, "already exists; choose another name or open it with File ▸ Open."
                    )
                )
                return
            self.window.open_path(path)

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "Open workshop", "", FILTER)
        if path:
            self.window.open_path(path)

    def open_demo(self) -> None:
        import tempfile

        from facilitator.interchange.demo import write_demo

        folder = Path(tempfile.mkdtemp(prefix="facilitator-demo-"))
        self.window.open_path(write_demo(folder / "Demo workshop.workshop"))

    # -- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [v for v in (value if isinstance(value, list) else [value]) if v]

    def remember(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent() if p != str(path)]
        self.settings.setValue("recent", items[:MAX_RECENT])

    # -- the open workshop -----------------------------------------------------------------
    def save_copy(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.workshop is None:
            return
        path = self.workshop.path
        suggestion = str(path.with_name(path.stem + " copy" + FILE_SUFFIX))
        chosen, _ = QFileDialog.getSaveFileName(self.window, "Save a copy", suggestion, FILTER)
        if chosen:
            self.save_copy_to(Path(chosen))

    def save_copy_to(self, path: Path) -> None:
        if self.workshop is None:
            return
        if path.resolve() == self.workshop.path:
            error = WorkshopError(path, "is the open workshop; choose another name.")
            self.window.show_error(error)
            return
        try:
            self.workshop.save_copy(path)
        except WorkshopError as exc:
            self.window.show_error(exc)
            return
        self._status(f"Copy saved as {path}", 6000)

    def restore(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        if self.workshop is None:
            return
        found = self.workshop.backups()
        if not found:
            QMessageBox.information(
                self.window,
                "Restore from backup",
                "There are no backups of this workshop yet. Backups are "
                "taken every 10 minutes while you edit.",
            )
            return
        labels = [b.label for b in found]
        label, ok = QInputDialog.getItem(
            self.window,
            "Restore from backup",
            "Bring back the workshop as it was on:",
            labels,
            0,
            False,
        )
        if ok:
            self.restore_backup(found[labels.index(label)])

    def restore_backup(self, backup: backups.Backup) -> None:
        ws = self.workshop
        if ws is None or ws.read_only:
            return
        try:
            ws.restore_backup(backup)  # backs up the current state first
        except WorkshopError as exc:
            self.window.show_error(exc)
            return
        self._status(f"Restored the backup of {backup.label}.", 8000)

    # -- backups while editing -------------------------------------------------------------
    def opened(self, ws: Workshop) -> None:
        """Follow the edits of a newly opened workshop."""
        self._dirty_since_backup = False
        self.remember(ws.path)
        ws.hub.changed.connect(self._on_changed)

    def closing(self) -> None:
        """The workshop is about to close: keep a last backup when it was edited."""
        if self._dirty_since_backup:
            self.take_backup()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or not changes.tables <= {Table.DRAFTS}:
            self._dirty_since_backup = True  # drafts of notes alone are not worth one

    def maybe_backup(self) -> None:
        ws = self.workshop
        if ws is None or not self._dirty_since_backup or ws.read_only:
            return
        from facilitator.store import backups

        latest = ws.backups()
        if (
            latest
            and (datetime.now(UTC) - latest[0].taken).total_seconds() < backups.INTERVAL_SECONDS
        ):
            return
        self.take_backup()

    def take_backup(self) -> None:
        ws = self.workshop
        if ws is None or ws.read_only:
            return
        try:
            ws.take_backup()
            self._dirty_since_backup = False
        except WorkshopError as exc:
            self._status(f"Backup failed: {exc.message}", 10000)
