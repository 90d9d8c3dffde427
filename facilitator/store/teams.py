"""Exercises, team sets, rounds, teams and their members: every SQL statement of the Teams area.

A team set's rounds are written as a whole *state* (team rows plus member rows) so that a
generation, a drag or their undo is one transaction that leaves nothing half-changed. The
engine (``facilitator.domain.teams``) knows teams by name and rounds by number ("1", "2", …);
:func:`build_problem` translates between those and the rows here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import people as people_dom
from facilitator.domain import teams as engine
from facilitator.store.database import Workshop, bury, unbury
from facilitator.store.ids import new_id, now
from facilitator.store.records import (
    ConstraintView,
    ExerciseView,
    GroupSession,
    MemberView,
    PersonRow,
    RoundRow,
    RoundState,
    RoundView,
    TeamMemberRow,
    TeamPlace,
    TeamRow,
    TeamSetRow,
    TeamView,
    rows_of,
)
from facilitator.store.tables import Table

# Roles that take part in breakout teams (organisers, interpreters and rapporteurs do not).
ELIGIBLE_ROLES = ("participant", "speaker")
PALETTE = [
    "#E15759",
    "#4E79A7",
    "#59A14F",
    "#F28E2B",
    "#B07AA1",
    "#76B7B2",
    "#EDC948",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
]
DEFAULT_BALANCE = ["country", "sector", "gender"]
BALANCE_CHOICES = ["country", "sector", "gender", "role"]
# How long the engine searches (its ``Problem.effort``, a budget of evaluations, not a clock):
# thorough, the default, is the engine's own default, under two seconds for up to 300 people
# and as good as a plain simulated annealing given ten times as long (bench/teams.py); quick
# is about a third of that, exhaustive three times.
QUICK, THOROUGH, EXHAUSTIVE = 0.3, 1.0, 3.0
DEFAULT_EFFORT = THOROUGH
EFFORTS = [
    (QUICK, "Quick search"),
    (THOROUGH, "Thorough search"),
    (EXHAUSTIVE, "Exhaustive search"),
]

State = RoundState  # {"teams": [...], "members": [...]}


def colour_for(position: int) -> str:
    return PALETTE[position % len(PALETTE)]


# -- reading -------------------------------------------------------------------------------


def criteria(team_set: Mapping[str, Any]) -> dict[str, Any]:
    """Balance attributes and weights of a team set (stored as JSON text)."""
    try:
        data = json.loads(team_set.get("criteria") or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    balance = data.get("balance")
    weights = data.get("weights")
    effort = data.get("effort")
    return {
        "balance": list(balance) if isinstance(balance, list) else list(DEFAULT_BALANCE),
        "weights": dict(weights) if isinstance(weights, dict) else {},
        "effort": (
            float(effort) if isinstance(effort, int | float) and effort > 0 else DEFAULT_EFFORT
        ),
    }


def _json_list(text: Any) -> list[Any]:
    try:
        value = json.loads(text or "[]")
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


# -- whole-round state (generation, drags and their undo) ------------------------------------


def moved_state(state: State, person_id: str, to_team_id: str, row: int = -1) -> State:
    """A copy of a round's state with one person moved to another team (at ``row``)."""
    stamp = now()
    members_by_team: dict[str, list[TeamMemberRow]] = {t["id"]: [] for t in state["teams"]}
    moving: TeamMemberRow | None = None
    for m in sorted(state["members"], key=lambda m: (m["position"], m["id"])):
        if m["person_id"] == person_id:
            moving = m.copy()
        else:
            members_by_team.setdefault(m["team_id"], []).append(m.copy())
    if moving is None:
        moving = {
            "id": new_id("mem"),
            "team_id": to_team_id,
            "person_id": person_id,
            "locked": 0,
            "position": -1,  # placed below
            "created": stamp,
            "updated": stamp,
        }
    moving["team_id"], moving["updated"] = to_team_id, stamp
    target = members_by_team.setdefault(to_team_id, [])
    target.insert(row if 0 <= row <= len(target) else len(target), moving)
    out: list[TeamMemberRow] = []
    for team_members in members_by_team.values():
        for pos, m in enumerate(team_members):
            if m["position"] != pos:
                m["position"] = pos
                m["updated"] = stamp
            out.append(m)
    return {"teams": [t.copy() for t in state["teams"]], "members": out}


# -- the engine's view of a team set ---------------------------------------------------------


