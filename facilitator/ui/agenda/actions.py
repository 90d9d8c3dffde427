"""The Agenda's commands as actions, and the toolbar that shows them.

The actions belong to the area widget (``scope``) with a widget-with-children shortcut
context, so Ctrl+N, Ctrl+E, Del… act on the agenda wherever the focus is inside it and
nowhere else. The toolbar shows one tool button per action except the day-to-day moves,
which only have shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget


@dataclass(frozen=True)
class AgendaAction:
    name: str
    text: str
    shortcut: str = ""
    on_toolbar: bool = True
    edits: bool = True  # disabled when the workshop is open read-only


AGENDA_ACTIONS: tuple[AgendaAction, ...] = (
    AgendaAction("add_day", "Add &day…", "Ctrl+Shift+N"),
    AgendaAction("edit_day", "Edit da&y…"),
    AgendaAction("delete_day", "Delete day"),
    AgendaAction("add", "&Add session…", "Ctrl+N"),
    AgendaAction("edit", "&Edit…", "Ctrl+E"),
    AgendaAction("duplicate", "D&uplicate", "Ctrl+D"),
    AgendaAction("delete", "Delete", "Del"),
    AgendaAction("up", "Move up", "Ctrl+Up"),
    AgendaAction("down", "Move down", "Ctrl+Down"),
    AgendaAction("prev_day", "To previous day", "Ctrl+Left", on_toolbar=False),
    AgendaAction("next_day", "To next day", "Ctrl+Right", on_toolbar=False),
    AgendaAction("toggle", "&Table view", "Ctrl+T", edits=False),
)


class AgendaToolbar(QWidget):
    """Tool buttons for the agenda's actions; ``by_name`` holds the actions themselves."""

    def __init__(
        self,
        scope: QWidget,
        slots: Mapping[str, Callable[[], object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.by_name: dict[str, QAction] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in AGENDA_ACTIONS:
            action = QAction(spec.text, scope)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                plain = spec.text.replace("&", "").rstrip("…")
                action.setToolTip(f"{plain} ({spec.shortcut})")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slots[spec.name]: slot())
            scope.addAction(action)
            self.by_name[spec.name] = action
            if spec.on_toolbar:
                button = QToolButton()
                button.setDefaultAction(action)
                layout.addWidget(button)
        layout.addStretch(1)

    def set_read_only(self, read_only: bool) -> None:
        for spec in AGENDA_ACTIONS:
            if spec.edits:
                self.by_name[spec.name].setEnabled(not read_only)

    def show_table_toggle(self, table_shown: bool) -> None:
        """The toggle names the view it switches to."""
        self.by_name["toggle"].setText("&Timeline view" if table_shown else "&Table view")
