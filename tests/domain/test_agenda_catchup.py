"""Catching up, over random days: the projection, the preview and the result agree.

Each example is a random day (durations, kinds, fixed items, parallel groups) run late or
early by random amounts up to a random moment, with a random live adjustment of the running
session. For each catch-up plan the test applies the plan's stored edits to the day, as the
workshop file will hold them, reads the day's live state again, and checks it against the
preview minute for minute, and checks the rules: fixed items never move unless asked,
shortening takes time only from what can give it and only where the day runs late.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.agenda import (
    KINDS,
    MIN_SESSION_MIN,
    UNCUT_KINDS,
    CatchUp,
    Day,
    Live,
    Session,
    Timed,
    apply_plan,
    blocks,
    flow,
    live,
    plan_shift,
    plan_shorten,
)

D = date(2026, 3, 11)
MIDNIGHT = datetime(2026, 3, 11)


def moment(minutes: float) -> datetime:
    return MIDNIGHT + timedelta(minutes=minutes)


@st.composite
def late_days(draw: st.DrawFn) -> tuple[Day, datetime, dict[str, int]]:
    """A day, the moment it is now, and the live adjustment of the running session."""
    start = draw(st.integers(7 * 60, 10 * 60))
    n = draw(st.integers(2, 9))
    sessions = []
    for i in range(n):
        fixed = None
        if draw(st.integers(0, 3)) == 0:
            fixed = start + draw(st.integers(-30, 540))
        sessions.append(
            Session(
                f"s{i}",
                "d",
                i,
                draw(st.integers(0, 120)),
                kind=draw(st.sampled_from(sorted(KINDS))),
                title=f"Session {i}",
                fixed_start=fixed,
                parallel_group=draw(st.sampled_from([None, None, None, "g1", "g2"])),
            )
        )
    day = Day("d", D, start, start + draw(st.integers(180, 600)), tuple(sessions))
    order = blocks(day.sessions)
    current = draw(st.integers(0, len(order) - 1))
    running = draw(st.booleans()) or current > 0 and draw(st.booleans())
    actual: dict[str, tuple[datetime | None, datetime | None]] = {}
    cursor = start + draw(st.integers(-10, 40)) + draw(st.integers(0, 59)) / 60
    for block in order[:current]:
        length = max(s.duration for s in block) + draw(st.integers(-15, 60))
        end = cursor + max(1, length) + draw(st.integers(0, 59)) / 60
        for s in block:
            actual[s.id] = (moment(cursor), moment(end))
        cursor = end + draw(st.integers(0, 5))
    adjust: dict[str, int] = {}
    if running:
        for s in order[current]:
            actual[s.id] = (moment(cursor), None)
            if draw(st.booleans()):
                adjust[s.id] = draw(st.integers(-10, 15))
        length = max(s.duration for s in order[current])
        now = cursor + draw(st.integers(0, length + 60)) + draw(st.integers(0, 59)) / 60
    else:
        now = cursor + draw(st.integers(-20, 90)) + draw(st.integers(0, 59)) / 60
    day = replace(
        day,
        sessions=tuple(
            replace(s, actual_start=actual[s.id][0], actual_end=actual[s.id][1])
            if s.id in actual
            else s
            for s in day.sessions
        ),
    )
    return day, moment(now), adjust


def slot(t: Timed) -> tuple[int, int]:
    return t.start, t.end


def plans(state: Live) -> dict[str, CatchUp]:
    return {
        "shift": plan_shift(state),
        "shift, fixed items too": plan_shift(state, move_fixed=True),
        "shorten": plan_shorten(state),
    }


def segments(after: Live) -> list[tuple[list[list[Timed]], int, int]]:
    """The rest of the day cut at each fixed block: (blocks before it, anchor, arrival)."""
    out = []
    cursor = max(t.end for t in after.current_block)
    segment: list[list[Timed]] = []
    groups: dict[int, list[Timed]] = {}
    for t in after.rest:
        groups.setdefault(t.block, []).append(t)
    for members in [*groups.values(), None]:
        fixed = None
        if members is not None:
            fixed = min(
                (t.session.fixed_start for t in members if t.session.fixed_start is not None),
                default=None,
            )
        if members is not None and fixed is None:
            segment.append(members)
            continue
        arrival = max(t.end for t in segment[-1]) if segment else cursor
        anchor = after.day.planned_end if members is None else fixed
        out.append((segment, anchor, arrival))
        if members is not None:
            cursor = max(t.end for t in members)
        segment = []
    return out


def can_give(block: list[Timed]) -> bool:
    """Whether a block could still be shortened (the rule, restated from the user's side)."""
    longest = max(t.session.duration for t in block)
    floor = max(
        t.session.duration
        if t.session.kind in UNCUT_KINDS or t.session.fixed_start is not None
        else min(t.session.duration, MIN_SESSION_MIN)
        for t in block
    )
    return longest > floor


@settings(max_examples=400, deadline=None)
@given(late_days())
def test_preview_projection_and_result_agree(example) -> None:  # noqa: ANN001
    day, now, adjust = example
    state = live(day, now, adjust)
    if state.current is None:
        return
    before = {s.id: s for s in day.sessions}
    current_ids = {t.session.id for t in state.current_block}
    for name, plan in plans(state).items():
        applied = apply_plan(day, plan)
        # what the panel shows once the file holds the plan (a live adjustment of the running
        # session is written into its length, so it is no longer kept apart)
        assert plan.adjust.items() <= adjust.items()
        result = live(applied, now, plan.adjust)

        # the same session is on, from the same minute, until the same minute
        assert result.current.session.id == state.current.session.id
        assert result.start == state.start
        assert [slot(t) for t in result.current_block] == [slot(t) for t in state.current_block]
        # the preview is the result, minute for minute
        assert plan.old_end == state.projected_end
        assert plan.new_end == result.projected_end
        shown = {t.session.id: t for t in result.projected}
        for c in plan.changes:
            assert (c.new_start, c.new_end) == slot(shown[c.session_id]), (name, c)
        assert [c.minutes for c in plan.remaining] == [c.minutes for c in result.collisions]
        assert plan.past_day_end == result.past_day_end
        # every session whose agenda slot or stored fields change is in the preview, and only
        # those; what the plan writes is exactly what the preview lists
        was = {t.session.id: slot(t) for t in flow(day)}
        now_planned = {t.session.id: slot(t) for t in flow(applied)}
        changed = {
            s.id
            for s in applied.sessions
            if was[s.id] != now_planned[s.id]
            or (s.duration, s.fixed_start) != (before[s.id].duration, before[s.id].fixed_start)
        }
        assert changed == {c.session_id for c in plan.changes}, name
        assert bool(plan.edits) == bool(plan.changes)
        # running late: the agenda now says what will happen, from the current block's end on
        if state.delay > 0:
            assert min(now_planned[i][0] for i in current_ids) == state.start
            ends = [now_planned[i][1] for i in current_ids]
            assert max(ends) == max(t.end for t in result.current_block)
            for t in result.rest:
                assert now_planned[t.session.id] == slot(t), (name, t.session.id)

        after = {s.id: s for s in applied.sessions}
        rest_ids = {t.session.id for t in state.rest}
        assert all(after[i] == before[i] for i in before if i not in rest_ids | current_ids)
        if plan.mode == "shift":
            assert all(after[i].duration == before[i].duration for i in rest_ids)
            for i in rest_ids:
                old, new = before[i].fixed_start, after[i].fixed_start
                if name == "shift" or old is None:
                    assert new == old  # fixed items stay unless the user lets them move
                else:
                    assert new >= old  # and then only ever later
        else:
            for i in rest_ids:
                assert after[i].fixed_start == before[i].fixed_start
            for i in rest_ids:
                s, old = after[i], before[i]
                assert s.duration <= old.duration
                if s.duration < old.duration:
                    assert old.kind not in UNCUT_KINDS and old.fixed_start is None
                    assert s.duration >= MIN_SESSION_MIN
            for segment, anchor, arrival in segments(result):
                cut = any(
                    after[t.session.id].duration < before[t.session.id].duration
                    for b in segment
                    for t in b
                )
                if cut:  # time was taken only where the day ran late, and no more than needed
                    assert arrival >= anchor
                if arrival > anchor:  # still late: everything before it gave what it could
                    assert not any(can_give(b) for b in segment)
    shift = plans(state)["shift"]
    assert shift.new_end == state.projected_end  # writing the delay down changes no forecast
    assert [c.minutes for c in shift.remaining] == [c.minutes for c in state.collisions]


@settings(max_examples=200, deadline=None)
@given(late_days())
def test_moving_fixed_items_resolves_every_collision(example) -> None:  # noqa: ANN001
    day, now, adjust = example
    state = live(day, now, adjust)
    if state.current is None:
        return
    plan = plan_shift(state, move_fixed=True)
    assert plan.remaining == ()
    assert plan.new_end >= state.projected_end
