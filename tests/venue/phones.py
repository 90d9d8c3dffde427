"""Helpers of the venue tests: polls and evaluations in a workshop, the server's hub around it,
and phones talking to the aiohttp application through aiohttp's test client (127.0.0.1)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from aiohttp.test_utils import TestClient, TestServer

from facilitator.store.database import Workshop
from facilitator.venue.app import VenueHub, make_app
from facilitator.venue.limits import Limits
from facilitator.venue.publisher import SnapshotPublisher

T = TypeVar("T")


@dataclass
class Venue:
    ws: Workshop
    hub: VenueHub
    publisher: SnapshotPublisher
    session_id: str

    @property
    def code(self) -> str:
        return self.hub.snapshot.code

    def run(self, scenario: Callable[[TestClient], Awaitable[T]]) -> T:
        """Run ``scenario(client)`` against the app; writes run at once on this thread."""

        async def main() -> T:
            async with TestClient(TestServer(make_app(self.hub), host="127.0.0.1")) as client:
                return await scenario(client)

        return asyncio.run(main())


def add_poll(
    ws: Workshop,
    session_id: str | None,
    kind: str,
    options: list[str] | None = None,
    question: str = "",
    open_it: bool = True,
    **values: Any,
) -> str:
    """A poll with options (texts), opened unless told otherwise."""
    from facilitator.store.ids import new_id

    pid = new_id("pol")
    ws.venue.insert_poll(
        {
            "id": pid,
            "session_id": session_id,
            "kind": kind,
            "question": question or f"A {kind} poll?",
            "position": ws.venue.next_poll_position(session_id),
            **values,
        },
        [{"text": t} for t in options or []],
    )
    if open_it:
        ws.venue.set_poll_state(pid, "open")
    return pid


def add_evaluation(ws: Workshop, questions: list[tuple[str, str]], open_it: bool = True) -> str:
    from facilitator.store.ids import new_id

    eid = new_id("vev")
    ws.venue.insert_evaluation(
        {"id": eid, "title": "End of day", "kind": "day", "position": 0},
        [{"kind": k, "text": t} for k, t in questions],
    )
    if open_it:
        ws.venue.set_evaluation_state(eid, "open")
    return eid


def make_venue(ws: Workshop, limits: Limits | None = None) -> Venue:
    hub = VenueHub(ws.writer.submit, limits)
    publisher = SnapshotPublisher(ws, hub.publish)
    session_id = ws.venue.qa_session() or ws.notes.sessions()[0]["id"]
    return Venue(ws, hub, publisher, session_id)


async def join(client: TestClient, code: str, **extra: Any) -> dict[str, str]:
    """Join like a phone; returns the headers its later requests carry."""
    r = await client.post("/api/join", json={"code": code, **extra})
    assert r.status == 201, await r.text()
    token = (await r.json())["token"]
    return {"Authorization": f"Bearer {token}"}
