"""Benchmark of the breakout-team engine against a plain random split.

Run as ``python bench/teams.py``.  For rosters of 20/60/150/300 people over 4 rounds and for
pure rotation instances it prints, for the engine and for shuffle-and-deal: time, hard
violations, people outside the balance band, same-organisation pairs, isolated minorities,
language isolation and repeated pairs.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.domain.sample_rosters import make_roster
from facilitator.domain.teams import (  # noqa: E402
    Person,
    Problem,
    RoundSpec,
    evaluate,
    plan,
    teams_for_size,
)


def random_split(problem: Problem, seed: int) -> dict:
    rng = random.Random(seed)
    out = {}
    for spec in problem.rounds:
        absent = problem.absent.get(spec.round_id, set())
        ids = [p.id for p in problem.people if p.id not in absent]
        rng.shuffle(ids)
        k = len(spec.team_ids)
        out[spec.round_id] = {t: ids[j::k] for j, t in enumerate(spec.team_ids)}
    return out


def row(label: str, seconds: float, problem: Problem, assignment: dict) -> str:
    ev = evaluate(problem, assignment)
    return (
        f"{label:<26}{seconds:>8.2f}{len(ev.hard_violations):>7}{ev.band_violations:>7}"
        f"{ev.same_organisation_pairs:>7}{ev.isolated_minorities:>7}{ev.language_isolated:>7}"
        f"{ev.repeated_pairs:>8}"
    )


def main() -> None:
    cases = []
    for n in (20, 60, 150, 300):
        size = 4 if n == 20 else 5
        k = teams_for_size(n, size=size)
        rounds = [RoundSpec(str(r + 1), tuple(f"T{j + 1}" for j in range(k))) for r in range(4)]
        cases.append(
            (f"{n} people, {k}x~{size}, 4 rounds", Problem(make_roster(n, n), rounds, seed=1))
        )
    for k, size, n_rounds in ((4, 4, 5), (6, 4, 7), (8, 4, 9), (8, 4, 10)):
        people = [Person(id=f"G{i:02d}") for i in range(k * size)]
        rounds = [
            RoundSpec(str(r + 1), tuple(f"T{j + 1}" for j in range(k))) for r in range(n_rounds)
        ]
        cases.append((f"rotation {k}x{size}x{n_rounds}", Problem(people, rounds, seed=1)))
    header = (
        f"{'':<26}{'time s':>8}{'hard':>7}{'band':>7}{'org':>7}{'alone':>7}{'lang':>7}"
        f"{'repeats':>8}"
    )
    print("hard = hard violations, band = people outside the balance band,")
    print("org = same-organisation pairs, alone = isolated minorities,")
    print("lang = people who share no language with their team, repeats = repeated pairs")
    print("(on the 20-person roster no 4-round plan is both in band and free of repeats)")
    t300 = None
    for label, problem in cases:
        print()
        print(label)
        print(header)
        start = time.perf_counter()
        result = plan(problem)
        elapsed = time.perf_counter() - start
        if label.startswith("300"):
            t300 = elapsed
        print(row("  engine", elapsed, problem, result.assignment))
        start = time.perf_counter()
        split = random_split(problem, 1)
        print(row("  random split", time.perf_counter() - start, problem, split))
    if t300 is not None:
        verdict = "within" if t300 < 2.0 else "OVER"
        print()
        print(f"300 people x 4 rounds: {t300:.2f} s ({verdict} the 2 s target on this machine)")


if __name__ == "__main__":
    main()
