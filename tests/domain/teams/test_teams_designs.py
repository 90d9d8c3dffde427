"""Pure rotations: the combinatorial designs give rounds in which nobody meets twice."""

from __future__ import annotations

import itertools
import random

import pytest
from teams_checks import assert_hard_ok, repeated_pairs, rounds_of

from facilitator.domain.teams import Person, Problem, plan
from facilitator.domain.teams.designs import (
    IRREDUCIBLE,
    affine_rounds,
    cyclic_rounds,
    design_rounds,
    doubled_rounds,
    galois_field,
    solve_gf2,
)


@pytest.mark.parametrize(
    ("k", "size", "n_rounds"),
    [
        (4, 4, 5),
        (6, 4, 7),
        (8, 4, 9),
        (8, 4, 10),
        (6, 3, 8),
    ],
)
def test_rotation_instances_without_repeats(k, size, n_rounds):
    people = [Person(id=f"G{i:02d}") for i in range(k * size)]
    problem = Problem(people=people, rounds=rounds_of(n_rounds, k), seed=1)
    result = plan(problem)
    assert_hard_ok(problem, result.assignment)
    assert repeated_pairs(result.assignment) == 0
    assert all(len(m) == size for teams in result.assignment.values() for m in teams.values())


# --------------------------------------------------------------------------------------------
# The constructions themselves
# --------------------------------------------------------------------------------------------


def _assert_repeat_free(design: list, k: int, s: int, n_rounds: int) -> None:
    """Every round splits the k*s points into k groups of s; no two points share two groups."""
    assert len(design) == n_rounds
    met: set[tuple[int, int]] = set()
    for groups in design:
        assert len(groups) == k and all(len(g) == s for g in groups)
        assert sorted(p for g in groups for p in g) == list(range(k * s))
        for g in groups:
            for pair in itertools.combinations(sorted(g), 2):
                assert pair not in met, f"{pair} meet twice"
                met.add(pair)


@pytest.mark.parametrize(
    ("construction", "k", "s", "n_rounds"),
    [
        (cyclic_rounds, 6, 4, 7),
        *[(affine_rounds, k, s, k + (k % s == 0)) for k in (2, 3, 4, 5, 7, 8, 9) for s in (2, k)],
        (affine_rounds, 16, 4, 17),
        (affine_rounds, 25, 5, 26),
        (affine_rounds, 27, 3, 28),
        (affine_rounds, 11, 3, 11),
        (doubled_rounds, 6, 3, 8),
        (doubled_rounds, 8, 4, 10),
    ],
)
def test_each_construction_is_repeat_free_up_to_its_limit(construction, k, s, n_rounds):
    for rounds in range(1, n_rounds + 1):
        design = construction(k, s, rounds)
        assert design is not None, f"{construction.__name__}({k}, {s}, {rounds})"
        _assert_repeat_free(design, k, s, rounds)


def test_constructions_refuse_numbers_they_cannot_build():
    assert cyclic_rounds(6, 4, 8) is None  # the cyclic design has 7 rounds
    assert cyclic_rounds(5, 4, 1) is None
    assert affine_rounds(6, 2, 1) is None  # 6 is not a prime power
    assert affine_rounds(5, 3, 6) is None  # 3 does not divide 5: no extra round
    assert affine_rounds(3, 4, 1) is None  # teams larger than the field
    assert doubled_rounds(8, 4, 11) is None
    assert doubled_rounds(10, 5, 1) is None  # no relabelling for s = 5
    assert doubled_rounds(8, 3, 1) is None  # needs k = 2s
    assert design_rounds(6, 4, 8) is None
    assert design_rounds(6, 4, 7) is not None
    assert design_rounds(6, 3, 8) is not None


@pytest.mark.parametrize("order", [2, 3, 5, 7, 11, 13, *sorted(IRREDUCIBLE)])
def test_galois_field_tables_are_a_field(order):
    add, mul = galois_field(order)
    elems = range(order)
    for a in elems:
        assert add[a][0] == a and mul[a][1] == a and mul[a][0] == 0
        assert any(add[a][b] == 0 for b in elems), f"{a} has no negative"
        if a:
            assert any(mul[a][b] == 1 for b in elems), f"{a} has no inverse"
        for b in elems:
            assert add[a][b] == add[b][a] and mul[a][b] == mul[b][a]
            for c in elems:
                assert mul[a][add[b][c]] == add[mul[a][b]][mul[a][c]]
                assert mul[mul[a][b]][c] == mul[a][mul[b][c]]


def test_galois_field_refuses_orders_that_are_not_supported():
    assert galois_field(6) is None
    assert galois_field(12) is None
    assert galois_field(32) is None


def test_solve_gf2_solves_or_says_there_is_no_solution():
    rng = random.Random(5)
    for _ in range(50):
        n_vars = rng.randint(1, 40)
        planted = rng.getrandbits(n_vars)
        rows = []
        for _ in range(rng.randint(0, 60)):
            mask = rng.getrandbits(n_vars)
            rows.append((mask, (mask & planted).bit_count() & 1))
        sol = solve_gf2(rows)
        assert sol is not None
        assert all((mask & sol).bit_count() & 1 == rhs for mask, rhs in rows)
    assert solve_gf2([(0b11, 1), (0b01, 1), (0b10, 1)]) is None
    assert solve_gf2([]) == 0
