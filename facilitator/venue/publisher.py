"""The UI thread's side of the venue server: a new snapshot after every relevant change.

Connected to the workshop's change hub, so whichever side made an edit (a phone through the
writer, the facilitator in the Polls area, undo, a merge) the server's view follows from the
same :class:`~facilitator.store.changes.Changes` as every desktop view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.store.changes import Changes
from facilitator.venue.snapshot import Snapshot, SnapshotBuilder

if TYPE_CHECKING:
    from facilitator.store.database import Workshop


class SnapshotPublisher(QObject):
    """Keeps ``snapshot`` current and hands each new one to ``sink`` (thread-safe there)."""

    published = Signal(object)  # Snapshot

    def __init__(
        self,
        ws: Workshop,
        sink: Callable[[Snapshot], None],
        live_session_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.sink = sink
        self.builder = SnapshotBuilder(ws, live_session_id)
        if not ws.read_only:
            ws.venue.ensure_join_code()
            ws.venue.mirror_answer_notes()  # in case the last server stopped mid-second
        self.snapshot = self.builder.full()
        ws.hub.changed.connect(self._changed)
        sink(self.snapshot)

    def _changed(self, changes: Changes) -> None:
        if not self.ws.is_open:
            return
        new = self.builder.update(self.snapshot, changes)
        if new is not None:
            self._publish(new)

    def set_live_session(self, session_id: str | None) -> None:
        """The session running now (from the Agenda), taking questions unless one is chosen."""
        if session_id != self.builder.live_session_id:
            self.builder.live_session_id = session_id
            self.refresh()

    def refresh(self) -> None:
        if self.ws.is_open:
            self._publish(self.builder.full(self.snapshot.version + 1))

    def _publish(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.sink(snapshot)
        self.published.emit(snapshot)

    def detach(self) -> None:
        try:
            self.ws.hub.changed.disconnect(self._changed)
        except (RuntimeError, TypeError):
            pass
