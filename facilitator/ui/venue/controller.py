"""One venue server per open workshop window, shared by the dialog, the area and the projector.

The controller lives on the window's :class:`~facilitator.ui.bus.AreaBus` (found with
``findChild``), owns the server thread and the snapshot publisher, and stops them when the
workshop closes or the application quits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from facilitator.store.errors import WorkshopError
from facilitator.ui.areas import AreaContext
from facilitator.venue.app import Presence
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import DEFAULT_PORT, VenueServer, join_url
from facilitator.venue.snapshot import Snapshot

log = logging.getLogger("facilitator.venue")


class VenueController(QObject):
    changed = Signal()  # started, stopped, room opened or closed, code rotated
    connections_changed = Signal(int)
    presence_changed = Signal(object)  # Presence: who is connected (from the server thread)
    snapshot_changed = Signal(object)  # Snapshot

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__(ctx.bus)
        self.setObjectName("venue_controller")
        self.ctx = ctx
        self.ws = ctx.workshop
        self.server: VenueServer | None = None
        self.publisher: SnapshotPublisher | None = None
        self.connections = 0
        self.presence = Presence()
        self.room_open = True
        self.dialog: QWidget | None = None  # the open Venue Wi-Fi dialog, if any
        self.projector: QWidget | None = None  # the open projector window, if any
        self.worksheet_projector: QWidget | None = None  # the team worksheets' one
        self.connections_changed.connect(self._count)
        self.presence_changed.connect(self._present)
        self._watch = QTimer(self)
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._check_open)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        ctx.bus.live_session_changed.connect(self._live)

    # -- state ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def host(self) -> str:
        return self.server.host if self.server else ""

    @property
    def port(self) -> int:
        return self.server.port if self.server else 0

    def url(self) -> str:
        if not self.running:
            return ""
        return join_url(self.host, self.port, self.ws.venue.join_code())

    @property
    def snapshot(self) -> Snapshot | None:
        return self.publisher.snapshot if self.publisher else None

    # -- actions -------------------------------------------------------------------------
    def start(self, host: str, port: int = DEFAULT_PORT) -> None:
        """Serve on ``host:port``; raises OSError (port taken) or WorkshopError (read-only)."""
        if self.running:
            return
        if self.ws.read_only:
            raise WorkshopError(self.ws.path, "is open read-only; phones cannot answer into it.")
        server = VenueServer(
            self.ws.writer.submit,
            on_connections=self.connections_changed.emit,
            on_presence=self.presence_changed.emit,
        )
        publisher = SnapshotPublisher(self.ws, server.publish, self.ctx.bus.live_session_id, self)
        try:
            server.start(host, port)
        except BaseException:
            publisher.detach()
            publisher.deleteLater()
            raise
        publisher.published.connect(self.snapshot_changed)
        self.server, self.publisher = server, publisher
        self.room_open = True
        self.ws.info.set_setting("venue.server", {"host": host, "port": server.port})
        self._watch.start()
        self.changed.emit()

    def stop(self) -> None:
        if self.server is None:
            return
        server, publisher = self.server, self.publisher
        self.server, self.publisher = None, None
        self._watch.stop()
        server.stop()
        if publisher is not None:
            publisher.detach()
            publisher.deleteLater()
        # After the teams' last writes still queued for this thread: their notes catch up.
        QTimer.singleShot(0, self, self._mirror_notes)
        self.connections = 0
        self.presence = Presence()
        self.presence_changed.emit(self.presence)
        self.changed.emit()

    def close_room(self) -> None:
        if self.server is not None:
            self.server.close_room()
        self.room_open = False
        self.changed.emit()

    def open_room(self) -> None:
        if self.server is not None:
            self.server.open_room()
        self.room_open = True
        self.changed.emit()

    def rotate_code(self) -> str:
        code = self.ws.venue.rotate_code()
        self.changed.emit()
        return code

    # -- internals -----------------------------------------------------------------------
    def _count(self, n: int) -> None:
        self.connections = n

    def _mirror_notes(self) -> None:
        if self.ws.is_open and not self.ws.read_only and self.server is None:
            self.ws.venue.mirror_answer_notes()

    def _present(self, presence: Presence) -> None:
        self.presence = presence

    def base_url(self) -> str:
        """``http://host:port`` of the running server ("" when it is off)."""
        if not self.running:
            return ""
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}"

    def team_url(self, team_id: str) -> str:
        """A team's worksheet page, with the join code so a scanned QR code joins at once."""
        base = self.base_url()
        return f"{base}/j/{self.ws.venue.join_code()}/t/{team_id}" if base else ""

    def rapporteur_url(self, key: str) -> str:
        base = self.base_url()
        return f"{base}/r/{key}" if base else ""

    def _live(self, session_id: str | None) -> None:
        if self.publisher is not None:
            self.publisher.set_live_session(session_id)

    def _check_open(self) -> None:
        if not self.ws.is_open:
            log.info("venue: the workshop closed; stopping the server")
            self.stop()


def controller_for(ctx: AreaContext) -> VenueController:
    """The window's venue controller, made on first use."""
    found = ctx.bus.findChild(VenueController, "venue_controller")
    if found is not None and found.ws is ctx.workshop:
        return found
    return VenueController(ctx)
