"""Tests of the headless JSON contract for team planning."""

from __future__ import annotations

import io
import json

import pytest

from facilitator.interchange.teams_json import (
    ProblemFileError,
    load_problem,
    plan_to_json,
    teams_plan_command,
)


def _participants(n: int) -> list[dict]:
    out = []
    for i in range(n):
        out.append(
            {
                "id": f"P{i + 1:03d}",
                "name": f"Person {i + 1}",
                "country": ["Kazakhstan", "Georgia", "Armenia"][i % 3],
                "sector": ["Government", "Civil society"][i % 2],
                "gender": "F" if i % 3 == 0 else "M",
                "organisation": f"Org {i % 5}",
                "language": "en",
                "other_languages": ["fr"] if i % 4 == 0 else [],
                "role": "participant",
            }
        )
    return out


def _problem(**overrides) -> dict:
    doc = {
        "config": {
            "rounds": ["1", "2"],
            "teams": {"1": ["T1", "T2"], "2": ["T1", "T2"]},
            "balance_attributes": ["country", "sector", "gender"],
            "weights": {"balance": 10, "repeat": 20},
            "seed": 1,
        },
        "participants": _participants(12),
        "constraints": {
            "keep_together": [["P001", "P002"]],
            "keep_apart": [["P003", "P004"]],
            "pinned": [{"id": "P005", "team": "T1", "rounds": ["1", "2"]}],
            "absent": {"2": ["P006"]},
        },
    }
    for key, value in overrides.items():
        section, _, field = key.partition("__")
        if field:
            doc[section][field] = value
        else:
            doc[section] = value
    return doc


def _write(tmp_path, doc, name="PROBLEM.json") -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


def _run(path: str, output: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = teams_plan_command(path, output, out, err)
    return code, out.getvalue(), err.getvalue()


def test_good_problem_to_stdout(tmp_path):
    path = _write(tmp_path, _problem())
    code, out, err = _run(path)
    assert code == 0, err
    plan = json.loads(out)
    assert list(plan) == ["1", "2"]
    assert set(plan["1"]) == {"T1", "T2"}
    r1 = [p for m in plan["1"].values() for p in m]
    r2 = [p for m in plan["2"].values() for p in m]
    assert len(r1) == 12 and len(set(r1)) == 12
    assert "P006" not in r2 and len(r2) == 11
    for teams in plan.values():
        where = {p: t for t, m in teams.items() for p in m}
        assert where["P001"] == where["P002"]
        assert where["P003"] != where["P004"]
        assert where["P005"] == "T1"
        sizes = [len(m) for m in teams.values()]
        assert max(sizes) - min(sizes) <= 1
    assert "Overall score" in err


def test_good_problem_to_file_and_deterministic(tmp_path):
    path = _write(tmp_path, _problem())
    target = tmp_path / "plan.json"
    code, out, err = _run(path, str(target))
    assert code == 0, err
    assert out == ""
    first = json.loads(target.read_text(encoding="utf-8"))
    code, out, _ = _run(path)
    assert json.loads(out) == first


def test_team_size_instead_of_team_lists(tmp_path):
    doc = _problem()
    del doc["config"]["teams"]
    doc["config"]["team_size"] = 4
    doc["config"]["mode"] = "keep"
    code, out, err = _run(_write(tmp_path, doc))
    assert code == 0, err
    plan = json.loads(out)
    assert set(plan["1"]) == {"T1", "T2", "T3"}


def test_load_problem_builds_engine_objects(tmp_path):
    problem = load_problem(_write(tmp_path, _problem()))
    assert [r.round_id for r in problem.rounds] == ["1", "2"]
    assert problem.weights.repeat == 20
    assert problem.seed == 1
    first = problem.people[0]
    assert first.languages == ("en", "fr")
    assert first.attributes["country"] == "Kazakhstan"
    assert problem.absent == {"2": {"P006"}}
    assert problem.pins[0].team_id == "T1"


def test_plan_to_json_accepts_an_assignment():
    assignment = {"1": {"T1": ["P001"], "T2": ["P002"]}}
    assert plan_to_json(assignment) == assignment


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ("{not json", "not valid JSON"),
        ([], "$: expected an object"),
        ({"participants": []}, "config: missing"),
        (_problem(config__rounds="1"), "config.rounds: expected a list"),
        (_problem(config__seed="x"), "config.seed: expected an integer"),
        (_problem(config__weights={"speed": 1}), "config.weights.speed"),
        (_problem(config__weights={"balance": -1}), "config.weights.balance"),
        (_problem(config__mode="shuffle"), "config.mode"),
        (_problem(config__teams={"1": ["T1"]}), "config.teams.2"),
        (_problem(participants=[{"name": "x"}]), "participants[0].id: missing"),
        (_problem(participants=[{"id": "A"}, {"id": "A"}]), "participants[1].id: duplicate"),
        (_problem(participants=[{"id": "A", "country": ["x"]}]), "participants[0].country"),
        (_problem(constraints={"pinned": [{"id": "P001"}]}), "constraints.pinned[0].team"),
        (_problem(constraints={"pinned": [{"id": "P001", "team": "T7"}]}), "pinned[0].team"),
        (_problem(constraints={"absent": {"9": []}}), "constraints.absent.9"),
        (_problem(constraints={"frozen": []}), "constraints.frozen"),
    ],
)
def test_malformed_files_name_file_and_field(tmp_path, doc, field):
    path = _write(tmp_path, doc)
    with pytest.raises(ProblemFileError) as info:
        load_problem(path)
    assert path in str(info.value)
    assert field in str(info.value)
    code, out, err = _run(path)
    assert code == 2
    assert out == ""
    assert path in err and field in err


@pytest.mark.parametrize(
    ("constraints", "field"),
    [
        ({"keep_together": [["P001", "X9"]]}, "constraints.keep_together[0][1]"),
        ({"keep_apart": [["Q1", "P001"]]}, "constraints.keep_apart[0][0]"),
        ({"pinned": [{"id": "Z", "team": "T1"}]}, "constraints.pinned[0].id"),
        ({"absent": {"1": ["P001", "NOPE"]}}, "constraints.absent.1[1]"),
    ],
)
def test_unknown_ids(tmp_path, constraints, field):
    path = _write(tmp_path, _problem(constraints=constraints))
    code, out, err = _run(path)
    assert code == 2
    assert path in err and field in err and "unknown participant id" in err


def test_missing_file(tmp_path):
    code, _, err = _run(str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err


def test_impossible_constraints_exit_1(tmp_path):
    doc = _problem(
        constraints={
            "keep_together": [["P001", "P002", "P003", "P004", "P005", "P006", "P007"]],
            "keep_apart": [["P008", "P009"]],
            "pinned": [
                {"id": "P008", "team": "T1"},
                {"id": "P009", "team": "T1"},
            ],
        }
    )
    code, out, err = _run(_write(tmp_path, doc))
    assert code == 1
    assert out == ""
    assert "keep-together group" in err
    assert "must be kept apart but are both pinned to T1" in err
