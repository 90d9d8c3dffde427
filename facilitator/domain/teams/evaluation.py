"""Scoring a finished assignment, and the warnings a plan carries.

:func:`evaluate` works from the problem's ids and names, not from the engine's indexes, so it
scores any assignment: the engine's, or one a user changed by hand (then it also lists the
hard rules the change breaks).  Its reasons are sentences a facilitator reads ("T1: Ana is the
only woman").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from facilitator.domain.teams.model import (
    Evaluation,
    Person,
    Problem,
    RoundSpec,
    TeamScore,
    bands,
    max_rounds_without_repeats,
    norm,
)
from facilitator.domain.teams.prepare import Prepared

__all__ = ["evaluate", "repeat_warnings"]


# --------------------------------------------------------------------------------------------
# Words for the reasons
# --------------------------------------------------------------------------------------------

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
    if attr == "gender" and norm(value) in _GENDER_NOUN:
        return f"the only {_GENDER_NOUN[norm(value)]}"
    if attr == "country":
        return f"the only person from {value}"
    return f"the only person with {attr} {value}"


def _count_phrase(attr: str, value: str, n: int) -> str:
    if attr == "gender" and norm(value) in _GENDER_NOUN:
        noun = _GENDER_NOUN[norm(value)]
        plural = {"woman": "women", "man": "men"}[noun]
        return f"{n} {noun if n == 1 else plural}"
    if attr == "country":
        return f"{n} from {value}"
    return f"{n} with {attr} {value}"


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def evaluate(problem: Problem, assignment: Mapping[str, Mapping[str, Iterable[str]]]) -> Evaluation:
    """Score an assignment (e.g. after a manual change) and list what is wrong with it."""
    scorer = _Scorer(problem)
    scorer.check_ids()
    rounds = scorer.rounds
    round_order = [r.round_id for r in problem.rounds] + [
        rid for rid in assignment if rid not in rounds
    ]
    for rid in round_order:
        teams = assignment.get(rid)
        if teams is None:
            scorer.violations.append(f"Round {rid} has no teams in the plan")
            continue
        if rid not in rounds:
            scorer.violations.append(f"Round {rid} is not part of the exercise")
            continue
        scorer.add_round(rounds[rid], {t: list(m) for t, m in teams.items()})
    return scorer.evaluation()


class _TeamTally:
    """One team's score and the reasons for it, in the order they are found."""

    __slots__ = ("reasons", "score")

    def __init__(self) -> None:
        self.score = 0.0
        self.reasons: list[str] = []

    def add(self, cost: float, reason: str) -> None:
        self.score += cost
        self.reasons.append(reason)


