"""Agenda timing: when each session starts, what collides, and how to catch up when late.

Pure rules with no I/O. Times of day are minutes since midnight (``int``); the live clock is
passed in as a naive local ``datetime`` in the workshop's time zone, so tests can use any time.

Flow: a day starts at ``day_start``; each block (one session, or several sessions sharing a
``parallel_group`` that run side by side) starts when the previous block ends, unless it has a
fixed start, in which case it starts then. The flow continues after the longest session of a
block. A flow that reaches a fixed start late runs into it (a conflict is shown); the fixed
item does not move and the day goes on after it.

Live, the same rule (:func:`place`) places the rest of the day from the real end of the
session on now, so the projection ("the day ends at …"), the catch-up previews (which are
the live state of the day with the plan applied) and the agenda after applying a plan agree
to the minute.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

KINDS: dict[str, tuple[str, str]] = {
    # key: (label, colour)
    "opening": ("Opening", "#6A4C93"),
    "plenary": ("Plenary", "#1982C4"),
    "panel": ("Panel", "#8AC926"),
    "presentation": ("Presentation", "#4E9CA8"),
    "country": ("Country experience", "#FF924C"),
    "group": ("Group exercise", "#E15759"),
    "break": ("Break", "#B8B8B8"),
    "meal": ("Meal", "#C9A66B"),
    "networking": ("Networking", "#F2C14E"),
    "closing": ("Closing", "#52357A"),
}
# Kinds that "shorten later sessions" never cuts: people need their coffee and lunch.
UNCUT_KINDS = frozenset({"break", "meal"})
MIN_SESSION_MIN = 5
WARN_FRACTION = 0.7


def kind_label(kind: str) -> str:
    return KINDS.get(kind, (kind.title() or "Session", ""))[0]


def kind_colour(kind: str) -> str:
    return KINDS.get(kind, ("", "#999999"))[1]


def parse_hhmm(text: str | None) -> int | None:
    """'12:30' → 750; None or '' → None; raises ValueError naming the bad value."""
    if text is None or str(text).strip() == "":
        return None
    try:
        hours, minutes = str(text).strip().split(":")
        h, m = int(hours), int(minutes)
    except ValueError:
        raise ValueError(f"'{text}' is not a time of day (expected HH:MM)") from None
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError(f"'{text}' is not a time of day (expected HH:MM)")
    return h * 60 + m


def hhmm(minutes: int | float) -> str:
    """750 → '12:30'; times past midnight show as '24:10' so an overrun stays visible."""
    m = int(round(minutes))
    return f"{m // 60:02d}:{m % 60:02d}"


@dataclass(frozen=True)
class Session:
    id: str
    day_id: str
    position: int
    duration: int
    kind: str = "plenary"
    title: str = ""
    fixed_start: int | None = None
    parallel_group: str | None = None
    room: str = ""
    speakers: tuple[str, ...] = ()  # person ids (speakers and moderators)
    actual_start: datetime | None = None
    actual_end: datetime | None = None


@dataclass(frozen=True)
class Day:
    id: str
    date: date
    start: int
    planned_end: int
    sessions: tuple[Session, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Timed:
    """A session placed in time (minutes since midnight)."""

    session: Session
    start: int
    end: int
    block: int  # index of the block within the day; parallel sessions share it
    late_into_fixed: int = 0  # minutes the flow ran past this block's fixed start


@dataclass(frozen=True)
class Conflict:
    kind: str  # "speaker", "room", "overrun", "fixed"
    day_id: str
    session_ids: tuple[str, ...]  # the session at fault first
    message: str


def blocks(sessions: tuple[Session, ...] | list[Session]) -> list[list[Session]]:
    """Sessions in order, grouped into blocks; a parallel group joins its first member."""
    out: list[list[Session]] = []
    by_group: dict[str, list[Session]] = {}
    for s in sorted(sessions, key=lambda s: (s.position, s.id)):
        group = (s.parallel_group or "").strip()
        if group and group in by_group:
            by_group[group].append(s)
            continue
        block = [s]
        out.append(block)
        if group:
            by_group[group] = block
    return out


def _block_fixed(block: list[Session]) -> int | None:
    fixed = [s.fixed_start for s in block if s.fixed_start is not None]
    return min(fixed) if fixed else None


def place(
    indexed: Iterable[tuple[int, list[Session]]],
    cursor: int,
    length: Callable[[Session], int],
) -> list[Timed]:
    """The one timing rule, for the agenda and for the rest of a live day alike.

    Each block starts where the previous one ended, except a block with a fixed start, which
    starts then: early or late, a fixed item never moves. A flow that reaches it late runs
    into it (``late_into_fixed``) instead of pushing it; the day goes on after the fixed
    block. Parallel sessions start together and the flow continues after the longest.
    """
    out: list[Timed] = []
    for index, block in indexed:
        fixed = _block_fixed(block)
        late = 0
        if fixed is not None:
            late = max(0, cursor - fixed)
            cursor = fixed
        longest = 0
        for s in block:
            minutes = max(0, length(s))
            longest = max(longest, minutes)
            out.append(Timed(s, cursor, cursor + minutes, index, late))
        cursor += longest
    return out


def flow(
    day: Day, durations: dict[str, int] | None = None, start: int | None = None
) -> list[Timed]:
    """Place every session of ``day`` as planned; ``durations`` overrides lengths."""
    durations = durations or {}
    return place(
        enumerate(blocks(day.sessions)),
        day.start if start is None else start,
        lambda s: durations.get(s.id, s.duration),
    )


def day_end(timed: Iterable[Timed], day: Day) -> int:
    return max((t.end for t in timed), default=day.start)


def session_name(s: Session) -> str:
    return f"'{s.title or kind_label(s.kind)}'"


def span(t: Timed) -> str:
    return f"{hhmm(t.start)}–{hhmm(t.end)}"


@dataclass(frozen=True)
class Collision:
    """A session that runs into a fixed item: the flow reaches the item ``minutes`` late."""

    culprit: Timed  # the session at fault: the one of the block before that ends last
    fixed: tuple[Timed, ...]  # the fixed block run into
    minutes: int

    @property
    def message(self) -> str:
        names = " / ".join(session_name(t.session) for t in self.fixed)
        return (
            f"{session_name(self.culprit.session)} ({span(self.culprit)}) runs "
            f"{self.minutes} min into {names} (fixed {hhmm(self.fixed[0].start)})"
        )


def collisions_in(timed: Iterable[Timed]) -> list[Collision]:
    """Every fixed block of ``timed`` (placed by :func:`place`) that the block before runs into."""
    groups: dict[int, list[Timed]] = {}
    for t in timed:
        groups.setdefault(t.block, []).append(t)
    out: list[Collision] = []
    previous: list[Timed] | None = None
    for members in groups.values():
        late = members[0].late_into_fixed
        if late and previous:
            culprit = max(previous, key=lambda t: (t.end, -t.session.position))
            out.append(Collision(culprit, tuple(members), late))
        previous = members
    return out


def conflicts(days: list[Day], names: dict[str, str] | None = None) -> list[Conflict]:
    """Everything that cannot happen as planned, each naming the sessions involved."""
    names = names or {}
    found: list[Conflict] = []
    for day in days:
        timed = flow(day)
        found.extend(_day_conflicts(day, timed, names))
    return found


def _overlap(a: Timed, b: Timed) -> bool:
    return a.start < b.end and b.start < a.end and a.end > a.start and b.end > b.start


def _day_conflicts(day: Day, timed: list[Timed], names: dict[str, str]) -> list[Conflict]:
    found: list[Conflict] = []
    by_block: dict[int, list[Timed]] = {}
    for t in timed:
        by_block.setdefault(t.block, []).append(t)
    for c in collisions_in(timed):
        before = [t.session.id for t in by_block[c.culprit.block]]
        before.remove(c.culprit.session.id)
        ids = (c.culprit.session.id, *before, *(t.session.id for t in c.fixed))
        found.append(Conflict("fixed", day.id, ids, c.message))
    for i, a in enumerate(timed):
        for b in timed[i + 1 :]:
            if not _overlap(a, b):
                continue
            both = (
                f"{session_name(a.session)} ({span(a)}) and {session_name(b.session)} ({span(b)})"
            )
            room = a.session.room.strip()
            if room and room.casefold() == b.session.room.strip().casefold():
                found.append(
                    Conflict(
                        "room",
                        day.id,
                        (a.session.id, b.session.id),
                        f"room '{room}' is booked twice: {both}",
                    )
                )
            for person in sorted(set(a.session.speakers) & set(b.session.speakers)):
                who = names.get(person, person)
                found.append(
                    Conflict(
                        "speaker",
                        day.id,
                        (a.session.id, b.session.id),
                        f"{who} is in {both} at once",
                    )
                )
    end = day_end(timed, day)
    if timed and end > day.planned_end:
        late = sorted((t for t in timed if t.end > day.planned_end), key=lambda t: -t.end)
        last = late[0]
        found.append(
            Conflict(
                "overrun",
                day.id,
                tuple(t.session.id for t in late),
                f"{session_name(last.session)} ({span(last)}) ends {end - day.planned_end} min "
                f"after the day's planned end ({hhmm(day.planned_end)})",
            )
        )
    return found


# -- live ---------------------------------------------------------------------------------


def minute_of(moment: datetime) -> float:
    return moment.hour * 60 + moment.minute + moment.second / 60


@dataclass(frozen=True)
class Live:
    """What the clock says about one day: the session on now, its timer and the projection.

    Every time here is a whole minute, placed by the same rule as the agenda (:func:`place`):
    the current block from its real start (or, not started, its start by the clock) for its
    length plus the live adjustment (until now if it runs over), then the rest of the day
    flowing from its end, fixed items holding. The timer (``elapsed_s``, ``remaining_s``)
    counts seconds.
    """

    day: Day
    now: datetime
    current: Timed | None  # first session of the current block
    current_block: tuple[Timed, ...]
    next_block: tuple[Timed, ...]
    running: bool  # started and not finished
    start: int  # minute the current block started (actual, or planned by the clock)
    length: int  # planned length plus live adjustment, minutes
    elapsed_s: int
    remaining_s: int
    projected: tuple[Timed, ...]  # the current block and the rest of the day as they will run
    projected_end: int
    delay: int  # minutes the current block ends after its end in the agenda (negative: early)
    level: str = "idle"  # "idle", "ok", "warn" (≥70%), "over" (≥100%)
    agenda: tuple[Timed, ...] = ()  # the day as planned (flow)
    collisions: tuple[Collision, ...] = ()  # fixed items the projection runs into
    past: tuple[Timed, ...] = ()  # sessions before the current block, at their actual times
    adjust: dict[str, int] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return 0.0 if self.length <= 0 else (self.elapsed_s / 60) / self.length

    @property
    def agenda_end(self) -> int:
        return day_end(self.agenda, self.day)

    @property
    def late(self) -> int:
        """Minutes the day ends after the agenda's end (negative: before)."""
        return self.projected_end - self.agenda_end

    @property
    def past_day_end(self) -> int:
        """Minutes the day ends after its planned end (negative: before)."""
        return self.projected_end - self.day.planned_end

    @property
    def rest(self) -> tuple[Timed, ...]:
        """The blocks after the current one, as they will run."""
        return self.projected[len(self.current_block) :]

    def slots(self) -> dict[str, Timed]:
        """Each session of the day where it is shown today: past sessions at their actual
        times, the current block from its real start to its projected end, the rest as
        projected; sessions passed by without being started keep their planned slot."""
        out = {t.session.id: t for t in self.agenda}
        out.update({t.session.id: t for t in self.past})
        out.update({t.session.id: t for t in self.projected})
        return out

    def projection_text(self) -> str:
        """ "Day ends at …, N min late", against the agenda and the day's planned end."""
        end, late, over = self.projected_end, self.late, self.past_day_end
        agenda = hhmm(self.agenda_end)
        if late > 0:
            text = f"Day ends at {hhmm(end)}, {late} min late (agenda {agenda})"
        elif late < 0:
            text = f"Day ends at {hhmm(end)}, {-late} min early (agenda {agenda})"
        else:
            text = f"Day ends at {hhmm(end)}, on time"
        if over > 0:
            text += f", {over} min past the planned end {hhmm(self.day.planned_end)}"
        else:
            text += f"; the day may run until {hhmm(self.day.planned_end)}"
        return text


