"""The PDF outcome report.

Layout runs once. The table of contents is laid out in the flow with its titles; each page
is written (compressed) when it ends, and the numbers only known at the end (the contents'
page numbers, "Page N of M") are added to every page when the canvas saves, as a second
content stream: :class:`ReportCanvas`. This costs one pass instead of ``multiBuild``'s two.

The story is consumed from a deque (:class:`Story`), not a list, so reportlab's
``del flowables[0]`` costs nothing, and the notes and table rows become flowables only when
layout reaches them (:class:`Later`): time and memory grow with the report, not faster.

Notes are plain Paragraphs in the flow (no per-note tables or KeepTogether), shaped only when
they hold Thai or Khmer, so a 20,000-note workshop lays out about as fast as bare text.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import groupby, islice
from pathlib import Path
from types import FunctionType, MethodType
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDF_VERSION_DEFAULT,
    PDFArray,
    PDFBase85Encode,
    PDFDocument,
    PDFFile,
    PDFName,
    PDFStream,
    PDFZCompress,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from facilitator.domain.report import NOTE_KINDS, SECTIONS, ExerciseItem, Note, Notes, ReportData
from facilitator.exports import ExportError, ExportOptions, atomic_output, check_privacy
from facilitator.reports import charts
from facilitator.reports.fonts import (
    BODY,
    BOLD,
    ShapingCanvas,
    clean,
    draw_string,
    glyphs,
    language_tag,
    needs_shaping,
    paragraph,
    register,
    rich,
    style_for,
    styles,
    text_width,
)
from facilitator.reports.heap import Kept, long_lived
from facilitator.store.database import Workshop
from facilitator.store.report import NoteChain, format_day, let_go

Progress = Callable[[float], None] | None

INK = colors.HexColor("#1F2A36")
ACCENT = colors.HexColor("#2F5D8A")
RULE = colors.HexColor("#B8C4D0")
SHADE = colors.HexColor("#EEF2F6")
LINES_PER_BLOCK = 40  # long notes become several paragraphs so each split stays cheap
TEAMS_PER_TABLE = 4
CELL_SIZE = 8.5
TABLE_CHUNK = 25
NOTES_PER_STEP = 100  # notes made into paragraphs at a time, as layout reaches them
KEEP_SPACE = 22 * mm  # a heading starts a new page unless this much room is left below it


def _styles() -> dict[str, ParagraphStyle]:
    s = dict(styles())
    body = s["body"]
    s["note"] = ParagraphStyle("note", parent=body, leftIndent=12, firstLineIndent=-8, spaceAfter=3)
    s["note_cont"] = ParagraphStyle("note_cont", parent=body, leftIndent=12, spaceAfter=0)
    s["rec"] = ParagraphStyle(
        "rec", parent=body, leftIndent=30, bulletIndent=0, bulletFontName=BOLD, spaceAfter=4
    )
    s["quote"] = ParagraphStyle(
        "quote", parent=s["quote"], leftIndent=18, rightIndent=12, textColor=INK, spaceAfter=5
    )
    for name in ("h1", "h2", "h3"):
        # Headings are kept with what follows by a CondPageBreak before them (see story);
        # keepWithNext would wrap and lay out every heading and its next paragraph twice.
        s[name] = ParagraphStyle(name + "-report", parent=s[name], textColor=INK)
    s["h1"].textColor = ACCENT
    s["kind"] = ParagraphStyle(
        "kind", parent=s["h3"], fontSize=9.5, leading=12.5, textColor=ACCENT, spaceBefore=5
    )
    s["meta"] = ParagraphStyle("meta", parent=s["small"], textColor=colors.HexColor("#4A5968"))
    s["cover_title"] = ParagraphStyle("cover_title", parent=s["title"], fontSize=26, leading=32)
    s["cover_line"] = ParagraphStyle("cover_line", parent=body, fontSize=12, leading=16)
    s["toc0"] = ParagraphStyle("toc0", parent=body, fontName=BOLD, spaceAfter=0, leading=15)
    s["toc1"] = ParagraphStyle("toc1", parent=body, fontSize=9, leading=12, spaceAfter=0)
    return s


# -- canvas that numbers the pages once their count is known ------------------------------


def _sealed(code: str, compress: bool) -> PDFStream:
    """A page's content stream, encoded now so the page keeps only its compressed bytes."""
    stream = PDFStream()
    stream.__Comment__ = "page stream"
    if not compress:
        stream.content = code
        return stream
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    data: Any = code
    for f in reversed(filters):
        data = f.encode(data)
    stream.content = data
    stream.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])
    return stream


class _StreamedFile(PDFFile):
    """reportlab's output collector, writing each object to the file as it is formatted:
    reportlab's own keeps every formatted object and joins them into one bytes object at
    the end, twice the file's size in memory (120 MB for a huge workshop's report)."""

    def __init__(self, out: BinaryIO, version: Any = PDF_VERSION_DEFAULT) -> None:
        super().__init__(version)
        for chunk in self.strings:  # the header
            out.write(chunk)
        self.strings = []
        self.write = out.write

    def format(self, document: Any) -> bytes:
        return b""  # all of it is in the file already


