"""Roster export to CSV and XLSX, safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return would be run as a
formula by Excel or LibreOffice (CSV injection). CSV gets a leading apostrophe, which both show
as text; XLSX cells are written as strings with the quote-prefix style, never as formulas.
The workshop's privacy setting decides which columns leave the app.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from facilitator.domain import people as dom
from facilitator.exports import ExportOptions, Progress, atomic_output
from facilitator.store.database import Workshop

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS: list[tuple[str, str]] = [
    ("name", "Name"),
    ("honorific", "Honorific"),
    ("job_title", "Job title"),
    ("organisation", "Organisation"),
    ("country", "Country"),
    ("sector", "Sector"),
    ("gender", "Gender"),
    ("role", "Role"),
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("languages", "Languages"),
    ("notes", "Notes"),
]


def safe_text(value: str) -> str:
    """What a spreadsheet shows as text: a formula-like value gets a leading apostrophe."""
    return "'" + value if value.startswith(DANGEROUS) else value


def _display(key: str, value: Any) -> str:
    value = "" if value is None else str(value)
    if key in ("sector", "gender") and dom.category_label(key, value) == dom.NOT_GIVEN:
        return ""  # a blank cell, as it was written; counts call it "Not given"
    if key == "sector":
        return dom.sector_label(value)
    if key == "gender":
        return dom.gender_label(value)
    if key == "role":
        return dom.role_label(value)
    if key == "languages":
        try:
            return ", ".join(json.loads(value or "[]"))
        except ValueError:
            return value
    return value


def roster_table(ws: Workshop, privacy: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows as the privacy setting allows ('none' gives counts only)."""
    privacy = privacy or ws.info.details()["privacy"]
    people = ws.people.people()
    if privacy == "none":
        counts: dict[tuple[str, str, str], int] = {}
        for p in people:
            key = tuple(dom.category_label(d, p[d]) for d in ("country", "sector", "gender"))
            counts[key] = counts.get(key, 0) + 1  # type: ignore[index]
        order = ws.collation.sort_key

        def rank(item: tuple[tuple[str, ...], int]) -> list[Any]:
            return [(label == dom.NOT_GIVEN, order(label)) for label in item[0]]

        rows = [[c, s, g, str(n)] for (c, s, g), n in sorted(counts.items(), key=rank)]
        return ["Country", "Sector", "Gender", "Count"], rows
    cols = COLUMNS if privacy == "full" else [COLUMNS[0], COLUMNS[3]]
    rows = [[_display(k, p.get(k)) for k, _ in cols] for p in people]
    return [label for _, label in cols], rows


def export_csv(ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None) -> None:
    header, rows = roster_table(ws, options.extra.get("privacy"))
    with atomic_output(out) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for k, row in enumerate(rows):
                writer.writerow([safe_text(v) for v in row])
                if progress and k % 1000 == 0:
                    progress(k / max(1, len(rows)))
    if progress:
        progress(1.0)


def export_xlsx(ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    header, rows = roster_table(ws, options.extra.get("privacy"))
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Participants")
    bold = Font(bold=True)
    head = []
    for h in header:
        c = WriteOnlyCell(sheet, value=h)
        c.font = bold
        head.append(c)
    sheet.append(head)
    for k, row in enumerate(rows):
        cells = []
        for v in row:
            c = WriteOnlyCell(sheet, value=v)
            c.data_type = "s"  # never a formula, whatever the text starts with
            if v.startswith(DANGEROUS):
                c.quotePrefix = True
            cells.append(c)
        sheet.append(cells)
        if progress and k % 1000 == 0:
            progress(k / max(1, len(rows)))
    with atomic_output(out) as tmp:
        wb.save(tmp)
    if progress:
        progress(1.0)
