"""Projector view of the teams of the current round: large type in team colours.

Opens full screen on a second screen when there is one (else a large window on this one);
Esc closes it. The round is the one open in the Teams area, else the round of the session
running live, else the first round of the first team set. It follows every edit.

With privacy on (the Chatham House Rule, or *Lists show* other than full details) the texts
around the names (team set, round and team names, rooms) print through the privacy guard
like the printed team lists; beside each name it shows what those lists show.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from facilitator.domain.privacy import Source, listed_detail
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext

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


class TeamsProjector(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle("Teams – projector")
        self.setObjectName("teams_projector")
        self.setStyleSheet("#teams_projector{background:#111820;}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 24)
        self.title = QLabel()
        self.title.setStyleSheet("color:#F5F7FA;")
        font = QFont()
        font.setPointSize(30)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(18)
        layout.addWidget(self.grid_host, 1)
        self.panels: list[QFrame] = []
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
        for p in self.panels:
            self.grid.removeWidget(p)
            p.deleteLater()
        self.panels = []
        ws = self.ctx.workshop
        ts_id, round_id = current_round(self.ctx)
        ts = ws.rows.get(Table.TEAM_SETS, ts_id) if ts_id else None
        if ts is None or round_id is None:
            self.title.setText("No breakout teams yet")
            return
        rnd = ws.rows.get(Table.ROUNDS, round_id) or {}
        several = len(ws.teams.rounds(ts["id"])) > 1
        guard = ws.privacy.guard(ws.privacy.lists_private())
        heading = guard(ts["title"], Source(LISTS, ts["id"], "title"))
        round_title = guard(rnd.get("title"), Source(LISTS, round_id, "title", heading))
        self.title.setText(heading + (f" · {round_title}" if several else ""))
        teams = [
            dict(
                t,
                name=guard(t["name"], Source(LISTS, t["id"], "name", heading)),
                room=guard(t.get("room"), Source(LISTS, t["id"], "room", heading)),
            )
            for t in ws.teams.teams(round_id)
        ]
        privacy = ws.info.details()["privacy"] or "full"
        members: dict[str, list[dict[str, Any]]] = {t["id"]: [] for t in teams}
        for m in ws.teams.members(list(members)):
            detail = listed_detail(m["organisation"], m["country"], privacy)
            members[m["team_id"]].append(dict(m, detail=detail))
        n = max(1, len(teams))
        cols = n if n <= 4 else math.ceil(n / math.ceil(n / 4))
        rows = math.ceil(n / cols)
        size = self._fit(teams, members, cols, rows)
        for k, t in enumerate(teams):
            self.grid.addWidget(self._panel(t, members[t["id"]], size), k // cols, k % cols)

    def _fit(self, teams: list[dict], members: dict[str, list[dict]], cols: int, rows: int) -> int:
        """The largest point size at which every name fits on one line in its panel."""
        width = max(self.width(), 640) - 60
        height = max(self.height(), 400) - 48 - 70
        cell_w = (width - 18 * (cols - 1)) / cols - 40
        cell_h = (height - 18 * (rows - 1)) / rows - 24
        self._cell_w = cell_w  # what a detail beside a name may use, see _panel
        names = [m["name"] for t in teams for m in members[t["id"]]] or ["(no members)"]
        most = max((len(v) for v in members.values()), default=1)
        # A detail line under each name (what the printed lists show) takes 0.6 of a line.
        tall = 1.6 if any(m["detail"] for v in members.values() for m in v) else 1.0
        size = 40
        while size > 10:
            font = QFont()
            font.setPointSize(size)
            fm = QFontMetrics(font)
            head = fm.height() * 1.4 + fm.height() * 0.8
            wide = max(fm.horizontalAdvance(x) for x in names)
            bold = QFont(font)  # team names (a withheld name can make one long) in the head
            bold.setPointSize(int(size * 1.25))
            bold.setBold(True)
            heads = [t["name"] or "Team" for t in teams] or [""]
            wide = max(wide, *(QFontMetrics(bold).horizontalAdvance(x) for x in heads))
            if wide <= cell_w and head + most * fm.lineSpacing() * tall <= cell_h:
                break
            size -= 1
        return size

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.refresh()

    def _panel(self, team: dict[str, Any], people: list[dict[str, Any]], size: int) -> QFrame:
        colour = QColor(team["colour"] or "#4E79A7")
        ink = "#FFFFFF" if colour.lightnessF() < 0.62 else "#1C2430"
        frame = QFrame()
        frame.setObjectName("team_panel")
        frame.setStyleSheet(
            f"#team_panel{{background:{colour.name()};border-radius:14px;}} QLabel{{color:{ink};}}"
        )
        v = QVBoxLayout(frame)
        v.setContentsMargins(18, 12, 18, 12)
        head = QLabel(team["name"])
        hf = QFont()
        hf.setPointSize(int(size * 1.25))
        hf.setBold(True)
        head.setFont(hf)
        v.addWidget(head)
        if team.get("room"):
            room = QLabel(team["room"])
            rf = QFont()
            rf.setPointSize(max(9, int(size * 0.7)))
            room.setFont(rf)
            v.addWidget(room)
        names = QLabel("\n".join(p["name"] for p in people) or "(no members)")
        if any(p["detail"] for p in people):  # what the printed lists show beside the names
            small = max(8, int(size * 0.6))
            names.setTextFormat(Qt.TextFormat.RichText)
            names.setText("<br>".join(self._rich_line(p, small) for p in people))
        nf = QFont()
        nf.setPointSize(size)
        names.setFont(nf)
        names.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        v.addWidget(names, 1)
        self.panels.append(frame)
        return frame

    def _rich_line(self, member: dict[str, Any], small: int) -> str:
        """A name, and under it in smaller type what the lists show, cut to the panel."""
        detail_font = QFont()
        detail_font.setPointSize(small)
        room = int(getattr(self, "_cell_w", 0))
        detail = QFontMetrics(detail_font).elidedText(
            member["detail"], Qt.TextElideMode.ElideRight, max(0, room)
        )
        shown = f"<br><span style='font-size:{small}pt'>{escape(detail)}</span>" if detail else ""
        return escape(member["name"]) + shown

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.close()
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
    screens = QGuiApplication.screens()
    here = ctx.window.screen() if ctx.window is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not here]
    if others:
        view.setGeometry(others[0].geometry())
        view.showFullScreen()
    else:
        view.resize(1280, 800)
        view.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        view.raise_()
        view.activateWindow()
    return view
