"""The main window: a thin shell that opens workshops, wires the areas and owns the menus.

It knows areas only through ``AREAS`` (built on first visit, so opening a large workshop
stays fast); each area owns its widgets and lays itself out to fit a 1280×720 screen. The
menus are built from the registries (``menus.py``), the File menu's work on files and
backups is in ``file_actions.py``, the page shown without a workshop is ``welcome.py``,
where the window opens is ``window_place.py`` and the table of its keys (Help ▸ Keyboard
shortcuts) is ``shortcuts.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.areas import AREAS, ActionSpec, AreaContext
from facilitator.ui.bus import AreaBus
from facilitator.ui.errors import ErrorReporter
from facilitator.ui.file_actions import FileActions
from facilitator.ui.idle import when_idle
from facilitator.ui.jobs import Job
from facilitator.ui.menus import Menus, area_shortcut
from facilitator.ui.window_place import WindowPlace

if TYPE_CHECKING:
    from facilitator.store.database import Workshop
    from facilitator.ui.welcome import WelcomePage

NAV_STYLE = (
    "QListWidget{font-size:14px;border:none;background:#2F3E4E;color:#E8EEF3;}"
    "QListWidget::item{padding:10px 14px;}"
    "QListWidget::item:selected{background:#4E79A7;color:white;}"
)
BANNER_STYLE = "background:#FFF3CD;color:#664D03;padding:6px 10px;"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, welcome: bool = True) -> None:
        """``welcome=False`` when a workshop is opened before the window shows (the app's
        start with a file): the page shown without one is then built only if it is needed."""
        super().__init__()
        self.workshop: Workshop | None = None
        self.ctx: AreaContext | None = None
        self.undo_stack = QUndoStack(self)
        self.errors = ErrorReporter(
            lambda: self,
            lambda: str(self.workshop.path) if self.workshop is not None else "The workshop",
        )
        self.areas: dict[str, QWidget] = {}
        self._welcome: WelcomePage | None = None
        self._painted = False
        self._after_paint: list[Callable[[], Any]] = []
        # An area of a large workshop built on one turn of the event loop, to be shown on
        # the next one the window has free (see show_area).
        self._built: QWidget | None = None
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.setInterval(0)
        self._show_later.timeout.connect(self._show_built)
        settings = settings or QSettings("Facilitator", "Facilitator")
        self.files = FileActions(self, settings)
        self._build_body()
        if welcome:
            self.show_welcome()
        self.menus = Menus(self, self.files, self.undo_stack)
        self._update_title()
        self.place = WindowPlace(self, settings)
        self.place.restore()

    def show_placed(self) -> None:
        """Show the window where it was left (maximised if it was), inside the screen."""
        self.place.show()

    def _build_body(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("read_only_banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("area_nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(NAV_STYLE)
        for i, spec in enumerate(AREAS):
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.tip} ({area_shortcut(i)})")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_area_at)
        self.stack = QStackedWidget()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)

    @property
    def welcome(self) -> WelcomePage:
        """The page shown while no workshop is open (built the first time it is needed)."""
        if self._welcome is None:
            from facilitator.ui.welcome import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.new_requested.connect(self.files.new_workshop)
            self._welcome.open_requested.connect(self.files.open_dialog)
            self._welcome.demo_requested.connect(self.files.open_demo)
            self.stack.addWidget(self._welcome)
        return self._welcome

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    # -- the first frame -------------------------------------------------------------------
    def after_first_paint(self, work: Callable[[], Any]) -> None:
        """Run ``work`` once the window's first frame is on screen (at once if it is), so
        that what the first frame does not show never holds it up."""
        if self._painted:
            work()
        else:
            self._after_paint.append(work)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if not self._painted:
            self._painted = True
            # The window is painted before its children, in the same frame; the work waits
            # until what was queued while the frame was painted (a view's own follow-up)
            # is done, and the window has had a turn of its own.
            when_idle(self, lambda: when_idle(self, self._run_after_paint))
        super().paintEvent(event)

    def _run_after_paint(self) -> None:
        work, self._after_paint = self._after_paint, []
        for job in work:
            job()

    # -- opening and closing ---------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a workshop; on a bad file show why and keep the current one open."""
        from facilitator.edits.base import Edit
        from facilitator.store.database import Workshop

        Edit.on_error = self.show_error
        try:
            # A large file's check starts once the window shows it (at once if it already
            # shows something): its reading would compete with the first frame.
            ws = Workshop(path, check_later=True)
        except WorkshopError as exc:
            self.show_error(exc)
            return False
        self.close_workshop(welcome=False)  # the new one shows at once
        self.workshop = ws
        self.undo_stack.clear()
        self.ctx = AreaContext(
            workshop=ws,
            undo_stack=self.undo_stack,
            navigate=self.navigate,
            status=lambda msg: self.statusBar().showMessage(msg, 5000),
            error=self.show_error,
            bus=AreaBus(Clock(ws.info.timezone()), self),  # the agenda store loads later
            window=self,
        )
        ws.hub.changed.connect(self._on_changed)
        self.files.opened(ws)
        if ws.read_only:
            self.banner.setText(
                f"Read-only: {ws.open_result.reason}. Changes are disabled; "
                "use File ▸ Save a Copy… to work on a copy."
            )
            self.banner.show()
        else:
            self.banner.hide()
        self._show_area_at(0)  # (which marks its row in the list)
        self._update_title()
        self.after_first_paint(ws.check_in_background)
        return True

    def close_workshop(self, welcome: bool = True) -> None:
        """Close the open workshop; ``welcome`` shows the page for opening another."""
        if self.workshop is None:
            return
        self.files.closing()
        # Every area stops its background work and saves what is pending before any is
        # deleted: deleting widgets while another area's job thread still runs Python can
        # deadlock (Qt's connection lock against the interpreter's).
        for widget in self.areas.values():
            widget.close()
        Job.stop_all()  # an export or a merge started from the window, too
        self._built = None
        self._show_later.stop()
        for widget in self.areas.values():
            self.stack.removeWidget(widget)
            # Delete now, not later: an area's pending timers must not fire on a closed file.
            shiboken6.delete(widget)
        self.areas.clear()
        self.undo_stack.clear()
        self.workshop.close()
        self.workshop = None
        self.ctx = None
        self.banner.hide()
        self.statusBar().clearMessage()  # what an area was doing ("Generating teams…") ended
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        if welcome:
            self.show_welcome()
        self._update_title()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.place.save()
        self.close_workshop(welcome=False)
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
        built = widget is None
        if widget is None:
            widget = spec.load()(self.ctx)
            widget.setObjectName(f"{key}_area")
            self.areas[key] = widget
            # Each area lays itself out to fit a 1280×720 screen (tests/ui/test_layout.py),
            # so it sits in the stack directly: no scroll bars around its controls.
            self.stack.addWidget(widget)
        if built and self.ctx.workshop.is_large:
            # Built now, laid out and painted once the window has had a turn of its own
            # (a timer runs when nothing else waits): building an area of a large
            # workshop and painting it in one go held the window twice as long.
            self._built = widget
            self._show_later.start()
        else:
            self._built = None
            self._show_later.stop()
            self.stack.setCurrentWidget(widget)
        row = [s.key for s in AREAS].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def _show_built(self) -> None:
        widget, self._built = self._built, None
        if widget is not None:
            self.stack.setCurrentWidget(widget)

    def build_all_areas(self) -> None:
        """Build every area not visited yet and fill the menus filled on first use (the
        keyboard help lists their keys)."""
        self.menus.fill_exports()
        if self.ctx is None:
            return
        shown = self.current_area()
        for spec in AREAS:
            self.show_area(spec.key)
        if shown is not None:
            self.show_area(next(k for k, w in self.areas.items() if w is shown))

    def current_area(self) -> QWidget | None:
        shown = self._built or self.stack.currentWidget()  # (the one about to show)
        return shown if shown is not None and shown in self.areas.values() else None

    def navigate(self, key: str, request: dict[str, Any]) -> None:
        widget = self.show_area(key)
        if widget is not None and request and hasattr(widget, "handle_request"):
            if widget is self._built:
                self._show_built()  # a request scrolls to and selects what it names: on screen
            widget.handle_request(request)

    def run_action(self, spec: ActionSpec) -> None:
        """An area's window-wide action (``ACTIONS``), given the open workshop's context."""
        if self.ctx is None:
            self.statusBar().showMessage("Open a workshop first.", 4000)
            return
        try:
            spec.run(self.ctx)
        except WorkshopError as exc:
            self.show_error(exc)

    # -- status ----------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.undo_stack.clear()  # the file was replaced under the edits on the stack
        if not changes.everything and changes.tables <= {Table.DRAFTS}:
            return
        self.saved_label.setText("All changes saved")

    def _update_title(self) -> None:
        enabled = self.workshop is not None
        self.menus.set_workshop_open(enabled)
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

    def show_error(self, exc: BaseException) -> None:
        """A known error as a message naming the file; a bug as a dialog pointing at the log."""
        self.errors.report(exc)
