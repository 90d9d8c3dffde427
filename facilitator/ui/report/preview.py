"""The page preview: lay the report out and show its first pages as pictures.

:func:`render_preview` is the work of a :class:`~facilitator.ui.jobs.Job`: it opens its own
read-only connection, builds the PDF with reportlab and has poppler's ``pdfinfo`` count the
pages and ``pdftoppm`` draw the first few, so the window stays responsive on a 20,000-note
workshop. :class:`PagesPanel` shows the pictures it returns.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from facilitator.domain.report import ReportSettings
from facilitator.exports import ExportError
from facilitator.reports.heap import Kept, long_lived
from facilitator.store.database import Workshop
from facilitator.ui.jobs import Progress

PREVIEW_PAGES = 12
RESOLUTION_DPI = 60
PAGE_PREFIX = "page"
MISSING_TOOLS = (
    "Page preview needs pdftoppm and pdfinfo (poppler-utils); export the PDF to view it."
)


@dataclass(frozen=True)
class PreviewPages:
    images: list[Path]  # the first pages, in order
    total: int  # pages in the whole report


def _run_tool(args: list[str]) -> str:
    """Run a poppler tool; its failure is the user's to fix (a broken install), not a bug."""
    try:
        done = subprocess.run(
            args, check=True, capture_output=True, text=True, encoding="utf-8", errors="replace"
        )
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or "").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {exc.returncode}"
        raise ExportError(f"{Path(args[0]).name} could not read the preview: {reason}") from exc
    return done.stdout


def page_count(pdf: Path, pdfinfo: str) -> int:
    """Pages in ``pdf`` as poppler's pdfinfo reports them."""
    found = re.search(r"^Pages:\s+(\d+)\s*$", _run_tool([pdfinfo, str(pdf)]), re.MULTILINE)
    if found is None:
        raise ExportError(f"pdfinfo did not report how many pages {pdf.name} has.")
    return int(found.group(1))


def render_preview(
    workshop: Path, settings: ReportSettings, folder: Path, progress: Progress
) -> PreviewPages:
    """Build the report as ``settings`` say and draw its first pages into ``folder``."""
    from facilitator.reports.outcome import build_pdf

    pdftoppm, pdfinfo = shutil.which("pdftoppm"), shutil.which("pdfinfo")
    if not (pdftoppm and pdfinfo):
        raise ExportError(MISSING_TOOLS)
    progress(0.0)
    pdf = folder / "preview.pdf"
    with long_lived() as keep:  # a huge workshop's notes: see reports/heap.py
        # Open until the PDF is written: the notes are read as layout reaches them.
        with Workshop(workshop, read_only=True) as ws, ws.report.snapshot():
            data = ws.report.load_report(settings, progress=Kept(progress, keep, 0.1))
            laid_out = Kept(lambda f: progress(f * 0.9), keep)
            build_pdf(data, pdf, settings.paper, settings.draft, laid_out)
            del data
    total = page_count(pdf, pdfinfo)
    progress(0.92)
    for old in folder.glob(f"{PAGE_PREFIX}-*.png"):
        old.unlink()
    _run_tool(
        [
            pdftoppm,
            "-r",
            str(RESOLUTION_DPI),
            "-png",
            "-l",
            str(PREVIEW_PAGES),
            str(pdf),
            str(folder / PAGE_PREFIX),
        ]
    )
    progress(1.0)
    return PreviewPages(sorted(folder.glob(f"{PAGE_PREFIX}-*.png")), total)


class PagesPanel(QScrollArea):
    """The previewed pages one under the other, in a folder of its own that goes with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(
            prefix="facilitator-preview-", ignore_cleanup_errors=True
        )
        self.folder = Path(self._folder.name)
        self.setWidgetResizable(True)
        inner = QWidget()
        self.pages_layout = QVBoxLayout(inner)
        self.pages_layout.addWidget(QLabel("Press Preview to see the first pages of the report."))
        self.setWidget(inner)

    def show_pages(self, images: list[Path]) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for path in images:
            label = QLabel()
            pixmap = QPixmap(str(path))
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())
            label.setStyleSheet("border: 1px solid #B8C4D0; background: white;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
