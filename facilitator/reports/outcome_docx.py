"""The outcome report as a Word document, for organisers who edit before publishing.

Same content, order and privacy as the PDF (both read :func:`load_report`); participation
figures are tables rather than charts so they stay editable.

**Contents.** The entries are written out (one hyperlinked paragraph per heading that the
PDF lists), each with a ``PAGEREF`` field to a bookmark on its heading. LibreOffice lays
PAGEREF fields out live, so its numbers are exact on opening; Word shows the fields' cached
results, which :func:`_estimate_pages` computes from the document's own paragraphs, tables
and page breaks, and then refreshes them because the document asks it to update fields
when it opens (``w:updateFields``). A ``TOC`` field was not used: LibreOffice shows a TOC
field's cached text as it is, so a wrong guess would stay wrong there.

**Structure.** Headings go 1, 2, 3 without skipping a level (``heading`` enforces it); the
smaller titles that the PDF leaves out of its contents (days, chart titles, session groups)
use the ``Subheading`` paragraph style, so Word's own "Update table" lists the same entries.
Tables get column widths measured from their content and a header row that repeats on
every page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from facilitator.domain.report import NOTE_KINDS, SECTIONS, ReportData
from facilitator.exports import ExportError, ExportOptions, atomic_output, check_privacy
from facilitator.reports.fonts import clean
from facilitator.reports.heap import Kept, long_lived
from facilitator.store.database import Workshop
from facilitator.store.report import format_day, let_go

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


# -- contents, bookmarks and page numbers ----------------------------------------------------

TWIPS_PER_PT = 20
CELL_PADDING = 2 * 5.76  # Word's default left + right cell margins (0.08 in each), points


def _bookmark(paragraph, name: str, ident: int) -> None:  # noqa: ANN001 - python-docx paragraph
    """Put a bookmark around a paragraph's text (what a PAGEREF field points at)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _run(parent, text: str | None = None, tab: bool = False):  # noqa: ANN001, ANN202
    r = OxmlElement("w:r")
    if tab:
        r.append(OxmlElement("w:tab"))
    if text is not None:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
    parent.append(r)
    return r


def _field_chars(parent, instruction: str, result: str):  # noqa: ANN001, ANN202
    """A complex field with a cached result; returns the result's w:t element."""
    for kind in ("begin", None, "separate"):
        r = OxmlElement("w:r")
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        r.append(el)
        parent.append(r)
    cached = _run(parent, result).find(qn("w:t"))
    r = OxmlElement("w:r")
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    r.append(el)
    parent.append(r)
    return cached


