"""The roster spreadsheet opens laid out as someone would make it by hand (read back with
openpyxl): a bold header row that stays in view, a filter on every column, columns as wide
as their content."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from facilitator.exports import EXPORTERS, ExportOptions, run_export
from facilitator.interchange.xlsx import MAX_WIDTH, display_width
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

XLSX_KINDS = [e.kind for e in EXPORTERS if e.suffix == ".xlsx"]


def _sheet(path: Path):  # noqa: ANN202 - openpyxl worksheet
    return load_workbook(path).active


@pytest.mark.parametrize("kind", XLSX_KINDS)
@pytest.mark.parametrize("privacy", ["full", "name_org", "none"])
def test_header_filter_and_widths(demo_path: Path, tmp_path: Path, kind: str, privacy: str):
    with Workshop(demo_path) as ws:
        ws.rows.update(Table.WORKSHOP, ws.info.details()["id"], {"privacy": privacy})
    book = load_workbook(run_export(kind, demo_path, tmp_path / "out.xlsx", ExportOptions()))
    for sheet in book.worksheets:
        _check_layout(sheet, needs_rows=kind == "participants-xlsx")


def _check_layout(sheet, needs_rows: bool) -> None:  # noqa: ANN001 - openpyxl worksheet
    rows = [[("" if v is None else str(v)) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert len(rows) > (2 if needs_rows else 0)
    last = get_column_letter(sheet.max_column)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    assert all(cell.font.b for cell in sheet[1])
    if len(rows) > 1:
        assert not any(cell.font.b for cell in sheet[2])
    assert sheet.print_title_rows == "$1:$1"
    for c in range(1, sheet.max_column + 1):
        width = sheet.column_dimensions[get_column_letter(c)].width
        longest = max(display_width(r[c - 1]) for r in rows)
        assert min(longest, MAX_WIDTH) <= width <= MAX_WIDTH, (rows[0][c - 1], width, longest)
        # not much wider than its widest value or header either
        assert width <= max(longest, display_width(rows[0][c - 1]) * 1.1 + 2) + 4


def test_columns_differ_as_their_content_does(demo_path: Path, tmp_path: Path) -> None:
    sheet = _sheet(run_export("participants-xlsx", demo_path, tmp_path / "p.xlsx"))
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["E-mail"] > widths["Gender"] + 10
    assert widths["Organisation"] > widths["Country"]
    assert len(set(widths.values())) > 4


def test_display_width_counts_what_a_reader_sees() -> None:
    assert display_width("Office") == 6
    assert display_width("ศรีสุข") == 4  # two of the six code points are marks
    assert display_width("Nguye\u0302\u0303n") == display_width("Nguyễn") == 6
    assert display_width("東京") == 4
