"""Roster export (injection-safe, privacy) and the print kit PDFs."""

from __future__ import annotations

import csv
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.cli import main
from facilitator.exports import ExportError, ExportOptions
from facilitator.interchange import roster
from facilitator.interchange.roster_export import export_csv, export_xlsx
from facilitator.reports import printkit
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

EVIL = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def _poison(ws: Workshop) -> None:
    for i, value in enumerate(EVIL):
        ws.rows.update(Table.PEOPLE, f"per_demo{i:03d}", {"organisation": value})


def test_csv_export_is_injection_safe_and_reads_back(workshop: Workshop, tmp_path: Path) -> None:
    _poison(workshop)
    out = tmp_path / "p.csv"
    export_csv(workshop, out, ExportOptions())
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 Cyrillic correctly
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    orgs = {r[3] for r in rows[1:]}
    for value in EVIL:  # a tab before it (inside quotes), no visible apostrophe
        assert "\t" + value.replace("\r", "") in {o.replace("\r", "") for o in orgs}
        assert value not in orgs and "'" + value not in orgs
    # and the file imports back as the same people, with the same values
    table = roster.read_table(out)
    back, rejected = roster.convert(table, roster.detect_mapping(table))
    assert not rejected and len(back) == 36
    assert {r.person["organisation"] for r in back} >= set(EVIL[:4])
    names = {r.person["name"] for r in back}
    assert "สมชาย วงศ์สวัสดิ์" in names and "Айгуль Жумабаева" in names
    assert {r.person["sector"] for r in back} >= {"government", "civil_society", "international"}


def test_xlsx_export_never_writes_formulas(workshop: Workshop, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _poison(workshop)
    out = tmp_path / "p.xlsx"
    export_xlsx(workshop, out, ExportOptions())
    sheet_xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    sheet = load_workbook(out).active
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if c.value}
    for value in EVIL:
        assert cells[value].data_type == "s" and cells[value].quotePrefix


def test_privacy_limits_exported_columns(workshop: Workshop, tmp_path: Path) -> None:
    ws_id = workshop.info.details()["id"]
    workshop.rows.update(Table.WORKSHOP, ws_id, {"privacy": "name_org"})
    out = tmp_path / "p.csv"
    export_csv(workshop, out, ExportOptions())
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Name", "Organisation"]
    workshop.rows.update(Table.WORKSHOP, ws_id, {"privacy": "none"})
    export_csv(workshop, out, ExportOptions())
    text = out.read_text(encoding="utf-8-sig")
    assert "Sarah Whitfield" not in text and "example.org" not in text
    assert next(csv.reader([text.splitlines()[0]])) == ["Country", "Sector", "Gender", "Count"]


def _text(path: Path) -> str:
    """The PDF's text with line breaks folded, so a name wrapped on a badge still matches."""
    text = " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _fonts(path: Path) -> set[str]:
    found = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return found


