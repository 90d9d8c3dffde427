"""Keeping the objects that exist out of the garbage collector's way, for whoever asks.

Python's cyclic garbage collector now and then walks every object that survived earlier
collections, holding the interpreter the whole time: with the window, a workshop and a
report's or the venue server's working set that froze the window for 0.1–0.5 s. Whoever
needs those walks kept short while it works (a report reading 400,000 notes, the venue
server answering phones, a bulk read of a roster) holds the heap: what exists is frozen
(``gc.freeze``, constant time: nothing is walked), and when the last holder lets go it is
handed back to the collector's oldest generation (``gc.unfreeze``), again without a walk.
Reference counting frees objects as usual meanwhile; only cyclic garbage waits.

One count for every holder: a holder that thawed the heap on its own would thaw another's
too (a roster read while the venue server runs).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0


def keep() -> None:
    """Freeze what exists now too (a holder calls it as its working set grows)."""
    gc.freeze()  # constant time: the collector's lists are joined, nothing is walked


def hold() -> None:
    """Start holding the heap: what exists is left out of later collections."""
    global _holders
    with _lock:
        _holders += 1
    keep()


def release() -> None:
    """Stop holding it; the last holder hands everything back to the oldest generation."""
    global _holders
    with _lock:
        _holders -= 1
        if _holders == 0:
            gc.unfreeze()


def held() -> bool:
    """Whether someone holds the heap now."""
    return _holders > 0


@contextmanager
def long_lived() -> Iterator[Callable[[], None]]:
    """Hold the heap within; call the ``keep()`` it gives after adding to it (every few
    hundred notes): what is alive then is left out of later collections. Leave it only once
    the working set is let go (see :func:`facilitator.store.report.let_go`), so that what
    the collector gets back is small."""
    hold()
    try:
        yield keep
    finally:
        release()
