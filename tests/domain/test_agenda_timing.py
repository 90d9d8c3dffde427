"""Timing rules: flow, fixed starts, parallel sessions, conflicts, live state, catching up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from facilitator.domain.agenda import (
    Day,
    Session,
    apply_plan,
    conflicts,
    flow,
    hhmm,
    live,
    parse_hhmm,
    plan_shift,
    plan_shorten,
)

D = date(2026, 3, 10)


def s(sid: str, minutes: int, pos: int, **kw) -> Session:
    return Session(sid, "d1", pos, minutes, **kw)


def day(*sessions: Session, start: str = "09:00", end: str = "17:30") -> Day:
    return Day("d1", D, parse_hhmm(start), parse_hhmm(end), tuple(sessions))


def times(d: Day) -> dict[str, tuple[str, str]]:
    return {t.session.id: (hhmm(t.start), hhmm(t.end)) for t in flow(d)}


def at(h: int, m: int, sec: int = 0) -> datetime:
    return datetime(2026, 3, 10, h, m, sec)


def test_start_times_flow_from_the_previous_session() -> None:
    d = day(s("a", 30, 0), s("b", 75, 1), s("c", 15, 2))
    assert times(d) == {"a": ("09:00", "09:30"), "b": ("09:30", "10:45"), "c": ("10:45", "11:00")}


def test_order_follows_position_not_insertion() -> None:
    d = day(s("b", 60, 1), s("a", 30, 0))
    assert times(d)["b"] == ("09:30", "10:30")


def test_fixed_start_holds_and_leaves_a_gap() -> None:
    d = day(s("a", 60, 0), s("lunch", 60, 1, fixed_start=parse_hhmm("12:30")), s("b", 30, 2))
    assert times(d) == {
        "a": ("09:00", "10:00"),
        "lunch": ("12:30", "13:30"),
        "b": ("13:30", "14:00"),
    }
    assert conflicts([d]) == []


def test_flow_colliding_with_fixed_start_is_a_conflict() -> None:
    d = day(s("a", 240, 0, title="Long"), s("lunch", 60, 1, fixed_start=750, title="Lunch"))
    assert times(d)["lunch"] == ("12:30", "13:30")
    found = conflicts([d])
    assert [c.kind for c in found] == ["fixed"]
    assert set(found[0].session_ids) == {"a", "lunch"}
    assert "30 min into 'Lunch'" in found[0].message


def test_parallel_sessions_start_together_and_flow_continues_after_longest() -> None:
    d = day(
        s("intro", 30, 0),
        s("room_a", 60, 1, parallel_group="breakout", room="A"),
        s("room_b", 90, 2, parallel_group="breakout", room="B"),
        s("wrap", 30, 3),
    )
    assert times(d) == {
        "intro": ("09:00", "09:30"),
        "room_a": ("09:30", "10:30"),
        "room_b": ("09:30", "11:00"),
        "wrap": ("11:00", "11:30"),
    }
    assert conflicts([d]) == []


def test_parallel_group_members_need_not_be_adjacent() -> None:
    d = day(s("a", 60, 0, parallel_group="g"), s("x", 30, 1), s("b", 45, 2, parallel_group="g"))
    assert times(d)["b"] == ("09:00", "09:45")
    assert times(d)["x"] == ("10:00", "10:30")


def test_speaker_in_two_places_at_once() -> None:
    d = day(
        s("a", 60, 0, parallel_group="g", speakers=("p1",), title="A", room="R1"),
        s("b", 60, 1, parallel_group="g", speakers=("p1", "p2"), title="B", room="R2"),
    )
    found = conflicts([d], {"p1": "Айгуль Жумабаева"})
    assert [c.kind for c in found] == ["speaker"]
    assert (
        found[0].message == "Айгуль Жумабаева is in 'A' (09:00–10:00) and 'B' (09:00–10:00) at once"
    )


def test_same_speaker_in_consecutive_sessions_is_fine() -> None:
    d = day(s("a", 60, 0, speakers=("p1",)), s("b", 60, 1, speakers=("p1",)))
    assert conflicts([d]) == []


def test_room_double_booked() -> None:
    d = day(
        s("a", 60, 0, parallel_group="g", room="Breakout A"),
        s("b", 30, 1, parallel_group="g", room="breakout a "),
    )
    found = conflicts([d])
    assert [c.kind for c in found] == ["room"]
    assert found[0].session_ids == ("a", "b")


def test_day_running_past_planned_end() -> None:
    d = day(s("a", 120, 0), s("b", 90, 1), end="12:00")
    found = conflicts([d])
    assert [c.kind for c in found] == ["overrun"]
    assert found[0].session_ids == ("b",)
    assert "12:30" in found[0].message and "30 min" in found[0].message


PLAN = (
    s("a", 30, 0, fixed_start=540, title="Opening"),
    s("b", 75, 1, title="Plenary"),
    s("c", 15, 2, kind="break", title="Coffee"),
    s("d", 90, 3, title="Country experiences"),
    s("e", 60, 4, fixed_start=750, kind="meal", title="Lunch"),
    s("f", 90, 5, title="Panel"),
    s("g", 15, 6, kind="break", title="Coffee"),
)


def running_late() -> Day:
    """Opening ran 20 minutes over; the plenary started at 09:50 and is running."""
    d = day(*PLAN, end="15:15")
    sessions = []
    for x in d.sessions:
        if x.id == "a":
            x = replace(x, actual_start=at(9, 0), actual_end=at(9, 50))
        if x.id == "b":
            x = replace(x, actual_start=at(9, 50))
        sessions.append(x)
    return replace(d, sessions=tuple(sessions))


def test_current_session_comes_from_the_clock_when_nothing_is_started() -> None:
    d = day(*PLAN)
    state = live(d, at(10, 0))
    assert state.current.session.id == "b"
    assert not state.running
    assert state.elapsed_s == 30 * 60 and state.remaining_s == 45 * 60
    assert state.next_block[0].session.id == "c"
    before = live(d, at(8, 30))
    assert before.current.session.id == "a" and before.level == "idle"
    assert live(d, at(18, 0)).current is None


def test_live_timer_levels_at_70_and_100_percent() -> None:
    d = running_late()
    assert live(d, at(10, 30)).level == "ok"  # 40 of 75 min
    assert live(d, at(10, 43)).level == "warn"  # 53 of 75 (≥ 70%)
    over = live(d, at(11, 6))
    assert over.level == "over" and over.remaining_s == -60


def test_live_adjustment_extends_the_running_session() -> None:
    d = running_late()
    plain = live(d, at(10, 30))
    more = live(d, at(10, 30), {"b": 5})
    assert more.remaining_s == plain.remaining_s + 300
    assert more.delay == plain.delay + 5


def test_projection_of_the_day_end_when_running_late() -> None:
    state = live(running_late(), at(10, 30))
    assert state.running and state.current.session.id == "b"
    assert state.delay == 20
    projected = {t.session.id: (hhmm(t.start), hhmm(t.end)) for t in state.projected}
    assert projected["b"] == ("09:50", "11:05")  # its real start and projected end
    assert projected["d"] == ("11:20", "12:50")
    assert projected["e"] == ("12:30", "13:30")  # the fixed lunch holds; the flow runs into it
    assert [c.message for c in state.collisions] == [
        "'Country experiences' (11:20–12:50) runs 20 min into 'Lunch' (fixed 12:30)"
    ]
    assert hhmm(state.projected_end) == "15:15" and state.late == 0
    assert state.projection_text() == "Day ends at 15:15, on time; the day may run until 15:15"


def test_projection_says_late_against_the_agenda_and_past_the_planned_end() -> None:
    d = day(s("a", 60, 0), s("b", 60, 1), end="11:10")
    d = replace(d, sessions=(replace(d.sessions[0], actual_start=at(9, 20)), d.sessions[1]))
    state = live(d, at(9, 30))
    assert state.projected_end == parse_hhmm("11:20") and state.late == 20
    assert state.projection_text() == (
        "Day ends at 11:20, 20 min late (agenda 11:00), 10 min past the planned end 11:10"
    )
    early = live(replace(d, planned_end=parse_hhmm("12:00")), at(9, 30))
    assert early.projection_text().endswith("; the day may run until 12:00")


def test_shift_moves_the_sessions_up_to_the_fixed_lunch_which_stays() -> None:
    d = running_late()
    state = live(d, at(10, 30))
    plan = plan_shift(state)
    # the running plenary's real start goes into the agenda; the fixed lunch does not move
    assert plan.edits == {"b": {"fixed_start": "09:50"}}
    moved = {c.session_id: (hhmm(c.old_start), hhmm(c.new_start)) for c in plan.changes}
    assert moved == {"b": ("09:30", "09:50"), "c": ("10:45", "11:05"), "d": ("11:00", "11:20")}
    after = times(apply_plan(d, plan))
    assert after["c"] == ("11:05", "11:20") and after["e"] == ("12:30", "13:30")
    assert hhmm(plan.new_end) == "15:15" == hhmm(state.projected_end)
    assert [c.message for c in plan.remaining] == [c.message for c in state.collisions]
    assert plan.unresolved == 20


def test_shift_moves_fixed_items_only_when_asked_and_only_as_far_as_needed() -> None:
    d = running_late()
    plan = plan_shift(live(d, at(10, 30)), move_fixed=True)
    assert plan.edits == {"b": {"fixed_start": "09:50"}, "e": {"fixed_start": "12:50"}}
    assert plan.moved_fixed == ("Lunch",) and plan.remaining == ()
    after = times(apply_plan(d, plan))
    assert after["e"] == ("12:50", "13:50") and after["g"] == ("15:20", "15:35")
    assert hhmm(plan.new_end) == "15:35"


def test_shorten_cuts_later_sessions_so_fixed_items_hold() -> None:
    d = running_late()
    plan = plan_shorten(live(d, at(10, 30)))
    # the 20 minutes come out of the country session; the coffee break is never cut
    assert plan.edits == {"b": {"fixed_start": "09:50"}, "d": {"duration_min": 70}}
    assert plan.unresolved == 0 and plan.cut == 20
    assert hhmm(plan.new_end) == "15:15"
    after = times(apply_plan(d, plan))
    assert after["d"] == ("11:20", "12:30") and after["e"] == ("12:30", "13:30")


def test_shorten_reports_what_cannot_be_cut() -> None:
    d = day(
        s("a", 30, 0, title="Opening"),
        s("b", 10, 1, title="Intro"),
        s("lunch", 60, 2, fixed_start=585, kind="meal", title="Lunch"),
    )
    d = replace(
        d,
        sessions=(replace(d.sessions[0], actual_start=at(9, 0)),) + d.sessions[1:],
    )
    state = live(d, at(9, 50))  # the opening has run 50 minutes of 30
    plan = plan_shorten(state)
    # the opening's overrun goes into its length; the intro goes down to 5 minutes, no further
    assert plan.edits == {"a": {"duration_min": 50}, "b": {"duration_min": 5}}
    assert [c.message for c in plan.remaining] == [
        "'Intro' (09:50–09:55) runs 10 min into 'Lunch' (fixed 09:45)"
    ]
    assert plan.unresolved == 10 and plan.stuck == ("'Lunch'",)


def test_shorten_takes_only_what_a_parallel_block_needs() -> None:
    d = day(
        s("a", 30, 0),
        s("x", 60, 1, parallel_group="g"),
        s("y", 40, 2, parallel_group="g"),
        s("lunch", 60, 3, fixed_start=630, kind="meal"),
    )
    d = replace(d, sessions=(replace(d.sessions[0], actual_start=at(9, 10)),) + d.sessions[1:])
    plan = plan_shorten(live(d, at(9, 20)))  # 10 min late
    # the block ends 10 minutes sooner when its longest room does; the shorter one fits already
    assert plan.edits == {"a": {"fixed_start": "09:10"}, "x": {"duration_min": 50}}


def test_a_live_adjustment_is_written_into_the_length_when_catching_up() -> None:
    d = running_late()
    state = live(d, at(10, 30), {"b": 10})
    plan = plan_shift(state)
    assert plan.edits == {"b": {"fixed_start": "09:50", "duration_min": 85}}
    assert plan.adjust == {}
    after = live(apply_plan(d, plan), at(10, 30), plan.adjust)
    assert after.remaining_s == state.remaining_s and after.projected_end == plan.new_end


def test_nothing_to_shift_when_the_fixed_item_is_next() -> None:
    """The issue's day: the country session runs 50 min late straight into the fixed lunch."""
    d = day(
        s("p", 60, 0, title="Presentation"),
        s("c", 90, 1, title="Country experiences"),
        s("l", 60, 2, fixed_start=750, kind="meal", title="Lunch"),
        s("g", 120, 3, title="Group exercise"),
        start="09:15",
        end="17:30",
    )
    d = replace(
        d,
        sessions=(
            replace(d.sessions[0], actual_start=at(9, 15), actual_end=at(11, 5)),
            replace(d.sessions[1], actual_start=at(11, 5)),
            *d.sessions[2:],
        ),
    )
    state = live(d, at(11, 10))
    assert state.delay == 50
    assert state.projection_text() == "Day ends at 15:30, on time; the day may run until 17:30"
    shift, shorten = plan_shift(state), plan_shorten(state)
    assert [c.session_id for c in shift.changes] == ["c"]  # only the running session's slot
    assert shift.edits == {"c": {"fixed_start": "11:05"}}
    assert shift.unresolved == 5 and hhmm(shift.new_end) == "15:30"
    assert shorten.cut == 0 and shorten.stuck == ("'Lunch'",) and shorten.unresolved == 5


@pytest.mark.parametrize("text", ["25:00", "12", "ab:cd", "12:75"])
def test_bad_times_are_refused_with_the_value(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        parse_hhmm(text)
