"""Run an export in a worker thread with a progress dialog, so the window never freezes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from facilitator.exports import BY_KIND, ExportError, ExportOptions, run_export
from facilitator.store.errors import WorkshopError
from facilitator.ui.areas import AreaContext
from facilitator.ui.background import BackgroundJob


class ExportJob(BackgroundJob):
    """One export; reports success in the status bar and failures as a message."""

    def __init__(
        self, ctx: AreaContext, kind: str, out: Path, options: ExportOptions | None = None
    ) -> None:
        workshop_path, opts = ctx.workshop.path, options or ExportOptions()
        super().__init__(
            ctx.window,
            f"Writing {out.name}…",
            lambda progress: run_export(kind, workshop_path, out, opts, progress),
            expected=(ExportError, WorkshopError),
            unexpected=lambda exc: ExportError(f"{out}: the export failed unexpectedly ({exc!r})."),
        )
        self.done.connect(lambda path: ctx.status(f"Exported {path}"))
        self.error.connect(
            lambda exc: ctx.error(exc if isinstance(exc, ExportError) else ExportError(str(exc)))
        )


def export_with_dialog(
    ctx: AreaContext, kind: str, options: ExportOptions | None = None
) -> ExportJob | None:
    exporter = BY_KIND[kind]
    suggestion = ctx.workshop.path.with_name(f"{ctx.workshop.path.stem} {kind}{exporter.suffix}")
    path, _ = QFileDialog.getSaveFileName(
        ctx.window, exporter.label.rstrip("…"), str(suggestion), f"*{exporter.suffix}"
    )
    if not path:
        return None
    job = ExportJob(ctx, kind, Path(path), options)
    job.start()
    return job
