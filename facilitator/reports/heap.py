"""A long report step's progress that keeps its input out of the collector's way.

See :mod:`facilitator.store.heap`: the notes of a huge workshop's report live until they are
laid out, so they are left out of the collector's walks while the report is made.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.store.heap import long_lived

__all__ = ["Kept", "long_lived"]


class Kept:
    """``progress`` for a long step of a report job: its fraction as the first ``share`` of
    the job's bar, and what is alive by then (the notes read, the story waiting to be laid
    out) kept out of the collector's walks (:func:`~facilitator.store.heap.long_lived`).

    What ``progress`` raises (a job's Cancel) is remembered in ``raised``, so that it goes
    on as it is instead of becoming a layout failure."""

    def __init__(
        self, progress: Callable[[float], None] | None, keep: Callable[[], None], share: float = 1.0
    ) -> None:
        self.progress, self.keep, self.share = progress, keep, share
        self.raised: BaseException | None = None

    def __call__(self, fraction: float) -> None:
        self.keep()
        if self.progress:
            try:
                self.progress(self.share * fraction)
            except BaseException as exc:
                self.raised = exc
                raise