def _save_streamed(doc: PDFDocument, out: BinaryIO, canvas: Canvas) -> None:
    """``doc.SaveToFile`` with :class:`_StreamedFile` as the collector: reportlab's own
    formatting (the same bytes), run with that one name bound to the streaming one."""
    names = dict(vars(pdfdoc), PDFFile=partial(_StreamedFile, out))
    code = PDFDocument.format
    doc.format = MethodType(FunctionType(code.__code__, names, code.__name__), doc)  # type: ignore[method-assign]
    try:
        doc.SaveToFile(out, canvas)  # writes what format returns (nothing) after it
    finally:
        del doc.format


class ReportCanvas(ShapingCanvas):
    """Writes each page when it ends, with its header, footer and watermark, and adds the
    numbers only known at the end ("Page N of M", the contents' page numbers) when the
    canvas saves, as a second content stream of the page.

    A page is compressed when it ends, so a report of thousands of pages holds its
    compressed bytes only, never every page's drawing.
    """

    decor: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register()
        # reportlab starts every page in Helvetica, which it never embeds; BaseDocTemplate
        # passes None explicitly, so override rather than set a default.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or BODY
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)
        self._written: list[tuple[int, Any]] = []  # (page number, PDFPage)
        self.heading_pages: dict[str, int] = {}
        self.number_marks: dict[int, list[tuple[float, float, str, bool]]] = {}
        self.decor = dict(type(self).decor)

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        number = self._pageNumber
        self._decorate(number)
        Canvas.showPage(self)
        page = self._doc.Pages.pages[-1]
        page.Contents = _sealed(page.stream, bool(page.compression))
        page.stream = None
        self._written.append((number, page))

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = len(self._written)
        for number, page in self._written:
            self._code = []
            self._numbers(number, total)
            if self._code:
                overlay = _sealed("\n".join(self._code) + "\n", bool(page.compression))
                page.Contents = PDFArray([page.Contents, overlay])
        self._code = []
        self._written = []
        if self.heading_pages:
            self.showOutline()  # viewers open with the bookmarks beside the pages
        if hasattr(self._filename, "write"):
            _save_streamed(self._doc, self._filename, self)
        else:
            with open(self._filename, "wb") as out:
                _save_streamed(self._doc, out, self)

    def _numbers(self, page: int, total: int) -> None:
        """What needs the page count: the contents' numbers and "Page N of M"."""
        width, _height = self._pagesize
        self.saveState()
        for x, y, key, bold in self.number_marks.get(page, []):
            target = self.heading_pages.get(key)
            if target is not None:
                self.setFillColor(INK)
                draw_string(self, x, y, str(target), 10 if bold else 9, bold, "right")
        if page not in self.decor.get("plain_pages", ()):
            self.setFillColor(colors.HexColor("#4A5968"))
            draw_string(self, width / 2, 8.5 * mm, f"Page {page} of {total}", 8, False, "center")
        self.restoreState()

    def _decorate(self, page: int) -> None:
        """Header, footer and watermark: everything on the page known when it ends."""
        width, height = self._pagesize
        d = self.decor
        self.saveState()
        if page not in d.get("plain_pages", ()):
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(d["margin"], height - 14 * mm, width - d["margin"], height - 14 * mm)
            self.line(d["margin"], 13 * mm, width - d["margin"], 13 * mm)
            self.setFillColor(colors.HexColor("#4A5968"))
            title = d.get("title", "")
            room = width - 2 * d["margin"] - 90
            size = 8
            while size > 5.5 and text_width(title, size) > room:
                size -= 0.5
            draw_string(self, d["margin"], height - 12 * mm, title, size)
            draw_string(
                self, width - d["margin"], height - 12 * mm, "Outcome report", 8, False, "right"
            )
            if d.get("footer_left"):
                draw_string(self, d["margin"], 8.5 * mm, d["footer_left"], 7.5)
            if d.get("footer_right"):
                draw_string(
                    self, width - d["margin"], 8.5 * mm, d["footer_right"], 7.5, False, "right"
                )
        if d.get("draft"):
            self.setFillColor(colors.HexColor("#C0392B"))
            self.setFillAlpha(0.13)
            self.translate(width / 2, height / 2)
            self.rotate(50)
            draw_string(self, 0, -40, "DRAFT", 120, True, "center")
        self.restoreState()