def _toc_styles(doc, text_width: int) -> None:  # noqa: ANN001 - python-docx document
    """Word's built-in "toc 1"/"toc 2" styles (so Word treats the entries as contents), with a
    dotted right tab at the margin, and "Subheading" for titles kept out of the contents."""
    for level in (1, 2):
        style = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.element.find(qn("w:name")).set(qn("w:val"), f"toc {level}")
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.left_indent = Pt(12 * (level - 1))
        style.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        style.paragraph_format.tab_stops.add_tab_stop(
            Twips(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        style.font.bold = level == 1
    sub = doc.styles.add_style("Subheading", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = doc.styles["Normal"]
    sub.font.bold = True
    sub.font.color.rgb = ACCENT
    sub.paragraph_format.space_before = Pt(8)
    sub.paragraph_format.space_after = Pt(3)
    sub.paragraph_format.keep_with_next = True


def _contents(marker, entries: list[tuple[str, int, str]]) -> list:  # noqa: ANN001
    """Write the contents entries after ``marker``; returns each entry's cached page number."""
    cached = []
    previous = marker
    for text, level, name in entries:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), f"TOC{level}")
        ppr.append(style)
        p.append(ppr)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        _run(link, text)
        _run(link, tab=True)
        cached.append(_field_chars(link, f"PAGEREF {name} \\h", "1"))
        p.append(link)
        previous.addnext(p)
        previous = p
    return cached


def _update_fields_on_open(doc) -> None:  # noqa: ANN001 - python-docx document
    """Ask Word to refresh every field (the contents' page numbers) when it opens the file."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
    for child in settings:
        if child.tag in {qn(f"w:{name}") for name in later} or child.tag.startswith(
            "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
        ):
            child.addprevious(flag)
            return
    settings.append(flag)


def _text_of(element) -> str:  # noqa: ANN001 - lxml element
    """The text of a paragraph or cell, line breaks as newlines."""
    out = []
    for el in element.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:p")):
        if el.tag == qn("w:t"):
            out.append(el.text or "")
        elif el.tag == qn("w:tab"):
            out.append("    ")
        elif el.tag == qn("w:p") and out:
            out.append("\n")  # the next paragraph of a cell
        elif el.tag == qn("w:br") and el.get(qn("w:type")) in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def _estimate_pages(doc, width: float, height: float) -> dict[str, int]:  # noqa: ANN001
    """The page each bookmark falls on, from a line-by-line estimate of the layout.

    Paragraph sizes and spacing come from the document's styles, text widths from the
    bundled Noto Sans metrics; manual page breaks and repeated table headers are followed.
    Word's own layout may differ by a line here and there, which is why Word is also asked
    to update the fields on opening.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from facilitator.reports import fonts

    fonts.register()
    line_factor = 1.362 * 1.15  # Noto Sans line height, at the template's 1.15 spacing
    metrics: dict[str | None, tuple[float, float, float, bool]] = {}

    def style_metrics(style_id: str | None) -> tuple[float, float, float, bool]:
        if style_id not in metrics:
            style = doc.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
            size = before = after = bold = None
            while style is not None and None in (size, before, after, bold):
                pf = style.paragraph_format
                size = size if size is not None else style.font.size
                before = before if before is not None else pf.space_before
                after = after if after is not None else pf.space_after
                bold = bold if bold is not None else style.font.bold
                style = style.base_style
            metrics[style_id] = (
                size.pt if size is not None else 10.0,
                before.pt if before is not None else 0.0,
                after.pt if after is not None else 10.0,
                bool(bold),
            )
        return metrics[style_id]

    def lines(text: str, size: float, bold: bool, avail: float) -> int:
        face = fonts.BOLD if bold else fonts.BODY
        count = 0
        for line in text.split("\n"):
            count += max(1, math.ceil(stringWidth(line, face, size) * 1.04 / max(avail, 1)))
        return count

    pages: dict[str, int] = {}
    page, y = 1, 0.0

    def place(block: float, before: float) -> None:
        nonlocal page, y
        if y and y + before + block > height:
            page, y = page + 1, 0.0
        y += (before if y else 0.0) + block

    for element in doc.element.body:
        if element.tag == qn("w:p"):
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = None if style is None else style.get(qn("w:val"))
            size, before, after, bold = style_metrics(style_id)
            text = _text_of(element)
            breaks = [b for b in element.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
            if text.strip() or not breaks:
                place(lines(text, size, bold, width) * size * line_factor + after, before)
            for name in (b.get(qn("w:name")) for b in element.iter(qn("w:bookmarkStart"))):
                pages[name] = page
            if breaks:
                page, y = page + 1, 0.0
        elif element.tag == qn("w:tbl"):
            grid = [int(c.get(qn("w:w"))) / TWIPS_PER_PT for c in element.iter(qn("w:gridCol"))]
            header = 0.0
            for k, row in enumerate(element.iter(qn("w:tr"))):
                cells = list(row.iter(qn("w:tc")))
                tall = max(
                    (
                        lines(_text_of(c), 10, k == 0, w - CELL_PADDING)
                        for c, w in zip(cells, grid or [width] * len(cells), strict=False)
                    ),
                    default=1,
                )
                block = tall * 10 * 1.362 + 2
                if k == 0:
                    header = block
                elif y + block > height:
                    page, y = page + 1, header
                place(block, 0)
            y += 10  # the empty paragraph Word keeps between tables
    return pages


def _column_widths(rows: list[list[str]], total: float) -> list[float]:
    """Column widths (points) that fit their content, like Word's "AutoFit to contents"
    within the page: a column gets at least its longest word, and the room left goes to the
    columns with the most text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from facilitator.reports import fonts

    fonts.register()
    cols = len(rows[0])
    least = [0.0] * cols
    most = [0.0] * cols
    # measured in Noto Sans, with room for wider faces a reader may have instead (DejaVu Sans
    # is about 15 % wider)
    slack = 1.2
    for r, row in enumerate(rows):
        face = fonts.BOLD if r == 0 else fonts.BODY
        for c, value in enumerate(row):
            for line in (value or "").split("\n"):
                width = stringWidth(line, face, 10) * slack + CELL_PADDING
                most[c] = max(most[c], width)
                for word in line.split():
                    width = stringWidth(word, face, 10) * slack + CELL_PADDING
                    least[c] = max(least[c], width)
    least = [max(w, 24.0) for w in least]
    most = [max(m, w) for m, w in zip(most, least, strict=True)]
    if sum(most) <= total:
        return most
    if sum(least) >= total:
        # too wide even at one word a line: short columns keep their width, the columns with
        # the longest words (e-mail addresses, which wrap anywhere) share what is left
        widths = list(least)
        rest = set(range(cols))
        room = total
        while rest:
            share = room / len(rest)
            keep = {c for c in rest if least[c] <= share}
            if not keep:
                scale = room / sum(least[c] for c in rest)
                for c in rest:
                    widths[c] = least[c] * scale
                break
            room -= sum(least[c] for c in keep)
            rest -= keep
        return widths
    spare = total - sum(least)
    extra = sum(m - w for m, w in zip(most, least, strict=True))
    return [w + (m - w) * spare / extra for m, w in zip(most, least, strict=True)]


_KHMER = re.compile(
    r"[\u1780-\u17FF\u19E0-\u19FF]+(?:[\s.,;:!?()\-]+[\u1780-\u17FF\u19E0-\u19FF]+)*"
)


def _add_text(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:  # noqa: ANN001
    """Text as runs; Khmer runs name Noto Sans Khmer (the document's complex-script face,
    Noto Sans Thai, has no Khmer letters)."""
    pos = 0
    for m in [*_KHMER.finditer(text), None]:
        end = m.start() if m else len(text)
        pieces = [(text[pos:end], False)] + ([(m.group(0), True)] if m else [])
        for piece, khmer in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece)
            run.bold, run.italic = bold, italic
            if khmer:
                fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
                for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                    fonts.set(qn(attr), "Noto Sans Khmer")
        if m:
            pos = m.end()
    if not text:
        paragraph.add_run("")


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
    text_width = Emu(section.page_width - section.left_margin - section.right_margin)
    text_height = Emu(section.page_height - section.top_margin - section.bottom_margin)
    _toc_styles(doc, text_width.twips)
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
    props.subject = (_t(data.subtitle) or "Outcome report")[:255]
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
        _add_text(p, _t(text), bold, italic)
        return p

    def blocks(text: str) -> None:
        for block in _t(text).split("\n\n"):
            if block.strip():
                para(block)

    def table(rows: list[list[str]]) -> None:
        # Rows made at once and walked once: add_row and rows[i] each rescan the table.
        rows = [[_t(v) for v in row] for row in rows]
        widths = [Pt(w) for w in _column_widths(rows, text_width.pt)]
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        t.autofit = False  # the widths below, not Word's guess
        tbl_w = t._tbl.tblPr.find(qn("w:tblW"))
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(w.twips for w in widths)))
        for column, width in zip(t.columns, widths, strict=True):
            column.width = width
        for r, (row_obj, row) in enumerate(zip(t.rows, rows, strict=True)):
            if r == 0:  # the header row repeats on every page the table runs onto
                flag = OxmlElement("w:tblHeader")
                flag.set(qn("w:val"), "true")
                row_obj._tr.get_or_add_trPr().append(flag)
            for cell, value, width in zip(row_obj.cells, row, widths, strict=True):
                cell.width = width
                _add_text(cell.paragraphs[0], value, bold=r == 0)

    toc: list[tuple[str, int, str]] = []  # (text, level, bookmark) of contents entries
    levels = [0]

    def heading(text: str, level: int, in_contents: bool | None = None) -> None:
        """A heading one level at most below the one before (Word's outline never skips);
        levels 1 and 2 go into the contents, as in the PDF."""
        level = max(1, min(level, levels[0] + 1))
        levels[0] = level
        p = para(text, f"Heading {level}")
        if in_contents is None:
            in_contents = level <= 2
        if in_contents:
            name = f"_Toc{len(toc) + 1:06d}"
            _bookmark(p, name, len(toc) + 1)
            toc.append((_t(text).replace("\n", " "), level, name))

    def subheading(text: str) -> None:
        para(text, "Subheading")

    contents_at = None

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
            contents_at = para("Contents", "TOC Heading")._p  # entries go here at the end
        elif key == "summary":
            heading(SECTIONS[key], 1)
            if data.settings.executive_summary.strip():
                blocks(data.settings.executive_summary)
            else:
                blocks(data.description)
                para(
                    f"{data.participation.took_part(len(data.days))}. The sessions "
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
                subheading(title)
                table([["", "Number"]] + [[k, str(v)] for k, v in items])
        elif key == "agenda":
            heading(SECTIONS[key], 1)
            for day in data.days:
                subheading(f"{day.title} · {format_day(day.date)}")
                rows = [["Planned", "Actual", "Session", "Room"]]
                for s in day.sessions:
                    actual = f"{s.actual_start}–{s.actual_end}" if s.actual_start else ""
                    rows.append([f"{s.planned_start}–{s.planned_end}", actual, s.title, s.room])
                table(rows)
        elif key == "annex_agenda":
            heading(SECTIONS[key], 1)
            for day in data.days:
                subheading(f"{day.title} · {format_day(day.date)}")
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
                    meta = [f"{day.title} · {s.planned_start}–{s.planned_end}", s.room]
                    meta.append(", ".join(s.speakers))
                    para(" · ".join(m for m in meta if m), italic=True)
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
                                bits = [
                                    b for b in (n.owner, n.due, n.status.replace("_", " ")) if b
                                ]
                                text += f" ({' · '.join(bits)})" if bits else ""
                            if n.attribution:
                                text += f" — {n.attribution}"
                            para(text, "List Bullet", italic=kind == "quote")
        elif key == "group_work" and data.exercises:
            heading(SECTIONS[key], 1)
            for ex in data.exercises:
                heading(ex.title, 2)
                if ex.session_title:
                    para(ex.session_title, italic=True)
                if ex.instructions:
                    blocks(ex.instructions)
                for t in ex.teams:
                    line = t.name + (": " + t.who if t.who else "")
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
                    subheading(current)
                para(f"R{n.number}. {n.text}")
            if not data.recommendations:
                para("No recommendations were recorded.", italic=True)
        elif key == "action_plan":
            heading(SECTIONS[key], 1)
            rows = [["#", "What", "Who", "By when", "Status"]]
            rows += [
                [str(i), a.text, a.owner, a.due, a.status.replace("_", " ")]
                for i, a in enumerate(data.actions, 1)
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
                para(f"{data.participation.took_part(0)}.")
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
    if contents_at is not None and toc:
        cached = _contents(contents_at, toc)
        pages = _estimate_pages(doc, text_width.pt, text_height.pt)
        for (_text, _level, name), number in zip(toc, cached, strict=True):
            number.text = str(pages.get(name, 1))
        _update_fields_on_open(doc)
    doc.save(str(target))


def export_report_docx(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``report-docx``: the outcome report as an editable Word document."""
    settings = ws.report.load_settings()
    anonymous = options.anonymous or settings.anonymous
    with long_lived() as keep, ws.report.snapshot():  # the notes are read as they are written
        data = ws.report.load_report(settings, anonymous, Kept(progress, keep, 0.3))
        try:
            check_privacy(data.privacy, options, out)
            if progress:
                progress(0.3)
            paper = options.paper if options.paper in ("a4", "letter") else settings.paper
            with atomic_output(out) as tmp:
                try:
                    build_docx(data, tmp, paper, options.draft or settings.draft)
                except (ValueError, KeyError) as exc:
                    raise ExportError(
                        f"{out}: the Word report could not be written ({exc})."
                    ) from exc
        finally:
            let_go(data.privacy)
    if progress:
        progress(1.0)
