"""Spreadsheets laid out as someone would by hand, for every .xlsx the app writes.

A bold header row that stays in view and prints on every page, a filter on every column,
columns as wide as their content (up to a limit), landscape and fit to width. Every value is
written as a string cell, which a spreadsheet never evaluates, so a value that starts with
``=`` or ``+`` is shown as typed (its quote-prefix style says so to Excel and LibreOffice).
"""

from __future__ import annotations

import unicodedata
from typing import Any

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 60  # characters: longer text (notes) wraps into the next cells' view, not off-screen


def display_width(text: str) -> int:
    """How many character cells a spreadsheet needs to show text: wide (CJK) characters take
    two, combining marks (Thai and Khmer vowels and tones, accents typed apart) none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def column_widths(header: list[str], rows: list[list[str]]) -> list[float]:
    """Column widths (in Excel's character units) that fit the longest value of each column,
    with room in the header for the bold text and the filter button."""
    widths = [display_width(h) * 1.1 + 4 for h in header]
    for row in rows:
        for c, value in enumerate(row):
            longest = max((display_width(line) for line in value.split("\n")), default=0)
            widths[c] = max(widths[c], longest + 2)
    return [round(min(w, MAX_WIDTH), 1) for w in widths]


def add_sheet(workbook: Any, title: str, header: list[str], rows: list[list[str]]) -> Any:
    """Append one laid-out sheet to a write-only openpyxl workbook; returns it."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    # What a write-only sheet needs before its first row.
    for c, width in enumerate(column_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"  # the header row on every printed page too
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # all columns on a page
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    bold = Font(bold=True)
    head = []
    for h in header:
        cell = WriteOnlyCell(sheet, value=h)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # never a formula, whatever the text starts with
            if value.startswith(DANGEROUS):
                cell.quotePrefix = True
            cells.append(cell)
        sheet.append(cells)
    return sheet
