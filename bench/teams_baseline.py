"""A plain simulated annealing over the team engine's own objective, to measure the engine by.

It is deliberately the textbook method, done honestly:

* the objective is the engine's: the cost kept by
  :class:`~facilitator.domain.teams.state.PlanState` with the problem's (the user's) weights,
  which :func:`~facilitator.domain.teams.evaluate` recomputes from scratch (the benchmark
  checks that the two agree on every plan it prints);
* the start is a random plan that keeps every hard rule (fixed people in their teams, groups
  and keep-apart people by random backtracking, everybody else dealt at random);
* the moves are the engine's legal moves: swap two movable people of different teams, move a
  movable person from a team of ``q + 1`` to one of ``q``, and exchange a keep-together group
  with as many movable people of another team; a move that would put a keep-apart pair
  together is never made;
* Metropolis acceptance with a geometric cooling schedule over the time it is given,
  ``T = T0 * (T1 / T0) ** (elapsed / limit)``, and the best plan seen is returned.

``T0`` and ``T1`` are multiples of the weights (``T0_SCALE`` times the balance weight,
``T1_SCALE`` times the smallest non-zero weight).  They were chosen with :func:`tune` on rosters
the benchmark does not use (``python bench/teams_baseline.py tune``): the grid and its medians
are printed, so the choice can be re-checked.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.domain.teams import Problem  # noqa: E402
from facilitator.domain.teams.model import Assignment  # noqa: E402
from facilitator.domain.teams.prepare import Prepared  # noqa: E402
from facilitator.domain.teams.state import PlanState  # noqa: E402

T0_SCALE = 1.0
T1_SCALE = 0.05


class Annealer(PlanState):
    """Simulated annealing on the engine's plan state (its incremental costs, nothing else)."""

    def __init__(self, problem: Problem, seed: int):
        super().__init__(Prepared(problem))
        self.rng = random.Random(seed)
        self.moves = 0
        self.accepted = 0
        # keep-together groups that can move: present together, nobody of them fixed
        self.groups: list[list[list[int]]] = []
        P = self.P
        for r in range(self.R):
            out = []
            seen: set[int] = set()
            for i in P.pres_list[r]:
                b = P.block_of[i]
                if b in seen:
                    continue
                seen.add(b)
                mem = [j for j in P.blocks[b] if P.present[r][j]]
                if len(mem) > 1 and not any(j in P.fixed[r] for j in mem):
                    out.append(mem)
            self.groups.append(out)
        sizes = [len(self.movable_list[r]) + len(self.groups[r]) for r in range(self.R)]
        self.round_weights = [max(0, s) for s in sizes]

    # ---------------------------------------------------------------- random start

    def random_start(self) -> None:
        """A random plan that keeps every hard rule."""
        for r in range(self.R):
            self._random_round(r)

    def _random_round(self, r: int) -> None:
        P = self.P
        rng = self.rng
        self.clear_round(r)
        k = len(P.team_ids[r])
        units: list[list[int]] = []
        seen: set[int] = set()
        for i in P.pres_list[r]:
            b = P.block_of[i]
            if b in seen:
                continue
            seen.add(b)
            units.append([j for j in P.blocks[b] if P.present[r][j]])
        loose = []
        for u in units:
            if u[0] in P.fixed[r]:
                for i in u:
                    self.add(r, i, P.fixed[r][i])
            else:
                loose.append(u)
        hard = [u for u in loose if len(u) > 1 or any(P.apart[i] for i in u)]
        easy = [u[0] for u in loose if not (len(u) > 1 or any(P.apart[i] for i in u))]
        rng.shuffle(hard)
        hard.sort(key=len, reverse=True)
        budget = [100_000]

        def rec(pos: int) -> bool:
            if pos == len(hard):
                return True
            budget[0] -= 1
            if budget[0] < 0:
                return False
            u = hard[pos]
            teams = list(range(k))
            rng.shuffle(teams)
            for t in teams:
                if self.can_take(r, t, len(u)) and all(self.apart_ok(r, i, t) for i in u):
                    for i in u:
                        self.add(r, i, t)
                    if rec(pos + 1):
                        return True
                    for i in u:
                        self.remove(r, i)
            return False

        if not rec(0):
            raise RuntimeError(f"no random start for round {P.round_ids[r]}")
        rng.shuffle(easy)
        for i in easy:
            open_teams = [t for t in range(k) if self.can_take(r, t, 1)]
            self.add(r, i, rng.choice(open_teams))
        self.refresh_costs(r)

    # ---------------------------------------------------------------- moves

    def _group_exchange(self, r: int, group: list[int], B: int) -> tuple[float, list[int]] | None:
        """Apply the exchange of ``group`` with as many movable people of team ``B``; return
        its cost change and the people who came over, or None (undone) if it is not legal."""
        tof = self.team_of[r]
        A = tof[group[0]]
        mv = self.movable[r]
        pool = [x for x in self.members[r][B] if mv[x]]
        if len(pool) < len(group):
            return None
        others = self.rng.sample(pool, len(group))
        apart = self.P.apart
        for i in group:
            for y in apart[i]:
                if tof[y] == B and y not in others:
                    return None
        for x in others:
            for y in apart[x]:
                if tof[y] == A and y not in group:
                    return None
        moved = group + others
        both = [self.members[r][A], self.members[r][B]]
        before = self.tcost[r][A] + self.tcost[r][B] + self._pair_cost(moved, both)
        self._place(r, group, B, others, A)
        after = self.tcost[r][A] + self.tcost[r][B] + self._pair_cost(moved, both)
        return after - before, others

    def _undo_exchange(self, r: int, group: list[int], others: list[int]) -> None:
        B = self.team_of[r][group[0]]
        A = self.team_of[r][others[0]]
        self._place(r, group, A, others, B)

    def _place(self, r: int, group: list[int], g: int, others: list[int], o: int) -> None:
        """Put ``group`` in team ``g`` and ``others`` in team ``o`` (an exchange or its undo)."""
        for i in (*group, *others):
            self.remove(r, i)
        for x in others:
            self.add(r, x, o)
        for i in group:
            self.add(r, i, g)
        self.tcost[r][g] = self.team_cost(r, g)
        self.tcost[r][o] = self.team_cost(r, o)

    def _pair_cost(self, people: list[int], teams: list[list[int]]) -> float:
        """Repeat cost, over all rounds, of the pairs of ``people`` with the members of
        ``teams`` (rotate mode): the part of the total an exchange between them changes."""
        M = self.M
        if M is None:
            return 0.0
        n = self.n
        mine = set(people)
        rep = 0
        for i in people:
            base = i * n
            for mem in teams:
                for x in mem:
                    if x != i and (x not in mine or x > i):
                        m = M[base + x]
                        rep += m * (m - 1) // 2
        return self.wr * rep

    # ---------------------------------------------------------------- annealing

    def anneal(self, seconds: float, clock=time.perf_counter) -> tuple[float, Assignment]:
        """Anneal for ``seconds`` of ``clock`` (wall time by default); return the best cost
        seen and its plan."""
        w = self.w
        positive = [v for v in (w.balance, w.minority, w.organisation, w.language, w.repeat) if v]
        t0 = T0_SCALE * (w.balance or max(positive, default=1.0))
        t1 = T1_SCALE * min(positive, default=1.0)
        rng = self.rng
        P = self.P
        cur = self.total_cost()
        best = cur
        best_snap = self.snapshot()
        rounds = [r for r in range(self.R) if self.round_weights[r]]
        if not rounds:
            return best, self._assignment(best_snap)
        cum = []
        acc = 0
        for r in rounds:
            acc += self.round_weights[r]
            cum.append(acc)
        start = clock()
        temp = t0
        log_ratio = math.log(t1 / t0)
        step = 0
        while True:
            step += 1
            if step % 200 == 0:
                frac = (clock() - start) / seconds
                if frac >= 1.0:
                    break
                temp = t0 * math.exp(log_ratio * frac)
            pick = rng.randrange(acc)
            lo, hi = 0, len(cum) - 1
            while lo < hi:
                mid = (lo + hi) // 2
                if cum[mid] > pick:
                    hi = mid
                else:
                    lo = mid + 1
            r = rounds[lo]
            self.moves += 1
            mv = self.movable_list[r]
            groups = self.groups[r]
            k = len(self.members[r])
            u = rng.randrange(len(mv) + len(groups))
            tof = self.team_of[r]
            if u >= len(mv):
                group = groups[u - len(mv)]
                A = tof[group[0]]
                B = rng.randrange(k - 1)
                B += B >= A
                done = self._group_exchange(r, group, B)
                if done is None:
                    continue
                d, others = done
                if d <= 0 or rng.random() < math.exp(-d / temp):
                    cur += d
                    self.accepted += 1
                else:
                    self._undo_exchange(r, group, others)
                    continue
            else:
                p = mv[u]
                A = tof[p]
                B = rng.randrange(k - 1)
                B += B >= A
                q = P.q[r]
                if (
                    P.rem[r]
                    and len(self.members[r][A]) == q + 1
                    and len(self.members[r][B]) == q
                    and rng.random() < 0.5
                ):
                    d = self.move_delta(r, p, B)
                    if d is None:
                        continue
                    if d <= 0 or rng.random() < math.exp(-d / temp):
                        self.apply_move(r, p, B)
                        cur += d
                        self.accepted += 1
                    else:
                        continue
                else:
                    mvr = self.movable[r]
                    pool = self.members[r][B]
                    x = pool[rng.randrange(len(pool))] if pool else -1
                    if x < 0 or not mvr[x]:
                        continue
                    d = self.swap_delta(r, p, x)
                    if d is None:
                        continue
                    if d <= 0 or rng.random() < math.exp(-d / temp):
                        self.apply_swap(r, p, x)
                        cur += d
                        self.accepted += 1
                    else:
                        continue
            if cur < best - 1e-9:
                best = cur
                best_snap = self.snapshot()
        return best, self._assignment(best_snap)

    def _assignment(self, snap: list[list[int]]) -> Assignment:
        P = self.P
        out: Assignment = {}
        for r in range(self.R):
            teams: dict[str, list[str]] = {tid: [] for tid in P.team_ids[r]}
            for i in range(self.n):
                t = snap[r][i]
                if t >= 0:
                    teams[P.team_ids[r][t]].append(P.ids[i])
            out[P.round_ids[r]] = teams
        return out


