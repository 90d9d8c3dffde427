"""Every SQL statement of the venue server: devices, polls, answers, questions, evaluations.

Phones never reach this module directly: the venue thread submits operations
(``facilitator/venue/operations.py``) that the workshop's writer runs here on the UI thread,
one transaction each. The desktop's undoable edits call the same methods. Answers are keyed
by device id (a device is a phone's random token, of which only a hash is kept), never by
network address. A question to the panel is mirrored by a session note of kind
``question`` while it is visible, so it reaches Capture, search and the report.
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.domain.venue import (
    EvalQuestionSpec,
    OptionSpec,
    PollSpec,
    answer_text,
    new_join_code,
)
from facilitator.store.database import Workshop, bury, unbury
from facilitator.store.ids import new_id, now
from facilitator.store.notes import new_note_row
from facilitator.store.records import (
    AnswerExport,
    EvalAnswerExport,
    QuestionView,
    Recommendation,
    SeedNote,
    VenueAnswerDocRow,
    VenueAnswerRow,
    VenueEvalQuestionRow,
    VenueEvaluationRow,
    VenuePollOptionRow,
    VenuePollRow,
    VenueQuestionRow,
    VenueRapporteurRow,
    Worksheet,
    WorksheetRound,
    WorksheetTeam,
    first_of,
    rows_of,
)
from facilitator.store.tables import Table

SETTING_CODE = "venue.code"
SETTING_NAMED = "venue.named"
SETTING_SELECTED = "venue.selected_question"
SETTING_QA_SESSION = "venue.qa_session"  # session id, "" for none; absent: the current one
SETTING_SERVER = "venue.server"  # {"host": …, "port": …} last used in the dialog
SETTING_WORKSHEET = "venue.worksheet_round"  # round whose teams answer on devices ("": none)
TEAM_AUTHOR = "Team devices (Venue Wi-Fi)"  # the author of an answer typed on team devices
QUESTION_AUTHOR = "Venue Wi-Fi"  # the notes' author column: typed on a phone, not by a rapporteur

_POLL_FIELDS = ("session_id", "kind", "question", "scale_max", "max_choices", "dots", "position")
_EVAL_FIELDS = ("title", "kind", "day_id", "pair_id", "position")


def _loads(text: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def poll_spec(row: Mapping[str, Any], options: Iterable[Mapping[str, Any]]) -> PollSpec:
    return PollSpec(
        id=row["id"],
        kind=row["kind"],
        question=row["question"],
        options=tuple(OptionSpec(o["id"], o["text"]) for o in options),
        scale_max=int(row["scale_max"] or 5),
        max_choices=int(row["max_choices"] or 0),
        dots=int(row["dots"] or 3),
    )


def eval_spec(row: Mapping[str, Any]) -> EvalQuestionSpec:
    return EvalQuestionSpec(row["id"], row["kind"], row["text"])


@dataclass(frozen=True)
class AnswerDocWrite:
    """A team's answer to one prompt as the venue server holds it now: the whole Yjs
    document (one v1 update) and its text."""

    team_id: str
    prompt_id: str
    state: bytes
    text: str
    mirror: bool = True  # False: only the document; the note follows within a second


@dataclass(frozen=True)
class RemoteNotesOutcome:
    """Which of a rapporteur's notes were stored now and which the file already had (or had
    and deleted): a replay of a queue stores nothing twice."""

    stored: tuple[str, ...]
    known: tuple[str, ...]


@dataclass(frozen=True)
class AnswerOutcome:
    """What happened to a phone's answer: stored now, or already there (a replay)."""

    answer_id: str
    stored: bool
    value: Any
    same: bool = True  # False: the phone sent a different answer than the one kept


