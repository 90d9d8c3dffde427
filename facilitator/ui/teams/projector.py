"""Projector view of the teams of the current round: large type in team colours.

Opens full screen on a second screen when there is one (else a window inside this one; F11
toggles full screen, Esc closes it). The round is the one open in the Teams area, else the
round of the session running live, else the first round of the first team set. It follows
every edit. The panels and the names are laid out to be as large as the window allows
(:func:`best_layout`): four teams side by side, twelve in a grid, long lists in columns.

With privacy on (the Chatham House Rule, or *Lists show* other than full details) the texts
around the names (team set, round and team names, rooms) print through the privacy guard
like the printed team lists; under each name it shows what those lists show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.privacy import Source, listed_detail
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.projection import show_projector_window, toggle_full_screen

# The keys the window answers to (Help ▸ Keyboard shortcuts lists them).
KEYS = (("Esc", "Close the projector"), ("F11", "Full screen on or off"))

LISTS = "Team lists"  # the guard's section: decisions are shared with the printed lists


def current_round(ctx: AreaContext) -> tuple[str | None, str | None]:
    """(team set id, round id) to show."""
    ws = ctx.workshop
    team_set_id, round_id = ctx.bus.team_round
    if round_id and ws.rows.get(Table.ROUNDS, round_id):
        return team_set_id, round_id
    live = ctx.bus.live_session_id
    if live:
        for r in ws.teams.rounds_in_session(live):
            return r["team_set_id"], r["id"]
    ts = ws.teams.find_team_set(None)
    if ts is None:
        return None, None
    rounds = ws.teams.rounds(ts["id"])
    return ts["id"], rounds[0]["id"] if rounds else None


@dataclass(frozen=True)
class ShownTeam:
    """What the projector shows of one team."""

    name: str
    colour: str
    room: str
    members: tuple[str, ...]
    details: tuple[str, ...] = ()  # under each name: what the printed lists show (or "")


@dataclass(frozen=True)
class Layout:
    """How the teams fill the window: a grid of panels, names in columns, one type size."""

    columns: int  # panels across
    rows: int  # panels down
    name_columns: int  # columns of names inside a panel
    pixels: int  # the names' type size; the team name is larger, the room smaller


# Sizes as shares of the names' type size, and fixed spacing in pixels.
HEAD, ROOM, GAP, PAD_X, PAD_Y, NAME_GAP = 1.25, 0.7, 18, 18, 12, 16
MARGIN_X, MARGIN_Y = 30, 24
TITLE_SHARE = 0.06  # of the window's height
LARGEST = 0.09  # of the window's height, so two names on a team do not fill a wall
TALL_SCRIPTS = 0.94  # Thai and Khmer lines are taller than the font's line spacing
NEAR_ENOUGH = 0.92  # of the largest type: a fuller grid is worth that much


def best_layout(
    teams: list[ShownTeam], width: int, height: int, font: QFont | None = None
) -> Layout:
    """The arrangement with the largest names in which every name fits on one line.

    Tries every number of panel columns and one to three columns of names per panel; the
    names' width and the number of lines bound the type size in each, measured with the
    window's font (text widths grow in proportion to the size).
    """
    base = QFont(font or QFont())
    base.setPixelSize(100)
    plain = QFontMetricsF(base)
    base.setBold(True)
    bold = QFontMetricsF(base)
    count = max(1, len(teams))
    names = [m for t in teams for m in t.members] or ["(no members)"]
    longest = max(plain.horizontalAdvance(n) for n in names) / 100
    widest_head = max((bold.horizontalAdvance(t.name) for t in teams), default=100) / 100
    line = plain.lineSpacing() / 100
    # A detail line under each name (organisation · country) takes 0.6 of a line, and keeps
    # the names in one column (side by side, the details would not fit).
    detailed = any(d for t in teams for d in t.details)
    per_name = 1.6 if detailed else 1.0
    most = max((len(t.members) for t in teams), default=1) or 1
    rooms = any(t.room for t in teams)
    title_h = height * TITLE_SHARE * 1.4
    grid_w = width - 2 * MARGIN_X
    grid_h = height - 2 * MARGIN_Y - title_h - GAP
    found: list[Layout] = []
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        cell_w = (grid_w - GAP * (cols - 1)) / cols - 2 * PAD_X
        cell_h = (grid_h - GAP * (rows - 1)) / rows - 2 * PAD_Y
        if cell_w <= 0 or cell_h <= 0:
            continue
        for name_cols in (1,) if detailed else (1, 2, 3):
            lines = math.ceil(most / name_cols) * per_name
            col_w = (cell_w - NAME_GAP * (name_cols - 1)) / name_cols
            tall = line * (HEAD + (ROOM if rooms else 0) + lines)
            size = min(
                col_w / longest,
                cell_w / (widest_head * HEAD),
                cell_h * TALL_SCRIPTS / tall,
                height * LARGEST,
            )
            found.append(Layout(cols, rows, name_cols, int(size)))
    if not found:
        return Layout(1, count, 1, 10)
    # Within a few per cent of the largest type, a grid without empty cells and with fewer
    # columns of names reads better.
    largest = max(f.pixels for f in found)
    close = [f for f in found if f.pixels >= largest * NEAR_ENOUGH]
    return min(
        close, key=lambda f: (f.columns * f.rows - count, f.name_columns, -f.pixels, f.columns)
    )


class TeamsProjector(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle("Teams – projector")
        self.setObjectName("teams_projector")
        self.setStyleSheet("#teams_projector{background:#111820;}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN_X, MARGIN_Y, MARGIN_X, MARGIN_Y)
        layout.setSpacing(GAP)
        self.title = QLabel()
        self.title.setObjectName("projector_title")
        self.title.setStyleSheet("color:#F5F7FA;")
        layout.addWidget(self.title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(GAP)
        layout.addWidget(self.grid_host, 1)
        self.panels: list[QFrame] = []
        self.shown: list[ShownTeam] = []
        self.layout_used: Layout | None = None
        ctx.workshop.hub.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(
            Table.TEAMS,
            Table.TEAM_MEMBERS,
            Table.PEOPLE,
            Table.ROUNDS,
            Table.TEAM_SETS,
            Table.WORKSHOP,  # the Chatham House Rule and Lists show
            Table.SETTINGS,  # privacy decisions
        ):
            self.refresh()

    def refresh(self) -> None:
        """Read the round to show from the workshop and lay it out."""
        ws = self.ctx.workshop
        ts_id, round_id = current_round(self.ctx)
        ts = ws.rows.get(Table.TEAM_SETS, ts_id) if ts_id else None
        if ts is None or round_id is None:
            self.show_teams("No breakout teams yet", [])
            return
        rnd = ws.rows.get(Table.ROUNDS, round_id) or {}
        several = len(ws.teams.rounds(ts["id"])) > 1
        guard = ws.privacy.guard(ws.privacy.lists_private())
        heading = guard(ts["title"], Source(LISTS, ts["id"], "title"))
        round_title = guard(rnd.get("title"), Source(LISTS, round_id, "title", heading))
        teams = ws.teams.teams(round_id)
        privacy = ws.info.details()["privacy"] or "full"
        members: dict[str, list[tuple[str, str]]] = {t["id"]: [] for t in teams}
        for m in ws.teams.members(list(members)):
            detail = listed_detail(m["organisation"], m["country"], privacy)
            members[m["team_id"]].append((m["name"], detail))
        shown = [
            ShownTeam(
                guard(t["name"], Source(LISTS, t["id"], "name", heading)),
                t["colour"] or "#4E79A7",
                guard(t.get("room") or "", Source(LISTS, t["id"], "room", heading)),
                tuple(name for name, _ in members[t["id"]]),
                tuple(detail for _, detail in members[t["id"]]),
            )
            for t in teams
        ]
        self.show_teams(heading + (f" · {round_title}" if several else ""), shown)

    def show_teams(self, title: str, teams: list[ShownTeam]) -> None:
        """Show ``teams`` under ``title``, as large as the window allows."""
        self.title.setText(title)
        self.shown = teams
        self._lay_out()

    def _lay_out(self) -> None:
        for p in self.panels:
            self.grid.removeWidget(p)
            p.hide()  # at once: it is deleted on the next turn of the event loop
            p.deleteLater()
        self.panels = []
        height = max(self.height(), 300)
        tf = QFont(self.font())
        tf.setPixelSize(max(18, int(height * TITLE_SHARE)))
        tf.setBold(True)
        self.title.setFont(tf)
        if not self.shown:
            self.layout_used = None
            return
        chosen = best_layout(self.shown, max(self.width(), 400), height, self.font())
        self.layout_used = chosen
        for k, team in enumerate(self.shown):
            panel = self._panel(team, chosen)
            self.grid.addWidget(panel, k // chosen.columns, k % chosen.columns)
            panel.show()
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < chosen.columns else 0)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 1 if r < chosen.rows else 0)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._lay_out()

    def _font(self, pixels: int, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(9, pixels))
        f.setBold(bold)
        return f

    def _panel(self, team: ShownTeam, chosen: Layout) -> QFrame:
        colour = QColor(team.colour)
        ink = "#FFFFFF" if colour.lightnessF() < 0.62 else "#1C2430"
        frame = QFrame()
        frame.setObjectName("team_panel")
        # The type is sized to the cell; the panel never asks for more (the window would grow).
        frame.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        frame.setStyleSheet(
            f"#team_panel{{background:{colour.name()};border-radius:14px;}} QLabel{{color:{ink};}}"
        )
        v = QVBoxLayout(frame)
        v.setContentsMargins(PAD_X, PAD_Y, PAD_X, PAD_Y)
        v.setSpacing(0)
        size = chosen.pixels
        head = QLabel(team.name)
        head.setObjectName("team_name")
        head.setFont(self._font(int(size * HEAD), bold=True))
        v.addWidget(head)
        if team.room:
            room = QLabel(team.room)
            room.setObjectName("team_room")
            room.setFont(self._font(int(size * ROOM)))
            v.addWidget(room)
        row = QHBoxLayout()
        row.setSpacing(NAME_GAP)
        people = list(team.members) or ["(no members)"]
        details = list(team.details) + [""] * (len(people) - len(team.details))
        per_column = math.ceil(len(people) / chosen.name_columns)
        for c in range(chosen.name_columns):
            chunk = people[c * per_column : (c + 1) * per_column]
            names = QLabel("\n".join(chunk))
            if any(details):  # what the printed lists show, in smaller type under each name
                small = max(8, int(size * 0.6))
                room_w = max(0, int(self.width() / max(1, chosen.columns)) - 2 * PAD_X - 40)
                metrics = QFontMetricsF(self._font(small))
                lines = []
                for name, detail in zip(chunk, details[c * per_column :], strict=False):
                    cut = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, room_w)
                    under = f"<br><span style='font-size:{small}px'>{escape(cut)}</span>"
                    lines.append(escape(name) + (under if cut else ""))
                names.setTextFormat(Qt.TextFormat.RichText)
                names.setText("<br>".join(lines))
            names.setObjectName("member_names")
            names.setFont(self._font(size))
            names.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            row.addWidget(names, 1)
        v.addLayout(row, 1)
        self.panels.append(frame)
        return frame

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() == Qt.Key.Key_F11:
            toggle_full_screen(self)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        try:
            self.ctx.workshop.hub.changed.disconnect(self._changed)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)


def show_teams_projector(ctx: AreaContext) -> TeamsProjector:
    """View ▸ Projector: teams (F6)."""
    old = ctx.bus.teams_projector
    if old is not None:
        try:
            old.close()
        except RuntimeError:
            pass
    view = TeamsProjector(ctx)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ctx.bus.teams_projector = view
    show_projector_window(view, ctx.window)
    return view
