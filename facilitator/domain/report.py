"""What the outcome report shows, as plain data, and the rules that shape it.

The store fills these dataclasses with read-only queries; the PDF and Word builders only lay
them out. Anonymisation happens in the store, through the one privacy guard
(``domain/privacy.py``), before any builder sees a name, so a builder cannot leak what it was
never given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from facilitator.domain.privacy import Finding

# Every section the report can hold, in the default order, with its heading.
SECTIONS: dict[str, str] = {
    "cover": "Cover",
    "contents": "Contents",
    "summary": "Executive summary",
    "participation": "Participation at a glance",
    "agenda": "Agenda",
    "sessions": "Sessions",
    "group_work": "Group work",
    "recommendations": "Recommendations",
    "priorities": "Priorities voted by participants",
    "action_plan": "Action plan",
    "evaluation": "Evaluation",
    "way_forward": "The way forward",
    "acknowledgements": "Acknowledgements",
    "annex_agenda": "Annex: detailed agenda",
    "annex_participants": "Annex: participants",
}
DEFAULT_ORDER = [
    "cover",
    "contents",
    "summary",
    "participation",
    "agenda",
    "sessions",
    "group_work",
    "recommendations",
    "priorities",
    "action_plan",
    "evaluation",
    "way_forward",
    "acknowledgements",
    "annex_participants",
]

NOTE_KINDS: dict[str, str] = {
    "key_point": "Key points",
    "recommendation": "Recommendations",
    "decision": "Decisions",
    "action_item": "Action items",
    "quote": "Quotes",
    "question": "Questions raised",
    "challenge": "Challenges",
    "lesson_learned": "Lessons learned",
    "answer": "Worksheet answers",  # with a team and a prompt they go to Group work instead
}
# Kinds that are the outcome of the event: kept even when only starred notes are shown.
OUTCOME_KINDS = {"recommendation", "decision", "action_item"}


@dataclass
class ReportSettings:
    """The organiser's choices, remembered per workshop under the ``report`` setting."""

    sections: list[str] = field(default_factory=lambda: list(DEFAULT_ORDER))
    executive_summary: str = ""
    way_forward: str = ""
    acknowledgements: str = ""
    draft: bool = False
    paper: str = "a4"
    anonymous: bool = False
    starred_only: bool = False

    @classmethod
    def from_value(cls, value: Any) -> ReportSettings:
        """Read a stored setting, ignoring anything unknown or of the wrong type."""
        s = cls()
        if not isinstance(value, dict):
            return s
        sections = value.get("sections")
        if isinstance(sections, list):
            seen: list[str] = []
            for key in sections:
                if isinstance(key, str) and key in SECTIONS and key not in seen:
                    seen.append(key)
            s.sections = seen
        for name in ("executive_summary", "way_forward", "acknowledgements"):
            if isinstance(value.get(name), str):
                setattr(s, name, value[name])
        for name in ("draft", "anonymous", "starred_only"):
            if isinstance(value.get(name), bool):
                setattr(s, name, value[name])
        if value.get("paper") in ("a4", "letter"):
            s.paper = value["paper"]
        return s

    def to_value(self) -> dict[str, Any]:
        return {
            "sections": list(self.sections),
            "executive_summary": self.executive_summary,
            "way_forward": self.way_forward,
            "acknowledgements": self.acknowledgements,
            "draft": self.draft,
            "paper": self.paper,
            "anonymous": self.anonymous,
            "starred_only": self.starred_only,
        }


@dataclass(slots=True)  # a huge workshop's report holds hundreds of thousands
class Note:
    id: str
    kind: str
    text: str
    attribution: str = ""  # empty when anonymised
    starred: bool = False
    number: int = 0  # recommendations: their number in the whole report
    owner: str = ""
    due: str = ""
    status: str = ""
    session_title: str = ""


class Notes(Protocol):
    """Notes in print order: a list, or the store's reader that fetches them only when they
    are iterated (a huge workshop's report never holds every note at once)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Note]: ...


@dataclass
class SessionItem:
    id: str
    day_index: int
    kind: str
    title: str
    planned_start: str  # "HH:MM"
    planned_end: str
    actual_start: str = ""  # "HH:MM" or ""
    actual_end: str = ""
    room: str = ""
    speakers: list[str] = field(default_factory=list)
    description: str = ""
    summary: str = ""
    notes: dict[str, Notes] = field(default_factory=dict)  # kind → notes in order


@dataclass
class DayItem:
    id: str
    date: str
    title: str
    sessions: list[SessionItem] = field(default_factory=list)


@dataclass
class TeamItem:
    id: str
    name: str
    round_title: str
    members: list[str] = field(default_factory=list)  # empty when anonymised
    summary: str = ""
    answers: dict[str, list[str]] = field(default_factory=dict)  # prompt id → texts
    size: int = 0  # how many people were in the team (given when anonymised too)

    @property
    def who(self) -> str:
        """The members' names, or when anonymised how many there were: "8 members"."""
        if self.members:
            return ", ".join(self.members)
        return f"{self.size} member{'' if self.size == 1 else 's'}" if self.size else ""