def anneal(
    problem: Problem, seconds: float, seed: int = 0, clock=time.perf_counter
) -> tuple[float, Assignment, int]:
    """Best cost, its plan and the number of moves tried by an SA run of ``seconds`` (of wall
    time, or of ``clock``, e.g. ``time.process_time``)."""
    sa = Annealer(problem, seed)
    sa.random_start()
    cost, assignment = sa.anneal(seconds, clock)
    return cost, assignment, sa.moves


def tune(seconds: float = 6.0) -> None:
    """Grid of (T0_SCALE, T1_SCALE) on rosters the benchmark does not use; prints medians of
    the cost relative to the best cell of each roster."""
    from facilitator.domain.sample_rosters import make_constrained_problem

    global T0_SCALE, T1_SCALE
    saved = T0_SCALE, T1_SCALE
    grid = [(t0, t1) for t0 in (0.3, 1.0, 3.0) for t1 in (0.01, 0.05, 0.2)]
    problems = [make_constrained_problem(n, 1000 + n) for n in (40, 60, 150)]
    table: dict[tuple[float, float], list[float]] = {g: [] for g in grid}
    for problem in problems:
        costs = {}
        for g in grid:
            T0_SCALE, T1_SCALE = g
            costs[g] = anneal(problem, seconds, seed=1)[0]
        top = min(costs.values()) or 1.0
        for g in grid:
            table[g].append(costs[g] / top)
        print(f"{len(problem.people)} people: " + ", ".join(f"{g}: {costs[g]:.0f}" for g in grid))
    T0_SCALE, T1_SCALE = saved
    for g in grid:
        print(f"T0 x{g[0]:<4} T1 x{g[1]:<5} median cost / best {statistics.median(table[g]):.3f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["tune"]:
        tune(float(sys.argv[2]) if len(sys.argv) > 2 else 6.0)
