"""Every agenda edit is undoable and redoable, leaving the file exactly as it was."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.domain.agenda import plan_shift, plan_shorten
from facilitator.edits import agenda as cmd
from facilitator.edits.base import push
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

pytestmark = pytest.mark.usefixtures("qapp")


def state(ws: Workshop) -> tuple:
    sessions = [
        {k: v for k, v in r.items() if k != "updated"}
        for r in ws.db.query("SELECT * FROM sessions ORDER BY id")
    ]
    speakers = [
        (r["session_id"], r["person_id"], r["role"], r["position"])
        for r in ws.db.query("SELECT * FROM session_speakers ORDER BY session_id, position")
    ]
    days = [
        {k: v for k, v in r.items() if k != "updated"}
        for r in ws.db.query("SELECT * FROM days ORDER BY id")
    ]
    notes = ws.db["notes"].count
    return sessions, speakers, days, notes, ws.agenda.timer_adjust()


def day_order(ws: Workshop, day_id: str) -> list[str]:
    return [r["id"] for r in ws.agenda.session_rows(day_id)]


def check_undo(ws: Workshop, edit) -> tuple:  # noqa: ANN001
    stack = QUndoStack()
    before = state(ws)
    push(stack, edit)
    after = state(ws)
    assert after != before, "the edit changed nothing"
    stack.undo()
    assert state(ws) == before
    stack.redo()
    assert state(ws) == after
    return before, after


def test_add_session_after_selected(workshop: Workshop) -> None:
    edit = cmd.add_session(
        workshop, "day_demo0", {"title": "Q&A", "duration_min": 20}, "ses_demo001"
    )
    check_undo(workshop, edit)
    assert day_order(workshop, "day_demo0")[2] == edit.new_id


def test_move_within_a_day(workshop: Workshop) -> None:
    check_undo(workshop, cmd.move_sessions(workshop, ["ses_demo003"], "day_demo0", 1))
    assert day_order(workshop, "day_demo0")[:3] == ["ses_demo000", "ses_demo003", "ses_demo001"]


def test_move_across_days(workshop: Workshop) -> None:
    check_undo(workshop, cmd.move_sessions(workshop, ["ses_demo005"], "day_demo2", 0))
    assert day_order(workshop, "day_demo2")[0] == "ses_demo005"
    assert "ses_demo005" not in day_order(workshop, "day_demo0")


def test_duplicate_keeps_speakers_and_drops_actual_times(workshop: Workshop) -> None:
    _, _ = check_undo(workshop, cmd.duplicate_sessions(workshop, ["ses_demo000"]))
    order = day_order(workshop, "day_demo0")
    copy = workshop.rows.get(Table.SESSIONS, order[1])
    assert copy["title"] == "Opening remarks" and copy["actual_start"] is None
    speakers = workshop.agenda.speakers_by_session()
    assert [s["person_id"] for s in speakers[order[1]]] == [
        s["person_id"] for s in speakers["ses_demo000"]
    ]


def test_delete_brings_back_notes_and_speakers_on_undo(workshop: Workshop) -> None:
    before, after = check_undo(workshop, cmd.delete_sessions(workshop, ["ses_demo001"]))
    assert after[3] < before[3]  # its notes went with it


def test_edit_fields_and_speakers(workshop: Workshop) -> None:
    edit = cmd.edit_session(
        workshop,
        "ses_demo001",
        {"title": "Partnerships", "fixed_start": "09:45", "room": "Room B"},
        [("per_demo005", "moderator"), ("per_demo003", "speaker")],
    )
    check_undo(workshop, edit)
    speakers = workshop.agenda.speakers_by_session()["ses_demo001"]
    assert [(s["person_id"], s["role"]) for s in speakers] == [
        ("per_demo005", "moderator"),
        ("per_demo003", "speaker"),
    ]


def test_catch_up_plans_apply_and_undo(workshop: Workshop) -> None:
    day = workshop.agenda.load_days()[1]
    from dataclasses import replace

    from facilitator.domain.agenda import live

    started = tuple(
        replace(s, actual_start=datetime(2026, 3, 11, 9, 30)) if s.id == "ses_demo101" else s
        for s in day.sessions
    )
    st = live(replace(day, sessions=started), datetime(2026, 3, 11, 11, 10))
    for plan in (plan_shift(st), plan_shorten(st)):
        assert plan.changes
        check_undo(workshop, cmd.apply_catch_up(workshop, plan))


def test_start_finishes_the_running_session_and_undo_restores(workshop: Workshop) -> None:
    stack = QUndoStack()
    push(stack, cmd.start_session(workshop, ["ses_demo100"], datetime(2026, 3, 11, 9, 2)))
    assert workshop.agenda.unfinished_session_id() == "ses_demo100"
    before = state(workshop)
    push(stack, cmd.start_session(workshop, ["ses_demo101"], datetime(2026, 3, 11, 9, 20)))
    assert workshop.rows.get(Table.SESSIONS, "ses_demo100")["actual_end"] == "2026-03-11T09:20:00"
    assert workshop.rows.get(Table.SESSIONS, "ses_demo101")["actual_start"] == "2026-03-11T09:20:00"
    assert workshop.agenda.unfinished_session_id() == "ses_demo101"
    stack.undo()
    assert state(workshop) == before
    check_undo(
        workshop, cmd.finish_session(workshop, ["ses_demo100"], datetime(2026, 3, 11, 9, 30))
    )


def test_timer_adjust_is_undoable_and_leaves_the_plan(workshop: Workshop) -> None:
    _, after = check_undo(workshop, cmd.AdjustTimer(workshop, ["ses_demo101"], 5))
    assert after[4] == {"ses_demo101": 5}
    assert workshop.rows.get(Table.SESSIONS, "ses_demo101")["duration_min"] == 60


def test_day_edits(workshop: Workshop) -> None:
    check_undo(workshop, cmd.add_day(workshop, {"date": "2026-03-13", "title": "Field visit"}))
    check_undo(workshop, cmd.edit_day(workshop, "day_demo0", {"planned_end": "15:00"}))
    check_undo(workshop, cmd.delete_day(workshop, "day_demo2"))