def day_for(days: list[Day], moment: datetime) -> Day | None:
    for d in days:
        if d.date == moment.date():
            return d
    return None


def _at(day: Day, minutes: float) -> datetime:
    return datetime.combine(day.date, datetime.min.time()) + timedelta(minutes=minutes)


def _minutes(day: Day, moment: datetime) -> float:
    """Minutes from midnight of ``day`` to ``moment`` (negative before, past 1440 after)."""
    return (moment - _at(day, 0)).total_seconds() / 60


def live(day: Day, now: datetime, adjust: dict[str, int] | None = None) -> Live:
    """The live state of ``day`` at ``now``.

    The current block is the one started and not finished; otherwise the clock decides: the
    day flows from the actual times of finished sessions, and the current block is the first
    unfinished one whose time has not yet passed (on now, or the next to come).
    ``adjust`` holds the +/− minutes given to running sessions; it counts for the running
    block only.
    """
    adjust = dict(adjust or {})
    agenda = tuple(flow(day))
    order = blocks(day.sessions)
    nowm = _minutes(day, now)
    now_min = math.floor(nowm)

    def starts(block: list[Session]) -> list[float]:
        return [_minutes(day, s.actual_start) for s in block if s.actual_start is not None]

    def ends(block: list[Session]) -> list[float]:
        return [_minutes(day, s.actual_end) for s in block if s.actual_end is not None]

    def done(block: list[Session]) -> bool:
        return all(s.actual_end is not None for s in block)

    running_index = None
    for i, block in enumerate(order):
        if starts(block) and not done(block):
            running_index = i
    current_index: int | None = running_index
    exact = 0.0
    begin = 0
    if running_index is not None:
        exact = min(starts(order[running_index]))
        begin = math.floor(exact)
    else:
        cursor = day.start
        for i, block in enumerate(order):
            if done(block):
                if starts(block):
                    cursor = math.floor(max(ends(block)))
                continue
            fixed = _block_fixed(block)
            start = fixed if fixed is not None else cursor
            length = max(s.duration for s in block)
            if nowm < start + length:
                current_index, begin, exact = i, start, float(start)
                break
            cursor = start + length
    if current_index is None:
        return Live(
            day, now, None, (), (), False, 0, 0, 0, 0, (), day_end(agenda, day), 0,
            agenda=agenda, adjust=adjust,
        )  # fmt: skip
    block = order[current_index]
    running = current_index == running_index
    lengths = {s.id: max(0, s.duration + (adjust.get(s.id, 0) if running else 0)) for s in block}
    length = max(lengths.values())
    on = running or nowm >= exact
    elapsed = max(0.0, nowm - exact) if on else 0.0
    remaining = length - elapsed
    current = tuple(
        Timed(s, begin, max(begin + lengths[s.id], now_min if on else 0), current_index)
        for s in block
    )
    block_end = max(t.end for t in current)
    rest = place(
        ((i, b) for i, b in enumerate(order) if i > current_index), block_end, lambda s: s.duration
    )
    projected = current + tuple(rest)
    planned_end = max(t.end for t in agenda if t.block == current_index)
    if not on:
        level = "idle"
    elif remaining <= 0:
        level = "over"
    elif elapsed >= WARN_FRACTION * length:
        level = "warn"
    else:
        level = "ok"
    past = tuple(
        Timed(
            s,
            math.floor(_minutes(day, s.actual_start)),
            math.floor(_minutes(day, s.actual_end)),
            i,
        )
        for i, b in enumerate(order[:current_index])
        for s in b
        if s.actual_start is not None and s.actual_end is not None
    )
    nxt = tuple(t for t in rest if t.block == rest[0].block) if rest else ()
    return Live(
        day=day,
        now=now,
        current=current[0],
        current_block=current,
        next_block=nxt,
        running=running,
        start=begin,
        length=length,
        elapsed_s=int(round(elapsed * 60)),
        remaining_s=int(round(remaining * 60)),
        projected=projected,
        projected_end=max(t.end for t in projected),
        delay=block_end - planned_end,
        level=level,
        agenda=agenda,
        collisions=tuple(collisions_in(projected)),
        past=past,
        adjust=adjust,
    )


