"""One "Not given" everywhere: the roster, the attendance table, the Overview, the print kit
and the outcome report count the same categories under the same names."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

from facilitator.exports import ExportOptions
from facilitator.interchange.roster_export import export_csv
from facilitator.reports import printkit
from facilitator.store.tables import Table
from facilitator.ui.overview.area import OverviewArea
from facilitator.ui.people.area import PeopleArea


def _blank_some(ws) -> None:  # noqa: ANN001
    # an older file stored "unspecified"; a form left the others blank
    ws.rows.update(Table.PEOPLE, "per_demo000", {"gender": "unspecified", "sector": ""})
    ws.rows.update(Table.PEOPLE, "per_demo001", {"gender": "", "country": ""})
    ws.rows.update(Table.PEOPLE, "per_demo002", {"gender": ""})


def test_not_given_is_one_category_everywhere(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    ws = ctx.workshop
    _blank_some(ws)
    area = PeopleArea(ctx)
    qtbot.addWidget(area)
    counts = area.roster.counts_label.text()
    assert counts.count("Not given 3") == 1 and "not given" not in counts
    assert "Unspecified" not in counts and "unspecified" not in counts
    # the attendance table has a Not given column beside Female, Male and Other
    att = area.attendance.model
    assert att.headers()[2:6] == ["Female", "Male", "Other", "Not given"]
    # the Overview's glance
    overview = OverviewArea(ctx)
    qtbot.addWidget(overview)
    overview._refresh_glance()  # counted in a job: the figures follow
    qtbot.waitUntil(lambda: "people" in overview.ui.glance_label.text(), timeout=10_000)
    glance = overview.ui.glance_label.text()
    assert "Not given 3" in glance and "unspecified" not in glance and "none 3" not in glance
    # the outcome report (only participants and speakers are counted there)
    part = ws.report.load_report().participation
    labels = [label for label, _n in part.by_sex]
    assert labels.count("Not given") == 1 and "Unspecified" not in labels
    assert labels[-1] == "Not given"
    assert "Not stated" not in [label for label, _n in part.by_country]
    # the print kit's counts (privacy "nothing personal") and the roster export
    ws.rows.update(Table.WORKSHOP, ws.info.details()["id"], {"privacy": "none"})
    pdf = tmp_path / "participants.pdf"
    printkit.export_participants_pdf(ws, pdf, ExportOptions())
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "By gender Group People Female 17 Male 16 Not given 3" in text
    assert "Unspecified" not in text
    out = tmp_path / "counts.csv"
    export_csv(ws, out, ExportOptions())
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[1:]
    genders = {r[2] for r in rows}
    assert "Not given" in genders and "Unspecified" not in genders and "" not in genders
    assert sum(int(r[3]) for r in rows if r[2] == "Not given") == 3