class _Scorer:
    """Scores the rounds of an assignment in order: repeated pairs (rotate mode) and moves
    between teams (keep mode) are counted against the rounds scored before."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.w = problem.weights
        self.by_id = {p.id: p for p in problem.people}
        self.rounds = {r.round_id: r for r in problem.rounds}
        self.attrs = list(
            dict.fromkeys([*problem.balance_attributes, *problem.minority_attributes])
        )
        self.groups = [set(g) for g in problem.keep_together]
        self.rotate = problem.mode == "rotate"
        self.violations: list[str] = []
        self.team_scores: dict[str, dict[str, TeamScore]] = {}
        self.pair_rounds: dict[tuple[str, str], list[str]] = {}  # pair -> rounds together
        self.prev_team: dict[str, str] = {}  # person -> team in the latest round they were in
        self.band_violations = 0
        self.same_org = 0
        self.isolated = 0
        self.lang_isolated = 0
        self.repeated = 0

    def evaluation(self) -> Evaluation:
        overall = sum(ts.score for teams in self.team_scores.values() for ts in teams.values())
        return Evaluation(
            overall_score=overall,
            team_scores=self.team_scores,
            hard_violations=self.violations,
            repeated_pairs=self.repeated,
            warnings=[],
            band_violations=self.band_violations,
            same_organisation_pairs=self.same_org,
            isolated_minorities=self.isolated,
            language_isolated=self.lang_isolated,
        )

    def check_ids(self) -> None:
        """Constraints that name a person the problem does not know are an input error: say
        so once (in the words :class:`~.prepare.Prepared` uses), and check the rest."""
        problem = self.problem
        named: list[tuple[str, str]] = []
        for gi, group in enumerate(problem.keep_together):
            named.extend((f"keep-together group {gi + 1}", pid) for pid in group)
        for pair in problem.keep_apart:
            named.extend(("keep-apart", pid) for pid in pair)
        named.extend(("pin", pin.person_id) for pin in problem.pins)
        for rid, locks in problem.locked.items():
            named.extend((f"locked in round {rid}", pid) for pid in locks)
        for rid, ids in problem.absent.items():
            named.extend((f"absent in round {rid}", pid) for pid in ids)
        for where, pid in dict.fromkeys(named):
            if pid not in self.by_id:
                self.violations.append(f"{where}: unknown person id {pid}")

    def add_round(self, spec: RoundSpec, teams: dict[str, list[str]]) -> None:
        """Check the hard rules of one round, then score each of its teams."""
        rid = spec.round_id
        where = self._placements(spec, teams)
        self._check_sizes(spec, teams)
        self._check_constraints(rid, where)
        totals, display = self._category_totals(where)
        k = max(1, len(spec.team_ids))
        scores: dict[str, TeamScore] = {}
        for tid in spec.team_ids:
            mem = [self.by_id[p] for p in teams.get(tid, []) if p in self.by_id]
            tally = _TeamTally()
            self._score_balance(tally, tid, mem, k, totals, display)
            self._score_organisations(tally, tid, mem)
            self._score_languages(tally, tid, mem)
            self._score_repeats(tally, rid, tid, mem)
            if not self.rotate:
                self._score_moves(tally, tid, mem)
            scores[tid] = TeamScore(score=tally.score, reasons=tally.reasons)
        for pid, tid in where.items():
            self.prev_team[pid] = tid
        self.team_scores[rid] = scores

    # ---------------------------------------------------------------- hard rules

    def _placements(self, spec: RoundSpec, teams: dict[str, list[str]]) -> dict[str, str]:
        """Where everybody is (person id -> team id); unknown teams or people, people in two
        teams, absent people placed and present people left out are violations."""
        rid = spec.round_id
        by_id = self.by_id
        absent = set(self.problem.absent.get(rid, ()))
        where: dict[str, str] = {}
        for tid, mem in teams.items():
            if tid not in spec.team_ids:
                self.violations.append(f"Round {rid}: team {tid} is not a team of this round")
            for pid in mem:
                if pid not in by_id:
                    self.violations.append(f"Round {rid}: unknown person id {pid} in {tid}")
                elif pid in where:
                    self.violations.append(f"Round {rid}: {by_id[pid].label} is in two teams")
                elif pid in absent:
                    self.violations.append(
                        f"Round {rid}: {by_id[pid].label} is absent but in {tid}"
                    )
                where[pid] = tid
        for p in self.problem.people:
            if p.id not in absent and p.id not in where:
                self.violations.append(f"Round {rid}: {p.label} is not in any team")
        return where

    def _check_sizes(self, spec: RoundSpec, teams: dict[str, list[str]]) -> None:
        sizes = [len(teams.get(t, [])) for t in spec.team_ids]
        if sizes and max(sizes) - min(sizes) > 1:
            self.violations.append(
                f"Round {spec.round_id}: team sizes {min(sizes)} to {max(sizes)} differ by "
                "more than one"
            )

    def _check_constraints(self, rid: str, where: dict[str, str]) -> None:
        """Keep-together groups, keep-apart pairs, pins and locks of round ``rid``."""
        by_id = self.by_id
        problem = self.problem
        for g in self.groups:
            placed = {where[p] for p in g if p in where}
            if len(placed) > 1:
                names = ", ".join(by_id[p].label for p in g if p in by_id)
                self.violations.append(f"Round {rid}: keep-together group ({names}) is split")
        for pair in problem.keep_apart:
            if len(pair) != 2 or pair[0] not in by_id or pair[1] not in by_id:
                continue  # check_ids reported an unknown id
            if pair[0] in where and where[pair[0]] == where.get(pair[1]):
                self.violations.append(
                    f"Round {rid}: {by_id[pair[0]].label} and {by_id[pair[1]].label} "
                    f"must be apart but are both in {where[pair[0]]}"
                )
        wanted: dict[str, str] = {}
        for pin in problem.pins:
            if pin.rounds is None or rid in pin.rounds:
                wanted[pin.person_id] = pin.team_id
        wanted.update(problem.locked.get(rid, {}))
        for pid, tid in wanted.items():
            if pid in by_id and pid in where and where[pid] != tid:
                self.violations.append(
                    f"Round {rid}: {by_id[pid].label} must be in {tid} but is in {where[pid]}"
                )

    # ---------------------------------------------------------------- soft goals

    def _category_totals(
        self, where: dict[str, str]
    ) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, str]]]:
        """People per category among those placed in the round (the bands depend on it), and
        each category's spelling as first seen (for the reasons)."""
        present = [self.by_id[p] for p in where if p in self.by_id]
        totals: dict[str, dict[str, int]] = {a: {} for a in self.attrs}
        display: dict[str, dict[str, str]] = {a: {} for a in self.attrs}
        for p in present:
            for a in self.attrs:
                raw = (p.attributes.get(a) or "").strip()
                if raw:
                    key = norm(raw)
                    totals[a][key] = totals[a].get(key, 0) + 1
                    display[a].setdefault(key, raw)
        return totals, display

    def _score_balance(
        self,
        tally: _TeamTally,
        tid: str,
        mem: list[Person],
        k: int,
        totals: dict[str, dict[str, int]],
        display: dict[str, dict[str, str]],
    ) -> None:
        """People outside their category's band, and the only one of a minority category."""
        problem = self.problem
        w = self.w
        for a in self.attrs:
            bal = a in problem.balance_attributes
            mino = a in problem.minority_attributes
            counts: dict[str, list[Person]] = {}
            for p in mem:
                key = norm(p.attributes.get(a))
                if key:
                    counts.setdefault(key, []).append(p)
            keys = list(totals[a])
            wanted = dict(zip(keys, bands([totals[a][x] for x in keys], k, mino), strict=True))
            for key, tot in totals[a].items():
                got = counts.get(key, [])
                lo, hi = wanted[key]
                value = display[a][key]
                if bal and len(got) > hi:
                    over = len(got) - hi
                    self.band_violations += over
                    tally.add(
                        w.balance * over,
                        f"{tid}: {_count_phrase(a, value, len(got))}, expected at most {hi}",
                    )
                elif bal and len(got) < lo:
                    under = lo - len(got)
                    self.band_violations += under
                    tally.add(
                        w.balance * under,
                        f"{tid}: {_count_phrase(a, value, len(got))}, expected at least {lo}",
                    )
                if mino and tot >= 2 and len(got) == 1:
                    self.isolated += 1
                    tally.add(w.minority, f"{tid}: {got[0].label} is {_only_phrase(a, value)}")

    def _score_organisations(self, tally: _TeamTally, tid: str, mem: list[Person]) -> None:
        """Every pair of people from one organisation."""
        orgs: dict[str, list[Person]] = {}
        for p in mem:
            key = norm(p.organisation)
            if key:
                orgs.setdefault(key, []).append(p)
        for group in orgs.values():
            if len(group) > 1:
                pairs = len(group) * (len(group) - 1) // 2
                self.same_org += pairs
                tally.add(
                    self.w.organisation * pairs,
                    f"{tid}: {_word(len(group))} people from {group[0].organisation.strip()}",
                )

    def _score_languages(self, tally: _TeamTally, tid: str, mem: list[Person]) -> None:
        """Everybody with working languages who shares none with a teammate."""
        if not mem:
            return
        lang_sets = [{norm(x) for x in p.languages if norm(x)} for p in mem]
        for idx, p in enumerate(mem):
            mine = lang_sets[idx]
            if not mine:
                continue
            if not any(mine & other for j, other in enumerate(lang_sets) if j != idx):
                self.lang_isolated += 1
                tally.add(
                    self.w.language, f"{tid}: {p.label} shares no working language with the team"
                )

    def _score_repeats(self, tally: _TeamTally, rid: str, tid: str, mem: list[Person]) -> None:
        """Record who is together; in rotate mode a pair together before costs once for every
        earlier round it shared, so a pair that meets ``m`` times costs ``C(m, 2)`` repeats in
        all, as in the search (a third meeting is worse than a second)."""
        ids = [p.id for p in mem]
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                key = (ids[x], ids[y]) if ids[x] < ids[y] else (ids[y], ids[x])
                before = self.pair_rounds.setdefault(key, [])
                if before and self.rotate:
                    self.repeated += len(before)
                    where = (
                        f"round {before[0]}"
                        if len(before) == 1
                        else f"rounds {', '.join(before[:-1])} and {before[-1]}"
                    )
                    tally.add(
                        self.w.repeat * len(before),
                        f"{tid}: {self.by_id[key[0]].label} and {self.by_id[key[1]].label} were "
                        f"already together in {where}",
                    )
                before.append(rid)

    def _score_moves(self, tally: _TeamTally, tid: str, mem: list[Person]) -> None:
        """Keep mode: everybody not in the team they had in their latest round."""
        for p in mem:
            old = self.prev_team.get(p.id)
            if old is not None and old != tid:
                tally.add(self.w.stability, f"{tid}: {p.label} moved here from {old}")


# --------------------------------------------------------------------------------------------
# Warnings of a plan
# --------------------------------------------------------------------------------------------


def repeat_warnings(prep: Prepared) -> list[str]:
    """Rotate mode: say when the numbers make repeated pairs unavoidable, so a plan with
    repeats is not mistaken for a poor search."""
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
