"""Small bar charts for the report, drawn with reportlab graphics in the bundled fonts.

reportlab's chart classes label every category in one font; participants' countries and
sectors may be written in any script, so the bars and labels are drawn here, each label in
a face that covers it.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from facilitator.reports.fonts import BODY, BOLD, clean, face_for, font, register

ACCENT = colors.HexColor("#2F5D8A")
GRID = colors.HexColor("#D5DCE4")
MAX_BARS = 12


def _shorten(text: str, face: str, size: float, width: float) -> str:
    """The label shaped in its face (as every text is), cut with … between clusters to fit."""
    shaper = font(face)
    if _fits(text, face, size, width):
        return shaper.shape(text).drawable()
    ellipsis = "…" if ord("…") in shaper.face.charToGlyph else ""  # Noto Sans Thai has none
    cut = len(text)
    while cut > 0:
        cut = max((g.cluster for g in shaper.shape(text[:cut]).glyphs), default=0)
        shortened = text[:cut].rstrip() + ellipsis
        if _fits(shortened, face, size, width):
            break
    return shaper.shape(shortened).drawable()


def _fits(text: str, face: str, size: float, width: float) -> bool:
    return font(face).shape(text).width * size / 1000 <= width


def _lines(text: str, face: str, size: float, width: float, most: int) -> list[str]:
    """The text in at most ``most`` lines that fit ``width``, broken between words; the
    last line is cut with … only when the words do not fit in ``most`` lines (a script
    written without spaces, such as Thai or Khmer, is one word and is cut)."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < most - 1:
        take = 1
        while take < len(words) and _fits(" ".join(words[: take + 1]), face, size, width):
            take += 1
        if take == len(words) or not _fits(" ".join(words[:take]), face, size, width):
            break  # the rest fits on this line, or one word is too wide: the last line cuts
        lines.append(" ".join(words[:take]))
        words = words[take:]
    if words or not lines:
        lines.append(" ".join(words))
    return [_shorten(line, face, size, width) for line in lines]


def bar_chart(title: str, items: list[tuple[str, int]], width: float) -> Drawing:
    """A horizontal bar chart of counts, largest first; beyond 12 bars the rest are "Other"."""
    register()
    items = [(clean(k).replace("\n", " ") or "—", max(0, int(v))) for k, v in items]
    if len(items) > MAX_BARS:
        rest = sum(v for _, v in items[MAX_BARS - 1 :])
        items = items[: MAX_BARS - 1] + [("Other", rest)]
    size = 8
    bar_h, gap, leading = 11, 4, 9
    label_w = min(width * 0.38, 150)
    value_w = 28
    plot_w = max(20, width - label_w - value_w - 6)
    # A label too long for its column takes a second line, and its row grows to hold it.
    labels = [_lines(name, face_for(name), size, label_w - 6, 2) for name, _v in items]
    rows = [bar_h + (len(lines) - 1) * leading for lines in labels]
    title_face = face_for(title, bold=True) if title.strip() else BOLD
    title_lines = _lines(clean(title), title_face, 9.5, width, 4)
    title_h = 16 + (len(title_lines) - 1) * 11.5
    height = title_h + (sum(h + gap for h in rows) if items else bar_h + gap) + 4
    d = Drawing(width, height)
    d.initialFontName = BODY  # the renderer would otherwise open with unembedded Helvetica
    for k, line in enumerate(title_lines):
        y = height - 11 - k * 11.5
        d.add(String(0, y, line, fontName=title_face, fontSize=9.5, fillColor=colors.black))
    top = height - title_h
    biggest = max([v for _, v in items] + [1])
    d.add(Line(label_w, 2, label_w, top, strokeColor=GRID, strokeWidth=0.6))
    if not items:
        d.add(String(label_w + 4, top - bar_h, "No data", fontName=BODY, fontSize=size))
    y = top + gap  # each row's gap is below it; the first bar touches the title's space
    for (name, value), lines, row in zip(items, labels, rows, strict=True):
        y -= row + gap
        face = face_for(name)
        bar_y = y + (row - bar_h) / 2  # the bar beside the middle of its label's lines
        for k, line in enumerate(lines):
            line_y = bar_y + 2.5 + (len(lines) - 1) * leading / 2 - k * leading
            d.add(String(label_w - 4, line_y, line, fontName=face, fontSize=size, textAnchor="end"))
        w = plot_w * value / biggest
        if w > 0:
            d.add(Rect(label_w, bar_y, w, bar_h, fillColor=ACCENT, strokeColor=None))
        number = _shorten(str(value), BODY, size, value_w + 6)
        d.add(String(label_w + w + 3, bar_y + 2.5, number, fontName=BODY, fontSize=size))
    return d
