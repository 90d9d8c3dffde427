"""Breakout-team formation engine (pure Python, no Qt, no database).

An exercise has one or more rounds; in every round the people present are split into the
round's teams so that team sizes differ by at most one.  The engine builds the rounds one at a
time (greedy placement, then a short annealing of that round knowing who met in earlier
rounds), then improves all rounds together by a focused annealing: steps start from people
who take part in a cost of their team and try every swap with a well-chosen team, sometimes
followed by a second swap that pays for the first.  Costs are scored incrementally and always
with the user's weights.  Pure rotation problems start from combinatorial designs with no
repeated pair where one is known (affine planes and transversal designs, a cyclic design for
6x4, doubled affine planes for 8x4 over 10 rounds and 6x3 over 8).

Hard constraints are never broken: keep-together groups, keep-apart pairs, pins and user
locks (person X in team T for some rounds), absences and the size rule.  A problem whose hard
constraints cannot all hold raises :class:`InfeasibleProblem` listing the reasons.

Soft goals, each with a weight the user can change (:class:`Weights`, lower cost is better):

``balance``
    For every balance attribute (country, sector, gender by default) and category, a team
    should hold between ``floor(N_c / k)`` and ``ceil(N_c / k)`` members of the category, where
    ``N_c`` is the number of people of that category present in the round and ``k`` the number
    of teams.  Cost: ``balance`` per person outside that band.  For a *minority attribute*
    (gender by default) whose category is too small to give every team two people
    (``N_c < 2k``) the band becomes ``0..max(ceil, 3)`` instead: those people are better
    grouped in twos or threes than spread out one per team; the other categories of the
    attribute widen by the seats such groups take or leave, so that a team of two women and
    three men is not "short of men" (see :func:`~.model.bands`).
``minority``
    Cost per person who is the only member of their category of a minority attribute in a
    team (e.g. the only woman), when at least two people of that category are present.
``organisation``
    Cost per pair of people from the same organisation in a team.
``language``
    Cost per person who shares no working language with anyone else in the team.
``repeat``
    Rotate mode: cost per repeated pairing across rounds (``C(m, 2)`` for a pair that meets
    ``m`` times: each meeting costs once per earlier meeting, so a third meeting is worse
    than a second).  :func:`evaluate` counts repeats the same way: its overall score is the
    engine's cost of the same plan.
``stability``
    Keep mode: cost per person not in the team they had in their previous round.

Modes: ``"rotate"`` (default) minimises repeated pairs; ``"keep"`` keeps the same teams
every round and only adjusts for absences and pins.

The result is deterministic for a given ``Problem.seed``: the search is bounded by a count of
evaluated moves, not by the clock (unless the caller sets ``Problem.time_limit``).

The package, in the order a plan is made:

``model``
    The public data: :class:`Problem` and its parts, :class:`Plan`, :class:`Evaluation`,
    :class:`InfeasibleProblem`, and the sizing helpers.
``prepare``
    Checks a problem (every reason at once) and builds the integer indexes and cost tables.
``designs``
    Finite fields and the rotation designs with no repeated pair.
``state``
    The plan being improved, with the counts that make a swap's or a move's cost cheap.
``search``
    The engine on top of it: construction, designs as seeds, focused annealing.
``evaluation``
    Scores any assignment in words a facilitator reads; the warnings of a plan.
``planner``
    :func:`plan`, which runs the three steps.
"""

from __future__ import annotations

from facilitator.domain.teams.evaluation import evaluate
from facilitator.domain.teams.model import (
    Evaluation,
    InfeasibleProblem,
    Person,
    Pin,
    Plan,
    Problem,
    RoundSpec,
    TeamScore,
    Weights,
    max_rounds_without_repeats,
    teams_for_size,
)
from facilitator.domain.teams.planner import plan

__all__ = [
    "Evaluation",
    "InfeasibleProblem",
    "Person",
    "Pin",
    "Plan",
    "Problem",
    "RoundSpec",
    "TeamScore",
    "Weights",
    "evaluate",
    "max_rounds_without_repeats",
    "plan",
    "teams_for_size",
]
