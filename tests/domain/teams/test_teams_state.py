"""The plan's incremental costs: what a swap or a move is said to cost is what it costs."""

from __future__ import annotations

import random

import pytest
from teams_checks import rounds_of

from facilitator.domain.sample_rosters import make_roster
from facilitator.domain.teams import Person, Problem
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.search import Engine


def _built(mode: str, n: int, k: int) -> Engine:
    people = make_roster(n, seed=n)
    problem = Problem(people=people, rounds=rounds_of(3, k), mode=mode, seed=4)
    engine = Engine(Prepared(problem), None, None)
    for r in range(engine.R):
        if mode == "keep" and r:
            engine.prefer[r] = list(engine.team_of[r - 1])
        engine.construct_round(r)
    return engine


def _pair_counts(engine: Engine) -> list[int]:
    n = engine.n
    M = [0] * (n * n)
    for teams in engine.members:
        for mem in teams:
            for a in mem:
                for b in mem:
                    if a != b:
                        M[a * n + b] += 1
    return M


@pytest.mark.parametrize(
    ("mode", "n", "k"), [("rotate", 23, 5), ("rotate", 40, 8), ("keep", 23, 5)]
)
def test_deltas_match_the_change_in_total_cost(mode, n, k):
    engine = _built(mode, n, k)
    rng = random.Random(1)
    checked = 0
    for _ in range(300):
        r = rng.randrange(engine.R)
        p = rng.choice(engine.movable_list[r])
        A = engine.team_of[r][p]
        if rng.random() < 0.5:
            x = rng.choice(engine.movable_list[r])
            if engine.team_of[r][x] == A:
                continue
            d = engine.true_delta(r, p, x, -1)
            before = engine.total_cost()
            engine.apply_swap(r, p, x)
        else:
            q = engine.P.q[r]
            if len(engine.members[r][A]) != q + 1:
                continue
            B = next(t for t, m in enumerate(engine.members[r]) if len(m) == q)
            d = engine.true_delta(r, p, -1, B)
            before = engine.total_cost()
            engine.apply_move(r, p, B)
        assert engine.total_cost() - before == pytest.approx(d, abs=1e-9)
        checked += 1
    assert checked > 100
    if engine.M is not None:
        assert engine.M == _pair_counts(engine)
    # the cached team costs are the team costs
    for r in range(engine.R):
        assert engine.tcost[r] == [engine.team_cost(r, t) for t in range(len(engine.members[r]))]


def test_restore_brings_back_a_snapshot_and_its_pair_counts():
    engine = _built("rotate", 30, 6)
    snap = engine.snapshot()
    cost = engine.total_cost()
    rng = random.Random(2)
    for _ in range(50):
        r = rng.randrange(engine.R)
        p, x = rng.sample(engine.movable_list[r], 2)
        if engine.team_of[r][p] != engine.team_of[r][x]:
            engine.apply_swap(r, p, x)
    engine.restore(snap, range(engine.R))
    assert engine.snapshot() == snap
    assert engine.total_cost() == pytest.approx(cost)
    assert engine.M == _pair_counts(engine)


@pytest.mark.parametrize(("k", "size", "n_rounds"), [(4, 4, 6), (7, 3, 8)])
def test_a_round_rebuilt_after_a_design_leaves_no_stale_pairs(k, size, n_rounds):
    """A design fits every round but the last, which is rebuilt: the pairs its people had in
    the greedy round are gone from the repeat counts."""
    people = [Person(id=f"G{i:02d}") for i in range(k * size)]
    problem = Problem(people=people, rounds=rounds_of(n_rounds, k), seed=1, effort=0.05)
    engine = Engine(Prepared(problem), None, None)
    for r in range(engine.R):
        engine.construct_round(r)
    engine._try_designs()
    assert engine.M == _pair_counts(engine)
    engine.run()
    assert engine.M == _pair_counts(engine)


@pytest.mark.parametrize(("mode", "n", "k"), [("rotate", 40, 8), ("keep", 23, 5)])
def test_swaps_into_a_team_cost_what_each_swap_costs(mode, n, k):
    """The search prices all swaps of a person into a team at once: each price is the real
    change in the plan's cost, and the running repeat count stays the recount."""
    engine = _built(mode, n, k)
    rng = random.Random(3)
    checked = 0
    for _ in range(200):
        r = rng.randrange(engine.R)
        p = rng.choice(engine.movable_list[r])
        A = engine.team_of[r][p]
        B = rng.choice([t for t in range(len(engine.members[r])) if t != A])
        offers = engine.swaps_into(r, p, B)
        assert {x for x, _ in offers} <= set(engine.members[r][B])
        for x, d in offers:
            before = engine.total_cost()
            engine.apply_swap(r, p, x)
            assert engine.total_cost() - before == pytest.approx(d, abs=1e-9)
            engine.apply_swap(r, p, x)  # back
            checked += 1
        if offers and rng.random() < 0.5:
            engine.apply_swap(r, p, offers[0][0])
    assert checked > 300
    if engine.M is not None:
        recount = sum(m * (m - 1) // 2 for m in _pair_counts(engine)) // 2
        assert engine.repeats() == recount
