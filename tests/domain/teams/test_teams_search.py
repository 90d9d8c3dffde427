"""The search: hard constraints always hold, the quality bar on realistic rosters, rotation
with pins, determinism, keep mode, progress and cancel."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from teams_checks import assert_hard_ok, band_violations, repeated_pairs, rounds_of

from facilitator.domain.sample_rosters import make_constrained_problem, make_roster
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
    # and from 60 people up so is every attribute in band; at 60 people the plan leaves one
    # person outside the country or sector band on some draws (measured over draws 1-10:
    # 4 of 10 with this engine, 2 of 10 with the one before), never more.  On the 20-person
    # roster no plan has every team in band and no repeated pair over 4 rounds (a SAT solver
    # proves it), so the weights decide the trade (a few repeats, a few people outside the
    # band): the plan must then cost no more than the 184 of the plan the earlier search made
    # of this roster.
    assert 4 * (size - 1) <= n - 1 and size <= k
    if n == 20:
        assert result.evaluation.overall_score <= 184
    else:
        assert repeated_pairs(result.assignment) == 0
    assert band_violations(problem, result.assignment, "gender") <= BAND_TOLERANCE[n]
    spread = sum(band_violations(problem, result.assignment, a) for a in ("country", "sector"))
    assert spread <= BAND_TOLERANCE[n]


BAND_TOLERANCE = {20: 15, 60: 1, 150: 0, 300: 0}


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


def _roster(n: int, women: int, languages: dict[int, tuple[str, ...]]) -> list[Person]:
    """``n`` people of five countries and sectors; the first ``women`` are women; person
    ``i`` works in ``languages.get(i, ("en",))``."""
    return [
        Person(
            id=f"P{i:03d}",
            attributes={
                "country": f"C{i % 5}",
                "sector": f"S{(i // 5) % 5}",
                "gender": "F" if i < women else "M",
            },
            languages=languages.get(i, ("en",)),
        )
        for i in range(n)
    ]


def test_no_woman_is_the_only_one_in_her_team_when_they_can_be_grouped():
    """Eight women in 36 people, nine teams of four: too few for two in every team, so they
    come in twos (three would leave a man alone), never one alone, and no repeated pair over
    three rounds."""
    people = _roster(36, 8, {})
    problem = Problem(people=people, rounds=rounds_of(3, 9), seed=1)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    for teams in result.assignment.values():
        women = [sum(1 for p in m if int(p[1:]) < 8) for m in teams.values()]
        assert sorted(women) == [0, 0, 0, 0, 0, 2, 2, 2, 2], women
    assert repeated_pairs(result.assignment) == 0
    assert result.evaluation.isolated_minorities == 0


def test_everybody_shares_a_language_with_a_teammate_when_possible():
    """120 people in 30 teams over three rounds; six work only in Spanish and six bridge
    Spanish and English, five only in Russian with five bridging Russian and English: every
    one of them can have a teammate they can talk to in every round, and does."""
    languages: dict[int, tuple[str, ...]] = {}
    for i in range(6):
        languages[10 + 7 * i] = ("es",)
        languages[13 + 7 * i] = ("en", "es")
    for i in range(5):
        languages[60 + 9 * i] = ("ru",)
        languages[64 + 9 * i] = ("en", "ru")
    people = _roster(120, 30, languages)
    problem = Problem(people=people, rounds=rounds_of(3, 30), seed=2)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    by_id = {p.id: set(p.languages) for p in people}
    for rid, teams in result.assignment.items():
        for tid, members in teams.items():
            for pid in members:
                mates = [by_id[q] for q in members if q != pid]
                assert any(by_id[pid] & other for other in mates), (rid, tid, pid)
    assert result.evaluation.language_isolated == 0


@pytest.mark.parametrize("seed", [2, 4])
def test_nobody_pinned_or_kept_together_is_left_without_a_shared_language(seed):
    """300 people in 60 or 50 teams over four or five rounds, with pins, keep-together groups
    (a French-only interpreter's delegate, say), absences and mixed languages: a plan where
    everybody shares a working language with a teammate in every round exists (a plain
    annealing given ten times as long finds one), and the engine's has nobody stranded
    either, including the people who cannot move (their mates must come to them)."""
    problem = make_constrained_problem(300, seed)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert result.evaluation.hard_violations == []
    assert result.evaluation.language_isolated == 0


def test_a_round_of_one_team_is_planned_at_once():
    """One team per round leaves nothing to search: everybody present is in it."""
    people = make_roster(8, seed=1)
    problem = Problem(people=people, rounds=rounds_of(3, 1), absent={"2": {"P001"}}, seed=1)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert len(result.assignment["2"]["T1"]) == 7


def test_a_time_limit_stops_the_search_with_a_valid_plan():
    """A caller that must answer at once (time_limit 0) still gets every hard rule kept."""
    people = make_roster(60, seed=4)
    problem = Problem(
        people=people,
        rounds=rounds_of(4, 12),
        keep_together=[("P001", "P002")],
        pins=[Pin("P003", "T2")],
        seed=1,
        time_limit=0.0,
    )
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert result.evaluation.hard_violations == []


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


def test_a_cancel_in_a_later_start_returns_the_best_plan_of_the_earlier_ones():
    """A small roster is planned from several starts, each rebuilding every round: a cancel
    while a later start stands on a worse plan answers with the best plan seen so far."""
    problem = make_constrained_problem(20, 1)
    prep = Prepared(problem)
    seen: list[float] = []
    engine: Engine

    def cancel() -> bool:
        built = all(
            sum(len(m) for m in engine.members[r]) == len(prep.pres_list[r])
            for r in range(engine.R)
        )
        if built:
            seen.append(engine.total_cost())
        later = engine.evals > 0.4 * engine.budget
        return later and built and seen[-1] > min(seen) + 1e-9

    engine = Engine(prep, None, cancel)
    assert engine.starts() > 1
    with pytest.raises(Cancelled):
        engine.run()
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
