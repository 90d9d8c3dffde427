"""The organiser's print kit: badges, table tents, sign-in sheets, certificates, participants list.

Every piece of user text goes through ``fonts.rich`` inside a ``Paragraph`` so Cyrillic,
Vietnamese, Thai and Khmer names are shaped and drawn in a face that has their letters.
Paper is A4 or Letter (``ExportOptions.paper``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.domain import people as dom
from facilitator.exports import ExportError, ExportOptions, Progress, atomic_output
from facilitator.reports import fonts
from facilitator.store.database import Workshop

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#9AA5B1")
ACCENT = colors.HexColor("#2F5D8A")


def _page(options: ExportOptions) -> tuple[float, float]:
    if options.paper not in ("a4", "letter"):
        raise ExportError(f"Unknown paper size “{options.paper}”: choose a4 or letter.")
    return LETTER if options.paper == "letter" else A4


def _style(size: float, bold: bool = False, align: int = TA_CENTER, color: Any = INK) -> Any:
    base = fonts.styles()["body"]
    return ParagraphStyle(
        f"pk{size}{bold}{align}",
        parent=base,
        fontName=fonts.BOLD if bold else fonts.BODY,
        fontSize=size,
        leading=size * 1.22,
        alignment=align,
        textColor=color,
        spaceAfter=0,
    )


def _fit(
    text: str,
    width: float,
    height: float,
    size: float,
    bold: bool = False,
    minimum: float = 7,
    color: Any = INK,
) -> Paragraph:
    """A centred paragraph at the largest size ≤ size that fits the box."""
    markup = fonts.rich(text, bold)
    while True:
        para = Paragraph(markup, _style(size, bold, color=color))
        _w, h = para.wrap(width, height)
        if h <= height or size <= minimum:
            return para
        size -= 1


def _draw_centered(c: Canvas, para: Paragraph, x: float, y_top: float, width: float) -> float:
    """Draw a paragraph with its top at y_top; returns its height."""
    _w, h = para.wrap(width, 10_000)
    para.drawOn(
        c,
        x,
        y_top - h,
    )
    return h


def _hex(colour: str) -> Any:
    try:
        return colors.HexColor(colour) if colour else None
    except ValueError:
        return None


def _day_label(day: dict[str, Any]) -> str:
    try:
        d = date.fromisoformat(day["date"])
        when = f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}"
    except (TypeError, ValueError):
        when = day.get("date") or ""
    return f"{day.get('title') or 'Day'} · {when}"


def _date_range(details: dict[str, Any]) -> str:
    try:
        a = date.fromisoformat(details["start_date"])
        b = date.fromisoformat(details["end_date"] or details["start_date"])
    except (TypeError, ValueError):
        return ""
    if a == b:
        return f"{a.day} {a.strftime('%B %Y')}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b.strftime('%B %Y')}"
    return f"{a.day} {a.strftime('%B')} – {b.day} {b.strftime('%B %Y')}"


def _people_or_error(ws: Workshop) -> list[dict[str, Any]]:
    people = ws.people.people()
    if not people:
        raise ExportError(f"{ws.path}: the roster is empty; add or import participants first.")
    return people


# -- badges ------------------------------------------------------------------------------------
def export_badges(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """8 or 10 badges per sheet (``options.extra['per_sheet']``), with cut marks."""
    fonts.register()
    per_sheet = int(options.extra.get("per_sheet", 8))
    if per_sheet not in (8, 10):
        raise ExportError("Badges come 8 or 10 to a sheet.")
    if options.team_set and not ws.people.team_set_exists(options.team_set):
        raise ExportError(f"{ws.path}: there is no team set “{options.team_set}”.")
    people = _people_or_error(ws)
    teams = ws.people.team_colours(options.team_set)
    title = ws.info.details()["title"]
    page_w, page_h = _page(options)
    cols, rows = 2, per_sheet // 2
    mx, my = 12 * mm, 14 * mm
    bw, bh = (page_w - 2 * mx) / cols, (page_h - 2 * my) / rows
    with atomic_output(out) as tmp:
        c = fonts.embedded_canvas(str(tmp), pagesize=(page_w, page_h))
        fonts.describe(c, fonts.document_info(ws.info.details(), "Name badges"))
        for k, p in enumerate(people):
            slot = k % per_sheet
            if slot == 0 and k:
                c.showPage()
            if slot == 0:
                _cut_marks(c, page_w, page_h, mx, my, cols, rows, bw, bh)
            col, row = slot % cols, slot // cols
            x, y = mx + col * bw, page_h - my - (row + 1) * bh
            _badge(c, p, x, y, bw, bh, title, teams.get(p["id"]))
            if progress:
                progress((k + 1) / len(people))
        c.save()


def _cut_marks(
    c: Canvas, w: float, h: float, mx: float, my: float, cols: int, rows: int, bw: float, bh: float
) -> None:
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.4)
    for i in range(cols + 1):
        x = mx + i * bw
        c.line(x, h - my + 3, x, h - 3)
        c.line(x, my - 3, x, 3)
    for j in range(rows + 1):
        y = my + j * bh
        c.line(3, y, mx - 3, y)
        c.line(w - mx + 3, y, w - 3, y)
    # faint guides so a guillotine operator sees the grid
    c.setStrokeColor(colors.HexColor("#D5DBE1"))
    c.setLineWidth(0.25)
    c.setDash(2, 3)
    for i in range(cols + 1):
        c.line(mx + i * bw, my, mx + i * bw, h - my)
    for j in range(rows + 1):
        c.line(mx, my + j * bh, w - mx, my + j * bh)
    c.setDash()


def _badge(
    c: Canvas,
    p: dict[str, Any],
    x: float,
    y: float,
    w: float,
    h: float,
    title: str,
    team: tuple[str, str] | None,
) -> None:
    pad = 5 * mm
    inner = w - 2 * pad
    band = 9 * mm
    colour = _hex(team[1]) if team else None
    c.setFillColor(colour or ACCENT)
    c.rect(x, y + h - band, w, band, stroke=0, fill=1)
    head = _fit(title, inner, band - 2, 9, color=colors.white)
    _w, hh = head.wrap(inner, band)
    head.drawOn(c, x + pad, y + h - band + (band - hh) / 2)
    # role along the bottom
    role = dom.role_label(p["role"])
    foot_text = role + (f" · {team[0]}" if team else "")
    c.setFillColor(colour or colors.HexColor("#E4E7EB"))
    c.rect(x, y, w, 8 * mm, stroke=0, fill=1)
    foot = _fit(foot_text, inner, 8 * mm - 2, 11, bold=True, color=colors.white if colour else INK)
    _w, fh = foot.wrap(inner, 8 * mm)
    foot.drawOn(c, x + pad, y + (8 * mm - fh) / 2)
    # name, organisation, country in the middle
    body_top = y + h - band - 3 * mm
    body_bottom = y + 8 * mm + 2 * mm
    avail = body_top - body_bottom
    name = _fit(p["name"], inner, avail * 0.5, 24, bold=True)
    org = _fit(p["organisation"], inner, avail * 0.3, 12, color=MUTED)
    country = _fit(p["country"], inner, avail * 0.2, 11, bold=True, color=ACCENT)
    parts = [name, org, country]
    heights = [q.wrap(inner, avail)[1] for q in parts]
    gap = max(2.0, (avail - sum(heights)) / (len(parts) + 1))
    top = body_top - gap
    for q, qh in zip(parts, heights, strict=True):
        q.drawOn(c, x + pad, top - qh)
        top -= qh + gap


# -- table tents -------------------------------------------------------------------------------
def export_tents(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """One tent per page, folded across the middle; the name reads from both sides."""
    fonts.register()
    people = _people_or_error(ws)
    page_w, page_h = landscape(_page(options))
    with atomic_output(out) as tmp:
        c = fonts.embedded_canvas(str(tmp), pagesize=(page_w, page_h))
        fonts.describe(c, fonts.document_info(ws.info.details(), "Table tents"))
        for k, p in enumerate(people):
            half = page_h / 2
            c.setStrokeColor(RULE)
            c.setDash(4, 4)
            c.line(10 * mm, half, page_w - 10 * mm, half)
            c.setDash()
            _tent_face(c, p, page_w, half)
            c.saveState()
            c.translate(page_w, page_h)
            c.rotate(180)
            _tent_face(c, p, page_w, half)
            c.restoreState()
            c.showPage()
            if progress:
                progress((k + 1) / len(people))
        c.save()


def _tent_face(c: Canvas, p: dict[str, Any], w: float, h: float) -> None:
    inner = w - 40 * mm
    name = _fit(p["name"], inner, h * 0.45, 54, bold=True)
    sub = ", ".join(v for v in (p["organisation"], p["country"]) if v)
    org = _fit(sub, inner, h * 0.2, 20, color=MUTED)
    nh = name.wrap(inner, h)[1]
    oh = org.wrap(inner, h)[1]
    top = h / 2 + (nh + oh + 6 * mm) / 2
    name.drawOn(c, 20 * mm, top - nh)
    org.drawOn(c, 20 * mm, top - nh - 6 * mm - oh)


# -- sign-in sheets ----------------------------------------------------------------------------
def export_sign_in(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """One sheet per day (or the day asked for), with blank rows for walk-ins."""
    fonts.register()
    details = ws.info.details()
    days = ws.people.days()
    if options.day:
        day = ws.people.find_day(options.day)
        if day is None:
            raise ExportError(f"{ws.path}: there is no day “{options.day}” (use YYYY-MM-DD).")
        days = [day]
    if not days:
        raise ExportError(f"{ws.path}: the workshop has no days; add them in the Agenda.")
    privacy = details["privacy"]
    expected = len(ws.people.people())
    people = ws.people.people() if privacy != "none" else []
    listed, blanks = sign_in_rows(expected, privacy, options.extra.get("blank_rows"))
    half = bool(details["half_days"])
    page = _page(options)
    st = fonts.styles()
    story: list[Any] = []
    cell = st["cell"]
    for d, day in enumerate(days):
        if d:
            story.append(PageBreak())
        story.append(Paragraph(fonts.rich(details["title"]), st["h2"]))
        story.append(Paragraph(fonts.rich("Sign-in sheet · " + _day_label(day)), st["h1"]))
        story.append(_Running("Sign-in sheet · " + _day_label(day)))
        if privacy == "none":
            story.append(
                Paragraph("Please write your name, organisation and country.", st["small"])
            )
        head = ["No.", "Name", "Organisation"]
        country = sign_in_asks_country(privacy)
        # two signature columns (morning, afternoon) need the room of a narrower name column
        widths = [10 * mm, 44 * mm, 46 * mm] if half and country else [10 * mm, 52 * mm, 55 * mm]
        if country:
            head.append("Country")
            widths.append((22 if half else 25) * mm)
        sign_cols = ["Morning", "Afternoon"] if half else ["Signature"]
        avail = page[0] - 30 * mm - sum(widths)
        head += sign_cols
        widths += [avail / len(sign_cols)] * len(sign_cols)
        data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", cell) for h in head]]
        for k, p in enumerate(people):
            row = [
                str(k + 1),
                Paragraph(fonts.rich(p["name"]), cell),
                Paragraph(fonts.rich(p["organisation"]), cell),
            ]
            if country:
                row.append(Paragraph(fonts.rich(p["country"]), cell))
            data.append(row + [""] * len(sign_cols))
        for k in range(blanks):
            data.append([str(listed + k + 1)] + [""] * (len(head) - 1))
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.BODY, 8.5),
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E7EB")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ROWHEIGHT", (0, 1), (-1, -1), 9 * mm),
                    ("TOPPADDING", (0, 1), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
                ]
            )
        )
        story.append(table)
        if progress:
            progress((d + 1) / (len(days) + 1))
    _build(out, story, page, fonts.document_info(details, "Sign-in sheets"))
    if progress:
        progress(1.0)


def walk_in_rows(expected: int) -> int:
    """Blank rows for people who were not registered: 15% of those expected, at least 10."""
    return max(10, -(-expected * 15 // 100))


def sign_in_rows(expected: int, privacy: str, blank_rows: Any = None) -> tuple[int, int]:
    """(printed names, blank rows) of one day's sheet for ``expected`` registered people.

    With "nothing personal" no name is printed, so everyone expected writes on a blank row:
    the sheet has a row for each of them plus the walk-ins' rows.
    """
    walk_ins = walk_in_rows(expected) if blank_rows is None else max(0, int(blank_rows))
    if privacy == "none":
        return 0, expected + walk_ins
    return expected, walk_ins


def sign_in_asks_country(privacy: str) -> bool:
    """A Country column where the sheet shows countries (full) or asks for them (none)."""
    return privacy in ("full", "none")


class _Running(Flowable):
    """Invisible marker: the text every following page repeats in its footer (sheets that are
    separated on the desk still say which day they are for)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv._running_text = self.text  # type: ignore[attr-defined]


