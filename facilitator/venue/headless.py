"""``facilitator serve``: the venue server without a window, until interrupted.

The workshop is opened for writing on this (main) thread, which runs a Qt event loop so the
writer can run the server's operations here; Ctrl+C (SIGINT) or SIGTERM stops it cleanly.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QTimer

from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.venue.network import default_host, interfaces
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import VenueServer

log = logging.getLogger("facilitator.venue")


def serve(
    path: Path,
    host: str | None,
    port: int,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Serve ``path``; the first line written to ``out`` is the participants' join URL."""
    app = QCoreApplication.instance() or QCoreApplication([])
    if not path.exists():
        print(f"facilitator serve: {path}: no such workshop file.", file=err)
        return 2
    try:
        ws = Workshop(path)
    except WorkshopError as exc:
        print(f"facilitator serve: {exc.user_message()}", file=err)
        return 2
    try:
        if ws.read_only:
            print(
                f"facilitator serve: {ws.path} cannot be served: {ws.open_result.reason}.",
                file=err,
            )
            return 2
        chosen = host or default_host()
        server = VenueServer(ws.writer.submit)
        publisher = SnapshotPublisher(ws, server.publish)
        try:
            bound = server.start(chosen, port)
        except (OSError, ValueError) as exc:
            print(f"facilitator serve: cannot listen on {chosen}:{port} ({exc}).", file=err)
            publisher.detach()
            return 2
        print(server.url(), file=out, flush=True)
        others = [i.address for i in interfaces() if i.address != chosen]
        print(f"Serving {ws.path.name} to phones on {chosen}:{bound}.", file=out)
        if others and not host:
            print(f"Other addresses of this computer: {', '.join(others)} (--host).", file=out)
        print("Press Ctrl+C to stop.", file=out, flush=True)

        def stop(*_: object) -> None:
            app.quit()

        previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
        wake = QTimer()  # lets Python see the signal while Qt's loop runs
        wake.timeout.connect(lambda: None)
        wake.start(200)
        try:
            app.exec()
        finally:
            wake.stop()
            for s, handler in previous.items():
                signal.signal(s, handler)
            server.stop()
            publisher.detach()
            app.processEvents()  # the teams' last writes, still queued for this thread
            ws.venue.mirror_answer_notes()
        print("Stopped.", file=out, flush=True)
        return 0
    finally:
        ws.close()
