"""Team lists PDF, breakout-room CSV and the ``teams plan`` command, read back."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.exports import ExportError, ExportOptions, run_export
from facilitator.store.database import Workshop
from facilitator.store.tables import Table


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages")))


def test_team_lists_one_team_per_page_with_all_scripts(demo_path: Path, tmp_path: Path) -> None:
    out = run_export("team-lists", demo_path, tmp_path / "teams.pdf")
    text = _text(out)
    assert _pages(out) == 4
    with Workshop(demo_path, read_only=True) as ws:
        names = [m["name"] for m in ws.teams.members(["tea_demo00", "tea_demo01"])]
        orgs = [m["organisation"] for m in ws.teams.members(["tea_demo00"])]
    first_page = text.split("\f")[0]
    assert "Team 1" in first_page and "Breakout room A" in first_page
    for name in names:
        assert name in text
    assert any(o in first_page for o in orgs)
    assert "สมชาย" in text or "Сапаров" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in r for r in rows), fonts
    assert "Helvetica" not in fonts


def test_team_lists_one_page_layout_and_team_set_by_title(demo_path: Path, tmp_path: Path) -> None:
    opts = ExportOptions(team_set="Recommendations for states", extra={"layout": "one_page"})
    out = run_export("team-lists", demo_path, tmp_path / "one.pdf", opts)
    assert _pages(out) == 1
    text = _text(out)
    assert "Recommendations for states" in text and "Team 2" in text and "Team 3" not in text


def test_team_lists_respect_privacy(demo_path: Path, tmp_path: Path) -> None:
    with Workshop(demo_path) as ws:
        ws.rows.update(Table.WORKSHOP, ws.info.details()["id"], {"privacy": "none"})
        org = ws.teams.members(["tea_demo00"])[0]["organisation"]
        name = ws.teams.members(["tea_demo00"])[0]["name"]
    text = _text(run_export("team-lists", demo_path, tmp_path / "p.pdf"))
    assert name in text and org not in text


def test_team_lists_errors_name_the_file(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no team set named “Nope”"):
        run_export("team-lists", demo_path, tmp_path / "x.pdf", ExportOptions(team_set="Nope"))
    with pytest.raises(ExportError, match="layout"):
        run_export(
            "team-lists", demo_path, tmp_path / "x.pdf", ExportOptions(extra={"layout": "wall"})
        )
    assert not (tmp_path / "x.pdf").exists()


def test_breakout_csv_in_zoom_format(demo_path: Path, tmp_path: Path) -> None:
    with Workshop(demo_path) as ws:
        members = ws.teams.members(["tea_demo00", "tea_demo01", "tea_demo02", "tea_demo03"])
        nobody = members[0]
        ws.rows.update(Table.PEOPLE, nobody["person_id"], {"email": ""})
    out = run_export("breakout-csv", demo_path, tmp_path / "rooms.csv")
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    by_email = {r[1]: r[0] for r in rows[1:]}
    # One row per distinct address (the demo gives several people the same placeholder).
    assert len(rows) - 1 == len(by_email) == len({m["email"] for m in members[1:]})
    for m in members[1:]:
        team = {"tea_demo00": "Team 1", "tea_demo01": "Team 2"}.get(m["team_id"])
        if team and sum(x["email"] == m["email"] for x in members) == 1:
            assert by_email[m["email"]] == team
    assert nobody["email"] not in by_email


def test_cli_teams_plan_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("facilitator.interchange.teams_json")
    people = [
        {
            "id": f"P{i:03d}",
            "name": f"Person {i}",
            "country": ["Thailand", "Viet Nam", "Kazakhstan"][i % 3],
            "sector": ["government", "civil_society"][i % 2],
            "gender": ["female", "male"][(i // 2) % 2],
            "organisation": f"Org {i % 5}",
            "language": "en",
            "other_languages": ["fr"],
            "role": "participant",
        }
        for i in range(1, 13)
    ]
    problem = {
        "config": {
            "rounds": ["1", "2"],
            "teams": {"1": ["T1", "T2", "T3"], "2": ["T1", "T2", "T3"]},
            "balance_attributes": ["country", "sector", "gender"],
            "weights": {"balance": 10},
            "seed": 1,
        },
        "participants": people,
        "constraints": {
            "keep_together": [["P001", "P002"]],
            "keep_apart": [["P003", "P004"]],
            "pinned": [{"id": "P005", "team": "T1", "rounds": ["1", "2"]}],
            "absent": {"2": ["P006"]},
        },
    }
    src = tmp_path / "problem.json"
    src.write_text(json.dumps(problem), encoding="utf-8")
    out = tmp_path / "assignment.json"
    assert main(["teams", "plan", str(src), "-o", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) == {"1", "2"}
    for teams in result.values():
        where = {p: t for t, ps in teams.items() for p in ps}
        assert where["P001"] == where["P002"] and where["P003"] != where["P004"]
        assert where["P005"] == "T1"
    assert "P006" not in {p for ps in result["2"].values() for p in ps}
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["teams", "plan", str(bad)]) != 0
    assert "bad.json" in capsys.readouterr().err