class _Doc(SimpleDocTemplate):
    def afterPage(self) -> None:  # noqa: N802 - reportlab API
        text = getattr(self.canv, "_running_text", "")
        if text:
            self.canv.saveState()
            self.canv.setFillColor(MUTED)
            fonts.draw_string(self.canv, self.leftMargin, 9 * mm, text, 7.5)
            self.canv.restoreState()


def _build(out: Path, story: list[Any], page: tuple[float, float], info: dict[str, str]) -> None:
    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        fonts.draw_string(canvas, page[0] - 15 * mm, 9 * mm, f"Page {doc.page}", 7.5, align="right")
        canvas.restoreState()

    with atomic_output(out) as tmp:
        doc = _Doc(
            str(tmp),
            pagesize=page,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=16 * mm,
            **info,
        )
        doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=fonts.embedded_canvas)


# -- certificates ------------------------------------------------------------------------------
def export_certificates(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """One landscape certificate for each person checked in on at least one day."""
    fonts.register()
    details = ws.info.details()
    people = ws.people.attendees()
    if not people:
        raise ExportError(
            f"{ws.path}: no one has been checked in yet, so no certificate can be made. "
            "Record attendance in Participants ▸ Check-in first."
        )
    try:
        signatories = [s for s in json.loads(details["signatories"] or "[]") if s]
    except ValueError:
        signatories = []
    page_w, page_h = landscape(_page(options))
    with atomic_output(out) as tmp:
        c = fonts.embedded_canvas(str(tmp), pagesize=(page_w, page_h))
        fonts.describe(c, fonts.document_info(details, "Certificates of participation"))
        for k, p in enumerate(people):
            _certificate(c, p, details, signatories, page_w, page_h)
            c.showPage()
            if progress:
                progress((k + 1) / len(people))
        c.save()


def _certificate(
    c: Canvas,
    p: dict[str, Any],
    details: dict[str, Any],
    signatories: list[Any],
    w: float,
    h: float,
) -> None:
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3)
    c.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
    c.setLineWidth(0.8)
    c.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)
    inner = w - 60 * mm
    x = 30 * mm
    top = h - 32 * mm
    organisers = ", ".join(json.loads(details["organisers"] or "[]"))
    blocks = [
        (_fit(organisers, inner, 30, 11, color=MUTED), 6 * mm),
        (Paragraph("CERTIFICATE OF PARTICIPATION", _style(26, True, color=ACCENT)), 10 * mm),
        (Paragraph("This is to certify that", _style(13, color=MUTED)), 5 * mm),
        (_fit(p["name"], inner, 40 * mm, 34, bold=True), 3 * mm),
        (_fit(p["organisation"], inner, 20 * mm, 13, color=MUTED), 7 * mm),
        (Paragraph("participated in", _style(13, color=MUTED)), 4 * mm),
        (_fit(details["title"], inner, 25 * mm, 20, bold=True), 3 * mm),
        (_fit(details["subtitle"], inner, 15 * mm, 12, color=MUTED), 3 * mm),
    ]
    where = ", ".join(v for v in (details["venue"], details["city"], details["country"]) if v)
    when = _date_range(details)
    blocks.append((_fit(" · ".join(v for v in (where, when) if v), inner, 15 * mm, 12), 0))
    for para, gap in blocks:
        ph = para.wrap(inner, h)[1]
        para.drawOn(c, x, top - ph)
        top -= ph + gap
    if signatories:
        n = len(signatories)
        slot = inner / n
        line_y = 38 * mm
        for i, s in enumerate(signatories):
            name, role = (list(s) + ["", ""])[:2]
            sx = x + i * slot + 8 * mm
            sw = slot - 16 * mm
            c.setStrokeColor(INK)
            c.setLineWidth(0.6)
            c.line(sx, line_y, sx + sw, line_y)
            pn = _fit(name, sw, 14, 11, bold=True)
            pr = _fit(role, sw, 24, 9, color=MUTED)
            nh = pn.wrap(sw, 30)[1]
            pn.drawOn(c, sx, line_y - 2 - nh)
            rh = pr.wrap(sw, 30)[1]
            pr.drawOn(c, sx, line_y - 4 - nh - rh)


