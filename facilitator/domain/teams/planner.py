"""The entry point that plans every round: prepare, search, evaluate."""

from __future__ import annotations

import time
from collections.abc import Callable

from facilitator.domain.teams.evaluation import evaluate, repeat_warnings
from facilitator.domain.teams.model import Plan, Problem
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.search import Cancelled, Engine

__all__ = ["plan"]


def plan(
    problem: Problem,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Plan:
    """Plan the teams of every round.  Raises InfeasibleProblem when hard constraints clash.

    ``progress`` receives values from 0 to 1; ``cancel`` is polled and, once it returns True,
    the search stops and the best plan found so far is returned (rounds not built yet are
    built greedily), so every hard constraint still holds.  With a ``problem.time_limit`` the
    search also stops that many seconds after the call, again with the best plan found.
    """
    started = time.perf_counter()
    prep = Prepared(problem)
    engine = Engine(prep, progress, cancel, started)
    try:
        assignment = engine.run()
    except Cancelled:
        assignment = engine.after_cancel()
    evaluation = evaluate(problem, assignment)
    warnings = list(dict.fromkeys([*prep.warnings, *repeat_warnings(prep)]))
    evaluation.warnings = warnings
    return Plan(assignment=assignment, evaluation=evaluation, warnings=warnings)
