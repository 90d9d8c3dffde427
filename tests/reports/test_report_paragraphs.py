"""The report's paragraphs are reportlab's, made and wrapped more cheaply.

Plain text skips reportlab's markup parser (``fonts.plain_frags`` makes its runs) and a
paragraph wrapped again at the same width reuses its lines (``fonts.paragraph_class``).
Both must leave the document exactly as reportlab alone would make it: these tests compare
the runs with the parser's and whole PDFs, byte for byte, with reportlab's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from facilitator.reports import fonts, outcome

TEXTS = [
    "Plain words, as most notes are.",
    "Tom & Jerry <said> 3 > 2 && 1 < 2",
    "&amp; typed as it is",
    "First line\nsecond line\n\nafter a blank line",
    "Office of Foreign Affairs: efficient staff",  # ligatures become glyph codes
    "Nguyễn Thị Thu Hà, Айгуль Жумабаева",
    "no\u00a0break and a zero\u200bwidth space",
    "two  spaces, a\ttab, \u2003an em space",
    " leading space",
    "trailing space ",
    "\u00a0",
    "&",
    "word " * 300,
]


def _styles() -> dict:
    fonts.register()
    return {name: fonts.unshaped(style) for name, style in outcome._styles().items()}


@pytest.mark.parametrize("prefix", ["", "•\u00a0"])
def test_plain_text_becomes_the_runs_reportlab_parses_from_it(prefix: str) -> None:
    made = 0
    for name, style in _styles().items():
        for text in TEXTS:
            markup = prefix + fonts.rich(text)
            frags = fonts.plain_frags(markup, style)
            if frags is None:
                continue
            made += 1
            parsed = Paragraph(markup, style)
            assert parsed.text == markup, (name, text)  # the cleaner changed nothing
            assert [vars(f) for f in frags] == [vars(f) for f in parsed.frags], (name, text)
            # like the parser's, the runs of one paragraph share its link and underline lists
            assert len({id(f.link) for f in frags}) == len({id(f.us_lines) for f in frags}) == 1
    assert made > len(TEXTS) * 10


def test_what_the_cleaner_or_the_parser_would_change_is_left_to_the_parser() -> None:
    style = _styles()["note"]
    for markup in (
        "<b>bold</b> words",
        "a&nbsp;b",
        "two  spaces",
        " leading",
        "tab\there",
        "line\nbreak",
        "",
    ):
        assert fonts.plain_frags(markup, style) is None, markup


def _document(path: Path, make) -> None:  # noqa: ANN001 - make(markup, style, bullet)
    s = _styles()
    story = []
    for i, text in enumerate(TEXTS * 6):
        markup = fonts.rich(text)
        if i % 3 == 0:
            story.append(make("•\u00a0" + markup, s["note"], None))
        elif i % 3 == 1:
            story.append(make(markup, s["rec"], f"R{i}."))
        else:
            story.append(make(markup, s["quote"], None))
    # a table of long cells, split across pages and inside rows: every cell is wrapped
    # when the rows are measured, again when the table splits and again when it is drawn
    rows = [
        [str(i), make(fonts.rich(TEXTS[i % len(TEXTS)] * 3), s["cell"], None), "Owner"]
        for i in range(120)
    ]
    table = Table(rows, colWidths=[10 * mm, 120 * mm, 30 * mm], splitInRow=1, repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def test_the_report_s_paragraphs_draw_the_pdf_reportlab_s_own_draw(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.pdf", tmp_path / "theirs.pdf"
    _document(
        ours,
        lambda markup, style, bullet: fonts.paragraph_class()(
            markup, style, bulletText=bullet, frags=fonts.plain_frags(markup, style)
        ),
    )
    _document(theirs, lambda markup, style, bullet: Paragraph(markup, style, bulletText=bullet))
    assert ours.read_bytes() == theirs.read_bytes()
    assert ours.stat().st_size > 50_000  # many pages, not an empty document


def test_a_paragraph_wrapped_again_at_the_same_width_has_the_same_lines() -> None:
    style = _styles()["note"]
    text = "word " * 200
    ours = fonts.paragraph(text, style)
    theirs = Paragraph(fonts.rich(text), style)
    # the same width again, another, one where it cannot split (it forgets its lines), back
    # and one too narrow for any line (reportlab then breaks none), twice
    for width, height in (
        (300, 100),
        (300, 100),
        (200, 50),
        (300, 10),
        (300, 100),
        (0, 100),
        (0, 100),
        (300, 900),
    ):
        assert ours.wrap(width, height) == theirs.wrap(width, height)
        if not width:
            continue
        assert ours.blPara.lines == theirs.blPara.lines
        mine, reportlabs = ours.split(width, height), theirs.split(width, height)
        assert [p.wrap(width, 1e4) for p in mine] == [p.wrap(width, 1e4) for p in reportlabs]
        assert [p.getPlainText() for p in mine] == [p.getPlainText() for p in reportlabs]
