"""Breakout-team formation engine (pure Python, no Qt, no database).

An exercise has one or more rounds; in every round the people present are split into the
round's teams so that team sizes differ by at most one.  The engine builds the rounds one at a
time (greedy placement, then a tabu search over swaps and size-preserving moves, knowing who
met in earlier rounds), then improves all rounds together.  Costs are scored incrementally.
When the search stalls, the weights of what the current plan still breaks go up for the rest
of the search (guided local search); plans are always compared with the user's weights.  Pure
rotation problems start from combinatorial designs with no repeated pair where one is known
(affine planes and transversal designs, a cyclic design for 6x4, doubled affine planes for
8x4 over 10 rounds and 6x3 over 8).

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
    (``N_c < 2k``) the band becomes ``0..3`` instead: those people are better grouped in
    twos or threes than spread out one per team.
``minority``
    Cost per person who is the only member of their category of a minority attribute in a
    team (e.g. the only woman), when at least two people of that category are present.
``organisation``
    Cost per pair of people from the same organisation in a team.
``language``
    Cost per person who shares no working language with anyone else in the team.
``repeat``
    Rotate mode: cost per repeated pairing across rounds (``C(m, 2)`` for a pair that meets
    ``m`` times).
``stability``
    Keep mode: cost per person not in the team they had in their previous round.

Modes: ``"rotate"`` (default) minimises repeated pairs; ``"keep"`` keeps the same teams
every round and only adjusts for absences and pins.

The result is deterministic for a given ``Problem.seed``: the search is bounded by a count of
evaluated moves, never by the clock.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

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

Assignment = dict[str, dict[str, list[str]]]


# --------------------------------------------------------------------------------------------
# Public data model
# --------------------------------------------------------------------------------------------


class InfeasibleProblem(Exception):
    """The hard constraints cannot all be satisfied; ``reasons`` says why."""

    def __init__(self, reasons: Iterable[str]):
        self.reasons = list(reasons)
        text = "\n".join(f"- {r}" for r in self.reasons)
        super().__init__(f"The team constraints cannot all be met:\n{text}")


@dataclass
class Person:
    id: str
    name: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    organisation: str = ""
    languages: tuple[str, ...] = ()
    role: str = "participant"

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class RoundSpec:
    round_id: str
    team_ids: tuple[str, ...]


@dataclass(frozen=True)
class Pin:
    """Person ``person_id`` must be in team ``team_id``; ``rounds=None`` means every round."""

    person_id: str
    team_id: str
    rounds: tuple[str, ...] | None = None


@dataclass
class Weights:
    """Weights of the soft goals (see the module docstring); 0 switches a goal off."""

    balance: float = 10.0
    minority: float = 6.0
    organisation: float = 4.0
    language: float = 3.0
    repeat: float = 25.0
    stability: float = 30.0

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return ("balance", "minority", "organisation", "language", "repeat", "stability")

    @classmethod
    def from_mapping(cls, values: Mapping[str, float]) -> Weights:
        unknown = sorted(set(values) - set(cls.names()))
        if unknown:
            raise ValueError(
                f"unknown weight name(s) {', '.join(unknown)}; known: {', '.join(cls.names())}"
            )
        w = cls()
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"weight {key!r} must be a non-negative number")
            setattr(w, key, float(value))
        return w


@dataclass
class Problem:
    people: list[Person]
    rounds: list[RoundSpec]
    balance_attributes: tuple[str, ...] = ("country", "sector", "gender")
    minority_attributes: tuple[str, ...] = ("gender",)
    weights: Weights = field(default_factory=Weights)
    keep_together: list[tuple[str, ...]] = field(default_factory=list)
    keep_apart: list[tuple[str, str]] = field(default_factory=list)
    pins: list[Pin] = field(default_factory=list)
    absent: dict[str, set[str]] = field(default_factory=dict)
    locked: dict[str, dict[str, str]] = field(default_factory=dict)
    mode: str = "rotate"
    seed: int = 0
    effort: float = 1.0


@dataclass
class TeamScore:
    score: float
    reasons: list[str]


@dataclass
class Evaluation:
    overall_score: float
    team_scores: dict[str, dict[str, TeamScore]]
    hard_violations: list[str]
    repeated_pairs: int
    warnings: list[str]
    band_violations: int = 0
    same_organisation_pairs: int = 0
    isolated_minorities: int = 0
    language_isolated: int = 0

    def reasons(self) -> list[str]:
        """All team reasons, prefixed with the round when there are several rounds."""
        out = []
        multi = len(self.team_scores) > 1
        for rid, teams in self.team_scores.items():
            for ts in teams.values():
                for reason in ts.reasons:
                    out.append(f"Round {rid}, {reason}" if multi else reason)
        return out


@dataclass
class Plan:
    assignment: Assignment
    evaluation: Evaluation
    warnings: list[str]


def teams_for_size(n_people: int, size: int | None = None, count: int | None = None) -> int:
    """Number of teams for ``n_people`` given a wanted team ``size`` or a team ``count``.

    With a size, the count is the one whose (near equal) team sizes come closest to ``size``.
    """
    if (size is None) == (count is None):
        raise ValueError("give exactly one of size or count")
    if count is not None:
        if count < 1:
            raise ValueError("team count must be at least 1")
        return count
    if size < 1:
        raise ValueError("team size must be at least 1")
    if n_people <= 0:
        return 1
    lo = max(1, n_people // size)
    hi = max(1, math.ceil(n_people / size))
    return min((lo, hi), key=lambda k: (abs(n_people / k - size), k))


def max_rounds_without_repeats(n_people: int, team_size: int) -> int:
    """Upper bound on rounds with no repeated pair: each round meets ``size - 1`` new people."""
    if team_size <= 1:
        return 10**9
    return (n_people - 1) // (team_size - 1)


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _norm(value: str | None) -> str:
    return (value or "").strip().casefold()


def _band(n_c: int, k: int, minority: bool) -> tuple[int, int]:
    lo = n_c // k
    hi = -(-n_c // k)
    if minority and n_c < 2 * k:
        return 0, max(hi, 3)
    return lo, hi


_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_GENDER_NOUN = {
    "f": "woman",
    "female": "woman",
    "woman": "woman",
    "women": "woman",
    "w": "woman",
    "m": "man",
    "male": "man",
    "man": "man",
    "men": "man",
}


def _word(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def _only_phrase(attr: str, value: str) -> str:
    if attr == "gender" and _norm(value) in _GENDER_NOUN:
        return f"the only {_GENDER_NOUN[_norm(value)]}"
    if attr == "country":
        return f"the only person from {value}"
    return f"the only person with {attr} {value}"


def _count_phrase(attr: str, value: str, n: int) -> str:
    if attr == "gender" and _norm(value) in _GENDER_NOUN:
        noun = _GENDER_NOUN[_norm(value)]
        plural = {"woman": "women", "man": "men"}[noun]
        return f"{n} {noun if n == 1 else plural}"
    if attr == "country":
        return f"{n} from {value}"
    return f"{n} with {attr} {value}"


class _Prep:
    """Validated, integer-indexed view of a problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        reasons: list[str] = []
        self.warnings: list[str] = []
        people = problem.people
        self.n = n = len(people)
        self.ids = [p.id for p in people]
        self.index: dict[str, int] = {}
        for i, pid in enumerate(self.ids):
            if pid in self.index:
                reasons.append(f"person id {pid} is used twice")
            self.index[pid] = i
        self.labels = [p.label for p in people]
        if problem.mode not in ("rotate", "keep"):
            reasons.append(f"unknown mode {problem.mode!r} (use 'rotate' or 'keep')")
        if not problem.rounds:
            reasons.append("there are no rounds")

        # attributes
        self.attrs = list(
            dict.fromkeys([*problem.balance_attributes, *problem.minority_attributes])
        )
        self.balanced = [a in problem.balance_attributes for a in self.attrs]
        self.minority = [a in problem.minority_attributes for a in self.attrs]
        self.cat: list[list[int]] = []
        self.ncat: list[int] = []
        for a in self.attrs:
            names: dict[str, int] = {}
            col = []
            for p in people:
                key = _norm(p.attributes.get(a))
                col.append(names.setdefault(key, len(names)) if key else -1)
            self.cat.append(col)
            self.ncat.append(len(names))
        orgs: dict[str, int] = {}
        self.org: list[int] = []
        for p in people:
            key = _norm(p.organisation)
            self.org.append(orgs.setdefault(key, len(orgs)) if key else -1)
        langs: dict[str, int] = {}
        self.langs: list[tuple[int, ...]] = []
        for p in people:
            ids = set()
            for lang in p.languages:
                key = _norm(lang)
                if key:
                    ids.add(langs.setdefault(key, len(langs)))
            self.langs.append(tuple(sorted(ids)))
        lang_keys: dict[tuple[int, ...], int] = {}
        self.langkey = [lang_keys.setdefault(t, len(lang_keys)) for t in self.langs]

        # rounds
        self.round_ids = [r.round_id for r in problem.rounds]
        self.rpos = {}
        for ri, r in enumerate(problem.rounds):
            if r.round_id in self.rpos:
                reasons.append(f"round {r.round_id} is listed twice")
            self.rpos[r.round_id] = ri
            if not r.team_ids:
                reasons.append(f"round {r.round_id} has no teams")
            if len(set(r.team_ids)) != len(r.team_ids):
                reasons.append(f"round {r.round_id} lists a team id twice")
        self.team_ids = [list(r.team_ids) for r in problem.rounds]
        self.tpos = [{t: j for j, t in enumerate(ts)} for ts in self.team_ids]

        def known(pid: str, where: str) -> bool:
            if pid not in self.index:
                reasons.append(f"{where}: unknown person id {pid}")
                return False
            return True

        def known_round(rid: str, where: str) -> bool:
            if rid not in self.rpos:
                reasons.append(f"{where}: unknown round {rid}")
                return False
            return True

        # absences
        R = len(problem.rounds)
        self.present = [[True] * n for _ in range(R)]
        for rid, ids in problem.absent.items():
            if not known_round(rid, "absent"):
                continue
            for pid in ids:
                if known(pid, f"absent in round {rid}"):
                    self.present[self.rpos[rid]][self.index[pid]] = False

        # keep-together: union-find
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for gi, group in enumerate(problem.keep_together):
            members = [self.index[p] for p in group if known(p, f"keep-together group {gi + 1}")]
            for a, b in zip(members, members[1:], strict=False):
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[ra] = rb
        self.block_of = [find(i) for i in range(n)]
        blocks: dict[int, list[int]] = {}
        for i in range(n):
            blocks.setdefault(self.block_of[i], []).append(i)
        self.blocks = blocks

        # keep-apart
        self.apart: list[list[int]] = [[] for _ in range(n)]
        self.apart_pairs: list[tuple[int, int]] = []
        for pair in problem.keep_apart:
            if len(pair) != 2:
                reasons.append(f"keep-apart entry {list(pair)} must name exactly two people")
                continue
            a, b = pair
            if not (known(a, "keep-apart") & known(b, "keep-apart")):
                continue
            ia, ib = self.index[a], self.index[b]
            if ia == ib:
                reasons.append(f"keep-apart pair names {self.labels[ia]} twice")
                continue
            if self.block_of[ia] == self.block_of[ib]:
                reasons.append(
                    f"{self.labels[ia]} and {self.labels[ib]} must be kept apart but keep-together "
                    "groups join them"
                )
                continue
            self.apart[ia].append(ib)
            self.apart[ib].append(ia)
            self.apart_pairs.append((ia, ib))

        # pins and locks -> fixed[r][person] = team index
        self.fixed: list[dict[int, int]] = [{} for _ in range(R)]

        def fix(ri: int, i: int, team: str, why: str) -> None:
            rid = self.round_ids[ri]
            if team not in self.tpos[ri]:
                reasons.append(f"{why}: team {team} does not exist in round {rid}")
                return
            if not self.present[ri][i]:
                self.warnings.append(
                    f"Round {rid}: {self.labels[i]} is absent, so the {why.split(' ')[0]} "
                    "is ignored"
                )
                return
            t = self.tpos[ri][team]
            old = self.fixed[ri].get(i)
            if old is not None and old != t:
                reasons.append(
                    f"round {rid}: {self.labels[i]} is pinned to both "
                    f"{self.team_ids[ri][old]} and {team}"
                )
                return
            self.fixed[ri][i] = t

        for pin in problem.pins:
            if not known(pin.person_id, "pin"):
                continue
            i = self.index[pin.person_id]
            rounds = pin.rounds if pin.rounds is not None else tuple(self.round_ids)
            for rid in rounds:
                if known_round(rid, f"pin of {pin.person_id}"):
                    fix(self.rpos[rid], i, pin.team_id, f"pin of {self.labels[i]}")
        for rid, locks in problem.locked.items():
            if not known_round(rid, "locked"):
                continue
            for pid, team in locks.items():
                if known(pid, f"locked in round {rid}"):
                    i = self.index[pid]
                    fix(self.rpos[rid], i, team, f"lock of {self.labels[i]}")

        # per-round sizes and feasibility of the fixed part
        self.q: list[int] = []
        self.rem: list[int] = []
        self.pres_list: list[list[int]] = []
        for ri in range(R):
            rid = self.round_ids[ri]
            k = max(1, len(self.team_ids[ri]))
            pres = [i for i in range(n) if self.present[ri][i]]
            self.pres_list.append(pres)
            q, rem = divmod(len(pres), k)
            self.q.append(q)
            self.rem.append(rem)
            if len(pres) < k:
                self.warnings.append(
                    f"Round {rid}: {len(pres)} people for {k} teams, some teams stay empty"
                )
            cap = q + 1 if rem else q
            fixed = self.fixed[ri]
            loads = [0] * k
            for members in self.blocks.values():
                mem = [i for i in members if self.present[ri][i]]
                if not mem:
                    continue
                if len(mem) > cap:
                    names = ", ".join(self.labels[i] for i in mem)
                    reasons.append(
                        f"round {rid}: keep-together group ({names}) has {len(mem)} people "
                        f"but teams hold at most {cap}"
                    )
                teams = {fixed[i] for i in mem if i in fixed}
                if len(teams) > 1:
                    names = ", ".join(
                        f"{self.labels[i]} in {self.team_ids[ri][fixed[i]]}"
                        for i in mem
                        if i in fixed
                    )
                    reasons.append(f"round {rid}: pins contradict a keep-together group ({names})")
                    continue
                if teams:
                    t = teams.pop()
                    for i in mem:
                        fixed.setdefault(i, t)
                    loads[t] += len(mem)
            for t, load in enumerate(loads):
                if load > cap:
                    reasons.append(
                        f"round {rid}: {load} people are pinned to {self.team_ids[ri][t]} "
                        f"but teams hold at most {cap}"
                    )
            if rem and sum(1 for load in loads if load == q + 1) > rem:
                reasons.append(
                    f"round {rid}: pins fill more teams to {q + 1} than the {rem} that can "
                    f"have {q + 1} people"
                )
            for a, b in self.apart_pairs:
                # fixed holds present people only, so both are here this round
                if a in fixed and b in fixed and fixed[a] == fixed[b]:
                    reasons.append(
                        f"round {rid}: {self.labels[a]} and {self.labels[b]} must be kept "
                        f"apart but are both pinned to {self.team_ids[ri][fixed[a]]}"
                    )
        if reasons:
            raise InfeasibleProblem(list(dict.fromkeys(reasons)))

        # bands and balance/minority cost tables per round
        w = problem.weights
        self.tables: list[list[list[list[float]]]] = []
        self.bands: list[list[list[tuple[int, int]]]] = []
        self.cat_totals: list[list[list[int]]] = []
        for ri in range(R):
            k = max(1, len(self.team_ids[ri]))
            maxsize = self.q[ri] + 2
            tabs, bands, totals = [], [], []
            for a in range(len(self.attrs)):
                ncat = self.ncat[a]
                tot = [0] * ncat
                for i in self.pres_list[ri]:
                    c = self.cat[a][i]
                    if c >= 0:
                        tot[c] += 1
                totals.append(tot)
                arow, brow = [], []
                for c in range(ncat):
                    lo, hi = _band(tot[c], k, self.minority[a])
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
                bands.append(brow)
            self.tables.append(tabs)
            self.bands.append(bands)
            self.cat_totals.append(totals)