@pytest.mark.parametrize("kind", ["badges", "tents", "certificates", "participants-pdf"])
def test_every_script_renders_in_its_font(demo_path: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main(["export", str(demo_path), kind, "-o", str(out)]) == 0
    fonts = _fonts(out)
    assert {"NotoSans-Bold", "NotoSansThai-Bold", "NotoSansKhmer-Bold"} <= fonts | {
        "NotoSansThai-Bold" if "NotoSansThai" in fonts else "",
        "NotoSansKhmer-Bold" if "NotoSansKhmer" in fonts else "",
    }
    text = _text(out)
    for name in ("Айгуль Жумабаева", "Nguyễn Thị Thu Hà"):
        assert name in text


def test_badges_per_sheet_paper_and_team_colours(workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    printkit.export_badges(workshop, out, ExportOptions(extra={"per_sheet": 10}))
    assert len(PdfReader(out).pages) == 4  # 36 people, 10 a sheet
    printkit.export_badges(workshop, out, ExportOptions(paper="letter"))
    reader = PdfReader(out)
    assert len(reader.pages) == 5
    assert round(float(reader.pages[0].mediabox.width)) == 612
    printkit.export_badges(workshop, out, ExportOptions(team_set="Design a prevention campaign"))
    assert "Team 1" in _text(out)
    with pytest.raises(ExportError, match="no team set"):
        printkit.export_badges(workshop, out, ExportOptions(team_set="nope"))


def test_sign_in_per_day_with_blank_rows(workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    printkit.export_sign_in(workshop, out, ExportOptions(day="2026-03-11"))
    text = _text(out)
    assert "Wednesday 11 March 2026" in text and "Tuesday" not in text
    assert "Signature" in text and "46" in text  # 36 people + 10 blank rows for walk-ins
    with pytest.raises(ExportError, match="no day"):
        printkit.export_sign_in(workshop, out, ExportOptions(day="2030-01-01"))
    workshop.rows.update(
        Table.WORKSHOP, workshop.info.details()["id"], {"half_days": 1, "privacy": "none"}
    )
    printkit.export_sign_in(workshop, out, ExportOptions())
    text = _text(out)
    assert "Morning" in text and "Afternoon" in text and "Sarah Whitfield" not in text


@pytest.mark.parametrize(
    ("privacy", "names", "country", "rows"),
    [("full", True, True, 46), ("name_org", True, False, 46), ("none", False, True, 46)],
)
def test_sign_in_rows_and_columns_for_every_privacy_level(
    workshop: Workshop,
    tmp_path: Path,
    privacy: str,
    names: bool,
    country: bool,
    rows: int,
) -> None:
    """Enough rows for the 36 registered plus walk-ins, and the columns the sheet asks for."""
    workshop.rows.update(Table.WORKSHOP, workshop.info.details()["id"], {"privacy": privacy})
    out = tmp_path / f"sign-in-{privacy}.pdf"
    printkit.export_sign_in(workshop, out, ExportOptions(day="2026-03-11"))
    text = _text(out)
    numbers = {int(w) for w in text.split() if w.isdigit()}
    assert set(range(1, rows + 1)) <= numbers and rows + 1 not in numbers
    assert ("Sarah Whitfield" in text) is names
    assert ("Country" in text) is country
    assert printkit.sign_in_rows(55, "none") == (0, 55 + 10)
    assert printkit.sign_in_rows(200, "full") == (200, 30)


def test_certificates_only_for_attendees_with_signatories(
    workshop: Workshop, tmp_path: Path
) -> None:
    workshop.db.execute("DELETE FROM attendance WHERE person_id != 'per_demo030'")
    workshop.db.conn.commit()
    out = tmp_path / "c.pdf"
    printkit.export_certificates(workshop, out, ExportOptions())
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    assert "Sarah Whitfield" in text and "Nur Aisyah binti Rahman" in text
    assert "Director, SEARCCT" in text
    workshop.db.execute("DELETE FROM attendance")
    workshop.db.conn.commit()
    with pytest.raises(ExportError, match="no one has been checked in"):
        printkit.export_certificates(workshop, out, ExportOptions())
    assert len(PdfReader(out).pages) == 1  # the earlier file was left as it was


def test_participants_list_follows_privacy(workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "l.pdf"
    printkit.export_participants_pdf(workshop, out, ExportOptions())
    assert "sarah.whitfield@example.org" in _text(out)
    workshop.rows.update(Table.WORKSHOP, workshop.info.details()["id"], {"privacy": "name_org"})
    printkit.export_participants_pdf(workshop, out, ExportOptions())
    text = _text(out)
    assert "Sarah Whitfield" in text and "@example.org" not in text
    workshop.rows.update(Table.WORKSHOP, workshop.info.details()["id"], {"privacy": "none"})
    printkit.export_participants_pdf(workshop, out, ExportOptions())
    text = _text(out)
    assert "Sarah Whitfield" not in text and "36 participants" in text and "Viet Nam" in text


def test_sign_in_continuation_pages_name_their_day(workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "sign-in.pdf"
    printkit.export_sign_in(workshop, out, ExportOptions(), None)
    page_two = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Sign-in sheet · Day 1" in page_two
