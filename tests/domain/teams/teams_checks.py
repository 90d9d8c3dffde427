"""Checks of team plans written independently of the engine, shared by the engine's tests.

Each one recomputes a rule from the problem and the assignment alone, so a test does not
trust the engine's own evaluation to grade the engine.
"""

from __future__ import annotations

import itertools

from facilitator.domain.teams import Problem, RoundSpec


def rounds_of(n_rounds: int, k: int) -> list[RoundSpec]:
    return [RoundSpec(str(r + 1), tuple(f"T{j + 1}" for j in range(k))) for r in range(n_rounds)]


def assert_hard_ok(problem: Problem, assignment: dict) -> None:
    """Check every hard rule independently of the engine's own evaluation."""
    ids = {p.id for p in problem.people}
    assert list(assignment) == [r.round_id for r in problem.rounds]
    for spec in problem.rounds:
        rid = spec.round_id
        teams = assignment[rid]
        assert set(teams) == set(spec.team_ids)
        absent = set(problem.absent.get(rid, ()))
        placed = [p for members in teams.values() for p in members]
        assert len(placed) == len(set(placed)), "someone is in two teams"
        assert set(placed) == ids - absent, "present people placed exactly once, absent never"
        sizes = [len(m) for m in teams.values()]
        assert max(sizes) - min(sizes) <= 1, f"round {rid} sizes {sizes}"
        where = {p: t for t, members in teams.items() for p in members}
        for group in problem.keep_together:
            present = [p for p in group if p in where]
            assert len({where[p] for p in present}) <= 1, f"group {group} split in {rid}"
        for a, b in problem.keep_apart:
            if a in where and b in where:
                assert where[a] != where[b], f"{a} and {b} together in {rid}"
        for pin in problem.pins:
            if (pin.rounds is None or rid in pin.rounds) and pin.person_id in where:
                assert where[pin.person_id] == pin.team_id
        for pid, tid in problem.locked.get(rid, {}).items():
            if pid in where:
                assert where[pid] == tid


def repeated_pairs(assignment: dict) -> int:
    """Repeats as the engine counts them: a pair together in m rounds is C(m, 2)."""
    seen: dict[tuple[str, str], int] = {}
    for teams in assignment.values():
        for members in teams.values():
            for a, b in itertools.combinations(sorted(members), 2):
                seen[(a, b)] = seen.get((a, b), 0) + 1
    return sum(v * (v - 1) // 2 for v in seen.values())


def band_violations(problem: Problem, assignment: dict, attribute: str) -> int:
    """People outside floor/ceil(N_c / k) of their category, minority rule included: for a
    minority attribute the categories of 2 to 2k - 1 people may be 0 to max(ceil, 3) per team,
    and the other categories widen by the seats those take (see model.bands)."""
    by_id = {p.id: p for p in problem.people}
    minority = attribute in problem.minority_attributes
    total = 0
    for teams in assignment.values():
        k = len(teams)
        counts: dict[str, int] = {}
        for members in teams.values():
            for pid in members:
                c = by_id[pid].attributes[attribute]
                counts[c] = counts.get(c, 0) + 1
        wanted = {c: (n_c // k, -(-n_c // k)) for c, n_c in counts.items()}
        if minority:
            grouped = {c for c, n_c in counts.items() if 2 <= n_c < 2 * k}
            for c, n_c in counts.items():
                if n_c < 2 * k:
                    wanted[c] = (0, max(wanted[c][1], 3))
            if grouped:
                seats = sum(min(wanted[c][1], counts[c]) for c in grouped)
                people = sum(counts[c] for c in grouped)
                for c, n_c in counts.items():
                    if n_c >= 2 * k:
                        wanted[c] = (max(0, n_c // k - seats), -(-(n_c + people) // k))
        for members in teams.values():
            mine: dict[str, int] = {}
            for pid in members:
                c = by_id[pid].attributes[attribute]
                mine[c] = mine.get(c, 0) + 1
            for c, (lo, hi) in wanted.items():
                got = mine.get(c, 0)
                total += max(0, lo - got) + max(0, got - hi)
    return total
