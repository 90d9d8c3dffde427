"""The printable programme: per day, each session's times, title, kind, speakers and room.

Only the one-line session header sits in a table (time beside title, with the kind's colour
as a bar); everything that can grow (speakers, description, objectives) is a plain paragraph
that reportlab can split across pages, so a long description never raises a LayoutError.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.domain.agenda import Day, day_end, flow, hhmm, kind_colour, kind_label
from facilitator.exports import ExportError, ExportOptions, Progress, atomic_output
from facilitator.reports import fonts
from facilitator.store.database import Workshop

TITLE_LIMIT = 300  # characters of a title shown in the header cell (the rest would not fit)


def _day_heading(day: Day, index: int) -> str:
    when = f"{day.date:%A} {day.date.day} {day.date:%B %Y}"
    title = day.title or f"Day {index + 1}"
    return f"{title}: {when}"


def pick_days(days: list[Day], wanted: str | None, source: str) -> list[Day]:
    if not wanted:
        return days
    chosen = [d for d in days if d.id == wanted or d.date.isoformat() == wanted]
    if not chosen:
        known = ", ".join(d.date.isoformat() for d in days) or "none"
        raise ExportError(f"{source}: no day '{wanted}' in the agenda (days: {known}).")
    return chosen


def build_story(ws: Workshop, options: ExportOptions, progress: Progress = None) -> list:
    fonts.register()
    st = fonts.styles()
    small = st["small"]
    meta = ParagraphStyle("meta", parent=small, textColor=colors.HexColor("#444444"))
    indent = 30 * mm
    body = ParagraphStyle("desc", parent=st["body"], leftIndent=indent, fontSize=9, leading=12)
    meta_i = ParagraphStyle("meta_i", parent=meta, leftIndent=indent, spaceAfter=2)
    details = ws.info.details()
    days = pick_days(ws.agenda.load_days(), options.day, ws.path.name)
    if not any(d.sessions for d in days):
        raise ExportError(f"{ws.path.name}: the agenda has no sessions to print.")
    rows = {r["id"]: r for r in ws.agenda.session_rows()}
    speakers = ws.agenda.speakers_by_session()
    story: list = [Paragraph(fonts.rich(details.get("title") or "Programme"), st["title"])]
    if details.get("subtitle"):
        story.append(Paragraph(fonts.rich(details["subtitle"]), st["subtitle"]))
    where = ", ".join(p for p in (details.get("venue"), details.get("city")) if p)
    if where:
        story.append(Paragraph(fonts.rich(where), st["body"]))
    all_days = ws.agenda.load_days()
    for n, day in enumerate(days):
        index = next((i for i, d in enumerate(all_days) if d.id == day.id), n)
        if n > 0:
            story.append(PageBreak())
        timed = flow(day)
        end = day_end(timed, day)
        story.append(Paragraph(fonts.rich(_day_heading(day, index)), st["h1"]))
        story.append(Paragraph(f"{hhmm(day.start)}–{hhmm(end)}", ParagraphStyle("x", parent=meta)))
        story.append(Spacer(1, 4))
        for t in timed:
            s = t.session
            row: Mapping[str, Any] = rows.get(s.id, {})
            title = s.title or kind_label(s.kind)
            if len(title) > TITLE_LIMIT:
                title = title[: TITLE_LIMIT - 1] + "…"
            label = kind_label(s.kind)
            if s.parallel_group:
                label += f" · in parallel ({s.parallel_group})"
            header = Table(
                [
                    [
                        Paragraph(f"<b>{hhmm(t.start)}–{hhmm(t.end)}</b>", st["cell"]),
                        [
                            Paragraph(fonts.rich(title, bold=True), st["cell_bold"]),
                            Paragraph(fonts.rich(label), meta),
                        ],
                    ]
                ],
                colWidths=[indent, None],
            )
            header.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                        ("LINEBEFORE", (0, 0), (0, 0), 4, colors.HexColor(kind_colour(s.kind))),
                        ("LEFTPADDING", (0, 0), (0, 0), 6),
                        ("LEFTPADDING", (1, 0), (1, 0), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ]
                )
            )
            extra: list = []
            people = speakers.get(s.id, [])
            # names are joined with " · " (a separator that reads well between scripts)
            for role, caption in (("moderator", "Moderator"), ("speaker", "Speakers")):
                names = [p["name"] for p in people if p["role"] == role]
                if names:
                    if role == "moderator" and len(names) > 1:
                        caption = "Moderators"
                    extra.append(
                        Paragraph(
                            f"<b>{caption}:</b> " + " · ".join(fonts.rich(n) for n in names), meta_i
                        )
                    )
            if s.room:
                extra.append(Paragraph("<b>Room:</b> " + fonts.rich(s.room), meta_i))
            story.append(CondPageBreak(28 * mm))
            story.append(KeepTogether([header, *extra[:1]]))
            story.extend(extra[1:])
            for key, caption in (("description", ""), ("objectives", "Objectives: ")):
                text = (row.get(key) or "").strip()
                if not text:
                    continue
                for k, para in enumerate(p for p in text.split("\n\n") if p.strip()):
                    prefix = f"<i>{caption}</i>" if caption and k == 0 else ""
                    story.append(Paragraph(prefix + fonts.rich(para.strip()), body))
            story.append(Spacer(1, 6))
        if progress:
            progress((n + 1) / len(days))
    return story


def export_agenda(ws: Workshop, out: Path, options: ExportOptions, progress: Progress) -> None:
    """Write the programme PDF (all days, or ``options.day``)."""
    story = build_story(ws, options, progress)
    details = ws.info.details()
    footer_title = fonts.clean(details.get("title") or "Programme")
    pagesize = LETTER if options.paper == "letter" else A4

    def footer(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#666666"))
        fonts.draw_string(canvas, doc.leftMargin, 10 * mm, footer_title, 8)
        fonts.draw_string(
            canvas,
            pagesize[0] - doc.rightMargin,
            10 * mm,
            f"Page {doc.page}",
            8,
            align="right",
        )
        canvas.restoreState()

    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=pagesize,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            **fonts.document_info(details, "Programme"),
        )
        doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=fonts.embedded_canvas)
