"""The plan being improved, and what a change to it would cost.

:class:`PlanState` keeps the teams of every round with per-team counts (categories,
organisations, languages) and the pair counts across rounds, so that the cost of a swap or a
move is a handful of list look-ups (``swap_delta``, ``move_delta``, ``exchange``) instead of a
rescoring.  Costs are always the user's weights: the same number :func:`~.evaluate` gives.
:class:`~facilitator.domain.teams.search.Engine` builds and searches on top of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.domain.teams.prepare import Prepared

__all__ = ["PlanState"]


class PlanState:
    """The plan being improved, with everything a move's cost needs kept up to date.

    ``team_of[r][i]`` is person ``i``'s team in round ``r`` (-1: absent or not placed) and
    ``members[r][t]`` the people of team ``t``.  Categories of all attributes share one flat
    numbering (``fcat[i]``: person ``i``'s flat categories); per team, ``cnt`` counts each
    flat category, ``orgc`` each organisation and ``lcnt`` each language, ``shared`` is the
    bit mask of languages two members speak, ``liso`` the members who share none, and
    ``tcost`` the team's cost without repeats and stability.  ``M[i * n + j]`` counts the
    rounds ``i`` and ``j`` share a team (rotate mode only).
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
        self.gwr = self.wr  # the repeat weight moves are judged by (see search.improve)
        self.wo = self.w.organisation
        self.wl = self.w.language
        n, R = self.n, self.R
        self.nattr = len(prep.attrs)
        # flat categories: f = offset[a] + c
        offset = []
        total = 0
        for a in range(self.nattr):
            offset.append(total)
            total += prep.ncat[a]
        self.nflat = total
        self.offsets = offset
        self.fcat = [
            tuple(offset[a] + prep.cat[a][i] for a in range(self.nattr) if prep.cat[a][i] >= 0)
            for i in range(n)
        ]
        self.tab = [[row for a in range(self.nattr) for row in prep.tables[r][a]] for r in range(R)]
        self.norg = max(prep.org, default=-1) + 1
        self.nlang = 1 + max((lang for ls in prep.langs for lang in ls), default=-1)
        self.lmask = [sum(1 << lang for lang in ls) for ls in prep.langs]
        self.team_of = [[-1] * n for _ in range(R)]
        self.members: list[list[list[int]]] = [[] for _ in range(R)]
        self.cnt: list[list[list[int]]] = [[] for _ in range(R)]  # r -> t -> f
        self.orgc: list[list[list[int]]] = [[] for _ in range(R)]  # r -> t -> organisation
        self.lcnt: list[list[list[int]]] = [[] for _ in range(R)]  # r -> t -> language
        self.shared: list[list[int]] = [[] for _ in range(R)]  # r -> t -> language mask
        self.liso: list[list[int]] = [[] for _ in range(R)]  # r -> t -> stranded members
        self.tcost: list[list[float]] = [[] for _ in range(R)]
        self.bcost: list[list[float]] = [[] for _ in range(R)]  # r -> t -> balance cost
        self.opairs: list[list[int]] = [[] for _ in range(R)]  # r -> t -> same-org pairs
        self.empty_cost = [sum(row[0] for row in self.tab[r]) for r in range(R)]
        self.M = [0] * (n * n) if self.wr > 0 else None
        self.rep = 0  # repeated pairings so far, C(m, 2) summed over the pairs of M
        # keep mode: r -> i -> the team i had in their latest earlier round (-1: none, -2: a
        # team this round does not have)
        self.prefer: list[list[int]] = [[-1] * n for _ in range(R)]
        self.big = [0] * R  # r -> number of teams holding q + 1 people
        self.movable: list[list[bool]] = []
        self.movable_list: list[list[int]] = []
        self.groups: list[list[list[int]]] = []
        for r in range(R):
            self._find_movable(r)
        self.evals = 0  # moves evaluated so far: the search's budget is counted in these

    def _find_movable(self, r: int) -> None:
        """Who the search may swap or move in round ``r``: present people not fixed and not in
        a keep-together group with someone else present (``movable``), and the groups of
        several present people none of whom is fixed (``groups``), which move as one by
        :meth:`exchange`."""
        prep = self.P
        mv = [False] * self.n
        groups = []
        seen: set[int] = set()
        for i in prep.pres_list[r]:
            if i in prep.fixed[r]:
                continue
            b = prep.block_of[i]
            mem = [j for j in prep.blocks[b] if prep.present[r][j]]
            if len(mem) > 1:
                if b not in seen:
                    seen.add(b)
                    groups.append(mem)
                continue
            mv[i] = True
        self.movable.append(mv)
        self.movable_list.append([i for i in prep.pres_list[r] if mv[i]])
        self.groups.append(groups)

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
        self.team_of[r] = [-1] * self.n
        self.members[r] = [[] for _ in range(k)]
        self.cnt[r] = [[0] * self.nflat for _ in range(k)]
        self.orgc[r] = [[0] * self.norg for _ in range(k)]
        self.lcnt[r] = [[0] * self.nlang for _ in range(k)]
        self.shared[r] = [0] * k
        self.liso[r] = [0] * k
        self.tcost[r] = [0.0] * k
        self.bcost[r] = [self.empty_cost[r]] * k
        self.opairs[r] = [0] * k
        self.big[r] = 0

    def add(self, r: int, i: int, t: int) -> None:
        """Put person ``i`` in team ``t`` of round ``r``, updating every count (not the
        cached team cost: see :meth:`refresh_team`)."""
        self.team_of[r][i] = t
        mem = self.members[r][t]
        M = self.M
        if M is not None:
            n = self.n
            rep = 0
            for x in mem:
                rep += M[i * n + x]
                M[i * n + x] += 1
                M[x * n + i] += 1
            self.rep += rep
        mem.append(i)
        if len(mem) == self.P.q[r] + 1:
            self.big[r] += 1
        cnt = self.cnt[r][t]
        tab = self.tab[r]
        bc = 0.0
        for f in self.fcat[i]:
            v = cnt[f]
            row = tab[f]
            bc += row[v + 1] - row[v]
            cnt[f] = v + 1
        self.bcost[r][t] += bc
        o = self.P.org[i]
        if o >= 0:
            oc = self.orgc[r][t]
            self.opairs[r][t] += oc[o]
            oc[o] += 1
        if self.lmask[i]:
            lc = self.lcnt[r][t]
            for lang in self.P.langs[i]:
                lc[lang] += 1
            self._relang(r, t)

    def remove(self, r: int, i: int) -> None:
        """Take person ``i`` out of their team in round ``r``, updating every count."""
        t = self.team_of[r][i]
        self.team_of[r][i] = -1
        mem = self.members[r][t]
        if len(mem) == self.P.q[r] + 1:
            self.big[r] -= 1
        mem.remove(i)
        M = self.M
        if M is not None:
            n = self.n
            rep = 0
            for x in mem:
                M[i * n + x] -= 1
                M[x * n + i] -= 1
                rep += M[i * n + x]
            self.rep -= rep
        cnt = self.cnt[r][t]
        tab = self.tab[r]
        bc = 0.0
        for f in self.fcat[i]:
            v = cnt[f]
            row = tab[f]
            bc += row[v - 1] - row[v]
            cnt[f] = v - 1
        self.bcost[r][t] += bc
        o = self.P.org[i]
        if o >= 0:
            oc = self.orgc[r][t]
            oc[o] -= 1
            self.opairs[r][t] -= oc[o]
        if self.lmask[i]:
            lc = self.lcnt[r][t]
            for lang in self.P.langs[i]:
                lc[lang] -= 1
            self._relang(r, t)

    def _relang(self, r: int, t: int) -> None:
        """Recompute team ``t``'s shared languages and how many members share none."""
        lc = self.lcnt[r][t]
        sh = 0
        for lang, c in enumerate(lc):
            if c >= 2:
                sh |= 1 << lang
        self.shared[r][t] = sh
        lm = self.lmask
        self.liso[r][t] = sum(1 for x in self.members[r][t] if lm[x] and not lm[x] & sh)

    def team_cost(self, r: int, t: int) -> float:
        """Cost of a team excluding repeats and stability, from the counts kept by add and
        remove (``bcost``: balance and minority, ``opairs``: same-organisation pairs)."""
        return self.bcost[r][t] + self.wo * self.opairs[r][t] + self.wl * self.liso[r][t]

    def refresh_team(self, r: int, t: int) -> None:
        self.tcost[r][t] = self.team_cost(r, t)

    def refresh_costs(self, r: int) -> None:
        """Recompute the cached team costs of round ``r`` after rebuilding it."""
        self.tcost[r] = [self.team_cost(r, t) for t in range(len(self.members[r]))]

    def repeats(self) -> int:
        """Repeated pairings of the whole plan: ``C(m, 2)`` for a pair that meets ``m`` times."""
        return self.rep if self.M is not None else 0

    def rotate_cost(self) -> float:
        """:meth:`total_cost` in rotate mode (no stability term), from the running counts."""
        return sum(map(sum, self.tcost)) + self.wr * self.rep

    def total_cost(self) -> float:
        """Cost of the whole plan (what :func:`~.evaluate` reports as the overall score)."""
        total = sum(sum(tc) for tc in self.tcost)
        total += self.wr * self.repeats()
        if self.ws:
            for r in range(self.R):
                pref = self.prefer[r]
                tof = self.team_of[r]
                for i in self.P.pres_list[r]:
                    # -2: their earlier team is not a team of this round, so they move
                    if pref[i] == -2 or (pref[i] >= 0 and tof[i] >= 0 and tof[i] != pref[i]):
                        total += self.ws
        return total

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

    # ---------------------------------------------------------------- capacity and rules

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

    def apart_ok(self, r: int, i: int, t: int, leaving: int = -1) -> bool:
        """Whether ``i`` may join team ``t`` without meeting a keep-apart partner (``leaving``
        is about to leave ``t``)."""
        tof = self.team_of[r]
        for x in self.P.apart[i]:
            if x != leaving and tof[x] == t:
                return False
        return True

    # ---------------------------------------------------------------- deltas

    def _lang_change(self, r: int, t: int, out: int, inn: int) -> int:
        """Change in team ``t``'s stranded members when ``out`` leaves and ``inn`` joins
        (-1: nobody).  Only a language whose count crosses two can change a third member."""
        lm = self.lmask
        mo = lm[out] if out >= 0 else 0
        mi = lm[inn] if inn >= 0 else 0
        sh = self.shared[r][t]
        ch = mo ^ mi
        new = sh
        if ch:
            lc = self.lcnt[r][t]
            bits = ch
            while bits:
                b = bits & -bits
                bits ^= b
                c = lc[b.bit_length() - 1] + (1 if mi & b else -1)
                if c >= 2:
                    new |= b
                else:
                    new &= ~b
        if new == sh:
            d = 0
            if mo and not mo & sh:
                d -= 1
            if mi and not mi & new:
                d += 1
            return d
        after = 0
        for x in self.members[r][t]:
            if x != out:
                mx = lm[x]
                if mx and not mx & new:
                    after += 1
        if mi and not mi & new:
            after += 1
        return after - self.liso[r][t]

    def insert_delta(self, r: int, i: int, t: int) -> float:
        """Change in cost of adding person ``i`` (not placed) to team ``t``."""
        P = self.P
        d = 0.0
        cnt = self.cnt[r][t]
        tab = self.tab[r]
        for f in self.fcat[i]:
            row = tab[f]
            v = cnt[f]
            d += row[v + 1] - row[v]
        o = P.org[i]
        if o >= 0 and self.wo:
            d += self.wo * self.orgc[r][t][o]
        if self.wl and self.lmask[i]:
            d += self.wl * self._lang_change(r, t, -1, i)
        mem = self.members[r][t]
        if self.M is not None:
            M, base = self.M, i * self.n
            s = 0
            for x in mem:
                s += M[base + x]
            d += self.gwr * s
        if self.ws:
            pref = self.prefer[r][i]
            if pref >= 0 and pref != t:
                d += self.ws
        return d

    def swap_delta(self, r: int, p: int, x: int) -> float | None:
        """Change in cost of swapping ``p`` and ``x``; None if a keep-apart pair would meet.
        Counts as one evaluation."""
        P = self.P
        tof = self.team_of[r]
        A, B = tof[p], tof[x]
        self.evals += 1
        if P.apart[p] or P.apart[x]:
            if not self.apart_ok(r, p, B, x) or not self.apart_ok(r, x, A, p):
                return None
        d = 0.0
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        tab = self.tab[r]
        fp, fx = self.fcat[p], self.fcat[x]
        for f in fp:
            if f not in fx:
                row = tab[f]
                v = cA[f]
                w = cB[f]
                d += row[v - 1] - row[v] + row[w + 1] - row[w]
        for f in fx:
            if f not in fp:
                row = tab[f]
                v = cB[f]
                w = cA[f]
                d += row[v - 1] - row[v] + row[w + 1] - row[w]
        wo = self.wo
        if wo:
            op, ox = P.org[p], P.org[x]
            if op != ox:
                oA, oB = self.orgc[r][A], self.orgc[r][B]
                if op >= 0:
                    d += wo * (oB[op] - oA[op] + 1)
                if ox >= 0:
                    d += wo * (oA[ox] - oB[ox] + 1)
        if self.wl:
            lm = self.lmask
            if lm[p] != lm[x]:
                d += self.wl * (self._lang_change(r, A, p, x) + self._lang_change(r, B, x, p))
        M = self.M
        if M is not None:
            n = self.n
            bp, bx = p * n, x * n
            s = 0
            for y in self.members[r][A]:
                if y != p:
                    s += M[bx + y] - M[bp + y] + 1
            for y in self.members[r][B]:
                if y != x:
                    s += M[bp + y] - M[bx + y] + 1
            d += self.gwr * s
        if self.ws:
            pp, px = self.prefer[r][p], self.prefer[r][x]
            if pp >= 0:
                d += self.ws * ((B != pp) - (A != pp))
            if px >= 0:
                d += self.ws * ((A != px) - (B != px))
        return d

    def swaps_into(self, r: int, p: int, B: int) -> list[tuple[int, float]]:
        """``(x, delta)`` for every legal swap of ``p`` with a movable member ``x`` of team
        ``B``: the numbers :meth:`swap_delta` gives one by one, but what ``p``'s leaving its
        team and joining ``B`` costs is worked out once for all of them.  Counts as one
        evaluation per member tried."""
        P = self.P
        tof = self.team_of[r]
        A = tof[p]
        mv = self.movable[r]
        memA, memB = self.members[r][A], self.members[r][B]
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        tab = self.tab[r]
        fp = self.fcat[p]
        # p's categories: what p leaving A and joining B costs (undone for a shared category)
        pf: dict[int, float] = {}
        base = 0.0
        for f in fp:
            row = tab[f]
            v, w = cA[f], cB[f]
            e = row[v - 1] - row[v] + row[w + 1] - row[w]
            pf[f] = e
            base += e
        wo = self.wo
        op = P.org[p]
        oA, oB = self.orgc[r][A], self.orgc[r][B]
        if wo and op >= 0:
            base_org = wo * (oB[op] - oA[op] + 1)
        else:
            base_org = 0.0
        M = self.M
        n = self.n
        bp = p * n
        wr = self.gwr
        if M is not None:
            # p's pairs: leaving A (each earlier meeting with an A member stops counting) and
            # joining B; the swap partner's own term is taken off below
            rep_p = 0
            for y in memA:
                if y != p:
                    rep_p += 1 - M[bp + y]
            for y in memB:
                rep_p += M[bp + y]
            sizeB1 = len(memB) - 1
        wl = self.wl
        lm = self.lmask
        lp = lm[p]
        apart = P.apart
        check_apart = bool(apart[p])
        ws = self.ws
        pref = self.prefer[r]
        pp = pref[p]
        out: list[tuple[int, float]] = []
        self.evals += len(memB)
        for x in memB:
            if not mv[x]:
                continue
            if (check_apart or apart[x]) and (
                not self.apart_ok(r, p, B, x) or not self.apart_ok(r, x, A, p)
            ):
                continue
            d = base
            for f in self.fcat[x]:
                e = pf.get(f)
                if e is not None:
                    d -= e
                else:
                    row = tab[f]
                    v, w = cB[f], cA[f]
                    d += row[v - 1] - row[v] + row[w + 1] - row[w]
            if wo:
                ox = P.org[x]
                if ox != op:
                    d += base_org
                    if ox >= 0:
                        d += wo * (oA[ox] - oB[ox] + 1)
            if wl and lm[x] != lp:
                d += wl * (self._lang_change(r, A, p, x) + self._lang_change(r, B, x, p))
            if M is not None:
                bx = x * n
                sx = 0
                for y in memA:
                    sx += M[bx + y]
                for y in memB:
                    sx -= M[bx + y]
                # p and x do not meet either way: take their pair out of both parts
                d += wr * (rep_p - M[bp + x] + sx - M[bx + p] + sizeB1)
            if ws:
                if pp >= 0:
                    d += ws * ((B != pp) - (A != pp))
                px = pref[x]
                if px >= 0:
                    d += ws * ((A != px) - (B != px))
            out.append((x, d))
        return out

    def move_delta(self, r: int, p: int, B: int) -> float | None:
        """Change in cost of moving ``p`` to team ``B``; None if a keep-apart pair would meet.
        Counts as one evaluation."""
        P = self.P
        A = self.team_of[r][p]
        self.evals += 1
        if P.apart[p] and not self.apart_ok(r, p, B):
            return None
        d = 0.0
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        tab = self.tab[r]
        for f in self.fcat[p]:
            row = tab[f]
            v = cA[f]
            w = cB[f]
            d += row[v - 1] - row[v] + row[w + 1] - row[w]
        op = P.org[p]
        if self.wo and op >= 0:
            d += self.wo * (self.orgc[r][B][op] - self.orgc[r][A][op] + 1)
        if self.wl and self.lmask[p]:
            d += self.wl * (self._lang_change(r, A, p, -1) + self._lang_change(r, B, -1, p))
        M = self.M
        if M is not None:
            bp = p * self.n
            s = 0
            for y in self.members[r][A]:
                if y != p:
                    s -= M[bp + y] - 1
            for y in self.members[r][B]:
                s += M[bp + y]
            d += self.gwr * s
        if self.ws:
            pp = self.prefer[r][p]
            if pp >= 0:
                d += self.ws * ((B != pp) - (A != pp))
        return d

    def true_delta(self, r: int, p: int, x: int, B: int) -> float | None:
        """Change in cost of swapping ``p`` with ``x`` (or moving ``p`` to ``B`` if ``x`` is
        -1)."""
        return self.swap_delta(r, p, x) if x >= 0 else self.move_delta(r, p, B)

    def apply_swap(self, r: int, p: int, x: int) -> None:
        """Swap ``p`` and ``x`` and refresh the two teams' cached costs."""
        A, B = self.team_of[r][p], self.team_of[r][x]
        self.remove(r, p)
        self.remove(r, x)
        self.add(r, p, B)
        self.add(r, x, A)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)

    def apply_move(self, r: int, p: int, B: int) -> None:
        """Move ``p`` to team ``B`` and refresh the two teams' cached costs."""
        A = self.team_of[r][p]
        self.remove(r, p)
        self.add(r, p, B)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)

    def exchange_delta(self, r: int, group: list[int], others: list[int]) -> float | None:
        """Change in cost of exchanging ``group`` (people of one team, e.g. a keep-together
        group) with ``others`` (as many people of another team); None if a keep-apart pair
        would meet.  Counts as one evaluation per person moved."""
        P = self.P
        tof = self.team_of[r]
        A, B = tof[group[0]], tof[others[0]]
        apart = P.apart
        self.evals += len(group) + len(others)
        for i in group:
            for y in apart[i]:
                if tof[y] == B and y not in others:
                    return None
        for x in others:
            for y in apart[x]:
                if tof[y] == A and y not in group:
                    return None
        gone, came = set(group), set(others)
        mA = [y for y in self.members[r][A] if y not in gone]
        mB = [y for y in self.members[r][B] if y not in came]
        d = 0.0
        # balance and minority: the net change of each category in A (B changes the other way)
        net: dict[int, int] = {}
        for x in others:
            for f in self.fcat[x]:
                net[f] = net.get(f, 0) + 1
        for i in group:
            for f in self.fcat[i]:
                net[f] = net.get(f, 0) - 1
        tab = self.tab[r]
        cA, cB = self.cnt[r][A], self.cnt[r][B]
        for f, v in net.items():
            if v:
                row = tab[f]
                d += row[cA[f] + v] - row[cA[f]] + row[cB[f] - v] - row[cB[f]]
        if self.wo:
            onet: dict[int, int] = {}
            for x in others:
                if P.org[x] >= 0:
                    onet[P.org[x]] = onet.get(P.org[x], 0) + 1
            for i in group:
                if P.org[i] >= 0:
                    onet[P.org[i]] = onet.get(P.org[i], 0) - 1
            oA, oB = self.orgc[r][A], self.orgc[r][B]
            for o, v in onet.items():
                if v:
                    a0, b0 = oA[o], oB[o]
                    a1, b1 = a0 + v, b0 - v
                    d += (
                        self.wo
                        * (a1 * (a1 - 1) + b1 * (b1 - 1) - a0 * (a0 - 1) - b0 * (b0 - 1))
                        / 2
                    )
        if self.wl:
            d += self.wl * (
                self._stranded(mA + others)
                + self._stranded(mB + group)
                - self.liso[r][A]
                - self.liso[r][B]
            )
        M = self.M
        if M is not None:
            n = self.n
            rep = 0
            for i in group:
                b = i * n
                for y in mA:
                    rep -= M[b + y] - 1
                for y in mB:
                    rep += M[b + y]
            for x in others:
                b = x * n
                for y in mB:
                    rep -= M[b + y] - 1
                for y in mA:
                    rep += M[b + y]
            d += self.gwr * rep
        if self.ws:
            pref = self.prefer[r]
            for i in group:
                if pref[i] >= 0:
                    d += self.ws * ((B != pref[i]) - (A != pref[i]))
            for x in others:
                if pref[x] >= 0:
                    d += self.ws * ((A != pref[x]) - (B != pref[x]))
        return d

    def _stranded(self, mem: list[int]) -> int:
        """Members of a would-be team who share no working language with the others."""
        lm = self.lmask
        seen = 0
        twice = 0
        for x in mem:
            twice |= seen & lm[x]
            seen |= lm[x]
        return sum(1 for x in mem if lm[x] and not lm[x] & twice)

    def apply_exchange(self, r: int, group: list[int], others: list[int]) -> None:
        """Make the exchange :meth:`exchange_delta` priced."""
        tof = self.team_of[r]
        A, B = tof[group[0]], tof[others[0]]
        for i in group + others:
            self.remove(r, i)
        for x in others:
            self.add(r, x, A)
        for i in group:
            self.add(r, i, B)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)
