"""The areas of the main window and what each one is given.

The main window knows areas only through ``AREAS``: a key, a title, and the class to build
(imported on first visit, so start-up loads nothing an area needs until it is shown). An area
is a ``QWidget`` subclass taking ``(ctx: AreaContext)``; it talks to other areas only through
the workshop's change signals (``ctx.workshop.hub``) and ``ctx.navigate``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from facilitator.store.database import Workshop
    from facilitator.ui.bus import AreaBus


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: str
    target: str  # "module:Class"
    tip: str

    def load(self) -> type[QWidget]:
        module, cls = self.target.split(":")
        return getattr(importlib.import_module(module), cls)


AREAS: list[AreaSpec] = [
    AreaSpec(
        "overview",
        "Overview",
        "facilitator.ui.overview.area:OverviewArea",
        "Workshop details and what the workshop holds",
    ),
    AreaSpec(
        "agenda",
        "Agenda",
        "facilitator.ui.agenda.area:AgendaArea",
        "Plan the days and run the sessions live",
    ),
    AreaSpec(
        "people",
        "Participants",
        "facilitator.ui.people.area:PeopleArea",
        "Roster, import, check-in and the print kit",
    ),
    AreaSpec(
        "teams",
        "Teams",
        "facilitator.ui.teams.area:TeamsArea",
        "Breakout teams for group exercises",
    ),
    AreaSpec(
        "capture",
        "Capture",
        "facilitator.ui.capture.area:CaptureArea",
        "Live notes per session and team",
    ),
    AreaSpec(
        "polls",
        "Polls",
        "facilitator.ui.venue.area:PollsArea",
        "Polls, questions to the panel and evaluations answered from phones",
    ),
    AreaSpec("report", "Report", "facilitator.ui.report.area:ReportArea", "The PDF outcome report"),
]


@dataclass(frozen=True)
class ActionSpec:
    """A menu action an area offers to the whole window; imported only when triggered."""

    menu: str  # "File", "View" or "Tools"
    text: str  # with its menu letter: "&Import roster…"
    target: str  # "module:function", called as function(ctx)
    shortcut: str = ""

    def run(self, ctx: AreaContext) -> Any:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)(ctx)


ACTIONS: list[ActionSpec] = [
    ActionSpec(
        "File", "&Import roster…", "facilitator.ui.people.import_dialog:import_roster", "Ctrl+I"
    ),
    ActionSpec("File", "&Merge from another copy…", "facilitator.ui.capture.merge:merge_from_copy"),
    ActionSpec(
        "View", "Projector: &session timer", "facilitator.ui.agenda.projector:show_projector", "F5"
    ),
    ActionSpec(
        "View", "Projector: t&eams", "facilitator.ui.teams.projector:show_teams_projector", "F6"
    ),
    ActionSpec(
        "View",
        "Projector: polls and questions",
        "facilitator.ui.venue.projector:show_venue_projector",
        "F7",
    ),
    ActionSpec("View", "Venue Wi-Fi…", "facilitator.ui.venue.dialog:show_venue_dialog"),
]


@dataclass
class AreaContext:
    """Everything an area may use, passed in (no global registry)."""

    workshop: Workshop
    undo_stack: QUndoStack
    navigate: Callable[[str, dict[str, Any]], None]  # (area key, request) e.g. open a note
    status: Callable[[str], None]  # show a short message in the status bar
    error: Callable[[Exception], None]  # show a WorkshopError/ExportError to the user
    bus: AreaBus = None  # type: ignore[assignment]  # built in __post_init__ when not given
    window: QWidget | None = None

    def __post_init__(self) -> None:
        if self.bus is None:
            from facilitator.ui.agenda.clock import Clock
            from facilitator.ui.bus import AreaBus

            self.bus = AreaBus(Clock(self.workshop.info.timezone()))

    @property
    def read_only(self) -> bool:
        return self.workshop.read_only

    def push(self, command: Any, initiator: object | None = None) -> bool:
        """Run an undoable edit; a failure becomes a message and leaves the data as it was.

        ``initiator`` is the view that asked for the edit and already shows its result; the
        Changes it causes carry it, so that view can skip refreshing itself.
        """
        push, workshop_error = _edits()
        try:
            push(self.undo_stack, command, initiator)
        except workshop_error as exc:
            self.error(exc)
            return False
        return True


@cache
def _edits() -> tuple[Callable[..., Any], type[Exception]]:
    """``edits.base.push`` and ``WorkshopError``, imported by the first edit (not at start-up)
    and then kept: an import statement run on every edit costs more than the call itself."""
    from facilitator.edits.base import push
    from facilitator.store.errors import WorkshopError

    return push, WorkshopError
