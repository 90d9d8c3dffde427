"""Undoable edits of breakout teams: generation, drags, locks, constraints, new exercises.

A generation or a drag replaces the whole state of some rounds (team rows and member rows)
in one transaction, so one undo brings back exactly the teams that were there before.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from facilitator.edits.base import Edit, InsertRow, Macro, SetFields
from facilitator.store import teams as store
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.rows import Snapshot
from facilitator.store.tables import Table


class SetRoundState(Edit):
    """Replace the teams and members of some rounds; undo restores the previous rows,
    including teams the change deleted and the notes that pointed at them."""

    def __init__(self, ws: Workshop, round_ids: list[str], after: store.State, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.round_ids = list(round_ids)
        self.before = ws.teams.round_state(self.round_ids)
        self.after = after
        self._removed: Snapshot | None = None

    def apply(self) -> None:
        gone = self.ws.teams.removed_teams(self.round_ids, self.after)
        self._removed = self.ws.rows.snapshot(Table.TEAMS, gone) if gone else None
        self.ws.teams.set_round_state(self.round_ids, self.after)

    def revert(self) -> None:
        if self._removed is not None:
            self.ws.rows.restore(self._removed)
        self.ws.teams.set_round_state(self.round_ids, self.before)


def move_person(
    ws: Workshop, round_id: str, person_id: str, to_team_id: str, row: int = -1
) -> SetRoundState | None:
    """Move one person to another team of the same round (one undo step); None if no-op."""
    state = ws.teams.round_state([round_id])
    if to_team_id not in {t["id"] for t in state["teams"]}:
        return None
    current = next((m for m in state["members"] if m["person_id"] == person_id), None)
    if current is not None and current["team_id"] == to_team_id and row < 0:
        return None
    after = store.moved_state(state, person_id, to_team_id, row)
    person, to_team = ws.rows.get(Table.PEOPLE, person_id), ws.rows.get(Table.TEAMS, to_team_id)
    name = person["name"] if person else person_id
    team = to_team["name"] if to_team else ""
    return SetRoundState(ws, [round_id], after, f"Move {name} to {team}")


def apply_plan(
    ws: Workshop, tp: store.TeamProblem, assignment: dict[str, dict[str, list[str]]]
) -> SetRoundState:
    """Store a planned assignment as one undo step."""
    round_ids, after = ws.teams.state_from_assignment(tp, assignment)
    return SetRoundState(ws, round_ids, after, "Generate teams")


def set_member_locked(ws: Workshop, member_id: str, locked: bool) -> SetFields:
    return SetFields(
        ws,
        Table.TEAM_MEMBERS,
        member_id,
        {"locked": int(locked)},
        "Lock person" if locked else "Unlock person",
    )


def set_team_locked(ws: Workshop, team_id: str, locked: bool) -> SetFields:
    return SetFields(
        ws, Table.TEAMS, team_id, {"locked": int(locked)}, "Lock team" if locked else "Unlock team"
    )


def set_team_room(ws: Workshop, team_id: str, room: str) -> SetFields:
    return SetFields(ws, Table.TEAMS, team_id, {"room": room}, "Team room", merge=True)


def set_rapporteur(ws: Workshop, team_id: str, person_id: str | None) -> SetFields:
    return SetFields(ws, Table.TEAMS, team_id, {"rapporteur_id": person_id}, "Team rapporteur")


def set_team_set_fields(ws: Workshop, team_set_id: str, values: dict[str, Any]) -> SetFields:
    return SetFields(ws, Table.TEAM_SETS, team_set_id, values, "Team criteria")


def set_criteria(
    ws: Workshop,
    team_set_id: str,
    balance: list[str],
    weights: dict[str, float],
    effort: float = store.DEFAULT_EFFORT,
) -> SetFields:
    data = {"balance": list(balance), "weights": dict(weights), "effort": effort}
    text = json.dumps(data)
    return SetFields(ws, Table.TEAM_SETS, team_set_id, {"criteria": text}, "Team criteria")


def add_constraint(
    ws: Workshop,
    team_set_id: str,
    kind: str,
    person_ids: list[str],
    team_name: str | None = None,
    round_ids: list[str] | None = None,
) -> InsertRow:
    labels = {
        "keep_together": "Keep together",
        "keep_apart": "Keep apart",
        "pin": f"Pin to {team_name}",
    }
    return InsertRow(
        ws,
        Table.TEAM_CONSTRAINTS,
        {
            "team_set_id": team_set_id,
            "kind": kind,
            "person_ids": json.dumps(list(person_ids)),
            "team_name": team_name,
            "rounds": json.dumps(list(round_ids or [])),
        },
        labels[kind],
        prefix="tcn",
    )


def add_round(ws: Workshop, team_set_id: str) -> InsertRow:
    existing = ws.teams.rounds(team_set_id)
    ts: Mapping[str, Any] = ws.rows.get(Table.TEAM_SETS, team_set_id) or {}
    ex: Mapping[str, Any] = ws.rows.get(Table.EXERCISES, ts.get("exercise_id") or "") or {}
    session: Mapping[str, Any] = ws.rows.get(Table.SESSIONS, ex.get("session_id") or "") or {}
    last: Mapping[str, Any] = existing[-1] if existing else {}
    position = (last.get("position", -1) or 0) + 1 if existing else 0
    return InsertRow(
        ws,
        Table.ROUNDS,
        {
            "team_set_id": team_set_id,
            "position": position,
            "title": f"Round {len(existing) + 1}",
            "session_id": last.get("session_id") or session.get("id"),
            "day_id": last.get("day_id") or session.get("day_id"),
        },
        "Add round",
        prefix="rnd",
    )


def new_exercise(ws: Workshop, session_id: str | None, title: str, team_count: int = 4) -> Macro:
    """An exercise for a group session with one team set and its first round."""
    session: Mapping[str, Any] | None = (
        ws.rows.get(Table.SESSIONS, session_id) if session_id else None
    )
    ex_id, ts_id = new_id("exe"), new_id("tms")
    return Macro(
        f"New exercise {title}",
        [
            InsertRow(
                ws,
                Table.EXERCISES,
                {
                    "id": ex_id,
                    "session_id": session_id,
                    "title": title,
                    "instructions": (session or {}).get("description", ""),
                },
            ),
            InsertRow(
                ws,
                Table.TEAM_SETS,
                {
                    "id": ts_id,
                    "exercise_id": ex_id,
                    "title": title,
                    "mode": "rotate",
                    "team_count": team_count,
                    "criteria": json.dumps({"balance": store.DEFAULT_BALANCE, "weights": {}}),
                    "seed": 1,
                },
            ),
            InsertRow(
                ws,
                Table.ROUNDS,
                {
                    "team_set_id": ts_id,
                    "position": 0,
                    "title": "Round 1",
                    "session_id": session_id,
                    "day_id": (session or {}).get("day_id"),
                },
                prefix="rnd",
            ),
        ],
    )