# -- catching up ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One session a catch-up plan changes: its slot in the agenda, and its slot after."""

    session_id: str
    title: str
    old_start: int
    new_start: int
    old_duration: int
    new_duration: int
    old_fixed: int | None
    new_fixed: int | None
    old_end: int = 0
    new_end: int = 0
    running: bool = False  # the current block: new times are its real start and projected end


@dataclass
class CatchUp:
    """A previewable change to the rest of the day; applied as one undoable edit.

    ``new_end``, the new times of ``changes`` and ``remaining`` are read from the live state
    of the day once the plan is applied (``after``), so the preview is what the live panel
    and the agenda will show.
    """

    mode: str  # "shift" or "shorten"
    changes: list[Change] = field(default_factory=list)
    old_end: int = 0  # the day's end if nothing changes (the projection)
    new_end: int = 0  # the day's end after the change
    agenda_end: int = 0  # the day's end in the agenda before the change
    remaining: tuple[Collision, ...] = ()  # fixed items still run into after the change
    past_day_end: int = 0  # minutes past the day's planned end after the change
    moved_fixed: tuple[str, ...] = ()  # titles of fixed items the plan moves
    stuck: tuple[str, ...] = ()  # fixed items before which nothing could give time
    adjust: dict[str, int] = field(default_factory=dict)  # the live adjustments after
    after: Live | None = None

    @property
    def edits(self) -> dict[str, dict[str, object]]:
        """Per session, the stored fields to write."""
        out: dict[str, dict[str, object]] = {}
        for c in self.changes:
            values: dict[str, object] = {}
            if c.new_duration != c.old_duration:
                values["duration_min"] = c.new_duration
            if c.new_fixed != c.old_fixed:
                values["fixed_start"] = None if c.new_fixed is None else hhmm(c.new_fixed)
            if values:
                out[c.session_id] = values
        return out

    @property
    def cut(self) -> int:
        """Minutes taken from sessions, all together."""
        return sum(c.old_duration - c.new_duration for c in self.changes)

    @property
    def unresolved(self) -> int:
        """Minutes the day still does not fit: into fixed items and past its planned end."""
        return sum(c.minutes for c in self.remaining) + max(0, self.past_day_end)


