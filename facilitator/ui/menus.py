"""The menu bar, built from the registries, so a new area, action or export needs no edit here.

The registries are the areas (``AREAS``), their window-wide actions (``ACTIONS``) and the
exports (``EXPORTERS``). File holds the file actions, the exports grouped by area and the
areas' File actions; Edit the undo stack's Undo and Redo; View one entry per area (Ctrl+1…)
and the areas' View actions; Help the keyboard shortcuts and the About box. Actions that
need an open workshop are disabled without one.

Every item has a letter of its own in its menu (Alt+F, N…). The chords are the ones desktop
users know (Ctrl+O, Ctrl+W, Ctrl+Q, Ctrl+Z, Ctrl+Shift+Z), written out rather than taken
from the platform's standard keys, which leave Quit and Close without one on some desktops.
File ▸ New has none: Ctrl+N adds a session in the Agenda, and a new workshop is made once
per event (Alt+F, N or the welcome page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from facilitator import __version__
from facilitator.ui.areas import ACTIONS, AREAS

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from facilitator.ui.file_actions import FileActions
    from facilitator.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def area_shortcut(index: int) -> str:
    """Ctrl+1 for the first area, Ctrl+2 for the second…"""
    return f"Ctrl+{index + 1}"


class Menus:
    """The menu bar. Its titles are in the window's first frame; the items are made when a
    menu is first opened or once that frame is up, whichever comes first (their keys
    answer from then on): the first frame does not wait for some thirty actions."""

    def __init__(self, window: MainWindow, files: FileActions, undo_stack: QUndoStack) -> None:
        self.window = window
        self.files = files
        self.undo_stack = undo_stack
        self._workshop_actions: list[QAction] = []  # enabled only while a workshop is open
        self._workshop_open = False
        self._filled = False
        bar = window.menuBar()
        self._menus = [bar.addMenu(title) for title in ("&File", "&Edit", "&View", "&Help")]
        for menu in self._menus:
            menu.aboutToShow.connect(self.fill)
        window.after_first_paint(self.fill)
        # File ▸ Export's submenus follow (the exporters' registry is not needed to paint).
        window.after_first_paint(self.fill_exports)

    @property
    def workshop_actions(self) -> list[QAction]:
        self.fill()
        return self._workshop_actions

    @property
    def recent_menu(self) -> QMenu:
        self.fill()
        return self._recent_menu

    @property
    def export_menu(self) -> QMenu:
        self.fill()
        return self._export_menu

    def fill(self) -> None:
        """Make the menus' items (once)."""
        if self._filled:
            return
        self._filled = True
        window, files = self.window, self.files
        file, edit, view, help_menu = self._menus

        self._add(file, "&New…", files.new_workshop)
        self._add(file, "&Open…", files.open_dialog, "Ctrl+O")
        self._recent_menu = file.addMenu("Open &Recent")
        self._recent_menu.aboutToShow.connect(self.fill_recent)
        file.addSeparator()
        self._add(file, "Save a Cop&y…", files.save_copy, "Ctrl+Shift+S", workshop=True)
        self._add(file, "Restore from &Backup…", files.restore, workshop=True)
        file.addSeparator()
        self._export_menu = file.addMenu("&Export")
        # Filled when first opened or once the window's first frame is up, whichever comes
        # first.
        self._export_menu.aboutToShow.connect(self.fill_exports)
        self._add_area_actions(file, "File")
        file.addSeparator()
        self._add(file, "&Close", window.close_workshop, "Ctrl+W", workshop=True)
        self._add(file, "&Quit", window.close, "Ctrl+Q")

        undo = self.undo_stack.createUndoAction(window, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(window, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)

        for i, spec in enumerate(AREAS):
            self._add(
                view,
                with_mnemonic(spec.title, _letters(view)),
                lambda k=spec.key: window.show_area(k),
                area_shortcut(i),
                workshop=True,
            )
        view.addSeparator()
        self._add_area_actions(view, "View")

        keys = self._add(help_menu, "&Keyboard shortcuts", self.show_keys)
        keys.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+?")])
        self._add(help_menu, "&About Facilitator", lambda: show_about(window))
        self.set_workshop_open(self._workshop_open)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], Any],
        shortcut: Shortcut = None,
        workshop: bool = False,
    ) -> QAction:
        from PySide6.QtGui import QAction  # its type is made with the items, after the frame

        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        if workshop:
            self._workshop_actions.append(action)
        return action

    def _add_area_actions(self, menu: QMenu, name: str) -> None:
        for spec in (s for s in ACTIONS if s.menu == name):
            self._add(
                menu,
                spec.text,
                lambda s=spec: self.window.run_action(s),
                spec.shortcut or None,
                workshop=True,
            )

    def fill_exports(self) -> None:
        """File ▸ Export's submenus, one per area (once)."""
        if self.export_menu.actions():
            return
        from facilitator.exports import EXPORTERS

        titles = {spec.key: spec.title for spec in AREAS}
        order = {spec.key: i for i, spec in enumerate(AREAS)}
        groups: dict[str, QMenu] = {}
        # Grouped by area, in the order of the areas (the registry's order within each).
        for exp in sorted(EXPORTERS, key=lambda e: order.get(e.area, len(order))):
            if exp.area not in groups:
                title = with_mnemonic(titles.get(exp.area, exp.area), _letters(self.export_menu))
                groups[exp.area] = self.export_menu.addMenu(title)
            groups[exp.area].addAction(exp.label, lambda e=exp: self._export(e.kind))

    def _export(self, kind: str) -> None:
        if self.window.ctx is None:
            return
        from facilitator.ui.export_runner import export_with_dialog

        export_with_dialog(self.window.ctx, kind)

    def fill_recent(self) -> None:
        """Open Recent lists the workshops opened before that still exist."""
        self.recent_menu.clear()
        items = [p for p in self.files.recent() if Path(p).exists()]
        for p in items:
            action = self.recent_menu.addAction(Path(p).name, lambda p=p: self.window.open_path(p))
            action.setToolTip(p)
        if not items:
            self.recent_menu.addAction("No recent workshops").setEnabled(False)

    def show_keys(self) -> None:
        """Help ▸ Keyboard shortcuts: every key of the window and its areas."""
        from facilitator.ui.shortcuts_dialog import show_shortcuts

        show_shortcuts(self.window)

    def set_workshop_open(self, is_open: bool) -> None:
        self._workshop_open = is_open
        if not self._filled:
            return  # applied when the items are made
        for action in self._workshop_actions:
            action.setEnabled(is_open)
        self._export_menu.setEnabled(is_open)


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before its first letter not in ``taken`` (lower case)."""
    if "&" in text.replace("&&", ""):
        return text
    for i, ch in enumerate(text):
        if ch.isalnum() and ch.lower() not in taken:
            return text[:i] + "&" + text[i:]
    return text


def _letters(menu: QMenu) -> set[str]:
    """The letters a menu's items already answer to (the keyboard table, ``shortcuts.py``,
    reads them the same way; it is loaded only when that table is asked for)."""
    found = set()
    portable = QKeySequence.SequenceFormat.PortableText
    for action in menu.actions():
        seq = QKeySequence.mnemonic(action.text()).toString(portable)
        if seq:
            found.add(seq.split("+")[-1].lower())
    return found


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        "About Facilitator",
        f"<h3>Facilitator {__version__}</h3><p>Run multi-day workshops offline: agenda, "
        "participants, breakout teams, live notes and the outcome report.</p><p>Works "
        "without any network connection; each workshop is one file you can copy.</p>"
        "<p>Fonts: Noto Sans, SIL Open Font License 1.1.</p>",
    )
