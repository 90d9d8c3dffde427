"""Run an export in a worker thread with a progress dialog, so the window never freezes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from facilitator.exports import BY_KIND, ExportError, ExportOptions, run_export
from facilitator.store.errors import WorkshopError
from facilitator.ui.areas import AreaContext


class ExportWorker(QObject):
    progress = Signal(int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, kind: str, workshop_path: Path, out: Path, options: ExportOptions):
        super().__init__()
        self.kind, self.workshop_path, self.out, self.options = kind, workshop_path, out, options

    def run(self) -> None:
        try:
            run_export(
                self.kind,
                self.workshop_path,
                self.out,
                self.options,
                progress=lambda f: self.progress.emit(int(f * 100)),
            )
        except (ExportError, WorkshopError) as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a bug still must not kill the window
            self.failed.emit(f"{self.out}: the export failed unexpectedly ({exc!r}).")
            return
        self.finished.emit(str(self.out))


class ExportJob(QObject):
    """Owns the thread, the worker and the progress dialog of one export."""

    done = Signal(str)
    error = Signal(str)

    def __init__(
        self, ctx: AreaContext, kind: str, out: Path, options: ExportOptions | None = None
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.thread = QThread(self)
        self.worker = ExportWorker(kind, ctx.workshop.path, out, options or ExportOptions())
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.dialog = QProgressDialog(f"Writing {out.name}…", "", 0, 100, ctx.window)
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

    def _finished(self, path: str) -> None:
        self._stop()
        self.ctx.status(f"Exported {path}")
        self.done.emit(path)

    def _failed(self, message: str) -> None:
        self._stop()
        self.ctx.error(ExportError(message))
        self.error.emit(message)


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
