"""The public model of the team planner: what a problem says and what a plan answers.

Everything here is plain data plus the two sizing rules a user interface needs before it
plans (how many teams for a wanted size, how many rounds can be free of repeated pairs).  The
other modules of the package work on these types; see the package docstring for the goals the
weights stand for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from facilitator.domain.errors import UserError

__all__ = [
    "Assignment",
    "Evaluation",
    "InfeasibleProblem",
    "Person",
    "Pin",
    "Plan",
    "Problem",
    "RoundSpec",
    "TeamScore",
    "Weights",
    "bands",
    "max_rounds_without_repeats",
    "norm",
    "teams_for_size",
]

#: round id -> team id -> person ids
Assignment = dict[str, dict[str, list[str]]]


class InfeasibleProblem(UserError):
    """The hard constraints cannot all be satisfied; ``reasons`` says why."""

    def __init__(self, reasons: Iterable[str]):
        self.reasons = list(reasons)
        text = "\n".join(f"- {r}" for r in self.reasons)
        super().__init__(f"The team constraints cannot all be met:\n{text}")


@dataclass
class Person:
    id: str
    name: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    organisation: str = ""
    languages: tuple[str, ...] = ()
    role: str = "participant"

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class RoundSpec:
    round_id: str
    team_ids: tuple[str, ...]


@dataclass(frozen=True)
class Pin:
    """Person ``person_id`` must be in team ``team_id``; ``rounds=None`` means every round."""

    person_id: str
    team_id: str
    rounds: tuple[str, ...] | None = None


@dataclass
class Weights:
    """Weights of the soft goals (see :mod:`facilitator.domain.teams`); 0 switches a goal off."""

    balance: float = 10.0
    minority: float = 6.0
    organisation: float = 4.0
    language: float = 3.0
    repeat: float = 25.0
    stability: float = 30.0

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return ("balance", "minority", "organisation", "language", "repeat", "stability")

    @classmethod
    def from_mapping(cls, values: Mapping[str, float]) -> Weights:
        unknown = sorted(set(values) - set(cls.names()))
        if unknown:
            raise ValueError(
                f"unknown weight name(s) {', '.join(unknown)}; known: {', '.join(cls.names())}"
            )
        w = cls()
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"weight {key!r} must be a non-negative number")
            setattr(w, key, float(value))
        return w


@dataclass
class Problem:
    people: list[Person]
    rounds: list[RoundSpec]
    balance_attributes: tuple[str, ...] = ("country", "sector", "gender")
    minority_attributes: tuple[str, ...] = ("gender",)
    weights: Weights = field(default_factory=Weights)
    keep_together: list[tuple[str, ...]] = field(default_factory=list)
    keep_apart: list[tuple[str, str]] = field(default_factory=list)
    pins: list[Pin] = field(default_factory=list)
    absent: dict[str, set[str]] = field(default_factory=dict)
    locked: dict[str, dict[str, str]] = field(default_factory=dict)
    mode: str = "rotate"
    seed: int = 0
    effort: float = 1.0
    #: wall-clock seconds after which the search stops with the best plan found, for a caller
    #: that must answer in time whatever the machine's load; None (the default): no limit, so
    #: the plan depends on the seed alone (the budget is a count of evaluated moves)
    time_limit: float | None = None


@dataclass
class TeamScore:
    score: float
    reasons: list[str]


@dataclass
class Evaluation:
    overall_score: float
    team_scores: dict[str, dict[str, TeamScore]]
    hard_violations: list[str]
    repeated_pairs: int
    warnings: list[str]
    band_violations: int = 0
    same_organisation_pairs: int = 0
    isolated_minorities: int = 0
    language_isolated: int = 0

    def reasons(self) -> list[str]:
        """All team reasons, prefixed with the round when there are several rounds."""
        out = []
        multi = len(self.team_scores) > 1
        for rid, teams in self.team_scores.items():
            for ts in teams.values():
                for reason in ts.reasons:
                    out.append(f"Round {rid}, {reason}" if multi else reason)
        return out


@dataclass
class Plan:
    assignment: Assignment
    evaluation: Evaluation
    warnings: list[str]


def teams_for_size(n_people: int, size: int | None = None, count: int | None = None) -> int:
    """Number of teams for ``n_people`` given a wanted team ``size`` or a team ``count``.

    With a size, the count is the one whose (near equal) team sizes come closest to ``size``.
    """
    if (size is None) == (count is None):
        raise ValueError("give exactly one of size or count")
    if count is not None:
        if count < 1:
            raise ValueError("team count must be at least 1")
        return count
    if size < 1:
        raise ValueError("team size must be at least 1")
    if n_people <= 0:
        return 1
    lo = max(1, n_people // size)
    hi = max(1, math.ceil(n_people / size))
    return min((lo, hi), key=lambda k: (abs(n_people / k - size), k))


def max_rounds_without_repeats(n_people: int, team_size: int) -> int:
    """Upper bound on rounds with no repeated pair: each round meets ``size - 1`` new people."""
    if team_size <= 1:
        return 10**9
    return (n_people - 1) // (team_size - 1)


def norm(value: str | None) -> str:
    """The key two spellings of one category share ("Female " and "female")."""
    return (value or "").strip().casefold()


def bands(totals: Sequence[int], k: int, minority: bool) -> list[tuple[int, int]]:
    """How many people of each category of one attribute a team of ``k`` should hold, given
    how many of each category (``totals``) are present.

    The fair share is ``floor..ceil(n_c / k)``.  For a minority attribute, a category of at
    least two people too small to give every team two (``2 <= n_c < 2k``) should come in twos
    or threes, or not at all: its band is ``0..max(ceil, 3)``.  The seats those groups take
    and leave shift the other categories of the attribute, so their band widens by as much
    (down by the most seats the grouped categories can take in one team, up to the fair
    share of themselves plus the grouped people); otherwise a team of two women would count
    as short of men, and a team without women as holding too many.
    """
    fair = [(n // k, -(-n // k)) for n in totals]
    if not minority:
        return fair
    grouped = [2 <= n < 2 * k for n in totals]
    out = [
        (0, max(hi, 3)) if n < 2 * k else (lo, hi) for n, (lo, hi) in zip(totals, fair, strict=True)
    ]
    if not any(grouped):
        return out
    seats = sum(min(out[c][1], n) for c, n in enumerate(totals) if grouped[c])
    people = sum(n for c, n in enumerate(totals) if grouped[c])
    for c, n in enumerate(totals):
        if n >= 2 * k:
            lo, hi = fair[c]
            out[c] = (max(0, lo - seats), -(-(n + people) // k))
    return out