def _rest_blocks(state: Live) -> list[tuple[int, list[Session]]]:
    if state.current is None:
        return []
    order = blocks(state.day.sessions)
    return [(i, b) for i, b in enumerate(order) if i > state.current.block]


@dataclass(frozen=True)
class _Baseline:
    """What makes the agenda's current block what it really is: its real start (a fixed
    start), its real length (the live adjustment and any overrun written into it) and the
    live adjustment that is then no longer needed."""

    fixed: dict[str, int | None]
    durations: dict[str, int]
    adjust: dict[str, int]


def _rebaseline(state: Live) -> _Baseline:
    """When the current block ends later than the agenda says, write down its real slot.

    In the agenda the block then starts when it really started (or, not started, when the
    clock says it starts) and lasts until its projected end, so the sessions after it start
    in the agenda when they will. Earlier is never written: the agenda stays as planned
    when the day runs ahead.
    """
    if state.current is None:
        return _Baseline({}, {}, dict(state.adjust))
    members = [t.session for t in state.current_block]
    ids = {s.id for s in members}
    planned = [t for t in state.agenda if t.session.id in ids]
    end = max(t.end for t in state.current_block)
    if end <= max(t.end for t in planned):
        return _Baseline({}, {}, dict(state.adjust))
    begin = state.start
    adjust = {k: v for k, v in state.adjust.items() if k not in ids}
    own = {s.id: s.duration + (state.adjust.get(s.id, 0) if state.running else 0) for s in members}
    extra = end - begin - max(own.values())  # minutes over time, until now
    durations = {s.id: max(0, own[s.id] + extra) for s in members}
    durations = {k: v for k, v in durations.items() if v != _duration(state.day, k)}
    fixed: dict[str, int | None] = {}
    if min(t.start for t in planned) != begin:
        fixed = {s.id: begin for s in members}
    return _Baseline(fixed, durations, adjust)