@dataclass
class ExerciseItem:
    id: str
    title: str
    session_title: str
    instructions: str
    prompts: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    teams: list[TeamItem] = field(default_factory=list)


@dataclass
class ParticipantRow:
    name: str
    title: str
    organisation: str
    country: str
    email: str = ""


@dataclass
class Participation:
    total: int = 0  # registered (staff roles not counted)
    by_country: list[tuple[str, int]] = field(default_factory=list)
    by_sector: list[tuple[str, int]] = field(default_factory=list)
    by_sex: list[tuple[str, int]] = field(default_factory=list)
    per_day: list[tuple[str, int]] = field(default_factory=list)  # (day label, present)
    # of them, present on at least one day, and their countries; None when no attendance
    # was taken (the registered are then who took part)
    attended: int | None = None
    attended_countries: int = 0
    countries: int = 0  # countries of the registered

    def took_part(self, days: int) -> str:
        """ "31 participants from 9 countries took part over 3 days (38 registered)": the
        people who attended when attendance was taken, else the registered."""
        count, countries = (
            (self.total, self.countries)
            if self.attended is None
            else (self.attended, self.attended_countries)
        )
        text = f"{count} participant{'s' if count != 1 else ''}"
        if countries > 1:
            text += f" from {countries} countries"
        text += " took part"
        if days:
            text += f" over {days} day{'s' if days != 1 else ''}"
        if count != self.total:
            text += f" ({self.total} registered)"
        return text


@dataclass
class Logo:
    name: str
    mime: str
    data: bytes


@dataclass
class PriorityItem:
    """One recommendation of a dot-voting poll, in the order participants gave it."""

    rank: int
    text: str
    dots: int
    voters: int
    number: int = 0  # its R-number in the report's recommendations, when it is one


@dataclass
class PriorityList:
    question: str
    session_title: str
    participants: int
    dots_each: int
    items: list[PriorityItem] = field(default_factory=list)


@dataclass
class EvaluationQuestion:
    text: str
    kind: str  # scale5 | scale10 | text
    responses: int
    distribution: list[int] = field(default_factory=list)  # counts of 1..max
    mean: float | None = None
    median: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class EvaluationItem:
    title: str
    kind: str  # label: End of day, End of workshop, Before…, After…
    day: str
    respondents: int
    questions: list[EvaluationQuestion] = field(default_factory=list)


@dataclass
class LearningRow:
    question: str
    before: float | None
    after: float | None
    before_n: int
    after_n: int
    scale_max: int

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class LearningItem:
    """A pre-test and its post-test: self-assessed learning, question by question."""

    before_title: str
    after_title: str
    rows: list[LearningRow] = field(default_factory=list)


@dataclass
class ReportData:
    title: str
    subtitle: str
    dates: str
    venue: str
    organisers: list[str]
    funders: list[str]
    description: str
    anonymous: bool
    chatham_house: bool
    settings: ReportSettings
    logos: list[Logo] = field(default_factory=list)
    days: list[DayItem] = field(default_factory=list)
    exercises: list[ExerciseItem] = field(default_factory=list)
    recommendations: Notes = field(default_factory=list)  # in session order, numbered
    actions: Notes = field(default_factory=list)
    participation: Participation = field(default_factory=Participation)
    participants: list[ParticipantRow] = field(default_factory=list)
    participants_mode: str = "full"  # full | name_org | organisations | none
    organisations: list[tuple[str, str]] = field(default_factory=list)  # (organisation, country)
    privacy: list[Finding] = field(default_factory=list)  # every hit the privacy guard found
    # From the venue server (phones): anonymous by design, no device or name reaches here.
    priorities: list[PriorityList] = field(default_factory=list)
    evaluations: list[EvaluationItem] = field(default_factory=list)
    learning: list[LearningItem] = field(default_factory=list)

    def note_count(self) -> int:
        return sum(len(v) for d in self.days for s in d.sessions for v in s.notes.values())


# -- planned times ------------------------------------------------------------------------


def to_minutes(hhmm: str | None) -> int | None:
    """Minutes after midnight for "HH:MM" (or an ISO date-time); None when unreadable."""
    if not hhmm:
        return None
    m = re.search(r"(\d{1,2}):(\d{2})", hhmm)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 47 or mi > 59:
        return None
    return h * 60 + mi


def hhmm(minutes: int) -> str:
    minutes = max(0, minutes)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