class VenueStore:
    """Polls, answers, questions to the panel, evaluations and the phones that send them."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    # -- settings ------------------------------------------------------------------------
    def join_code(self) -> str:
        """The room's join code ("" until :meth:`ensure_join_code` made one)."""
        code = self.ws.info.setting(SETTING_CODE)
        return code if isinstance(code, str) else ""

    def ensure_join_code(self) -> str:
        """The join code, made (and saved) on first use."""
        return self.join_code() or self.rotate_code()

    def rotate_code(self) -> str:
        code = new_join_code()
        self.ws.info.set_setting(SETTING_CODE, code)
        return code

    def named(self) -> bool:
        return bool(self.ws.info.setting(SETTING_NAMED, False))

    def selected_question(self) -> str | None:
        value = self.ws.info.setting(SETTING_SELECTED)
        return value if isinstance(value, str) and value else None

    def qa_session(self, live_session_id: str | None = None) -> str | None:
        """The session whose questions phones see: the chosen one, else the current one."""
        value = self.ws.info.setting(SETTING_QA_SESSION)
        if value == "":
            return None
        if isinstance(value, str) and self.ws.rows.get(Table.SESSIONS, value):
            return value
        return self.ws.notes.default_session_id(live_session_id) or None

    # -- devices -------------------------------------------------------------------------
    def join(self, token_hash: str, name: str = "") -> str:
        """Register a phone by its token's hash; returns the device id."""
        stamp = now()
        device_id = new_id("dev")
        with self.ws.operation() as op:
            self.ws.db["venue_devices"].insert(
                {
                    "id": device_id,
                    "token_hash": token_hash,
                    "name": name,
                    "created": stamp,
                    "updated": stamp,
                }
            )
            op.touch(Table.VENUE_DEVICES, [device_id])
        return device_id

    def devices(self) -> dict[str, tuple[str, str]]:
        """token hash → (device id, name)."""
        return {
            r[0]: (r[1], r[2])
            for r in self.ws.db.execute("SELECT token_hash, id, name FROM venue_devices")
        }

    def device_count(self) -> int:
        return int(self.ws.db.execute("SELECT count(*) FROM venue_devices").fetchone()[0])

    # -- polls ---------------------------------------------------------------------------
    def polls(self, session_id: str | None = None, every: bool = True) -> list[VenuePollRow]:
        """Polls of one session (or all, in agenda order when ``every``)."""
        if not every:
            return rows_of(
                self.ws.db.query(
                    "SELECT * FROM venue_polls WHERE session_id IS ? ORDER BY position, created",
                    [session_id],
                ),
                VenuePollRow,
            )
        return rows_of(
            self.ws.db.query(
                """SELECT p.* FROM venue_polls p LEFT JOIN sessions s ON s.id = p.session_id
                   LEFT JOIN days d ON d.id = s.day_id
                   ORDER BY d.position, d.date, s.position, p.position, p.created"""
            ),
            VenuePollRow,
        )

    def poll(self, poll_id: str) -> VenuePollRow | None:
        return self.ws.rows.get(Table.VENUE_POLLS, poll_id)

    def options(self, poll_id: str) -> list[VenuePollOptionRow]:
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM venue_poll_options WHERE poll_id = ? ORDER BY position, created",
                [poll_id],
            ),
            VenuePollOptionRow,
        )

    def spec(self, poll_id: str) -> PollSpec | None:
        row = self.poll(poll_id)
        return None if row is None else poll_spec(row, self.options(poll_id))

    def open_poll(self) -> VenuePollRow | None:
        return first_of(
            self.ws.db.query(
                "SELECT * FROM venue_polls WHERE state = 'open' ORDER BY opened_at DESC LIMIT 1"
            ),
            VenuePollRow,
        )

    def last_revealed_poll(self) -> VenuePollRow | None:
        """The poll closed last whose results are shown (phones keep showing them)."""
        return first_of(
            self.ws.db.query(
                "SELECT * FROM venue_polls WHERE state = 'closed' AND revealed = 1 "
                "ORDER BY closed_at DESC, updated DESC LIMIT 1"
            ),
            VenuePollRow,
        )

    def next_poll_position(self, session_id: str | None) -> int:
        row = self.ws.db.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM venue_polls WHERE session_id IS ?",
            [session_id],
        ).fetchone()
        return int(row[0])

    def insert_poll(self, row: Mapping[str, Any], options: Sequence[Mapping[str, Any]]) -> str:
        """Add a poll with its options (rows with ids, as an undoable edit prepared them)."""
        stamp = now()
        with self.ws.operation() as op:
            poll = {"created": stamp, "updated": stamp, **row}
            self.ws.db["venue_polls"].insert(poll)
            unbury(self.ws.db, "venue_polls", [poll["id"]])
            op.touch(Table.VENUE_POLLS, [poll["id"]])
            self._put_options(poll["id"], options, op)
        return poll["id"]

    def save_poll(
        self, poll_id: str, values: Mapping[str, Any], options: Sequence[Mapping[str, Any]]
    ) -> None:
        """Change a poll and make its options exactly ``options`` (ids kept where given)."""
        values = {k: v for k, v in values.items() if k in _POLL_FIELDS}
        with self.ws.operation() as op:
            if values:
                self.ws.db["venue_polls"].update(poll_id, {**values, "updated": now()})
            op.touch(Table.VENUE_POLLS, [poll_id])
            keep = {o["id"] for o in options if o.get("id")}
            gone = [o["id"] for o in self.options(poll_id) if o["id"] not in keep]
            if gone:
                marks = ",".join("?" * len(gone))
                self.ws.db.execute(f"DELETE FROM venue_poll_options WHERE id IN ({marks})", gone)
                bury(self.ws.db, "venue_poll_options", gone)
                op.touch(Table.VENUE_POLL_OPTIONS, gone)
            self._put_options(poll_id, options, op)

    def _put_options(self, poll_id: str, options: Sequence[Mapping[str, Any]], op: Any) -> None:
        stamp = now()
        existing: dict[str, Mapping[str, Any]] = {o["id"]: o for o in self.options(poll_id)}
        for position, o in enumerate(options):
            oid = o.get("id") or new_id("opt")
            values = {"text": o.get("text", ""), "note_id": o.get("note_id"), "position": position}
            old = existing.get(oid)
            if old is None:
                self.ws.db["venue_poll_options"].insert(
                    {"id": oid, "poll_id": poll_id, **values, "created": stamp, "updated": stamp}
                )
                unbury(self.ws.db, "venue_poll_options", [oid])
            elif any(old[k] != v for k, v in values.items()):
                self.ws.db["venue_poll_options"].update(oid, {**values, "updated": stamp})
            else:
                continue
            op.touch(Table.VENUE_POLL_OPTIONS, [oid])

    def set_poll_state(self, poll_id: str, state: str) -> None:
        """Open (closing any other open poll: phones show one live poll), close or reset."""
        stamp = now()
        with self.ws.operation() as op:
            if state == "open":
                others = [
                    r[0]
                    for r in self.ws.db.execute(
                        "SELECT id FROM venue_polls WHERE state = 'open' AND id != ?", [poll_id]
                    )
                ]
                for other in others:
                    self.ws.db["venue_polls"].update(
                        other, {"state": "closed", "closed_at": stamp, "updated": stamp}
                    )
                op.touch(Table.VENUE_POLLS, others)
                values: dict[str, Any] = {"state": "open", "opened_at": stamp, "closed_at": None}
            elif state == "closed":
                values = {"state": "closed", "closed_at": stamp}
            else:
                values = {"state": "draft", "opened_at": None, "closed_at": None}
            self.ws.db["venue_polls"].update(poll_id, {**values, "updated": stamp})
            op.touch(Table.VENUE_POLLS, [poll_id])

    def set_poll_fields(self, poll_id: str, values: Mapping[str, Any]) -> None:
        """State, reveal and times as they were (the undo of a live action)."""
        allowed = {"state", "revealed", "opened_at", "closed_at"}
        self.ws.rows.update(
            Table.VENUE_POLLS, poll_id, {k: values[k] for k in allowed & set(values)}
        )

    # -- answers -------------------------------------------------------------------------
    def answer(self, poll_id: str, device_id: str, value: Any) -> AnswerOutcome:
        """Keep a phone's answer; a second answer from the same phone changes nothing."""
        found = self.ws.db.execute(
            "SELECT id, value FROM venue_answers WHERE poll_id = ? AND device_id = ?",
            [poll_id, device_id],
        ).fetchone()
        if found:
            kept = _loads(found[1])
            return AnswerOutcome(found[0], False, kept, kept == value)
        stamp = now()
        answer_id = new_id("ans")
        with self.ws.operation() as op:
            self.ws.db["venue_answers"].insert(
                {
                    "id": answer_id,
                    "poll_id": poll_id,
                    "device_id": device_id,
                    "value": json.dumps(value, ensure_ascii=False),
                    "created": stamp,
                    "updated": stamp,
                }
            )
            op.touch(Table.VENUE_ANSWERS, [answer_id])
        return AnswerOutcome(answer_id, True, value)

    def values(self, poll_id: str) -> list[Any]:
        """Every stored answer of a poll, oldest first."""
        return [
            _loads(r[0])
            for r in self.ws.db.execute(
                "SELECT value FROM venue_answers WHERE poll_id = ? ORDER BY created, id", [poll_id]
            )
        ]

    def answer_devices(self, poll_id: str) -> list[str]:
        return [
            r[0]
            for r in self.ws.db.execute(
                "SELECT device_id FROM venue_answers WHERE poll_id = ?", [poll_id]
            )
        ]

    def polls_of_answers(self, answer_ids: Iterable[str]) -> set[str]:
        ids = list(answer_ids)
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.ws.db.execute(
                    f"SELECT DISTINCT poll_id FROM venue_answers WHERE id IN ({marks})", chunk
                )
            )
        return out

    def answer_counts(self) -> dict[str, int]:
        return {
            r[0]: r[1]
            for r in self.ws.db.execute(
                "SELECT poll_id, count(*) FROM venue_answers GROUP BY poll_id"
            )
        }

    def clear_answers(self, poll_id: str) -> list[VenueAnswerRow]:
        """Forget a poll's answers (to run it again); returns them for undo."""
        rows = rows_of(
            self.ws.db.query("SELECT * FROM venue_answers WHERE poll_id = ?", [poll_id]),
            VenueAnswerRow,
        )
        with self.ws.operation() as op:
            self.ws.db.execute("DELETE FROM venue_answers WHERE poll_id = ?", [poll_id])
            bury(self.ws.db, "venue_answers", [r["id"] for r in rows])
            op.touch(Table.VENUE_ANSWERS, [r["id"] for r in rows])
        return rows

    def restore_answers(self, rows: Sequence[Mapping[str, Any]]) -> None:
        with self.ws.operation() as op:
            for r in rows:
                self.ws.db["venue_answers"].upsert(dict(r), pk="id")
            unbury(self.ws.db, "venue_answers", [r["id"] for r in rows])
            op.touch(Table.VENUE_ANSWERS, [r["id"] for r in rows])

    # -- recommendations (dot-voting) ------------------------------------------------------
    def recommendations(self) -> list[Recommendation]:
        """Every recommendation note in agenda order, with its session's title."""
        return rows_of(
            self.ws.db.query(
                """SELECT n.id, n.text, n.session_id, s.title AS session_title FROM notes n
                   LEFT JOIN sessions s ON s.id = n.session_id
                   LEFT JOIN days d ON d.id = s.day_id
                   WHERE n.kind = 'recommendation' AND n.conflict_of IS NULL AND n.text != ''
                   ORDER BY d.position, d.date, s.position, n.position, n.created"""
            ),
            Recommendation,
        )

    # -- questions to the panel ------------------------------------------------------------
    def add_question(
        self, session_id: str | None, device_id: str | None, text: str, author: str = ""
    ) -> str:
        """A participant's question, and the session note (kind question) that mirrors it."""
        stamp = now()
        qid = new_id("vqu")
        note_id = new_id("not") if session_id else None
        with self.ws.operation() as op:
            if note_id:  # first: the question points at it
                self._insert_note(note_id, session_id, text, author)
                op.touch(Table.NOTES, [note_id])
            self.ws.db["venue_questions"].insert(
                {
                    "id": qid,
                    "session_id": session_id,
                    "device_id": device_id,
                    "text": text,
                    "author": author,
                    "hidden": 0,
                    "answered": 0,
                    "merged_into": None,
                    "note_id": note_id,
                    "created": stamp,
                    "updated": stamp,
                }
            )
            op.touch(Table.VENUE_QUESTIONS, [qid])
        return qid

    def _insert_note(self, note_id: str, session_id: str | None, text: str, author: str) -> None:
        stamp = now()
        self.ws.db["notes"].insert(
            {
                "id": note_id,
                "session_id": session_id,
                "kind": "question",
                "text": text,
                "attribution_text": author,
                "author": QUESTION_AUTHOR,
                "starred": 0,
                "action_owner": "",
                "action_status": "",
                "position": self.ws.notes.next_position(session_id),
                "created": stamp,
                "updated": stamp,
            }
        )
        unbury(self.ws.db, "notes", [note_id])

    def question(self, question_id: str) -> VenueQuestionRow | None:
        return self.ws.rows.get(Table.VENUE_QUESTIONS, question_id)

    def moderate(self, question_id: str, values: Mapping[str, Any]) -> None:
        """Hide, merge or mark answered; the mirrored note follows (gone while hidden/merged)."""
        allowed = {"hidden", "answered", "merged_into", "text"}
        values = {k: v for k, v in values.items() if k in allowed}
        q = self.question(question_id)
        if q is None:
            return
        with self.ws.operation() as op:
            if values:
                self.ws.db["venue_questions"].update(question_id, {**values, "updated": now()})
            op.touch(Table.VENUE_QUESTIONS, [question_id])
            q = self.question(question_id)
            assert q is not None
            visible = not q["hidden"] and not q["merged_into"]
            note = self.ws.rows.get(Table.NOTES, q["note_id"]) if q["note_id"] else None
            if visible and note is None and q["session_id"]:
                if self.ws.rows.get(Table.SESSIONS, q["session_id"]):
                    # Deleting the note cleared the reference (ON DELETE SET NULL): a new one.
                    note_id = q["note_id"] or new_id("not")
                    self._insert_note(note_id, q["session_id"], q["text"], q["author"])
                    self.ws.db["venue_questions"].update(question_id, {"note_id": note_id})
                    op.touch(Table.NOTES, [note_id])
            elif not visible and note is not None:
                self.ws.db.execute("DELETE FROM notes WHERE id = ?", [note["id"]])
                bury(self.ws.db, "notes", [note["id"]])
                op.touch(Table.NOTES, [note["id"]])

    def vote(self, question_id: str, device_id: str, on: bool = True) -> bool:
        """Add (or take back) one phone's vote; True when something changed."""
        found = self.ws.db.execute(
            "SELECT id FROM venue_question_votes WHERE question_id = ? AND device_id = ?",
            [question_id, device_id],
        ).fetchone()
        if bool(found) == on:
            return False
        with self.ws.operation() as op:
            if on:
                stamp = now()
                vid = new_id("vvo")
                self.ws.db["venue_question_votes"].insert(
                    {
                        "id": vid,
                        "question_id": question_id,
                        "device_id": device_id,
                        "created": stamp,
                        "updated": stamp,
                    }
                )
            else:
                vid = found[0]
                self.ws.db.execute("DELETE FROM venue_question_votes WHERE id = ?", [vid])
                bury(self.ws.db, "venue_question_votes", [vid])
            op.touch(Table.VENUE_QUESTION_VOTES, [vid])
            op.touch(Table.VENUE_QUESTIONS, [question_id])
        return True

    def questions(self, session_id: str | None = None, every: bool = False) -> list[QuestionView]:
        """Questions with their votes (a merged question's votes count for the one it joined)
        and the phones that voted, newest last."""
        where = "" if every else "WHERE q.session_id IS ?"
        args = [] if every else [session_id]
        rows = list(
            self.ws.db.query(
                f"SELECT q.*, s.title AS session_title FROM venue_questions q "
                f"LEFT JOIN sessions s ON s.id = q.session_id {where} ORDER BY q.created, q.id",
                args,
            )
        )
        ids = [r["id"] for r in rows]
        voters: dict[str, set[str]] = defaultdict(set)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for qid, dev in self.ws.db.execute(
                f"SELECT question_id, device_id FROM venue_question_votes "
                f"WHERE question_id IN ({marks})",
                chunk,
            ):
                voters[qid].add(dev)
        by_id = {r["id"]: r for r in rows}
        for r in rows:
            r["voters"] = set(voters.get(r["id"], set()))
            if r["device_id"]:
                r["voters"].add(r["device_id"])  # asking counts as wanting it answered
        for r in rows:
            target = r["merged_into"]
            seen = {r["id"]}
            while target in by_id and by_id[target]["merged_into"] and target not in seen:
                seen.add(target)
                target = by_id[target]["merged_into"]
            if target in by_id:
                by_id[target]["voters"] |= r["voters"]
        for r in rows:
            r["votes"] = len(r["voters"])
        return rows_of(rows, QuestionView)

    def question_sessions(self, question_ids: Iterable[str]) -> set[str | None]:
        ids = list(question_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {
            r[0]
            for r in self.ws.db.execute(
                f"SELECT DISTINCT session_id FROM venue_questions WHERE id IN ({marks})", ids
            )
        }

    # -- evaluations -----------------------------------------------------------------------
    def evaluations(self) -> list[VenueEvaluationRow]:
        return rows_of(
            self.ws.db.query(
                """SELECT e.* FROM venue_evaluations e LEFT JOIN days d ON d.id = e.day_id
                   ORDER BY e.position, d.position, e.created"""
            ),
            VenueEvaluationRow,
        )

    def evaluation(self, evaluation_id: str) -> VenueEvaluationRow | None:
        return self.ws.rows.get(Table.VENUE_EVALUATIONS, evaluation_id)

    def eval_questions(self, evaluation_id: str) -> list[VenueEvalQuestionRow]:
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM venue_eval_questions WHERE evaluation_id = ? "
                "ORDER BY position, created",
                [evaluation_id],
            ),
            VenueEvalQuestionRow,
        )

    def next_evaluation_position(self) -> int:
        row = self.ws.db.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM venue_evaluations"
        ).fetchone()
        return int(row[0])

    def insert_evaluation(
        self, row: Mapping[str, Any], questions: Sequence[Mapping[str, Any]]
    ) -> str:
        stamp = now()
        with self.ws.operation() as op:
            ev = {"created": stamp, "updated": stamp, **row}
            self.ws.db["venue_evaluations"].insert(ev)
            unbury(self.ws.db, "venue_evaluations", [ev["id"]])
            op.touch(Table.VENUE_EVALUATIONS, [ev["id"]])
            self._put_questions(ev["id"], questions, op)
        return ev["id"]

    def save_evaluation(
        self,
        evaluation_id: str,
        values: Mapping[str, Any],
        questions: Sequence[Mapping[str, Any]],
    ) -> None:
        values = {k: v for k, v in values.items() if k in _EVAL_FIELDS}
        with self.ws.operation() as op:
            if values:
                self.ws.db["venue_evaluations"].update(evaluation_id, {**values, "updated": now()})
            op.touch(Table.VENUE_EVALUATIONS, [evaluation_id])
            keep = {q["id"] for q in questions if q.get("id")}
            gone = [q["id"] for q in self.eval_questions(evaluation_id) if q["id"] not in keep]
            if gone:
                marks = ",".join("?" * len(gone))
                self.ws.db.execute(f"DELETE FROM venue_eval_questions WHERE id IN ({marks})", gone)
                bury(self.ws.db, "venue_eval_questions", gone)
                op.touch(Table.VENUE_EVAL_QUESTIONS, gone)
            self._put_questions(evaluation_id, questions, op)

    def _put_questions(
        self, evaluation_id: str, questions: Sequence[Mapping[str, Any]], op: Any
    ) -> None:
        stamp = now()
        existing: dict[str, Mapping[str, Any]] = {
            q["id"]: q for q in self.eval_questions(evaluation_id)
        }
        for position, q in enumerate(questions):
            qid = q.get("id") or new_id("veq")
            values = {
                "text": q.get("text", ""),
                "kind": q.get("kind", "scale5"),
                "position": position,
            }
            old = existing.get(qid)
            if old is None:
                self.ws.db["venue_eval_questions"].insert(
                    {
                        "id": qid,
                        "evaluation_id": evaluation_id,
                        **values,
                        "created": stamp,
                        "updated": stamp,
                    }
                )
                unbury(self.ws.db, "venue_eval_questions", [qid])
            elif any(old[k] != v for k, v in values.items()):
                self.ws.db["venue_eval_questions"].update(qid, {**values, "updated": stamp})
            else:
                continue
            op.touch(Table.VENUE_EVAL_QUESTIONS, [qid])

    def set_evaluation_state(self, evaluation_id: str, state: str) -> None:
        self.ws.rows.update(Table.VENUE_EVALUATIONS, evaluation_id, {"state": state})

    def submit_evaluation(
        self, evaluation_id: str, device_id: str, answers: Mapping[str, Any]
    ) -> bool | None:
        """Keep a phone's answers to a questionnaire once: True when kept now, False when
        these very answers were kept already (a resent request), None when it had answered
        already with others (which stay)."""
        kept = {
            r[0]: r[1]
            for r in self.ws.db.execute(
                "SELECT question_id, value FROM venue_eval_answers "
                "WHERE evaluation_id = ? AND device_id = ?",
                [evaluation_id, device_id],
            )
        }
        if kept:
            same = kept == {q: json.dumps(v, ensure_ascii=False) for q, v in answers.items()}
            return False if same else None
        stamp = now()
        rows = [
            {
                "id": new_id("vea"),
                "evaluation_id": evaluation_id,
                "question_id": qid,
                "device_id": device_id,
                "value": json.dumps(value, ensure_ascii=False),
                "created": stamp,
                "updated": stamp,
            }
            for qid, value in answers.items()
        ]
        with self.ws.operation() as op:
            self.ws.db["venue_eval_answers"].insert_all(rows)
            op.touch(Table.VENUE_EVAL_ANSWERS, [r["id"] for r in rows])
        return True

    def eval_values(self, evaluation_id: str) -> dict[str, list[Any]]:
        """Question id → every answer given to it."""
        out: dict[str, list[Any]] = defaultdict(list)
        for qid, value in self.ws.db.execute(
            "SELECT question_id, value FROM venue_eval_answers WHERE evaluation_id = ? "
            "ORDER BY created, id",
            [evaluation_id],
        ):
            out[qid].append(_loads(value))
        return dict(out)

    def eval_devices(self, evaluation_id: str) -> set[str]:
        return {
            r[0]
            for r in self.ws.db.execute(
                "SELECT DISTINCT device_id FROM venue_eval_answers WHERE evaluation_id = ?",
                [evaluation_id],
            )
        }

    def eval_response_counts(self) -> dict[str, int]:
        return {
            r[0]: r[1]
            for r in self.ws.db.execute(
                "SELECT evaluation_id, count(DISTINCT device_id) FROM venue_eval_answers "
                "GROUP BY evaluation_id"
            )
        }

    # -- exports ---------------------------------------------------------------------------
    def answer_rows(self) -> list[AnswerExport]:
        """Every poll answer with its poll's session, for exports (device ids, never names)."""
        return rows_of(
            self.ws.db.query(
                """SELECT a.poll_id, a.device_id, a.value, a.created FROM venue_answers a
                   JOIN venue_polls p ON p.id = a.poll_id ORDER BY p.position, a.created, a.id"""
            ),
            AnswerExport,
        )

    def eval_answer_rows(self) -> list[EvalAnswerExport]:
        return rows_of(
            self.ws.db.query(
                """SELECT a.evaluation_id, a.question_id, a.device_id, a.value, a.created
                   FROM venue_eval_answers a JOIN venue_eval_questions q ON q.id = a.question_id
                   ORDER BY a.evaluation_id, a.device_id, q.position"""
            ),
            EvalAnswerExport,
        )

    def session_titles(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.ws.db.execute("SELECT id, title FROM sessions")}

    # -- team worksheets ---------------------------------------------------------------------
    def worksheet_round(self) -> str | None:
        """The round whose teams answer its exercise's prompts from their devices."""
        value = self.ws.info.setting(SETTING_WORKSHEET)
        if isinstance(value, str) and value and self.ws.rows.get(Table.ROUNDS, value):
            return value
        return None

    def worksheet(self, round_id: str | None) -> Worksheet | None:
        """A round's exercise, prompts and teams, as the team pages show them (no members)."""
        if not round_id:
            return None
        row = self.ws.db.execute(
            """SELECT r.id, r.title, ts.exercise_id, e.title, e.instructions, r.session_id,
                      e.session_id
               FROM rounds r JOIN team_sets ts ON ts.id = r.team_set_id
               LEFT JOIN exercises e ON e.id = ts.exercise_id WHERE r.id = ?""",
            [round_id],
        ).fetchone()
        if row is None:
            return None
        teams = rows_of(
            self.ws.db.query(
                "SELECT id, name, colour, room FROM teams WHERE round_id = ? "
                "ORDER BY position, name",
                [round_id],
            ),
            WorksheetTeam,
        )
        return {
            "round_id": row[0],
            "round_title": row[1] or "",
            "exercise_id": row[2],
            "exercise_title": row[3] or "",
            "instructions": row[4] or "",
            "session_id": row[5] or row[6],
            "prompts": [{"id": p["id"], "text": p["text"]} for p in self.ws.notes.prompts(row[2])],
            "teams": teams,
        }

    def worksheet_rounds(self) -> list[WorksheetRound]:
        """Rounds of team sets that have an exercise with prompts, in agenda order."""
        return rows_of(
            self.ws.db.query(
                """SELECT r.id, r.title, ts.title AS team_set_title, e.title AS exercise_title,
                          (SELECT count(*) FROM exercise_prompts p WHERE p.exercise_id = e.id)
                              AS prompts,
                          (SELECT count(*) FROM teams t WHERE t.round_id = r.id) AS teams
                   FROM rounds r JOIN team_sets ts ON ts.id = r.team_set_id
                   JOIN exercises e ON e.id = ts.exercise_id
                   LEFT JOIN sessions s ON s.id = COALESCE(r.session_id, e.session_id)
                   LEFT JOIN days d ON d.id = s.day_id
                   ORDER BY d.position, s.position, ts.title, r.position"""
            ),
            WorksheetRound,
        )

    def answer_docs(self, team_ids: Iterable[str]) -> dict[tuple[str, str], VenueAnswerDocRow]:
        """(team id, prompt id) → stored document row of those teams' answers."""
        ids = list(team_ids)
        out: dict[tuple[str, str], VenueAnswerDocRow] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in rows_of(
                self.ws.db.query(
                    f"SELECT * FROM venue_answer_docs WHERE team_id IN ({marks})", chunk
                ),
                VenueAnswerDocRow,
            ):
                out[(r["team_id"], r["prompt_id"])] = r
        return out

    def seed_notes(self, team_ids: Iterable[str]) -> dict[tuple[str, str], SeedNote]:
        """The one worksheet note a cell holds when no document mirrors it yet.

        An answer a rapporteur typed in Capture before the teams got their devices becomes the
        start of the team's document (and that note its mirror) instead of a second answer.
        A cell with several notes keeps them and gets a new one.
        """
        ids = list(team_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = rows_of(
            self.ws.db.query(
                f"""SELECT n.id, n.team_id, n.prompt_id, n.text, n.created FROM notes n
                WHERE n.team_id IN ({marks}) AND n.prompt_id IS NOT NULL
                AND n.conflict_of IS NULL
                AND NOT EXISTS (SELECT 1 FROM venue_answer_docs d WHERE d.note_id = n.id)
                ORDER BY n.created, n.id""",
                ids,
            ),
            SeedNote,
        )
        cells: dict[tuple[str, str], list[SeedNote]] = defaultdict(list)
        for r in rows:
            cells[(r["team_id"], r["prompt_id"])].append(r)
        return {cell: notes[0] for cell, notes in cells.items() if len(notes) == 1}

    def save_answer_docs(self, writes: Iterable[AnswerDocWrite]) -> list[str]:
        """Keep teams' answer documents and mirror their text into the worksheet notes.

        A document is only ever replaced by a later state of itself (the server merges every
        device's edits before it writes), so writing the same state twice changes nothing.
        A cell whose team or prompt no longer go together (deleted meanwhile) is skipped.
        Returns the ids of the notes that mirror them. Forty teams typing at once come as
        one call every few tenths of a second: a handful of statements, whatever the count.
        """
        writes = list(writes)
        if not writes:
            return []
        db = self.ws.db
        team_ids = {w.team_id for w in writes}
        valid = self.cells_of(team_ids)
        writes = [w for w in writes if (w.team_id, w.prompt_id) in valid]
        docs = self.answer_docs(team_ids)
        missing = [w for w in writes if (w.team_id, w.prompt_id) not in docs]
        seeds = self.seed_notes({w.team_id for w in missing}) if missing else {}
        wanted = {r["note_id"] for r in docs.values() if r["note_id"]}
        wanted |= {seeds[c]["id"] for c in seeds}
        notes = self._note_texts(wanted)
        stamp = now()
        note_ids: list[str] = []
        note_updates: list[tuple[str, str, str]] = []
        doc_updates: list[tuple[bytes, str, str | None, str, str]] = []
        with self.ws.operation() as op:
            for w in writes:
                cell = (w.team_id, w.prompt_id)
                text = answer_text(w.text)
                row = docs.get(cell)
                note_id = row["note_id"] if row else None
                if note_id not in notes:
                    note_id = None  # the facilitator deleted it: a new one when there is text
                if note_id is None and row is None and cell in seeds:
                    note_id = seeds[cell]["id"]
                if note_id is None and text:
                    note_id = self._insert_answer_note(w.team_id, w.prompt_id, text)
                    notes[note_id] = text
                    op.touch(Table.NOTES, [note_id])
                elif note_id is not None and notes[note_id] != text and w.mirror:
                    note_updates.append((text, stamp, note_id))
                    notes[note_id] = text
                    op.touch(Table.NOTES, [note_id])
                if row is None:
                    doc_id = new_id("vad")
                    db.execute(
                        "INSERT INTO venue_answer_docs (id, team_id, prompt_id, note_id, state, "
                        "text, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [doc_id, w.team_id, w.prompt_id, note_id, w.state, w.text, stamp, stamp],
                    )
                    unbury(db, "venue_answer_docs", [doc_id])
                    docs[cell] = {
                        "id": doc_id,
                        "team_id": w.team_id,
                        "prompt_id": w.prompt_id,
                        "note_id": note_id,
                        "state": w.state,
                        "text": w.text,
                        "created": stamp,
                        "updated": stamp,
                    }
                    op.touch(Table.VENUE_ANSWER_DOCS, [doc_id])
                elif row["state"] != w.state or row["note_id"] != note_id:
                    doc_updates.append((w.state, w.text, note_id, stamp, row["id"]))
                    row["state"], row["note_id"] = w.state, note_id
                    op.touch(Table.VENUE_ANSWER_DOCS, [row["id"]])
                if note_id:
                    note_ids.append(note_id)
            if note_updates:
                db.conn.executemany(
                    "UPDATE notes SET text = ?, updated = ? WHERE id = ?", note_updates
                )
            if doc_updates:
                db.conn.executemany(
                    "UPDATE venue_answer_docs SET state = ?, text = ?, note_id = ?, updated = ? "
                    "WHERE id = ?",
                    doc_updates,
                )
        return note_ids

    def mirror_answer_notes(self) -> list[str]:
        """Bring every worksheet note up to its answer document's text.

        The server copies a team's text into the note at most once a second while the team
        types, and once more when it stops; if the server stopped in between, this (run when a
        server starts or stops) catches the note up. Returns the notes changed.
        """
        rows = self.ws.db.execute(
            """SELECT n.id, n.text, d.text FROM venue_answer_docs d
               JOIN notes n ON n.id = d.note_id"""
        ).fetchall()
        stale = [
            (answer_text(doc), note_id) for note_id, text, doc in rows if answer_text(doc) != text
        ]
        if not stale:
            return []
        stamp = now()
        with self.ws.operation() as op:
            self.ws.db.conn.executemany(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?",
                [(t, stamp, i) for t, i in stale],
            )
            op.touch(Table.NOTES, [i for _, i in stale])
        return [i for _, i in stale]

    def _note_texts(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.ws.db.execute(f"SELECT id, text FROM notes WHERE id IN ({marks})", chunk):
                out[r[0]] = r[1]
        return out

    def cells_of(self, team_ids: Iterable[str]) -> set[tuple[str, str]]:
        """(team, prompt) pairs these teams answer: their round's exercise's prompts."""
        ids = list(team_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {
            (r[0], r[1])
            for r in self.ws.db.execute(
                f"""SELECT t.id, p.id FROM teams t JOIN rounds r ON r.id = t.round_id
                    JOIN team_sets ts ON ts.id = r.team_set_id
                    JOIN exercise_prompts p ON p.exercise_id = ts.exercise_id
                    WHERE t.id IN ({marks})""",
                ids,
            )
        }

    def _insert_answer_note(self, team_id: str, prompt_id: str, text: str) -> str:
        exercise = self.ws.db.execute(
            "SELECT exercise_id FROM exercise_prompts WHERE id = ?", [prompt_id]
        ).fetchone()
        session_id = self.ws.notes.worksheet_session_id(exercise[0] if exercise else None, team_id)
        row = new_note_row(
            session_id=session_id,
            team_id=team_id,
            prompt_id=prompt_id,
            text=text,
            author=TEAM_AUTHOR,
            position=self.ws.notes.next_position(session_id),
        )
        self.ws.db["notes"].insert(row)
        unbury(self.ws.db, "notes", [row["id"]])
        return row["id"]

    def team_url(self, team_id: str) -> str:
        """A team's worksheet page at the address the venue server last used (with the join
        code, so scanning it joins), for printed team lists; "" if it never ran."""
        last = self.ws.info.setting(SETTING_SERVER)
        code = self.join_code()
        if not isinstance(last, dict) or not last.get("host") or not last.get("port") or not code:
            return ""
        host = str(last["host"])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{int(last['port'])}/j/{code}/t/{team_id}"

    # -- rapporteurs -----------------------------------------------------------------------
    def rapporteurs(self, every: bool = False) -> list[VenueRapporteurRow]:
        """Rapporteurs' keys, newest last (revoked ones too when ``every``)."""
        where = "" if every else "WHERE revoked = 0"
        return rows_of(
            self.ws.db.query(f"SELECT * FROM venue_rapporteurs {where} ORDER BY created, id"),
            VenueRapporteurRow,
        )

    def add_rapporteur(self, name: str) -> VenueRapporteurRow:
        """A new key for a rapporteur's browser (the name shows who is connected)."""
        stamp = now()
        row: VenueRapporteurRow = {
            "id": new_id("vrp"),
            "name": name,
            "key": secrets.token_urlsafe(24),
            "revoked": 0,
            "created": stamp,
            "updated": stamp,
        }
        with self.ws.operation() as op:
            self.ws.db["venue_rapporteurs"].insert(dict(row))
            op.touch(Table.VENUE_RAPPORTEURS, [row["id"]])
        return row

    def revoke_rapporteur(self, rapporteur_id: str) -> None:
        """The key stops working at once (its browser is disconnected)."""
        with self.ws.operation() as op:
            self.ws.db["venue_rapporteurs"].update(rapporteur_id, {"revoked": 1, "updated": now()})
            op.touch(Table.VENUE_RAPPORTEURS, [rapporteur_id])

    def add_remote_notes(self, notes: Iterable[Any], author: str) -> RemoteNotesOutcome:
        """Store a rapporteur's notes under the ids their browser gave them.

        A note whose id the file already has, or had and deleted (a tombstone), is left as it
        is: a queue sent again after a dropped connection, or by a page reopened later,
        stores nothing twice and brings back nothing the facilitator deleted.
        """
        notes = list(notes)
        if not notes:
            return RemoteNotesOutcome((), ())
        ids = [n.id for n in notes]
        marks = ",".join("?" * len(ids))
        have = {
            r[0]
            for r in self.ws.db.execute(
                f"SELECT id FROM notes WHERE id IN ({marks}) UNION SELECT row_id FROM tombstones "
                f"WHERE table_name = 'notes' AND row_id IN ({marks})",
                ids + ids,
            )
        }
        stored: list[str] = []
        known: list[str] = []
        with self.ws.operation() as op:
            for n in notes:
                if n.id in have:
                    known.append(n.id)
                    continue
                row = new_note_row(
                    id=n.id,
                    session_id=n.session_id,
                    team_id=n.team_id,
                    kind=n.kind,
                    text=n.text,
                    attribution_person_id=n.attribution_person_id,
                    attribution_text=n.attribution_text,
                    author=author,
                    position=self.ws.notes.next_position(n.session_id),
                )
                self.ws.db["notes"].insert(row)
                have.add(n.id)
                stored.append(n.id)
            if stored:
                op.touch(Table.NOTES, stored)
        return RemoteNotesOutcome(tuple(stored), tuple(known))