@dataclass
class TeamProblem:
    """An engine problem plus the mapping back to rows.

    ``round_keys`` maps engine round ids ("1", "2", …) to round rows' ids; ``team_keys`` maps
    (round row id, engine team id) to team row ids for the teams that exist already.
    """

    problem: engine.Problem
    round_keys: dict[str, str]
    team_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # person id → name

    def engine_round(self, round_id: str) -> str:
        return next(k for k, v in self.round_keys.items() if v == round_id)


def _unique_names(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: set[str] = set()
    out = []
    for pos, t in enumerate(rows):
        name = (t["name"] or "").strip() or f"Team {pos + 1}"
        if name in seen:
            name = f"{name} ({pos + 1})"
        seen.add(name)
        out.append(name)
    return out


class TeamsStore:
    """Exercises, team sets, rounds, teams, members and constraints."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def group_sessions(self) -> list[GroupSession]:
        """Group-exercise sessions of the agenda, in programme order."""
        return rows_of(
            self.ws.db.query(
                "SELECT s.id, s.title, s.day_id, d.date, d.title AS day_title FROM sessions s "
                "JOIN days d ON d.id = s.day_id WHERE s.kind = 'group' "
                "ORDER BY d.position, d.date, s.position"
            ),
            GroupSession,
        )

    def exercises(self) -> list[ExerciseView]:
        """Exercises with their session; those linked to a group session first, in agenda order."""
        return rows_of(
            self.ws.db.query(
                "SELECT e.id, e.title, e.session_id, s.title AS session_title, s.day_id, "
                "d.date, s.kind AS session_kind FROM exercises e "
                "LEFT JOIN sessions s ON s.id = e.session_id LEFT JOIN days d ON d.id = s.day_id "
                "ORDER BY s.id IS NULL, d.position, d.date, s.position, e.title COLLATE HUMAN"
            ),
            ExerciseView,
        )

    def team_sets(self, exercise_id: str | None = None) -> list[TeamSetRow]:
        if exercise_id is None:
            sql = (
                "SELECT t.* FROM team_sets t LEFT JOIN exercises e ON e.id = t.exercise_id "
                "LEFT JOIN sessions s ON s.id = e.session_id LEFT JOIN days d ON d.id = s.day_id "
                "ORDER BY d.position, s.position, t.created, t.id"
            )
            return rows_of(self.ws.db.query(sql), TeamSetRow)
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM team_sets WHERE exercise_id = ? ORDER BY created, id", [exercise_id]
            ),
            TeamSetRow,
        )

    def find_team_set(self, key: str | None) -> TeamSetRow | None:
        """A team set by id or title (case-insensitive); the first one when ``key`` is empty."""
        sets = self.team_sets()
        if not key:
            return sets[0] if sets else None
        for ts in sets:
            if ts["id"] == key:
                return ts
        for ts in sets:
            if ts["title"].casefold() == key.casefold():
                return ts
        return None

    def rounds(self, team_set_id: str) -> list[RoundView]:
        """Rounds in order, with ``effective_day_id``: the round's day, else its session's day."""
        return rows_of(
            self.ws.db.query(
                "SELECT r.*, COALESCE(r.day_id, rs.day_id, es.day_id) AS effective_day_id, "
                "COALESCE(rs.title, es.title) AS session_title "
                "FROM rounds r JOIN team_sets t ON t.id = r.team_set_id "
                "LEFT JOIN exercises e ON e.id = t.exercise_id "
                "LEFT JOIN sessions rs ON rs.id = r.session_id "
                "LEFT JOIN sessions es ON es.id = e.session_id "
                "WHERE r.team_set_id = ? ORDER BY r.position, r.created, r.id",
                [team_set_id],
            ),
            RoundView,
        )

    def rounds_in_session(self, session_id: str) -> list[RoundRow]:
        """Rounds held in a session (the live one, for the projector)."""
        return rows_of(
            self.ws.db.query(
                "SELECT * FROM rounds WHERE session_id = ? ORDER BY position, id", [session_id]
            ),
            RoundRow,
        )

    def teams(self, round_id: str) -> list[TeamView]:
        return rows_of(
            self.ws.db.query(
                "SELECT t.*, p.name AS rapporteur_name FROM teams t "
                "LEFT JOIN people p ON p.id = t.rapporteur_id "
                "WHERE t.round_id = ? ORDER BY t.position, t.name COLLATE HUMAN, t.id",
                [round_id],
            ),
            TeamView,
        )

    def members(self, team_ids: list[str]) -> list[MemberView]:
        """Members of some teams, with what a card shows about each person."""
        if not team_ids:
            return []
        marks = ",".join("?" * len(team_ids))
        return rows_of(
            self.ws.db.query(
                "SELECT m.id, m.team_id, m.person_id, m.locked, m.position, p.name, "
                "p.organisation, p.country, p.sector, p.gender, p.role, p.email, p.languages "
                "FROM team_members m JOIN people p ON p.id = m.person_id "
                f"WHERE m.team_id IN ({marks}) "
                "ORDER BY m.position, p.name COLLATE HUMAN",
                team_ids,
            ),
            MemberView,
        )

    def team_places(self, team_ids: Iterable[str]) -> list[TeamPlace]:
        """Round and team set of some teams (ids no longer stored are left out)."""
        ids = list(team_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return rows_of(
            self.ws.db.query(
                "SELECT t.id, t.round_id, r.team_set_id FROM teams t "
                f"JOIN rounds r ON r.id = t.round_id WHERE t.id IN ({marks})",
                ids,
            ),
            TeamPlace,
        )

    def member_places(self, member_ids: Iterable[str]) -> list[TeamPlace]:
        """Round and team set of some team member rows (ids no longer stored are left out)."""
        ids = list(member_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return rows_of(
            self.ws.db.query(
                "SELECT m.id, t.round_id, r.team_set_id FROM team_members m "
                "JOIN teams t ON t.id = m.team_id JOIN rounds r ON r.id = t.round_id "
                f"WHERE m.id IN ({marks})",
                ids,
            ),
            TeamPlace,
        )

    def eligible_people(self) -> list[PersonRow]:
        marks = ",".join("?" * len(ELIGIBLE_ROLES))
        return rows_of(
            self.ws.db.query(
                f"SELECT * FROM people WHERE role IN ({marks}) ORDER BY name, id", ELIGIBLE_ROLES
            ),
            PersonRow,
        )

    def constraints(self, team_set_id: str) -> list[ConstraintView]:
        rows = list(
            self.ws.db.query(
                "SELECT * FROM team_constraints WHERE team_set_id = ? ORDER BY created, id",
                [team_set_id],
            )
        )
        for r in rows:
            r["person_ids"] = _json_list(r["person_ids"])
            r["rounds"] = _json_list(r["rounds"])
        return rows_of(rows, ConstraintView)

    def absent_ids(self, day_id: str | None, person_ids: list[str]) -> set[str]:
        """People without a present attendance record on the day. A day nobody has checked in to
        yet (no attendance records at all) counts everyone as present."""
        if not day_id:
            return set()
        recorded = self.ws.db.execute(
            "SELECT count(*) FROM attendance WHERE day_id = ?", [day_id]
        ).fetchone()[0]
        if not recorded:
            return set()
        present = {
            r[0]
            for r in self.ws.db.execute(
                "SELECT DISTINCT person_id FROM attendance WHERE day_id = ? AND present", [day_id]
            ).fetchall()
        }
        return {p for p in person_ids if p not in present}

    def round_state(self, round_ids: list[str]) -> State:
        """Every team row and member row of some rounds, exactly as stored."""
        if not round_ids:
            return {"teams": [], "members": []}
        marks = ",".join("?" * len(round_ids))
        team_rows = rows_of(
            self.ws.db.query(f"SELECT * FROM teams WHERE round_id IN ({marks})", round_ids),
            TeamRow,
        )
        ids = [t["id"] for t in team_rows]
        member_rows: list[TeamMemberRow] = []
        if ids:
            tm = ",".join("?" * len(ids))
            member_rows = rows_of(
                self.ws.db.query(f"SELECT * FROM team_members WHERE team_id IN ({tm})", ids),
                TeamMemberRow,
            )
        return {"teams": team_rows, "members": member_rows}

    def set_round_state(self, round_ids: list[str], state: State) -> None:
        """Make the teams and members of ``round_ids`` exactly ``state``, in one transaction.

        Teams the state no longer holds are deleted (their notes lose the team link); callers
        that must undo this snapshot those teams first (see ``edits.teams``).
        """
        marks = ",".join("?" * len(round_ids))
        stamp = now()
        db = self.ws.db
        current = [
            r[0] for r in db.execute(f"SELECT id FROM teams WHERE round_id IN ({marks})", round_ids)
        ]
        target_teams = {t["id"]: t for t in state["teams"]}
        target_members = {m["id"] for m in state["members"]}
        removed = [t for t in current if t not in target_teams]
        with self.ws.operation() as op:
            old_members: dict[str, TeamMemberRow] = {}
            gone: list[str] = []
            if current:
                cm = ",".join("?" * len(current))
                old_members = {
                    r["id"]: r
                    for r in rows_of(
                        db.query(f"SELECT * FROM team_members WHERE team_id IN ({cm})", current),
                        TeamMemberRow,
                    )
                }
                gone = [m for m in old_members if m not in target_members]
                db.execute(f"DELETE FROM team_members WHERE team_id IN ({cm})", current)
                bury(self.ws.db, "team_members", gone, stamp)
            if removed:
                rm = ",".join("?" * len(removed))
                db.execute(f"DELETE FROM teams WHERE id IN ({rm})", removed)
                bury(self.ws.db, "teams", removed, stamp)
            for team_id, row in target_teams.items():
                if team_id in current:
                    old: Mapping[str, Any] = self.ws.rows.get(Table.TEAMS, team_id) or {}
                    changed = {k: v for k, v in row.items() if old.get(k) != v}
                    if changed:
                        db["teams"].update(team_id, changed)
                else:
                    db["teams"].insert(dict(row))
                    unbury(self.ws.db, "teams", [team_id])
            if state["members"]:
                db["team_members"].insert_all(dict(m) for m in state["members"])
                unbury(self.ws.db, "team_members", [m["id"] for m in state["members"]])
            op.touch(Table.TEAMS, [*target_teams, *removed])
            # Only the members whose row differs: the rest were written back as they were.
            moved = [m["id"] for m in state["members"] if old_members.get(m["id"]) != m]
            op.touch(Table.TEAM_MEMBERS, [*gone, *moved])
            if removed:
                op.touch(Table.NOTES)
                op.touch(Table.SUMMARIES)

    def removed_teams(self, round_ids: list[str], state: State) -> list[str]:
        """Team ids of ``round_ids`` that setting ``state`` would delete."""
        keep = {t["id"] for t in state["teams"]}
        marks = ",".join("?" * len(round_ids))
        rows = self.ws.db.execute(f"SELECT id FROM teams WHERE round_id IN ({marks})", round_ids)
        return [r[0] for r in rows.fetchall() if r[0] not in keep]

    def build_problem(self, team_set_id: str, for_generation: bool = False) -> TeamProblem:
        """The engine problem for a team set: who takes part, who is absent when, constraints and
        locks. With ``for_generation`` each round gets the team count the set asks for (existing
        team names first, then "Team n"); otherwise the teams that exist now."""
        ts = self.ws.rows.get(Table.TEAM_SETS, team_set_id)
        if ts is None:
            raise KeyError(team_set_id)
        crit = criteria(ts)
        people_rows = self.eligible_people()
        ids = [p["id"] for p in people_rows]
        people = [
            engine.Person(
                id=p["id"],
                name=p["name"],
                # Labels, not keys: the engine's reasons read "Civil society", not "civil_society".
                attributes={
                    "country": p["country"],
                    "sector": people_dom.sector_label(p["sector"]),
                    "gender": p["gender"],
                    "role": people_dom.role_label(p["role"]),
                },
                organisation=p["organisation"],
                languages=tuple(str(x) for x in _json_list(p["languages"])),
                role=p["role"],
            )
            for p in people_rows
        ]
        round_rows = self.rounds(team_set_id)
        specs: list[engine.RoundSpec] = []
        round_keys: dict[str, str] = {}
        team_keys: dict[tuple[str, str], str] = {}
        absent: dict[str, set[str]] = {}
        locked: dict[str, dict[str, str]] = {}
        for n, r in enumerate(round_rows, start=1):
            key = str(n)
            round_keys[key] = r["id"]
            away = self.absent_ids(r["effective_day_id"], ids)
            if away:
                absent[key] = away
            team_rows = self.teams(r["id"])
            names = _unique_names(team_rows)
            for t, name in zip(team_rows, names, strict=True):
                team_keys[(r["id"], name)] = t["id"]
            if for_generation:
                count = engine.teams_for_size(
                    len(ids) - len(away),
                    size=ts["team_size"] if not ts["team_count"] else None,
                    count=ts["team_count"] or (None if ts["team_size"] else 4),
                )
                wanted = names[:count]
                i = 1
                while len(wanted) < count:
                    candidate = f"Team {i}"
                    if candidate not in wanted and candidate not in names[count:]:
                        wanted.append(candidate)
                    i += 1
                names = wanted
            specs.append(engine.RoundSpec(key, tuple(names)))
            if for_generation:
                team_names = {
                    t["id"]: team_keys_name
                    for t, team_keys_name in zip(team_rows, _unique_names(team_rows), strict=True)
                }
                for m in self.members([t["id"] for t in team_rows]):
                    team_locked = any(t["id"] == m["team_id"] and t["locked"] for t in team_rows)
                    name = team_names.get(m["team_id"])
                    if (
                        (m["locked"] or team_locked)
                        and name in names
                        and m["person_id"] not in away
                    ):
                        locked.setdefault(key, {})[m["person_id"]] = name
        keep_together: list[tuple[str, ...]] = []
        keep_apart: list[tuple[str, str]] = []
        pins: list[engine.Pin] = []
        back = {v: k for k, v in round_keys.items()}
        known = set(ids)
        for c in self.constraints(team_set_id):
            pids = [p for p in c["person_ids"] if p in known]
            if c["kind"] == "keep_together" and len(pids) >= 2:
                keep_together.append(tuple(pids))
            elif c["kind"] == "keep_apart" and len(pids) >= 2:
                for a in range(len(pids)):
                    for b in range(a + 1, len(pids)):
                        keep_apart.append((pids[a], pids[b]))
            elif c["kind"] == "pin" and pids and c["team_name"]:
                rids = tuple(back[r] for r in c["rounds"] if r in back) or None
                pins.extend(engine.Pin(p, c["team_name"], rids) for p in pids)
        try:
            weights = engine.Weights.from_mapping(crit["weights"])
        except ValueError:
            weights = engine.Weights()
        problem = engine.Problem(
            people=people,
            rounds=specs,
            balance_attributes=tuple(crit["balance"]),
            weights=weights,
            keep_together=keep_together,
            keep_apart=keep_apart,
            pins=pins,
            absent=absent,
            locked=locked,
            mode=ts["mode"] if ts["mode"] in ("rotate", "keep") else "rotate",
            seed=int(ts["seed"] or 0),
            effort=crit["effort"],
        )
        return TeamProblem(
            problem, round_keys, team_keys, {p["id"]: p["name"] for p in people_rows}
        )

    def current_assignment(self, tp: TeamProblem) -> dict[str, dict[str, list[str]]]:
        """What is stored now, in the engine's terms."""
        out: dict[str, dict[str, list[str]]] = {}
        for key, round_id in tp.round_keys.items():
            team_rows = self.teams(round_id)
            names = dict(zip([t["id"] for t in team_rows], _unique_names(team_rows), strict=True))
            out[key] = {n: [] for n in names.values()}
            for m in self.members(list(names)):
                out[key][names[m["team_id"]]].append(m["person_id"])
        return out

    def state_from_assignment(
        self, tp: TeamProblem, assignment: dict[str, dict[str, list[str]]]
    ) -> tuple[list[str], State]:
        """Rows for a planned assignment: existing teams keep their ids, rooms and colours; member
        rows keep their lock when the person stays in the same team."""
        stamp = now()
        round_ids = list(tp.round_keys.values())
        before = self.round_state(round_ids)
        teams_by_id = {t["id"]: t for t in before["teams"]}
        old_members = {(m["team_id"], m["person_id"]): m for m in before["members"]}
        team_rows: list[TeamRow] = []
        member_rows: list[TeamMemberRow] = []
        for key, round_id in tp.round_keys.items():
            for pos, (name, people) in enumerate(assignment.get(key, {}).items()):
                team_id = tp.team_keys.get((round_id, name))
                if team_id is not None:
                    row = teams_by_id[team_id].copy()
                    if row["position"] != pos:
                        row["position"], row["updated"] = pos, stamp
                else:
                    team_id = new_id("tea")
                    row = {
                        "id": team_id,
                        "round_id": round_id,
                        "name": name,
                        "colour": colour_for(pos),
                        "room": "",
                        "rapporteur_id": None,
                        "position": pos,
                        "locked": 0,
                        "created": stamp,
                        "updated": stamp,
                    }
                team_rows.append(row)
                for k, pid in enumerate(people):
                    old = old_members.get((team_id, pid))
                    member_rows.append(
                        {
                            "id": old["id"] if old else new_id("mem"),
                            "team_id": team_id,
                            "person_id": pid,
                            "locked": old["locked"] if old else 0,
                            "position": k,
                            "created": old["created"] if old else stamp,
                            "updated": stamp,
                        }
                    )
        return round_ids, {"teams": team_rows, "members": member_rows}
