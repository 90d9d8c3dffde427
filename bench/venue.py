"""Venue server benchmark: answers per second accepted, and a phone's answer to the projector.

    python bench/venue.py [--phones 200] [--runs 5]

Each run opens a fresh poll, lets N simulated phones (aiohttp clients, each from its own
loopback address, on 127.0.0.0/8 only) answer it at once, then times single answers from a
phone's POST to the Qt projector's redraw showing it. Beside it, in the same process and the
same run, a bare aiohttp endpoint that echoes the request (no token, no validation, no
writer, no file) takes the same load: the ratios say what the venue's checks, the one
writer, the workshop file and the projector cost over plain aiohttp. Medians of the runs,
with min–max; the projector gathers changes for 30 ms before it redraws, by design. The
phones share this process (and its GIL) with both servers, so on a small machine they bound
both rates alike: a ratio near 1 means the venue keeps up with plain aiohttp.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LATENCY_SAMPLES = 15


def source(i: int) -> str:
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


class Echo:
    """A bare aiohttp app in its own thread: POST /echo answers the JSON it got."""

    def __init__(self) -> None:
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait(10)

    def _run(self, ready: threading.Event) -> None:
        async def echo(request: web.Request) -> web.Response:
            return web.json_response(await request.json(), status=201)

        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_post("/echo", echo)
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


def beside_qt(app: QApplication, fn: Callable[[], Awaitable[Any]]) -> Any:
    """Run phones in a worker thread while this thread serves Qt (and so the writer)."""
    box: dict[str, Any] = {}

    def main() -> None:
        try:
            box["v"] = asyncio.run(fn())
        except BaseException as exc:  # noqa: BLE001
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


def sessions(n: int, offset: int) -> list[aiohttp.ClientSession]:
    return [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(source(offset + i), 0), limit=2)
        )
        for i in range(n)
    ]


async def close_all(items: list[aiohttp.ClientSession]) -> None:
    for s in items:
        await s.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = max(5, args.runs)
    phones = min(args.phones, 2000)
    app = QApplication([])

    from facilitator.interchange.demo import write_demo
    from facilitator.store.database import Workshop
    from facilitator.ui.agenda.clock import Clock
    from facilitator.ui.areas import AreaContext
    from facilitator.ui.bus import AreaBus
    from facilitator.ui.venue.controller import controller_for
    from facilitator.ui.venue.projector import VenueProjector

    folder = Path(tempfile.mkdtemp(prefix="bench-venue-"))
    ws = Workshop(write_demo(folder / "bench.workshop"))
    ctx = AreaContext(
        workshop=ws,
        undo_stack=QUndoStack(),
        navigate=lambda *a: None,
        status=lambda m: None,
        error=lambda e: None,
        bus=AreaBus(Clock(ws.agenda.timezone())),
    )
    controller = controller_for(ctx)
    controller.start("127.0.0.1", 0)
    server = controller.server
    assert server is not None
    projector = VenueProjector(ctx)
    projector.resize(1280, 720)
    projector.show()
    echo = Echo()
    base = f"http://127.0.0.1:{server.port}"
    echo_url = f"http://127.0.0.1:{echo.port}/echo"
    code = ws.venue.join_code()
    shown: list[tuple[float, int]] = []

    def on_update() -> None:
        if projector.chart.results is not None:
            shown.append((time.monotonic(), projector.chart.results.responses))

    projector.updated.connect(on_update)
    results: dict[str, list[float]] = {
        "venue_rate": [],
        "echo_rate": [],
        "venue_lat": [],
        "echo_lat": [],
    }
    offset = 0
    for run in range(runs):
        from facilitator.store.ids import new_id

        pid = new_id("pol")
        ws.venue.insert_poll(
            {"id": pid, "session_id": None, "kind": "single", "question": f"Run {run}?"},
            [{"text": "Yes"}, {"text": "No"}],
        )
        ws.venue.set_poll_state(pid, "open")
        ws.venue.set_poll_fields(pid, {"revealed": 1})
        yes = ws.venue.options(pid)[0]["id"]
        n = phones + LATENCY_SAMPLES

        async def crowd(first: int = offset, n: int = n, pid: str = pid, yes: str = yes) -> dict:
            ss = sessions(n, first)
            try:
                tokens = []
                for k in range(0, n, 50):
                    part = await asyncio.gather(
                        *(s.post(f"{base}/api/join", json={"code": code}) for s in ss[k : k + 50])
                    )
                    tokens += [(await r.json())["token"] for r in part]
                heads = [{"Authorization": f"Bearer {t}"} for t in tokens]
                url = f"{base}/api/polls/{pid}/answer"
                body = {"answer": yes}
                t0 = time.monotonic()
                got = await asyncio.gather(
                    *(ss[i].post(url, json=body, headers=heads[i]) for i in range(phones))
                )
                venue_s = time.monotonic() - t0
                assert all(r.status == 201 for r in got), {r.status for r in got}
                t0 = time.monotonic()
                got = await asyncio.gather(
                    *(ss[i].post(echo_url, json=body) for i in range(phones))
                )
                echo_s = time.monotonic() - t0
                assert all(r.status == 201 for r in got)
                sent: list[float] = []
                for i in range(phones, n):
                    sent.append(time.monotonic())
                    r = await ss[i].post(url, json=body, headers=heads[i])
                    assert r.status == 201
                    await asyncio.sleep(0.12)  # let the projector redraw before the next
                echo_lat = []
                for i in range(phones, n):
                    t = time.monotonic()
                    await (await ss[i].post(echo_url, json=body)).read()
                    echo_lat.append(time.monotonic() - t)
                return {"venue_s": venue_s, "echo_s": echo_s, "sent": sent, "echo_lat": echo_lat}
            finally:
                await close_all(ss)

        shown.clear()
        out = beside_qt(app, crowd)
        offset += n
        lat = []
        for k, t in enumerate(out["sent"]):
            want = phones + k + 1
            seen = next((when for when, count in shown if count >= want and when >= t), None)
            if seen is not None:
                lat.append(seen - t)
        results["venue_rate"].append(phones / out["venue_s"])
        results["echo_rate"].append(phones / out["echo_s"])
        results["venue_lat"].append(statistics.median(lat))
        results["echo_lat"].append(statistics.median(out["echo_lat"]))
        ws.venue.set_poll_state(pid, "closed")
        print(
            f"run {run + 1}: venue {results['venue_rate'][-1]:.0f} answers/s, "
            f"echo {results['echo_rate'][-1]:.0f} requests/s; answer→projector "
            f"{results['venue_lat'][-1] * 1000:.0f} ms, echo round trip "
            f"{results['echo_lat'][-1] * 1000:.1f} ms"
        )
    controller.stop()
    echo.stop()
    projector.close()
    ws.close()

    def spread(key: str, scale: float = 1.0, fmt: str = ".0f") -> str:
        v = results[key]
        return (
            f"median {statistics.median(v) * scale:{fmt}} "
            f"(min {min(v) * scale:{fmt}}, max {max(v) * scale:{fmt}})"
        )

    ratio_rate = [a / b for a, b in zip(results["venue_rate"], results["echo_rate"], strict=True)]
    ratio_lat = [a / b for a, b in zip(results["venue_lat"], results["echo_lat"], strict=True)]
    print(f"\n{phones} phones answering at once, {runs} paired runs:")
    print(f"  venue answers accepted per second: {spread('venue_rate')}")
    print(f"  bare aiohttp echo, requests per second: {spread('echo_rate')}")
    print(
        f"  ratio venue/echo: median {statistics.median(ratio_rate):.2f} "
        f"(min {min(ratio_rate):.2f}, max {max(ratio_rate):.2f})"
    )
    print(f"  phone's answer to the projector's redraw, ms: {spread('venue_lat', 1000)}")
    print(f"  bare echo round trip, ms: {spread('echo_lat', 1000, '.1f')}")
    print(
        f"  ratio projector latency/echo round trip: median {statistics.median(ratio_lat):.1f} "
        f"(min {min(ratio_lat):.1f}, max {max(ratio_lat):.1f})"
    )


if __name__ == "__main__":
    main()
