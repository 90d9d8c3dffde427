"""Rapporteurs on other laptops or tablets: capture as in the Capture area, from a browser.

A rapporteur's page carries a key the facilitator made in the desktop app (View ▸ Venue
Wi-Fi…, shown there as a QR code and never on a projector). With it, and only with it, the
server sends what capture needs: the sessions, the teams working in each, the kinds of
note and the roster's names for attribution. A participant's token gets none of this.

Notes are made in the browser with their own id and kept in its IndexedDB until the server
says they are stored; a page that lost the Wi-Fi, or was closed, sends them again later.
The store keeps a note id once (``VenueStore.add_remote_notes``), so a replay doubles
nothing, and the server answers only after the write committed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING

from aiohttp import WSMsgType, web

from facilitator.domain.venue import (
    MAX_NOTES_PER_SEND,
    VenueInputError,
    hash_token,
    parse_remote_note,
)
from facilitator.venue.limits import RateLimiter, Rule
from facilitator.venue.operations import AddRemoteNotes
from facilitator.venue.snapshot import Rapporteur

if TYPE_CHECKING:
    from facilitator.venue.app import VenueHub

KEY_SCHEME = "rapporteur "  # Authorization: Rapporteur <key>
REQUESTS = Rule(burst=30, rate=2)  # calls of one rapporteur's page
REVOKED = 4005  # WebSocket close code: the key was revoked


class Rapporteurs:
    """Rapporteurs' connections and requests (on the server's event loop)."""

    def __init__(self, hub: VenueHub) -> None:
        self.hub = hub
        self.sockets: dict[web.WebSocketResponse, Rapporteur] = {}
        self._sent: dict[web.WebSocketResponse, str] = {}
        self.limiter = RateLimiter(REQUESTS)

    def who(self, key: str) -> Rapporteur | None:
        if not isinstance(key, str) or not 20 <= len(key) <= 100:
            return None
        return self.hub.snapshot.rapporteurs.get(hash_token(key))

    def from_request(self, request: web.Request) -> Rapporteur:
        from facilitator.venue.app import ApiError

        auth = request.headers.get("Authorization", "")
        key = auth[len(KEY_SCHEME) :].strip() if auth.lower().startswith(KEY_SCHEME) else ""
        if not key:
            raise ApiError(401, "no_key", "Open the rapporteur address the facilitator gave you.")
        found = self.who(key)
        if found is None:
            raise ApiError(401, "bad_key", "This rapporteur key is not valid (any more).")
        wait = self.limiter.take(found.id)
        if wait:
            raise ApiError(429, "slow_down", "Too many requests; wait a moment.", wait)
        return found

    def connected(self) -> dict[str, int]:
        """Rapporteur id → pages connected now."""
        out: dict[str, int] = defaultdict(int)
        for r in self.sockets.values():
            out[r.id] += 1
        return dict(out)

    def message(self, who: Rapporteur) -> str:
        return (
            f'{{"type":"catalogue","name":{json.dumps(who.name, ensure_ascii=False)},'
            f'"catalogue":{self.hub.snapshot.capture.as_json}}}'
        )

    async def push(self) -> None:
        """New sessions, teams or names reach the pages; a revoked key's page is closed."""
        keys = {r.id for r in self.hub.snapshot.rapporteurs.values()}
        for ws, who in list(self.sockets.items()):
            if who.id not in keys:
                await ws.close(code=REVOKED, message=b"key revoked")
                self._forget(ws)
                continue
            message = self.message(who)
            if self._sent.get(ws) != message and not ws.closed:
                self._sent[ws] = message
                try:
                    await ws.send_str(message)
                except (ConnectionError, RuntimeError):
                    self._forget(ws)

    def _forget(self, ws: web.WebSocketResponse) -> None:
        if self.sockets.pop(ws, None) is not None:
            self._sent.pop(ws, None)
            self.hub._count()

    # -- routes ----------------------------------------------------------------------------
    async def state(self, request: web.Request) -> web.Response:
        who = self.from_request(request)
        return web.Response(text=self.message(who), content_type="application/json")

    async def notes(self, request: web.Request) -> web.Response:
        """Store a batch of queued notes; answers which are stored (now or before)."""
        from facilitator.venue.app import ApiError, _body

        who = self.from_request(request)
        body = await _body(request)
        items = body.get("notes")
        if not isinstance(items, list) or not items:
            raise ApiError(422, "invalid", "Send a list of notes.")
        if len(items) > MAX_NOTES_PER_SEND:
            raise ApiError(413, "too_many", f"Send at most {MAX_NOTES_PER_SEND} notes at once.")
        cat = self.hub.snapshot.capture
        notes = []
        refused: dict[str, dict[str, str]] = {}
        for item in items:
            try:
                notes.append(
                    parse_remote_note(
                        item, cat.session_ids, cat.team_ids, cat.kind_keys, cat.person_ids
                    )
                )
            except VenueInputError as exc:
                note_id = item.get("id") if isinstance(item, dict) else None
                if not isinstance(note_id, str):
                    raise
                refused[note_id] = {"field": exc.field, "message": exc.message}
        stored: tuple[str, ...] = ()
        known: tuple[str, ...] = ()
        if notes:
            outcome, late = await self.hub.write(AddRemoteNotes(tuple(notes), who.name))
            stored, known = outcome.stored, outcome.known
            for note_id, field in late.items():
                refused[note_id] = {"field": field, "message": "It no longer exists."}
        return web.json_response(
            {"stored": list(stored), "known": list(known), "refused": refused},
            status=201 if stored else 200,
        )

    async def live(self, request: web.Request) -> web.StreamResponse:
        """The page's connection: who is connected, and the catalogue as it changes."""
        from facilitator.venue.app import BAD_TOKEN, ROOM_CLOSED, ApiError

        hub = self.hub
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise ApiError(403, "wrong_origin", "Open the address the facilitator gave you.")
        if len(self.sockets) >= 200:
            raise ApiError(503, "full", "Too many rapporteur pages are open.")
        ws = web.WebSocketResponse(heartbeat=25, max_msg_size=4096)
        await ws.prepare(request)
        try:
            first = await ws.receive(timeout=10)
        except TimeoutError:
            await ws.close(code=BAD_TOKEN, message=b"no key")
            return ws
        who = None
        if first.type == WSMsgType.TEXT:
            try:
                hello = json.loads(first.data)
            except ValueError:
                hello = {}
            if isinstance(hello, dict):
                who = self.who(hello.get("key", ""))
        if who is None or not hub.open:
            await ws.close(code=BAD_TOKEN if hub.open else ROOM_CLOSED, message=b"refused")
            return ws
        self.sockets[ws] = who
        hub._count()
        try:
            message = self._sent[ws] = self.message(who)
            await ws.send_str(message)
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self._forget(ws)
        return ws

    async def close_all(self, code: int, message: bytes) -> None:
        sockets = list(self.sockets)
        self.sockets.clear()
        self._sent.clear()
        for ws in sockets:
            try:
                await ws.close(code=code, message=message)
            except (ConnectionError, RuntimeError):
                pass
