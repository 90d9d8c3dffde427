"""Checking a problem and turning it into the integer-indexed form the search works on.

People, categories, organisations, languages, rounds and teams become small integers, so the
search's inner loops index lists instead of hashing strings.  Every check runs before anything
is raised, so one :class:`InfeasibleProblem` lists every reason at once (in the order of the
steps below), and a pin that cannot apply (its person is absent) becomes a warning instead.
"""

from __future__ import annotations

from facilitator.domain.teams.model import InfeasibleProblem, Problem, bands, norm

__all__ = ["Prepared"]


class Prepared:
    """A validated problem, with the index structures and cost tables the engine reads.

    Built in named steps (see ``__init__``); each step reads what the ones before it built.
    """

    # people: index i = position in problem.people
    n: int  # number of people
    ids: list[str]  # i -> person id
    index: dict[str, int]  # person id -> i
    labels: list[str]  # i -> name used in messages
    # categories: attribute a = position in attrs, category c = order of first appearance
    attrs: list[str]  # balance attributes, then minority attributes not already listed
    balanced: list[bool]  # a -> is a balance attribute
    minority: list[bool]  # a -> is a minority attribute
    cat: list[list[int]]  # a -> i -> c (-1: no value)
    ncat: list[int]  # a -> number of categories
    org: list[int]  # i -> organisation (-1: none)
    langs: list[tuple[int, ...]]  # i -> working languages, sorted
    langkey: list[int]  # i -> number of their set of languages (same set, same number)
    # rounds: r = position in problem.rounds, team t = position in the round's team ids
    round_ids: list[str]  # r -> round id
    rpos: dict[str, int]  # round id -> r
    team_ids: list[list[str]]  # r -> t -> team id
    tpos: list[dict[str, int]]  # r -> team id -> t
    present: list[list[bool]]  # r -> i -> present in the round
    pres_list: list[list[int]]  # r -> people present, in order
    q: list[int]  # r -> size of the smaller teams
    rem: list[int]  # r -> how many teams have q + 1 people
    # hard constraints
    block_of: list[int]  # i -> keep-together group (a representative person)
    blocks: dict[int, list[int]]  # group -> its people (everybody is in one, maybe alone)
    apart: list[list[int]]  # i -> people to keep apart from i
    apart_pairs: list[tuple[int, int]]  # every keep-apart pair once
    fixed: list[dict[int, int]]  # r -> i -> t: pins, locks and their keep-together groups
    # soft goals per round
    tables: list[list[list[list[float]]]]  # r -> a -> c -> people of c in a team -> cost
    bands: list[list[list[tuple[int, int]]]]  # r -> a -> c -> (lo, hi) members wanted
    cat_totals: list[list[list[int]]]  # r -> a -> c -> people of c present

    def __init__(self, problem: Problem):
        self.problem = problem
        self.warnings: list[str] = []
        self._reasons: list[str] = []
        self._index_people()
        self._check_mode_and_rounds()
        self._encode_attributes()
        self._encode_organisations()
        self._encode_languages()
        self._index_rounds()
        self._read_absences()
        self._join_keep_together()
        self._read_keep_apart()
        self._fix_pins_and_locks()
        self._size_rounds()
        for r in range(len(problem.rounds)):
            self._check_fixed_part(r)
        if self._reasons:
            raise InfeasibleProblem(list(dict.fromkeys(self._reasons)))
        self._cost_tables()

    # ---------------------------------------------------------------- checks shared by steps

    def _known(self, pid: str, where: str) -> bool:
        """Whether ``pid`` is a person of the problem; if not, say so (naming ``where``)."""
        if pid not in self.index:
            self._reasons.append(f"{where}: unknown person id {pid}")
            return False
        return True

    def _known_round(self, rid: str, where: str) -> bool:
        """Whether ``rid`` is a round of the problem; if not, say so (naming ``where``)."""
        if rid not in self.rpos:
            self._reasons.append(f"{where}: unknown round {rid}")
            return False
        return True

    # ---------------------------------------------------------------- people and categories

    def _index_people(self) -> None:
        """Number the people; an id used twice would make pins and absences ambiguous."""
        problem = self.problem
        self.n = len(problem.people)
        self.ids = [p.id for p in problem.people]
        self.index = {}
        for i, pid in enumerate(self.ids):
            if pid in self.index:
                self._reasons.append(f"person id {pid} is used twice")
            self.index[pid] = i
        self.labels = [p.label for p in problem.people]

    def _check_mode_and_rounds(self) -> None:
        """The two mistakes that make every other reason moot come first in the list."""
        if self.problem.mode not in ("rotate", "keep"):
            self._reasons.append(f"unknown mode {self.problem.mode!r} (use 'rotate' or 'keep')")
        if not self.problem.rounds:
            self._reasons.append("there are no rounds")

    def _encode_attributes(self) -> None:
        """Number each attribute's categories, ignoring case and surrounding spaces, so that
        "Female" and "female " count as one category."""
        problem = self.problem
        self.attrs = list(
            dict.fromkeys([*problem.balance_attributes, *problem.minority_attributes])
        )
        self.balanced = [a in problem.balance_attributes for a in self.attrs]
        self.minority = [a in problem.minority_attributes for a in self.attrs]
        self.cat = []
        self.ncat = []
        for a in self.attrs:
            names: dict[str, int] = {}
            col = []
            for p in problem.people:
                key = norm(p.attributes.get(a))
                col.append(names.setdefault(key, len(names)) if key else -1)
            self.cat.append(col)
            self.ncat.append(len(names))

    def _encode_organisations(self) -> None:
        """Number the organisations the same way (same-organisation pairs cost)."""
        orgs: dict[str, int] = {}
        self.org = []
        for p in self.problem.people:
            key = norm(p.organisation)
            self.org.append(orgs.setdefault(key, len(orgs)) if key else -1)

    def _encode_languages(self) -> None:
        """Number the working languages, and each person's set of them: a swap of two people
        with the same set cannot change who shares a language, so the search skips it."""
        langs: dict[str, int] = {}
        self.langs = []
        for p in self.problem.people:
            ids = set()
            for lang in p.languages:
                key = norm(lang)
                if key:
                    ids.add(langs.setdefault(key, len(langs)))
            self.langs.append(tuple(sorted(ids)))
        lang_keys: dict[tuple[int, ...], int] = {}
        self.langkey = [lang_keys.setdefault(t, len(lang_keys)) for t in self.langs]

    # ---------------------------------------------------------------- rounds and constraints

    def _index_rounds(self) -> None:
        """Number the rounds and each round's teams; a round needs distinct teams."""
        self.round_ids = [r.round_id for r in self.problem.rounds]
        self.rpos = {}
        for ri, r in enumerate(self.problem.rounds):
            if r.round_id in self.rpos:
                self._reasons.append(f"round {r.round_id} is listed twice")
            self.rpos[r.round_id] = ri
            if not r.team_ids:
                self._reasons.append(f"round {r.round_id} has no teams")
            if len(set(r.team_ids)) != len(r.team_ids):
                self._reasons.append(f"round {r.round_id} lists a team id twice")
        self.team_ids = [list(r.team_ids) for r in self.problem.rounds]
        self.tpos = [{t: j for j, t in enumerate(ts)} for ts in self.team_ids]

    def _read_absences(self) -> None:
        """Who is present in which round; absent people are in no team of that round."""
        self.present = [[True] * self.n for _ in self.problem.rounds]
        for rid, ids in self.problem.absent.items():
            if not self._known_round(rid, "absent"):
                continue
            for pid in ids:
                if self._known(pid, f"absent in round {rid}"):
                    self.present[self.rpos[rid]][self.index[pid]] = False

    def _join_keep_together(self) -> None:
        """Merge overlapping keep-together groups (union-find): the search moves a group as
        one unit, and two groups sharing a person must be one team."""
        parent = list(range(self.n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for gi, group in enumerate(self.problem.keep_together):
            members = [
                self.index[p] for p in group if self._known(p, f"keep-together group {gi + 1}")
            ]
            for a, b in zip(members, members[1:], strict=False):
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[ra] = rb
        self.block_of = [find(i) for i in range(self.n)]
        blocks: dict[int, list[int]] = {}
        for i in range(self.n):
            blocks.setdefault(self.block_of[i], []).append(i)
        self.blocks = blocks

    def _read_keep_apart(self) -> None:
        """Keep-apart pairs, refusing a pair that keep-together groups join."""
        labels = self.labels
        self.apart = [[] for _ in range(self.n)]
        self.apart_pairs = []
        for pair in self.problem.keep_apart:
            if len(pair) != 2:
                self._reasons.append(f"keep-apart entry {list(pair)} must name exactly two people")
                continue
            a, b = pair
            # & not and: both unknown ids are reported
            if not (self._known(a, "keep-apart") & self._known(b, "keep-apart")):
                continue
            ia, ib = self.index[a], self.index[b]
            if ia == ib:
                self._reasons.append(f"keep-apart pair names {labels[ia]} twice")
                continue
            if self.block_of[ia] == self.block_of[ib]:
                self._reasons.append(
                    f"{labels[ia]} and {labels[ib]} must be kept apart but keep-together "
                    "groups join them"
                )
                continue
            self.apart[ia].append(ib)
            self.apart[ib].append(ia)
            self.apart_pairs.append((ia, ib))

    def _fix_pins_and_locks(self) -> None:
        """Pins (for their rounds, default all) and the user's locks become ``fixed``."""
        self.fixed = [{} for _ in self.problem.rounds]
        for pin in self.problem.pins:
            if not self._known(pin.person_id, "pin"):
                continue
            i = self.index[pin.person_id]
            rounds = pin.rounds if pin.rounds is not None else tuple(self.round_ids)
            for rid in rounds:
                if self._known_round(rid, f"pin of {pin.person_id}"):
                    self._fix(self.rpos[rid], i, pin.team_id, f"pin of {self.labels[i]}")
        for rid, locks in self.problem.locked.items():
            if not self._known_round(rid, "locked"):
                continue
            for pid, team in locks.items():
                if self._known(pid, f"locked in round {rid}"):
                    i = self.index[pid]
                    self._fix(self.rpos[rid], i, team, f"lock of {self.labels[i]}")

    def _fix(self, ri: int, i: int, team: str, why: str) -> None:
        """Put person ``i`` in ``team`` for round ``ri``; an absent person's pin is ignored
        (with a warning, as the pin may hold in other rounds), two teams are a clash."""
        rid = self.round_ids[ri]
        if team not in self.tpos[ri]:
            self._reasons.append(f"{why}: team {team} does not exist in round {rid}")
            return
        if not self.present[ri][i]:
            self.warnings.append(
                f"Round {rid}: {self.labels[i]} is absent, so the {why.split(' ')[0]} is ignored"
            )
            return
        t = self.tpos[ri][team]
        old = self.fixed[ri].get(i)
        if old is not None and old != t:
            self._reasons.append(
                f"round {rid}: {self.labels[i]} is pinned to both "
                f"{self.team_ids[ri][old]} and {team}"
            )
            return
        self.fixed[ri][i] = t

    # ---------------------------------------------------------------- sizes and feasibility

    def _size_rounds(self) -> None:
        """Team sizes per round: the present people split into sizes ``q`` and ``q + 1``."""
        self.q = []
        self.rem = []
        self.pres_list = []
        for ri, rid in enumerate(self.round_ids):
            k = max(1, len(self.team_ids[ri]))  # a round without teams is refused already
            pres = [i for i in range(self.n) if self.present[ri][i]]
            self.pres_list.append(pres)
            q, rem = divmod(len(pres), k)
            self.q.append(q)
            self.rem.append(rem)
            if len(pres) < k:
                self.warnings.append(
                    f"Round {rid}: {len(pres)} people for {k} teams, some teams stay empty"
                )

    def _check_fixed_part(self, ri: int) -> None:
        """Whether the pinned people and their groups fit round ``ri``'s team sizes, so that
        an impossible problem is refused with reasons instead of failing in the search."""
        rid = self.round_ids[ri]
        q, rem = self.q[ri], self.rem[ri]
        cap = q + 1 if rem else q
        loads = self._pin_groups(ri, cap)
        for t, load in enumerate(loads):
            if load > cap:
                self._reasons.append(
                    f"round {rid}: {load} people are pinned to {self.team_ids[ri][t]} "
                    f"but teams hold at most {cap}"
                )
        if rem and sum(1 for load in loads if load == q + 1) > rem:
            self._reasons.append(
                f"round {rid}: pins fill more teams to {q + 1} than the {rem} that can "
                f"have {q + 1} people"
            )
        fixed = self.fixed[ri]
        for a, b in self.apart_pairs:
            # fixed holds present people only, so both are here this round
            if a in fixed and b in fixed and fixed[a] == fixed[b]:
                self._reasons.append(
                    f"round {rid}: {self.labels[a]} and {self.labels[b]} must be kept "
                    f"apart but are both pinned to {self.team_ids[ri][fixed[a]]}"
                )

    def _pin_groups(self, ri: int, cap: int) -> list[int]:
        """Fix the whole keep-together group of a pinned person to the pin's team; check that
        every group fits a team.  Returns the number of fixed people per team."""
        rid = self.round_ids[ri]
        labels = self.labels
        fixed = self.fixed[ri]
        loads = [0] * max(1, len(self.team_ids[ri]))
        for members in self.blocks.values():
            mem = [i for i in members if self.present[ri][i]]
            if not mem:
                continue
            if len(mem) > cap:
                names = ", ".join(labels[i] for i in mem)
                self._reasons.append(
                    f"round {rid}: keep-together group ({names}) has {len(mem)} people "
                    f"but teams hold at most {cap}"
                )
            teams = {fixed[i] for i in mem if i in fixed}
            if len(teams) > 1:
                names = ", ".join(
                    f"{labels[i]} in {self.team_ids[ri][fixed[i]]}" for i in mem if i in fixed
                )
                self._reasons.append(
                    f"round {rid}: pins contradict a keep-together group ({names})"
                )
                continue
            if teams:
                t = teams.pop()
                for i in mem:
                    fixed.setdefault(i, t)
                loads[t] += len(mem)
        return loads

    # ---------------------------------------------------------------- cost tables

    def _cost_tables(self) -> None:
        """Balance and minority cost of holding ``v`` people of a category, per round: the
        search adds table entries instead of recomputing bands (see model.bands)."""
        w = self.problem.weights
        self.tables = []
        self.bands = []
        self.cat_totals = []
        for ri in range(len(self.round_ids)):
            k = max(1, len(self.team_ids[ri]))
            maxsize = self.q[ri] + 2
            tabs, band_rows, totals = [], [], []
            for a in range(len(self.attrs)):
                ncat = self.ncat[a]
                tot = [0] * ncat
                for i in self.pres_list[ri]:
                    c = self.cat[a][i]
                    if c >= 0:
                        tot[c] += 1
                totals.append(tot)
                arow, brow = [], []
                wanted = bands(tot, k, self.minority[a])
                for c in range(ncat):
                    lo, hi = wanted[c]
                    iso = self.minority[a] and tot[c] >= 2
                    row = []
                    for cnt in range(maxsize + 1):
                        cost = 0.0
                        if self.balanced[a]:
                            cost += w.balance * (max(0, lo - cnt) + max(0, cnt - hi))
                        if iso and cnt == 1:
                            cost += w.minority
                        row.append(cost)
                    arow.append(row)
                    brow.append((lo, hi))
                tabs.append(arow)
                band_rows.append(brow)
            self.tables.append(tabs)
            self.bands.append(band_rows)
            self.cat_totals.append(totals)
