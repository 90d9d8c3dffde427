"""One read of the agenda for the views: days, timings, conflicts, speakers, live state.

The plan's times are the agenda's (:func:`flow`). On the day the clock is in, the views show
that day as it runs instead (:meth:`AgendaState.set_live`): finished sessions at their
actual times, the running one from its real start to its projected end, the rest as
projected: the same :class:`Live` state the live panel and the projector show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from facilitator.domain.agenda import (
    Conflict,
    Day,
    Live,
    Timed,
    conflicts,
    day_for,
    flow,
    live,
)
from facilitator.store.database import Workshop
from facilitator.store.records import SessionRow, SpeakerView
from facilitator.ui.agenda.clock import Clock


@dataclass
class AgendaState:
    days: list[Day] = field(default_factory=list)
    timed: dict[str, Timed] = field(default_factory=dict)  # session id → placed
    rows: dict[str, SessionRow] = field(default_factory=dict)
    speakers: dict[str, list[SpeakerView]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    by_session: dict[str, list[Conflict]] = field(default_factory=dict)
    by_day: dict[str, list[Conflict]] = field(default_factory=dict)
    live: Live | None = None  # the day the clock is in, as it runs
    shown: dict[str, Timed] = field(default_factory=dict)  # session id → where it is shown
    live_issues: dict[str, list[str]] = field(default_factory=dict)  # the day as it runs

    @classmethod
    def read(cls, ws: Workshop) -> AgendaState:
        days = ws.agenda.load_days()
        names = ws.agenda.person_names()
        state = cls(
            days=days,
            rows={r["id"]: r for r in ws.agenda.session_rows()},
            speakers=ws.agenda.speakers_by_session(),
        )
        for day in days:
            for t in flow(day):
                state.timed[t.session.id] = t
        state.conflicts = conflicts(days, names)
        for c in state.conflicts:
            state.by_day.setdefault(c.day_id, []).append(c)
            for sid in c.session_ids:
                state.by_session.setdefault(sid, []).append(c)
        return state

    def set_live(self, now: datetime, adjust: dict[str, int]) -> bool:
        """Show the clock's day as it runs at ``now``; returns whether any time shown changed."""
        day = day_for(self.days, now)
        state = live(day, now, adjust) if day is not None else None
        shown = {**self.timed, **(state.slots() if state is not None else {})}
        changed = {k: (t.start, t.end) for k, t in shown.items()} != {
            k: (t.start, t.end) for k, t in self.shown.items()
        }
        issues: dict[str, list[str]] = {}
        for c in state.collisions if state is not None else ():
            issues.setdefault(c.culprit.session.id, []).append(c.message)
        changed = changed or issues != self.live_issues
        self.live, self.shown, self.live_issues = state, shown, issues
        return changed

    def problems(self, session_id: str) -> list[str]:
        """What is wrong with a session: conflicts in the agenda, and, on the clock's day,
        a fixed item it will run into as the day runs."""
        found = [c.message for c in self.by_session.get(session_id, [])]
        return found + [m for m in self.live_issues.get(session_id, []) if m not in found]

    def slot(self, session_id: str) -> Timed | None:
        """Where a session is shown: its live slot on the clock's day, else the agenda's."""
        return self.shown.get(session_id) or self.timed.get(session_id)

    def is_running(self, session_id: str) -> bool:
        st = self.live
        return bool(st and st.running and any(t.session.id == session_id for t in st.current_block))

    def day(self, day_id: str) -> Day | None:
        return next((d for d in self.days if d.id == day_id), None)

    def ordered_ids(self) -> list[str]:
        return [t.session.id for d in self.days for t in flow(d)]

    def speaker_text(self, session_id: str) -> str:
        people = self.speakers.get(session_id, [])
        return ", ".join(
            p["name"] + (" (mod.)" if p["role"] == "moderator" else "") for p in people
        )


def live_day(days: list[Day], now: datetime, chosen: str | None = None) -> Day | None:
    """Today's day from the clock; otherwise the chosen one; otherwise the first."""
    return (
        day_for(days, now)
        or next((d for d in days if d.id == chosen), None)
        or (days[0] if days else None)
    )


def live_state(ws: Workshop, clock: Clock, chosen_day: str | None = None) -> Live | None:
    """Read once a second by the live panel and the projector: no conflict checks here."""
    now = clock.now()
    day = live_day(ws.agenda.load_days(), now, chosen_day)
    if day is None:
        return None
    return live(day, now, ws.agenda.timer_adjust())
