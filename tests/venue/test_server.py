"""The server in its own thread (as the app and ``facilitator serve`` run it) on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from facilitator.store.database import Workshop
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import VenueServer, join_url
from tests.venue.phones import add_poll

ROOT = Path(__file__).resolve().parents[2]


def in_thread(coro_fn: Callable[[], Awaitable[Any]]) -> tuple[threading.Thread, dict]:
    """Run phones in another thread (the UI thread must stay free to run their writes)."""
    box: dict[str, Any] = {}

    def main() -> None:
        try:
            box["value"] = asyncio.run(coro_fn())
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test
            box["error"] = exc

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    return thread, box


def test_the_server_thread_binds_only_the_chosen_address_and_stops(
    qtbot, workshop: Workshop
) -> None:  # noqa: ANN001
    server = VenueServer(workshop.writer.submit)
    publisher = SnapshotPublisher(workshop, server.publish)
    session = workshop.venue.qa_session()
    pid = add_poll(workshop, session, "single", ["Yes", "No"], "Ready?")
    yes = workshop.venue.options(pid)[0]["id"]
    port = server.start("127.0.0.1", 0)
    try:
        assert server.running and port > 0
        assert server.url() == join_url("127.0.0.1", port, workshop.venue.join_code())
        base = f"http://127.0.0.1:{port}"
        code = workshop.venue.join_code()

        async def phone() -> list[int]:
            async with aiohttp.ClientSession() as s:
                r = await s.post(f"{base}/api/join", json={"code": code})
                token = (await r.json())["token"]
                h = {"Authorization": f"Bearer {token}"}
                a = await s.post(f"{base}/api/polls/{pid}/answer", json={"answer": yes}, headers=h)
                ws = await s.ws_connect(f"{base}/api/live")
                await ws.send_str(json.dumps({"token": token}))
                state = json.loads((await ws.receive(timeout=5)).data)
                return [r.status, a.status, state["me"]["answered"]]

        thread, box = in_thread(phone)
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=15000)
        assert "error" not in box, box.get("error")
        assert box["value"] == [201, 201, True]
        assert workshop.venue.values(pid) == [yes]
        qtbot.waitUntil(lambda: server.connections == 0, timeout=5000)
    finally:
        server.stop()
        publisher.detach()
    assert not server.running
    with pytest.raises(OSError):  # nothing listens any more
        import socket

        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_closing_the_room_from_the_ui_thread_disconnects_phones(qtbot, workshop: Workshop) -> None:  # noqa: ANN001
    server = VenueServer(workshop.writer.submit)
    publisher = SnapshotPublisher(workshop, server.publish)
    port = server.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{port}"
    connected = threading.Event()
    code = workshop.venue.join_code()
    try:

        async def phone() -> list[Any]:
            async with aiohttp.ClientSession() as s:
                r = await s.post(f"{base}/api/join", json={"code": code})
                token = (await r.json())["token"]
                ws = await s.ws_connect(f"{base}/api/live")
                await ws.send_str(json.dumps({"token": token}))
                await ws.receive(timeout=5)
                connected.set()
                closing = await ws.receive(timeout=10)
                after = await s.get(f"{base}/")
                return [closing.data, after.status]

        thread, box = in_thread(phone)
        qtbot.waitUntil(connected.is_set, timeout=10000)
        server.close_room()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10000)
        assert box.get("value") == [4000, 503], box
        server.open_room()
    finally:
        server.stop()
        publisher.detach()


def test_an_address_that_is_not_an_ip_is_refused(workshop: Workshop) -> None:
    server = VenueServer(workshop.writer.submit)
    with pytest.raises(ValueError):
        server.start("localhost", 0)
    assert not server.running


def test_facilitator_serve_prints_the_join_url_first_and_stops_on_ctrl_c(demo_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "facilitator",
            "serve",
            str(demo_path),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        first = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert first.startswith("http://127.0.0.1:") and "/j/" in first, first
        code = first.rsplit("/", 1)[1]
        base = first.split("/j/")[0]

        async def phone() -> tuple[int, int]:
            async with aiohttp.ClientSession() as s:
                page = await s.get(first)
                r = await s.post(f"{base}/api/join", json={"code": code})
                return page.status, r.status

        assert asyncio.run(phone()) == (200, 201)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err
    assert "Stopped." in out
    with Workshop(demo_path) as ws:
        assert ws.venue.device_count() == 1  # the join was written to the file


def test_facilitator_serve_explains_what_it_cannot_do(tmp_path: Path, demo_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    missing = subprocess.run(
        [sys.executable, "-m", "facilitator", "serve", str(tmp_path / "none.workshop")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert missing.returncode == 2 and "no such workshop file" in missing.stderr
    bad_host = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitator",
            "serve",
            str(demo_path),
            "--host",
            "nowhere",
            "--port",
            "0",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert bad_host.returncode == 2 and "cannot listen on nowhere" in bad_host.stderr
