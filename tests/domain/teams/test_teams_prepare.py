"""Checking a problem: impossible constraints are refused with every reason, a pin that
cannot apply becomes a warning."""

from __future__ import annotations

import pytest

from facilitator.domain.teams import InfeasibleProblem, Person, Pin, Problem, RoundSpec, plan
from facilitator.domain.teams.prepare import Prepared

# --------------------------------------------------------------------------------------------
# Impossible problems
# --------------------------------------------------------------------------------------------


def _small(**kw) -> Problem:
    people = [Person(f"P{i}", f"Person {i}") for i in range(8)]
    return Problem(people=people, rounds=[RoundSpec("1", ("T1", "T2"))], **kw)


def _reasons(problem: Problem) -> str:
    with pytest.raises(InfeasibleProblem) as info:
        plan(problem)
    assert info.value.reasons
    assert all(r in str(info.value) for r in info.value.reasons)
    return "\n".join(info.value.reasons)


def test_infeasible_group_larger_than_team():
    text = _reasons(_small(keep_together=[("P0", "P1", "P2", "P3", "P4")]))
    assert "keep-together group" in text and "at most 4" in text


def test_infeasible_pinned_pair_kept_apart():
    text = _reasons(_small(keep_apart=[("P0", "P1")], pins=[Pin("P0", "T1"), Pin("P1", "T1")]))
    assert "kept apart" in text and "T1" in text


def test_infeasible_groups_joined_by_keep_apart():
    text = _reasons(_small(keep_together=[("P0", "P1"), ("P1", "P2")], keep_apart=[("P0", "P2")]))
    assert "kept apart" in text and "keep-together" in text


def test_infeasible_pin_contradicts_group():
    text = _reasons(_small(keep_together=[("P0", "P1")], pins=[Pin("P0", "T1"), Pin("P1", "T2")]))
    assert "pins contradict a keep-together group" in text


def test_infeasible_more_pins_than_capacity():
    pins = [Pin(f"P{i}", "T1") for i in range(5)]
    text = _reasons(_small(pins=pins))
    assert "5 people are pinned to T1" in text


def test_infeasible_unknown_ids_are_all_listed():
    text = _reasons(
        _small(
            keep_apart=[("P0", "X1")],
            pins=[Pin("X2", "T1"), Pin("P3", "T9")],
            absent={"1": {"X3"}},
        )
    )
    for token in ("X1", "X2", "X3", "T9"):
        assert token in text


def test_infeasible_keep_apart_clique_cannot_fit():
    # three people pairwise apart but only two teams
    text = _reasons(_small(keep_apart=[("P0", "P1"), ("P1", "P2"), ("P0", "P2")]))
    assert "cannot all be placed" in text


def test_absent_person_pin_is_ignored_with_warning():
    result = plan(_small(pins=[Pin("P0", "T1")], absent={"1": {"P0"}}))
    assert any("absent" in w for w in result.warnings)
    assert "P0" not in [p for m in result.assignment["1"].values() for p in m]


# --------------------------------------------------------------------------------------------
# What preparation reads from a problem
# --------------------------------------------------------------------------------------------


def test_every_reason_is_listed_at_once_in_the_order_of_the_checks():
    people = [Person("P0"), Person("P0"), Person("P1")]
    problem = Problem(
        people=people,
        rounds=[RoundSpec("1", ("T1", "T1")), RoundSpec("1", ("T1",))],
        mode="swap",
        keep_apart=[("P1", "X9")],
        pins=[Pin("P1", "T7")],
    )
    with pytest.raises(InfeasibleProblem) as info:
        Prepared(problem)
    assert info.value.reasons == [
        "person id P0 is used twice",
        "unknown mode 'swap' (use 'rotate' or 'keep')",
        "round 1 lists a team id twice",
        "round 1 is listed twice",
        "keep-apart: unknown person id X9",
        "pin of P1: team T7 does not exist in round 1",
    ]


def test_categories_ignore_case_and_surrounding_spaces():
    people = [
        Person("A", attributes={"country": "Kenya", "gender": "F"}, organisation="NGO"),
        Person("B", attributes={"country": " kenya ", "gender": "f"}, organisation="ngo "),
        Person("C", attributes={"country": "KENYA", "gender": ""}, organisation=""),
        Person("D", attributes={"country": "Ghana"}, languages=("EN", " en", "fr")),
    ]
    prep = Prepared(Problem(people=people, rounds=[RoundSpec("1", ("T1", "T2"))]))
    country = prep.attrs.index("country")
    gender = prep.attrs.index("gender")
    assert prep.cat[country] == [0, 0, 0, 1] and prep.ncat[country] == 2
    assert prep.cat[gender] == [0, 0, -1, -1]
    assert prep.org == [0, 0, -1, -1]
    assert prep.langs[3] == (0, 1)


def test_a_pin_takes_the_whole_keep_together_group_along():
    people = [Person(f"P{i}") for i in range(8)]
    problem = Problem(
        people=people,
        rounds=[RoundSpec("1", ("T1", "T2")), RoundSpec("2", ("T1", "T2"))],
        keep_together=[("P0", "P1"), ("P1", "P2")],
        pins=[Pin("P2", "T2", ("2",))],
        absent={"2": {"P0"}},
    )
    result = plan(problem)
    assert {"P1", "P2"} <= set(result.assignment["2"]["T2"])
    assert len({t for t, m in result.assignment["1"].items() if {"P0", "P1", "P2"} & set(m)}) == 1
