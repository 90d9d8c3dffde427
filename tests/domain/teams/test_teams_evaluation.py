"""Scoring an assignment in words a facilitator reads, and the warnings of a plan."""

from __future__ import annotations

import pytest
from teams_checks import repeated_pairs, rounds_of

from facilitator.domain.teams import (
    InfeasibleProblem,
    Person,
    Pin,
    Problem,
    RoundSpec,
    evaluate,
    plan,
)
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.search import Engine


def test_evaluate_gives_human_reasons():
    people = [
        Person("A", "Ana", {"country": "Kazakhstan", "gender": "F"}, "Ministry of Interior"),
        Person("B", "Bek", {"country": "Kazakhstan", "gender": "M"}, "Ministry of Interior"),
        Person("C", "Cem", {"country": "Kazakhstan", "gender": "M"}, "NGO"),
        Person("D", "Dana", {"country": "Georgia", "gender": "F"}, "NGO 2"),
        Person("E", "Erik", {"country": "Georgia", "gender": "M"}, "NGO 3"),
        Person("F", "Fia", {"country": "Georgia", "gender": "M"}, "NGO 4"),
    ]
    problem = Problem(
        people=people,
        rounds=[RoundSpec("1", ("T1", "T2"))],
        balance_attributes=("country",),
    )
    ev = evaluate(problem, {"1": {"T1": ["A", "B", "C"], "T2": ["D", "E", "F"]}})
    reasons = ev.reasons()
    assert "T1: 3 from Kazakhstan, expected at most 2" in reasons
    assert "T1: two people from Ministry of Interior" in reasons
    assert "T1: Ana is the only woman" in reasons
    assert ev.team_scores["1"]["T1"].score > 0
    assert ev.overall_score == sum(ts.score for ts in ev.team_scores["1"].values())
    assert ev.hard_violations == []


def test_evaluate_reports_hard_violations_after_manual_change():
    people = [Person(f"P{i}") for i in range(6)]
    problem = Problem(
        people=people,
        rounds=[RoundSpec("1", ("T1", "T2"))],
        keep_apart=[("P0", "P1")],
        keep_together=[("P2", "P3")],
        pins=[Pin("P4", "T2")],
    )
    ev = evaluate(problem, {"1": {"T1": ["P0", "P1", "P2", "P4"], "T2": ["P3", "P5"]}})
    text = " ".join(ev.hard_violations)
    assert "must be apart" in text
    assert "split" in text
    assert "must be in T2" in text
    assert "differ by more than one" in text


def test_warns_when_repeats_are_unavoidable():
    people = [Person(id=f"G{i:02d}") for i in range(16)]
    result = plan(Problem(people=people, rounds=rounds_of(6, 4), seed=0))
    assert any("unavoidable" in w for w in result.warnings)
    assert repeated_pairs(result.assignment) > 0
    people = [Person(id=f"G{i:02d}") for i in range(20)]
    result = plan(Problem(people=people, rounds=rounds_of(2, 4), seed=0))
    assert any("team size larger than the number of teams" in w for w in result.warnings)


def test_a_pair_meeting_three_times_costs_what_the_search_counts():
    """A pair together in m rounds costs C(m, 2) repeats, in evaluate as in the search."""
    people = [Person(f"P{i}") for i in range(4)]
    problem = Problem(people=people, rounds=rounds_of(3, 2), balance_attributes=())
    same = {"T1": ["P0", "P1"], "T2": ["P2", "P3"]}
    ev = evaluate(problem, {"1": same, "2": same, "3": same})
    # P0-P1 and P2-P3 each meet 3 times: 1 + 2 repeats each
    assert ev.repeated_pairs == 6
    assert ev.overall_score == 6 * problem.weights.repeat
    assert "Round 3, T1: P0 and P1 were already together in rounds 1 and 2" in ev.reasons()
    engine = Engine(Prepared(problem), None, None)
    for r in range(3):
        engine.reset_round(r)
        for t, tid in enumerate(("T1", "T2")):
            for pid in same[tid]:
                engine.add(r, int(pid[1:]), t)
        engine.refresh_costs(r)
    assert engine.total_cost() == ev.overall_score


def test_evaluate_reports_unknown_ids_in_constraints_instead_of_failing():
    people = [Person(f"P{i}") for i in range(4)]
    problem = Problem(
        people=people,
        rounds=[RoundSpec("1", ("T1", "T2"))],
        keep_apart=[("P0", "X9")],
        pins=[Pin("Y7", "T1")],
        locked={"1": {"Z5": "T2"}},
    )
    assignment = {"1": {"T1": ["P0", "X9", "Y7"], "T2": ["P1", "P2", "P3", "Z5"]}}
    ev = evaluate(problem, assignment)
    assert "keep-apart: unknown person id X9" in ev.hard_violations
    assert "pin: unknown person id Y7" in ev.hard_violations
    assert "locked in round 1: unknown person id Z5" in ev.hard_violations
    # the same wording as when planning refuses the problem
    with pytest.raises(InfeasibleProblem) as info:
        plan(problem)
    assert "keep-apart: unknown person id X9" in info.value.reasons