class TocLine(Flowable):
    """One contents entry: its title now, its page number when the canvas saves."""

    def __init__(self, text: str, key: str, level: int, style: ParagraphStyle) -> None:
        super().__init__()
        self.key, self.level = key, level
        self.indent = 16 * level
        self.para = paragraph(text, style)
        self.number_width = 34

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, h = self.para.wrap(available_width - self.indent - self.number_width, available_height)
        self.height = h + (3 if self.level == 0 else 1)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        self.para.drawOn(c, self.indent, self.height - self.para.height)
        base = self.height - self.para.height + self.para.style.leading * 0.28
        if self.level == 0:
            base += 0
        x, y = c.absolutePosition(self.width, base)
        page = c.getPageNumber()
        c.number_marks.setdefault(page, []).append((x, y, self.key, self.level == 0))
        c.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Heading(Paragraph):
    """A heading that goes into the contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, level: int, toc: bool) -> None:
        super().__init__(rich(text), style_for(text, style))
        self.plain = clean(text).replace("\n", " ")
        self.key, self.level, self.toc = key, level, toc
        self.keep_next = True


class Later:
    """Flowables made only when layout reaches them (``count``: how many, for progress),
    so a long report never holds every paragraph of its notes at once."""

    __slots__ = ("count", "make")

    def __init__(self, make: Callable[[], list[Any]], count: int = 1) -> None:
        self.make, self.count = make, count


class Story:
    """The story in the shape ``BaseDocTemplate.build`` consumes it, at constant cost per step.

    build() reads ``flowables[0]``, deletes it and puts the rest of a split flowable back at
    the front; on a list each ``del flowables[0]`` moves everything after it, which makes a
    long report quadratic. A deque does all of it in constant time, and a :class:`Later`
    turns into its flowables when it comes to the front.
    """

    def __init__(self, items: list[Any]) -> None:
        self._items: deque[Any] = deque(items)
        self.size = sum(i.count if isinstance(i, Later) else 1 for i in items)

    def _ready(self, upto: int) -> None:
        items = self._items
        i = 0
        while i <= upto and i < len(items):
            item = items[i]
            if isinstance(item, Later):
                del items[i]
                for made in reversed(item.make()):
                    items.insert(i, made)
                continue
            i += 1

    def __len__(self) -> int:
        self._ready(0)
        return len(self._items)

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            if key.start not in (None, 0) or key.step not in (None, 1) or key.stop is None:
                raise IndexError("a story is read from the front")
            self._ready(key.stop - 1)
            return list(islice(self._items, key.stop))
        if key < 0:
            raise IndexError("a story is read from the front")
        self._ready(key)
        return self._items[key]

    def __delitem__(self, key: int | slice) -> None:
        if isinstance(key, slice):
            for _ in range(len(self[key])):
                self._items.popleft()
            return
        if key != 0:
            raise IndexError("a story is consumed from the front")
        self._ready(0)
        self._items.popleft()

    def __setitem__(self, key: slice, values: list[Any]) -> None:
        if not (isinstance(key, slice) and key.start in (None, 0) and key.stop == 0):
            raise IndexError("a story takes flowables back at the front only")
        self._items.extendleft(reversed(list(values)))

    def insert(self, index: int, value: Any) -> None:
        if index != 0:
            raise IndexError("a story takes flowables back at the front only")
        self._items.appendleft(value)

    def let_go(self) -> None:
        """Drop what is left one step at a time (a step holds at most NOTES_PER_STEP notes):
        freeing a cancelled report's notes in one go would hold the interpreter for long."""
        items = self._items
        while items:
            items.pop()


def _steps(
    start: Callable[[], Iterator[Any]],
    size: int,
    make: Callable[[list[Any]], list[Any]],
    items: Iterator[Any] | None = None,
) -> list[Any]:
    """One step of a story that is read as it is laid out: the next ``size`` items (of
    ``start()``, called at the first step) made into flowables, followed by the next step
    (a :class:`Later`) while there may be more."""
    items = start() if items is None else items
    part = list(islice(items, size))
    out = make(part) if part else []
    if len(part) == size:
        out.append(Later(partial(_steps, start, size, make, items), 0))
    return out


def _by_session(notes: Notes) -> Iterator[tuple[str, Notes]]:
    """``notes`` in runs of one session title (the recommendations' subheadings), known
    without reading a note when they come from the store (one run per session)."""
    parts = getattr(notes, "parts", None)
    if parts is None:
        for title, run in groupby(notes, key=lambda n: n.session_title):
            yield title, list(run)
        return
    for title, runs in groupby(parts, key=lambda r: r.session_title):
        yield title, NoteChain(list(runs))


