"""Exports of what phones sent: poll answers, questions to the panel, evaluation answers.

CSV (one table per file) and one Excel workbook with a sheet each, safe to open in a
spreadsheet (formula-like text is quoted, as in every export). Phones are numbered ("Phone
12"), never shown by token or address; a participant's name appears only when the workshop
runs in named mode, and never beside evaluation answers, which are anonymous by design
(respondents are numbered separately, so they cannot be matched to poll answers).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from facilitator.domain.venue import EVALUATION_KINDS, POLL_KINDS, describe_answer, tally
from facilitator.exports import ExportOptions, Progress, atomic_output
from facilitator.interchange.roster_export import csv_cell
from facilitator.store.database import Workshop
from facilitator.store.venue import poll_spec

Table = tuple[list[str], list[list[str]]]


class _Numbers:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.seen: dict[str, int] = {}

    def __call__(self, key: str) -> str:
        return f"{self.prefix} {self.seen.setdefault(key, len(self.seen) + 1)}"


def _names(ws: Workshop) -> dict[str, str]:
    if not ws.venue.named():
        return {}
    return {device: name for device, name in ws.venue.devices().values() if name}


def poll_summary(ws: Workshop) -> Table:
    """One row per poll option (or word, or scale point) with its count."""
    v = ws.venue
    titles = v.session_titles()
    rows: list[list[str]] = []
    for p in v.polls():
        spec = poll_spec(p, v.options(p["id"]))
        res = tally(spec, v.values(p["id"]))
        base = [titles.get(p["session_id"] or "", ""), p["question"], POLL_KINDS[p["kind"]]]
        if res.kind == "words":
            items = [(w, str(n), "") for w, n in res.words]
        else:
            items = [(b.label, f"{b.value:g}", b.detail) for b in res.bars]
        if res.kind == "scale" and res.mean is not None:
            items.append(("Average", f"{res.mean:.2f}", ""))
        for label, value, detail in items or [("", "", "")]:
            rows.append([*base, str(res.responses), label, value, detail])
    header = ["Session", "Poll", "Kind", "Responses", "Option", "Count", "Detail"]
    return header, rows


def poll_answers(ws: Workshop) -> Table:
    v = ws.venue
    titles = v.session_titles()
    phones = _Numbers("Phone")
    names = _names(ws)
    specs: dict[str, Any] = {}
    polls = {p["id"]: p for p in v.polls()}
    rows = []
    for a in v.answer_rows():
        p = polls.get(a["poll_id"])
        if p is None:
            continue
        if p["id"] not in specs:
            specs[p["id"]] = poll_spec(p, v.options(p["id"]))
        value = json.loads(a["value"])
        row = [
            titles.get(p["session_id"] or "", ""),
            p["question"],
            POLL_KINDS[p["kind"]],
            phones(a["device_id"]),
        ]
        if names:
            row.append(names.get(a["device_id"], ""))
        row += [describe_answer(specs[p["id"]], value), a["created"][:19].replace("T", " ")]
        rows.append(row)
    header = ["Session", "Poll", "Kind", "Phone"] + (["Name"] if names else [])
    return header + ["Answer", "Time (UTC)"], rows


def _status(row: dict[str, Any], texts: dict[str, str]) -> str:
    if row["merged_into"]:
        return f"Merged into “{texts.get(row['merged_into'], '')}”"
    if row["hidden"]:
        return "Hidden"
    return "Answered" if row["answered"] else "Open"


def questions(ws: Workshop) -> Table:
    rows_in = ws.venue.questions(every=True)
    texts = {r["id"]: r["text"] for r in rows_in}
    named = ws.venue.named()
    rows = []
    for r in sorted(rows_in, key=lambda r: (r["session_title"] or "", -r["votes"], r["created"])):
        row = [r["session_title"] or "", r["text"], str(r["votes"]), _status(r, texts)]
        if named:
            row.append(r["author"])
        row.append(r["created"][:19].replace("T", " "))
        rows.append(row)
    header = ["Session", "Question", "Votes", "Status"] + (["Asked by"] if named else [])
    return header + ["Asked (UTC)"], rows


def evaluation_answers(ws: Workshop) -> Table:
    v = ws.venue
    respondents = _Numbers("Respondent")
    evaluations = {e["id"]: e for e in v.evaluations()}
    questions = {q["id"]: q for e in evaluations for q in v.eval_questions(e)}
    rows = []
    for a in v.eval_answer_rows():
        e, q = evaluations.get(a["evaluation_id"]), questions.get(a["question_id"])
        if e is None or q is None:
            continue
        value = json.loads(a["value"])
        rows.append(
            [
                e["title"],
                EVALUATION_KINDS.get(e["kind"], e["kind"]),
                q["text"],
                respondents(a["evaluation_id"] + "|" + a["device_id"]),
                str(value),
            ]
        )
    return ["Evaluation", "Kind", "Question", "Respondent", "Answer"], rows


def _csv(out: Path, table: Table, progress: Progress) -> None:
    header, rows = table
    with atomic_output(out) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL)  # keeps csv_cell's tab in its cell
            writer.writerow(header)
            for row in rows:
                writer.writerow([csv_cell(c) for c in row])
    if progress:
        progress(1.0)


def export_poll_answers_csv(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``poll-answers-csv``."""
    _csv(out, poll_answers(ws), progress)


def export_questions_csv(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``questions-csv``."""
    _csv(out, questions(ws), progress)


def export_evaluations_csv(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``evaluations-csv``."""
    _csv(out, evaluation_answers(ws), progress)


def export_venue_xlsx(
    ws: Workshop, out: Path, options: ExportOptions, progress: Progress = None
) -> None:
    """Registered as ``venue-xlsx``: one workbook, a sheet per table, laid out by hand."""
    from openpyxl import Workbook

    from facilitator.interchange.xlsx import add_sheet

    wb = Workbook(write_only=True)
    sheets = [
        ("Poll results", poll_summary(ws)),
        ("Poll answers", poll_answers(ws)),
        ("Questions", questions(ws)),
        ("Evaluations", evaluation_answers(ws)),
    ]
    for i, (title, (header, rows)) in enumerate(sheets):
        add_sheet(wb, title, header, rows)
        if progress:
            progress((i + 1) / (len(sheets) + 1))
    with atomic_output(out) as tmp:
        wb.save(tmp)
    if progress:
        progress(1.0)
