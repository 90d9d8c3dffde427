"""Pure rotations: the combinatorial designs give rounds in which nobody meets twice."""

from __future__ import annotations

import pytest
from teams_checks import assert_hard_ok, repeated_pairs, rounds_of

from facilitator.domain.teams import Person, Problem, plan


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
