"""What a team holds of each attribute the teams are mixed by, and the round's quality in words.

A facilitator should see at a glance that a team has "4 F / 4 M · 3 civil society / 4
government · 5 countries" without reading its cards, and which of those numbers is off. The
numbers are counted from the same people and the same fair-share rule as the engine's
evaluation (:func:`facilitator.domain.teams.model.bands` over the people placed in the round),
so a part shown as off is exactly one the evaluation charges for. Pure Python, no Qt: the
team columns render the parts, tests read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from facilitator.domain import teams as engine
from facilitator.domain.teams.model import bands, norm

# How a category is written in a summary: short, lower case where it is a common noun.
GENDER_SHORT = {"female": "F", "male": "M", "other": "other", "unspecified": "not given"}
SECTOR_SHORT = {
    "international organisation": "international",
    "private sector": "private",
}
PLURALS = {"participant": "participants", "speaker": "speakers"}
# An attribute with more categories than this in the round is summed up ("6 countries").
MAX_LISTED = 4
MAX_NAMED_OFF = 3
# The order of the attributes in a summary: the short ones first, countries last.
ORDER = ("gender", "sector", "role")


@dataclass(frozen=True)
class Part:
    """One number of a summary: "4 F", "5 countries", "none from Thailand"."""

    text: str
    off: bool = False  # outside the fair share the engine aims for
    why: str = ""  # what was expected, for the tooltip ("2–3 women per team")


@dataclass(frozen=True)
class Line:
    """What one team holds of one attribute (or of working languages)."""

    attribute: str
    parts: tuple[Part, ...]
    sep: str = " / "  # between counts of categories; ", " after a sum ("5 countries, …")

    @property
    def text(self) -> str:
        return self.sep.join(p.text for p in self.parts)


@dataclass(frozen=True)
class TeamSummary:
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        """The summary as plain text: one attribute after the other."""
        return " · ".join(line.text for line in self.lines)

    @property
    def off(self) -> list[Part]:
        return [p for line in self.lines for p in line.parts if p.off]

    def html(self, off_colour: str = "#A61B1B") -> str:
        """Rich text for a label: parts never break inside, off parts bold in ``off_colour``."""
        out = []
        for line in self.lines:
            parts = []
            for p in line.parts:
                text = escape(p.text).replace(" ", "&nbsp;")
                if p.off:
                    text = f'<b style="color:{off_colour}">{text}</b>'
                parts.append(text)
            out.append(line.sep.join(parts))
        return " · ".join(out)

    def tooltip(self) -> str:
        """What is off and what was expected, one line each ("" when nothing is off)."""
        return "\n".join(f"{p.text}: expected {p.why}" for p in self.off if p.why)


def _label(attribute: str, raw: str) -> str:
    key = norm(raw)
    if attribute == "gender":
        return GENDER_SHORT.get(key, raw)
    if attribute == "sector":
        return SECTOR_SHORT.get(key, key)
    if attribute == "role":
        return key
    return raw


def _count(attribute: str, label: str, n: int) -> str:
    if attribute == "gender" and label in ("F", "M"):
        return f"{n} {label}"
    if attribute == "country":
        return f"{n} from {label}" if n else f"none from {label}"
    if attribute == "role" and n != 1:
        return f"{n} {PLURALS.get(label, label)}"
    return f"{n} {label}"


def _expected(attribute: str, label: str, lo: int, hi: int) -> str:
    span = f"{lo}" if lo == hi else f"{lo}–{hi}"
    if attribute == "country":
        return f"{span} from {label} per team"
    return f"{span} {label} per team"


def summarise_round(
    problem: engine.Problem,
    round_key: str,
    teams: Mapping[str, Iterable[str]],
    attributes: Iterable[str] | None = None,
    languages: bool | None = None,
) -> dict[str, TeamSummary]:
    """A summary of each team of one round (engine team name → summary).

    ``attributes`` are those the teams are mixed by (the problem's balance attributes by
    default); ``languages`` adds who can talk to whom (by default when the shared-language
    goal counts and someone in the round has a working language).
    """
    chosen = list(problem.balance_attributes if attributes is None else attributes)
    attrs = [a for a in ORDER if a in chosen] + [a for a in chosen if a not in ORDER]
    by_id = {p.id: p for p in problem.people}
    spec = next((r for r in problem.rounds if r.round_id == round_key), None)
    names = list(spec.team_ids) if spec else list(teams)
    members = {t: [by_id[p] for p in teams.get(t, []) if p in by_id] for t in names}
    placed = [p for mem in members.values() for p in mem]
    k = max(1, len(names))
    minority = set(problem.minority_attributes)
    if languages is None:
        languages = problem.weights.language > 0 and any(p.languages for p in placed)
    # Category totals over the people placed in the round, in the order of their size.
    totals: dict[str, dict[str, int]] = {}
    display: dict[str, dict[str, str]] = {}
    for a in attrs:
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        for p in placed:
            raw = (p.attributes.get(a) or "").strip()
            if raw:
                counts[norm(raw)] = counts.get(norm(raw), 0) + 1
                shown.setdefault(norm(raw), raw)
        totals[a] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        display[a] = shown
    out = {}
    for t in names:
        lines = [
            _attribute_line(a, members[t], totals[a], display[a], k, a in minority) for a in attrs
        ]
        if languages:
            lines.append(_language_line(members[t]))
        out[t] = TeamSummary(tuple(line for line in lines if line.parts))
    return out


def _attribute_line(
    attribute: str,
    mem: list[engine.Person],
    totals: dict[str, int],
    display: dict[str, str],
    k: int,
    minority: bool,
) -> Line:
    got: dict[str, int] = {}
    for p in mem:
        key = norm(p.attributes.get(attribute))
        if key:
            got[key] = got.get(key, 0) + 1
    parts: list[Part] = []
    off: list[Part] = []
    wanted = bands(list(totals.values()), k, minority)
    for (key, _total), (lo, hi) in zip(totals.items(), wanted, strict=True):
        n = got.get(key, 0)
        label = _label(attribute, display[key])
        part = Part(
            _count(attribute, label, n), not lo <= n <= hi, _expected(attribute, label, lo, hi)
        )
        if part.off:
            off.append(part)
        if n or part.off:
            parts.append(part)
    if len(totals) <= MAX_LISTED:
        return Line(attribute, tuple(parts))
    # Many categories (countries): how many there are, then the ones that are off.
    plural = "countries" if attribute == "country" else f"kinds of {attribute}"
    kinds = sum(1 for key in totals if got.get(key))
    head = Part(f"{kinds} {plural}" if kinds != 1 else f"1 {attribute}")
    named = off[:MAX_NAMED_OFF]
    more = len(off) - len(named)
    tail = [Part(f"{more} more off", True)] if more > 0 else []
    return Line(attribute, (head, *named, *tail), ", ")


def _language_line(mem: list[engine.Person]) -> Line:
    """The language most of the team speaks, and who shares none with a teammate."""
    sets = [{norm(x) for x in p.languages if norm(x)} for p in mem]
    if not any(sets):
        return Line("language", ())
    spoken: dict[str, int] = {}
    written: dict[str, str] = {}
    for p, langs in zip(mem, sets, strict=True):
        for x in langs:
            spoken[x] = spoken.get(x, 0) + 1
        for raw in p.languages:
            written.setdefault(norm(raw), raw.strip())
    best = min(spoken, key=lambda x: (-spoken[x], x))
    name = written[best].upper() if len(written[best]) <= 3 else written[best]
    n = spoken[best]
    parts = [Part(f"all speak {name}" if n == len(mem) else f"{n} of {len(mem)} speak {name}")]
    alone = sum(
        1
        for i, mine in enumerate(sets)
        if mine and not any(mine & other for j, other in enumerate(sets) if j != i)
    )
    if alone:
        text = f"{alone} with no shared language"
        parts.append(Part(text, True, "everyone to share a language with a teammate"))
    return Line("language", tuple(parts), ", ")


# -- the round as a whole ---------------------------------------------------------------------
@dataclass(frozen=True)
class Quality:
    """How good a round's teams are, in words, and the things behind that word."""

    word: str  # "very good", "good", "fair", "poor", "needs fixing"
    things: int  # things to look at: the teams' notes plus broken rules
    broken: int  # rules broken (someone absent in a team, a fixed person elsewhere…)

    @property
    def text(self) -> str:
        if not self.things:
            look = "nothing to look at"
        else:
            look = f"{self.things} thing{'s' if self.things != 1 else ''} to look at"
        return f"Quality: {self.word} — {look}"


def quality(notes: int, broken: int, team_count: int) -> Quality:
    """A word for a round from its teams' ``notes`` (the evaluation's reasons) and its
    ``broken`` rules: any broken rule needs fixing; otherwise the fewer notes per team, the
    better (one per team is still good)."""
    teams = max(1, team_count)
    if broken:
        word = "needs fixing"
    elif notes == 0:
        word = "very good"
    elif notes <= teams:
        word = "good"
    elif notes <= 3 * teams:
        word = "fair"
    else:
        word = "poor"
    return Quality(word, notes + broken, broken)
