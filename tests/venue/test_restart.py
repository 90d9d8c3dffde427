"""The laptop's server restarted mid-session (same port): nothing acknowledged is lost, and
what a device typed while it was down is merged when the device is back."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import aiohttp
from pycrdt import Text

from facilitator.store.database import Workshop
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import VenueServer
from tests.venue.test_worksheets import Device, open_worksheet


class Steps:
    """Hands steps from the device's thread to this (UI) thread, which runs the server."""

    def __init__(self) -> None:
        self.asked: str | None = None
        self.done = threading.Event()

    def ask(self, what: str, timeout: float = 30) -> None:
        self.done.clear()
        self.asked = what
        if not self.done.wait(timeout):
            raise TimeoutError(what)


def test_acknowledged_answers_survive_a_restart_and_offline_typing_is_merged(
    qtbot, workshop: Workshop
) -> None:  # noqa: ANN001
    ws = workshop
    open_worksheet(ws, "rnd_demo1")
    team = ws.notes.teams_for_exercise("exe_demo1")[0]["id"]
    prompt = ws.notes.prompts("exe_demo1")[0]["id"]
    holder: dict[str, Any] = {}

    def start(port: int = 0) -> int:
        server = VenueServer(ws.writer.submit)
        publisher = SnapshotPublisher(ws, server.publish)
        holder.update(server=server, publisher=publisher)
        return server.start("127.0.0.1", port)

    def stop() -> None:
        holder["server"].stop()
        holder["publisher"].detach()

    port = start()
    base = f"http://127.0.0.1:{port}"
    code = ws.venue.join_code()
    steps = Steps()
    seen: dict[str, Any] = {}

    async def device() -> None:
        async with aiohttp.ClientSession(base_url=base) as client:
            r = await client.post("/api/join", json={"code": code})
            headers = {"Authorization": f"Bearer {(await r.json())['token']}"}
            d = Device(client, headers, team)  # type: ignore[arg-type]
            await d.connect()
            await d.type(prompt, 0, "Acknowledged before the restart.")
            await d.until(lambda: d.acked >= 1)
            steps.ask("stop")
            seen["in_file_while_down"] = holder["in_file"]
            # Typed while the laptop's server is down: kept in the device's document.
            await d.sock.close()
            doc = d.doc(prompt)
            text = d.text(prompt)
            doc.get("answer", type=Text).insert(len(text.encode()), " Typed while it was down.")
            steps.ask("start")
            d.seq = d.acked = 0
            await d.connect()  # the page reconnects: sync sends what the server lacks
            await d.until(lambda: d.acked >= 1)
            seen["device"] = d.text(prompt)
            other = Device(client, headers, team)
            await other.connect()
            seen["other"] = other.text(prompt)
            await other.sock.close()
            await d.sock.close()

    box: dict[str, Any] = {}

    def run() -> None:
        try:
            asyncio.run(device())
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    try:
        while thread.is_alive() and time.monotonic() < deadline:
            if steps.asked == "stop":
                steps.asked = None
                stop()
                docs = ws.venue.answer_docs([team])
                holder["in_file"] = docs[(team, prompt)]["text"] if docs else None
                steps.done.set()
            elif steps.asked == "start":
                steps.asked = None
                assert start(port) == port  # the same port, as the page knows it
                steps.done.set()
            qtbot.wait(20)
    finally:
        if holder["server"].running:
            stop()
    if "error" in box:
        raise box["error"]
    assert not thread.is_alive()
    assert seen["in_file_while_down"] == "Acknowledged before the restart."
    merged = "Acknowledged before the restart. Typed while it was down."
    assert seen["device"] == seen["other"] == merged
    (note,) = [n for n in ws.notes.answers([prompt]) if n["team_id"] == team]
    assert note["text"] == merged
