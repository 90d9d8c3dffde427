"""Teams store and commands: the engine problem from the workshop, generation, moves, undo."""

from __future__ import annotations

import json

from PySide6.QtGui import QUndoStack

from facilitator.domain import teams as engine
from facilitator.edits import teams as commands
from facilitator.edits.base import push
from facilitator.store import teams as store
from facilitator.store.tables import Table


def _state_key(state: store.State) -> tuple:
    rows = lambda table: sorted(tuple(sorted(r.items())) for r in state[table])  # noqa: E731
    return rows("teams"), rows("members")


def test_absent_people_come_from_attendance_of_the_round_day(workshop) -> None:
    tp = workshop.teams.build_problem("tms_demo0")
    away = tp.problem.absent["1"]
    day = workshop.teams.rounds("tms_demo0")[0]["effective_day_id"]
    present = {
        r[0]
        for r in workshop.db.execute(
            "SELECT person_id FROM attendance WHERE day_id = ? AND present", [day]
        )
    }
    eligible = {p.id for p in tp.problem.people}
    assert away == eligible - present and away


def test_day_without_attendance_counts_everyone_present(workshop) -> None:
    workshop.db.execute("DELETE FROM attendance WHERE day_id = 'day_demo1'")
    tp = workshop.teams.build_problem("tms_demo0")
    assert tp.problem.absent == {}


def test_generation_is_one_undo_step_restoring_previous_teams(workshop) -> None:
    stack = QUndoStack()
    rounds = ["rnd_demo0"]
    before = workshop.teams.round_state(rounds)
    tp = workshop.teams.build_problem("tms_demo0", for_generation=True)
    tp.problem.effort = 0.05
    result = engine.plan(tp.problem)
    push(stack, commands.apply_plan(workshop, tp, result.assignment))
    after = workshop.teams.round_state(rounds)
    assert _state_key(after) != _state_key(before)
    # Team rows (and the worksheet notes that point at them) are kept.
    assert {t["id"] for t in after["teams"]} == {t["id"] for t in before["teams"]}
    fresh = workshop.teams.build_problem("tms_demo0")
    ev = engine.evaluate(fresh.problem, workshop.teams.current_assignment(fresh))
    assert ev.hard_violations == []
    stack.undo()
    assert _state_key(workshop.teams.round_state(rounds)) == _state_key(before)
    stack.redo()
    assert _state_key(workshop.teams.round_state(rounds)) == _state_key(after)


def test_fewer_teams_deletes_surplus_and_undo_brings_back_notes_links(workshop) -> None:
    stack = QUndoStack()
    linked = workshop.db.execute(
        "SELECT count(*) FROM notes WHERE team_id = 'tea_demo03'"
    ).fetchone()[0]
    assert linked
    workshop.rows.update(Table.TEAM_SETS, "tms_demo0", {"team_count": 3})
    tp = workshop.teams.build_problem("tms_demo0", for_generation=True)
    tp.problem.effort = 0.05
    assert len(tp.problem.rounds[0].team_ids) == 3
    push(stack, commands.apply_plan(workshop, tp, engine.plan(tp.problem).assignment))
    assert len(workshop.teams.teams("rnd_demo0")) == 3
    stack.undo()
    assert len(workshop.teams.teams("rnd_demo0")) == 4
    again = workshop.db.execute(
        "SELECT count(*) FROM notes WHERE team_id = 'tea_demo03'"
    ).fetchone()[0]
    assert again == linked


def test_locked_members_and_constraints_reach_the_engine(workshop) -> None:
    member = workshop.teams.members(["tea_demo01"])[0]
    workshop.rows.update(Table.TEAM_MEMBERS, member["id"], {"locked": 1})
    workshop.rows.update(Table.TEAMS, "tea_demo02", {"locked": 1})
    push(QUndoStack(), commands.add_constraint(workshop, "tms_demo0", "keep_apart", ["a", "b"]))
    people = [p.id for p in workshop.teams.build_problem("tms_demo0").problem.people]
    push(
        QUndoStack(),
        commands.add_constraint(workshop, "tms_demo0", "keep_together", people[:2]),
    )
    push(QUndoStack(), commands.add_constraint(workshop, "tms_demo0", "pin", [people[3]], "Team 4"))
    tp = workshop.teams.build_problem("tms_demo0", for_generation=True)
    locked = tp.problem.locked["1"]
    assert locked[member["person_id"]] == "Team 2"
    team3 = [m["person_id"] for m in workshop.teams.members(["tea_demo02"])]
    away = tp.problem.absent.get("1", set())
    assert all(locked[p] == "Team 3" for p in team3 if p not in away)
    assert tp.problem.keep_together == [tuple(people[:2])]
    assert tp.problem.keep_apart == []  # unknown people are ignored
    assert tp.problem.pins == [engine.Pin(people[3], "Team 4", None)]
    tp.problem.effort = 0.05
    result = engine.plan(tp.problem)
    where = {p: t for t, ps in result.assignment["1"].items() for p in ps}
    assert where[member["person_id"]] == "Team 2"
    assert where[people[0]] == where[people[1]]