# -- participants list -------------------------------------------------------------------------
def export_participants_pdf(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """The list handed to participants; the workshop's privacy setting decides what it shows."""
    fonts.register()
    details = ws.info.details()
    privacy = options.extra.get("privacy") or details["privacy"]
    people = _people_or_error(ws)
    st = fonts.styles()
    cell, bold = st["cell"], st["cell_bold"]
    page = _page(options)
    story: list[Any] = [
        Paragraph(fonts.rich(details["title"]), st["title"]),
        Paragraph("List of participants", st["h1"]),
    ]
    if privacy == "none":
        story.append(
            Paragraph(
                "The workshop's privacy setting is “nothing personal”: this list shows how many "
                f"people took part, not who. {len(people)} participants in total.",
                st["body"],
            )
        )
        for column, title in (
            ("country", "By country"),
            ("sector", "By sector"),
            ("gender", "By gender"),
        ):
            story.append(Paragraph(title, st["h2"]))
            tallied = dom.tally(ws.people.counts(column), column, ws.collation.sort_key)
            rows = [[Paragraph(fonts.rich(label), cell), str(n)] for label, n in tallied]
            t = Table(
                [[Paragraph("<b>Group</b>", cell), Paragraph("<b>People</b>", cell)], *rows],
                colWidths=[90 * mm, 25 * mm],
            )
            t.setStyle(_grid())
            story.append(t)
    else:
        full = privacy == "full"
        if full:
            page = landscape(page)  # six columns; e-mail addresses stay on one line
        head = ["#", "Name", "Organisation"] + (["Country", "Role", "E-mail"] if full else [])
        usable = page[0] - 30 * mm
        widths = (
            [9 * mm, 58 * mm, 72 * mm, 28 * mm, 25 * mm] if full else [10 * mm, 75 * mm, 95 * mm]
        )
        if full:
            widths.append(usable - sum(widths))
        data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", cell) for h in head]]
        for k, p in enumerate(people):
            name = (p["honorific"] + " " if p["honorific"] else "") + p["name"]
            row = [str(k + 1), Paragraph(fonts.rich(name, bold=True), bold)]
            org = p["organisation"] + (f"\n{p['job_title']}" if full and p["job_title"] else "")
            row.append(Paragraph(fonts.rich(org), cell))
            if full:
                row += [
                    Paragraph(fonts.rich(p["country"]), cell),
                    Paragraph(fonts.rich(dom.role_label(p["role"])), cell),
                    Paragraph(fonts.rich(p["email"]), cell),
                ]
            data.append(row)
            if progress and k % 200 == 0:
                progress(0.8 * k / len(people))
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(_grid())
        story.append(t)
    story.append(Spacer(1, 4 * mm))
    _build(out, story, page, fonts.document_info(details, "List of participants"))
    if progress:
        progress(1.0)


def _grid() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.BODY, 8.5),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E7EB")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
