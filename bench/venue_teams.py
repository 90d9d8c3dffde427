"""Team worksheets benchmark: teams typing together, the venue server beside a bare relay.

    python bench/venue_teams.py [--teams 40] [--per-team 3] [--seconds 60] [--rate 4]

N teams × M devices (aiohttp clients from their own loopback addresses, 127.0.0.0/8 only)
type one character at a time at ``rate`` keys a second each for ``seconds`` (a full minute
by default), all of a team's devices into the same answer (see tests/venue/typists.py). The
same crowd then types against a bare aiohttp relay in the same process: it answers the same
protocol, passes each edit to the team's other devices and acknowledges it at once, with no
CRDT, no writer and no file. Printed: keystrokes accepted a second, how long a teammate
waits to see a keystroke (median and 95th percentile), the longest stall of the Qt thread,
and the ratios venue/relay.
Every keystroke is counted in the merged texts and in the file (a bench that loses one
says so and exits 1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import WSMsgType, web  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Relay:
    """The protocol of /api/team/live with nothing behind it: edits relayed, acks at once."""

    def __init__(self, prompts: list[str]) -> None:
        self.prompts = prompts
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self.teams: dict[str, set[web.WebSocketResponse]] = defaultdict(set)
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait(10)

    async def join(self, request: web.Request) -> web.Response:
        return web.json_response({"token": "t" * 43}, status=201)

    async def live(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=1 << 20)
        await ws.prepare(request)
        hello = json.loads((await ws.receive()).data)
        team = hello["team"]
        self.teams[team].add(ws)
        await ws.send_str(
            json.dumps(
                {"type": "worksheet", "prompts": [{"id": p, "text": p} for p in self.prompts]}
            )
        )
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                m = json.loads(msg.data)
                if m["type"] == "sync":
                    await ws.send_str(
                        json.dumps(
                            {"type": "sync", "prompt": m["prompt"], "update": "AAA=", "sv": "AA=="}
                        )
                    )
                elif m["type"] == "update":
                    out = json.dumps(
                        {"type": "update", "prompt": m["prompt"], "update": m["update"]}
                    )
                    for other in list(self.teams[team]):
                        if other is not ws and not other.closed:
                            await other.send_str(out)
                    await ws.send_str(json.dumps({"type": "ack", "seq": m["seq"]}))
        finally:
            self.teams[team].discard(ws)
        return ws

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_post("/api/join", self.join)
        app.router.add_get("/api/team/live", self.live)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=512)
        loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def beside_qt(app: QApplication, fn: Any) -> Any:
    box: dict[str, Any] = {}

    def main() -> None:
        try:
            box["v"] = asyncio.run(fn())
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["e"] = exc

    t = threading.Thread(target=main, daemon=True)
    t.start()
    while t.is_alive():
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()
    if "e" in box:
        raise box["e"]
    return box["v"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=40)
    parser.add_argument("--per-team", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rate", type=float, default=4.0, help="keys a second per device")
    args = parser.parse_args()
    teams_n = max(1, min(args.teams, 80))
    per_team = max(1, min(args.per_team, 6))
    seconds = max(2.0, min(args.seconds, 300.0))
    app = QApplication([])

    from facilitator.interchange.demo import write_demo
    from facilitator.store.database import Workshop
    from facilitator.venue.publisher import SnapshotPublisher
    from facilitator.venue.server import VenueServer
    from tests.venue.typists import check, crowd, make_round

    folder = Path(tempfile.mkdtemp(prefix="bench-venue-teams-"))
    ws = Workshop(write_demo(folder / "bench.workshop"))
    _, teams, prompts = make_round(ws, teams_n, 3)
    server = VenueServer(ws.writer.submit)
    publisher = SnapshotPublisher(ws, server.publish)
    server.start("127.0.0.1", 0)
    code = ws.venue.join_code()
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: gaps.append(clock.restart()))
    ticker.start()
    base = f"http://127.0.0.1:{server.port}"
    print(f"{teams_n} teams × {per_team} devices typing {args.rate:g} keys/s for {seconds:g} s")
    try:
        venue = beside_qt(
            app, lambda: crowd(base, code, teams, prompts, per_team, seconds, args.rate)
        )
    finally:
        ticker.stop()
        end = time.monotonic() + 5
        while not server.hub.worksheets.idle and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        server.stop()
        publisher.detach()
    stored = {cell: r["text"] for cell, r in ws.venue.answer_docs(teams).items()}
    problems = check(venue, stored)
    relay = Relay(prompts)
    try:
        bare = beside_qt(
            app,
            lambda: crowd(
                f"http://127.0.0.1:{relay.port}", "", teams, prompts, per_team, seconds, args.rate
            ),
        )
    finally:
        relay.stop()

    def row(name: str, o: Any) -> tuple[float, float, float]:
        rate = o.keystrokes / o.elapsed
        p50, p95 = o.median_latency() * 1000, o.latency(0.95) * 1000
        print(
            f"  {name:6} {rate:8.0f} keys/s   teammate sees it: {p50:6.1f} ms median, "
            f"{p95:6.1f} ms 95%   converged {o.converged}, unacknowledged {o.unacked}"
        )
        return rate, p50, p95

    print("Keystrokes accepted and relayed to teammates:")
    v = row("venue", venue)
    b = row("relay", bare)
    print(
        f"Ratios venue/relay: keys/s {v[0] / b[0]:.2f}, median wait {v[1] / max(b[1], 0.01):.1f}×,"
        f" 95% wait {v[2] / max(b[2], 0.01):.1f}×"
    )
    print(f"Longest stall of the Qt thread while teams typed: {max(gaps[1:] or [0])} ms")
    print(f"Every keystroke in the merged texts and in the file: {'yes' if not problems else 'NO'}")
    for p in problems[:10]:
        print("  ", p)
    ws.close()
    return 1 if problems or not venue.converged else 0


if __name__ == "__main__":
    raise SystemExit(main())
