"""The search: build every round's teams, then improve them by swaps and moves.

Rotate mode builds the rounds one at a time (greedy placement, then a tabu search knowing who
met in earlier rounds), tries the combinatorial designs of :mod:`.designs` when the problem is
a pure rotation, then improves all rounds together.  Keep mode builds each round from the
teams of the round before.  Costs are kept per team and updated incrementally (see
:mod:`.state`); when the search stalls, the weights of what the current plan still breaks go
up for the rest of the search (guided local search), while plans are always compared with the
user's weights.

Everything is deterministic for a given seed: the search is bounded by a count of evaluated
moves, never by the clock.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from facilitator.domain.teams.designs import design_rounds
from facilitator.domain.teams.model import Assignment, InfeasibleProblem
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.state import PlanState

__all__ = ["Cancelled", "Engine"]


class Cancelled(Exception):
    """Raised inside the search when ``cancel`` returns True; :func:`plan` catches it."""


class Engine(PlanState):
    """Builds every round and improves the plan by tabu search over swaps and moves.

    ``progress`` is told the share of the move budget used; ``cancel`` is polled at every
    iteration and stops the search by raising :class:`Cancelled`.
    """

    def __init__(
        self,
        prep: Prepared,
        progress: Callable[[float], None] | None,
        cancel: Callable[[], bool] | None,
    ):
        super().__init__(prep)
        self.rng = random.Random(prep.problem.seed)
        self.progress = progress
        self.cancel = cancel
        self.budget = 1
        self._last_progress = -1.0

    # ---------------------------------------------------------------- construction

    def construct_round(self, r: int) -> None:
        """Build round ``r`` from nothing: fixed people in their teams, then keep-together
        groups and people with keep-apart partners (by backtracking, as they can block each
        other), then everybody else greedily, the hardest to place well first."""
        P = self.P
        self.clear_round(r)
        free_units = self._place_fixed_units(r)
        constrained = [u for u in free_units if len(u) > 1 or any(P.apart[i] for i in u)]
        singles = [u[0] for u in free_units if not (len(u) > 1 or any(P.apart[i] for i in u))]
        self._place_constrained_units(r, constrained)
        self._place_singles(r, singles)
        self.refresh_costs(r)

    def _place_fixed_units(self, r: int) -> list[list[int]]:
        """Put every fixed unit (a present keep-together group, or one person) in its team;
        return the other units, in roster order."""
        P = self.P
        fixed = P.fixed[r]
        present = P.present[r]
        units: list[list[int]] = []
        seen: set[int] = set()
        for i in P.pres_list[r]:
            b = P.block_of[i]
            if b in seen:
                continue
            seen.add(b)
            units.append([j for j in P.blocks[b] if present[j]])
        free_units = []
        for u in units:
            if u[0] in fixed:
                for i in u:
                    self.add(r, i, fixed[i])
            else:
                free_units.append(u)
        return free_units

    def _place_constrained_units(self, r: int, units: list[list[int]]) -> None:
        """Groups and people with keep-apart partners, the biggest and most constrained first;
        raises InfeasibleProblem when no placement exists (prepare cannot see every clash)."""
        P = self.P
        k = len(P.team_ids[r])
        jitter = {id(u): self.rng.random() for u in units}
        units.sort(key=lambda u: (-len(u), -sum(len(P.apart[i]) for i in u), jitter[id(u)]))
        if not self._place_units(r, units, k):
            rid = P.round_ids[r]
            raise InfeasibleProblem(
                [
                    f"round {rid}: the keep-together groups and keep-apart pairs cannot all be "
                    f"placed in {k} teams of the allowed sizes"
                ]
            )

    def _place_singles(self, r: int, singles: list[int]) -> None:
        """Everybody else, one at a time into the cheapest team with room; people of the
        categories every team needs go first, and ties go to the team with the fewest of the
        person's categories (then the smallest team)."""
        P = self.P
        rng = self.rng
        k = len(P.team_ids[r])
        totals = P.cat_totals[r]
        bands = P.bands[r]

        def tightness(i: int) -> float:
            # people of categories every team needs (high floor / supply) go first
            s = 0.0
            for a in range(self.nattr):
                c = P.cat[a][i]
                if c >= 0 and totals[a][c]:
                    s += k * bands[a][c][0] / totals[a][c]
            return s + rng.random() * 0.01

        singles.sort(key=tightness, reverse=True)
        for i in singles:
            best_t, best_key = -1, None
            mine = [
                (a, P.cat[a][i], 1.0 / totals[a][P.cat[a][i]])
                for a in range(self.nattr)
                if P.cat[a][i] >= 0
            ]
            for t in range(k):
                if not self.can_take(r, t, 1):
                    continue
                cnt = self.cnt[r][t]
                spread = sum(cnt[a][c] * w for a, c, w in mine)
                key = (self.insert_delta(r, i, t), spread, len(self.members[r][t]), rng.random())
                if best_key is None or key < best_key:
                    best_t, best_key = t, key
            self.add(r, i, best_t)

    def _place_units(self, r: int, units: list[list[int]], k: int) -> bool:
        """Backtracking over the teams of each unit, cheapest first, for at most 20,000
        steps; False when no placement was found."""
        limit = [20000]

        def unit_ok(u: list[int], t: int) -> bool:
            if not self.can_take(r, t, len(u)):
                return False
            return all(self.apart_ok(r, i, t) for i in u)

        def rec(pos: int) -> bool:
            if pos == len(units):
                return True
            limit[0] -= 1
            if limit[0] < 0:
                return False
            u = units[pos]
            cands = []
            for t in range(k):
                if unit_ok(u, t):
                    d = sum(self.insert_delta(r, i, t) for i in u)
                    cands.append((d, len(self.members[r][t]), self.rng.random(), t))
            cands.sort()
            for *_, t in cands:
                for i in u:
                    self.add(r, i, t)
                if rec(pos + 1):
                    return True
                for i in u:
                    self.remove(r, i)
            return False

        return rec(0)

    def seed_design(self, rounds: list[int]) -> bool:
        """Overwrite the rounds with a resolvable design when the problem is pure rotation.

        Called in rotate mode only, with at least one round.
        """
        P = self.P
        k = len(P.team_ids[rounds[0]])
        n = self.n
        if k < 2 or n % k or any(len(P.team_ids[r]) != k for r in rounds):
            return False
        for r in rounds:
            if len(self.movable_list[r]) != n:
                return False
        if any(P.apart):
            return False
        design = design_rounds(k, n // k, len(rounds))
        if design is None:
            return False
        perm = list(range(n))
        self.rng.shuffle(perm)
        for r, groups in zip(rounds, design, strict=True):
            self.clear_round(r)
            for t, g in enumerate(groups):
                for point in g:
                    self.add(r, perm[point], t)
            self.refresh_costs(r)
        return True

    # ---------------------------------------------------------------- search

    def tick(self) -> None:
        """Poll ``cancel`` and report progress (at most every 1% of the budget)."""
        if self.cancel is not None and self.cancel():
            raise Cancelled
        if self.progress is not None:
            frac = min(1.0, self.evals / self.budget)
            if frac - self._last_progress >= 0.01:
                self._last_progress = frac
                self.progress(frac)

    def conflicted(self, r: int) -> list[int]:
        """Movable people who take part in some cost of their team in round ``r``: the search
        only tries moves of these, as moving anybody else cannot remove a cost."""
        out: list[int] = []
        mv = self.movable[r]
        pref = self.prefer[r]
        for t, mem in enumerate(self.members[r]):
            repeated = self._repeated_members(mem)
            costly = self._costly_members(r, t) if self.tcost[r][t] > 1e-9 else ()
            for x in mem:
                if not mv[x]:
                    continue
                if x in costly or x in repeated or (self.ws and pref[x] >= 0 and pref[x] != t):
                    out.append(x)
        return out

    def _repeated_members(self, mem: list[int]) -> set[int]:
        """Members of a team who have met one of their teammates in another round."""
        repeated: set[int] = set()
        M, n = self.M, self.n
        if M is not None:
            for ai, x in enumerate(mem):
                b = x * n
                for y in mem[ai + 1 :]:
                    if M[b + y] > 1:
                        repeated.add(x)
                        repeated.add(y)
        return repeated

    def _costly_members(self, r: int, t: int) -> set[int]:
        """Movable members of team ``t`` whose category is out of band (or over the floor of
        an attribute the team is short of, so a swap can fix the shortage), who share an
        organisation, or who share no language with the team."""
        P = self.P
        mv = self.movable[r]
        tabs = P.tables[r]
        bands = P.bands[r]
        cat = P.cat
        nattr = self.nattr
        langs = P.langs
        cnt = self.cnt[r][t]
        short = [
            any(v < bands[a][c][0] and tabs[a][c][v] > 0 for c, v in enumerate(cnt[a]))
            for a in range(nattr)
        ]
        orgc = self.orgc[r][t]
        lc = self.langc[r][t]
        out: set[int] = set()
        for x in self.members[r][t]:
            if not mv[x]:
                continue
            bad = False
            for a in range(nattr):
                c = cat[a][x]
                if c < 0:
                    continue
                v = cnt[a][c]
                if tabs[a][c][v] > 0 or (short[a] and v > bands[a][c][0]):
                    bad = True
                    break
            if not bad:
                o = P.org[x]
                if o >= 0 and orgc[o] > 1 and self.w.organisation:
                    bad = True
                elif langs[x] and self.w.language:
                    bad = all(lc.get(lang, 0) < 2 for lang in langs[x])
            if bad:
                out.add(x)
        return out

    def _consider(self, r, p, x, B, d, it, tabu, cur, best, state) -> None:
        """Keep the best non-tabu move in ``state`` = [best_d, move, ties]."""
        if d is None:
            return
        tof = self.team_of[r]
        A = tof[p]
        is_tabu = tabu.get((r, p, B), 0) > it or (x >= 0 and tabu.get((r, x, A), 0) > it)
        if is_tabu and not (cur + d < best - 1e-9):
            return
        if state[0] is None or d < state[0] - 1e-9:
            state[0], state[1], state[2] = d, (r, p, x, B), 1
        elif d < state[0] + 1e-9:
            state[2] += 1
            if self.rng.randrange(state[2]) == 0:
                state[1] = (r, p, x, B)

    def _partner_teams(self, r: int, p: int, A: int, limit: int) -> list[int]:
        """The ``limit`` teams where ``p`` would fit best (cheap estimate of the insert cost)."""
        P = self.P
        tabs = self.gtab[r]
        cats = [(a, P.cat[a][p]) for a in range(self.nattr) if P.cat[a][p] >= 0]
        o = P.org[p]
        wo = self.gwo
        rng = self.rng
        scored = []
        for B, cnt in enumerate(self.cnt[r]):
            if B == A:
                continue
            g = 0.0
            for a, c in cats:
                row = tabs[a][c]
                v = cnt[a][c]
                g += row[v + 1] - row[v]
            if o >= 0 and wo:
                g += wo * self.orgc[r][B].get(o, 0)
            scored.append((g, rng.random(), B))
        scored.sort()
        return [B for *_, B in scored[:limit]]

    def _scan(self, r, p, it, tabu, cur, best, state, first: bool) -> bool:
        """Evaluate the swaps and moves of ``p``; with ``first`` stop at an improving one."""
        P = self.P
        tof = self.team_of[r]
        A = tof[p]
        k = len(self.members[r])
        if first and k > 10:
            mvr = self.movable[r]
            mv = [x for B in self._partner_teams(r, p, A, 6) for x in self.members[r][B] if mvr[x]]
        else:
            mv = self.movable_list[r]
        m = len(mv)
        off = self.rng.randrange(m) if m else 0
        for j in range(m):
            x = mv[(off + j) % m]
            B = tof[x]
            if B == A:
                continue
            d = self.swap_delta(r, p, x)
            self._consider(r, p, x, B, d, it, tabu, cur, best, state)
            if first and state[0] is not None and state[0] < -1e-9:
                return True
        q, rem = P.q[r], P.rem[r]
        if rem and len(self.members[r][A]) == q + 1:
            for B, mem in enumerate(self.members[r]):
                if len(mem) == q:
                    d = self.move_delta(r, p, B)
                    self._consider(r, p, -1, B, d, it, tabu, cur, best, state)
        return first and state[0] is not None and state[0] < -1e-9

    def search(self, rounds: list[int], budget: int) -> None:
        """Tabu search over swaps and moves; at a local optimum the weights of what is still
        wrong go up (penalise), every few times the search restarts from the best plan."""
        cur = self.total_cost()
        gcur = self.total_cost(guided=True)
        best = cur
        gbest = gcur
        best_snap = self.snapshot()
        tabu: dict[tuple[int, int, int], int] = {}
        it = 0
        stall = 0
        escapes = 0
        start_evals = self.evals
        n_mov = max(1, max(len(self.movable_list[r]) for r in rounds))
        small = n_mov <= 64
        stall_limit = 200 if small else 40 + n_mov
        conf: list[tuple[int, int]] = []
        conf_age = 0
        last_gain = self.evals
        patience = max(20_000, budget // 4)
        while self.evals - start_evals < budget and cur > 1e-9:
            if self.evals - last_gain > patience:
                break
            it += 1
            self.evals += 1  # every iteration counts, even one without a legal move
            try:
                self.tick()
            except Cancelled:
                if cur > best + 1e-9:  # a cancel returns the best plan found, not the last
                    self.restore(best_snap, rounds)
                raise
            if small or not conf or conf_age > 10:
                conf = [(r, p) for r in rounds for p in self.conflicted(r)]
                conf_age = 0
                if not conf:
                    break
            conf_age += 1
            state = self._choose_move(conf, small, it, tabu, gcur, gbest)
            if state[1] is None:
                stall += 1
            else:
                cur += self._make_move(state[1], state[0], it, tabu)
                gcur += state[0]
                if cur < best - 1e-9:
                    best = cur
                    best_snap = self.snapshot()
                    last_gain = self.evals
                if gcur < gbest - 1e-9:
                    gbest = gcur
                    stall = 0
                else:
                    stall += 1
            if stall > stall_limit:
                escapes += 1
                if escapes % 8 == 0:
                    self._restart(best_snap, rounds)
                    cur = self.total_cost()
                    tabu.clear()
                else:
                    self.penalise(rounds)
                gcur = gbest = self.total_cost(guided=True)
                conf = []
                stall = 0
        if cur > best + 1e-9:
            self.restore(best_snap, rounds)

    def _choose_move(
        self,
        conf: list[tuple[int, int]],
        small: bool,
        it: int,
        tabu: dict[tuple[int, int, int], int],
        gcur: float,
        gbest: float,
    ) -> list:
        """``[guided delta, (r, p, x, B), ties]`` of the move to make (move None: no legal
        move).  Small rounds: the best move of every conflicted person.  Big ones: the first
        improving move of up to three conflicted people picked at random, else the best."""
        state: list = [None, None, 0]
        if small:
            for r, p in conf:
                self._scan(r, p, it, tabu, gcur, gbest, state, first=False)
        else:
            for _ in range(3):
                r, p = conf[self.rng.randrange(len(conf))]
                if self._scan(r, p, it, tabu, gcur, gbest, state, first=True):
                    break
        return state

    def _make_move(
        self,
        move: tuple[int, int, int, int],
        guided_delta: float,
        it: int,
        tabu: dict[tuple[int, int, int], int],
    ) -> float:
        """Swap ``p`` with ``x`` (or move ``p`` to ``B`` when ``x`` is -1), forbid moving them
        back for a few iterations, and return the change in the user's cost."""
        r, p, x, B = move
        d = guided_delta if self.gtab is self.P.tables else self.true_delta(r, p, x, B)
        tof = self.team_of[r]
        tenure = 3 + self.rng.randrange(8)
        tabu[(r, p, tof[p])] = it + tenure
        if x >= 0:
            tabu[(r, x, tof[x])] = it + tenure
            self.apply_swap(r, p, x)
        else:
            self.apply_move(r, p, B)
        return d

    def _restart(self, best_snap: list[list[int]], rounds: list[int]) -> None:
        """Back to the best plan, shaken by a few random swaps so the search goes elsewhere."""
        rng = self.rng
        self.restore(best_snap, rounds)
        for _ in range(2 + rng.randrange(3)):
            r2 = rounds[rng.randrange(len(rounds))]
            mv = self.movable_list[r2]
            if len(mv) < 2:
                continue
            p, x = rng.sample(mv, 2)
            if self.team_of[r2][p] != self.team_of[r2][x]:
                if self.swap_delta(r2, p, x) is not None:
                    self.apply_swap(r2, p, x)

    # ---------------------------------------------------------------- driver

    def run(self) -> Assignment:
        """Plan every round; the number of evaluated moves allowed grows with ``effort``."""
        effort = max(0.05, self.P.problem.effort)
        if self.rotate:
            self._run_rotate(effort)
        else:
            self._run_keep(effort)
        if self.progress is not None:
            self.progress(1.0)
        return self.assignment()

    def _run_rotate(self, effort: float) -> None:
        """Round by round: each round is built (and on bigger rosters improved) knowing who
        met before; then a design replaces the rounds if it is better; then all rounds are
        improved together with what is left of the budget."""
        R = self.R
        all_rounds = list(range(R))
        n_mov = max(len(m) for m in self.movable_list)
        self.budget = int(effort * self._rotate_budget(n_mov))
        for r in all_rounds:
            self.construct_round(r)
            self.tick()
            if n_mov > 40:
                self.search([r], self.budget // (2 * R))
        self._try_designs()
        self.search(all_rounds, max(self.budget // 2, self.budget - self.evals))

    def _rotate_budget(self, n_mov: int) -> int:
        """Evaluations allowed at effort 1: about the same time for every roster size, with
        more for rosters of 40 to 100, where balance and new partners are tightest."""
        if n_mov <= 40:
            return 300_000
        if n_mov <= 100:
            return 48_000_000 // n_mov
        return max(80_000, 24_000_000 // self.n)

    def _try_designs(self) -> None:
        """Replace the greedy rounds by a design for all rounds, else by one for all but the
        last (built greedily after it), and keep it only if it costs less."""
        R = self.R
        all_rounds = list(range(R))
        greedy_cost = self.total_cost()
        greedy_snap = self.snapshot()
        if self.seed_design(all_rounds):
            if self.total_cost() >= greedy_cost:
                self.restore(greedy_snap, all_rounds)
        elif R > 1 and self.seed_design(all_rounds[:-1]):
            self.construct_round(R - 1)
            if self.total_cost() >= greedy_cost:
                self.restore(greedy_snap, all_rounds)

    def _run_keep(self, effort: float) -> None:
        """Each round is built and improved in turn, preferring everybody's earlier team."""
        R = self.R
        self.budget = int(effort * 60_000) * R
        for r in range(R):
            if r > 0:
                self._prefer_previous_teams(r)
            self.construct_round(r)
            self.search([r], self.budget // R)

    def _prefer_previous_teams(self, r: int) -> None:
        """Keep mode: the team each person had in their latest round before ``r`` (if round
        ``r`` has that team) is where staying costs nothing."""
        n = self.n
        pref = self.prefer[r]
        prev_team = [-1] * n
        for r0 in range(r):
            for i, t in enumerate(self.team_of[r0]):
                if t >= 0:
                    prev_team[i] = t
        k = len(self.P.team_ids[r])
        for i in range(n):
            t = prev_team[i]
            pref[i] = t if 0 <= t < k else -1

    def after_cancel(self) -> Assignment:
        """The best plan found when a cancel stopped the search, with any round not built yet
        completed greedily (construct_round never polls cancel), in keep mode from the teams
        of the rounds before it."""
        for r in range(self.R):
            if sum(len(m) for m in self.members[r]) != len(self.P.pres_list[r]):
                if not self.rotate and r > 0:
                    self._prefer_previous_teams(r)
                self.construct_round(r)
        return self.assignment()

    def assignment(self) -> Assignment:
        """The current teams by id, each team's people in roster order."""
        P = self.P
        return {
            P.round_ids[r]: {
                tid: sorted((P.ids[i] for i in self.members[r][t]), key=P.index.__getitem__)
                for t, tid in enumerate(P.team_ids[r])
            }
            for r in range(self.R)
        }
