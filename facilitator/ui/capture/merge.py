"""File ▸ Merge from another copy…: run the merge as a job and report what it did.

A merge is a whole-file operation, like restoring a backup: the job opens the file on a
connection of its own and writes everything in one transaction while the modal progress
dialog holds the window's edits; when it is done the views reload from one
``Changes.all()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.merge import MergeReport
from facilitator.ui.areas import AreaContext
from facilitator.ui.jobs import Job, Progress


def _merge(path: Path, other: Path, progress: Progress) -> MergeReport:
    ws = Workshop(path, lock=False)
    try:
        return ws.merge.merge_from(other, progress=progress)
    finally:
        ws.close()


class MergeJob(Job):
    """One merge in a worker thread; reloads every view and reports what it did."""

    def __init__(self, ctx: AreaContext, other: Path) -> None:
        path = ctx.workshop.path
        super().__init__(
            ctx.window,
            f"Merging {other.name}…",
            lambda progress: _merge(path, other, progress),
            cancellable=False,  # one transaction: it completes or rolls back on failure
        )
        self.ctx = ctx
        self.report: MergeReport | None = None
        self.message_box: QMessageBox | None = None
        # Connected before any outside listener, so the report is ready when ``done`` reaches
        # them.
        self.done.connect(self._report)
        self.failed.connect(ctx.error)

    def _report(self, report: MergeReport) -> None:
        self.report = report
        self.ctx.workshop.replaced()  # every view reloads what it shows
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
