"""What the Teams area shows: one exercise, its team set and one of its rounds.

The exercise picker decides it and announces it; every other panel of the area follows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Selection:
    """The exercise, team set and round on screen (None where there is none yet)."""

    exercise_id: str | None = None
    team_set_id: str | None = None
    round_id: str | None = None