def test_move_person_keeps_the_member_row_and_undoes(workshop) -> None:
    stack = QUndoStack()
    m = workshop.teams.members(["tea_demo00"])[0]
    before = workshop.teams.round_state(["rnd_demo0"])
    cmd = commands.move_person(workshop, "rnd_demo0", m["person_id"], "tea_demo01", 0)
    push(stack, cmd)
    moved = workshop.teams.members(["tea_demo01"])[0]
    assert (moved["person_id"], moved["id"]) == (m["person_id"], m["id"])
    assert m["person_id"] not in {x["person_id"] for x in workshop.teams.members(["tea_demo00"])}
    stack.undo()
    assert _state_key(workshop.teams.round_state(["rnd_demo0"])) == _state_key(before)


def test_move_person_not_in_the_round_adds_them_where_dropped(workshop) -> None:
    stack = QUndoStack()
    in_round = {m["person_id"] for m in workshop.teams.round_state(["rnd_demo0"])["members"]}
    outsider = next(p["id"] for p in workshop.people.people() if p["id"] not in in_round)
    before = workshop.teams.round_state(["rnd_demo0"])
    push(stack, commands.move_person(workshop, "rnd_demo0", outsider, "tea_demo01", 1))
    members = workshop.teams.members(["tea_demo01"])
    assert members[1]["person_id"] == outsider
    assert [m["position"] for m in members] == list(range(len(members)))
    stack.undo()
    assert _state_key(workshop.teams.round_state(["rnd_demo0"])) == _state_key(before)


def test_criteria_and_find_team_set(workshop) -> None:
    ts = workshop.teams.find_team_set("recommendations FOR states")
    assert ts["id"] == "tms_demo1"
    assert workshop.teams.find_team_set(None)["id"] == "tms_demo0"
    assert workshop.teams.find_team_set("nope") is None
    push(
        QUndoStack(),
        commands.set_criteria(workshop, "tms_demo1", ["gender"], {"organisation": 9.0}, 0.3),
    )
    crit = store.criteria(workshop.rows.get(Table.TEAM_SETS, "tms_demo1"))
    assert crit == {"balance": ["gender"], "weights": {"organisation": 9.0}, "effort": 0.3}
    tp = workshop.teams.build_problem("tms_demo1")
    assert tp.problem.balance_attributes == ("gender",)
    assert tp.problem.weights.organisation == 9.0
    assert json.loads(workshop.rows.get(Table.TEAM_SETS, "tms_demo1")["criteria"])["effort"] == 0.3


def test_new_exercise_for_group_session_is_one_undo_step(workshop) -> None:
    stack = QUndoStack()
    session = workshop.teams.group_sessions()[0]
    macro = commands.new_exercise(workshop, session["id"], "Scenario game", 3)
    push(stack, macro)
    ex = [e for e in workshop.teams.exercises() if e["title"] == "Scenario game"][0]
    assert ex["session_id"] == session["id"]
    ts = workshop.teams.team_sets(ex["id"])[0]
    assert ts["team_count"] == 3
    assert workshop.teams.rounds(ts["id"])[0]["effective_day_id"] == session["day_id"]
    stack.undo()
    assert not [e for e in workshop.teams.exercises() if e["title"] == "Scenario game"]


def test_places_say_where_teams_and_members_sit(workshop) -> None:
    """The store query the board reads for ids it does not show."""
    places = workshop.teams.team_places(["tea_demo00", "tea_demo11", "no_such_team"])
    assert sorted((p["id"], p["round_id"], p["team_set_id"]) for p in places) == [
        ("tea_demo00", "rnd_demo0", "tms_demo0"),
        ("tea_demo11", "rnd_demo1", "tms_demo1"),
    ]
    member = workshop.teams.members(["tea_demo11"])[0]["id"]
    assert workshop.teams.member_places([member, "gone"]) == [
        {"id": member, "round_id": "rnd_demo1", "team_set_id": "tms_demo1"}
    ]
    assert workshop.teams.team_places([]) == workshop.teams.member_places([]) == []
