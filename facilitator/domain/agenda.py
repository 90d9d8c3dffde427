"""Agenda timing: when each session starts, what collides, and how to catch up when late.

Pure rules with no I/O. Times of day are minutes since midnight (``int``); the live clock is
passed in as a naive local ``datetime`` in the workshop's time zone, so tests can use any time.

Flow: a day starts at ``day_start``; each block (one session, or several sessions sharing a
``parallel_group`` that run side by side) starts when the previous block ends, unless it has a
fixed start, in which case it starts then. The flow continues after the longest session of a
block. A flow that reaches a fixed start late collides with it (a conflict is shown).
"""

from __future__ import annotations

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
    session_ids: tuple[str, ...]
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


def flow(
    day: Day, durations: dict[str, int] | None = None, start: int | None = None
) -> list[Timed]:
    """Place every session of ``day``; ``durations`` overrides lengths (live adjustments)."""
    durations = durations or {}
    cursor = day.start if start is None else start
    out: list[Timed] = []
    for index, block in enumerate(blocks(day.sessions)):
        fixed = _block_fixed(block)
        late = 0
        if fixed is not None:
            late = max(0, cursor - fixed)
            cursor = fixed
        longest = 0
        for s in block:
            length = durations.get(s.id, s.duration)
            longest = max(longest, length)
            out.append(Timed(s, cursor, cursor + length, index, late))
        cursor += longest
    return out


def day_end(timed: list[Timed], day: Day) -> int:
    return max((t.end for t in timed), default=day.start)


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
    for index, members in by_block.items():
        late = members[0].late_into_fixed
        if late and index > 0:
            before = [t.session.id for t in by_block[index - 1]]
            fixed_title = " / ".join(t.session.title for t in members)
            found.append(
                Conflict(
                    "fixed",
                    day.id,
                    tuple(before) + tuple(t.session.id for t in members),
                    f"runs {late} min into '{fixed_title}', fixed at {hhmm(members[0].start)}",
                )
            )
    for i, a in enumerate(timed):
        for b in timed[i + 1 :]:
            if not _overlap(a, b):
                continue
            room = a.session.room.strip()
            if room and room.casefold() == b.session.room.strip().casefold():
                found.append(
                    Conflict(
                        "room",
                        day.id,
                        (a.session.id, b.session.id),
                        f"room '{room}' is booked twice at {hhmm(max(a.start, b.start))}",
                    )
                )
            for person in sorted(set(a.session.speakers) & set(b.session.speakers)):
                who = names.get(person, person)
                found.append(
                    Conflict(
                        "speaker",
                        day.id,
                        (a.session.id, b.session.id),
                        f"{who} is in '{a.session.title}' and '{b.session.title}' at once",
                    )
                )
    end = day_end(timed, day)
    if timed and end > day.planned_end:
        last = [t.session.id for t in timed if t.end > day.planned_end]
        found.append(
            Conflict(
                "overrun",
                day.id,
                tuple(last),
                f"the day ends at {hhmm(end)}, {end - day.planned_end} min after the planned "
                f"end {hhmm(day.planned_end)}",
            )
        )
    return found


# -- live ---------------------------------------------------------------------------------


def minute_of(moment: datetime) -> float:
    return moment.hour * 60 + moment.minute + moment.second / 60


