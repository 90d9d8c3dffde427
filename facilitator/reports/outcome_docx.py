"""The outcome report as a Word document, for organisers who edit before publishing.

Same content, order and privacy as the PDF (both read :func:`load_report`). Word fills in
the contents and page numbers from fields when the document is opened; participation
figures are tables rather than charts so they stay editable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from facilitator.domain.report import NOTE_KINDS, SECTIONS, ReportData
from facilitator.exports import ExportError, ExportOptions, atomic_output, check_privacy
from facilitator.reports.fonts import clean
from facilitator.store.database import Workshop
from facilitator.store.report import format_day

Progress = Callable[[float], None] | None
ACCENT = RGBColor(0x2F, 0x5D, 0x8A)


def _t(text: str | None) -> str:
    return clean(text)


def _field(paragraph, code: str) -> None:  # noqa: ANN001 - python-docx paragraph
    """A Word field (PAGE, NUMPAGES, TOC) that Word computes when the document opens."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _fonts(doc) -> None:  # noqa: ANN001
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        style = doc.styles[name]
        style.font.name = "Noto Sans"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attr), "Noto Sans")
        fonts.set(qn("w:cs"), "Noto Sans Thai")
    doc.styles["Normal"].font.size = Pt(10)


def build_docx(data: ReportData, target: Path, paper: str, draft: bool) -> None:
    doc = Document()
    _fonts(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(215.9), Mm(279.4)) if paper == "letter" else (Mm(210), Mm(297))
    )
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    header = section.header.paragraphs[0]
    header.text = _t(data.title) + ("  —  DRAFT" if draft else "")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    if data.anonymous:
        footer.add_run("  ·  Chatham House Rule")

    props = doc.core_properties  # Word limits these to 255 characters
    props.title = _t(data.title)[:255]
    props.subject = _t(data.subtitle)[:255]
    props.author = _t("; ".join(data.organisers))[:255]
    props.last_modified_by = _t("; ".join(data.organisers[:1]))[:255]
    props.comments = "Outcome report made with Facilitator"
    props.keywords = "outcome report"

    # Style objects looked up once: a lookup by name scans every style, per paragraph.
    style_cache: dict[str, object] = {}

    def style_of(name: str | None):  # noqa: ANN202
        if name is None:
            return None
        if name not in style_cache:
            style_cache[name] = doc.styles[name]
        return style_cache[name]

    # New paragraphs go straight before the body's section properties: Document.add_paragraph
    # searches the whole body for that element each time, which is quadratic on big reports.
    sect_pr = doc.element.body.find(qn("w:sectPr"))

    def para(text: str, style: str | None = None, bold: bool = False, italic: bool = False):  # noqa: ANN202
        element = OxmlElement("w:p")
        sect_pr.addprevious(element)
        p = Paragraph(element, doc._body)
        if style is not None:
            p.style = style_of(style)
        run = p.add_run(_t(text))
        run.bold, run.italic = bold, italic
        return p

    def blocks(text: str) -> None:
        for block in _t(text).split("\n\n"):
            if block.strip():
                para(block)

    def table(rows: list[list[str]]) -> None:
        # Rows made at once and walked once: add_row and rows[i] each rescan the table.
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, (row_obj, row) in enumerate(zip(t.rows, rows, strict=True)):
            for cell, value in zip(row_obj.cells, row, strict=True):
                cell.text = _t(value)
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True

    def heading(text: str, level: int) -> None:
        para(text, f"Heading {level}")

    first = True
    for key in data.settings.sections:
        if key == "cover":
            para(data.title, "Title")
            if data.subtitle:
                para(data.subtitle, "Subtitle")
            for line in (data.dates, data.venue):
                if line:
                    para(line)
            para("Outcome report" + (" — DRAFT" if draft else ""), bold=True)
            if data.organisers:
                para("Organised by: " + "; ".join(data.organisers))
            if data.funders:
                para("With the support of: " + "; ".join(data.funders))
            if data.anonymous:
                para(
                    "This report follows the Chatham House Rule: no statement is attributed "
                    "to any speaker or participant, and participants are not named.",
                    italic=True,
                )
            doc.add_page_break()
            continue
        if not first and key in ("sessions", "group_work", "action_plan", "annex_agenda"):
            doc.add_page_break()
        first = False
        if key == "contents":
            heading("Contents", 1)
            _field(doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')
            para("(Word fills in the contents: right-click here and choose Update Field.)")
        elif key == "summary":
            heading(SECTIONS[key], 1)
            if data.settings.executive_summary.strip():
                blocks(data.settings.executive_summary)
            else:
                blocks(data.description)
                p = data.participation
                para(
                    f"{p.total} participants took part over {len(data.days)} days. The sessions "
                    f"produced {len(data.recommendations)} recommendations and "
                    f"{len(data.actions)} action items."
                )
        elif key == "participation":
            p = data.participation
            heading(SECTIONS[key], 1)
            para(f"{p.total} participants registered.")
            for title, items in (
                ("By country", p.by_country),
                ("By sector", p.by_sector),
                ("By sex", p.by_sex),
                ("Attendance per day", p.per_day),
            ):
                heading(title, 3)
                table([["", "Number"]] + [[k, str(v)] for k, v in items])
        elif key == "agenda":
            heading(SECTIONS[key], 1)
            for day in data.days:
                heading(f"{day.title} · {format_day(day.date)}", 3)
                rows = [["Planned", "Actual", "Session", "Room"]]
                for s in day.sessions:
                    actual = f"{s.actual_start}–{s.actual_end}" if s.actual_start else ""
                    rows.append([f"{s.planned_start}–{s.planned_end}", actual, s.title, s.room])
                table(rows)
        elif key == "annex_agenda":
            heading(SECTIONS[key], 1)
            for day in data.days:
                heading(f"{day.title} · {format_day(day.date)}", 2)
                for s in day.sessions:
                    para(f"{s.planned_start}–{s.planned_end}  {s.title}", bold=True)
                    meta = " · ".join(x for x in (s.room, ", ".join(s.speakers)) if x)
                    if meta:
                        para(meta, italic=True)
                    if s.description:
                        blocks(s.description)
        elif key == "sessions":
            heading(SECTIONS[key], 1)
            for day in data.days:
                for s in day.sessions:
                    if not s.summary and not s.notes:
                        continue
                    heading(s.title, 2)
                    para(f"{day.title} · {s.planned_start}–{s.planned_end}", italic=True)
                    if s.summary:
                        heading("Summary", 3)
                        blocks(s.summary)
                    for kind, title in NOTE_KINDS.items():
                        notes = s.notes.get(kind)
                        if not notes:
                            continue
                        heading(title, 3)
                        for n in notes:
                            text = n.text
                            if kind == "recommendation":
                                text = f"R{n.number}. {text}"
                            if kind == "action_item":
                                bits = [b for b in (n.owner, n.due, n.status) if b]
                                text += f" ({' · '.join(bits)})" if bits else ""
                            if n.attribution:
                                text += f" — {n.attribution}"
                            para(text, "List Bullet", italic=kind == "quote")
        elif key == "group_work" and data.exercises:
            heading(SECTIONS[key], 1)
            for ex in data.exercises:
                heading(ex.title, 2)
                if ex.instructions:
                    blocks(ex.instructions)
                for t in ex.teams:
                    line = t.name + (": " + ", ".join(t.members) if t.members else "")
                    para(line, "List Bullet")
                    if t.summary:
                        blocks(t.summary)
                answered = [t for t in ex.teams if t.answers]
                for i in range(0, len(answered), 4):
                    group = answered[i : i + 4]
                    rows = [["Question"] + [t.name for t in group]]
                    for pid, text in ex.prompts:
                        rows.append([text] + ["\n".join(t.answers.get(pid, [])) for t in group])
                    table(rows)
        elif key == "recommendations":
            heading(SECTIONS[key], 1)
            current = None
            for n in data.recommendations:
                if n.session_title != current:
                    current = n.session_title
                    heading(current, 3)
                para(f"R{n.number}. {n.text}")
            if not data.recommendations:
                para("No recommendations were recorded.", italic=True)
        elif key == "action_plan":
            heading(SECTIONS[key], 1)
            rows = [["#", "What", "Who", "By when", "Status"]]
            rows += [
                [str(i), a.text, a.owner, a.due, a.status] for i, a in enumerate(data.actions, 1)
            ]
            if len(rows) > 1:
                table(rows)
            else:
                para("No action items were recorded.", italic=True)
        elif key in ("way_forward", "acknowledgements"):
            text = getattr(data.settings, key)
            if text.strip():
                heading(SECTIONS[key], 1)
                blocks(text)
        elif key == "priorities" and data.priorities:
            heading(SECTIONS[key], 1)
            for pl in data.priorities:
                heading(pl.question, 3)
                para(
                    f"{pl.participants} participants each placed up to {pl.dots_each} dots.",
                    italic=True,
                )
                rows = [["Priority", "Recommendation", "Dots", "Participants"]]
                for item in pl.items:
                    text = f"R{item.number}. {item.text}" if item.number else item.text
                    rows.append([str(item.rank), text, str(item.dots), str(item.voters)])
                table(rows)
        elif key == "evaluation" and (data.evaluations or data.learning):
            heading(SECTIONS[key], 1)
            para(
                "Participants answered these questionnaires anonymously on their phones; only "
                "totals are reported."
            )
            for ev in data.evaluations:
                heading(ev.title, 2)
                para(
                    " · ".join(x for x in (ev.kind, ev.day, f"{ev.respondents} respondents") if x),
                    italic=True,
                )
                for i, q in enumerate(ev.questions, 1):
                    if q.kind == "text":
                        if q.texts:
                            heading(f"{i}. {q.text}", 3)
                            for t in q.texts:
                                para(t, "List Bullet")
                        continue
                    if not q.responses:
                        continue
                    heading(f"{i}. {q.text}", 3)
                    # A table per question keeps the figures editable (like participation).
                    table(
                        [["Rating", "Answers"]]
                        + [[str(k), str(n)] for k, n in enumerate(q.distribution, 1)]
                    )
                    mean = f"{q.mean:.1f}" if q.mean is not None else "–"
                    para(
                        f"Average {mean} out of {len(q.distribution)}, {q.responses} answers.",
                        italic=True,
                    )
            for pair in data.learning:
                heading("Learning outcomes", 2)
                para(f"Before: {pair.before_title}. After: {pair.after_title}.", italic=True)
                rows = [["Question", "Before", "After", "Change"]]
                for r in pair.rows:
                    rows.append(
                        [
                            r.question,
                            f"{r.before:.1f}" if r.before is not None else "–",
                            f"{r.after:.1f}" if r.after is not None else "–",
                            f"{r.change:+.1f}" if r.change is not None else "–",
                        ]
                    )
                table(rows)
        elif key == "annex_participants":
            heading(SECTIONS[key], 1)
            if data.participants_mode == "organisations":
                para("Participants are not named in this report (Chatham House Rule).")
                table([["Organisation", "Country"]] + [[o, c] for o, c in data.organisations])
            elif data.participants_mode == "none" or not data.participants:
                para(f"{data.participation.total} participants took part.")
            elif data.participants_mode == "full":
                table(
                    [["Name", "Position", "Organisation", "Country", "Email"]]
                    + [
                        [p.name, p.title, p.organisation, p.country, p.email]
                        for p in data.participants
                    ]
                )
            else:
                table(
                    [["Name", "Organisation"]]
                    + [[p.name, p.organisation] for p in data.participants]
                )
    for h in doc.styles["Heading 1"], doc.styles["Heading 2"]:
        h.font.color.rgb = ACCENT
    doc.save(str(target))


def export_report_docx(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``report-docx``: the outcome report as an editable Word document."""
    settings = ws.report.load_settings()
    data = ws.report.load_report(settings, options.anonymous or settings.anonymous)
    check_privacy(data.privacy, options, out)
    if progress:
        progress(0.3)
    paper = options.paper if options.paper in ("a4", "letter") else settings.paper
    with atomic_output(out) as tmp:
        try:
            build_docx(data, tmp, paper, options.draft or settings.draft)
        except (ValueError, KeyError) as exc:
            raise ExportError(f"{out}: the Word report could not be written ({exc}).") from exc
    if progress:
        progress(1.0)
