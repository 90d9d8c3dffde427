"""File ▸ Import roster…: choose a file, check and correct the column mapping, preview, import.

Nothing is written until the user presses Import; a file with rejected rows imports nothing
unless the user chooses to skip them. The whole import is one undo step.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QProgressBar,
    QProgressDialog,
    QWidget,
)

from facilitator.edits.people import ImportRoster, ProgressWindow, prepare_import
from facilitator.interchange import roster
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_people_import import Ui_ImportDialog
from facilitator.ui.jobs import JobCancelled, run_blocking
from facilitator.ui.people.import_mapping import FieldDelegate, MappingModel
from facilitator.ui.people.import_preview import (
    CHOICE_COLUMN,
    ChoiceDelegate,
    PreviewModel,
    PreviewRows,
    RejectedModel,
    preview_rows,
)
from facilitator.ui.window_place import fit_on_screen

LARGE = 3000  # rows from which checking a file is a job with progress
WRITE_LARGE = 2000  # rows from which an import is written in steps, with progress
FILE_FILTER = "Rosters (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"


class ImportDialog(QDialog):
    """The mapping dialog: header row, column mapping, preview and rejected rows."""

    def __init__(
        self,
        ctx: AreaContext,
        table: roster.Table,
        existing: list[dict[str, Any]],
        parent: QWidget | None = None,
        history: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(parent or ctx.window)
        self.ctx = ctx
        self.table = table
        self.existing = existing
        self.history = history or {}
        self.plan: roster.ImportPlan | None = None
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Import roster – {table.path.name}")
        self.ui.file_label.setText(f"<b>{table.path.name}</b>: {table.describe()}.")
        mapping = roster.detect_mapping(table)
        self.mapping_model = MappingModel(table, mapping, self)
        self.ui.mapping_view.setModel(self.mapping_model)
        self.ui.mapping_view.setItemDelegateForColumn(2, FieldDelegate(self.ui.mapping_view))
        self.ui.mapping_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.ui.mapping_view.verticalHeader().hide()
        self.ui.mapping_view.setColumnWidth(0, 220)
        self.ui.mapping_view.setColumnWidth(2, 200)
        self.preview_model = PreviewModel(self)
        view = self.ui.preview_view
        view.setModel(self.preview_model)
        view.setItemDelegateForColumn(CHOICE_COLUMN, ChoiceDelegate(view))
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.header().setStretchLastSection(True)
        for col, width in enumerate([100, 220, 260, 320]):
            view.setColumnWidth(col, width)
        self.preview_model.choices_changed.connect(self._show_summary)
        # rows listed as the preview scrolls: their differing fields open once they are in
        self.preview_model.rowsInserted.connect(self._rows_listed)
        self.rejected_model = RejectedModel(self)
        self.ui.rejected_view.setModel(self.rejected_model)
        self.ui.rejected_view.verticalHeader().hide()
        self.ui.rejected_view.horizontalHeader().setStretchLastSection(True)
        self.ui.header_row_spin.setMaximum(max(1, len(table.rows)))
        self.ui.header_row_spin.setValue(mapping.header_row + 1)
        self.ui.header_row_spin.valueChanged.connect(self._header_row_changed)
        self.mapping_model.dataChanged.connect(lambda *_: self.recompute())
        self.ui.skip_invalid_check.toggled.connect(lambda _on: self._update_button())
        self.import_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.splitter.setSizes([260, 400])
        self.recompute()

    @property
    def mapping(self) -> roster.Mapping:
        return self.mapping_model.mapping

    def _header_row_changed(self, value: int) -> None:
        row = value - 1
        cells = self.table.rows[row] if row < len(self.table.rows) else []
        self.mapping_model.set_mapping(roster.Mapping(row, roster.map_header(cells)))
        self.recompute()

    def set_field(self, column: int, field: str) -> None:
        """Map one file column to a field (what the combo box in the table does)."""
        self.mapping_model.setData(self.mapping_model.index(column, 2), field)

    def recompute(self) -> None:
        problem = self.mapping.problem()
        if problem:
            self.plan = None
            self.preview_model.set_plan(None)
            self.rejected_model.set_items([])
            self.ui.summary_label.setText(f"<span style='color:#B3261E'>{problem}</span>")
            self._update_button()
            return
        table, mapping, existing, history = self.table, self.mapping, self.existing, self.history

        def work(progress: Any) -> tuple[roster.ImportPlan, PreviewRows]:
            rows, rejected = roster.convert(table, mapping, progress)
            plan = roster.plan_import(
                table.path.name,
                rows,
                rejected,
                existing,
                progress,
                history=history,
                saved_at=table.saved_at,
            )
            return plan, preview_rows(plan, existing)

        if len(table.rows) > LARGE:
            self.plan, shown = run_blocking(self, "Checking rows…", work)
        else:
            self.plan, shown = work(lambda _f: None)
        self.preview_model.set_plan(self.plan, rows=shown)
        self._expand_changes()
        self.rejected_model.set_items(self.plan.rejected)
        self.ui.result_tabs.setTabText(1, f"Rejected rows ({len(self.plan.rejected)})")
        if self.plan.rejected:
            self.ui.result_tabs.setCurrentIndex(1)
        self._show_summary()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        # designed 1000×720: on a 1280×720 screen its buttons were below the screen's edge
        fit_on_screen(self, self.parentWidget() or self)

    def _rows_listed(self, parent: Any, first: int, last: int) -> None:
        if not parent.isValid():
            QTimer.singleShot(0, self, lambda: self._expand_changes(first, last))

    def _expand_changes(self, first: int = 0, last: int | None = None) -> None:
        """Open the rows whose fields differ (the first few hundred), so choices are seen;
        rows listed later (as the view scrolls down) between ``first`` and ``last``."""
        model, view = self.preview_model, self.ui.preview_view
        last = model.listed - 1 if last is None else last
        opened = bisect.bisect_left(model.changed, first)
        for r in model.changed[opened:300]:
            if r > last:
                break
            view.expand(model.index(r, 0))

    def _show_summary(self) -> None:
        if self.plan is None:
            return
        text = "Import will: " + self.plan.summary() + "."
        if self.plan.rejected:
            n = len(self.plan.rejected)
            text += (
                f"<br><span style='color:#B3261E'>{n} row{'s' * (n != 1)} cannot be imported "
                "(see Rejected rows). Nothing is imported until you fix the file or "
                "choose to skip them.</span>"
            )
        elif any(u.changes for u in self.plan.matched):
            text += (
                "<br>Under each row that matches someone, each field that differs shows the "
                "roster's value and the file's; click “Import will” to choose the other."
            )
        self.ui.summary_label.setText(text)
        self._update_button()

    def can_import(self) -> bool:
        plan = self.plan
        if plan is None or not (plan.adds or plan.updates):
            return False
        return not plan.rejected or self.ui.skip_invalid_check.isChecked()

    def _update_button(self) -> None:
        self.ui.skip_invalid_check.setVisible(bool(self.plan and self.plan.rejected))
        self.import_button.setEnabled(self.can_import() and not self.ctx.read_only)


def open_file(ctx: AreaContext, path: str | Path) -> ImportDialog | None:
    """Read the file and the roster it is compared with (in a worker, with progress) and
    build the mapping dialog."""
    path = Path(path)
    ws = ctx.workshop

    def read(progress: Any) -> tuple[roster.Table, list[dict[str, Any]], dict[str, list[str]]]:
        # the cyclic garbage collector paused (see roster.bulk): its full passes over the
        # whole program, made while the job holds the interpreter, froze the window
        with roster.bulk():
            table = roster.read_table(path, progress)
            with ws.reader() as reader:  # 15,000 people sorted by name: not on the UI thread
                return table, list(reader.people.people()), reader.people.edit_history()

    try:
        table, people, history = run_blocking(
            ctx.window, f"Reading {path.name}…", read, expected=(roster.RosterFileError,)
        )
    except roster.RosterFileError as exc:
        ctx.error(exc)
        return None
    except JobCancelled:
        return None
    if not table.rows:
        ctx.error(roster.RosterFileError(f"{path}: the file holds no rows."))
        return None
    return ImportDialog(ctx, table, people, history=history)


class WritingProgress(QProgressDialog):
    """“Writing participants…” while a large import is written, one step at a time.

    The write is one transaction that stays open across the steps, so between them the
    window repaints but takes no input (the dialog is modal and cannot be closed, and
    the steps hand the event loop only what is not user input).
    """

    def __init__(self, parent: QWidget | None, label: str = "Writing participants…") -> None:
        super().__init__(label, "", 0, 1000, parent)
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # its own bar, set directly: QProgressDialog.setValue would hand the event loop
        # every event, user input included, while the transaction is open
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.setBar(self.bar)

    def step(self, fraction: float) -> None:
        """Show how far the write is, then let the window repaint (called between steps)."""
        self.bar.setValue(int(fraction * 1000))
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def reject(self) -> None:  # Escape: the import cannot stop half-way
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()


def progress_window(parent: QWidget) -> ProgressWindow:
    """A :class:`WritingProgress` shown for each write of a large import: the import
    itself, and every undo and redo of it later (from Edit ▸ Undo or Ctrl+Z)."""

    @contextmanager
    def shown(label: str) -> Iterator[Callable[[float], None]]:
        progress = WritingProgress(parent, label)
        progress.show()
        progress.step(0.0)
        try:
            yield progress.step
        finally:
            progress.hide()
            progress.deleteLater()

    return shown


def commit(ctx: AreaContext, dialog: ImportDialog) -> bool:
    """Write the accepted plan as one undoable step, with progress for large imports.

    For a large roster the rows to write are made in a job, and the write hands the event
    loop a turn after every few hundred rows (:class:`WritingProgress`), so the window
    never freezes; it is still one transaction and one undo step, all or nothing.
    """
    plan = dialog.plan
    if plan is None or not dialog.can_import():
        return False
    large = len(plan.adds) + len(plan.matched) > WRITE_LARGE
    try:
        prepared = (
            run_blocking(ctx.window, "Preparing participants…", lambda _p: prepare_import(plan))
            if large
            else prepare_import(plan)
        )
    except JobCancelled:
        return False
    command = ImportRoster(ctx.workshop, plan, prepared)
    if large:
        command.progress_window = progress_window(ctx.window)
    ok = ctx.push(command)
    if ok:
        ctx.status(
            f"Imported {dialog.table.path.name}: {len(command.adds)} added, "
            f"{len(command.updates)} updated, {len(plan.rejected)} skipped."
        )
    return ok


def import_roster(ctx: AreaContext, path: str | Path | None = None) -> bool:
    """File ▸ Import roster…"""
    if ctx.read_only:
        ctx.status("This workshop is open read-only; importing is disabled.")
        return False
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(ctx.window, "Import roster", "", FILE_FILTER)
        if not chosen:
            return False
        path = chosen
    dialog = open_file(ctx, path)
    if dialog is None:
        return False
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return commit(ctx, dialog)
