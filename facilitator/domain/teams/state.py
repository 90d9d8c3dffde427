"""The plan being improved, and what a change to it would cost.

:class:`PlanState` keeps the teams of every round with per-team counts (categories,
organisations, languages) and the pair counts across rounds, so that the cost of a swap or a
move is a handful of table look-ups (``swap_delta``, ``move_delta``) instead of a rescoring.
It also holds the search's own weights, which ``penalise`` raises on what the plan keeps
breaking (guided local search); ``true_delta`` and ``total_cost`` give the user's.
:class:`~facilitator.domain.teams.search.Engine` builds and searches on top of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.domain.teams.prepare import Prepared

__all__ = ["PlanState"]


class PlanState:
    """The plan being improved, with everything a move's cost needs kept up to date.

    ``team_of[r][i]`` is person ``i``'s team in round ``r`` (-1: absent or not placed) and
    ``members[r][t]`` the people of team ``t``.  Per team, ``cnt`` counts each category of
    each attribute, ``orgc`` each organisation, ``langc`` each language, and ``tcost`` holds
    the team's cost without repeats and stability.  ``M[i * n + j]`` counts the rounds ``i``
    and ``j`` share a team (rotate mode only).  A move's cost is a difference of table
    entries and counts (``swap_delta``, ``move_delta``), never a rescoring.
    """

    def __init__(self, prep: Prepared):
        self.P = prep
        pr = prep.problem
        self.w = pr.weights
        self.n = prep.n
        self.R = len(pr.rounds)
        self.rotate = pr.mode == "rotate"
        self.wr = self.w.repeat if self.rotate else 0.0
        self.ws = self.w.stability if not self.rotate else 0.0
        n, R = self.n, self.R
        self.nattr = len(prep.attrs)
        self.team_of = [[-1] * n for _ in range(R)]
        self.members: list[list[list[int]]] = [[] for _ in range(R)]
        self.cnt: list[list[list[list[int]]]] = [[] for _ in range(R)]  # r -> t -> a -> c
        self.orgc: list[list[dict[int, int]]] = [[] for _ in range(R)]  # r -> t -> org
        self.langc: list[list[dict[int, int]]] = [[] for _ in range(R)]  # r -> t -> language
        self.tcost: list[list[float]] = [[] for _ in range(R)]
        self.M = [0] * (n * n) if self.wr > 0 else None
        # the search's weights: the user's, raised on features the search keeps violating
        # (see penalise); costs reported and compared between plans always use the user's
        self.gtab = prep.tables
        self.gwo = self.w.organisation
        self.gwl = self.w.language
        self.gwr = self.wr
        # keep mode: r -> i -> the team i had in their latest earlier round (-1: none)
        self.prefer: list[list[int]] = [[-1] * n for _ in range(R)]
        self.big = [0] * R  # r -> number of teams holding q + 1 people
        self.pcat = [tuple(col[i] for col in prep.cat) for i in range(n)]  # i -> categories
        self.movable: list[list[bool]] = []
        self.movable_list: list[list[int]] = []
        for r in range(R):
            self._find_movable(r)
        self.evals = 0  # moves evaluated so far: the search's budget is counted in these

    def _find_movable(self, r: int) -> None:
        """The people the search may swap or move in round ``r``: present, not fixed, not in
        a keep-together group with someone else present (groups are placed only once, by
        construct_round, so a swap never splits one)."""
        prep = self.P
        mv = [False] * self.n
        for i in prep.pres_list[r]:
            if i in prep.fixed[r]:
                continue
            blk = prep.blocks[prep.block_of[i]]
            if sum(1 for j in blk if prep.present[r][j]) > 1:
                continue
            mv[i] = True
        self.movable.append(mv)
        self.movable_list.append([i for i in prep.pres_list[r] if mv[i]])

    # ---------------------------------------------------------------- state management

    def clear_round(self, r: int) -> None:
        """Empty round ``r``, taking its people's pairs out of ``M`` first, so the round can be
        rebuilt (a round not built yet is simply reset)."""
        if self.members[r]:
            for t_members in self.members[r]:
                for i in list(t_members):
                    self.remove(r, i)
        self.reset_round(r)

    def reset_round(self, r: int) -> None:
        """Empty round ``r``'s counts.  Its pairs would stay counted in ``M``: rebuild a round
        with :meth:`clear_round`, which removes its people first."""
        k = len(self.P.team_ids[r])
        P = self.P
        self.team_of[r] = [-1] * self.n
        self.members[r] = [[] for _ in range(k)]
        self.cnt[r] = [[[0] * P.ncat[a] for a in range(self.nattr)] for _ in range(k)]
        self.orgc[r] = [{} for _ in range(k)]
        self.langc[r] = [{} for _ in range(k)]
        self.tcost[r] = [0.0] * k
        self.big[r] = 0

    def add(self, r: int, i: int, t: int) -> None:
        """Put person ``i`` in team ``t`` of round ``r``, updating every count."""
        P = self.P
        self.team_of[r][i] = t
        mem = self.members[r][t]
        M = self.M
        if M is not None:
            n = self.n
            for x in mem:
                M[i * n + x] += 1
                M[x * n + i] += 1
        mem.append(i)
        if len(mem) == self.P.q[r] + 1:
            self.big[r] += 1
        cnt = self.cnt[r][t]
        for a in range(self.nattr):
            c = P.cat[a][i]
            if c >= 0:
                cnt[a][c] += 1
        o = P.org[i]
        if o >= 0:
            d = self.orgc[r][t]
            d[o] = d.get(o, 0) + 1
        lc = self.langc[r][t]
        for lang in P.langs[i]:
            lc[lang] = lc.get(lang, 0) + 1

    def remove(self, r: int, i: int) -> None:
        """Take person ``i`` out of their team in round ``r``, updating every count."""
        P = self.P
        t = self.team_of[r][i]
        self.team_of[r][i] = -1
        mem = self.members[r][t]
        if len(mem) == self.P.q[r] + 1:
            self.big[r] -= 1
        mem.remove(i)
        M = self.M
        if M is not None:
            n = self.n
            for x in mem:
                M[i * n + x] -= 1
                M[x * n + i] -= 1
        cnt = self.cnt[r][t]
        for a in range(self.nattr):
            c = P.cat[a][i]
            if c >= 0:
                cnt[a][c] -= 1
        o = P.org[i]
        if o >= 0:
            self.orgc[r][t][o] -= 1
        lc = self.langc[r][t]
        for lang in P.langs[i]:
            lc[lang] -= 1

    def lang_pen(self, mem: list[int], lc: dict[int, int]) -> int:
        """Members with working languages who share none with a teammate."""
        langs = self.P.langs
        bad = 0
        for x in mem:
            lx = langs[x]
            if lx and all(lc.get(lang, 0) < 2 for lang in lx):
                bad += 1
        return bad

    def lang_delta(
        self,
        lc: dict[int, int],
        mem: list[int],
        out: int,
        inn: int,
    ) -> int:
        """Change in stranded members when ``out`` leaves and ``inn`` joins (-1: nobody)."""
        langs = self.P.langs
        lo = langs[out] if out >= 0 else ()
        li = langs[inn] if inn >= 0 else ()
        for lang in lo:
            if lang not in li and lc.get(lang, 0) == 2:
                return self._lang_delta_slow(lc, mem, out, inn)
        for lang in li:
            if lang not in lo and lc.get(lang, 0) == 1:
                return self._lang_delta_slow(lc, mem, out, inn)
        d = 0
        if lo and all(lc.get(lang, 0) < 2 for lang in lo):
            d -= 1
        if li and all(lc.get(lang, 0) + (lang not in lo) < 2 for lang in li):
            d += 1
        return d

    def _lang_delta_slow(self, lc: dict[int, int], mem: list[int], out: int, inn: int) -> int:
        """lang_delta by recounting, for a change that can strand or rescue a third member."""
        langs = self.P.langs
        before = self.lang_pen(mem, lc)
        after_mem = [x for x in mem if x != out]
        if out >= 0:
            for lang in langs[out]:
                lc[lang] -= 1
        if inn >= 0:
            after_mem.append(inn)
            for lang in langs[inn]:
                lc[lang] = lc.get(lang, 0) + 1
        after = self.lang_pen(after_mem, lc)
        if out >= 0:
            for lang in langs[out]:
                lc[lang] += 1
        if inn >= 0:
            for lang in langs[inn]:
                lc[lang] -= 1
        return after - before

    def team_cost(self, r: int, t: int, guided: bool = False) -> float:
        """Cost of a team excluding repeats and stability (with the search's weights if
        ``guided``)."""
        tabs = self.gtab[r] if guided else self.P.tables[r]
        cnt = self.cnt[r][t]
        cost = 0.0
        for a in range(self.nattr):
            row = tabs[a]
            for c, v in enumerate(cnt[a]):
                cost += row[c][v]
        wo = self.gwo if guided else self.w.organisation
        if wo:
            for v in self.orgc[r][t].values():
                if v > 1:
                    cost += wo * v * (v - 1) / 2
        wl = self.gwl if guided else self.w.language
        if wl:
            cost += wl * self.lang_pen(self.members[r][t], self.langc[r][t])
        return cost

    def refresh_costs(self, r: int) -> None:
        """Recompute the cached team costs of round ``r`` after rebuilding it."""
        self.tcost[r] = [self.team_cost(r, t) for t in range(len(self.members[r]))]

    def total_cost(self, guided: bool = False) -> float:
        """Cost of the whole plan: the user's, or the search's raised weights if ``guided``."""
        if guided:
            total = sum(
                self.team_cost(r, t, guided=True)
                for r in range(self.R)
                for t in range(len(self.members[r]))
            )
        else:
            total = sum(sum(tc) for tc in self.tcost)
        if self.M is not None:
            M = self.M
            rep = 0
            for v in M:
                if v > 1:
                    rep += v * (v - 1) // 2
            total += (self.gwr if guided else self.wr) * rep / 2
        if self.ws:
            for r in range(self.R):
                pref = self.prefer[r]
                tof = self.team_of[r]
                for i in self.movable_list[r]:
                    if pref[i] >= 0 and tof[i] != pref[i]:
                        total += self.ws
        return total

    def true_delta(self, r: int, p: int, x: int, B: int) -> float | None:
        """Change in the user's cost of swapping ``p`` with ``x`` (or moving ``p`` to ``B``)."""
        saved = self.gtab, self.gwo, self.gwl, self.gwr
        self.gtab, self.gwo, self.gwl = self.P.tables, self.w.organisation, self.w.language
        self.gwr = self.wr
        try:
            return self.swap_delta(r, p, x) if x >= 0 else self.move_delta(r, p, B)
        finally:
            self.gtab, self.gwo, self.gwl, self.gwr = saved

    def penalise(self, rounds: list[int]) -> None:
        """Raise the search's weight on what the current plan still gets wrong.

        A balance band of one category in one round, the organisation, language or repeat
        goal: each one broken now costs more from here on, so the search leaves a local
        optimum that trades one goal against another (guided local search, or "breakout").
        """
        P = self.P
        if self.gtab is P.tables:
            self.gtab = [[[list(row) for row in rows] for rows in tabs] for tabs in P.tables]
        broken: set[tuple[int, int, int]] = set()
        org = lang = False
        for r in rounds:
            tabs = P.tables[r]
            for t, cnt in enumerate(self.cnt[r]):
                for a in range(self.nattr):
                    row = tabs[a]
                    for c, v in enumerate(cnt[a]):
                        if row[c][v] > 0:
                            broken.add((r, a, c))
                if self.w.organisation and any(v > 1 for v in self.orgc[r][t].values()):
                    org = True
                if self.w.language and self.lang_pen(self.members[r][t], self.langc[r][t]):
                    lang = True
        for r, a, c in broken:
            base = P.tables[r][a][c]
            grow = self.gtab[r][a][c]
            for v, cost in enumerate(base):
                grow[v] += cost
        if org:
            self.gwo += self.w.organisation
        if lang:
            self.gwl += self.w.language
        if self.M is not None and any(v > 1 for v in self.M):
            self.gwr += self.wr

    def snapshot(self) -> list[list[int]]:
        """Who is in which team, every round: enough to restore the plan."""
        return [list(t) for t in self.team_of]

    def restore(self, snap: list[list[int]], rounds: Iterable[int]) -> None:
        """Rebuild ``rounds`` from a snapshot."""
        for r in rounds:
            self.clear_round(r)
            for i, t in enumerate(snap[r]):
                if t >= 0:
                    self.add(r, i, t)
            self.refresh_costs(r)

    # ---------------------------------------------------------------- capacity

    def can_take(self, r: int, t: int, u: int) -> bool:
        """Whether team ``t`` can grow by ``u`` people and still keep the size rule (at most
        ``rem`` teams of ``q + 1``)."""
        q, rem = self.P.q[r], self.P.rem[r]
        size = len(self.members[r][t]) + u
        if rem == 0:
            return size <= q
        if size > q + 1:
            return False
        if size == q + 1:
            return self.big[r] < rem
        return True

    # ---------------------------------------------------------------- deltas

    def insert_delta(self, r: int, i: int, t: int) -> float:
        """Change in the search's cost of adding person ``i`` (not placed) to team ``t``."""
        P = self.P
        d = 0.0
        cnt = self.cnt[r][t]
        tabs = self.gtab[r]
        for a in range(self.nattr):
            c = P.cat[a][i]
            if c >= 0:
                row = tabs[a][c]
                v = cnt[a][c]
                d += row[v + 1] - row[v]
        o = P.org[i]
        if o >= 0 and self.gwo:
            d += self.gwo * self.orgc[r][t].get(o, 0)
        mem = self.members[r][t]
        if self.gwl and P.langs[i]:
            d += self.gwl * self.lang_delta(self.langc[r][t], mem, -1, i)
        if self.M is not None:
            M, n = self.M, self.n
            base = i * n
            s = 0
            for x in mem:
                s += M[base + x]
            d += self.gwr * s
        if self.ws:
            pref = self.prefer[r][i]
            if pref >= 0 and pref != t:
                d += self.ws
        return d

    def apart_ok(self, r: int, i: int, t: int, leaving: int = -1) -> bool:
        """Whether ``i`` may join team ``t`` without meeting a keep-apart partner (``leaving``
        is about to leave ``t``)."""
        tof = self.team_of[r]
        for x in self.P.apart[i]:
            if x != leaving and tof[x] == t:
                return False
        return True

    def swap_delta(self, r: int, p: int, q: int) -> float | None:
        """Change in the search's cost of swapping ``p`` and ``q``; None if a keep-apart pair
        would meet.  Counts as one evaluation."""
        P = self.P
        tof = self.team_of[r]
        A, B = tof[p], tof[q]
        self.evals += 1
        if P.apart[p] or P.apart[q]:
            if not self.apart_ok(r, p, B, q) or not self.apart_ok(r, q, A, p):
                return None
        d = 0.0
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        tabs = self.gtab[r]
        a = 0
        for cp, cq in zip(self.pcat[p], self.pcat[q], strict=True):
            if cp != cq:
                row = tabs[a]
                if cp >= 0:
                    rp = row[cp]
                    v = cA[a][cp]
                    w = cB[a][cp]
                    d += rp[v - 1] - rp[v] + rp[w + 1] - rp[w]
                if cq >= 0:
                    rq = row[cq]
                    v = cB[a][cq]
                    w = cA[a][cq]
                    d += rq[v - 1] - rq[v] + rq[w + 1] - rq[w]
            a += 1
        wo = self.gwo
        if wo:
            op, oq = P.org[p], P.org[q]
            if op != oq:
                oA, oB = self.orgc[r][A], self.orgc[r][B]
                if op >= 0:
                    d += wo * (oB.get(op, 0) - (oA[op] - 1))
                if oq >= 0:
                    d += wo * (oA.get(oq, 0) - (oB[oq] - 1))
        mA, mB = self.members[r][A], self.members[r][B]
        if self.gwl and P.langkey[p] != P.langkey[q]:
            d += self.gwl * (
                self.lang_delta(self.langc[r][A], mA, p, q)
                + self.lang_delta(self.langc[r][B], mB, q, p)
            )
        M = self.M
        if M is not None:
            n = self.n
            bp, bq = p * n, q * n
            s = 0
            for x in mA:
                if x != p:
                    s += M[bq + x] - M[bp + x] + 1
            for x in mB:
                if x != q:
                    s += M[bp + x] - M[bq + x] + 1
            d += self.gwr * s
        if self.ws:
            pp, pq = self.prefer[r][p], self.prefer[r][q]
            if pp >= 0:
                d += self.ws * ((B != pp) - (A != pp))
            if pq >= 0:
                d += self.ws * ((A != pq) - (B != pq))
        return d

    def move_delta(self, r: int, p: int, B: int) -> float | None:
        """Change in the search's cost of moving ``p`` to team ``B``; None if a keep-apart pair
        would meet.  Counts as one evaluation."""
        P = self.P
        A = self.team_of[r][p]
        self.evals += 1
        if P.apart[p] and not self.apart_ok(r, p, B):
            return None
        d = 0.0
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        tabs = self.gtab[r]
        for a in range(self.nattr):
            cp = P.cat[a][p]
            if cp >= 0:
                rp = tabs[a][cp]
                v = cA[a][cp]
                d += rp[v - 1] - rp[v]
                v = cB[a][cp]
                d += rp[v + 1] - rp[v]
        wo = self.gwo
        op = P.org[p]
        if wo and op >= 0:
            d += wo * (self.orgc[r][B].get(op, 0) - (self.orgc[r][A][op] - 1))
        if self.gwl and P.langs[p]:
            d += self.gwl * (
                self.lang_delta(self.langc[r][A], self.members[r][A], p, -1)
                + self.lang_delta(self.langc[r][B], self.members[r][B], -1, p)
            )
        M = self.M
        if M is not None:
            n = self.n
            bp = p * n
            s = 0
            for x in self.members[r][A]:
                if x != p:
                    s -= M[bp + x] - 1
            for x in self.members[r][B]:
                s += M[bp + x]
            d += self.gwr * s
        if self.ws:
            pp = self.prefer[r][p]
            if pp >= 0:
                d += self.ws * ((B != pp) - (A != pp))
        return d

    def apply_swap(self, r: int, p: int, q: int) -> None:
        """Swap ``p`` and ``q`` and refresh the two teams' cached costs."""
        A, B = self.team_of[r][p], self.team_of[r][q]
        self.remove(r, p)
        self.remove(r, q)
        self.add(r, p, B)
        self.add(r, q, A)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)

    def apply_move(self, r: int, p: int, B: int) -> None:
        """Move ``p`` to team ``B`` and refresh the two teams' cached costs."""
        A = self.team_of[r][p]
        self.remove(r, p)
        self.add(r, p, B)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)
