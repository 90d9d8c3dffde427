"""What a phone may change, as plain-data operations the workshop's writer runs.

Each operation runs on the UI thread inside one transaction (``ws.writer.submit(op)``) and
checks again, against the file as it is at that moment, what the server already checked
against its snapshot: a poll may have closed or changed between the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.domain.venue import (
    RemoteNote,
    VenueInputError,
    parse_answer,
    parse_evaluation,
)
from facilitator.store.tables import Table
from facilitator.store.venue import (
    AnswerDocWrite,
    AnswerOutcome,
    RemoteNotesOutcome,
    eval_spec,
)

if TYPE_CHECKING:
    from facilitator.store.database import Workshop


@dataclass(frozen=True)
class JoinDevice:
    token_hash: str
    name: str = ""

    def apply(self, ws: Workshop) -> str:
        return ws.venue.join(self.token_hash, self.name)


@dataclass(frozen=True)
class SubmitAnswer:
    poll_id: str
    device_id: str
    answer: Any  # as the phone sent it (JSON); validated again here

    def apply(self, ws: Workshop) -> AnswerOutcome:
        row = ws.venue.poll(self.poll_id)
        if row is None:
            raise VenueInputError("poll", "This poll does not exist.", 404, "no_poll")
        if row["state"] != "open":
            raise VenueInputError("poll", "This poll is closed.", 409, "poll_closed")
        spec = ws.venue.spec(self.poll_id)
        assert spec is not None
        value = parse_answer(spec, self.answer)
        return ws.venue.answer(self.poll_id, self.device_id, value)


@dataclass(frozen=True)
class AskQuestion:
    session_id: str | None
    device_id: str
    text: str
    author: str = ""

    def apply(self, ws: Workshop) -> str:
        return ws.venue.add_question(self.session_id, self.device_id, self.text, self.author)


@dataclass(frozen=True)
class VoteQuestion:
    question_id: str
    device_id: str
    on: bool = True

    def apply(self, ws: Workshop) -> bool:
        q = ws.venue.question(self.question_id)
        if q is None or q["hidden"] or q["merged_into"]:
            raise VenueInputError("question", "This question is not open.", 404, "no_question")
        return ws.venue.vote(self.question_id, self.device_id, self.on)


@dataclass(frozen=True)
class SubmitEvaluation:
    evaluation_id: str
    device_id: str
    answers: Any  # question id → value, as the phone sent it

    def apply(self, ws: Workshop) -> bool | None:
        ev = ws.venue.evaluation(self.evaluation_id)
        if ev is None:
            raise VenueInputError("evaluation", "This evaluation does not exist.", 404, "no_eval")
        if ev["state"] != "open":
            raise VenueInputError("evaluation", "This evaluation is closed.", 409, "eval_closed")
        questions = [eval_spec(q) for q in ws.venue.eval_questions(self.evaluation_id)]
        answers = parse_evaluation(questions, self.answers)
        return ws.venue.submit_evaluation(self.evaluation_id, self.device_id, answers)


@dataclass(frozen=True)
class SaveAnswerDocs:
    """Teams' answer documents as the server holds them now, and their text into the notes.

    A cell whose team or prompt was deleted meanwhile is skipped (the team's page is told
    when the next snapshot no longer has it); the others are stored.
    """

    writes: tuple[AnswerDocWrite, ...]

    def apply(self, ws: Workshop) -> list[str]:
        return ws.venue.save_answer_docs(self.writes)


@dataclass(frozen=True)
class AddRemoteNotes:
    """A rapporteur's queued notes, under the ids their browser made (replays store nothing).

    The server checked them against its snapshot; a session, team or person deleted since
    is checked again here and that note is refused alone.
    """

    notes: tuple[RemoteNote, ...]
    author: str

    def apply(self, ws: Workshop) -> tuple[RemoteNotesOutcome, dict[str, str]]:
        refused: dict[str, str] = {}
        ok: list[RemoteNote] = []
        for n in self.notes:
            if n.session_id and ws.rows.get(Table.SESSIONS, n.session_id) is None:
                refused[n.id] = "session_id"
            elif n.team_id and ws.rows.get(Table.TEAMS, n.team_id) is None:
                refused[n.id] = "team_id"
            elif n.attribution_person_id and not ws.rows.get(Table.PEOPLE, n.attribution_person_id):
                refused[n.id] = "attribution_person_id"
            else:
                ok.append(n)
        return ws.venue.add_remote_notes(ok, self.author), refused


@dataclass(frozen=True)
class Batch:
    """Several phones' operations in one transaction (one commit, one Changes).

    The server gathers what arrives while the previous batch runs, so a burst of 300 answers
    costs the UI thread a few short transactions instead of 300, and the window keeps
    responding between them. Each operation runs in its own savepoint: one refused answer
    (closed poll, bad value) comes back as its error and leaves the others stored.
    """

    ops: tuple[Any, ...]

    def apply(self, ws: Workshop) -> list[Any]:
        out: list[Any] = []
        for op in self.ops:
            try:
                with ws.operation():
                    out.append(op.apply(ws))
            except VenueInputError as exc:
                out.append(exc)
        return out
