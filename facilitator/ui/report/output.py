"""Preview and export the report: the buttons, and the progress of what they started.

Both run as :class:`~facilitator.ui.jobs.Job` s on the choices the options panel shows (saved
first). The preview feeds this panel's progress bar and can be cancelled here; the export
has the progress dialog of :func:`~facilitator.ui.export_runner.export_job` as well. A
failure becomes a message and a line under the bar; the buttons stay usable. An anonymous
export with undecided names asks first; "Review in Privacy check" emits ``review_requested``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from facilitator.exports import ExportError, ExportOptions
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_report_output import Ui_ReportOutput
from facilitator.ui.jobs import Job
from facilitator.ui.report.options import OptionsPanel
from facilitator.ui.report.preview import PagesPanel, PreviewPages, render_preview

KINDS = {"report": (".pdf", "PDF (*.pdf)"), "report-docx": (".docx", "Word (*.docx)")}


class OutputPanel(QWidget):
    review_requested = Signal()  # the export found undecided names: show the Privacy check

    def __init__(
        self,
        ctx: AreaContext,
        options: OptionsPanel,
        pages: PagesPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.options = options
        self.pages = pages
        self.ui = Ui_ReportOutput()
        self.ui.setupUi(self)
        self.preview_job: Job | None = None
        self.export_job: Job | None = None
        self.ui.preview_button.clicked.connect(self.preview)
        self.ui.cancel_button.clicked.connect(self.cancel_preview)
        self.ui.export_pdf_button.clicked.connect(lambda: self.export("report"))
        self.ui.export_docx_button.clicked.connect(lambda: self.export("report-docx"))

    # -- preview ---------------------------------------------------------------------------
    def busy(self) -> bool:
        """Whether a preview is being made."""
        return self.preview_job is not None

    def preview(self) -> None:
        if self.busy():
            return
        self.options.save()
        work = partial(render_preview, self.ws.path, self.options.settings(), self.pages.folder)
        job = Job(self, "Previewing the report…", work, expected=(ExportError,), dialog=False)
        job.progressed.connect(self.ui.progress_bar.setValue)
        job.done.connect(self._previewed)
        job.failed.connect(self._preview_failed)
        job.cancelled.connect(self._preview_cancelled)
        self.preview_job = job
        self.ui.preview_button.setEnabled(False)
        self.ui.cancel_button.show()
        self.ui.status_label.setText("Laying out the report…")
        job.start()

    def cancel_preview(self) -> None:
        if self.preview_job is not None:
            self.ui.status_label.setText("Stopping the preview…")
            self.preview_job.cancel()

    def stop(self) -> None:
        """Stop a running preview and wait for it (the area is closing)."""
        if self.preview_job is not None:
            self.preview_job.blockSignals(True)  # nothing to show any more
            self.preview_job.wait()
            self._end_preview()

    def _end_preview(self) -> None:
        if self.preview_job is not None:
            self.preview_job.deleteLater()
        self.preview_job = None
        self.ui.cancel_button.hide()
        self.ui.preview_button.setEnabled(True)

    def _previewed(self, pages: PreviewPages) -> None:
        self._end_preview()
        self.pages.show_pages(pages.images)
        shown = len(pages.images)
        more = f" (first {shown} shown; export to see all)" if pages.total > shown else ""
        self.ui.status_label.setText(f"{pages.total} pages{more}.")
        self.ctx.status(f"Report preview: {pages.total} pages")

    def _preview_failed(self, exc: Exception) -> None:
        self._end_preview()
        self.ui.status_label.setText(str(exc))
        self.ctx.error(exc)

    def _preview_cancelled(self) -> None:
        self._end_preview()
        self.ui.progress_bar.setValue(0)
        self.ui.status_label.setText("Preview cancelled.")

    # -- export ----------------------------------------------------------------------------
    def export(self, kind: str, out: Path | None = None) -> None:
        """Write the report as ``kind`` ("report" or "report-docx") to ``out`` (or ask)."""
        from facilitator.ui.export_runner import export_job

        self.options.save()
        suffix, pattern = KINDS[kind]
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export outcome report", str(self.ws.path.with_suffix(suffix)), pattern
            )
            if not name:
                return
            out = Path(name)
        s = self.options.settings()
        options = ExportOptions(paper=s.paper, anonymous=s.anonymous, draft=s.draft)
        job = export_job(
            self.ctx, kind, out, options, follow=self._follow, review=self.review_requested.emit
        )
        self._follow(job)
        job.failed.connect(self._export_failed)
        job.start()

    def _follow(self, job: Job) -> None:
        """Show an export's progress here (the first attempt, or the one withholding all)."""
        self.export_job = job
        job.progressed.connect(self.ui.progress_bar.setValue)
        job.done.connect(lambda path: self.ui.status_label.setText(f"Exported {path}"))

    def _export_failed(self, exc: Exception) -> None:
        from facilitator.exports import UnresolvedHits

        self.ui.progress_bar.setValue(0)
        if isinstance(exc, UnresolvedHits):
            n = len(exc.findings)
            self.ui.status_label.setText(
                f"Not exported yet: {n} possible name{'s' * (n != 1)} nobody has decided about."
            )
        else:
            self.ui.status_label.setText(str(exc))
