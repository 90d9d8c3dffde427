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
    run = shaper.shape(text)
    if run.width * size / 1000 <= width:
        return run.drawable()
    ellipsis = "…" if ord("…") in shaper.face.charToGlyph else ""  # Noto Sans Thai has none
    cut = len(text)
    while cut > 0:
        cut = max((g.cluster for g in shaper.shape(text[:cut]).glyphs), default=0)
        run = shaper.shape(text[:cut].rstrip() + ellipsis)
        if run.width * size / 1000 <= width:
            break
    return run.drawable()


def bar_chart(title: str, items: list[tuple[str, int]], width: float) -> Drawing:
    """A horizontal bar chart of counts, largest first; beyond 12 bars the rest are "Other"."""
    register()
    items = [(clean(k).replace("\n", " ") or "—", max(0, int(v))) for k, v in items]
    if len(items) > MAX_BARS:
        rest = sum(v for _, v in items[MAX_BARS - 1 :])
        items = items[: MAX_BARS - 1] + [("Other", rest)]
    size = 8
    bar_h, gap, title_h = 11, 4, 16
    label_w = min(width * 0.38, 150)
    value_w = 28
    plot_w = max(20, width - label_w - value_w - 6)
    height = title_h + max(1, len(items)) * (bar_h + gap) + 4
    d = Drawing(width, height)
    d.initialFontName = BODY  # the renderer would otherwise open with unembedded Helvetica
    title = _shorten(clean(title), BOLD, 9.5, width)
    d.add(String(0, height - 11, title, fontName=BOLD, fontSize=9.5, fillColor=colors.black))
    top = height - title_h
    biggest = max([v for _, v in items] + [1])
    d.add(Line(label_w, 2, label_w, top, strokeColor=GRID, strokeWidth=0.6))
    if not items:
        d.add(String(label_w + 4, top - bar_h, "No data", fontName=BODY, fontSize=size))
    for i, (name, value) in enumerate(items):
        y = top - (i + 1) * (bar_h + gap) + gap
        face = face_for(name)
        text = _shorten(name, face, size, label_w - 6)
        d.add(String(label_w - 4, y + 2.5, text, fontName=face, fontSize=size, textAnchor="end"))
        w = plot_w * value / biggest
        if w > 0:
            d.add(Rect(label_w, y, w, bar_h, fillColor=ACCENT, strokeColor=None))
        number = _shorten(str(value), BODY, size, value_w + 6)
        d.add(String(label_w + w + 3, y + 2.5, number, fontName=BODY, fontSize=size))
    return d
