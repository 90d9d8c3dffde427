"""What the venue server may show, as one immutable value the UI thread publishes.

The server thread never reads the workshop file. After every change that matters to phones
the UI thread builds a new :class:`Snapshot` (a few small queries; after a phone's answer
only that poll's tally is redone) and hands it over; the server swaps its reference, which
is atomic in Python, and pushes what changed to the phones. A snapshot holds only what
phones may see (the open poll, the open evaluations, the visible questions of the session
taking questions, the open worksheet round's team names and prompts) plus the device table
needed to check tokens, and what a rapporteur's key opens (sessions, teams, kinds of note and
the roster's names for attribution: :class:`CaptureCatalogue`, sent only to a valid key,
never to a participant's token). Never notes, never team members.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from facilitator.domain.venue import (
    EvalQuestionSpec,
    PollSpec,
    QuestionView,
    Results,
    hash_token,
    question_order,
    tally,
)
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.store.venue import eval_spec, poll_spec

if TYPE_CHECKING:
    from facilitator.store.database import Workshop

VENUE_TABLES = frozenset(t for t in Table if t.value.startswith("venue_"))
# What the team pages and rapporteurs see: the open round's teams and prompts, and what a
# rapporteur picks from (sessions, teams, kinds, names for attribution).
WORKSHEET_TABLES = frozenset(
    {Table.ROUNDS, Table.TEAMS, Table.TEAM_SETS, Table.EXERCISES, Table.EXERCISE_PROMPTS}
)
# The answer documents are the server's own writes: while it runs it holds them in memory,
# so storing them changes nothing it shows (a merge or restore reloads them: everything).
RELEVANT = (
    VENUE_TABLES - {Table.VENUE_ANSWER_DOCS}
    | WORKSHEET_TABLES
    | {Table.SETTINGS, Table.SESSIONS, Table.WORKSHOP, Table.DAYS, Table.PEOPLE}
)


@dataclass(frozen=True)
class PollState:
    spec: PollSpec
    state: str  # "open" | "closed" (closed polls are shown only while revealed)
    revealed: bool
    results: Results
    answered: frozenset[str]  # device ids
    session_title: str = ""


@dataclass(frozen=True)
class EvaluationState:
    id: str
    title: str
    kind: str
    questions: tuple[EvalQuestionSpec, ...]
    answered: frozenset[str]


@dataclass(frozen=True)
class QuestionState:
    view: QuestionView
    voters: frozenset[str]
    asker: str | None


@dataclass(frozen=True)
class TeamView:
    id: str
    name: str
    colour: str = ""
    room: str = ""


@dataclass(frozen=True)
class WorksheetState:
    """The round whose teams answer on their devices, and the stored answer documents.

    ``states`` are the documents as the file held them when ``loaded`` (a number that grows
    each time they are read again, after a merge or a restore): the server merges them into
    the documents it holds, which is harmless when it has them already. ``seeds`` are the
    single notes of cells that have no document yet (see ``VenueStore.seed_notes``).
    """

    round_id: str
    round_title: str
    exercise_id: str
    exercise_title: str
    instructions: str
    prompts: tuple[tuple[str, str], ...]  # (id, text)
    teams: tuple[TeamView, ...]
    states: Mapping[tuple[str, str], bytes] = field(default_factory=lambda: MappingProxyType({}))
    seeds: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))
    loaded: int = 0

    def team(self, team_id: str) -> TeamView | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def prompt_ids(self) -> frozenset[str]:
        return frozenset(p for p, _ in self.prompts)


@dataclass(frozen=True)
class CaptureCatalogue:
    """What a rapporteur's page picks from, as in the Capture area. Sent only to a browser
    with a valid rapporteur key: it holds the roster's names (for attribution)."""

    sessions: tuple[dict[str, Any], ...] = ()  # id, title, day, start
    teams: Mapping[str, tuple[TeamView, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )  # session id → teams working in it
    kinds: tuple[dict[str, str], ...] = ()  # key, label, prefix
    people: tuple[tuple[str, str], ...] = ()  # (id, name)
    default_session: str = ""

    @cached_property
    def as_json(self) -> str:
        every_team = {t.id for ts in self.teams.values() for t in ts}
        return json.dumps(
            {
                "sessions": list(self.sessions),
                "teams": {
                    sid: [{"id": t.id, "name": t.name} for t in ts]
                    for sid, ts in self.teams.items()
                },
                "kinds": list(self.kinds),
                "people": [{"id": i, "name": n} for i, n in self.people],
                "default_session": self.default_session,
                "team_count": len(every_team),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @cached_property
    def session_ids(self) -> frozenset[str]:
        return frozenset(s["id"] for s in self.sessions)

    @cached_property
    def team_ids(self) -> frozenset[str]:
        return frozenset(t.id for ts in self.teams.values() for t in ts)

    @cached_property
    def person_ids(self) -> frozenset[str]:
        return frozenset(i for i, _ in self.people)

    @cached_property
    def kind_keys(self) -> frozenset[str]:
        return frozenset(k["key"] for k in self.kinds)


@dataclass(frozen=True)
class Rapporteur:
    id: str
    name: str


@dataclass(frozen=True)
class Snapshot:
    version: int = 0
    code: str = ""
    named: bool = False
    title: str = ""
    devices: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    poll: PollState | None = None
    evaluations: tuple[EvaluationState, ...] = ()
    qa_session_id: str | None = None
    qa_session_title: str = ""
    questions: tuple[QuestionState, ...] = ()
    selected_question: str | None = None
    worksheet: WorksheetState | None = None
    rapporteurs: Mapping[str, Rapporteur] = field(
        default_factory=lambda: MappingProxyType({})
    )  # hash of the key → rapporteur
    capture: CaptureCatalogue = field(default_factory=CaptureCatalogue)

    # -- what phones receive -------------------------------------------------------------
    @cached_property
    def shared(self) -> dict[str, Any]:
        """The part of the state every phone sees alike."""
        poll = None
        if self.poll is not None:
            p = self.poll
            poll = {
                "id": p.spec.id,
                "kind": p.spec.kind,
                "question": p.spec.question,
                "options": [{"id": o.id, "text": o.text} for o in p.spec.options],
                "scale_max": p.spec.scale_max,
                "max_choices": p.spec.max_choices,
                "words": p.spec.words_allowed,
                "dots": p.spec.dots,
                "state": p.state,
                "revealed": p.revealed,
                "results": p.results.as_json() if p.revealed else None,
            }
        return {
            "title": self.title,
            "named": self.named,
            "poll": poll,
            "evaluations": [
                {
                    "id": e.id,
                    "title": e.title,
                    "kind": e.kind,
                    "questions": [
                        {"id": q.id, "kind": q.kind, "text": q.text, "max": q.scale_max}
                        for q in e.questions
                    ],
                }
                for e in self.evaluations
            ],
            "worksheet": None
            if self.worksheet is None
            else {
                "round": self.worksheet.round_title,
                "exercise": self.worksheet.exercise_title,
                "teams": [
                    {"id": t.id, "name": t.name, "colour": t.colour} for t in self.worksheet.teams
                ],
            },
            "qa": None
            if self.qa_session_id is None
            else {
                "session": self.qa_session_title,
                "questions": [
                    {
                        "id": q.view.id,
                        "text": q.view.text,
                        "votes": q.view.votes,
                        "answered": q.view.answered,
                        "author": q.view.author,
                        "selected": q.view.id == self.selected_question,
                    }
                    for q in self.questions
                ],
            },
        }

    @cached_property
    def shared_json(self) -> str:
        return json.dumps(self.shared, ensure_ascii=False, separators=(",", ":"))

    def personal(self, device_id: str) -> dict[str, Any]:
        """What differs from phone to phone: what this one has done already."""
        return {
            "answered": bool(self.poll and device_id in self.poll.answered),
            "evaluated": [e.id for e in self.evaluations if device_id in e.answered],
            "voted": [q.view.id for q in self.questions if device_id in q.voters],
            "mine": [q.view.id for q in self.questions if q.asker == device_id],
        }

    def message(self, device_id: str) -> str:
        """The WebSocket message with the whole state for one phone (shared part reused)."""
        me = json.dumps(self.personal(device_id), separators=(",", ":"))
        return f'{{"type":"state","version":{self.version},"me":{me},"state":{self.shared_json}}}'


class SnapshotBuilder:
    """Builds snapshots on the UI thread from the store; redoes only a poll's tally when
    only answers changed."""

    def __init__(self, ws: Workshop, live_session_id: str | None = None) -> None:
        self.ws = ws
        self.live_session_id = live_session_id
        self._loads = 0

    def full(self, version: int = 0, worksheet: WorksheetState | None = None) -> Snapshot:
        """Everything read again (the answer documents too, unless ``worksheet`` holds the
        same round's)."""
        ws = self.ws
        v = ws.venue
        devices: dict[str, str] = {}
        names: dict[str, str] = {}
        for token_hash, (device_id, name) in v.devices().items():
            devices[token_hash] = device_id
            if name:
                names[device_id] = name
        qa = v.qa_session(self.live_session_id)
        titles = v.session_titles()
        named = v.named()
        return Snapshot(
            version=version,
            code=v.join_code(),
            named=named,
            title=ws.info.details()["title"] or "",
            devices=MappingProxyType(devices),
            names=MappingProxyType(names),
            poll=self._poll(titles),
            evaluations=self._evaluations(),
            qa_session_id=qa,
            qa_session_title=titles.get(qa or "", "") or "",
            questions=self._questions(qa, named),
            selected_question=v.selected_question(),
            worksheet=self._worksheet(worksheet),
            rapporteurs=self._rapporteurs(),
            capture=self._capture(),
        )

    def update(self, previous: Snapshot, changes: Changes) -> Snapshot | None:
        """The next snapshot after ``changes``, or None when nothing phones see changed."""
        if not changes.touches(*RELEVANT):
            return None
        version = previous.version + 1
        tables = changes.tables & RELEVANT
        only_answers = not changes.everything and tables == {Table.VENUE_ANSWERS}
        answer_ids = changes.ids(Table.VENUE_ANSWERS)
        if only_answers and answer_ids is not None:
            poll = previous.poll
            if poll is None or poll.spec.id not in self.ws.venue.polls_of_answers(answer_ids):
                return replace(previous, version=version)
            return replace(previous, version=version, poll=self._tallied(poll))
        if (
            not changes.everything
            and tables <= {Table.VENUE_DEVICES}
            and (ids := changes.ids(Table.VENUE_DEVICES))
        ):
            return self._with_devices(previous, ids, version)
        if not changes.everything and tables <= {Table.VENUE_RAPPORTEURS}:
            return replace(previous, version=version, rapporteurs=self._rapporteurs())
        return self.full(version, None if changes.everything else previous.worksheet)

    def _with_devices(self, previous: Snapshot, ids: frozenset[str], version: int) -> Snapshot:
        devices = dict(previous.devices)
        names = dict(previous.names)
        for token_hash, (device_id, name) in self.ws.venue.devices().items():
            if device_id in ids:
                devices[token_hash] = device_id
                if name:
                    names[device_id] = name
        return replace(
            previous,
            version=version,
            devices=MappingProxyType(devices),
            names=MappingProxyType(names),
        )

    def _poll(self, titles: dict[str, str]) -> PollState | None:
        v = self.ws.venue
        row = v.open_poll() or v.last_revealed_poll()
        if row is None:
            return None
        spec = poll_spec(row, v.options(row["id"]))
        state = PollState(
            spec,
            row["state"],
            bool(row["revealed"]),
            Results(spec.kind, 0),
            frozenset(),
            titles.get(row["session_id"] or "", "") or "",
        )
        return self._tallied(state)

    def _tallied(self, poll: PollState) -> PollState:
        v = self.ws.venue
        return replace(
            poll,
            results=tally(poll.spec, v.values(poll.spec.id)),
            answered=frozenset(v.answer_devices(poll.spec.id)),
        )

    def _evaluations(self) -> tuple[EvaluationState, ...]:
        v = self.ws.venue
        out = []
        for e in v.evaluations():
            if e["state"] != "open":
                continue
            out.append(
                EvaluationState(
                    e["id"],
                    e["title"],
                    e["kind"],
                    tuple(eval_spec(q) for q in v.eval_questions(e["id"]) if q["text"].strip()),
                    frozenset(v.eval_devices(e["id"])),
                )
            )
        return tuple(out)

    def _questions(self, session_id: str | None, named: bool) -> tuple[QuestionState, ...]:
        if session_id is None:
            return ()
        rows = [
            r
            for r in self.ws.venue.questions(session_id)
            if not r["hidden"] and not r["merged_into"]
        ]
        views = {
            r["id"]: QuestionView(
                r["id"], r["text"], r["votes"], bool(r["answered"]), r["author"] if named else ""
            )
            for r in rows
        }
        by_id = {r["id"]: r for r in rows}
        return tuple(
            QuestionState(q, frozenset(by_id[q.id]["voters"]), by_id[q.id]["device_id"])
            for q in question_order(views.values())
        )

    # -- team worksheets and rapporteurs ---------------------------------------------------
    def _worksheet(self, previous: WorksheetState | None) -> WorksheetState | None:
        """The open round; its stored documents are read again only when ``previous`` is not
        the same round (the server holds the documents it has been writing)."""
        v = self.ws.venue
        info = v.worksheet(v.worksheet_round())
        if info is None:
            return None
        teams = tuple(
            TeamView(t["id"], t["name"] or "", t["colour"] or "", t["room"] or "")
            for t in info["teams"]
        )
        prompts = tuple((p["id"], p["text"]) for p in info["prompts"])
        if previous is not None and previous.round_id == info["round_id"]:
            states, seeds, loaded = previous.states, previous.seeds, previous.loaded
        else:
            ids = [t.id for t in teams]
            self._loads += 1
            states = MappingProxyType(
                {cell: bytes(r["state"]) for cell, r in v.answer_docs(ids).items()}
            )
            seeds = MappingProxyType(
                {
                    cell: r["text"]
                    for cell, r in v.seed_notes(ids).items()
                    if cell not in states and r["text"]
                }
            )
            loaded = self._loads
        return WorksheetState(
            info["round_id"],
            info["round_title"],
            info["exercise_id"] or "",
            info["exercise_title"],
            info["instructions"],
            prompts,
            teams,
            states,
            seeds,
            loaded,
        )

    def _rapporteurs(self) -> Mapping[str, Rapporteur]:
        return MappingProxyType(
            {
                hash_token(r["key"]): Rapporteur(r["id"], r["name"])
                for r in self.ws.venue.rapporteurs()
            }
        )

    def _capture(self) -> CaptureCatalogue:
        notes = self.ws.notes
        sessions = notes.sessions()
        teams: dict[str, tuple[TeamView, ...]] = {}
        for s in sessions:
            found = notes.teams_for_session(s["id"])
            if found:
                teams[s["id"]] = tuple(TeamView(t["id"], t["name"] or "") for t in found)
        return CaptureCatalogue(
            sessions=tuple(
                {
                    "id": s["id"],
                    "title": s["title"] or "Untitled session",
                    "day": s["day_title"] or s["day_date"] or "",
                    "start": s["planned_start"] or "",
                }
                for s in sessions
            ),
            teams=MappingProxyType(teams),
            kinds=tuple(
                {"key": k.key, "label": k.label, "prefix": k.prefix} for k in notes.kinds()
            ),
            people=tuple((p["id"], p["name"]) for p in notes.people()),
            default_session=notes.default_session_id(self.live_session_id) or "",
        )
