"""Team lists for the wall: large print, one team per page or every team on one page.

``ExportOptions.team_set`` picks the team set (id or title; the first by default) and
``ExportOptions.extra["layout"]`` is ``"per_page"`` (default) or ``"one_page"``;
``extra["round"]`` (id, title or number) limits the lists to one round. The workshop's privacy
setting decides what is printed beside the names: organisation and country (full), the
organisation (name and organisation only) or nothing.

When privacy is on (the Chatham House Rule, a privacy setting other than full details, or an
anonymous export) the free texts around the names (team set, round and team names, rooms)
pass through the privacy guard like every anonymous output; the members are the list itself.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas
from segno import make as make_qr

from facilitator.domain.privacy import Guard, Source
from facilitator.exports import ExportError, ExportOptions, Progress, atomic_output, check_privacy
from facilitator.reports import fonts
from facilitator.store.database import Workshop

LAYOUTS = ("per_page", "one_page")
INK = HexColor("#1C2430")
GREY = HexColor("#55606E")


def collect(ws: Workshop, options: ExportOptions) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The team set and, per round, its teams with members; raise ExportError if missing."""
    ts = ws.teams.find_team_set(options.team_set)
    if ts is None:
        wanted = f" named “{options.team_set}”" if options.team_set else ""
        raise ExportError(
            f"{ws.path.name}: there is no team set{wanted}. Create teams in the Teams area first."
        )
    rounds = ws.teams.rounds(ts["id"])
    wanted_round = options.extra.get("round")
    if wanted_round:
        key = str(wanted_round)
        picked = [r for n, r in enumerate(rounds, start=1) if key in (r["id"], r["title"], str(n))]
        if not picked:
            raise ExportError(f"{ws.path.name}: team set “{ts['title']}” has no round {key}.")
        rounds = picked
    out = []
    for n, r in enumerate(rounds, start=1):
        team_rows = ws.teams.teams(r["id"])
        by_team: dict[str, list[dict[str, Any]]] = {t["id"]: [] for t in team_rows}
        for m in ws.teams.members(list(by_team)):
            by_team[m["team_id"]].append(m)
        out.append(
            {
                "round": r,
                "label": r["title"] or f"Round {n}",
                "teams": [dict(t, members=by_team[t["id"]]) for t in team_rows],
            }
        )
    if not any(r["teams"] for r in out):
        raise ExportError(
            f"{ws.path.name}: team set “{ts['title']}” has no teams yet. "
            "Generate them in the Teams area first."
        )
    return ts, out


def private(details: dict[str, Any], options: ExportOptions) -> bool:
    """Whether a list of people is printed with privacy on."""
    return (
        bool(details.get("chatham_house"))
        or options.anonymous
        or (details.get("privacy") or "full") != "full"
    )


def guarded(ts: dict[str, Any], rounds: list[dict[str, Any]], guard: Guard) -> str:
    """Pass the lists' free texts through the privacy guard; returns the heading to print."""
    where = "Team lists"
    heading = guard(ts["title"], Source(where, ts["id"], "title")) or "Breakout teams"
    for r in rounds:
        r["label"] = guard(r["label"], Source(where, r["round"]["id"], "title", heading))
        for team in r["teams"]:
            team["name"] = guard(team["name"], Source(where, team["id"], "name", heading))
            team["room"] = guard(team.get("room"), Source(where, team["id"], "room", heading))
    return heading


def _detail(m: dict[str, Any], privacy: str) -> str:
    if privacy == "full":
        return " · ".join(x for x in (m.get("organisation"), m.get("country")) if x)
    if privacy == "name_org":
        return m.get("organisation") or ""
    return ""


def _colour(team: dict[str, Any]) -> Any:
    try:
        return HexColor(team.get("colour") or "#4E79A7")
    except ValueError:
        return HexColor("#4E79A7")


def _text_on(colour: Any) -> Any:
    r, g, b = colour.red, colour.green, colour.blue
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) > 0.62 else white


def _qr(c: Canvas, text: str, x: float, y: float, side: float) -> None:
    """A QR code of ``text`` on white, ``side`` points square, its lower left at (x, y)."""
    matrix = make_qr(text, error="m", micro=False).matrix
    n = len(matrix) + 4  # two modules of quiet zone each side
    cell = side / n
    c.setFillColor(white)
    c.rect(x, y, side, side, stroke=0, fill=1)
    c.setFillColor(INK)
    for r, row in enumerate(matrix):
        for k, bit in enumerate(row):
            if bit:
                c.rect(x + (k + 2) * cell, y + side - (r + 3) * cell, cell, cell, stroke=0, fill=1)


