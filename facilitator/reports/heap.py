"""Keeping a long report's input out of the garbage collector's way while a job reads it.

Python's cyclic garbage collector now and then walks every object that survived earlier
collections, holding the interpreter the whole time. The input of a huge workshop's report
(400,000 notes) is such a heap: each full collection while it is read took 0.1–0.5 s, on
the job's thread or the window's (whichever allocated last), and the window stood still for
that long. The notes live until they are laid out and are freed by their reference counts,
so nothing is lost by leaving them out of those walks: :func:`long_lived` does that with
``gc.freeze`` and hands everything back to the collector (``gc.unfreeze``) when the last
report that asked for it is done.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0


def _keep() -> None:
    gc.freeze()  # constant time: the collector's lists are joined, nothing is walked


@contextmanager
def long_lived() -> Iterator[Callable[[], None]]:
    """Within, call the ``keep()`` it gives after adding to a long-lived heap (every few
    hundred notes): what is alive then is left out of later collections. Leave it only once
    the heap is let go (see :func:`facilitator.store.report.let_go`), so that what the
    collector gets back is small."""
    global _holders
    with _lock:
        _holders += 1
    _keep()  # what the window holds already is walked no more either while this runs
    try:
        yield _keep
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.unfreeze()


class Kept:
    """``progress`` for a long step of a report job: its fraction as the first ``share`` of
    the job's bar, and what is alive by then (the notes read, the story waiting to be laid
    out) kept out of the collector's walks (:func:`~facilitator.reports.heap.long_lived`).

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
