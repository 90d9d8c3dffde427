"""The Report area: choose and order sections, write the texts, preview pages, export.

Every choice is saved in the workshop (``report`` setting) the moment it is made. Preview and
export run in worker threads that open their own read-only connection, so the window stays
responsive on a 20,000-note workshop.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.report import SECTIONS, ReportSettings
from facilitator.edits.base import SetSetting
from facilitator.exports import ExportError, ExportOptions
from facilitator.store.changes import Changes
from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.report import SETTING_KEY
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_report_options import Ui_ReportOptions

PREVIEW_PAGES = 12

_Index = QModelIndex | QPersistentModelIndex


class SectionsModel(QAbstractListModel):
    """Every section, ticked when included; the ticked ones first, in report order."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys: list[str] = list(SECTIONS)
        self.included: set[str] = set()

    def load(self, sections: list[str]) -> None:
        self.beginResetModel()
        self.keys = list(sections) + [k for k in SECTIONS if k not in sections]
        self.included = set(sections)
        self.endResetModel()

    def sections(self) -> list[str]:
        return [k for k in self.keys if k in self.included]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.keys)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.keys):
            return None
        key = self.keys[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return SECTIONS[key]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.keys[index.row()]
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        if checked:
            self.included.add(key)
        else:
            self.included.discard(key)
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True

    def move(self, row: int, step: int) -> int:
        """Move one section up or down; returns its new row."""
        target = row + step
        if not (0 <= row < len(self.keys) and 0 <= target < len(self.keys)):
            return row
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self.keys.insert(target, self.keys.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return target


class PreviewWorker(QObject):
    """Lays out the report and renders its first pages to PNG, off the GUI thread."""

    progress = Signal(int)
    finished = Signal(list, int)  # image paths, total pages
    failed = Signal(str)

    def __init__(self, path: Path, settings: ReportSettings, folder: Path) -> None:
        super().__init__()
        self.path, self.settings, self.folder = path, settings, folder

    def run(self) -> None:
        from pypdf import PdfReader

        from facilitator.reports.outcome import build_pdf

        try:
            with Workshop(self.path, read_only=True) as ws:
                data = ws.report.load_report(self.settings)
            pdf = self.folder / "preview.pdf"
            build_pdf(
                data,
                pdf,
                self.settings.paper,
                self.settings.draft,
                lambda f: self.progress.emit(int(f * 90)),
            )
            total = len(PdfReader(pdf).pages)
            tool = shutil.which("pdftoppm")
            if not tool:
                self.failed.emit(
                    "Page preview needs pdftoppm (poppler-utils); export the PDF to view it."
                )
                return
            for old in self.folder.glob("page-*.png"):
                old.unlink()
            subprocess.run(
                [
                    tool,
                    "-r",
                    "60",
                    "-png",
                    "-l",
                    str(PREVIEW_PAGES),
                    str(pdf),
                    str(self.folder / "page"),
                ],
                check=True,
                capture_output=True,
            )
            self.progress.emit(100)
            self.finished.emit(sorted(str(p) for p in self.folder.glob("page-*.png")), total)
        except (WorkshopError, ExportError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, the window stays up
            self.failed.emit(f"The preview could not be made ({exc!r}).")


class ReportArea(QWidget):
    """Report settings on the left, page preview on the right."""

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self._loading = False
        self._thread: QThread | None = None
        self._worker: PreviewWorker | None = None
        self._job: Any = None
        self._folder = Path(tempfile.mkdtemp(prefix="facilitator-preview-"))

        self.options = QWidget()
        self.ui = Ui_ReportOptions()
        self.ui.setupUi(self.options)
        self.model = SectionsModel(self)
        self.ui.sections_view.setModel(self.model)

        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.preview_note = QLabel("Press Preview to see the first pages of the report.")
        self.pages_layout.addWidget(self.preview_note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        split = QSplitter()
        split.addWidget(self.options)
        split.addWidget(scroll)
        split.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self._typed = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save)

        u = self.ui
        self.model.changed.connect(self.save)
        u.up_button.clicked.connect(lambda: self._move(-1))
        u.down_button.clicked.connect(lambda: self._move(1))
        for edit in (u.summary_edit, u.way_forward_edit, u.acknowledgements_edit):
            edit.textChanged.connect(self._text_changed)
        for check in (u.anonymous_check, u.starred_check, u.draft_check):
            check.toggled.connect(self.save)
        u.paper_combo.currentIndexChanged.connect(self.save)
        u.preview_button.clicked.connect(self.preview)
        u.export_pdf_button.clicked.connect(lambda: self.export("report"))
        u.export_docx_button.clicked.connect(lambda: self.export("report-docx"))
        self.ws.hub.changed.connect(self._on_changed)
        self.load()
        editors = (u.summary_edit, u.way_forward_edit, u.acknowledgements_edit, u.starred_check)
        for w in (*editors, u.draft_check, u.paper_combo, u.up_button, u.down_button):
            w.setEnabled(not ctx.read_only)  # the anonymised box is set up by load()

    # settings ----------------------------------------------------------------------------
    def load(self) -> None:
        self._loading = True
        try:
            s = self.ws.report.load_settings()
            u = self.ui
            self.model.load(s.sections)
            for edit, text in (
                (u.summary_edit, s.executive_summary),
                (u.way_forward_edit, s.way_forward),
                (u.acknowledgements_edit, s.acknowledgements),
            ):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            chatham = bool(self.ws.info.details().get("chatham_house"))
            u.anonymous_check.setChecked(s.anonymous)
            u.anonymous_check.setEnabled(not chatham and not self.ctx.read_only)
            u.anonymous_check.setToolTip(
                "This workshop is under the Chatham House Rule, so the report names nobody."
                if chatham
                else "Attribute no statement to anyone and list no participant."
            )
            u.starred_check.setChecked(s.starred_only)
            u.draft_check.setChecked(s.draft)
            u.paper_combo.setCurrentIndex(1 if s.paper == "letter" else 0)
        finally:
            self._loading = False

    def settings(self) -> ReportSettings:
        u = self.ui
        return ReportSettings(
            sections=self.model.sections(),
            executive_summary=u.summary_edit.toPlainText(),
            way_forward=u.way_forward_edit.toPlainText(),
            acknowledgements=u.acknowledgements_edit.toPlainText(),
            draft=u.draft_check.isChecked(),
            paper="letter" if u.paper_combo.currentIndex() == 1 else "a4",
            anonymous=u.anonymous_check.isChecked(),
            starred_only=u.starred_check.isChecked(),
        )

    def save(self) -> None:
        """Record the choices as one undoable step (typing in a text merges into one step)."""
        if self._loading or self.ctx.read_only:
            return
        typing, self._typed = self._typed, False
        self._save_timer.stop()
        value = self.settings().to_value()
        if value == self.ws.info.setting(SETTING_KEY):
            return
        edit = SetSetting(self.ws, SETTING_KEY, value, "Edit report", merge=typing)
        self.ctx.push(edit, initiator=self)

    def _text_changed(self) -> None:
        if not self._loading:
            self._typed = True
            self._save_timer.start()

    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self):
            return  # the widgets already show what was saved
        settings = changes.ids(Table.SETTINGS)
        if changes.touches(Table.WORKSHOP) or settings is None or SETTING_KEY in settings:
            self.load()

    def _move(self, step: int) -> None:
        index = self.ui.sections_view.currentIndex()
        if not index.isValid():
            return
        row = self.model.move(index.row(), step)
        self.ui.sections_view.setCurrentIndex(self.model.index(row))

    # preview and export ------------------------------------------------------------------
    def busy(self) -> bool:
        return self._thread is not None

    def preview(self) -> None:
        if self.busy():
            return
        self.save()
        self._thread = QThread(self)
        self._worker = PreviewWorker(self.ws.path, self.settings(), self._folder)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.ui.progress_bar.setValue)
        self._worker.finished.connect(self._show_pages)
        self._worker.failed.connect(self._preview_failed)
        self.ui.preview_button.setEnabled(False)
        self.ui.status_label.setText("Laying out the report…")
        self._thread.start()

    def _end_worker(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = None
        self._worker = None
        self.ui.preview_button.setEnabled(True)

    def _show_pages(self, paths: list[str], total: int) -> None:
        self._end_worker()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for path in paths:
            label = QLabel()
            pixmap = QPixmap(path)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())
            label.setStyleSheet("border: 1px solid #B8C4D0; background: white;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        shown = len(paths)
        more = f" (first {shown} shown; export to see all)" if total > shown else ""
        self.ui.status_label.setText(f"{total} pages{more}.")
        self.ctx.status(f"Report preview: {total} pages")

    def _preview_failed(self, message: str) -> None:
        self._end_worker()
        self.ui.status_label.setText(message)
        self.ctx.error(ExportError(message))

    def export(self, kind: str, out: Path | None = None) -> None:
        from facilitator.ui.export_runner import export_job

        self.save()
        suffix = ".pdf" if kind == "report" else ".docx"
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                "Export outcome report",
                str(self.ws.path.with_suffix(suffix)),
                "PDF (*.pdf)" if suffix == ".pdf" else "Word (*.docx)",
            )
            if not name:
                return
            out = Path(name)
        s = self.settings()
        options = ExportOptions(paper=s.paper, anonymous=s.anonymous, draft=s.draft)
        self._job = export_job(self.ctx, kind, out, options)
        self._job.progressed.connect(self.ui.progress_bar.setValue)
        self._job.done.connect(lambda path: self.ui.status_label.setText(f"Exported {path}"))
        self._job.start()
