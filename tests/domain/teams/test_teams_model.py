"""The public model's helpers: team counts, the repeat-free bound, weights from a mapping."""

from __future__ import annotations

import pytest

from facilitator.domain.teams import Weights, max_rounds_without_repeats, teams_for_size


def test_repeat_free_rounds_bound():
    assert max_rounds_without_repeats(16, 4) == 5
    assert max_rounds_without_repeats(32, 4) == 10
    assert max_rounds_without_repeats(24, 4) == 7


def test_teams_for_size():
    assert teams_for_size(20, size=4) == 5
    assert teams_for_size(22, size=5) == 4
    assert teams_for_size(300, size=5) == 60
    assert teams_for_size(10, count=3) == 3
    with pytest.raises(ValueError):
        teams_for_size(10)
    with pytest.raises(ValueError):
        teams_for_size(10, size=0)


def test_weights_from_mapping():
    w = Weights.from_mapping({"repeat": 50, "language": 0})
    assert w.repeat == 50 and w.language == 0
    with pytest.raises(ValueError, match="unknown weight"):
        Weights.from_mapping({"speed": 1})
