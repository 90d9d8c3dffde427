"""The venue server in its own thread, with its own asyncio event loop.

:meth:`VenueServer.start` binds the chosen address (never all interfaces unless asked) and
returns once the socket listens, or raises ``OSError`` (address in use, not this machine's).
:meth:`stop` closes every WebSocket, stops the site and joins the thread. Everything the UI
thread calls here is thread-safe: ``publish`` swaps a reference and wakes the loop; room
switches run as coroutines on the loop and are awaited with a timeout.
"""

from __future__ import annotations

import asyncio
import gc
import ipaddress
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future

from aiohttp import web

from facilitator.store import heap
from facilitator.venue.app import Presence, Submit, VenueHub, make_app
from facilitator.venue.limits import Limits
from facilitator.venue.snapshot import Snapshot

log = logging.getLogger("facilitator.venue")
DEFAULT_PORT = 8765


def join_url(host: str, port: int, code: str) -> str:
    """The address participants open (an IP address: venues have no DNS)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/j/{code}" if code else f"http://{shown}:{port}/"


class VenueServer:
    def __init__(
        self,
        submit: Submit,
        limits: Limits | None = None,
        on_connections: Callable[[int], None] | None = None,
        on_presence: Callable[[Presence], None] | None = None,
    ) -> None:
        self.hub = VenueHub(submit, limits, on_connections, on_presence)
        self.host = ""
        self.port = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def connections(self) -> int:
        return len(self.hub.sockets)

    def url(self) -> str:
        return join_url(self.host, self.port, self.hub.snapshot.code)

    def publish(self, snapshot: Snapshot) -> None:
        self.hub.publish(snapshot)

    def start(self, host: str, port: int = DEFAULT_PORT, timeout: float = 10.0) -> int:
        """Listen on ``host:port`` (port 0: any free one); returns the port."""
        if self.running:
            raise RuntimeError("the venue server is already running")
        ipaddress.ip_address(host)  # a literal address: phones reach it without DNS
        # A full garbage collection walks every object of the process while holding the GIL:
        # with the window, the workshop and hundreds of phones' requests that is 150-250 ms
        # of a frozen window. Collect once now and freeze what exists (the app, the workshop,
        # its views), so later full collections only walk what the server makes.
        gc.collect()
        heap.hold()
        ready: Future[int] = Future()
        self.hub.open = True
        self._thread = threading.Thread(
            target=self._serve, args=(host, port, ready), name="venue-server", daemon=True
        )
        self._thread.start()
        try:
            self.port = ready.result(timeout)
        except BaseException:
            self._thread.join(timeout)
            self._thread = None
            heap.release()  # (a server that never listened holds nothing)
            raise
        self.host = host
        log.info("venue server listening on %s:%s", host, self.port)
        return self.port

    def _serve(self, host: str, port: int, ready: Future[int]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            runner = web.AppRunner(make_app(self.hub), access_log=None, handle_signals=False)
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, host, port, backlog=512)
            loop.run_until_complete(site.start())
            self._runner = runner
            server = site._server
            bound = server.sockets[0].getsockname()[1] if server and server.sockets else port
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that called start
            ready.set_exception(exc)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None
            return
        ready.set_result(bound)
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None
            self.hub.loop = None

    def _call(self, coro_fn: Callable[[], object], timeout: float = 5.0) -> None:
        loop = self._loop
        if loop is None or not self.running:
            return

        async def run() -> None:
            await coro_fn()  # type: ignore[misc]

        asyncio.run_coroutine_threadsafe(run(), loop).result(timeout)

    def close_room(self) -> None:
        """Disconnect every phone and refuse new requests until :meth:`open_room`."""
        self.hub.open = False
        self._call(self.hub.close_room)
        log.info("venue room closed")

    def open_room(self) -> None:
        self.hub.open = True
        log.info("venue room opened")

    def stop(self, timeout: float = 10.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            self._thread = None
            return
        try:
            self._call(lambda: self.hub.disconnect_all(1001, b"server stopped"), timeout)
        except Exception:  # noqa: BLE001 - stopping goes on whatever a phone did
            log.exception("venue: closing the phones' connections failed")
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._thread = None
        heap.release()  # what was frozen at start may be collected again
        log.info("venue server stopped")