@dataclass(frozen=True)
class Live:
    """What the clock says about one day: the session on now, its timer and the projection."""

    day: Day
    now: datetime
    current: Timed | None  # first session of the current block
    current_block: tuple[Timed, ...]
    next_block: tuple[Timed, ...]
    running: bool  # started and not finished
    start: float  # minutes since midnight the current session started (actual or planned)
    length: int  # planned length plus live adjustment, minutes
    elapsed_s: int
    remaining_s: int
    projected: tuple[Timed, ...]  # the rest of the day as it will happen from now
    projected_end: float
    delay: int  # minutes the current block will end after its planned end (negative: early)
    level: str = "idle"  # "idle", "ok", "warn" (≥70%), "over" (≥100%)

    @property
    def fraction(self) -> float:
        return 0.0 if self.length <= 0 else (self.elapsed_s / 60) / self.length


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
    unfinished one whose projected time has not yet passed (on now, or the next to come).
    ``adjust`` holds the +/− minutes given to running sessions.
    """
    adjust = adjust or {}
    plan = flow(day)
    planned_end_of = {t.session.id: t.end for t in plan}
    lengths = {t.session.id: t.end - t.start + adjust.get(t.session.id, 0) for t in plan}
    order = [b for b in blocks(day.sessions)]
    nowm = _minutes(day, now)

    def starts(block: list[Session]) -> list[float]:
        return [_minutes(day, s.actual_start) for s in block if s.actual_start is not None]

    def done(block: list[Session]) -> bool:
        return all(s.actual_end is not None for s in block)

    running_index = None
    for i, block in enumerate(order):
        if starts(block) and not done(block):
            running_index = i
    current_index: int | None = running_index
    begin = 0.0
    if running_index is not None:
        begin = min(starts(order[running_index]))
    else:
        cursor = float(day.start)
        for i, block in enumerate(order):
            if done(block):
                ends = [_minutes(day, s.actual_end) for s in block if s.actual_end is not None]
                cursor = max(ends) if starts(block) else cursor
                continue
            fixed = _block_fixed(block)
            start = max(cursor, float(fixed)) if fixed is not None else cursor
            length = max(lengths[s.id] for s in block)
            if nowm < start + length:
                current_index, begin = i, start
                break
            cursor = start + length
    if current_index is None:
        return Live(day, now, None, (), (), False, 0, 0, 0, 0, (), day_end(plan, day), 0)
    block = order[current_index]
    running = current_index == running_index
    length = max(lengths[s.id] for s in block)
    elapsed = max(0.0, nowm - begin) if (running or nowm >= begin) else 0.0
    remaining = length - elapsed
    block_end = begin + length
    if running or nowm >= begin:
        block_end = max(block_end, nowm)
    current = tuple(Timed(s, int(begin), int(round(block_end)), current_index) for s in block)
    rest = replace(day, sessions=tuple(s for b in order[current_index + 1 :] for s in b))
    projected = _flow_from(rest, block_end, lengths)
    projected = [replace(t, block=t.block + current_index) for t in projected]
    if elapsed <= 0 and not running:
        level = "idle"
    elif remaining <= 0:
        level = "over"
    elif elapsed >= WARN_FRACTION * length:
        level = "warn"
    else:
        level = "ok"
    nxt = tuple(t for t in projected if t.block == projected[0].block) if projected else ()
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
        projected=current + tuple(projected),
        projected_end=max([block_end] + [t.end for t in projected]),
        delay=int(round(block_end - max(planned_end_of[s.id] for s in block))),
        level=level,
    )


def _flow_from(rest: Day, start: float, lengths: dict[str, int]) -> list[Timed]:
    cursor = start
    out: list[Timed] = []
    for index, block in enumerate(blocks(rest.sessions)):
        fixed = _block_fixed(block)
        late = 0
        if fixed is not None:
            late = max(0, int(round(cursor - fixed)))
            cursor = max(cursor, fixed)
        longest = 0
        for s in block:
            length = lengths.get(s.id, s.duration)
            longest = max(longest, length)
            out.append(Timed(s, int(round(cursor)), int(round(cursor + length)), index + 1, late))
        cursor += longest
    return out


# -- catching up ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    session_id: str
    title: str
    old_start: int
    new_start: int
    old_duration: int
    new_duration: int
    old_fixed: int | None
    new_fixed: int | None


@dataclass
class CatchUp:
    """A previewable change to the rest of the day; applied as one undoable edit."""

    mode: str  # "shift" or "shorten"
    changes: list[Change] = field(default_factory=list)
    old_end: float = 0
    new_end: float = 0
    unresolved: int = 0  # minutes still late after shortening as far as allowed

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


def plan_shift(state: Live) -> CatchUp:
    """Move the rest of the day later by the current delay.

    The next block is pinned at its projected start and every later fixed start moves by the
    delay, so the stored plan now says what will happen.
    """
    plan = CatchUp("shift", old_end=day_end(flow(state.day), state.day))
    delay = state.delay
    rest = [t for t in state.projected if t not in state.current_block]
    if not rest or delay <= 0:
        plan.new_end = state.projected_end
        return plan
    planned = {t.session.id: t for t in flow(state.day)}
    first_block = rest[0].block
    for t in rest:
        s = t.session
        old = planned[s.id]
        new_fixed = s.fixed_start
        if t.block == first_block:
            new_fixed = old.start + delay
        elif s.fixed_start is not None:
            new_fixed = s.fixed_start + delay
        if new_fixed != s.fixed_start:
            plan.changes.append(
                Change(
                    s.id,
                    s.title,
                    old.start,
                    old.start + delay,
                    s.duration,
                    s.duration,
                    s.fixed_start,
                    new_fixed,
                )
            )
    shifted = _apply(state.day, plan)
    plan.new_end = day_end(flow(shifted), shifted)
    return plan


def plan_shorten(state: Live) -> CatchUp:
    """Cut later sessions (never breaks, meals or fixed items; none below 5 min) so that fixed
    starts and the planned end of the day hold again."""
    plan = CatchUp("shorten", old_end=state.projected_end)
    rest = [t for t in state.projected if t not in state.current_block]
    if not rest:
        plan.new_end = state.projected_end
        return plan
    planned = {t.session.id: t for t in flow(state.day)}
    durations = {t.session.id: t.session.duration for t in rest}
    ordered: dict[int, list[Session]] = {}
    for t in rest:
        ordered.setdefault(t.block, []).append(t.session)
    cursor = cursor_start(state)
    segment: list[list[Session]] = []
    unresolved = 0.0
    for block in [*ordered.values(), None]:
        anchor = state.day.planned_end if block is None else _block_fixed(block)
        if anchor is not None:
            arrival = cursor + _length(segment, durations)
            if arrival > anchor:
                unresolved = max(unresolved, _cut(segment, durations, arrival - anchor))
            cursor = max(float(anchor), cursor + _length(segment, durations))
            segment = []
        if block is not None:
            segment.append(block)
    lengths = {t.session.id: t.end - t.start for t in state.current_block}
    lengths.update(durations)
    rest_day = replace(state.day, sessions=tuple(t.session for t in rest))
    after = {t.session.id: t for t in _flow_from(rest_day, cursor_start(state), lengths)}
    for t in rest:
        s = t.session
        if durations[s.id] != s.duration:
            plan.changes.append(
                Change(
                    s.id,
                    s.title,
                    planned[s.id].start,
                    after[s.id].start,
                    s.duration,
                    durations[s.id],
                    s.fixed_start,
                    s.fixed_start,
                )
            )
    plan.new_end = max([cursor_start(state)] + [t.end for t in after.values()])
    plan.unresolved = int(round(unresolved))
    return plan


def cursor_start(state: Live) -> float:
    """Where the rest of the day starts: the projected end of the current block."""
    return float(state.current.end) if state.current else float(state.day.start)


def _length(segment: list[list[Session]], durations: dict[str, int]) -> int:
    return sum(max(durations[s.id] for s in block) for block in segment)


def _cut(segment: list[list[Session]], durations: dict[str, int], over: float) -> float:
    """Shorten the cuttable blocks of a segment by ``over`` minutes, in proportion to their
    length; returns the minutes that could not be found."""
    cuttable = [
        b for b in segment if _block_fixed(b) is None and not all(s.kind in UNCUT_KINDS for s in b)
    ]

    def room(block: list[Session]) -> int:
        return max(0, max(durations[s.id] for s in block) - MIN_SESSION_MIN)

    total = sum(room(b) for b in cuttable)
    need = int(min(round(over + 0.499), total))
    if need <= 0:
        return over
    left = need
    shares = [min(room(b), int(need * room(b) / total)) for b in cuttable]
    for block, share in zip(cuttable, shares, strict=True):
        _shorten(block, durations, share)
        left -= share
    for block in cuttable:  # rounding leftovers go to whoever still has room
        if left <= 0:
            break
        extra = min(room(block), left)
        _shorten(block, durations, extra)
        left -= extra
    return max(0.0, over - (need - left))


def _shorten(block: list[Session], durations: dict[str, int], minutes: int) -> None:
    for s in block:
        durations[s.id] = max(MIN_SESSION_MIN, durations[s.id] - minutes)


def _apply(day: Day, plan: CatchUp) -> Day:
    edits = {c.session_id: c for c in plan.changes}
    sessions = []
    for s in day.sessions:
        c = edits.get(s.id)
        if c:
            s = replace(s, duration=c.new_duration, fixed_start=c.new_fixed)
        sessions.append(s)
    return replace(day, sessions=tuple(sessions))


def apply_plan(day: Day, plan: CatchUp) -> Day:
    """The day as it will be once ``plan`` is applied (for previews and tests)."""
    return _apply(day, plan)


def planned_vs_actual(day: Day) -> list[tuple[Timed, datetime | None, datetime | None]]:
    """Each session's planned slot beside the times it really started and finished."""
    return [(t, t.session.actual_start, t.session.actual_end) for t in flow(day)]


def at(day: Day, minutes: float) -> datetime:
    """The local datetime of a minute of ``day`` (for calendars and actual times)."""
    return _at(day, minutes)
