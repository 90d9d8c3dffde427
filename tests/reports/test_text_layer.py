"""What copy-paste, search, indexers and screen readers get from every PDF.

pdftotext honours /ActualText, so it must give back the typed text (NFC) of every script,
ligatures included, with line breaks only between words. pypdf ignores marked content; it
must still get ligatures as their letters and never a private-use character.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate, Table

from facilitator.exports import ExportOptions, run_export
from facilitator.reports import fonts
from facilitator.store.database import Workshop
from facilitator.store.tables import Table as T
from tests.reports.conftest import ORGANISATION, PDF_KINDS, REFERENCE

PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\ufb00-\ufb06\ufffd]")
ISSUE_EXAMPLES = ("วงศ์สวัสดิ์", "ศรีสุข", "សុខ ចាន់ដារា", "ហេង វិចិត្រ", "Whitfield", "Affairs", "Office")


def pdftotext(pdf: Path, *args: str) -> str:
    done = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def pypdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_pdftotext_reads_every_script_as_typed(reference_pdfs: dict, kind: str) -> None:
    text = pdftotext(reference_pdfs[kind])
    flat = _flat(text)
    for line in list(REFERENCE.values()) + list(ISSUE_EXAMPLES):
        assert unicodedata.normalize("NFC", line) in flat, (kind, line)
    assert ORGANISATION in flat
    assert not PRIVATE.search(text), (kind, set(PRIVATE.findall(text)))


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_pypdf_gets_letters_for_ligatures_and_no_private_use(reference_pdfs: dict, kind: str):
    text = pypdf_text(reference_pdfs[kind])
    assert not PRIVATE.search(text), (kind, set(PRIVATE.findall(text)))
    words = " ".join(text.split())
    for word in ("Effie", "Whitfield-Griffin", "Nguyễn", "Жумабаева", "วงศ์สวัสดิ์", "ศรีสุข"):
        assert word in words, (kind, word)
    assert ORGANISATION in words
    # Khmer glyphs are drawn in visual order (the vowel េ before its consonant): pypdf,
    # which ignores /ActualText, reads them so, but every letter is there
    for word in ("ហេង", "វិចិត្រ", "ចាន់ដារា"):
        letters = sorted(unicodedata.normalize("NFC", word))
        assert any(sorted(w) == letters for w in re.findall(r"[\u1780-\u17ff]+", words)), word


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_every_pdf_says_what_it_is(reference_pdfs: dict, kind: str) -> None:
    reader = PdfReader(reference_pdfs[kind])
    meta = reader.metadata
    assert "Regional Workshop on Preventing Violent Extremism" in meta.title, meta.title
    assert meta.author == (
        "UNODC Regional Office for South-East Asia; "
        "Southeast Asia Regional Centre for Counter-Terrorism"
    )
    assert meta.subject and meta.subject != meta.title
    assert reader.trailer["/Root"]["/Lang"] == "ru"  # the workshop's first language


def _contents(pdf: Path) -> list[tuple[str, int]]:
    """(title, page) entries of the report's contents page, as printed."""
    pages = pdftotext(pdf, "-layout").split("\f")
    page = next(p for p in pages if "Contents" in [ln.strip() for ln in p.splitlines()])
    entries = []
    for line in page.split("Contents", 1)[1].strip("\n").splitlines():
        if not line.strip():
            break  # the contents end; the next section may follow on the same page
        m = re.match(r"^\s*(.+?)\s{2,}(\d+)\s*$", line)
        assert m, line
        entries.append((m.group(1).strip(), int(m.group(2))))
    return entries


def _outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1, level))

    walk(reader.outline, 0)
    return out


def test_report_outline_matches_its_contents(reference_pdfs: dict) -> None:
    pdf = reference_pdfs["report"]
    reader = PdfReader(pdf)
    outline = _outline(reader)
    contents = _contents(pdf)
    assert len(contents) >= 8
    assert [(title, page) for title, page, _ in outline] == contents
    assert {level for *_, level in outline} == {0, 1}
    assert outline[0][2] == 0
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_long_lines_break_between_words_only(demo_path: Path, tmp_path: Path) -> None:
    """A note several lines long, in every script, reads back exactly as typed."""
    with Workshop(demo_path) as ws:
        ws.rows.update(T.WORKSHOP, ws.info.details()["id"], {"chatham_house": 0})
        sid = ws.agenda.load_days()[0].sessions[0].id
        texts = [
            " ".join(["สมชาย วงศ์สวัสดิ์ และ ปริญญา ศรีสุข เสนอแนะ"] * 6),
            " ".join(["សុខ ចាន់ដារា និង ហេង វិចិត្រ បានផ្តល់អនុសាសន៍"] * 6),
            " ".join(["The Office of Foreign Affairs offered efficient, fluffy affidavits."] * 4),
            " ".join(["Nguyễn Thị Thu Hà và Айгуль Жумабаева đề xuất"] * 6),
        ]
        for k, text in enumerate(texts):
            ws.rows.insert(
                T.NOTES, {"session_id": sid, "kind": "key_point", "text": text, "position": 900 + k}
            )
    out = run_export("report", demo_path, tmp_path / "r.pdf", ExportOptions())
    raw = pdftotext(out)
    flat = _flat(raw)
    for text in texts:
        assert text in flat
        first = text.split()[0]
        lines = [ln for ln in raw.splitlines() if first in ln or ln and ln in text]
        assert len(lines) > 1  # the note did wrap


def test_a_word_too_long_for_its_line_breaks_between_clusters(tmp_path: Path) -> None:
    fonts.register()
    cell = fonts.styles()["cell"]
    words = [
        "การประชุมเชิงปฏิบัติการระดับภูมิภาคว่าด้วยการป้องกันความรุนแรงสุดโต่ง",
        "សិក្ខាសាលាថ្នាក់តំបន់ស្តីពីការទប់ស្កាត់អំពើហិង្សាជ្រុលនិយម",
    ]
    out = tmp_path / "narrow.pdf"
    table = Table([[fonts.paragraph(w, cell) for w in words]], colWidths=[60, 60])
    SimpleDocTemplate(str(out)).build([table], canvasmaker=fonts.embedded_canvas)
    blocks = [b for b in pdftotext(out).split("\n\n") if b.strip()]
    assert len(blocks) == 2
    for word, block in zip(words, blocks, strict=True):
        lines = block.strip().split("\n")
        assert len(lines) > 2 and "".join(lines) == word
        for line in lines[1:]:
            # a line never starts with a mark, nor right after a Khmer coeng
            assert not unicodedata.category(line[0]).startswith("M"), line
        for line in lines[:-1]:
            assert line[-1] != "\u17d2", line
