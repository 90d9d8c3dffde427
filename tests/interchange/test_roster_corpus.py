"""Registration files as each tool exports them (``corpus/``), read into the expected rosters.

Every file has ``NAME.expected.json`` beside it, written by hand: the header row, each
person with every field the file gives (as the roster stores it) and the rejected rows.
``corpus/build.py`` says how each file was made. Files that cannot be read get a message
naming the file and what to save it as.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.interchange import roster

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))


def test_corpus_has_every_exporter() -> None:
    assert len(CASES) >= 10
    for name in CASES:
        assert (CORPUS / name).is_file(), name


def _as_stored(person: dict) -> dict:
    out = {k: v for k, v in person.items() if k != "source" and v not in ("", None, "[]")}
    if "languages" in out:
        out["languages"] = json.loads(out["languages"])
    return out


@pytest.mark.parametrize("name", CASES)
def test_corpus_file_reads_as_expected(name: str) -> None:
    expected = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
    table = roster.read_table(CORPUS / name)
    mapping = roster.detect_mapping(table)
    assert mapping.header_row + 1 == expected["header_row"]
    rows, rejected = roster.convert(table, mapping)
    got = []
    for row in rows:
        person = {"row": row.row, **_as_stored(row.person)}
        if row.submitted is not None:
            person["submitted"] = row.submitted.astimezone(UTC).replace(tzinfo=None).isoformat()
        got.append(person)
    want = expected["people"]
    for person in want:  # naive times in the file are local times of the machine reading it
        if "submitted" in person and name not in ("eventbrite.csv",):
            local = datetime.fromisoformat(person["submitted"]).astimezone()
            person["submitted"] = local.astimezone(UTC).replace(tzinfo=None).isoformat()
    assert got == want
    assert [r.row for r in rejected] == [r["row"] for r in expected["rejected"]]
    for r, e in zip(rejected, expected["rejected"], strict=True):
        assert e["reason"] in r.reason


def test_corpus_files_plan_against_an_empty_roster_without_merges() -> None:
    for name in CASES:
        table = roster.read_table(CORPUS / name)
        rows, rejected = roster.convert(table, roster.detect_mapping(table))
        plan = roster.plan_import(name, rows, rejected, [])
        assert len(plan.adds) == len(rows) and not plan.merged, name


# -- files that cannot be read -----------------------------------------------------------------
def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for member, text in members.items():
            z.writestr(member, text)
    return path


def _docx(path: Path) -> Path:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Organisation"
    table.cell(1, 0).text, table.cell(1, 1).text = "Ana Lopez", "UNDP"
    doc.save(path)
    return path


def _pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path))
    c.drawString(72, 720, "Name    Organisation")
    c.save()
    return path


def _encrypted(path: Path) -> Path:
    """An Office 97–2003 container holding an EncryptedPackage stream, as Excel writes a
    workbook saved with a password to open."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptedPackage".encode("utf-16-le") + b"\x00" * 94
    path.write_bytes(header + directory + "EncryptionInfo".encode("utf-16-le"))
    return path


UNREADABLE = {
    "registration.ods": (
        lambda p: CORPUS / "unreadable" / "registration.ods",
        "OpenDocument",
        "Excel 2007-365 (.xlsx)",
    ),
    "registration.xls": (
        lambda p: CORPUS / "unreadable" / "registration.xls",
        "old Excel",
        "Excel Workbook (.xlsx)",
    ),
    "list.docx": (_docx, "Word document", "save that as .xlsx or CSV"),
    "list.pdf": (_pdf, "PDF document", "save that as .xlsx or CSV"),
    "protected.xlsx": (_encrypted, "password-protected", "remove the password"),
    "export.xls": (
        lambda p: (
            p.write_text("<html><body><table><tr><td>Name</td></tr></table></body></html>"),
            p,
        )[1],
        "web page (HTML)",
        "save it as .xlsx or CSV",
    ),
    "xml2003.xls": (
        lambda p: (
            p.write_text(
                '<?xml version="1.0"?>'
                '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
            ),
            p,
        )[1],
        "Excel 2003 XML",
        "Excel Workbook (.xlsx)",
    ),
    "binary.xlsb": (lambda p: _zip(p, {"xl/workbook.bin": "x"}), "binary workbook", "(.xlsx)"),
    "roster.numbers": (
        lambda p: _zip(p, {"Index/Document.iwa": "x"}),
        "Apple Numbers",
        "Export To",
    ),
    "bundle.zip": (lambda p: _zip(p, {"a.csv": "Name\nAna"}), "ZIP archive", "Unpack it"),
    "empty.csv": (lambda p: (p.write_bytes(b""), p)[1], "empty", ""),
    "photo.png": (
        lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50), p)[1],
        "picture",
        "Copy its table",
    ),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_formats_say_what_to_save_as(tmp_path: Path, name: str) -> None:
    make, what, how = UNREADABLE[name]
    path = make(tmp_path / name)
    with pytest.raises(roster.RosterFileError) as caught:
        roster.read_table(path)
    message = str(caught.value)
    assert path.name in message and what in message and how in message


def test_a_csv_named_xls_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"  # some registration sites send tab-separated text so
    path.write_text("Name\tOrganisation\nAna Lopez\tUNDP\n", encoding="utf-8")
    table = roster.read_table(path)
    rows, _rejected = roster.convert(table, roster.detect_mapping(table))
    assert [r.person["name"] for r in rows] == ["Ana Lopez"]
