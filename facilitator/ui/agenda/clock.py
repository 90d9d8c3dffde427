"""The clock live mode reads: wall time in the workshop's zone, or a rehearsal time.

Every live widget asks a :class:`Clock` for ``now()`` instead of reading the system time, so
tests pass a fake clock and the facilitator can rehearse a day ahead ("it is 10:40 on day
two") while the rehearsal time keeps running.
"""

from __future__ import annotations

from datetime import datetime, timedelta


class Clock:
    def __init__(self, timezone: str = "UTC") -> None:
        self.timezone = timezone
        self.offset = timedelta(0)

    def _wall(self) -> datetime:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # not needed before a clock ticks

        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return datetime.now()
        return datetime.now(zone).replace(tzinfo=None)

    def now(self) -> datetime:
        """Naive local time in the workshop's zone (plus the rehearsal offset)."""
        return (self._wall() + self.offset).replace(microsecond=0)

    @property
    def rehearsing(self) -> bool:
        return self.offset != timedelta(0)

    def rehearse(self, moment: datetime) -> None:
        """Pretend it is ``moment`` now; the clock keeps running from there."""
        self.offset = moment - self._wall()

    def set_timezone(self, timezone: str) -> None:
        """Follow the workshop's time zone; a rehearsal keeps its time."""
        if timezone == self.timezone:
            return
        moment = self.now()
        self.timezone = timezone
        if self.rehearsing:
            self.rehearse(moment)

    def reset(self) -> None:
        self.offset = timedelta(0)


class FixedClock(Clock):
    """A clock that only moves when told to (tests and screenshots)."""

    def __init__(self, moment: datetime) -> None:
        super().__init__()
        self.moment = moment

    def now(self) -> datetime:
        return self.moment + self.offset

    def rehearse(self, moment: datetime) -> None:
        self.offset = moment - self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)