# --------------------------------------------------------------------------------------------
# Constructive seeds for pure rotation (resolvable transversal designs)
# --------------------------------------------------------------------------------------------

_IRREDUCIBLE = {
    4: (2, [1, 1, 1]),
    8: (2, [1, 1, 0, 1]),
    9: (3, [1, 0, 1]),
    16: (2, [1, 1, 0, 0, 1]),
}
_IRREDUCIBLE[25] = (5, [3, 0, 1])
_IRREDUCIBLE[27] = (3, [1, 2, 0, 1])


def _is_prime(x: int) -> bool:
    return x >= 2 and all(x % d for d in range(2, int(x**0.5) + 1))


def _field(order: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of GF(order), or None if not supported."""
    if _is_prime(order):
        add = [[(a + b) % order for b in range(order)] for a in range(order)]
        mul = [[(a * b) % order for b in range(order)] for a in range(order)]
        return add, mul
    if order not in _IRREDUCIBLE:
        return None
    p, poly = _IRREDUCIBLE[order]
    m = len(poly) - 1

    def digits(x: int) -> list[int]:
        return [(x // p**i) % p for i in range(m)]

    def number(ds: list[int]) -> int:
        return sum(d * p**i for i, d in enumerate(ds))

    def mult(a: int, b: int) -> int:
        da, db = digits(a), digits(b)
        prod = [0] * (2 * m - 1)
        for i, x in enumerate(da):
            for j, y in enumerate(db):
                prod[i + j] = (prod[i + j] + x * y) % p
        for deg in range(2 * m - 2, m - 1, -1):
            coef = prod[deg]
            if coef:
                for i, c in enumerate(poly):
                    prod[deg - m + i] = (prod[deg - m + i] - coef * c) % p
        return number(prod[:m])

    add = [
        [
            number([(x + y) % p for x, y in zip(digits(a), digits(b), strict=True)])
            for b in range(order)
        ]
        for a in range(order)
    ]
    mul = [[mult(a, b) for b in range(order)] for a in range(order)]
    return add, mul


# Cyclic resolvable designs: (teams, size) -> (m, rows, base round).  Points are (x, row) with
# x in Z_m, numbered row*m + x, plus infinite points numbered from m*rows (written as
# (-1, j)); round t adds t (mod m) to every finite x, giving m rounds with no repeated pair.
_CYCLIC: dict[tuple[int, int], tuple[int, int, list[list[tuple[int, int]]]]] = {
    (6, 4): (
        7,
        3,
        [
            [(-1, 0), (0, 2), (1, 0), (2, 1)],
            [(-1, 1), (2, 0), (4, 2), (5, 1)],
            [(-1, 2), (0, 1), (3, 0), (3, 2)],
            [(0, 0), (4, 0), (6, 0), (6, 1)],
            [(5, 0), (1, 2), (2, 2), (6, 2)],
            [(1, 1), (3, 1), (4, 1), (5, 2)],
        ],
    ),
}


def _cyclic_rounds(k: int, s: int, rounds: int) -> list[list[list[int]]] | None:
    spec = _CYCLIC.get((k, s))
    if spec is None or rounds > spec[0]:
        return None
    m, rows, base = spec
    out = []
    for t in range(rounds):
        groups = []
        for block in base:
            groups.append([m * rows + j if x < 0 else j * m + (x + t) % m for x, j in block])
        out.append(groups)
    return out


# Doubled affine planes: s -> a relabelling of the s*s points of AG(2, s).  The s+1 parallel
# classes of AG(2, s), followed by the same classes relabelled, give 2(s+1) rounds in which
# every pair of base points shares a line exactly twice and no two lines share three points.
# Each base point p becomes two people 2p and 2p+1 (who never meet), and each line becomes
# two complementary teams, one person per base point; _doubled_rounds picks which copy of
# each base point goes into which team so that the two lines through a pair of base points
# cover its four cross pairs exactly once.  For s = 4 this gives the 10 rounds of 8 teams of
# 4 that a 32-person roster allows.  The relabellings were found by a search over random
# permutations of the points, kept only if the parity equations below are solvable.
_DOUBLED: dict[int, list[int]] = {
    3: [2, 3, 6, 0, 8, 1, 5, 4, 7],
    4: [6, 12, 4, 14, 9, 3, 0, 8, 13, 5, 15, 7, 2, 1, 11, 10],
}


def _solve_gf2(rows: list[tuple[int, int]]) -> int | None:
    """A solution of the GF(2) system given as (bitmask of variables, right-hand side)."""
    pivots: dict[int, tuple[int, int]] = {}
    for mask, rhs in rows:
        for col, (pm, pr) in pivots.items():
            if mask >> col & 1:
                mask ^= pm
                rhs ^= pr
        if not mask:
            if rhs:
                return None
            continue
        col = mask.bit_length() - 1
        for c2, (pm, pr) in list(pivots.items()):
            if pm >> col & 1:
                pivots[c2] = (pm ^ mask, pr ^ rhs)
        pivots[col] = (mask, rhs)
    return sum(1 << col for col, (_, pr) in pivots.items() if pr)


def _doubled_rounds(k: int, s: int, rounds: int) -> list[list[list[int]]] | None:
    """Up to 2(s+1) rounds of k = 2s teams of s with no repeated pair (see _DOUBLED)."""
    relabel = _DOUBLED.get(s)
    if relabel is None or k != 2 * s or rounds > 2 * (s + 1):
        return None
    f = _field(s)
    assert f is not None, "every order in _DOUBLED is a field order _field supports"
    add, mul = f
    plane = [[[x * s + add[mul[m][x]][c] for x in range(s)] for c in range(s)] for m in range(s)]
    plane.append([[c * s + y for y in range(s)] for c in range(s)])
    classes = plane + [[[relabel[p] for p in line] for line in cls] for cls in plane]
    lines = [line for cls in classes for line in cls]
    # one variable per (line, point): which copy of the point goes to the line's first team
    var = {(li, p): li * s + j for li, line in enumerate(lines) for j, p in enumerate(line)}
    through: dict[tuple[int, int], list[int]] = {}
    for li, line in enumerate(lines):
        for a, b in itertools.combinations(sorted(line), 2):
            through.setdefault((a, b), []).append(li)
    rows = []
    for (a, b), (l1, l2) in through.items():
        mask = 0
        for li in (l1, l2):
            mask ^= (1 << var[li, a]) ^ (1 << var[li, b])
        rows.append((mask, 1))
    sol = _solve_gf2(rows)
    if sol is None:
        return None
    out = []
    for ci, cls in enumerate(classes[:rounds]):
        groups = []
        for j, line in enumerate(cls):
            li = ci * s + j  # every class holds s lines
            first = [2 * p + (sol >> var[li, p] & 1) for p in line]
            groups.append(first)
            groups.append([q ^ 1 for q in first])
        out.append(groups)
    return out


def _design_rounds(k: int, s: int, rounds: int) -> list[list[list[int]]] | None:
    """Rounds of k groups of s with no repeated pair from a known design, or None."""
    for construction in (_cyclic_rounds, _affine_rounds, _doubled_rounds):
        design = construction(k, s, rounds)
        if design is not None:
            return design
    return None


def _affine_rounds(k: int, s: int, rounds: int) -> list[list[list[int]]] | None:
    """Up to k+1 rounds of k groups of s (s <= k, k a prime power) with no repeated pair.

    Points are (x, y), x in GF(k), y < s, numbered y*k + x.  Round m < k groups point
    (c + m*y, y) for each c (a transversal design); round k, if s divides k, splits each
    row y into k/s groups.
    """
    if s > k or s < 1:
        return None
    limit = k + (1 if k % s == 0 else 0)
    if rounds > limit:
        return None
    f = _field(k)
    if f is None:
        return None
    add, mul = f
    out = []
    for m in range(min(rounds, k)):
        out.append([[y * k + add[c][mul[m][y]] for y in range(s)] for c in range(k)])
    if rounds > k:
        groups = []
        for y in range(s):
            row = [y * k + x for x in range(k)]
            groups.extend(row[j : j + s] for j in range(0, k, s))
        out.append(groups)
    return out


# --------------------------------------------------------------------------------------------
# The search engine
# --------------------------------------------------------------------------------------------


class _Cancelled(Exception):
    pass


class _Engine:
    def __init__(
        self,
        prep: _Prep,
        progress: Callable[[float], None] | None,
        cancel: Callable[[], bool] | None,
    ):
        self.P = prep
        pr = prep.problem
        self.rng = random.Random(pr.seed)
        self.w = pr.weights
        self.n = prep.n
        self.R = len(pr.rounds)
        self.rotate = pr.mode == "rotate"
        self.wr = self.w.repeat if self.rotate else 0.0
        self.ws = self.w.stability if not self.rotate else 0.0
        self.progress = progress
        self.cancel = cancel
        n, R = self.n, self.R
        self.nattr = len(prep.attrs)
        self.team_of = [[-1] * n for _ in range(R)]
        self.members: list[list[list[int]]] = [[] for _ in range(R)]
        self.cnt: list[list[list[list[int]]]] = [[] for _ in range(R)]
        self.orgc: list[list[dict[int, int]]] = [[] for _ in range(R)]
        self.langc: list[list[dict[int, int]]] = [[] for _ in range(R)]
        self.tcost: list[list[float]] = [[] for _ in range(R)]
        self.M = [0] * (n * n) if self.wr > 0 else None
        # the search's weights: the user's, raised on features the search keeps violating
        # (see penalise); costs reported and compared between plans always use the user's
        self.gtab = prep.tables
        self.gwo = self.w.organisation
        self.gwl = self.w.language
        self.gwr = self.wr
        self.prefer: list[list[int]] = [[-1] * n for _ in range(R)]
        self.big = [0] * R
        self.pcat = [tuple(col[i] for col in prep.cat) for i in range(n)]
        # movable people per round: present, not fixed, not in a multi-person group
        self.movable: list[list[bool]] = []
        self.movable_list: list[list[int]] = []
        for r in range(R):
            mv = [False] * n
            for i in prep.pres_list[r]:
                if i in prep.fixed[r]:
                    continue
                blk = prep.blocks[prep.block_of[i]]
                if sum(1 for j in blk if prep.present[r][j]) > 1:
                    continue
                mv[i] = True
            self.movable.append(mv)
            self.movable_list.append([i for i in prep.pres_list[r] if mv[i]])
        self.evals = 0
        self.budget = 1
        self._last_progress = -1.0

    # ---------------------------------------------------------------- state management

    def reset_round(self, r: int) -> None:
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
        self.tcost[r] = [self.team_cost(r, t) for t in range(len(self.members[r]))]

    def total_cost(self, guided: bool = False) -> float:
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
        return [list(t) for t in self.team_of]

    def restore(self, snap: list[list[int]], rounds: Iterable[int]) -> None:
        for r in rounds:
            for t_members in self.members[r]:
                for i in list(t_members):
                    self.remove(r, i)
            self.reset_round(r)
            for i, t in enumerate(snap[r]):
                if t >= 0:
                    self.add(r, i, t)
            self.refresh_costs(r)

    # ---------------------------------------------------------------- capacity

    def can_take(self, r: int, t: int, u: int) -> bool:
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
        tof = self.team_of[r]
        for x in self.P.apart[i]:
            if x != leaving and tof[x] == t:
                return False
        return True

    def swap_delta(self, r: int, p: int, q: int) -> float | None:
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
        A, B = self.team_of[r][p], self.team_of[r][q]
        self.remove(r, p)
        self.remove(r, q)
        self.add(r, p, B)
        self.add(r, q, A)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)

    def apply_move(self, r: int, p: int, B: int) -> None:
        A = self.team_of[r][p]
        self.remove(r, p)
        self.add(r, p, B)
        self.tcost[r][A] = self.team_cost(r, A)
        self.tcost[r][B] = self.team_cost(r, B)

    # ---------------------------------------------------------------- construction

    def construct_round(self, r: int) -> None:
        P = self.P
        rng = self.rng
        self.reset_round(r)
        k = len(P.team_ids[r])
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
        # fixed units first
        free_units = []
        for u in units:
            if u[0] in fixed:
                for i in u:
                    self.add(r, i, fixed[i])
            else:
                free_units.append(u)
        constrained = [u for u in free_units if len(u) > 1 or any(P.apart[i] for i in u)]
        singles = [u[0] for u in free_units if not (len(u) > 1 or any(P.apart[i] for i in u))]
        jitter = {id(u): rng.random() for u in constrained}
        constrained.sort(key=lambda u: (-len(u), -sum(len(P.apart[i]) for i in u), jitter[id(u)]))
        if not self._place_units(r, constrained, k):
            rid = P.round_ids[r]
            raise InfeasibleProblem(
                [
                    f"round {rid}: the keep-together groups and keep-apart pairs cannot all be "
                    f"placed in {k} teams of the allowed sizes"
                ]
            )
        # free singletons, the most needed categories first
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
        self.refresh_costs(r)

    def _place_units(self, r: int, units: list[list[int]], k: int) -> bool:
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
        design = _design_rounds(k, n // k, len(rounds))
        if design is None:
            return False
        perm = list(range(n))
        self.rng.shuffle(perm)
        for r, groups in zip(rounds, design, strict=True):
            for t_members in self.members[r]:
                for i in list(t_members):
                    self.remove(r, i)
            self.reset_round(r)
            for t, g in enumerate(groups):
                for point in g:
                    self.add(r, perm[point], t)
            self.refresh_costs(r)
        return True

    # ---------------------------------------------------------------- search

    def tick(self) -> None:
        if self.cancel is not None and self.cancel():
            raise _Cancelled
        if self.progress is not None:
            frac = min(1.0, self.evals / self.budget)
            if frac - self._last_progress >= 0.01:
                self._last_progress = frac
                self.progress(frac)

    def conflicted(self, r: int) -> list[int]:
        """Movable people who take part in some cost of their team in round ``r``."""
        out: list[int] = []
        P = self.P
        mv = self.movable[r]
        M, n = self.M, self.n
        pref = self.prefer[r]
        tabs = P.tables[r]
        bands = P.bands[r]
        cat = P.cat
        nattr = self.nattr
        langs = P.langs
        for t, mem in enumerate(self.members[r]):
            repeated: set[int] = set()
            if M is not None:
                for ai, x in enumerate(mem):
                    b = x * n
                    for y in mem[ai + 1 :]:
                        if M[b + y] > 1:
                            repeated.add(x)
                            repeated.add(y)
            if self.tcost[r][t] > 1e-9:
                cnt = self.cnt[r][t]
                short = [
                    any(v < bands[a][c][0] and tabs[a][c][v] > 0 for c, v in enumerate(cnt[a]))
                    for a in range(nattr)
                ]
                orgc = self.orgc[r][t]
                lc = self.langc[r][t]
                for x in mem:
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
                        out.append(x)
                        continue
                    if x in repeated:
                        out.append(x)
                        continue
                    if self.ws and pref[x] >= 0 and pref[x] != t:
                        out.append(x)
                continue
            for x in mem:
                if not mv[x]:
                    continue
                if x in repeated:
                    out.append(x)
                    continue
                if self.ws and pref[x] >= 0 and pref[x] != t:
                    out.append(x)
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
        rng = self.rng
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
            self.tick()
            if small or not conf or conf_age > 10:
                conf = [(r, p) for r in rounds for p in self.conflicted(r)]
                conf_age = 0
                if not conf:
                    break
            conf_age += 1
            state: list = [None, None, 0]
            if small:
                for r, p in conf:
                    self._scan(r, p, it, tabu, gcur, gbest, state, first=False)
            else:
                for _ in range(3):
                    r, p = conf[rng.randrange(len(conf))]
                    if self._scan(r, p, it, tabu, gcur, gbest, state, first=True):
                        break
            if state[1] is None:
                stall += 1
            else:
                r, p, x, B = state[1]
                d = state[0] if self.gtab is self.P.tables else self.true_delta(r, p, x, B)
                tof = self.team_of[r]
                tenure = 3 + rng.randrange(8)
                tabu[(r, p, tof[p])] = it + tenure
                if x >= 0:
                    tabu[(r, x, tof[x])] = it + tenure
                    self.apply_swap(r, p, x)
                else:
                    self.apply_move(r, p, B)
                cur += d
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
                    # restart from the best plan with a few random swaps
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
                    cur = self.total_cost()
                    tabu.clear()
                else:
                    self.penalise(rounds)
                gcur = gbest = self.total_cost(guided=True)
                conf = []
                stall = 0
        if cur > best + 1e-9:
            self.restore(best_snap, rounds)

    # ---------------------------------------------------------------- driver

    def run(self) -> Assignment:
        P = self.P
        R = self.R
        n = self.n
        effort = max(0.05, P.problem.effort)
        all_rounds = list(range(R))
        if self.rotate:
            n_mov = max(len(m) for m in self.movable_list)
            # evaluations allowed: about the same time for every roster size at a given effort,
            # with more for rosters of 40 to 100, where balance and new partners are tightest
            if n_mov <= 40:
                base = 300_000
            elif n_mov <= 100:
                base = 48_000_000 // n_mov
            else:
                base = max(80_000, 24_000_000 // n)
            self.budget = int(effort * base)
            # round by round: each round is built and improved knowing who met before, then
            # all rounds are improved together with what is left of the budget
            for r in all_rounds:
                self.construct_round(r)
                self.tick()
                if n_mov > 40:
                    self.search([r], self.budget // (2 * R))
            greedy_cost = self.total_cost()
            greedy_snap = self.snapshot()
            # try constructive designs for every prefix of rounds that admits one
            if self.seed_design(all_rounds):
                if self.total_cost() >= greedy_cost:
                    self.restore(greedy_snap, all_rounds)
            elif R > 1 and self.seed_design(all_rounds[:-1]):
                self.construct_round(R - 1)
                if self.total_cost() >= greedy_cost:
                    self.restore(greedy_snap, all_rounds)
            self.search(all_rounds, max(self.budget // 2, self.budget - self.evals))
        else:
            self.budget = int(effort * 60_000) * R
            for r in all_rounds:
                if r > 0:
                    pref = self.prefer[r]
                    prev_team = [-1] * n
                    for r0 in range(r):
                        for i, t in enumerate(self.team_of[r0]):
                            if t >= 0:
                                prev_team[i] = t
                    k = len(P.team_ids[r])
                    for i in range(n):
                        t = prev_team[i]
                        pref[i] = t if 0 <= t < k else -1
                self.construct_round(r)
                self.search([r], self.budget // R)
        if self.progress is not None:
            self.progress(1.0)
        out: Assignment = {}
        for r in all_rounds:
            rid = P.round_ids[r]
            out[rid] = {
                tid: sorted((P.ids[i] for i in self.members[r][t]), key=P.index.__getitem__)
                for t, tid in enumerate(P.team_ids[r])
            }
        return out


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def _repeat_warnings(prep: _Prep) -> list[str]:
    pr = prep.problem
    if pr.mode != "rotate" or len(pr.rounds) < 2:
        return []
    out = []
    for r in range(1, len(pr.rounds)):
        k_prev = len(prep.team_ids[r - 1])
        both = all(prep.present[r][i] == prep.present[r - 1][i] for i in range(prep.n))
        if both and prep.q[r] > k_prev:
            out.append(
                f"Repeats are unavoidable in round {prep.round_ids[r]}: its teams of "
                f"{prep.q[r]} or more draw from only {k_prev} teams of round "
                f"{prep.round_ids[r - 1]}, so some teammates meet again (team size larger "
                "than the number of teams)"
            )
            break
    n = sum(1 for i in range(prep.n) if any(prep.present[r][i] for r in range(len(pr.rounds))))
    met = 0
    for r in range(len(pr.rounds)):
        met += max(0, prep.q[r] - 1)
    if met > n - 1:
        sizes = sorted({prep.q[r] for r in range(len(pr.rounds))})
        size = sizes[0]
        limit = max_rounds_without_repeats(n, size) if size > 1 else len(pr.rounds)
        out.append(
            f"Repeats are unavoidable: over {len(pr.rounds)} rounds in teams of {size} or more "
            f"each person would meet {met} people but there are only {n - 1} others "
            f"(at most {limit} rounds can be free of repeated pairs)"
        )
    return out


def plan(
    problem: Problem,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Plan:
    """Plan the teams of every round.  Raises InfeasibleProblem when hard constraints clash.

    ``progress`` receives values from 0 to 1; ``cancel`` is polled and, once it returns True,
    the search stops and the best plan found so far is returned.
    """
    prep = _Prep(problem)
    engine = _Engine(prep, progress, cancel)
    try:
        assignment = engine.run()
    except _Cancelled:
        assignment = _partial_assignment(engine)
    evaluation = evaluate(problem, assignment)
    warnings = list(dict.fromkeys([*prep.warnings, *_repeat_warnings(prep), *evaluation.warnings]))
    evaluation.warnings = warnings
    return Plan(assignment=assignment, evaluation=evaluation, warnings=warnings)


def _partial_assignment(engine: _Engine) -> Assignment:
    """After a cancel: complete any unbuilt round greedily and return the current plan."""
    P = engine.P
    for r in range(engine.R):
        if sum(len(m) for m in engine.members[r]) != len(P.pres_list[r]):
            engine.construct_round(r)
    return {
        P.round_ids[r]: {
            tid: sorted((P.ids[i] for i in engine.members[r][t]), key=P.index.__getitem__)
            for t, tid in enumerate(P.team_ids[r])
        }
        for r in range(engine.R)
    }


def evaluate(problem: Problem, assignment: Mapping[str, Mapping[str, Iterable[str]]]) -> Evaluation:
    """Score an assignment (e.g. after a manual change) and list what is wrong with it."""
    w = problem.weights
    by_id = {p.id: p for p in problem.people}
    violations: list[str] = []
    rounds = {r.round_id: r for r in problem.rounds}
    attrs = list(dict.fromkeys([*problem.balance_attributes, *problem.minority_attributes]))
    team_scores: dict[str, dict[str, TeamScore]] = {}
    pair_rounds: dict[tuple[str, str], list[str]] = {}
    band_violations = same_org = isolated = lang_isolated = repeated = 0
    groups = [set(g) for g in problem.keep_together]
    rotate = problem.mode == "rotate"
    prev_team: dict[str, str] = {}
    round_order = [r.round_id for r in problem.rounds] + [
        rid for rid in assignment if rid not in rounds
    ]
    for rid in round_order:
        teams = assignment.get(rid)
        if teams is None:
            violations.append(f"Round {rid} has no teams in the plan")
            continue
        if rid not in rounds:
            violations.append(f"Round {rid} is not part of the exercise")
            continue
        spec = rounds[rid]
        absent = set(problem.absent.get(rid, ()))
        teams = {t: list(m) for t, m in teams.items()}
        where: dict[str, str] = {}
        for tid, mem in teams.items():
            if tid not in spec.team_ids:
                violations.append(f"Round {rid}: team {tid} is not a team of this round")
            for pid in mem:
                if pid not in by_id:
                    violations.append(f"Round {rid}: unknown person id {pid} in {tid}")
                elif pid in where:
                    violations.append(f"Round {rid}: {by_id[pid].label} is in two teams")
                elif pid in absent:
                    violations.append(f"Round {rid}: {by_id[pid].label} is absent but in {tid}")
                where[pid] = tid
        for p in problem.people:
            if p.id not in absent and p.id not in where:
                violations.append(f"Round {rid}: {p.label} is not in any team")
        k = max(1, len(spec.team_ids))
        sizes = [len(teams.get(t, [])) for t in spec.team_ids]
        if sizes and max(sizes) - min(sizes) > 1:
            violations.append(
                f"Round {rid}: team sizes {min(sizes)} to {max(sizes)} differ by more than one"
            )
        for g in groups:
            placed = {where[p] for p in g if p in where}
            if len(placed) > 1:
                names = ", ".join(by_id[p].label for p in g if p in by_id)
                violations.append(f"Round {rid}: keep-together group ({names}) is split")
        for pair in problem.keep_apart:
            if len(pair) == 2 and pair[0] in where and where[pair[0]] == where.get(pair[1]):
                violations.append(
                    f"Round {rid}: {by_id[pair[0]].label} and {by_id[pair[1]].label} "
                    f"must be apart but are both in {where[pair[0]]}"
                )
        wanted: dict[str, str] = {}
        for pin in problem.pins:
            if pin.rounds is None or rid in pin.rounds:
                wanted[pin.person_id] = pin.team_id
        wanted.update(problem.locked.get(rid, {}))
        for pid, tid in wanted.items():
            if pid in where and where[pid] != tid:
                violations.append(
                    f"Round {rid}: {by_id[pid].label} must be in {tid} but is in {where[pid]}"
                )
        # soft scoring
        present = [by_id[p] for p in where if p in by_id]
        totals: dict[str, dict[str, int]] = {a: {} for a in attrs}
        display: dict[str, dict[str, str]] = {a: {} for a in attrs}
        for p in present:
            for a in attrs:
                raw = (p.attributes.get(a) or "").strip()
                if raw:
                    key = _norm(raw)
                    totals[a][key] = totals[a].get(key, 0) + 1
                    display[a].setdefault(key, raw)
        scores: dict[str, TeamScore] = {}
        for tid in spec.team_ids:
            mem = [by_id[p] for p in teams.get(tid, []) if p in by_id]
            score = 0.0
            reasons: list[str] = []
            for a in attrs:
                bal = a in problem.balance_attributes
                mino = a in problem.minority_attributes
                counts: dict[str, list[Person]] = {}
                for p in mem:
                    key = _norm(p.attributes.get(a))
                    if key:
                        counts.setdefault(key, []).append(p)
                for key, tot in totals[a].items():
                    got = counts.get(key, [])
                    lo, hi = _band(tot, k, mino)
                    value = display[a][key]
                    if bal and len(got) > hi:
                        over = len(got) - hi
                        band_violations += over
                        score += w.balance * over
                        reasons.append(
                            f"{tid}: {_count_phrase(a, value, len(got))}, expected at most {hi}"
                        )
                    elif bal and len(got) < lo:
                        under = lo - len(got)
                        band_violations += under
                        score += w.balance * under
                        reasons.append(
                            f"{tid}: {_count_phrase(a, value, len(got))}, expected at least {lo}"
                        )
                    if mino and tot >= 2 and len(got) == 1:
                        isolated += 1
                        score += w.minority
                        reasons.append(f"{tid}: {got[0].label} is {_only_phrase(a, value)}")
            orgs: dict[str, list[Person]] = {}
            for p in mem:
                key = _norm(p.organisation)
                if key:
                    orgs.setdefault(key, []).append(p)
            for group in orgs.values():
                if len(group) > 1:
                    pairs = len(group) * (len(group) - 1) // 2
                    same_org += pairs
                    score += w.organisation * pairs
                    reasons.append(
                        f"{tid}: {_word(len(group))} people from {group[0].organisation.strip()}"
                    )
            if mem:
                lang_sets = [{_norm(x) for x in p.languages if _norm(x)} for p in mem]
                for idx, p in enumerate(mem):
                    mine = lang_sets[idx]
                    if not mine:
                        continue
                    if not any(mine & other for j, other in enumerate(lang_sets) if j != idx):
                        lang_isolated += 1
                        score += w.language
                        reasons.append(f"{tid}: {p.label} shares no working language with the team")
            ids = [p.id for p in mem]
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    key = (ids[x], ids[y]) if ids[x] < ids[y] else (ids[y], ids[x])
                    before = pair_rounds.setdefault(key, [])
                    if before and rotate:
                        repeated += 1
                        score += w.repeat
                        reasons.append(
                            f"{tid}: {by_id[key[0]].label} and {by_id[key[1]].label} were "
                            f"already together in round {before[-1]}"
                        )
                    before.append(rid)
            if not rotate:
                for p in mem:
                    old = prev_team.get(p.id)
                    if old is not None and old != tid:
                        score += w.stability
                        reasons.append(f"{tid}: {p.label} moved here from {old}")
            scores[tid] = TeamScore(score=score, reasons=reasons)
        for pid, tid in where.items():
            prev_team[pid] = tid
        team_scores[rid] = scores
    overall = sum(ts.score for teams in team_scores.values() for ts in teams.values())
    return Evaluation(
        overall_score=overall,
        team_scores=team_scores,
        hard_violations=violations,
        repeated_pairs=repeated,
        warnings=[],
        band_violations=band_violations,
        same_organisation_pairs=same_org,
        isolated_minorities=isolated,
        language_isolated=lang_isolated,
    )
