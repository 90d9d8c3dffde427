"""Run an export as a job with a progress dialog, so the window never freezes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from facilitator.exports import BY_KIND, ExportError, ExportOptions, run_export
from facilitator.ui.areas import AreaContext
from facilitator.ui.jobs import Job, JobCancelled, Progress


def export_job(ctx: AreaContext, kind: str, out: Path, options: ExportOptions | None = None) -> Job:
    """One export; success goes to the status bar, a failure to a message. Not started."""
    workshop_path, opts = ctx.workshop.path, options or ExportOptions()

    def work(progress: Progress) -> Path:
        try:
            return run_export(kind, workshop_path, out, opts, progress)
        except JobCancelled:
            out.unlink(missing_ok=True)  # no half-written file left behind
            raise

    job = Job(ctx.window, f"Writing {out.name}…", work, expected=(ExportError,))
    job.done.connect(lambda path: ctx.status(f"Exported {path}"))
    job.failed.connect(ctx.error)
    job.cancelled.connect(lambda: ctx.status(f"Export of {out.name} cancelled."))
    return job


def export_with_dialog(
    ctx: AreaContext, kind: str, options: ExportOptions | None = None
) -> Job | None:
    exporter = BY_KIND[kind]
    suggestion = ctx.workshop.path.with_name(f"{ctx.workshop.path.stem} {kind}{exporter.suffix}")
    path, _ = QFileDialog.getSaveFileName(
        ctx.window, exporter.label.rstrip("…"), str(suggestion), f"*{exporter.suffix}"
    )
    if not path:
        return None
    return export_job(ctx, kind, Path(path), options).start()
