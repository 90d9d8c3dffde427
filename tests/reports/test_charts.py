"""The report's bar charts: long labels and titles are shown whole where they can be."""

from __future__ import annotations

from reportlab.graphics.shapes import Rect, String

from facilitator.reports import charts
from facilitator.reports.fonts import font

HALF = 245.0  # a chart beside another, as "By sector" and "By sex" are on an A4 page
FULL = 481.9  # a chart across an A4 page between 20 mm margins, as an evaluation's are


def strings(drawing) -> list[String]:  # noqa: ANN001
    return [x for x in drawing.contents if isinstance(x, String)]


def width_of(s: String) -> float:
    return font(s.fontName).shape(str(s.text)).width * s.fontSize / 1000


def test_a_long_label_takes_two_lines_beside_its_bar() -> None:
    d = charts.bar_chart("By sector", [("Government", 17), ("International organisation", 2)], HALF)
    texts = [str(s.text) for s in strings(d)]
    assert "International" in texts and "organisation" in texts
    assert not any("…" in t for t in texts)
    first = next(s for s in strings(d) if s.text == "International")
    second = next(s for s in strings(d) if s.text == "organisation")
    assert first.y > second.y and first.x == second.x  # stacked, right-aligned on one edge
    bars = [x for x in d.contents if isinstance(x, Rect)]
    assert len(bars) == 2
    middle = bars[1].y + bars[1].height / 2
    assert second.y < middle < first.y + first.fontSize  # the bar sits beside both lines
    one_line = charts.bar_chart("By sector", [("Government", 17), ("Academia", 2)], HALF)
    assert d.height > one_line.height  # the row grew instead of overlapping the next


def test_a_label_that_cannot_wrap_is_cut_to_its_column() -> None:
    word = "Interorganisationalcoordinationcommittee"
    d = charts.bar_chart("By sector", [(word, 3)], HALF)
    label = next(s for s in strings(d) if str(s.text).startswith("Interorg"))
    assert str(label.text).endswith("…")
    assert width_of(label) <= min(HALF * 0.38, 150) - 6


def test_a_long_title_wraps_and_keeps_every_word() -> None:
    question = (
        "How useful was the group exercise on designing a prevention campaign for your "
        "own work with communities, ministries and the media back home?"
    )
    d = charts.bar_chart(f"3. {question}", [("1", 0), ("5", 9)], FULL)
    title = [s for s in strings(d) if s.fontName.endswith("Bold")]
    assert len(title) > 1
    assert " ".join(str(s.text) for s in title) == f"3. {question}"
    assert all(width_of(s) <= FULL for s in title)
    assert all(s.y < d.height for s in title)
    assert title == sorted(title, key=lambda s: -s.y)  # read top to bottom


def test_a_thai_label_is_drawn_in_the_thai_face_within_its_column() -> None:
    thai = "องค์การระหว่างประเทศและภาคประชาสังคมในภูมิภาค"
    d = charts.bar_chart("By sector", [(thai, 4)], HALF)
    label = next(s for s in strings(d) if "Thai" in s.fontName)
    assert width_of(label) <= min(HALF * 0.38, 150) - 6 + 0.01