class ReportDoc(BaseDocTemplate):
    def __init__(self, filename: str, total: int, progress: Progress, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self._total = max(1, total)
        self._done = 0
        self._progress = progress

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        self._done += 1
        if self._progress and self._done % 200 == 0:
            self._progress(0.15 + 0.8 * min(1.0, self._done / self._total))
        if isinstance(flowable, Heading):
            c = self.canv
            c.heading_pages[flowable.key] = c.getPageNumber()
            c.bookmarkPage(flowable.key)
            c.addOutlineEntry(flowable.plain or "—", flowable.key, level=flowable.level)


# -- story ---------------------------------------------------------------------------------


class ReportBuilder:
    """Turns ReportData into flowables, section by section in the organiser's order."""

    def __init__(self, data: ReportData, width: float) -> None:
        self.data = data
        self.width = width
        self.s = _styles()
        self.toc: list[tuple[str, str, int]] = []
        self._keys = 0

    # headings ----------------------------------------------------------------------------
    def heading(self, text: str, level: int, toc: bool = True) -> Heading:
        self._keys += 1
        key = f"h{self._keys}"
        style = self.s[("h1", "h2", "h3")[min(level, 2)]]
        if toc:
            self.toc.append((text, key, level))
        return Heading(text, style, key, min(level, 1) if level < 2 else 1, toc)

    def para(self, text: str, style: str = "body", bold: bool = False, prefix: str = "") -> Any:
        p = paragraph(text, self.s[style], bold, prefix)
        if style in ("kind", "h2", "h3"):
            p.keep_next = True
        return p

    def blocks(self, text: str, style: str = "body") -> list[Any]:
        """Paragraphs for free text: one per blank-line block, long blocks cut into pieces."""
        out: list[Any] = []
        for block in clean(text).replace("\r\n", "\n").split("\n\n"):
            if block.strip():
                out += self._pieces(block, style, style)
        return out

    def _pieces(
        self, text: str, style: str, cont: str, prefix: str = "", bullet: str | None = None
    ) -> list:
        lines = text.split("\n")
        if len(lines) <= LINES_PER_BLOCK:
            return [paragraph(text, self.s[style], prefix=prefix, bullet=bullet)]
        out = []
        for i in range(0, len(lines), LINES_PER_BLOCK):
            chunk = "\n".join(lines[i : i + LINES_PER_BLOCK])
            out.append(
                paragraph(
                    chunk,
                    self.s[style if i == 0 else cont],
                    prefix=prefix if i == 0 else "",
                    bullet=bullet if i == 0 else None,
                )
            )
        return out

    # sections ----------------------------------------------------------------------------
    def story(self) -> tuple[list[Any], set[int]]:
        """All flowables, and the page numbers that take no header (the cover)."""
        sections: list[tuple[str, list[Any]]] = []
        order = self.data.settings.sections
        for key in order:
            if key == "contents":
                sections.append((key, []))  # filled once every heading is known
                continue
            build = getattr(self, "section_" + key)
            flow = build()
            if flow:
                sections.append((key, flow))
        story: list[Any] = []
        plain: set[int] = set()
        for i, (key, flow) in enumerate(sections):
            if key == "contents":
                flow = self.contents()
                if not flow:
                    continue
            if key == "cover":
                if i == 0:
                    plain.add(1)
                story += flow
                continue
            if (
                key
                in (
                    "contents",
                    "annex_agenda",
                    "annex_participants",
                    "sessions",
                    "group_work",
                    "action_plan",
                )
                or not story
            ):
                if story and not isinstance(story[-1], PageBreak):
                    story.append(PageBreak())
            else:
                story.append(CondPageBreak(60 * mm))
            for item in flow:
                if getattr(item, "keep_next", False):
                    story.append(CondPageBreak(KEEP_SPACE))
                story.append(item)
        if not story:
            story.append(self.para("This report has no sections selected."))
        self._release()
        return story, plain

    def _release(self) -> None:
        """Leave each note to the one step of the story that lays it out (a :class:`Later`),
        so it is freed once drawn: a huge workshop's report otherwise holds every note
        until the file is written. The notes are gone from ``data`` afterwards."""
        for day in self.data.days:
            for session in day.sessions:
                session.notes = {}
        self.data.recommendations = []
        self.data.actions = []

    def section_cover(self) -> list[Any]:
        d = self.data
        out: list[Any] = [NextPageTemplate("body")]
        logos = []
        for logo in d.logos[:6]:
            try:
                reader = ImageReader(io.BytesIO(logo.data))
                w, h = reader.getSize()
            except Exception:  # noqa: BLE001 - a broken logo is left out, not fatal
                continue
            if w <= 0 or h <= 0:
                continue
            scale = min(22 * mm / h, 45 * mm / w)
            logos.append(Image(io.BytesIO(logo.data), w * scale, h * scale))
        if logos:
            t = Table([logos], hAlign="LEFT")
            t.setStyle(
                TableStyle(
                    [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]
                )
            )
            out += [t, Spacer(1, 20 * mm)]
        else:
            out.append(Spacer(1, 40 * mm))
        out.append(self.para(d.title, "cover_title", bold=True))
        if d.subtitle:
            out.append(self.para(d.subtitle, "subtitle"))
        out.append(Spacer(1, 8 * mm))
        for line in (d.dates, d.venue):
            if line:
                out.append(self.para(line, "cover_line"))
        out.append(Spacer(1, 8 * mm))
        out.append(self.para("Outcome report", "h2"))
        if d.organisers:
            out += [self.para("Organised by", "kind")] + [self.para(o) for o in d.organisers]
        if d.funders:
            out += [self.para("With the support of", "kind")] + [self.para(f) for f in d.funders]
        if d.anonymous:
            out += [
                Spacer(1, 10 * mm),
                self.para(
                    "This report follows the Chatham House Rule: participants are free to use the "
                    "information received, but no statement is attributed to any speaker or "
                    "participant, and participants are not named.",
                    "meta",
                ),
            ]
        out.append(PageBreak())
        return out

    def contents(self) -> list[Any]:
        if not self.toc:
            return []
        out: list[Any] = [self.para("Contents", "h1")]
        for text, key, level in self.toc:
            out.append(TocLine(text, key, level, self.s["toc0" if level == 0 else "toc1"]))
        return out

    def section_summary(self) -> list[Any]:
        d = self.data
        text = d.settings.executive_summary.strip()
        out: list[Any] = [self.heading(SECTIONS["summary"], 0)]
        if text:
            return out + self.blocks(text)
        if d.description:
            out += self.blocks(d.description)
        facts = (
            f"{d.participation.took_part(len(d.days))}. "
            f"The sessions produced {len(d.recommendations)} recommendations and "
            f"{len(d.actions)} action items."
        )
        out.append(self.para(facts))
        return out

    def section_participation(self) -> list[Any]:
        p = self.data.participation
        out: list[Any] = [self.heading(SECTIONS["participation"], 0)]
        out.append(
            self.para(
                f"{p.total} participants registered (organisers, facilitators, "
                "rapporteurs and interpreters are not counted)."
            )
        )
        half = (self.width - 12) / 2
        out.append(charts.bar_chart("By country", p.by_country, self.width))
        out.append(Spacer(1, 4 * mm))
        pair = Table(
            [
                [
                    charts.bar_chart("By sector", p.by_sector, half),
                    charts.bar_chart("By sex", p.by_sex, half),
                ]
            ],
            colWidths=[half + 6, half + 6],
        )
        pair.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), BODY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out += [pair, Spacer(1, 4 * mm)]
        out.append(charts.bar_chart("Attendance per day", p.per_day, self.width))
        return out

    def _table(self, rows: Sequence[Sequence[Any]], widths: list[float]) -> list[Any]:
        """A table with a header row, as consecutive tables of at most TABLE_CHUNK rows.

        reportlab re-measures every remaining row each time a table splits at a page end,
        so one table of thousands of rows costs far more than many short ones drawn
        edge to edge. The header row heads the first piece and repeats if it splits.
        """
        # Each piece is made when layout reaches it (a Later), like the notes.
        body = list(rows[1:])
        out: list[Any] = [Later(partial(self._piece, [rows[0]] + body[:TABLE_CHUNK], widths))]
        for i in range(TABLE_CHUNK, len(body), TABLE_CHUNK):
            out.append(Later(partial(self._piece, body[i : i + TABLE_CHUNK], widths, False)))
        return out

    def _table_of(
        self,
        head: Sequence[Any],
        body: Callable[[], Iterator[Sequence[Any]]],
        count: int,
        widths: list[float],
    ) -> list[Any]:
        """:meth:`_table` of rows read only when layout reaches them (``body()`` is called
        then), a piece at a time: a huge workshop's action plan is tens of thousands of
        rows, and none is held before or after its piece is laid out."""

        def pieces() -> Iterator[Any]:
            rows = body()
            yield from self._piece([head, *islice(rows, TABLE_CHUNK)], widths)
            while part := list(islice(rows, TABLE_CHUNK)):
                yield from self._piece(part, widths, False)

        return [Later(partial(_steps, pieces, 1, list), -(-count // TABLE_CHUNK) or 1)]

    def _piece(
        self, part: Sequence[Sequence[Any]], widths: list[float], first: bool = True
    ) -> list[Any]:
        """One of :meth:`_table`'s pieces; the first one starts with the header row."""
        common = [
            ("FONTNAME", (0, 0), (-1, -1), BODY),
            ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("LEADING", (0, 0), (-1, -1), CELL_SIZE + 2),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        header = [
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
        cells = [
            [self._cell(v, w, first and r == 0) for v, w in zip(row, widths, strict=True)]
            for r, row in enumerate(part)
        ]
        if first:
            t = Table(cells, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
            t.setStyle(TableStyle(common + header))
        else:
            t = Table(cells, colWidths=widths, splitInRow=1, hAlign="LEFT")
            t.setStyle(TableStyle(common))
        return [t]

    def _cell(self, value: Any, width: float, bold: bool) -> Any:
        """A table cell: a plain string when it fits one line (cheap to lay out and draw),
        otherwise paragraphs, cut into pieces when long so the row can split across pages."""
        if not isinstance(value, str):
            return value
        text = clean(value).replace("\r\n", "\n")
        if not text.strip():
            return ""
        face = BOLD if bold else BODY
        if "\n" not in text and not needs_shaping(text):
            drawn = glyphs(text)  # ligatures as glyphs, like every other text
            if stringWidth(drawn, face, CELL_SIZE) <= width - 7:
                return drawn
        pieces = self._pieces(text, "cell_bold" if bold else "cell", "cell")
        return pieces[0] if len(pieces) == 1 else pieces

    def cell_lines(self, texts: list[str]) -> list[Any] | str:
        """Cell content for several texts: one paragraph each."""
        out: list[Any] = []
        for t in texts:
            if clean(t).strip():
                out += self._pieces(clean(t), "cell", "cell")
        return out or ""

    def section_agenda(self) -> list[Any]:
        out: list[Any] = [self.heading(SECTIONS["agenda"], 0)]
        w = self.width
        for day in self.data.days:
            out.append(self.para(f"{day.title} · {format_day(day.date)}", "h3"))
            rows: list[list[Any]] = [
                [
                    "Planned",
                    "Actual",
                    "Session",
                    "Room",
                ]
            ]
            for s in day.sessions:
                actual = f"{s.actual_start}–{s.actual_end}" if s.actual_start else ""
                if s.actual_start and not s.actual_end:
                    actual = f"{s.actual_start}–"
                rows.append(
                    [
                        f"{s.planned_start}–{s.planned_end}",
                        actual,
                        s.title,
                        s.room,
                    ]
                )
            if len(rows) == 1:
                out.append(self.para("No sessions planned.", "meta"))
                continue
            out += self._table(rows, [w * 0.15, w * 0.15, w * 0.5, w * 0.2])
        return out

    def section_annex_agenda(self) -> list[Any]:
        out: list[Any] = [self.heading(SECTIONS["annex_agenda"], 0)]
        for day in self.data.days:
            out.append(self.para(f"{day.title} · {format_day(day.date)}", "h2"))
            for s in day.sessions:
                times = f"<b>{s.planned_start}–{s.planned_end}</b>&nbsp;&nbsp;"
                out.append(paragraph(s.title, self.s["body"], True, prefix=times))
                meta = [x for x in (s.room, ", ".join(s.speakers)) if x]
                if meta:
                    out.append(self.para(" · ".join(meta), "meta"))
                if s.description:
                    out += self.blocks(s.description, "small")
        return out

    def _note_flow(self, note: Note) -> list[Any]:
        # Details are plain text in the note's own run (no tags) to keep layout fast.
        text = note.text
        if note.kind == "action_item":
            bits = [b for b in (note.owner, note.due and f"by {note.due}", note.status) if b]
            if bits:
                text += " (" + " · ".join(bits).replace("_", " ") + ")"
        if note.kind == "quote":
            text = "“" + text + "”"
        if note.attribution:
            text += " — " + note.attribution
        if note.kind == "quote":
            return self._pieces(text, "quote", "quote")
        if note.kind == "recommendation":
            return self._pieces(text, "rec", "rec", bullet=f"R{note.number}.")
        # A literal bullet and no-break space keep the note one run (bulletText is drawn
        # separately, which costs a text object per note).
        return self._pieces(text, "note", "note_cont", prefix="•\u00a0")

    def section_sessions(self) -> list[Any]:
        out: list[Any] = [self.heading(SECTIONS["sessions"], 0)]
        count = 0
        for day in self.data.days:
            for s in day.sessions:
                if not s.summary and not s.notes:
                    continue
                count += 1
                out.append(self.heading(s.title, 1))
                meta = f"{day.title} · {s.planned_start}–{s.planned_end}"
                if s.room:
                    meta += f" · {s.room}"
                if s.speakers:
                    meta += " · " + ", ".join(s.speakers)
                out.append(self.para(meta, "meta"))
                if s.summary:
                    out += [self.para("Summary", "kind")] + self.blocks(s.summary)
                for kind, title in NOTE_KINDS.items():
                    notes = s.notes.get(kind)
                    if not notes:
                        continue
                    out.append(self.para(title, "kind"))
                    out += self._later(notes, self._note_flow)
        if not count:
            out.append(self.para("No session notes were recorded.", "meta"))
        return out

    def section_group_work(self) -> list[Any]:
        if not self.data.exercises:
            return []
        out: list[Any] = [self.heading(SECTIONS["group_work"], 0)]
        for ex in self.data.exercises:
            out.append(self.heading(ex.title, 1))
            if ex.session_title:
                out.append(self.para(ex.session_title, "meta"))
            if ex.instructions:
                out += self.blocks(ex.instructions)
            out += self._teams(ex)
        return out

    def _teams(self, ex: ExerciseItem) -> list[Any]:
        out: list[Any] = []
        if not ex.teams:
            return [self.para("No teams were formed for this exercise.", "meta")]
        out.append(self.para("Teams", "kind"))
        rounds = len({t.round_title for t in ex.teams}) > 1
        for t in ex.teams:
            name = f"{t.name} ({t.round_title})" if rounds and t.round_title else t.name
            if t.who:
                out.append(paragraph(t.who, self.s["note"], prefix=f"<b>{rich(name)}:</b> "))
            elif self.data.anonymous:
                out.append(paragraph(name, self.s["note"], True))
            if t.summary:
                out += self.blocks(t.summary)
        answered = [t for t in ex.teams if t.answers]
        if ex.prompts and answered:
            out.append(self.para("Worksheet answers", "kind"))
            for i in range(0, len(answered), TEAMS_PER_TABLE):
                group = answered[i : i + TEAMS_PER_TABLE]
                first = self.width * 0.22
                rest = (self.width - first) / len(group)
                rows: list[list[Any]] = [["Question"] + [t.name for t in group]]
                for pid, text in ex.prompts:
                    rows.append([text] + [self.cell_lines(t.answers.get(pid, [])) for t in group])
                out += self._table(rows, [first] + [rest] * len(group)) + [Spacer(1, 3 * mm)]
        return out

    def section_recommendations(self) -> list[Any]:
        recs = self.data.recommendations
        out: list[Any] = [self.heading(SECTIONS["recommendations"], 0)]
        if not recs:
            return out + [self.para("No recommendations were recorded.", "meta")]
        out.append(
            self.para(
                f"{len(recs)} recommendations, numbered as they appear in the "
                "sessions and grouped by session."
            )
        )
        for title, run in _by_session(recs):
            out.append(self.para(title, "kind"))
            out += self._later(run, self._rec_flow)
        return out

    def _rec_flow(self, note: Note) -> list[Any]:
        return self._pieces(note.text, "rec", "rec", bullet=f"R{note.number}.")

    def _later(self, items: Notes, flow: Callable[[Any], list[Any]]) -> list[Later]:
        """The flowables of ``items``, made a step of NOTES_PER_STEP at a time during layout:
        ``items`` is iterated only when layout reaches it, so the store reads the notes then
        and each step's notes are freed once laid out."""

        def made(part: list[Any]) -> list[Any]:
            return [f for item in part for f in flow(item)]

        return [Later(partial(_steps, partial(iter, items), NOTES_PER_STEP, made), len(items))]

    def section_action_plan(self) -> list[Any]:
        acts = self.data.actions
        out: list[Any] = [self.heading(SECTIONS["action_plan"], 0)]
        if not acts:
            return out + [self.para("No action items were recorded.", "meta")]
        w = self.width

        def rows() -> Iterator[Sequence[Any]]:
            for i, a in enumerate(acts, 1):
                yield (str(i), a.text, a.owner, a.due, a.status.replace("_", " "))

        head = ("#", "What", "Who", "By when", "Status")
        out += self._table_of(
            head, rows, len(acts), [w * 0.06, w * 0.5, w * 0.2, w * 0.12, w * 0.12]
        )
        return out

    def _free_text(self, key: str, text: str) -> list[Any]:
        if not text.strip():
            return []
        return [self.heading(SECTIONS[key], 0)] + self.blocks(text)

    def section_way_forward(self) -> list[Any]:
        return self._free_text("way_forward", self.data.settings.way_forward)

    def section_acknowledgements(self) -> list[Any]:
        return self._free_text("acknowledgements", self.data.settings.acknowledgements)

    def section_annex_participants(self) -> list[Any]:
        d = self.data
        out: list[Any] = [self.heading(SECTIONS["annex_participants"], 0)]
        w = self.width
        if d.participants_mode == "organisations":
            out.append(
                self.para(
                    "Participants are not named in this report (Chatham House Rule). "
                    "These organisations took part:"
                )
            )
            rows = [["Organisation", "Country"]]
            rows += [[o, c] for o, c in d.organisations]
            if len(rows) > 1:
                out += self._table(rows, [w * 0.7, w * 0.3])
            return out
        if d.participants_mode == "none" or not d.participants:
            out.append(
                self.para(
                    f"{d.participation.took_part(0)}. The "
                    "participants list is not published with this report."
                )
            )
            return out
        if d.participants_mode == "full":
            heads = ("Name", "Position", "Organisation", "Country", "Email")
            widths = [0.22, 0.2, 0.26, 0.12, 0.2]
            rows = [[h for h in heads]]
            rows += [
                [
                    p.name,
                    p.title,
                    p.organisation,
                    p.country,
                    p.email,
                ]
                for p in d.participants
            ]
        else:
            widths = [0.45, 0.55]
            rows = [["Name", "Organisation"]]
            rows += [[p.name, p.organisation] for p in d.participants]
        out += self._table(rows, [w * x for x in widths])
        return out

    # -- from the venue server (phones) ----------------------------------------------------
    def section_priorities(self) -> list[Any]:
        """Dot-voting on the recommendations: the list in the order participants gave it."""
        lists = self.data.priorities
        if not lists:
            return []
        out: list[Any] = [self.heading(SECTIONS["priorities"], 0)]
        w = self.width
        for p in lists:
            if len(lists) > 1 or p.question:
                out.append(self.para(p.question, "h3"))
            meta = (
                f"{p.participants} participant{'s' * (p.participants != 1)} each placed up to "
                f"{p.dots_each} dots on the recommendations they find most important"
            )
            out.append(
                self.para(meta + (f" ({p.session_title})." if p.session_title else "."), "meta")
            )
            rows: list[list[Any]] = [["Priority", "Recommendation", "Dots", "Participants"]]
            for item in p.items:
                text = f"R{item.number}. {item.text}" if item.number else item.text
                rows.append([str(item.rank), text, str(item.dots), str(item.voters)])
            out += self._table(rows, [w * 0.1, w * 0.62, w * 0.12, w * 0.16])
            out.append(Spacer(1, 3 * mm))
        return out

    def section_evaluation(self) -> list[Any]:
        """Evaluations answered on phones: a chart per rating question, the open answers,
        and the before/after comparison of a pre/post pair. Nobody is named."""
        d = self.data
        if not d.evaluations and not d.learning:
            return []
        out: list[Any] = [self.heading(SECTIONS["evaluation"], 0)]
        out.append(
            self.para(
                "Participants answered these questionnaires anonymously on their phones; "
                "only totals are reported."
            )
        )
        for ev in d.evaluations:
            out.append(CondPageBreak(70 * mm))  # a title never ends a page above its charts
            out.append(self.heading(ev.title, 1))
            meta = " · ".join(x for x in (ev.kind, ev.day, f"{ev.respondents} respondents") if x)
            out.append(self.para(meta, "meta"))
            for i, q in enumerate(ev.questions, 1):
                if q.kind == "text":
                    if not q.texts:
                        continue
                    out.append(self.para(f"{i}. {q.text}", "kind"))
                    for t in q.texts:
                        out += self._pieces(t, "note", "note_cont", prefix="•\u00a0")
                    continue
                if not q.responses:
                    continue
                top = len(q.distribution)
                items = [
                    (f"{k}" + (" (low)" if k == 1 else " (high)" if k == top else ""), n)
                    for k, n in enumerate(q.distribution, 1)
                ]
                out.append(CondPageBreak(45 * mm))
                out.append(charts.bar_chart(f"{i}. {q.text}", items, self.width))
                mean = f"{q.mean:.1f}" if q.mean is not None else "–"
                median = f"{q.median:g}" if q.median is not None else "–"
                out.append(
                    self.para(
                        f"Average {mean} out of {top} (median {median}), {q.responses} answers.",
                        "meta",
                    )
                )
        w = self.width
        for pair in d.learning:
            out.append(CondPageBreak(50 * mm))
            out.append(self.heading("Learning outcomes", 1))
            out.append(
                self.para(
                    f"Self-assessment before (“{pair.before_title}”) and after "
                    f"(“{pair.after_title}”): average rating per question.",
                    "meta",
                )
            )
            rows: list[list[Any]] = [["Question", "Before", "After", "Change"]]
            for r in pair.rows:
                before = f"{r.before:.1f} (n={r.before_n})" if r.before is not None else "–"
                after = f"{r.after:.1f} (n={r.after_n})" if r.after is not None else "–"
                change = f"{r.change:+.1f}" if r.change is not None else "–"
                rows.append([r.question, before, after, change])
            out += self._table(rows, [w * 0.55, w * 0.16, w * 0.16, w * 0.13])
        return out


# -- entry points --------------------------------------------------------------------------


def build_pdf(
    data: ReportData,
    target: Path,
    paper: str,
    draft: bool,
    progress: Progress = None,
    lang: str = "en",
) -> None:
    """Lay out ``data`` into a PDF at ``target``; ``data`` is consumed (its notes are
    released as they are laid out), so load it again to build again."""
    register()
    pagesize = LETTER if paper == "letter" else A4
    margin = 20 * mm
    width = pagesize[0] - 2 * margin
    builder = ReportBuilder(data, width)
    items, plain = builder.story()
    story = Story(items)
    del items  # the story alone holds the notes, so each step is freed once laid out
    if progress:
        progress(0.15)
    author = "; ".join(data.organisers)
    doc = ReportDoc(
        str(target),
        total=story.size,
        progress=progress,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=clean(data.title),
        author=clean(author),
        subject=clean(data.subtitle) or "Outcome report",
        creator="Facilitator",
        keywords="outcome report",
        lang=lang,
    )
    frame = Frame(
        margin,
        20 * mm,
        width,
        pagesize[1] - 40 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame])])
    decor = {
        "margin": margin,
        "title": clean(data.title).replace("\n", " "),
        "footer_left": "Chatham House Rule" if data.anonymous else "",
        "footer_right": data.dates,
        "plain_pages": plain,
        "draft": draft,
    }
    canvasmaker = type("BoundReportCanvas", (ReportCanvas,), {"decor": decor})
    # Page streams stay Flate-compressed but skip the ASCII85 layer: a smaller file, and
    # without reportlab's C accelerator the pure-Python encoder costs about a tenth of
    # the build time on large reports.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except BaseException:  # Cancel, or a layout failure: the notes not laid out go gradually
        story.let_go()
        raise
    finally:
        rl_config.useA85 = a85


def export_report(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``report``: the outcome report as PDF."""
    settings = ws.report.load_settings()
    anonymous = options.anonymous or settings.anonymous
    draft = options.draft or settings.draft
    with long_lived() as keep, ws.report.snapshot():  # the notes are read during layout
        data = ws.report.load_report(settings, anonymous, Kept(progress, keep, 0.1))
        try:
            check_privacy(data.privacy, options, out)
            if progress:
                progress(0.1)
            paper = options.paper if options.paper in ("a4", "letter") else settings.paper
            with atomic_output(out) as tmp:
                lang = language_tag(ws.info.details()["languages"])
                layout = Kept(progress, keep)
                try:
                    build_pdf(data, tmp, paper, draft, layout, lang)
                except ExportError:
                    raise
                except Exception as exc:  # reportlab layout failure: say what, keep the old file
                    if exc is layout.raised:  # Cancel, not a failure
                        raise
                    raise ExportError(f"{out}: the report could not be laid out ({exc}).") from exc
        finally:
            let_go(data.privacy)
    if progress:
        progress(1.0)
