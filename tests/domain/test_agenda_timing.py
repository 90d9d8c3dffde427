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
    assert "Айгуль Жумабаева is in 'A' and 'B' at once" == found[0].message


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
    assert projected["d"] == ("11:20", "12:50")
    assert projected["e"] == ("12:50", "13:50")  # lunch pushed: the flow reaches it late
    assert hhmm(state.projected_end) == "15:35"


def test_shift_moves_the_rest_of_the_day_by_the_delay() -> None:
    d = running_late()
    plan = plan_shift(live(d, at(10, 30)))
    assert plan.edits == {"c": {"fixed_start": "11:05"}, "e": {"fixed_start": "12:50"}}
    after = times(apply_plan(d, plan))
    assert after["c"] == ("11:05", "11:20")
    assert after["e"] == ("12:50", "13:50")
    assert after["g"] == ("15:20", "15:35")
    assert hhmm(plan.new_end) == "15:35"


def test_shorten_cuts_later_sessions_so_fixed_items_hold() -> None:
    d = running_late()
    plan = plan_shorten(live(d, at(10, 30)))
    # the 20 minutes come out of the country session; the coffee break is never cut
    assert plan.edits == {"d": {"duration_min": 70}}
    assert plan.unresolved == 0
    assert hhmm(plan.new_end) == "15:15"
    assert times(apply_plan(d, plan))["e"] == ("12:30", "13:30")


def test_shorten_reports_what_cannot_be_cut() -> None:
    d = day(s("a", 30, 0), s("b", 10, 1), s("lunch", 60, 2, fixed_start=585, kind="meal"))
    d = replace(
        d,
        sessions=(replace(d.sessions[0], actual_start=at(9, 0)),) + d.sessions[1:],
    )
    state = live(d, at(9, 50))  # opening has run 50 minutes of 30
    plan = plan_shorten(state)
    assert plan.edits == {"b": {"duration_min": 5}}  # never below 5 minutes
    assert plan.unresolved == 10


def test_shorten_cuts_parallel_sessions_together() -> None:
    d = day(
        s("a", 30, 0),
        s("x", 60, 1, parallel_group="g"),
        s("y", 40, 2, parallel_group="g"),
        s("lunch", 60, 3, fixed_start=630, kind="meal"),
    )
    d = replace(d, sessions=(replace(d.sessions[0], actual_start=at(9, 0)),) + d.sessions[1:])
    plan = plan_shorten(live(d, at(9, 40)))  # 10 min late
    assert plan.edits == {"x": {"duration_min": 50}, "y": {"duration_min": 30}}


@pytest.mark.parametrize("text", ["25:00", "12", "ab:cd", "12:75"])
def test_bad_times_are_refused_with_the_value(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        parse_hhmm(text)
