"""The search: build every round's teams, then improve them by swaps, moves and exchanges.

Rotate mode builds the rounds one at a time (greedy placement, then a short improvement of
that round knowing who met in earlier rounds), tries the combinatorial designs of
:mod:`.designs` when the problem is a pure rotation, then improves all rounds together.  Keep
mode builds each round from the teams of the round before.

The improvement is a focused annealing: most steps take a person (or keep-together group)
who takes part in a cost of their team, pick the team among a few where they would fit best,
and try every exchange with that team's members; the best one is made if it lowers the cost,
or with the Metropolis probability ``exp(-delta / T)`` if it raises it, the temperature
``T`` falling geometrically over the budget.  The best plan seen is kept.  A small roster
is planned from a few independent starts (the best is kept and improved further), as one
annealing there ends on plans whose costs spread widely.

The plan is finished by a steepest descent (every single swap or move) and by two-swap
repairs of the teams that still cost: a swap that gives somebody the mate they need (a
speaker of their language, another of their minority category, one of a category the team
is short of), even if it costs on its own, followed by the best swap of the person it
displaced; and the best exchange of a keep-together group.  People who cannot move (pinned,
or kept together) are helped by bringing their mates to them.

The budget is a count of evaluated moves, so the plan depends only on the seed.  A caller
may add a wall-clock limit (``Problem.time_limit``): on a machine too busy to finish the count
in time the search then cools faster and stops at the limit with the best plan found.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Callable

from facilitator.domain.teams.designs import design_rounds
from facilitator.domain.teams.model import Assignment, InfeasibleProblem
from facilitator.domain.teams.prepare import Prepared
from facilitator.domain.teams.state import PlanState

__all__ = ["Cancelled", "Engine"]


class Cancelled(Exception):
    """Raised inside the search when ``cancel`` returns True; :func:`plan` catches it."""


class Engine(PlanState):
    """Builds every round and improves the plan by a focused annealing.

    ``progress`` is told the share of the budget used; ``cancel`` is polled often and stops
    the search by raising :class:`Cancelled` (the best plan found is restored first).
    """

    #: the annealing's first and last temperature, as shares of the balance weight
    T0 = 0.3
    T1 = 0.03
    #: the first temperature when teams hold more people than there are teams in a round:
    #: repeats are then unavoidable and nearly every swap trades one, so the search must start
    #: hot enough to accept a repeat for a better mix
    T0_CROWDED = 1.0
    #: the first share of each annealing during which repeats count less, growing from
    #: RAMP0 of their weight to all of it, so that early on a round can be rebuilt around a
    #: better mix even if that briefly costs a repeat (the best plan is still judged by the
    #: real weights)
    RAMP = 0.3
    RAMP0 = 0.3
    #: share of steps that move a keep-together group, per share of the movable people who
    #: are in one (capped at GROUPS_MAX): a lone pair in a big roster needs few steps
    GROUPS = 2.0
    GROUPS_MAX = 0.4
    #: share of the other steps that start from a person whose leaving could lower a cost
    FOCUS = 0.9
    #: share of those that pull into the person's team somebody it needs instead
    PULL = 0.3
    #: annealings of all rounds one after the other, each from the best plan of the last
    #: (three shorter ones end on better plans than one long one)
    CYCLES = 3
    #: share of uphill swaps followed by a second swap that may pay for the first
    CHAIN = 0.3
    #: teams compared by the cost of joining them before the best one is tried
    TARGETS = 3
    #: share of the budget spent on each round alone as it is built (rotate mode)
    PER_ROUND = 0.25
    #: share of the budget kept for the final steepest descent (polish)
    POLISH = 0.03
    #: teams (at most) a person is compared into when a round is first built
    CANDIDATES = 16
    #: independent starts: STARTS_N / people, at most STARTS_MAX (see :meth:`starts`)
    STARTS_N = 60
    STARTS_MAX = 6
    #: share of the budget the starts use when there are several (the rest improves the best)
    START_SHARE = 0.7
    #: the first temperature of the annealing of a finished plan, as a share of T0
    COOL = 0.5
    #: first swaps of a two-swap repair that are followed up (see :meth:`rescue`)
    RESCUE_FIRSTS = 8
    #: share of the budget kept for the repairs (at most; they stop when none helps)
    RESCUE = 0.05
    #: choices of the people a keep-together group is exchanged with, per team, in a repair
    GROUP_CHOICES = 20
    #: choices of those people an annealing step compares (the best is tried)
    GROUP_STEP_CHOICES = 3

    def __init__(
        self,
        prep: Prepared,
        progress: Callable[[float], None] | None,
        cancel: Callable[[], bool] | None,
        started: float | None = None,
    ):
        super().__init__(prep)
        self.rng = random.Random(prep.problem.seed)
        self.progress = progress
        self.cancel = cancel
        self.budget = 1
        self._last_progress = -1.0
        # the wall-clock limit counts from ``started`` (time.perf_counter), e.g. plan()'s start
        self.start = time.perf_counter() if started is None else started
        limit = prep.problem.time_limit
        self.limit = math.inf if limit is None else limit
        # r -> language -> present speakers; r -> flat category -> present people of it, and
        # whether being its only member in a team costs (a minority category)
        self.fband = [
            [band for a in range(self.nattr) for band in prep.bands[r][a]] for r in range(self.R)
        ]
        self.speakers: list[list[list[int]]] = []
        self.kind: list[list[list[int]]] = []
        self.lonely: list[list[bool]] = []
        tab = self.tab
        for r in range(self.R):
            sp: list[list[int]] = [[] for _ in range(self.nlang)]
            kind: list[list[int]] = [[] for _ in range(self.nflat)]
            for i in prep.pres_list[r]:
                for lang in prep.langs[i]:
                    sp[lang].append(i)
                for f in self.fcat[i]:
                    kind[f].append(i)
            self.speakers.append(sp)
            self.kind.append(kind)
            self.lonely.append(
                [
                    len(kind[f]) > 1 and tab[r][f][1] > max(tab[r][f][0], tab[r][f][2])
                    for f in range(self.nflat)
                ]
            )

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
            teams = range(k) if k <= self.CANDIDATES else rng.sample(range(k), self.CANDIDATES)
            for t in teams:
                if not self.can_take(r, t, 1):
                    continue
                cnt = self.cnt[r][t]
                spread = sum(cnt[self.fcat_of(a, c)] * w for a, c, w in mine)
                key = (self.insert_delta(r, i, t), spread, len(self.members[r][t]), rng.random())
                if best_key is None or key < best_key:
                    best_t, best_key = t, key
            if best_t < 0:  # every sampled team is full
                best_t = next(t for t in range(k) if self.can_take(r, t, 1))
            self.add(r, i, best_t)

    def fcat_of(self, a: int, c: int) -> int:
        """The flat number of category ``c`` of attribute ``a``."""
        return self.offsets[a] + c

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

    # ---------------------------------------------------------------- budget

    def tick(self) -> None:
        """Poll ``cancel`` and report progress (at most every 1% of the budget)."""
        if self.cancel is not None and self.cancel():
            raise Cancelled
        if self.progress is not None:
            frac = min(1.0, self.evals / self.budget)
            if frac - self._last_progress >= 0.01:
                self._last_progress = frac
                self.progress(frac)

    def elapsed_share(self) -> float:
        """Share of the wall-clock limit used so far."""
        if self.limit == math.inf:
            return 0.0
        return (time.perf_counter() - self.start) / self.limit if self.limit > 0 else 1.0

    # ---------------------------------------------------------------- search

    def conflicted(self, r: int) -> list[int]:
        """Movable people of round ``r`` whose leaving could lower a cost of their team: the
        members of a category above its band, alone of their minority category or language,
        sharing an organisation or a repeated pair, or not in their earlier team (keep mode),
        and every member of a team short of a category (somebody has to make room).  The
        search starts its moves from these, as moving anybody else cannot remove a cost."""
        out: list[int] = []
        mv = self.movable[r]
        tcost = self.tcost[r]
        pref = self.prefer[r]
        tab = self.tab[r]
        fband = self.fband[r]
        fcat = self.fcat
        lm = self.lmask
        org = self.P.org
        block = self.P.block_of
        M, n = self.M, self.n
        for t, mem in enumerate(self.members[r]):
            cands = [x for x in mem if mv[x]]
            if not cands:
                continue
            bad: set[int] = set()
            if tcost[t] > 1e-9:
                cnt = self.cnt[r][t]
                short = False
                for x in cands:
                    for f in fcat[x]:
                        v = cnt[f]
                        if tab[f][v] > 0 and v >= fband[f][0]:
                            bad.add(x)  # above the band, or alone of a minority
                            break
                for f, v in enumerate(cnt):
                    if v < fband[f][0]:
                        short = True
                        break
                if short:
                    out.extend(cands)
                    continue
                orgc = self.orgc[r][t]
                sh = self.shared[r][t]
                for x in cands:
                    o = org[x]
                    if (o >= 0 and orgc[o] > 1) or (lm[x] and not lm[x] & sh):
                        bad.add(x)
                if len(cands) < len(mem) and self._stuck(r, t) >= 0:
                    out.extend(cands)  # somebody has to make room for their mate
                    continue
            if M is not None:
                for ai, x in enumerate(mem):
                    b = x * n
                    for y in mem[ai + 1 :]:
                        if M[b + y] > 1 and block[y] != block[x]:
                            bad.add(x)
                            bad.add(y)
            if self.ws:
                bad.update(x for x in cands if pref[x] >= 0 and pref[x] != t)
            out.extend(x for x in cands if x in bad)
        return out

    def _has_repeat(self, mem: list[int]) -> bool:
        """Whether two members met before, not counting a keep-together group (whose
        members meet every round whatever the search does)."""
        M, n = self.M, self.n
        if M is None:
            return False
        block = self.P.block_of
        for ai, x in enumerate(mem):
            b = x * n
            bx = block[x]
            for y in mem[ai + 1 :]:
                if M[b + y] > 1 and block[y] != bx:
                    return True
        return False

    def improve(self, rounds: list[int], budget: int, cool: bool = False) -> None:
        """Focused annealing of ``rounds`` for ``budget`` evaluations (see the module
        docstring); ends on the best plan seen.  ``cool`` starts it at ``COOL`` times the
        usual first temperature, to refine a good plan rather than rebuild it."""
        rng = self.rng
        w = self.w
        base = w.balance or max(w.minority, w.organisation, w.language, w.repeat, 1.0)
        crowded = any(self.P.q[r] >= len(self.members[r]) for r in rounds)
        t0 = (self.T0_CROWDED if crowded and self.M is not None else self.T0) * base
        if cool:
            t0 = max(t0 * self.COOL, self.T1 * base * 1.01)
        t1 = self.T1 * base
        log_ratio = math.log(t1 / t0)
        cur = self.total_cost()
        best = cur
        best_snap = self.snapshot()
        # a round of one team has nothing to exchange
        rounds = [r for r in rounds if len(self.members[r]) > 1]
        singles = [(r, p) for r in rounds for p in self.movable_list[r]]
        groups = [(r, g) for r in rounds for g in range(len(self.groups[r]))]
        if (not singles and not groups) or budget <= 0:
            return
        grouped = sum(len(self.groups[r][g]) for r, g in groups)
        group_share = min(self.GROUPS_MAX, self.GROUPS * grouped / (grouped + len(singles)))
        conf: list[tuple[int, int]] = []
        start_evals = self.evals
        start_share = self.elapsed_share()
        temp = t0
        it = 0
        ramping = self.RAMP > 0 and self.M is not None
        try:
            while True:
                it += 1
                if it % 64 == 1:
                    self.tick()
                    used = (self.evals - start_evals) / budget
                    share = self.elapsed_share()
                    if start_share < 1.0:
                        used = max(used, (share - start_share) / (1.0 - start_share))
                    if used >= 1.0 or share >= 1.0:
                        break
                    if ramping:
                        if used >= self.RAMP:
                            ramping = False
                            self.gwr = self.wr
                            cur = self.total_cost()
                            if cur < best - 1e-9:
                                best = cur
                                best_snap = self.snapshot()
                        else:
                            self.gwr = self.wr * (self.RAMP0 + (1 - self.RAMP0) * used / self.RAMP)
                    temp = t0 * math.exp(log_ratio * used)
                if it % 512 == 1:
                    conf = [(r, p) for r in rounds for p in self.conflicted(r)]
                    if not conf and cur <= 1e-9:
                        break
                tried = self.evals
                if groups and (not singles or rng.random() < group_share):
                    r, g = groups[int(rng.random() * len(groups))]
                    d = self._group_step(r, self.groups[r][g], temp)
                else:
                    if conf and rng.random() < self.FOCUS:
                        r, p = conf[int(rng.random() * len(conf))]
                    else:
                        r, p = singles[int(rng.random() * len(singles))]
                    d = self._single_step(r, p, temp)
                if d is None:
                    if self.evals == tried:  # nothing to try still spends the budget
                        self.evals += 1
                    continue
                cur += d
                if ramping:
                    # cur weighs repeats less: judge the plan by its real cost
                    real = self.rotate_cost()
                    if real < best - 1e-9:
                        best = real
                        best_snap = self.snapshot()
                elif cur < best - 1e-9:
                    best = cur
                    best_snap = self.snapshot()
        finally:
            if ramping:
                self.gwr = self.wr
                cur = self.total_cost()
            if cur > best + 1e-9:  # also on a cancel: the best plan found, not the last
                self.restore(best_snap, rounds)

    def polish(self, rounds: list[int], budget: int) -> None:
        """Steepest descent to a plan no single swap or move improves: every person in a team
        with a cost tries every other movable person of the round (the annealing only tries a
        few teams per step, and can end next to an improvement it never tried)."""
        start = self.evals
        rng = self.rng
        improved = True
        while improved and self.evals - start < budget:
            improved = False
            conf = [(r, p) for r in rounds for p in self.conflicted(r)]
            rng.shuffle(conf)
            for r, p in conf:
                if self.evals - start >= budget or self.elapsed_share() >= 1.0:
                    return
                self.tick()
                if self._best_swap_anywhere(r, p):
                    improved = True

    def _best_swap_anywhere(self, r: int, p: int) -> bool:
        """Make the best improving swap or move of ``p`` in round ``r``, if there is one."""
        d, x, B = self._best_anywhere(r, p)
        if d >= -1e-9:
            return False
        self._make(r, p, x, B)
        return True

    def _best_anywhere(self, r: int, p: int) -> tuple[float, int, int]:
        """The cheapest swap or move of ``p`` in round ``r`` over every other team:
        ``(delta, x, B)`` (``x`` -1 for a move to ``B``); ``(inf, -1, -1)`` if none is legal."""
        A = self.team_of[r][p]
        best_d, best_x, best_B = math.inf, -1, -1
        for B in range(len(self.members[r])):
            if B == A:
                continue
            for x, d in self.swaps_into(r, p, B):
                if d < best_d:
                    best_d, best_x, best_B = d, x, B
        q = self.P.q[r]
        if self.P.rem[r] and len(self.members[r][A]) == q + 1:
            for B, mem in enumerate(self.members[r]):
                if len(mem) == q:
                    d = self.move_delta(r, p, B)
                    if d is not None and d < best_d:
                        best_d, best_x, best_B = d, -1, B
        return best_d, best_x, best_B

    def rescue(self, rounds: list[int], budget: int) -> bool:
        """Two-swap repairs of the teams that cost, within ``budget`` evaluations; True if
        one was made.  For a team, every swap that could end one of its costs is priced: one
        of its members who takes part in a cost goes to any other team, or somebody it needs
        (a mate for a member alone with their language or minority category, one of a
        category it is short of) comes in; the cheapest few are each followed by the best
        swap of the person they displaced, and the best pair is made if it lowers the cost.
        The annealing finds such pairs only by chance, as the first swap alone usually costs
        (a repeat, a balance band), and the polish never, as it makes one swap at a time.
        A keep-together group in a team that costs is exchanged with the best people of the
        best team, if that lowers the cost."""
        start = self.evals
        improved = False
        rng = self.rng
        for r in rounds:
            for group in self.groups[r]:
                A = self.team_of[r][group[0]]
                if self.tcost[r][A] > 1e-9 or self._has_repeat(self.members[r][A]):
                    if self.evals - start >= budget or self.elapsed_share() >= 1.0:
                        return improved
                    self.tick()
                    if self._best_group_exchange(r, group):
                        improved = True
        for r in rounds:
            k = len(self.members[r])
            if k < 2:
                continue
            bad: dict[int, list[int]] = {}
            for p in self.conflicted(r):
                bad.setdefault(self.team_of[r][p], []).append(p)
            teams = [t for t in range(k) if self.tcost[r][t] > 1e-9 or t in bad]
            rng.shuffle(teams)
            for A in teams:
                if self.evals - start >= budget or self.elapsed_share() >= 1.0:
                    return improved
                self.tick()
                if self._repair(r, A, bad.get(A, [])):
                    improved = True
        return improved

    def _needed(self, r: int, A: int) -> list[int]:
        """Movable people of other teams whom team ``A`` needs: the other speakers of a
        member's language when the member shares none with the team, the other members of a
        minority category somebody is alone with, the people of a category it is short of."""
        mv = self.movable[r]
        tof = self.team_of[r]
        lm = self.lmask
        sh = self.shared[r][A]
        cnt = self.cnt[r][A]
        lonely = self.lonely[r]
        fband = self.fband[r]
        kinds: set[int] = {f for f, v in enumerate(cnt) if v < fband[f][0]}
        langs: set[int] = set()
        for x in self.members[r][A]:
            if lm[x] and self.wl and not lm[x] & sh:
                langs.update(self.P.langs[x])
            if self.w.minority:
                kinds.update(f for f in self.fcat[x] if lonely[f] and cnt[f] == 1)
        pool: dict[int, None] = {}
        for lang in sorted(langs):
            pool.update(dict.fromkeys(self.speakers[r][lang]))
        for f in sorted(kinds):
            pool.update(dict.fromkeys(self.kind[r][f]))
        return [y for y in pool if mv[y] and tof[y] != A]

    def _repair(self, r: int, A: int, bad: list[int]) -> bool:
        """The best two-swap repair of team ``A`` (see :meth:`rescue`), made if it helps."""
        k = len(self.members[r])
        firsts: list[tuple[float, int, int]] = []
        for p in bad:
            for B in range(k):
                if B != A:
                    firsts.extend((d, p, x) for x, d in self.swaps_into(r, p, B))
        for y in self._needed(r, A):
            firsts.extend((d, y, z) for z, d in self.swaps_into(r, y, A))
        if not firsts:
            return False
        firsts.sort()
        best_d, best = -1e-9, None
        for d1, a, b in firsts[: self.RESCUE_FIRSTS]:
            if d1 < best_d:
                best_d, best = d1, (a, b, -1, -1, -1)
            self.apply_swap(r, a, b)
            d2, x, B = self._best_anywhere(r, b)
            self.apply_swap(r, a, b)
            if d1 + d2 < best_d:
                best_d, best = d1 + d2, (a, b, b, x, B)
        if best is None:
            return False
        a, b, m, x, B = best
        self.apply_swap(r, a, b)
        if m >= 0:
            self._make(r, m, x, B)
        return True

    def _best_group_exchange(self, r: int, group: list[int]) -> bool:
        """Exchange a keep-together group with the best as many movable people of the best
        other team (every choice of them, up to ``GROUP_CHOICES`` per team), if that lowers
        the cost."""
        A = self.team_of[r][group[0]]
        mv = self.movable[r]
        best_d, best = -1e-9, None
        for B, mem in enumerate(self.members[r]):
            if B == A:
                continue
            pool = [x for x in mem if mv[x]]
            if len(pool) < len(group):
                continue
            for i, others in enumerate(itertools.combinations(pool, len(group))):
                if i >= self.GROUP_CHOICES:
                    break
                d = self.exchange_delta(r, group, list(others))
                if d is not None and d < best_d:
                    best_d, best = d, list(others)
        if best is None:
            return False
        self.apply_exchange(r, group, best)
        return True

    def _accept(self, d: float, temp: float) -> bool:
        return d <= 1e-9 or self.rng.random() < math.exp(-d / temp)

    def _target_team(self, r: int, p: int, A: int) -> int:
        """A team for ``p`` to go to: the cheapest to join among a few picked at random and,
        when ``p`` is alone in their team with their language or minority category, the team
        of somebody who would not leave them alone."""
        k = len(self.members[r])
        rng = self.rng
        tof = self.team_of[r]
        cands = []
        for _ in range(min(self.TARGETS, k - 1)):
            B = int(rng.random() * (k - 1))
            cands.append(B + (B >= A))
        mate = self._mate(r, p, A)
        if mate >= 0 and tof[mate] != A:
            cands.append(tof[mate])
        best_t, best_d = -1, 0.0
        for B in cands:
            d = self.insert_delta(r, p, B)
            self.evals += 1
            if best_t < 0 or d < best_d:
                best_t, best_d = B, d
        return best_t

    def _wanted(self, r: int, p: int, A: int) -> int:
        """Somebody movable from another team whom team ``A`` needs: a speaker of ``p``'s
        language or one of ``p``'s minority category (when ``p`` is alone with it), else the
        same for a member who cannot move, else one of a category the team is short of; -1
        if none was found."""
        mv = self.movable[r]
        tof = self.team_of[r]
        y = self._mate(r, p, A)
        if y < 0:
            s = self._stuck(r, A)
            if s >= 0:
                y = self._mate(r, s, A)
        if y < 0:
            cnt = self.cnt[r][A]
            fband = self.fband[r]
            short = [f for f, v in enumerate(cnt) if v < fband[f][0]]
            if not short:
                return -1
            pool = self.kind[r][short[int(self.rng.random() * len(short))]]
            y = pool[int(self.rng.random() * len(pool))]
        return y if mv[y] and tof[y] != A else -1

    def _stuck(self, r: int, t: int) -> int:
        """A member of team ``t`` who cannot move (pinned, or in a keep-together group) and
        is alone with their language or minority category, or -1: only a mate joining the
        team can help them."""
        mv = self.movable[r]
        lm = self.lmask
        sh = self.shared[r][t]
        cnt = self.cnt[r][t]
        lonely = self.lonely[r]
        minority = self.w.minority
        for x in self.members[r][t]:
            if mv[x]:
                continue
            if lm[x] and self.wl and not lm[x] & sh:
                return x
            if minority:
                for f in self.fcat[x]:
                    if lonely[f] and cnt[f] == 1:
                        return x
        return -1

    def _mate(self, r: int, p: int, A: int) -> int:
        """Somebody present in round ``r`` who shares a working language with ``p`` when
        ``p`` shares none with team ``A``, else somebody of ``p``'s minority category when
        ``p`` is its only member in ``A``; -1 if neither applies."""
        rng = self.rng
        lm = self.lmask[p]
        if lm and self.wl and not lm & self.shared[r][A]:
            langs = self.P.langs[p]
            pool = self.speakers[r][langs[int(rng.random() * len(langs))]]
            if len(pool) > 1:
                return pool[int(rng.random() * len(pool))]
        if self.w.minority:
            cnt = self.cnt[r][A]
            for f in self.fcat[p]:
                if self.lonely[r][f] and cnt[f] == 1:
                    pool = self.kind[r][f]
                    return pool[int(rng.random() * len(pool))]
        return -1

    def _single_step(self, r: int, p: int, temp: float) -> float | None:
        """Try every swap of ``p`` with a movable member of one target team (and the move of
        ``p`` there when sizes allow) and make the best if accepted; or (``PULL``) bring into
        ``p``'s team, the same way, somebody it needs.  Returns the change in cost, None if
        nothing changed."""
        tof = self.team_of[r]
        A = tof[p]
        if len(self.members[r]) < 2:
            return None
        if self.PULL and self.rng.random() < self.PULL:
            y = self._wanted(r, p, A)
            if y >= 0:
                d, z = self._best_into(r, y, A)
                if d is None or not self._accept(d, temp):
                    return None
                self._make(r, y, z, A)
                return d
        B = self._target_team(r, p, A)
        d, x = self._best_into(r, p, B)
        if d is None:
            return None
        if d > 1e-9 and x >= 0 and self.rng.random() < self.CHAIN:
            return self._chain(r, p, x, d, temp)
        if not self._accept(d, temp):
            return None
        self._make(r, p, x, B)
        return d

    def _chain(self, r: int, p: int, x: int, d: float, temp: float) -> float | None:
        """The swap of ``p`` and ``x`` costs ``d`` (often a repeat it creates): make it, then
        the best swap of ``x`` (now in ``p``'s old team) or of another member of ``p``'s new
        team into a third team, and keep both if they are accepted together.  This is how a
        woman alone in her team joins two others when each way in costs a repeat at first."""
        rng = self.rng
        self.apply_swap(r, p, x)
        B = self.team_of[r][p]
        mv = self.movable[r]
        if rng.random() < 0.5:
            m = x
        else:
            pool = [y for y in self.members[r][B] if y != p and mv[y]]
            m = pool[int(rng.random() * len(pool))] if pool else x
        C = self._target_team(r, m, self.team_of[r][m])
        d2, z = (None, -1) if C == B else self._best_into(r, m, C)
        if d2 is None or not self._accept(d + d2, temp):
            self.apply_swap(r, p, x)
            return None
        self._make(r, m, z, C)
        return d + d2

    def _best_into(self, r: int, p: int, B: int) -> tuple[float | None, int]:
        """The cheapest way for ``p`` into team ``B``: ``(delta, x)`` for a swap with ``x``,
        ``(delta, -1)`` for a move, ``(None, -1)`` when nothing is legal."""
        tof = self.team_of[r]
        A = tof[p]
        best_d, best_x = None, -1
        ties = 0
        rng = self.rng
        for x, d in self.swaps_into(r, p, B):
            if best_d is None or d < best_d - 1e-9:
                best_d, best_x, ties = d, x, 1
            elif d < best_d + 1e-9:
                ties += 1
                if int(rng.random() * ties) == 0:
                    best_x = x
        q = self.P.q[r]
        if self.P.rem[r] and len(self.members[r][A]) == q + 1 and len(self.members[r][B]) == q:
            d = self.move_delta(r, p, B)
            if d is not None and (best_d is None or d < best_d - 1e-9):
                best_d, best_x = d, -1
        return best_d, best_x

    def _make(self, r: int, p: int, x: int, B: int) -> None:
        if x >= 0:
            self.apply_swap(r, p, x)
        else:
            self.apply_move(r, p, B)

    def _group_step(self, r: int, group: list[int], temp: float) -> float | None:
        """Exchange a keep-together group with as many movable people of another team: the
        best of up to ``GROUP_STEP_CHOICES`` choices of them (combinations in roster-order
        of the team; the pool is shuffled first so that every choice has a chance)."""
        rng = self.rng
        k = len(self.members[r])
        if k < 2:
            return None
        A = self.team_of[r][group[0]]
        B = int(rng.random() * (k - 1))
        B += B >= A
        mv = self.movable[r]
        pool = [x for x in self.members[r][B] if mv[x]]
        if len(pool) < len(group):
            return None
        rng.shuffle(pool)
        d, others = None, []
        for i, choice in enumerate(itertools.combinations(pool, len(group))):
            if i >= self.GROUP_STEP_CHOICES:
                break
            e = self.exchange_delta(r, group, list(choice))
            if e is not None and (d is None or e < d):
                d, others = e, list(choice)
        if d is None or not self._accept(d, temp):
            return None
        self.apply_exchange(r, group, others)
        return d

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

    def base_budget(self) -> int:
        """Evaluations allowed at effort 1: about 1.3 s of one core of the development machine
        (1.8 s when it is shared) for every roster size up to 300 people (a move costs more in
        bigger teams of bigger rosters)."""
        return max(260_000, 520_000 - 650 * self.n)

    def starts(self) -> int:
        """Independent starts for a roster of this size: on a small roster one annealing ends
        on plans whose costs spread widely (the budget is more than one descent needs), so
        the best of a few shorter ones beats one long one; a big roster needs all of the
        budget for one."""
        return max(1, min(self.STARTS_MAX, int(self.STARTS_N / max(1, self.n))))

    def _run_rotate(self, effort: float) -> None:
        """Build and improve the plan from ``starts`` independent beginnings and keep the
        best (then improve it further with the rest of the budget); polish and repair it
        (:meth:`finish`).  What the repairs leave of their share of the budget goes to a
        cooler annealing of the result and a second finish.

        Each start builds the rounds one at a time, each briefly improved knowing who met
        before; a design replaces the rounds if it is better; then all rounds are improved
        together."""
        all_rounds = list(range(self.R))
        self.budget = int(effort * self.base_budget())
        starts = self.starts()
        main = int(self.budget * (1 - self.POLISH - self.RESCUE))
        search = main * (self.START_SHARE if starts > 1 else 1.0)
        best, best_snap = math.inf, None
        try:
            for s in range(starts):
                if s and self.elapsed_share() >= 1.0:
                    break
                self._one_start(all_rounds, int(search * (s + 1) / starts), int(search / starts))
                cost = self.total_cost()
                if cost < best - 1e-9:
                    best, best_snap = cost, self.snapshot()
        except Cancelled:
            # a later start was interrupted (its annealing has restored its best plan, maybe
            # with rounds not built yet): the better of that and the best earlier start
            if best_snap is not None and (not self._built() or self.total_cost() > best):
                self.restore(best_snap, all_rounds)
            raise
        if best_snap is not None and self.total_cost() > best + 1e-9:
            self.restore(best_snap, all_rounds)
        if main - self.evals > 0:
            self.improve(all_rounds, main - self.evals, cool=True)
        self.finish(all_rounds, self.budget - self.evals)
        left = self.budget - self.evals
        if left > self.budget * self.POLISH:
            self.improve(all_rounds, left - int(self.budget * self.POLISH), cool=True)
            self.finish(all_rounds, self.budget - self.evals)

    def _one_start(self, all_rounds: list[int], end: int, size: int) -> None:
        """One start: every round rebuilt from nothing (and improved alone), designs tried,
        then all rounds improved together in ``CYCLES`` annealings until ``end`` evaluations
        in all (``size`` is this start's share of the budget)."""
        R = self.R
        for r in all_rounds:
            self.clear_round(r)
        for r in all_rounds:
            self.construct_round(r)
            self.tick()
            self.improve([r], int(size * self.PER_ROUND) // R)
        self._try_designs()
        left = end - self.evals
        cycles = max(1, int(self.CYCLES))
        for _ in range(cycles):
            self.improve(all_rounds, left // cycles)

    def finish(self, rounds: list[int], budget: int) -> None:
        """Polish, then two-swap repairs and polish again while the repairs find something,
        within ``budget`` evaluations."""
        end = self.evals + budget
        self.polish(rounds, end - self.evals)
        while self.evals < end and self.rescue(rounds, end - self.evals):
            self.polish(rounds, end - self.evals)

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
        self.budget = int(effort * self.base_budget())
        for r in range(R):
            if r > 0:
                self._prefer_previous_teams(r)
            self.construct_round(r)
            self.improve([r], int(self.budget * (1 - self.POLISH)) // R)
            self.polish([r], self.budget * (r + 1) // R - self.evals)

    def _prefer_previous_teams(self, r: int) -> None:
        """Keep mode: the team each person had in their latest round before ``r`` is where
        staying costs nothing (-2 when round ``r`` has no team of that name)."""
        P = self.P
        pref = self.prefer[r]
        for i in range(self.n):
            prev = -1
            for r0 in range(r - 1, -1, -1):
                if self.team_of[r0][i] >= 0:
                    prev = r0
                    break
            if prev < 0:
                pref[i] = -1
                continue
            tid = P.team_ids[prev][self.team_of[prev][i]]
            pref[i] = P.tpos[r].get(tid, -2)

    def _built(self) -> bool:
        """Whether every round holds everybody present in it."""
        P = self.P
        return all(
            sum(len(m) for m in self.members[r]) == len(P.pres_list[r]) for r in range(self.R)
        )

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
