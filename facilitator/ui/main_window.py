"""The main window: opens workshops, wires the areas together and owns the menus.

It knows areas only through ``AREAS``/``ACTIONS`` and exports through ``EXPORTERS``; each area
owns its widgets. Areas are built on first visit so that opening a large workshop stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__
from facilitator.store import backups
from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.areas import ACTIONS, AREAS, AreaContext
from facilitator.ui.bus import AreaBus
from facilitator.ui.errors import ErrorReporter

if TYPE_CHECKING:
    from facilitator.store.database import Workshop

FILE_SUFFIX = ".workshop"
FILTER = f"Workshops (*{FILE_SUFFIX});;All files (*)"
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Facilitator", "Facilitator")
        self.workshop: Workshop | None = None
        self.ctx: AreaContext | None = None
        self.undo_stack = QUndoStack(self)
        self.errors = ErrorReporter(
            lambda: self,
            lambda: str(self.workshop.path) if self.workshop is not None else "The workshop",
        )
        self.areas: dict[str, QWidget] = {}
        self._dirty_since_backup = False
        self.resize(1280, 820)
        self._build_body()
        self._build_menus()
        self._backup_timer = QTimer(self, interval=60_000)
        self._backup_timer.timeout.connect(self._maybe_backup)
        self._backup_timer.start()
        self._update_title()

    # -- layout ----------------------------------------------------------------------------
    def _build_body(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("read_only_banner")
        self.banner.setStyleSheet("background:#FFF3CD;color:#664D03;padding:6px 10px;")
        self.banner.hide()
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("area_nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget{font-size:14px;border:none;background:#2F3E4E;color:#E8EEF3;}"
            "QListWidget::item{padding:10px 14px;}"
            "QListWidget::item:selected{background:#4E79A7;color:white;}"
        )
        for i, spec in enumerate(AREAS):
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.tip} (Ctrl+{i + 1})")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_area_at)
        self.stack = QStackedWidget()
        self.welcome = self._build_welcome()
        self.stack.addWidget(self.welcome)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        page.setObjectName("welcome_page")
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        title = QLabel(
            "<h1>Facilitator</h1><p>Plan the agenda, run the sessions, form "
            "breakout teams, capture notes and print the outcome report, all "
            "offline, in one workshop file.</p>"
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        lay.addWidget(title)
        for text, slot in (
            ("New workshop…", self.new_workshop),
            ("Open workshop…", self.open_dialog),
            ("Open the demo workshop", self.open_demo),
        ):
            button = QPushButton(text)
            button.setMinimumWidth(260)
            button.clicked.connect(slot)
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(2)
        return page

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.menus = {"File": file}
        self._add(file, "&New…", self.new_workshop, QKeySequence.StandardKey.New)
        self._add(file, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        self.workshop_actions: list[QAction] = []
        self.workshop_actions.append(
            self._add(file, "Save a &Copy…", self.save_copy, QKeySequence("Ctrl+Shift+S"))
        )
        self.workshop_actions.append(self._add(file, "Restore from &Backup…", self.restore))
        file.addSeparator()
        self.export_menu = file.addMenu("&Export")
        self._build_export_menu()
        for spec in (s for s in ACTIONS if s.menu == "File"):
            self.workshop_actions.append(
                self._add(
                    file, spec.text, lambda s=spec: self._run_action(s), spec.shortcut or None
                )
            )
        file.addSeparator()
        self.workshop_actions.append(
            self._add(file, "&Close", self.close_workshop, QKeySequence.StandardKey.Close)
        )
        self._add(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        view = bar.addMenu("&View")
        self.menus["View"] = view
        for i, spec in enumerate(AREAS):
            action = self._add(
                view,
                spec.title,
                lambda k=spec.key: self.show_area(k),
                QKeySequence(f"Ctrl+{i + 1}"),
            )
            self.workshop_actions.append(action)
        view.addSeparator()
        for spec in (s for s in ACTIONS if s.menu == "View"):
            self.workshop_actions.append(
                self._add(
                    view, spec.text, lambda s=spec: self._run_action(s), spec.shortcut or None
                )
            )
        help_menu = bar.addMenu("&Help")
        self._add(help_menu, "&About Facilitator", self.about)

    def _build_export_menu(self) -> None:
        from facilitator.exports import EXPORTERS

        groups: dict[str, Any] = {}
        titles = {
            "agenda": "Agenda",
            "people": "Participants",
            "teams": "Teams",
            "report": "Report",
        }
        for exp in EXPORTERS:
            if exp.area not in groups:
                groups[exp.area] = self.export_menu.addMenu(titles.get(exp.area, exp.area))
            groups[exp.area].addAction(exp.label, lambda e=exp: self.export(e.kind))

    def _add(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # -- opening and closing ---------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a workshop; on a bad file show why and keep the current one open."""
        from facilitator.edits.base import Edit
        from facilitator.store.database import Workshop

        Edit.on_error = self.show_error
        try:
            ws = Workshop(path)
        except WorkshopError as exc:
            self.show_error(exc)
            return False
        self.close_workshop()
        self.workshop = ws
        self.undo_stack.clear()
        self.ctx = AreaContext(
            workshop=ws,
            undo_stack=self.undo_stack,
            navigate=self.navigate,
            status=lambda msg: self.statusBar().showMessage(msg, 5000),
            error=self.show_error,
            bus=AreaBus(Clock(ws.agenda.timezone()), self),
            window=self,
        )
        ws.hub.changed.connect(self._on_changed)
        self._remember(ws.path)
        if ws.read_only:
            self.banner.setText(
                f"Read-only: {ws.open_result.reason}. Changes are disabled; "
                "use File ▸ Save a Copy… to work on a copy."
            )
            self.banner.show()
        else:
            self.banner.hide()
        self.nav.setCurrentRow(0)
        self._show_area_at(0)
        self._update_title()
        return True

    def close_workshop(self) -> None:
        if self.workshop is None:
            return
        if self._dirty_since_backup:
            self._take_backup()
        for widget in self.areas.values():
            holder = widget.parentWidget().parentWidget()
            self.stack.removeWidget(holder)
            # Delete now, not later: an area's pending timers must not fire on a closed file.
            shiboken6.delete(holder)
        self.areas.clear()
        self.undo_stack.clear()
        self.workshop.close()
        self.workshop = None
        self.ctx = None
        self.banner.hide()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.close_workshop()
        super().closeEvent(event)

    # -- areas -----------------------------------------------------------------------------
    def _show_area_at(self, row: int) -> None:
        if 0 <= row < len(AREAS):
            self.show_area(AREAS[row].key)

    def show_area(self, key: str) -> QWidget | None:
        if self.ctx is None:
            return None
        spec = next(s for s in AREAS if s.key == key)
        widget = self.areas.get(key)
        if widget is None:
            widget = spec.load()(self.ctx)
            widget.setObjectName(f"{key}_area")
            self.areas[key] = widget
            # A scroll area lets an area wider than a small laptop screen scroll instead of
            # forcing the window off the screen.
            holder = QScrollArea()
            holder.setObjectName(f"{key}_holder")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(widget)
            self.stack.addWidget(holder)
        self.stack.setCurrentWidget(widget.parentWidget().parentWidget())
        row = [s.key for s in AREAS].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def current_area(self) -> QWidget | None:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else None

    def navigate(self, key: str, request: dict[str, Any]) -> None:
        widget = self.show_area(key)
        if widget is not None and request and hasattr(widget, "handle_request"):
            widget.handle_request(request)

    def _run_action(self, spec: Any) -> None:
        if self.ctx is None:
            self.statusBar().showMessage("Open a workshop first.", 4000)
            return
        try:
            spec.run(self.ctx)
        except WorkshopError as exc:
            self.show_error(exc)

    # -- file actions ----------------------------------------------------------------------
    def new_workshop(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New workshop", "Workshop" + FILE_SUFFIX, FILTER
        )
        if path:
            if not path.endswith(FILE_SUFFIX):
                path += FILE_SUFFIX
            if Path(path).exists():
                self.show_error(
                    WorkshopError(
                        path, "already exists; choose another name or open it with File ▸ Open."
                    )
                )
                return
            self.open_path(path)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open workshop", "", FILTER)
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        import tempfile

        from facilitator.interchange.demo import write_demo

        folder = Path(tempfile.mkdtemp(prefix="facilitator-demo-"))
        self.open_path(write_demo(folder / "Demo workshop.workshop"))

    def save_copy(self) -> None:
        if self.workshop is None:
            return
        suggestion = str(
            self.workshop.path.with_name(self.workshop.path.stem + " copy" + FILE_SUFFIX)
        )
        path, _ = QFileDialog.getSaveFileName(self, "Save a copy", suggestion, FILTER)
        if path:
            self.save_copy_to(Path(path))

    def save_copy_to(self, path: Path) -> None:
        if self.workshop is None:
            return
        if path.resolve() == self.workshop.path:
            self.show_error(WorkshopError(path, "is the open workshop; choose another name."))
            return
        try:
            self.workshop.save_copy(path)
        except WorkshopError as exc:
            self.show_error(exc)
            return
        self.statusBar().showMessage(f"Copy saved as {path}", 6000)

    def restore(self) -> None:
        if self.workshop is None:
            return
        found = self.workshop.backups()
        if not found:
            QMessageBox.information(
                self,
                "Restore from backup",
                "There are no backups of this workshop yet. Backups are "
                "taken every 10 minutes while you edit.",
            )
            return
        labels = [b.label for b in found]
        label, ok = QInputDialog.getItem(
            self, "Restore from backup", "Bring back the workshop as it was on:", labels, 0, False
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
            self.show_error(exc)
            return
        self.statusBar().showMessage(f"Restored the backup of {backup.label}.", 8000)

    def export(self, kind: str) -> None:
        if self.ctx is None:
            return
        from facilitator.ui.export_runner import export_with_dialog

        export_with_dialog(self.ctx, kind)

    # -- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [v for v in (value if isinstance(value, list) else [value]) if v]

    def _remember(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent() if p != str(path)]
        self.settings.setValue("recent", items[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = [p for p in self.recent() if Path(p).exists()]
        for p in items:
            self.recent_menu.addAction(Path(p).name, lambda p=p: self.open_path(p)).setToolTip(p)
        if not items:
            self.recent_menu.addAction("No recent workshops").setEnabled(False)

    # -- backups and status ----------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.undo_stack.clear()  # the file was replaced under the edits on the stack
        if not changes.everything and changes.tables <= {Table.DRAFTS}:
            return
        self._dirty_since_backup = True
        self.saved_label.setText("All changes saved")

    def _maybe_backup(self) -> None:
        if self.workshop is None or not self._dirty_since_backup or self.workshop.read_only:
            return
        latest = self.workshop.backups()
        from datetime import UTC, datetime

        if (
            latest
            and (datetime.now(UTC) - latest[0].taken).total_seconds() < backups.INTERVAL_SECONDS
        ):
            return
        self._take_backup()

    def _take_backup(self) -> None:
        if self.workshop is None or self.workshop.read_only:
            return
        try:
            self.workshop.take_backup()
            self._dirty_since_backup = False
        except WorkshopError as exc:
            self.statusBar().showMessage(f"Backup failed: {exc.message}", 10000)

    def _update_title(self) -> None:
        enabled = self.workshop is not None
        for action in self.workshop_actions:
            action.setEnabled(enabled)
        self.export_menu.setEnabled(enabled)
        self.nav.setEnabled(enabled)
        if self.workshop is None:
            self.setWindowTitle("Facilitator")
            self.saved_label.setText("")
            return
        title = self.workshop.info.details()["title"] or self.workshop.path.stem
        suffix = " [read-only]" if self.workshop.read_only else ""
        self.setWindowTitle(f"{title} — {self.workshop.path.name}{suffix} — Facilitator")
        self.saved_label.setText(
            "Read-only" if self.workshop.read_only else "Every change is saved as you go"
        )

    # -- messages --------------------------------------------------------------------------
    def show_error(self, exc: BaseException) -> None:
        """A known error as a message naming the file; a bug as a dialog pointing at the log."""
        self.errors.report(exc)

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Facilitator",
            f"<h3>Facilitator {__version__}</h3><p>Run multi-day workshops offline: agenda, "
            "participants, breakout teams, live notes and the outcome report.</p><p>Works "
            "without any network connection; each workshop is one file you can copy.</p>"
            "<p>Fonts: Noto Sans, SIL Open Font License 1.1.</p>",
        )
