"""One count of who holds the heap out of the collector's walks (store/heap.py)."""

from __future__ import annotations

import gc

from facilitator.store import heap


def test_the_first_holder_to_let_go_does_not_thaw_the_others() -> None:
    """The venue server and a report each froze and thawed on their own: whichever
    stopped first thawed the other's heap, and its next full collection froze the window."""
    gc.collect()
    heap.hold()  # the venue server starts
    try:
        with heap.long_lived() as keep:  # a report runs meanwhile
            notes = [[str(i)] for i in range(1000)]
            keep()
        assert heap.held() and gc.get_freeze_count() > len(notes)  # the server's still held
    finally:
        heap.release()  # the server stops
    assert not heap.held() and gc.get_freeze_count() == 0