def _team_block(
    c: Canvas,
    team: dict[str, Any],
    x: float,
    y_top: float,
    width: float,
    height: float,
    privacy: str,
    title_size: float,
    subtitle: str,
    url: str = "",
) -> None:
    """One team: a colour band with its name, room and rapporteur, then the names large;
    with ``url``, the QR code of the team's worksheet page at the right of the band."""
    colour = _colour(team)
    band = title_size * 1.9 + (title_size * 0.55 if subtitle else 0)
    c.setFillColor(colour)
    c.roundRect(x, y_top - band, width, band, 6, stroke=0, fill=1)
    qr_side = band - 8 if url else 0
    if url:
        _qr(c, url, x + width - qr_side - 4, y_top - band + 4, qr_side)
    room_for_text = width - qr_side - (4 if url else 0) - 20
    c.setFillColor(_text_on(colour))
    name = team["name"] or "Team"
    size = fonts.fit_size(name, room_for_text, title_size, 10, bold=True)
    fonts.draw_string(c, x + 10, y_top - title_size * 1.15, name, size, bold=True)
    if subtitle:
        small = fonts.fit_size(subtitle, room_for_text, title_size * 0.42, 7)
        fonts.draw_string(c, x + 10, y_top - band + title_size * 0.35, subtitle, small)
    c.setFillColor(INK)
    members = team["members"]
    area_top = y_top - band - 8
    room = height - band - 8
    if not members:
        fonts.draw_string(c, x + 10, area_top - 20, "(no members)", 14)
        return
    cols = 1 if len(members) <= 14 or width < 300 else 2
    per_col = math.ceil(len(members) / cols)
    line = min(room / per_col, title_size * 1.1)
    col_width = (width - 10) / cols
    for k, m in enumerate(members):
        col, row = divmod(k, per_col)
        mx = x + 10 + col * col_width
        my = area_top - row * line
        detail = _detail(m, privacy)
        name_size = line * (0.5 if detail else 0.62)
        label = m["name"] + ("  ★" if m["person_id"] == team.get("rapporteur_id") else "")
        size = fonts.fit_size(label, col_width - 14, name_size, 6, bold=True)
        fonts.draw_string(c, mx, my - name_size * 1.0, label, size, bold=True)
        if detail:
            c.setFillColor(GREY)
            dsize = fonts.fit_size(detail, col_width - 14, line * 0.26, 5)
            fonts.draw_string(c, mx, my - name_size * 1.0 - dsize * 1.25, detail, dsize)
            c.setFillColor(INK)


def _subtitle(team: dict[str, Any]) -> str:
    parts = []
    if team.get("room"):
        parts.append(team["room"])
    if team.get("rapporteur_name"):
        parts.append(f"Rapporteur: {team['rapporteur_name']}")
    return " · ".join(parts)


def export_team_lists(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    layout = options.extra.get("layout") or "per_page"
    if layout not in LAYOUTS:
        raise ExportError(f"team lists: layout must be one of {', '.join(LAYOUTS)}, not {layout}.")
    ts, rounds = collect(ws, options)
    details = ws.info.details()
    privacy = details.get("privacy") or "full"
    guard = ws.privacy.guard(private(dict(details), options))
    heading = guarded(ts, rounds, guard)
    check_privacy(guard.findings, options, out)
    fonts.register()
    paper = letter if options.paper == "letter" else A4
    pagesize = paper if layout == "per_page" else landscape(paper)
    width, height = pagesize
    margin = 36
    total = sum(len(r["teams"]) for r in rounds) or 1
    done = 0
    with atomic_output(out) as tmp:
        c = fonts.embedded_canvas(str(tmp), pagesize=pagesize, invariant=1)
        info = fonts.document_info(details, "Team lists")
        info["subject"] = f"Breakout teams: {fonts.clean(heading)}"
        fonts.describe(c, info)
        multi = len(rounds) > 1
        for r in rounds:
            caption = f"{heading} · {r['label']}" if multi else heading
            if layout == "per_page":
                for team in r["teams"]:
                    c.setFillColor(GREY)
                    size = fonts.fit_size(caption, width - 2 * margin, 14, 8)
                    fonts.draw_string(c, margin, height - margin - 10, caption, size)
                    _team_block(
                        c,
                        team,
                        margin,
                        height - margin - 26,
                        width - 2 * margin,
                        height - 2 * margin - 26,
                        privacy,
                        54,
                        _subtitle(team),
                        ws.venue.team_url(team["id"]),
                    )
                    c.showPage()
                    done += 1
                    if progress:
                        progress(done / total)
            else:
                c.setFillColor(INK)
                size = fonts.fit_size(caption, width - 2 * margin, 22, 10, bold=True)
                fonts.draw_string(c, margin, height - margin - 16, caption, size, bold=True)
                n = max(1, len(r["teams"]))
                cols = n if n <= 3 else 2 if n == 4 else 3 if n <= 9 else 4
                rows = math.ceil(n / cols)
                gap = 12
                top = height - margin - 32
                cell_w = (width - 2 * margin - gap * (cols - 1)) / cols
                cell_h = (top - margin - gap * (rows - 1)) / rows
                most = max(len(t["members"]) for t in r["teams"]) if r["teams"] else 1
                title = max(14.0, min(30.0, cell_h / (most + 3)))
                for k, team in enumerate(r["teams"]):
                    row, col = divmod(k, cols)
                    _team_block(
                        c,
                        team,
                        margin + col * (cell_w + gap),
                        top - row * (cell_h + gap),
                        cell_w,
                        cell_h,
                        privacy,
                        title,
                        _subtitle(team),
                        ws.venue.team_url(team["id"]),
                    )
                    done += 1
                    if progress:
                        progress(done / total)
                c.showPage()
        c.save()