def _with(day: Day, durations: dict[str, int], fixed: dict[str, int | None]) -> Day:
    sessions = []
    for s in day.sessions:
        if s.id in durations:
            s = replace(s, duration=durations[s.id])
        if s.id in fixed:
            s = replace(s, fixed_start=fixed[s.id])
        sessions.append(s)
    return replace(day, sessions=tuple(sessions))


def _result(
    state: Live,
    mode: str,
    base: _Baseline,
    durations: dict[str, int],
    fixed: dict[str, int | None],
    stuck: tuple[str, ...] = (),
) -> CatchUp:
    durations = {**base.durations, **durations}
    fixed = {**base.fixed, **fixed}
    day = _with(state.day, durations, fixed)
    after = live(day, state.now, base.adjust)
    before = {t.session.id: t for t in state.agenda}
    planned = {t.session.id: t for t in after.agenda}
    original = {s.id: s for s in state.day.sessions}
    current_ids = {t.session.id for t in state.current_block}
    changes = []
    for t in after.projected:
        s, old = t.session, original[t.session.id]
        was, now = before[s.id], planned[s.id]
        same_slot = (was.start, was.end) == (now.start, now.end)
        if same_slot and (old.duration, old.fixed_start) == (s.duration, s.fixed_start):
            continue
        changes.append(
            Change(
                s.id,
                s.title or kind_label(s.kind),
                was.start,
                t.start,
                old.duration,
                s.duration,
                old.fixed_start,
                s.fixed_start,
                was.end,
                t.end,
                s.id in current_ids,
            )
        )
    moved = tuple(
        c.title
        for c in changes
        if not c.running and c.old_fixed is not None and c.new_fixed != c.old_fixed
    )
    return CatchUp(
        mode,
        changes,
        old_end=state.projected_end,
        new_end=after.projected_end,
        agenda_end=state.agenda_end,
        remaining=after.collisions,
        past_day_end=after.past_day_end,
        moved_fixed=moved,
        stuck=stuck,
        adjust=base.adjust,
        after=after,
    )


