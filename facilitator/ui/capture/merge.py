"""File ▸ Merge from another copy…: run the merge in a worker thread and report what it did."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from facilitator.interchange.merge import MergeReport, merge_into
from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.ui.areas import AreaContext


class MergeWorker(QObject):
    progress = Signal(int)
    finished = Signal(object)  # MergeReport
    failed = Signal(object)  # WorkshopError

    def __init__(self, path: Path, other: Path) -> None:
        super().__init__()
        self.path, self.other = path, other

    def run(self) -> None:
        # SQLite connections are per thread: the worker opens the file itself.
        try:
            ws = Workshop(self.path, lock=False)
            try:
                report = merge_into(
                    ws, self.other, progress=lambda f: self.progress.emit(int(f * 100))
                )
            finally:
                ws.close()
        except WorkshopError as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the window
            self.failed.emit(
                WorkshopError(self.other, f"could not be merged: unexpected error ({exc!r}).")
            )
            return
        self.finished.emit(report)


class MergeJob(QObject):
    """Owns the thread, worker and progress dialog of one merge."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, ctx: AreaContext, other: Path) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.report: MergeReport | None = None
        self.message_box: QMessageBox | None = None
        self.thread = QThread(self)
        self.worker = MergeWorker(ctx.workshop.path, other)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.dialog = QProgressDialog(f"Merging {other.name}…", "", 0, 100, ctx.window)
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(300)
        self.worker.progress.connect(self.dialog.setValue)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.thread.start()

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, report: MergeReport) -> None:
        self._stop()
        self.report = report
        self.ctx.workshop.hub.reset.emit()  # every view reloads what it shows
        lines = report.lines()
        self.ctx.status(lines[0])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Merge from another copy",
            lines[0],
            parent=self.ctx.window,
        )
        extra = lines[1:]
        conflicts = sum(report.conflicts.values())
        if conflicts:
            extra.append(
                "\nOpen Capture and press “Resolve…” to choose between the versions of "
                f"{conflicts} item{'s' if conflicts != 1 else ''}."
            )
        extra.append("A backup was taken before merging (File ▸ Restore from backup…).")
        box.setInformativeText("\n".join(extra))
        self.message_box = box
        box.open()
        self.done.emit(report)

    def _failed(self, exc: WorkshopError) -> None:
        self._stop()
        self.ctx.error(exc)
        self.error.emit(exc)


def merge_from_copy(ctx: AreaContext, path: str | Path | None = None) -> MergeJob | None:
    """Ask for another copy of this workshop and merge it in; returns the running job."""
    if ctx.read_only:
        ctx.error(
            WorkshopError(ctx.workshop.path, "is open read-only; nothing can be merged into it.")
        )
        return None
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            ctx.window,
            "Merge from another copy",
            str(ctx.workshop.path.parent),
            "Workshops (*.workshop);;All files (*)",
        )
        if not path:
            return None
    job = MergeJob(ctx, Path(path))
    job.start()
    return job
