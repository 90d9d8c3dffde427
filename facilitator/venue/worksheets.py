"""Team worksheets typed together: one Yjs document per team and prompt, merged on the server.

Every device of a team opens one WebSocket (``/api/team/live``) and keeps a Yjs document per
prompt in the browser. The server keeps the same documents with pycrdt (Yrs, the Rust port
of Yjs, which reads and writes the same update format), on its event loop only:

* ``sync``: a device sends its state vector; the server answers with what the device lacks
  and its own state vector, and the device sends back what the server lacks. After a dropped
  connection or a restarted server nothing typed on either side is lost.
* ``update``: a device's edit (a Yjs update, base64). The server merges it, passes it to the
  team's other devices at once, and stores the document soon after (every ``SAVE_DELAY``
  seconds at most, all dirty documents in one write). Only when that write has committed is
  the device told ``ack`` with the number of its last update stored: the page shows
  "Saved" then, and an answer acknowledged is in the file whatever happens to the laptop.

Concurrent edits of one answer are merged by the CRDT, not by this code: two devices typing
into the same sentence both keep their characters. The file keeps the whole document (one v1
update) and its text, mirrored into the worksheet note Capture shows.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web
from pycrdt import Doc, Text

from facilitator.domain.venue import (
    MAX_ANSWER,
    MAX_DOC_STATE,
    MAX_DOC_UPDATE,
    hash_token,
)
from facilitator.store.venue import AnswerDocWrite
from facilitator.venue.limits import RateLimiter, Rule
from facilitator.venue.operations import SaveAnswerDocs
from facilitator.venue.snapshot import WorksheetState

if TYPE_CHECKING:
    from facilitator.venue.app import VenueHub

log = logging.getLogger("facilitator.venue")

SAVE_DELAY = 0.25  # seconds of keystrokes gathered into one write of the dirty documents
RETRY_DELAY = 1.0  # after a write that failed (the laptop busy, the file locked)
DOCS_PER_WRITE = 30  # answer documents in one transaction of the UI thread
MIRROR_EVERY = 1.0  # seconds: how often a typed answer is copied into its worksheet note
NO_TEAM = 4003  # WebSocket close code: no worksheet open, or not this team
FULL = 4004  # the answer reached its size limit
TEXT = "answer"  # the name of the Y.Text in every answer document
UPDATES = Rule(burst=400, rate=80)  # edits per device: fast typing, a paste, a reconnect

Cell = tuple[str, str]  # (team id, prompt id)


def seed_update(cell: Cell, text: str) -> bytes:
    """The start of a document from an answer typed in Capture before the teams had devices.

    Made by a client id derived from the cell, so making it again (after the server restarts
    before anything was stored) gives the very same update, which Yjs merges as one.
    """
    client = int.from_bytes(hashlib.sha256(f"{cell[0]}/{cell[1]}".encode()).digest()[:4]) >> 1
    doc = Doc(client_id=client)
    t = doc.get(TEXT, type=Text)
    t += text
    return doc.get_update()


def state_of(text: str) -> bytes:
    """A new answer document holding ``text`` (for tools and tests that write answers)."""
    doc = Doc()
    t = doc.get(TEXT, type=Text)
    t += text
    return doc.get_update()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, limit: int) -> bytes | None:
    if not isinstance(value, str) or len(value) > limit * 4 // 3 + 8:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


class AnswerDoc:
    __slots__ = ("doc", "text", "loaded")

    def __init__(self) -> None:
        self.doc = Doc()
        self.text = self.doc.get(TEXT, type=Text)
        self.loaded = -1  # the snapshot load its stored state was merged from

    def merge(self, update: bytes) -> bool | None:
        """Merge a device's update if the answer stays within its limits (``MAX_ANSWER``
        characters, ``MAX_DOC_STATE`` bytes of document), or if it makes the answer shorter:
        a team can always cut an answer that grew too long. True if merged, False if refused
        (nothing merged), None if it is not an update.

        An update adds at most as many characters as it has bytes, so most are merged at
        once; one that could cross a limit is tried on a copy of the document first."""
        grows = len(update)
        before = len(self.text)
        if before + grows <= MAX_ANSWER and len(self.doc.get_update()) + grows <= MAX_DOC_STATE:
            try:
                self.doc.apply_update(update)
            except Exception:  # noqa: BLE001 - not a Yjs update: refused, nothing merged
                return None
            return True
        trial = Doc()
        try:
            trial.apply_update(self.doc.get_update())
            trial.apply_update(update)
        except Exception:  # noqa: BLE001 - not a Yjs update: refused, nothing merged
            return None
        after = len(trial.get(TEXT, type=Text))
        fits = after <= MAX_ANSWER and len(trial.get_update()) <= MAX_DOC_STATE
        if not fits and after >= before:
            return False
        self.doc.apply_update(update)
        return True


@dataclass
class TeamSocket:
    device_id: str
    team_id: str
    sent: str = ""  # the last worksheet message sent (prompts, titles)


class Worksheets:
    """The answer documents and team sockets of one server (used on its event loop only)."""

    def __init__(self, hub: VenueHub) -> None:
        self.hub = hub
        self.docs: dict[Cell, AnswerDoc] = {}
        self.sockets: dict[web.WebSocketResponse, TeamSocket] = {}
        self.updates = RateLimiter(UPDATES)
        self._dirty: dict[Cell, dict[web.WebSocketResponse, int]] = {}
        self._saving = False
        self._mirrored: dict[Cell, float] = {}  # when each cell's note last got its text
        self._owed: set[Cell] = set()  # cells whose note lags behind the stored document
        self._settling = False
        self.saved = 0  # documents written (the benchmark and tests read it)
        self.merged = 0  # updates merged from devices

    # -- documents -------------------------------------------------------------------------
    def doc(self, cell: Cell) -> AnswerDoc:
        """The document of a cell, with what the file holds merged in (once per load)."""
        d = self.docs.get(cell)
        if d is None:
            d = self.docs[cell] = AnswerDoc()
        sheet = self.hub.snapshot.worksheet
        if sheet is not None and d.loaded != sheet.loaded:
            state = sheet.states.get(cell)
            if state:
                d.doc.apply_update(state)
            elif sheet.seeds.get(cell):
                d.doc.apply_update(seed_update(cell, sheet.seeds[cell]))
            d.loaded = sheet.loaded
        return d

    def text(self, cell: Cell) -> str:
        return str(self.doc(cell).text)

    # -- the snapshot changed --------------------------------------------------------------
    async def push(self) -> None:
        """Tell team pages what changed (prompts, titles, a closed round) and merge documents
        the file reloaded (after a merge of another copy) into the ones held here."""
        sheet = self.hub.snapshot.worksheet
        if sheet is not None:
            for cell, d in list(self.docs.items()):
                if d.loaded != sheet.loaded and cell[0] in {t.id for t in sheet.teams}:
                    before = d.doc.get_state()
                    self.doc(cell)
                    news = d.doc.get_update(before)
                    if len(news) > 2:
                        await self._broadcast(cell, news, None)
        for ws, ts in list(self.sockets.items()):
            if ws.closed:
                self._forget(ws)
                continue
            team = sheet.team(ts.team_id) if sheet is not None else None
            if team is None:
                await ws.close(code=NO_TEAM, message=b"no worksheet for this team")
                self._forget(ws)
                continue
            message = self.message(sheet, ts.team_id)  # type: ignore[arg-type]
            if message != ts.sent:
                ts.sent = message
                await self._send(ws, message)

    def message(self, sheet: WorksheetState, team_id: str) -> str:
        team = sheet.team(team_id)
        assert team is not None
        return json.dumps(
            {
                "type": "worksheet",
                "team": {"id": team.id, "name": team.name, "colour": team.colour},
                "round": sheet.round_title,
                "exercise": sheet.exercise_title,
                "instructions": sheet.instructions,
                "prompts": [{"id": p, "text": t} for p, t in sheet.prompts],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    # -- devices ---------------------------------------------------------------------------
    def devices(self) -> dict[str, int]:
        """Team id → devices connected now (a device with two tabs counts once)."""
        seen: dict[str, set[str]] = defaultdict(set)
        for ts in self.sockets.values():
            seen[ts.team_id].add(ts.device_id)
        return {team: len(ids) for team, ids in seen.items()}

    def _forget(self, ws: web.WebSocketResponse) -> None:
        if self.sockets.pop(ws, None) is not None:
            self.hub._count()

    async def _send(self, ws: web.WebSocketResponse, message: str) -> None:
        try:
            await ws.send_str(message)
        except (ConnectionError, RuntimeError):
            self._forget(ws)

    async def _broadcast(
        self, cell: Cell, update: bytes, source: web.WebSocketResponse | None
    ) -> None:
        message = json.dumps({"type": "update", "prompt": cell[1], "update": b64(update)})
        for ws, ts in list(self.sockets.items()):
            if ws is not source and ts.team_id == cell[0] and not ws.closed:
                await self._send(ws, message)

    async def serve(self, request: web.Request) -> web.StreamResponse:
        """``/api/team/live``: first message ``{"token", "team"}``, then sync and updates."""
        from facilitator.venue.app import BAD_TOKEN, ROOM_CLOSED, TOO_MANY, ApiError

        hub = self.hub
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise ApiError(403, "wrong_origin", "Open the address shown on the projector.")
        if len(hub.sockets) + len(self.sockets) >= hub.limits.max_sockets:
            raise ApiError(503, "full", "The room is full.")
        ws = web.WebSocketResponse(heartbeat=25, max_msg_size=MAX_DOC_UPDATE * 2)
        await ws.prepare(request)
        try:
            first = await ws.receive(timeout=10)
        except TimeoutError:
            await ws.close(code=BAD_TOKEN, message=b"no token")
            return ws
        device_id = team_id = None
        if first.type == WSMsgType.TEXT:
            try:
                hello = json.loads(first.data)
            except ValueError:
                hello = {}
            token = hello.get("token", "") if isinstance(hello, dict) else ""
            team_id = hello.get("team") if isinstance(hello, dict) else None
            if isinstance(token, str) and 20 <= len(token) <= 100:
                device_id = hub.snapshot.devices.get(hash_token(token))
        if device_id is None or not hub.open:
            await ws.close(code=BAD_TOKEN if hub.open else ROOM_CLOSED, message=b"refused")
            return ws
        sheet = hub.snapshot.worksheet
        if sheet is None or not isinstance(team_id, str) or sheet.team(team_id) is None:
            await ws.close(code=NO_TEAM, message=b"no worksheet for this team")
            return ws
        tabs = sum(1 for s in self.sockets.values() if s.device_id == device_id)
        if tabs >= hub.limits.sockets_per_token:
            await ws.close(code=TOO_MANY, message=b"too many tabs")
            return ws
        ts = self.sockets[ws] = TeamSocket(device_id, team_id)
        hub._count()
        try:
            ts.sent = self.message(sheet, team_id)
            await ws.send_str(ts.sent)
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    if msg.data == "ping":
                        await ws.send_str('{"type":"pong"}')
                        continue
                    await self._received(ws, ts, msg.data)
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self._forget(ws)
        return ws

    async def _received(self, ws: web.WebSocketResponse, ts: TeamSocket, data: str) -> None:
        try:
            message = json.loads(data)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        sheet = self.hub.snapshot.worksheet
        prompt = message.get("prompt")
        if sheet is None or sheet.team(ts.team_id) is None:
            await ws.close(code=NO_TEAM, message=b"no worksheet for this team")
            return
        if not isinstance(prompt, str) or prompt not in sheet.prompt_ids():
            await self._send(ws, json.dumps({"type": "error", "error": "no_prompt"}))
            return
        cell = (ts.team_id, prompt)
        kind = message.get("type")
        if kind == "sync":
            vector = unb64(message.get("sv", ""), MAX_DOC_UPDATE)
            d = self.doc(cell)
            try:
                missing = d.doc.get_update(vector or None)
            except Exception:  # noqa: BLE001 - a malformed state vector: send everything
                missing = d.doc.get_update()
            await self._send(
                ws,
                json.dumps(
                    {
                        "type": "sync",
                        "prompt": prompt,
                        "update": b64(missing),
                        "sv": b64(d.doc.get_state()),
                    }
                ),
            )
        elif kind == "update":
            update = unb64(message.get("update"), MAX_DOC_UPDATE)
            seq = message.get("seq")
            if update is None or not isinstance(seq, int):
                await self._send(ws, json.dumps({"type": "error", "error": "bad_update"}))
                return
            if self.updates.take(ts.device_id):
                await self._send(ws, json.dumps({"type": "error", "error": "slow_down"}))
                return
            d = self.doc(cell)
            merged = d.merge(update)
            if merged is None:
                await self._send(ws, json.dumps({"type": "error", "error": "bad_update"}))
                return
            if not merged:
                # The device shows its edit already: it starts again from what the laptop
                # holds, so no phone shows an answer the laptop has not stored.
                await self._send(ws, json.dumps({"type": "error", "error": "too_long"}))
                await self._send(
                    ws,
                    json.dumps(
                        {"type": "reset", "prompt": prompt, "update": b64(d.doc.get_update())}
                    ),
                )
            else:
                self.merged += 1
                await self._broadcast(cell, update, ws)
            # acknowledged once written (a refused update with the answer as it stands), so
            # the device's "saving" ends in order with its other edits
            self._dirty.setdefault(cell, {})[ws] = seq
            if not self._saving:
                self._saving = True
                asyncio.ensure_future(self._save())

    # -- storing ---------------------------------------------------------------------------
    async def _save(self) -> None:
        """Write every dirty document, then acknowledge what that write holds."""
        try:
            while self._dirty:
                await asyncio.sleep(SAVE_DELAY)
                dirty, self._dirty = self._dirty, {}
                cells = list(dirty)
                try:
                    # A few dozen documents a transaction: between two, the window repaints.
                    for i in range(0, len(cells), DOCS_PER_WRITE):
                        part = tuple(self._write(c) for c in cells[i : i + DOCS_PER_WRITE])
                        await self.hub.write(SaveAnswerDocs(part))
                        self.saved += len(part)
                except Exception as exc:  # noqa: BLE001 - kept dirty, tried again
                    log.warning("venue: storing team answers failed (%s)", type(exc).__name__)
                    for cell, acks in dirty.items():
                        mine = self._dirty.setdefault(cell, {})
                        for ws, seq in acks.items():
                            mine[ws] = max(seq, mine.get(ws, seq))
                    await asyncio.sleep(RETRY_DELAY)
                    continue
                # Only now: a device's number covers its edits of every cell written above.
                acks_by_ws: dict[web.WebSocketResponse, int] = {}
                for acks in dirty.values():
                    for ws, seq in acks.items():
                        acks_by_ws[ws] = max(seq, acks_by_ws.get(ws, seq))
                for ws, seq in acks_by_ws.items():
                    if not ws.closed:
                        await self._send(ws, json.dumps({"type": "ack", "seq": seq}))
            if self._owed and not self._settling and self.hub.loop is not None:
                self._settling = True
                self.hub.loop.call_later(MIRROR_EVERY, self._settle)
        finally:
            self._saving = False

    def _write(self, cell: Cell) -> AnswerDocWrite:
        """The document to store; its text goes into the note too if the note's copy is a
        second old. The worksheet note's full-text index makes that the costly part of a
        write, and forty teams typing would otherwise rewrite forty notes four times a
        second; the note still shows a new answer at once and follows within a second."""
        d = self.doc(cell)
        now = time.monotonic()
        mirror = now - self._mirrored.get(cell, -MIRROR_EVERY) >= MIRROR_EVERY
        if mirror:
            self._mirrored[cell] = now
            self._owed.discard(cell)
        else:
            self._owed.add(cell)
        return AnswerDocWrite(cell[0], cell[1], d.doc.get_update(), str(d.text), mirror)

    def _settle(self) -> None:
        """Typing stopped: copy the last text of every lagging answer into its note."""
        self._settling = False
        for cell in self._owed:
            self._mirrored.pop(cell, None)
            self._dirty.setdefault(cell, {})
        if self._dirty and not self._saving:
            self._saving = True
            asyncio.ensure_future(self._save())

    @property
    def pending(self) -> int:
        """Documents edited and not stored yet."""
        return len(self._dirty)

    @property
    def idle(self) -> bool:
        """Every edit stored and every note caught up (nothing more to write)."""
        return not self._dirty and not self._owed and not self._saving

    async def close_all(self, code: int, message: bytes) -> None:
        sockets = list(self.sockets)
        self.sockets.clear()
        for ws in sockets:
            try:
                await ws.close(code=code, message=message)
            except (ConnectionError, RuntimeError):
                pass