def plan_shift(state: Live, move_fixed: bool = False) -> CatchUp:
    """Let the rest of the day start later, each session keeping its length.

    The sessions after the current one move up to the next fixed item, which stays: a late
    flow runs into it (the preview says by how much). Only with ``move_fixed`` (the user's
    explicit choice) do fixed items move, each to when the flow reaches it, and no further.
    """
    if state.current is None:
        return CatchUp("shift", old_end=state.projected_end, new_end=state.projected_end)
    base = _rebaseline(state)
    fixed: dict[str, int | None] = {}
    if move_fixed:
        cursor = max(t.end for t in state.current_block)
        for _, block in _rest_blocks(state):
            start = _block_fixed(block)
            if start is not None and cursor > start:
                for s in block:
                    if s.fixed_start is not None:
                        fixed[s.id] = max(s.fixed_start, cursor)
                start = cursor
            cursor = (cursor if start is None else start) + max(s.duration for s in block)
    return _result(state, "shift", base, {}, fixed)


def plan_shorten(state: Live) -> CatchUp:
    """Take the minutes the day runs late from the sessions that can give them.

    Before each fixed item, and before the day's planned end, the sessions that would run
    into it give time in proportion to what they can give: never breaks, meals or fixed
    items, never the current session, never below 5 minutes. What cannot be found is
    reported (``remaining``, ``past_day_end``) and ``stuck`` names the items before which
    nothing could give.
    """
    if state.current is None:
        return CatchUp("shorten", old_end=state.projected_end, new_end=state.projected_end)
    base = _rebaseline(state)
    durations = {s.id: s.duration for _, b in _rest_blocks(state) for s in b}
    cursor = max(t.end for t in state.current_block)
    segment: list[list[Session]] = []
    stuck: list[str] = []
    for _, block in [*_rest_blocks(state), (-1, None)]:
        anchor = state.day.planned_end if block is None else _block_fixed(block)
        if block is not None and anchor is None:
            segment.append(block)
            continue
        assert anchor is not None
        arrival = cursor + sum(_block_length(b, durations) for b in segment)
        if arrival > anchor:
            found = _cut(segment, durations, arrival - anchor)
            if found < arrival - anchor:
                stuck.append(
                    "the day's planned end"
                    if block is None
                    else " / ".join(session_name(s) for s in block)
                )
        if block is None:
            break
        cursor = anchor + _block_length(block, durations)
        segment = []
    cuts = {sid: d for sid, d in durations.items() if d != _duration(state.day, sid)}
    return _result(state, "shorten", base, cuts, {}, tuple(stuck))


