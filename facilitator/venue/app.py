"""The venue web application: phone pages, a small JSON API and one WebSocket per phone.

Who may do what:

* ``POST /api/join`` with the room's join code gives a phone a random token (kept in the
  phone's localStorage, so it resumes after the phone sleeps; the file keeps only a hash).
  Wrong codes are rate limited per address, so the code cannot be guessed.
* Every other API call carries the token (``Authorization: Bearer …``) and can only answer
  the open poll (once: a replay changes nothing), ask and upvote questions of the session
  taking questions, and answer open evaluations. Nothing a phone can ask returns the roster,
  notes or another phone's data; facilitator actions have no route at all.
* Team worksheets (``/t/…``, ``/api/team/live``, see ``worksheets.py``): a joined phone may
  type into the answers of a team of the round the facilitator opened; it gets team names
  and prompts, never members.
* Rapporteurs (``/r/…``, ``/api/rapporteur/…``, see ``rapporteurs.py``): a key made in the
  desktop app opens capture with the roster's names for attribution; notes carry the ids
  their browser made and are stored once.
* Limits: request bodies (``client_max_size``), requests per address and per token, joins and
  wrong codes per address, questions per phone, WebSockets in all and per token. The Host
  header must be the address the request came in on (no DNS rebinding).
* Every response carries a strict Content-Security-Policy (``default-src 'self'``), no
  referrer, no framing, no sniffing; nothing the server sends names another host.

Reads come from the :class:`~facilitator.venue.snapshot.Snapshot` the UI thread publishes;
writes are operations submitted to the workshop's writer and awaited here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from facilitator.domain.venue import (
    MAX_NAME,
    MAX_QUESTION,
    VenueInputError,
    clean_text,
    codes_match,
    hash_token,
    parse_answer,
    parse_evaluation,
)
from facilitator.resources import resource
from facilitator.store.errors import WorkshopError
from facilitator.venue import i18n
from facilitator.venue.limits import Limits, RateLimiter
from facilitator.venue.operations import (
    AskQuestion,
    Batch,
    JoinDevice,
    SubmitAnswer,
    SubmitEvaluation,
    VoteQuestion,
)
from facilitator.venue.rapporteurs import Rapporteurs
from facilitator.venue.snapshot import Snapshot
from facilitator.venue.worksheets import Worksheets

log = logging.getLogger("facilitator.venue")

STATIC = Path(__file__).resolve().parent / "static"
FONTS = resource("fonts")
WRITE_TIMEOUT = 15.0  # seconds to wait for the UI thread to store a write
MAX_BATCH = 40  # operations per transaction: keeps each stall of the UI thread short
PUSH_DELAY = 0.05  # coalesce pushes: at most about 20 state messages a second per phone
ROOM_CLOSED = 4000  # WebSocket close codes (4000–4999 are the application's)
BAD_TOKEN = 4001
TOO_MANY = 4002

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

Submit = Callable[[Any], "Future[Any]"]


@dataclass(frozen=True)
class Presence:
    """Who is connected now, for the desktop: participants as counts, rapporteurs by key."""

    phones: int = 0  # participants' pages (polls, questions, evaluations)
    teams: Mapping[str, int] = field(default_factory=dict)  # team id → devices on its worksheet
    rapporteurs: Mapping[str, int] = field(default_factory=dict)  # rapporteur id → pages

    @property
    def team_devices(self) -> int:
        return sum(self.teams.values())


class ApiError(Exception):
    """A refusal with its HTTP status, a short code for the page and a message."""

    def __init__(self, status: int, code: str, message: str, retry: float = 0.0) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retry = status, code, message, retry


class VenueHub:
    """State the handlers share, all of it used on the server's event loop except
    :meth:`publish` (any thread) and the counters the desktop reads."""

    def __init__(
        self,
        submit: Submit,
        limits: Limits | None = None,
        on_connections: Callable[[int], None] | None = None,
        on_presence: Callable[[Presence], None] | None = None,
    ) -> None:
        self.submit = submit
        self.limits = limits or Limits()
        self.on_connections = on_connections
        self.on_presence = on_presence
        self.worksheets = Worksheets(self)
        self.rapporteurs = Rapporteurs(self)
        self.snapshot = Snapshot()
        self.open = True
        self.loop: asyncio.AbstractEventLoop | None = None
        self.sockets: dict[web.WebSocketResponse, str] = {}
        self._sent: dict[web.WebSocketResponse, str] = {}
        self._push_pending = False
        L = self.limits
        self.per_ip = RateLimiter(L.per_ip)
        self.per_token = RateLimiter(L.per_token)
        self.joins = RateLimiter(L.joins)
        self.bad_codes = RateLimiter(L.bad_codes)
        self.asks = RateLimiter(L.questions)
        self.accepted = 0  # answers stored (for the benchmark and the desktop)
        self._queue: list[tuple[Any, asyncio.Future[Any]]] = []
        self._flushing = False

    # -- from the UI thread ----------------------------------------------------------------
    def publish(self, snapshot: Snapshot) -> None:
        """Swap in a new snapshot (atomic) and push it to the phones soon."""
        self.snapshot = snapshot
        loop = self.loop
        if loop is None or loop.is_closed():
            return
        if _in_loop(loop):
            self._schedule_push()
        else:
            loop.call_soon_threadsafe(self._schedule_push)

    # -- on the loop -----------------------------------------------------------------------
    def _schedule_push(self) -> None:
        if self._push_pending or self.loop is None:
            return
        self._push_pending = True
        self.loop.call_later(PUSH_DELAY, lambda: asyncio.ensure_future(self._push()))

    async def _push(self) -> None:
        self._push_pending = False
        snap = self.snapshot
        for ws, device_id in list(self.sockets.items()):
            message = snap.message(device_id)
            if self._sent.get(ws) == message or ws.closed:
                continue
            self._sent[ws] = message
            try:
                await ws.send_str(message)
            except (ConnectionError, RuntimeError):
                self._forget(ws)
        await self.worksheets.push()
        await self.rapporteurs.push()

    def _forget(self, ws: web.WebSocketResponse) -> None:
        if self.sockets.pop(ws, None) is not None:
            self._sent.pop(ws, None)
            self._count()

    def _count(self) -> None:
        if self.on_connections is not None:
            self.on_connections(len(self.sockets))
        if self.on_presence is not None:
            self.on_presence(self.presence())

    def presence(self) -> Presence:
        return Presence(len(self.sockets), self.worksheets.devices(), self.rapporteurs.connected())

    async def close_room(self) -> None:
        """Refuse every new request and disconnect every phone."""
        self.open = False
        await self.disconnect_all(ROOM_CLOSED, b"room closed")

    async def disconnect_all(self, code: int, message: bytes) -> None:
        await self.worksheets.close_all(code, message)
        await self.rapporteurs.close_all(code, message)
        sockets = list(self.sockets)
        self.sockets.clear()
        self._sent.clear()
        for ws in sockets:
            try:
                await ws.close(code=code, message=message)
            except (ConnectionError, RuntimeError):
                pass
        self._count()

    async def write(self, op: Any) -> Any:
        """Run an operation on the UI thread and wait for its value.

        Operations are queued and sent as :class:`Batch` es, one batch at a time: whatever
        arrives while one runs goes in the next.
        """
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        self._queue.append((op, done))
        if not self._flushing:
            self._flushing = True
            asyncio.ensure_future(self._flush())
        try:
            return await asyncio.wait_for(asyncio.shield(done), WRITE_TIMEOUT)
        except TimeoutError as exc:
            raise ApiError(503, "busy", "The facilitator's laptop is busy; try again.") from exc

    async def _flush(self) -> None:
        try:
            while self._queue:
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                try:
                    future = self.submit(Batch(tuple(op for op, _ in batch)))
                    outcome = await asyncio.wrap_future(future)
                    results = list(outcome.value)
                except WorkshopError as exc:
                    log.warning("venue write failed: %s", exc.__class__.__name__)
                    error = ApiError(503, "not_saved", "Your answer could not be saved; try again.")
                    results = [error] * len(batch)
                except Exception as exc:  # noqa: BLE001 - a bug: logged, the phones get 500
                    log.exception("venue write failed")
                    results = [exc] * len(batch)
                for (_, done), result in zip(batch, results, strict=True):
                    if done.done():
                        continue
                    if isinstance(result, BaseException):
                        done.set_exception(result)
                    else:
                        done.set_result(result)
        finally:
            self._flushing = False

    def device(self, request: web.Request) -> str:
        """The device id of the phone that sent ``request`` (401 without a known token)."""
        auth = request.headers.get("Authorization", "")
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        if not token:
            raise ApiError(401, "no_token", "Join the room first.")
        if not 20 <= len(token) <= 100:
            raise ApiError(401, "bad_token", "This phone's pass is not valid; join again.")
        device_id = self.snapshot.devices.get(hash_token(token))
        if device_id is None:
            raise ApiError(401, "unknown_token", "This phone's pass is not valid; join again.")
        wait = self.per_token.take(device_id)
        if wait:
            raise ApiError(429, "slow_down", "Too many requests; wait a moment.", wait)
        return device_id


def _in_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


HUB = web.AppKey("hub", VenueHub)


def _error(
    status: int, code: str, message: str, retry: float = 0.0, field: str = ""
) -> web.Response:
    body = {"error": code, "message": message} | ({"field": field} if field else {})
    response = web.json_response(body, status=status)
    if retry:
        response.headers["Retry-After"] = str(max(1, int(retry + 0.999)))
    return response


# -- middlewares ---------------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every refusal becomes JSON with a code and a message; nothing leaks a traceback."""
    try:
        return await handler(request)
    except ApiError as exc:
        return _error(exc.status, exc.code, exc.message, exc.retry)
    except VenueInputError as exc:
        return _error(exc.status, exc.code, exc.message, field=exc.field)
    except web.HTTPRequestEntityTooLarge:
        return _error(413, "too_large", "That is too much text.")
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status, "refused")
        return _error(exc.status, code, exc.reason)
    except (asyncio.CancelledError, ConnectionError):
        raise
    except Exception:  # noqa: BLE001 - a bug: logged with its traceback, the phone gets 500
        log.exception("venue request %s %s failed", request.method, request.path)
        return _error(500, "server_error", "Something went wrong; try again.")


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Host check, closed room and the per-address limit, before anything else runs."""
    hub = request.app[HUB]
    sock = request.transport.get_extra_info("sockname") if request.transport else None
    if sock:
        ip, port = sock[0], sock[1]
        shown = f"[{ip}]" if ":" in ip else ip
        allowed = {f"{shown}:{port}"} | ({shown} if port == 80 else set())
        if request.host not in allowed:
            raise ApiError(421, "wrong_host", "Open the address shown on the projector.")
    if not hub.open:
        raise ApiError(503, "room_closed", "The room is closed.")
    peer = request.remote or "?"
    wait = hub.per_ip.take(peer)
    if wait:
        raise ApiError(429, "slow_down", "Too many requests; wait a moment.", wait)
    return await handler(request)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith(("/api/", "/j/", "/t/", "/r/")) or request.path in ("/", "/join"):
        response.headers["Cache-Control"] = "no-store"
    else:
        response.headers.setdefault("Cache-Control", "public, max-age=3600")


async def _body(request: web.Request) -> dict[str, Any]:
    limit = request.app[HUB].limits.max_body
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "too_large", "That is too much text.")
    if request.content_type != "application/json":
        raise ApiError(415, "not_json", "Send JSON (Content-Type: application/json).")
    raw = await request.read()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "bad_json", "The request is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "bad_json", "The request must be a JSON object.")
    return data


# -- pages ---------------------------------------------------------------------------------------


async def page(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Content-Type": "text/html"})


async def team_page(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "team.html", headers={"Content-Type": "text/html"})


async def rapporteur_page(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "rapporteur.html", headers={"Content-Type": "text/html"})


async def icon(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "icon.svg", headers={"Content-Type": "image/svg+xml"})


async def strings(request: web.Request) -> web.Response:
    lang = i18n.negotiate(request.headers.get("Accept-Language"))
    return web.json_response({"lang": lang, "strings": i18n.catalogue(lang)})


# -- API -----------------------------------------------------------------------------------------


async def join(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    body = await _body(request)
    peer = request.remote or "?"
    snap = hub.snapshot
    if not codes_match(body.get("code"), snap.code):
        wait = hub.bad_codes.take(peer)
        if wait:
            raise ApiError(429, "slow_down", "Too many wrong codes; wait a moment.", wait)
        raise ApiError(403, "wrong_code", "That is not the code shown on the projector.")
    name = ""
    if snap.named:
        name = clean_text(body.get("name", ""), "name", MAX_NAME)
    wait = hub.joins.take(peer)
    if wait:
        raise ApiError(429, "slow_down", "Too many phones joined from here; wait a moment.", wait)
    token = secrets.token_urlsafe(32)
    await hub.write(JoinDevice(hash_token(token), name))
    log.info("venue: a phone joined")
    return web.json_response({"token": token, "named": snap.named}, status=201)


async def state(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    device_id = hub.device(request)
    return web.Response(
        text=hub.snapshot.message(device_id), content_type="application/json", charset="utf-8"
    )


async def answer(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    device_id = hub.device(request)
    body = await _body(request)
    poll_id = request.match_info["poll_id"]
    poll = hub.snapshot.poll
    if poll is None or poll.spec.id != poll_id:
        raise ApiError(404, "no_poll", "This poll is not open.")
    if poll.state != "open":
        raise ApiError(409, "poll_closed", "This poll is closed.")
    if "answer" not in body:
        raise ApiError(422, "invalid", "The request has no answer.")
    parse_answer(poll.spec, body["answer"])  # refuse garbage before the UI thread sees it
    outcome = await hub.write(SubmitAnswer(poll_id, device_id, body["answer"]))
    if outcome.stored:
        hub.accepted += 1
        return web.json_response({"stored": True}, status=201)
    if outcome.same:
        return web.json_response({"stored": False, "replay": True})
    raise ApiError(409, "already_answered", "You have already answered this poll.")


async def ask(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    device_id = hub.device(request)
    body = await _body(request)
    snap = hub.snapshot
    if snap.qa_session_id is None:
        raise ApiError(409, "no_questions", "Questions are not open now.")
    text = clean_text(body.get("text"), "question", MAX_QUESTION)
    wait = hub.asks.take(device_id)
    if wait:
        raise ApiError(429, "slow_down", "You have just asked; wait a moment.", wait)
    author = snap.names.get(device_id, "") if snap.named else ""
    qid = await hub.write(AskQuestion(snap.qa_session_id, device_id, text, author))
    return web.json_response({"id": qid}, status=201)


async def vote(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    device_id = hub.device(request)
    body = await _body(request)
    qid = request.match_info["question_id"]
    if not any(q.view.id == qid for q in hub.snapshot.questions):
        raise ApiError(404, "no_question", "This question is not open.")
    on = body.get("vote", True)
    if not isinstance(on, bool):
        raise ApiError(422, "invalid", "vote is true or false.")
    changed = await hub.write(VoteQuestion(qid, device_id, on))
    return web.json_response({"changed": changed, "vote": on})


async def evaluate(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    device_id = hub.device(request)
    body = await _body(request)
    eid = request.match_info["evaluation_id"]
    ev = next((e for e in hub.snapshot.evaluations if e.id == eid), None)
    if ev is None:
        raise ApiError(404, "no_evaluation", "This evaluation is not open.")
    parse_evaluation(ev.questions, body.get("answers"))
    stored = await hub.write(SubmitEvaluation(eid, device_id, body.get("answers")))
    if stored:
        return web.json_response({"stored": True}, status=201)
    if stored is None:
        raise ApiError(409, "already_evaluated", "You have already answered this evaluation.")
    return web.json_response({"stored": False, "replay": True})


async def live(request: web.Request) -> web.StreamResponse:
    """One WebSocket per phone: the first message is the token, then the server pushes."""
    hub = request.app[HUB]
    origin = request.headers.get("Origin")
    if origin is not None and origin != f"{request.scheme}://{request.host}":
        raise ApiError(403, "wrong_origin", "Open the address shown on the projector.")
    if len(hub.sockets) >= hub.limits.max_sockets:
        raise ApiError(503, "full", "The room is full.")
    ws = web.WebSocketResponse(heartbeat=25, max_msg_size=4096)
    await ws.prepare(request)
    try:
        first = await ws.receive(timeout=10)
    except TimeoutError:
        await ws.close(code=BAD_TOKEN, message=b"no token")
        return ws
    device_id = None
    if first.type == WSMsgType.TEXT:
        try:
            token = json.loads(first.data).get("token", "")
        except (ValueError, AttributeError):
            token = ""
        if isinstance(token, str) and 20 <= len(token) <= 100:
            device_id = hub.snapshot.devices.get(hash_token(token))
    if device_id is None or not hub.open:
        await ws.close(code=BAD_TOKEN if hub.open else ROOM_CLOSED, message=b"refused")
        return ws
    if sum(1 for d in hub.sockets.values() if d == device_id) >= hub.limits.sockets_per_token:
        await ws.close(code=TOO_MANY, message=b"too many tabs")
        return ws
    hub.sockets[ws] = device_id
    hub._count()
    try:
        message = hub.snapshot.message(device_id)
        hub._sent[ws] = message
        await ws.send_str(message)
        async for msg in ws:
            if msg.type == WSMsgType.TEXT and msg.data == "ping":
                await ws.send_str('{"type":"pong"}')
            elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break
    finally:
        hub._forget(ws)
    return ws


# -- the application -----------------------------------------------------------------------------


def make_app(hub: VenueHub) -> web.Application:
    """The aiohttp application around ``hub`` (served by :class:`VenueServer`, or by aiohttp's
    test server in the tests)."""
    app = web.Application(middlewares=[errors, guard], client_max_size=hub.limits.max_body)
    app[HUB] = hub

    async def started(app: web.Application) -> None:
        hub.loop = asyncio.get_running_loop()

    async def stopping(app: web.Application) -> None:
        await hub.disconnect_all(WSCloseCode.GOING_AWAY, b"server stopped")

    app.on_startup.append(started)
    app.on_shutdown.append(stopping)
    app.on_response_prepare.append(_headers)
    r = app.router
    r.add_get("/", page)
    r.add_get("/j/{code}", page)
    r.add_get("/favicon.ico", icon)
    r.add_get("/api/strings", strings)
    r.add_post("/api/join", join)
    r.add_get("/api/state", state)
    r.add_post("/api/polls/{poll_id}/answer", answer)
    r.add_post("/api/questions", ask)
    r.add_post("/api/questions/{question_id}/vote", vote)
    r.add_post("/api/evaluations/{evaluation_id}", evaluate)
    r.add_get("/api/live", live)
    r.add_get("/t/{team_id}", team_page)
    r.add_get("/j/{code}/t/{team_id}", team_page)
    r.add_get("/api/team/live", hub.worksheets.serve)
    r.add_get("/r/", rapporteur_page)
    r.add_get("/r/{key}", rapporteur_page)
    r.add_get("/api/rapporteur/state", hub.rapporteurs.state)
    r.add_post("/api/rapporteur/notes", hub.rapporteurs.notes)
    r.add_get("/api/rapporteur/live", hub.rapporteurs.live)
    r.add_static("/static/", STATIC, follow_symlinks=False)
    r.add_static("/fonts/", FONTS, follow_symlinks=False)
    return app
