"""Roster export to CSV and XLSX, safe to open in a spreadsheet and read back unchanged.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return hiding one)
would be run as a formula by Excel or LibreOffice (CSV injection), and a phone number
"+7 701 234 5678" or a name "-Minus Start" could be mangled.

- XLSX: every value is a string cell (``t="s"``), which spreadsheets show as written and
  never evaluate, so no value is changed; formula-like ones also carry the quote-prefix
  style, so they stay text when someone edits the cell.
- CSV has no cell types, so a prefix is unavoidable: such a value is written after a tab,
  inside quotes. LibreOffice Calc shows the text as written (the tab is invisible) and does
  not evaluate it even with "Evaluate formulas" on; our importer removes the tab with the
  other surrounding spaces, so the file re-imports to the same roster. Older exports used an
  apostrophe, which spreadsheets show as a character; the importer removes that too.

The workshop's privacy setting decides which columns leave the app.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from facilitator.domain import people as dom
from facilitator.exports import ExportOptions, Progress, atomic_output
from facilitator.interchange.xlsx import DANGEROUS, add_sheet
from facilitator.store.database import Workshop

CSV_GUARD = "\t"

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


def formula_like(value: str) -> bool:
    """Whether a spreadsheet would take ``value`` for a formula if it were not a string cell.

    Also true for a value that starts with an apostrophe and a formula character: without
    the guard the importer would take the apostrophe for an old export's protection.
    """
    if value.startswith(DANGEROUS) or value.lstrip().startswith(DANGEROUS[:4]):
        return True
    return value.startswith("'") and value[1:2] in ("=", "+", "-", "@")


def csv_cell(value: str) -> str:
    """A CSV cell no spreadsheet runs as a formula: formula-like text gets a leading tab
    (write the file with ``csv.QUOTE_ALL`` so the tab stays inside its cell)."""
    return CSV_GUARD + value if formula_like(value) else value


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
            # Every field quoted: the guard's tab stays inside its cell even for a program
            # that splits on tabs as well as commas.
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
            writer.writerow(header)
            for k, row in enumerate(rows):
                writer.writerow([csv_cell(v) for v in row])
                if progress and k % 1000 == 0:
                    progress(k / max(1, len(rows)))
    if progress:
        progress(1.0)


def export_xlsx(ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None) -> None:
    """The roster as a spreadsheet laid out as someone would by hand (``interchange/xlsx.py``)."""
    from openpyxl import Workbook

    header, rows = roster_table(ws, options.extra.get("privacy"))
    wb = Workbook(write_only=True)
    add_sheet(wb, "Participants", header, rows)
    with atomic_output(out) as tmp:
        wb.save(tmp)
    if progress:
        progress(1.0)
