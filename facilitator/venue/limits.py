"""Rate limits for the venue server: token buckets per phone token and per network address.

A bucket holds up to ``burst`` requests and refills at ``rate`` per second; a request that
finds it empty is refused with 429 and told when to come back. The clock is monotonic.
Buckets that have been full for a while are dropped, so memory stays bounded however many
addresses or made-up tokens knock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    burst: float
    rate: float  # requests per second


@dataclass(frozen=True)
class Limits:
    """Defaults sized for people on phones: a page load is a handful of requests at once."""

    per_ip: Rule = Rule(burst=60, rate=10)  # everything an address sends, pages included
    per_token: Rule = Rule(burst=30, rate=4)  # API calls of one phone
    joins: Rule = Rule(burst=6, rate=1 / 20)  # joins per address (a phone reset, a second one)
    bad_codes: Rule = Rule(burst=5, rate=1 / 30)  # wrong codes per address: no guessing
    questions: Rule = Rule(burst=3, rate=1 / 20)  # questions per phone
    max_body: int = 16 * 1024  # bytes of one request body
    max_sockets: int = 2000  # live connections (WebSockets) in all
    sockets_per_token: int = 4  # tabs of one phone


class Bucket:
    __slots__ = ("level", "stamp")

    def __init__(self, level: float, stamp: float) -> None:
        self.level = level
        self.stamp = stamp


class RateLimiter:
    """Buckets by key for one rule; ``take`` returns 0 when allowed, else seconds to wait."""

    def __init__(
        self, rule: Rule, clock: Callable[[], float] = time.monotonic, max_keys: int = 20_000
    ) -> None:
        self.rule = rule
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, Bucket] = {}

    def take(self, key: str, cost: float = 1.0) -> float:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._sweep(now)
            bucket = self._buckets[key] = Bucket(self.rule.burst, now)
        else:
            bucket.level = min(
                self.rule.burst, bucket.level + (now - bucket.stamp) * self.rule.rate
            )
            bucket.stamp = now
        if bucket.level >= cost:
            bucket.level -= cost
            return 0.0
        return (cost - bucket.level) / self.rule.rate if self.rule.rate > 0 else 3600.0

    def _sweep(self, now: float) -> None:
        full = [
            k
            for k, b in self._buckets.items()
            if b.level + (now - b.stamp) * self.rule.rate >= self.rule.burst
        ]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self.max_keys:  # still full of busy keys: forget the oldest
            for k in sorted(self._buckets, key=lambda k: self._buckets[k].stamp)[
                : self.max_keys // 10
            ]:
                del self._buckets[k]
