"""The outcome report at scale: the story fed from the front, pages numbered at the end.

The report lays out from a deque (``Story``) whose ``Later`` steps become paragraphs only
when layout reaches them, and writes each page when it ends; "Page N of M" and the
contents' page numbers are added when the file is saved. These tests read the PDF back.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.cli import main as cli_main
from facilitator.reports.fonts import BODY, register
from facilitator.reports.outcome import Later, Story


def _pdftotext(pdf: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _paragraphs(n: int) -> list[Paragraph]:
    register()
    style = ParagraphStyle("t", fontName=BODY, fontSize=10, leading=13.5)
    # long enough that many split across a page end (the split's rest goes back in front)
    return [Paragraph(f"Note {i}. " + "word " * (40 + i % 90), style) for i in range(n)]


def test_a_story_lays_out_exactly_like_the_list_it_replaces(tmp_path: Path):
    plain, fed = tmp_path / "list.pdf", tmp_path / "story.pdf"
    SimpleDocTemplate(str(plain), pagesize=A4, invariant=1).build(_paragraphs(400))
    made = _paragraphs(400)
    steps: list = made[:50]
    # the rest as steps of the story, made when layout reaches them, some of them empty
    for i in range(50, 400, 70):
        steps.append(Later(lambda part=made[i : i + 70]: list(part), 70))
        steps.append(Later(lambda: [], 0))
    story = Story(steps)
    assert story.size == 400
    SimpleDocTemplate(str(fed), pagesize=A4, invariant=1).build(story)
    assert len(story) == 0
    text = _pdftotext(fed)
    assert text == _pdftotext(plain)
    assert len(PdfReader(fed).pages) == len(PdfReader(plain).pages) > 20
    assert "Note 399." in text


def test_every_page_after_the_cover_says_its_number_and_the_contents_point_to_the_headings(
    demo_path: Path, tmp_path: Path
):
    out = tmp_path / "r.pdf"
    assert cli_main(["export", str(demo_path), "report", "-o", str(out), "--redact"]) == 0
    total = len(PdfReader(out).pages)
    pages = [_pdftotext(out, "-f", str(i), "-l", str(i)) for i in range(1, total + 1)]
    assert "Page 1 of" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text, number
    contents = next(p for p in pages if "Contents" in p)
    entries = dict(re.findall(r"^(Sessions|Recommendations|Action plan)\s+(\d+)$", contents, re.M))
    assert set(entries) == {"Sessions", "Recommendations", "Action plan"}, contents
    for title, page in entries.items():
        assert title in pages[int(page) - 1], (title, page)
