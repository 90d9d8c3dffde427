"""Undoable edits of the Polls area: prepare polls and evaluations, run them live, moderate
questions. Each is one step of Edit ▸ Undo (opening a poll that closed another undoes both)."""

from __future__ import annotations

from typing import Any

from facilitator.edits.base import DeleteRows, Edit, SetFields, SetSetting
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_QA_SESSION, SETTING_SELECTED

LIVE_FIELDS = ("state", "revealed", "opened_at", "closed_at")


class AddPoll(Edit):
    def __init__(self, ws: Workshop, row: dict[str, Any], options: list[dict[str, Any]]) -> None:
        super().__init__("Add poll")
        self.ws = ws
        self.row = {"id": new_id("pol"), **row}
        self.options = [{"id": o.get("id") or new_id("opt"), **o} for o in options]

    @property
    def poll_id(self) -> str:
        return self.row["id"]

    def apply(self) -> None:
        self.ws.venue.insert_poll(self.row, self.options)

    def revert(self) -> None:
        self.ws.rows.delete(Table.VENUE_POLLS, [self.poll_id])


class SavePoll(Edit):
    """Change a poll's question, kind, settings and options in one step."""

    def __init__(
        self, ws: Workshop, poll_id: str, values: dict[str, Any], options: list[dict[str, Any]]
    ) -> None:
        super().__init__("Edit poll")
        self.ws = ws
        self.poll_id = poll_id
        row = ws.venue.poll(poll_id) or {}
        self.old_values = {k: row.get(k) for k in values}
        self.old_options = [
            {"id": o["id"], "text": o["text"], "note_id": o["note_id"]}
            for o in ws.venue.options(poll_id)
        ]
        self.values = dict(values)
        self.options = [{"id": o.get("id") or new_id("opt"), **o} for o in options]

    def apply(self) -> None:
        self.ws.venue.save_poll(self.poll_id, self.values, self.options)

    def revert(self) -> None:
        self.ws.venue.save_poll(self.poll_id, self.old_values, self.old_options)


class PollLive(Edit):
    """Open, close, reset, reveal or hide a poll (opening closes the poll that was open)."""

    def __init__(self, ws: Workshop, poll_id: str, action: str) -> None:
        texts = {
            "open": "Open poll",
            "closed": "Close poll",
            "draft": "Reset poll",
            "reveal": "Reveal results",
            "hide": "Hide results",
        }
        super().__init__(texts[action])
        self.ws = ws
        self.poll_id = poll_id
        self.action = action
        touched = {poll_id}
        if action == "open":
            touched |= {p["id"] for p in ws.venue.polls() if p["state"] == "open"}
        self.before = {pid: ws.rows.fields(Table.VENUE_POLLS, pid, LIVE_FIELDS) for pid in touched}

    def apply(self) -> None:
        if self.action in ("reveal", "hide"):
            self.ws.venue.set_poll_fields(self.poll_id, {"revealed": int(self.action == "reveal")})
        else:
            self.ws.venue.set_poll_state(self.poll_id, self.action)

    def revert(self) -> None:
        for pid, values in self.before.items():
            if self.ws.rows.get(Table.VENUE_POLLS, pid):
                self.ws.venue.set_poll_fields(pid, values)


def delete_poll(ws: Workshop, poll_id: str) -> DeleteRows:
    return DeleteRows(ws, Table.VENUE_POLLS, [poll_id], "Delete poll")


class Moderate(Edit):
    """Hide, merge, mark answered (the question's session note follows)."""

    def __init__(self, ws: Workshop, question_id: str, values: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.question_id = question_id
        self.new = dict(values)
        self.old = ws.rows.fields(Table.VENUE_QUESTIONS, question_id, values)

    def apply(self) -> None:
        self.ws.venue.moderate(self.question_id, self.new)

    def revert(self) -> None:
        self.ws.venue.moderate(self.question_id, self.old)


def select_question(ws: Workshop, question_id: str | None) -> SetSetting:
    text = "Show question on the projector" if question_id else "Clear the projector's question"
    return SetSetting(ws, SETTING_SELECTED, question_id or "", text)


def take_questions_for(ws: Workshop, session_id: str | None) -> SetSetting:
    """None: follow the session running now; "": take no questions; else that session."""
    return SetSetting(ws, SETTING_QA_SESSION, session_id, "Choose the session taking questions")


class AddEvaluation(Edit):
    def __init__(self, ws: Workshop, row: dict[str, Any], questions: list[dict[str, Any]]) -> None:
        super().__init__("Add evaluation")
        self.ws = ws
        self.row = {"id": new_id("vev"), **row}
        self.questions = [{"id": q.get("id") or new_id("veq"), **q} for q in questions]

    @property
    def evaluation_id(self) -> str:
        return self.row["id"]

    def apply(self) -> None:
        self.ws.venue.insert_evaluation(self.row, self.questions)

    def revert(self) -> None:
        self.ws.rows.delete(Table.VENUE_EVALUATIONS, [self.evaluation_id])


class SaveEvaluation(Edit):
    def __init__(
        self, ws: Workshop, evaluation_id: str, values: dict[str, Any], questions: list[dict]
    ) -> None:
        super().__init__("Edit evaluation")
        self.ws = ws
        self.evaluation_id = evaluation_id
        row = ws.venue.evaluation(evaluation_id) or {}
        self.old_values = {k: row.get(k) for k in values}
        self.old_questions = [
            {"id": q["id"], "text": q["text"], "kind": q["kind"]}
            for q in ws.venue.eval_questions(evaluation_id)
        ]
        self.values = dict(values)
        self.questions = [{"id": q.get("id") or new_id("veq"), **q} for q in questions]

    def apply(self) -> None:
        self.ws.venue.save_evaluation(self.evaluation_id, self.values, self.questions)

    def revert(self) -> None:
        self.ws.venue.save_evaluation(self.evaluation_id, self.old_values, self.old_questions)


def evaluation_state(ws: Workshop, evaluation_id: str, state: str) -> SetFields:
    text = {"open": "Open evaluation", "closed": "Close evaluation", "draft": "Reset evaluation"}
    return SetFields(ws, Table.VENUE_EVALUATIONS, evaluation_id, {"state": state}, text[state])


def delete_evaluation(ws: Workshop, evaluation_id: str) -> DeleteRows:
    return DeleteRows(ws, Table.VENUE_EVALUATIONS, [evaluation_id], "Delete evaluation")
