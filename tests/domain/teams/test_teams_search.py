"""The search: hard constraints always hold, the quality bar on realistic rosters, rotation
with pins, determinism, keep mode, progress and cancel."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from teams_checks import assert_hard_ok, band_violations, repeated_pairs, rounds_of

from facilitator.domain.sample_rosters import make_roster
from facilitator.domain.teams import Person, Pin, Problem, evaluate, plan, teams_for_size
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.search import Cancelled, Engine

# --------------------------------------------------------------------------------------------
# Property: hard constraints and the size rule always hold
# --------------------------------------------------------------------------------------------


@st.composite
def feasible_problems(draw):
    """Random small problems whose constraints are satisfied by a hidden plan."""
    seed = draw(st.integers(0, 10_000))
    rng = random.Random(seed)
    k = draw(st.integers(1, 5))
    n = draw(st.integers(2 * k + 1, 30))
    n_rounds = draw(st.integers(1, 3))
    mode = draw(st.sampled_from(["rotate", "keep"]))
    people = make_roster(n, seed)
    ids = [p.id for p in people]
    rounds = rounds_of(n_rounds, k)
    n_groups = draw(st.integers(0, min(2, k)))
    shuffled = ids[:]
    rng.shuffle(shuffled)
    groups = [tuple(shuffled[2 * g : 2 * g + 2]) for g in range(n_groups)]
    grouped = {p for g in groups for p in g}
    others = [p for p in shuffled if p not in grouped]
    absent: dict[str, set[str]] = {}
    hidden: dict[str, dict[str, str]] = {}
    for spec in rounds:
        rid = spec.round_id
        max_absent = max(0, n - 2 * k - 1)
        gone = set(rng.sample(others, rng.randint(0, min(3, max_absent))))
        if gone:
            absent[rid] = gone
        present_free = [p for p in others if p not in gone]
        rng.shuffle(present_free)
        n_present = len(present_free) + 2 * n_groups
        q, rem = divmod(n_present, k)
        sizes = [q + 1 if j < rem else q for j in range(k)]
        rng.shuffle(sizes)
        where: dict[str, str] = {}
        fill = [0] * k
        order = list(range(k))
        rng.shuffle(order)
        for g, group in enumerate(groups):
            t = order[g]
            for p in group:
                where[p] = spec.team_ids[t]
            fill[t] += 2
        it = iter(present_free)
        for t in range(k):
            while fill[t] < sizes[t]:
                where[next(it)] = spec.team_ids[t]
                fill[t] += 1
        hidden[rid] = where
    keep_apart = []
    for _ in range(draw(st.integers(0, 6))):
        a, b = rng.sample(ids, 2)
        if all(hidden[r].get(a) != hidden[r].get(b) or a not in hidden[r] for r in hidden):
            keep_apart.append((a, b))
    pins = []
    for _ in range(draw(st.integers(0, 4))):
        p = rng.choice(ids)
        rids = [r.round_id for r in rounds if p in hidden[r.round_id]]
        if not rids:
            continue
        chosen = rng.sample(rids, rng.randint(1, len(rids)))
        teams = {hidden[r][p] for r in chosen}
        if len(teams) == 1:
            pins.append(Pin(p, teams.pop(), tuple(chosen)))
        else:
            pins.append(Pin(p, hidden[chosen[0]][p], (chosen[0],)))
    locked = {}
    if draw(st.booleans()):
        rid = rounds[-1].round_id
        p = rng.choice(sorted(hidden[rid]))
        locked[rid] = {p: hidden[rid][p]}
    return Problem(
        people=people,
        rounds=rounds,
        keep_together=groups,
        keep_apart=keep_apart,
        pins=pins,
        absent=absent,
        locked=locked,
        mode=mode,
        seed=seed,
        effort=0.1,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feasible_problems())
def test_plans_never_break_hard_constraints(problem):
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert result.evaluation.hard_violations == []


# --------------------------------------------------------------------------------------------
# Quality bar on realistic rosters
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "size"),
    [(20, 4), (60, 5), (150, 5), (300, 5)],
)
def test_quality_bar_on_realistic_rosters(n, size):
    people = make_roster(n, seed=n)
    k = teams_for_size(n, size=size)
    problem = Problem(people=people, rounds=rounds_of(4, k), seed=3)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert result.evaluation.hard_violations == []
    # 4 rounds, size <= number of teams and 4*(size-1) <= n-1: zero repeats are possible,
    # and from 60 people up so is every attribute in band.  On the 20-person roster no plan
    # has every team in band and no repeated pair over 4 rounds (a SAT solver proves it), so
    # the weights decide the trade: a repeat or two and a few people outside the band.
    assert 4 * (size - 1) <= n - 1 and size <= k
    assert repeated_pairs(result.assignment) <= REPEAT_TOLERANCE[n]
    assert band_violations(problem, result.assignment, "gender") <= BAND_TOLERANCE[n]
    spread = sum(band_violations(problem, result.assignment, a) for a in ("country", "sector"))
    assert spread <= BAND_TOLERANCE[n]


BAND_TOLERANCE = {20: 15, 60: 0, 150: 0, 300: 0}
REPEAT_TOLERANCE = {20: 2, 60: 0, 150: 0, 300: 0}


def test_rotation_with_a_pin_still_has_no_repeats():
    people = [Person(id=f"G{i:02d}") for i in range(16)]
    problem = Problem(
        people=people,
        rounds=rounds_of(4, 4),
        pins=[Pin("G00", "T1"), Pin("G01", "T2")],
        seed=2,
    )
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert repeated_pairs(result.assignment) == 0


# --------------------------------------------------------------------------------------------
# Determinism, keep mode, progress and cancel
# --------------------------------------------------------------------------------------------


def test_same_seed_same_plan():
    people = make_roster(40, seed=7)
    problem = Problem(people=people, rounds=rounds_of(3, 8), seed=11)
    first = plan(problem).assignment
    second = plan(problem).assignment
    assert first == second


def test_keep_mode_keeps_teams_and_adjusts_for_absences():
    people = make_roster(24, seed=5)
    problem = Problem(
        people=people,
        rounds=rounds_of(3, 4),
        mode="keep",
        absent={"2": {"P001", "P002", "P003"}},
        seed=4,
    )
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    a = result.assignment
    assert a["1"] == a["3"]
    team_of = {p: t for t, m in a["1"].items() for p in m}
    moved = [p for t, m in a["2"].items() for p in m if team_of[p] != t]
    assert len(moved) <= 3


def test_progress_and_cancel():
    people = make_roster(60, seed=1)
    problem = Problem(people=people, rounds=rounds_of(4, 12), seed=1)
    seen: list[float] = []
    result = plan(problem, progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0.0 <= x <= 1.0 for x in seen)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    stopped = plan(problem, cancel=cancel)
    assert_hard_ok(problem, stopped.assignment)
    assert_hard_ok(problem, result.assignment)


@pytest.mark.parametrize("mode", ["rotate", "keep"])
def test_cancel_at_once_still_places_everybody(mode):
    """A cancel before the search has built every round: the rest are built greedily."""
    people = make_roster(30, seed=2)
    problem = Problem(
        people=people,
        rounds=rounds_of(3, 5),
        mode=mode,
        keep_together=[("P001", "P002")],
        keep_apart=[("P003", "P004")],
        pins=[Pin("P005", "T3")],
        absent={"2": {"P006"}},
        seed=1,
    )
    result = plan(problem, cancel=lambda: True)
    assert_hard_ok(problem, result.assignment)
    assert result.evaluation.hard_violations == []


def test_a_cancel_returns_the_best_plan_found_not_the_last():
    """Cancelled when the search stands on a worse plan than one it has seen: the answer is
    the best one."""
    people = make_roster(30, seed=3)
    problem = Problem(
        people=people, rounds=rounds_of(3, 6), pins=[Pin("P001", "T1")], seed=5, effort=1.0
    )
    prep = Prepared(problem)
    seen: list[float] = []
    engine: Engine

    def cancel() -> bool:
        built = all(
            sum(len(m) for m in engine.members[r]) == len(prep.pres_list[r])
            for r in range(engine.R)
        )
        if not built:
            return False
        seen.append(engine.total_cost())
        return len(seen) > 20 and seen[-1] > min(seen) + 1e-9

    engine = Engine(prep, None, cancel)
    with pytest.raises(Cancelled):
        engine.run()
    assert seen[-1] > min(seen), "the cancel came while the search stood on a worse plan"
    assignment = engine.after_cancel()
    assert_hard_ok(problem, assignment)
    assert evaluate(problem, assignment).overall_score <= min(seen) + 1e-9


def test_keep_mode_rounds_built_after_a_cancel_keep_the_earlier_teams():
    people = make_roster(24, seed=5)
    problem = Problem(people=people, rounds=rounds_of(3, 4), mode="keep", seed=4)
    result = plan(problem, cancel=lambda: True)
    assert_hard_ok(problem, result.assignment)
    a = result.assignment
    assert a["1"] == a["2"] == a["3"]