def _duration(day: Day, session_id: str) -> int:
    return next(s.duration for s in day.sessions if s.id == session_id)


def _block_length(block: list[Session], durations: dict[str, int]) -> int:
    return max((max(0, durations[s.id]) for s in block), default=0)


def _gives(s: Session) -> bool:
    return s.kind not in UNCUT_KINDS and s.fixed_start is None


def _room(block: list[Session], durations: dict[str, int]) -> int:
    """Minutes a block can give: down to its longest session that cannot give, or 5 min."""
    floor = max(
        durations[s.id] if not _gives(s) else min(durations[s.id], MIN_SESSION_MIN) for s in block
    )
    return max(0, _block_length(block, durations) - floor)


def _cut(segment: list[list[Session]], durations: dict[str, int], over: int) -> int:
    """Shorten the blocks of a segment by ``over`` minutes in all, each in proportion to what
    it can give (largest remainders get the odd minutes); returns the minutes found."""
    rooms = [_room(b, durations) for b in segment]
    total = sum(rooms)
    need = min(over, total)
    if need <= 0:
        return 0
    shares = [need * r // total for r in rooms]
    odd = need - sum(shares)
    by_remainder = sorted(range(len(segment)), key=lambda k: (-(need * rooms[k] % total), k))
    for k in by_remainder:
        if odd <= 0:
            break
        if shares[k] < rooms[k]:
            shares[k] += 1
            odd -= 1
    for block, share in zip(segment, shares, strict=True):
        if share:
            target = _block_length(block, durations) - share
            for s in block:
                if _gives(s) and durations[s.id] > target:
                    durations[s.id] = target
    return need


def apply_plan(day: Day, plan: CatchUp) -> Day:
    """The day as it will be once ``plan`` is applied (for previews and tests)."""
    durations = {c.session_id: c.new_duration for c in plan.changes}
    fixed = {c.session_id: c.new_fixed for c in plan.changes}
    return _with(day, durations, fixed)


def planned_vs_actual(day: Day) -> list[tuple[Timed, datetime | None, datetime | None]]:
    """Each session's planned slot beside the times it really started and finished."""
    return [(t, t.session.actual_start, t.session.actual_end) for t in flow(day)]


def at(day: Day, minutes: float) -> datetime:
    """The local datetime of a minute of ``day`` (for calendars and actual times)."""
    return _at(day, minutes)
