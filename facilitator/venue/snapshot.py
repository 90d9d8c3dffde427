"""What the venue server may show, as one immutable value the UI thread publishes.

The server thread never reads the workshop file. After every change that matters to phones
the UI thread builds a new :class:`Snapshot` (a few small queries; after a phone's answer
only that poll's tally is redone) and hands it over; the server swaps its reference, which
is atomic in Python, and pushes what changed to the phones. A snapshot holds only what
phones may see (the open poll, the open evaluations, the visible questions of the session
taking questions) plus the device table needed to check tokens: never the roster or notes.
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
    question_order,
    tally,
)
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.store.venue import eval_spec, poll_spec

if TYPE_CHECKING:
    from facilitator.store.database import Workshop

VENUE_TABLES = frozenset(t for t in Table if t.value.startswith("venue_"))
RELEVANT = VENUE_TABLES | {Table.SETTINGS, Table.SESSIONS, Table.WORKSHOP, Table.DAYS}


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

    def full(self, version: int = 0) -> Snapshot:
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
        )

    def update(self, previous: Snapshot, changes: Changes) -> Snapshot | None:
        """The next snapshot after ``changes``, or None when nothing phones see changed."""
        if not changes.touches(*RELEVANT):
            return None
        version = previous.version + 1
        only_answers = not changes.everything and changes.tables == {Table.VENUE_ANSWERS}
        answer_ids = changes.ids(Table.VENUE_ANSWERS)
        if only_answers and answer_ids is not None:
            poll = previous.poll
            if poll is None or poll.spec.id not in self.ws.venue.polls_of_answers(answer_ids):
                return replace(previous, version=version)
            return replace(previous, version=version, poll=self._tallied(poll))
        if (
            not changes.everything
            and changes.tables <= {Table.VENUE_DEVICES}
            and (ids := changes.ids(Table.VENUE_DEVICES))
        ):
            return self._with_devices(previous, ids, version)
        return self.full(version)

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
