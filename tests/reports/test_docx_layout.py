"""The Word report as people open, edit and print it: contents, headings, tables.

The structure is read with python-docx; what a reader sees is checked by converting with
LibreOffice (headless) and reading the PDF back with pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from facilitator.exports import ExportOptions, run_export
from tests.reports.conftest import REFERENCE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def report_docx(reference_workshop: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "report.docx"
    return run_export("report-docx", reference_workshop, out, ExportOptions())


def _style(p) -> str:  # noqa: ANN001 - lxml paragraph
    el = p.find(f"{W}pPr/{W}pStyle")
    return "" if el is None else el.get(f"{W}val")


def _text(el) -> str:  # noqa: ANN001
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _headings(d: docx.Document) -> list[tuple[int, str, set[str]]]:
    """(level, text, bookmark names) of every heading paragraph, in order."""
    out = []
    for p in d.element.body.iter(f"{W}p"):
        m = re.fullmatch(r"Heading(\d)", _style(p))
        if m:
            names = {b.get(f"{W}name") for b in p.iter(f"{W}bookmarkStart")}
            out.append((int(m.group(1)), _text(p), names))
    return out


def _entries(d: docx.Document) -> list[tuple[int, str, str, str]]:
    """(level, text, bookmark, cached page) of every contents entry."""
    out = []
    for p in d.element.body.iter(f"{W}p"):
        m = re.fullmatch(r"TOC(\d)", _style(p))
        if not m:
            continue
        link = p.find(f"{W}hyperlink")
        instr = "".join(t.text for t in p.iter(f"{W}instrText")).split()
        assert instr[:2] == ["PAGEREF", link.get(f"{W}anchor")], instr
        texts = [t.text for t in link.iter(f"{W}t")]
        out.append((int(m.group(1)), texts[0], link.get(f"{W}anchor"), texts[-1]))
    return out


def test_headings_never_skip_a_level(report_docx: Path) -> None:
    levels = [level for level, _, _ in _headings(docx.Document(report_docx))]
    assert levels[0] == 1 and {1, 2, 3} <= set(levels)
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def test_contents_are_written_out_with_page_numbers(report_docx: Path) -> None:
    d = docx.Document(report_docx)
    entries = _entries(d)
    headings = _headings(d)
    listed = [(level, text) for level, text, _ in headings if level <= 2]
    assert [(level, text) for level, text, _, _ in entries] == listed
    assert len(entries) >= 12
    marks = {name for _, _, names in headings for name in names}
    pages = []
    for _, _, bookmark, cached in entries:
        assert bookmark in marks
        assert cached.isdigit()  # Word shows this before it updates the field
        pages.append(int(cached))
    assert pages == sorted(pages) and pages[0] >= 2 and pages[-1] > pages[0]
    # no TOC field (whose cached text LibreOffice would show as it is), and Word is asked
    # to update the page numbers when it opens the file
    instructions = " ".join(t.text for t in d.element.body.iter(f"{W}instrText"))
    assert "TOC" not in instructions
    flag = d.settings.element.find(f"{W}updateFields")
    assert flag is not None and flag.get(f"{W}val") == "true"


def test_the_contents_list_what_the_pdf_lists(report_docx: Path, reference_pdfs: dict) -> None:
    reader = PdfReader(reference_pdfs["report"])
    outline: list[tuple[int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                outline.append((level + 1, item.title))

    walk(reader.outline, 0)
    entries = [(level, text) for level, text, _, _ in _entries(docx.Document(report_docx))]
    assert entries == outline


def _grid(table) -> list[int]:  # noqa: ANN001 - python-docx table
    return [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]


def test_tables_fit_their_content_and_repeat_their_header(report_docx: Path) -> None:
    d = docx.Document(report_docx)
    section = d.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635
    assert len(d.tables) >= 6
    for table in d.tables:
        first = table.rows[0]._tr
        header = first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
        assert header is not None and header.get(qn("w:val")) == "true"
        grid = _grid(table)
        assert sum(grid) <= text_width + 2
        for row in table.rows[:3]:
            assert [c.width.twips for c in row.cells] == grid
    plan = next(t for t in d.tables if t.rows[0].cells[0].text == "#")
    widths = dict(zip([c.text for c in plan.rows[0].cells], _grid(plan), strict=True))
    assert widths["#"] < 600 < widths["What"]  # twips: "#" under a centimetre
    assert widths["What"] == max(widths.values())
    counts = next(t for t in d.tables if t.rows[0].cells[1].text == "Number")
    assert sum(_grid(counts)) < text_width / 2  # a small table stays small


def test_same_sections_and_privacy_as_the_pdf(demo_path: Path, tmp_path: Path) -> None:
    """The demo is under the Chatham House Rule: neither document names anyone."""
    from facilitator.store.database import Workshop

    with Workshop(demo_path, read_only=True) as ws:
        names = [p["name"] for p in ws.people.people()]
    out = run_export("report-docx", demo_path, tmp_path / "r.docx", ExportOptions())
    pdf = run_export("report", demo_path, tmp_path / "r.pdf", ExportOptions())
    d = docx.Document(out)
    body = "\n".join(_text(p) for p in d.element.body.iter(f"{W}p"))
    for name in names:
        assert name not in body, name
    assert "Chatham House Rule" in body
    pdf_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for level, text, _ in _headings(d):
        if level == 1:
            assert text in pdf_text, text


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def converted(report_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = _soffice()
    if soffice is None:
        pytest.skip("needs LibreOffice (apt-get install libreoffice-writer-nogui)")
    folder = tmp_path_factory.mktemp("lo")
    profile = folder / "profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(report_docx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = folder / "report.pdf"
    assert out.exists(), done.stdout + done.stderr
    return out


def test_libreoffice_shows_the_contents_with_the_right_pages(converted: Path) -> None:
    pages = subprocess.run(
        ["pdftotext", "-layout", str(converted), "-"], capture_output=True, text=True
    ).stdout.split("\f")
    contents_page = next(i for i, p in enumerate(pages) if re.search(r"^Contents\s*$", p, re.M))
    entry = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", re.M)
    entries = entry.findall(pages[contents_page])
    assert len(entries) >= 12, pages[contents_page]
    # what follows the contents: the rest of its page, then the later pages
    after = list(entry.finditer(pages[contents_page]))[-1].end()
    body = {contents_page + 1: pages[contents_page][after:]}
    body.update({i + 1: p for i, p in enumerate(pages) if i > contents_page})
    where = (contents_page + 1, 0)
    for title, number in entries:
        # the page the heading is on: the next line (in document order) that is the title
        line = re.compile(rf"^{re.escape(title)}\s*$", re.M)
        where = next(
            (n, m.end())
            for n, p in body.items()
            if n >= where[0]
            for m in [line.search(p, where[1] if n == where[0] else 0)]
            if m
        )
        assert int(number) == where[0], (title, number, where[0])


def test_libreoffice_repeats_table_headers_and_keeps_the_text(converted: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(converted), "-"], capture_output=True, text=True
    ).stdout
    annex = text[text.rindex("Annex: participants") :].split("\f")
    annex = [p for p in annex if p.strip()]
    assert len(annex) >= 2  # the participants list runs onto another page
    for page in annex:
        assert re.search(r"Name\s+Positi", page) and "Email" in page, page[:300]
    flat = " ".join(text.split())
    for line in ("Effie Whitfield-Griffin", "Nguyễn Thị Thu Hà", "Айгуль Жумабаева"):
        assert line in flat
    raw = subprocess.run(["pdftotext", str(converted), "-"], capture_output=True, text=True).stdout
    for line in (REFERENCE["thai"], REFERENCE["khmer"]):
        assert all(word in raw for word in line.split()), line
