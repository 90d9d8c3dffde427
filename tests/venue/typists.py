"""Teams typing together, simulated: used by the load test and ``bench/venue_teams.py``.

Every device is an aiohttp client from its own loopback address (127.0.2.x) with the team
page's protocol: join, open ``/api/team/live``, sync each prompt, then type. A device keeps a
pycrdt document per prompt, as the browser keeps a Yjs one, and types one character at a
time at a random place in the answer as it sees it (its teammates' edits keep arriving).
Each device types its own character (one code point per device), so afterwards every
keystroke can be counted in the merged text: nothing lost, nothing doubled.
Only 127.0.0.0/8 is used; every loop is bounded in time and stops by itself.
"""

from __future__ import annotations

import asyncio
import base64
import json
import random
import statistics
import time
from dataclasses import dataclass, field

import aiohttp
from pycrdt import Doc, Text

from facilitator.store.database import Workshop
from facilitator.store.tables import Table

FIRST_CHAR = 0x4E00  # device k types chr(FIRST_CHAR + k): CJK ideographs, one per device


def source(i: int) -> str:
    return f"127.0.{2 + i // 250}.{1 + i % 250}"


def device_char(k: int) -> str:
    return chr(FIRST_CHAR + k)


def make_round(ws: Workshop, teams: int, prompts: int) -> tuple[str, list[str], list[str]]:
    """An exercise with ``prompts`` prompts and a round of ``teams`` empty teams; opened for
    the teams' devices. Returns (round id, team ids, prompt ids)."""
    session = ws.notes.sessions()[0]["id"]
    exercise = ws.rows.insert(Table.EXERCISES, {"session_id": session, "title": "Load"}, "exe")
    prompt_ids = [
        ws.rows.insert(
            Table.EXERCISE_PROMPTS,
            {"exercise_id": exercise, "position": i, "text": f"Prompt {i + 1}"},
            "pro",
        )
        for i in range(prompts)
    ]
    team_set = ws.rows.insert(
        Table.TEAM_SETS, {"exercise_id": exercise, "title": "Load teams"}, "tms"
    )
    round_id = ws.rows.insert(
        Table.ROUNDS, {"team_set_id": team_set, "title": "Round 1", "session_id": session}, "rnd"
    )
    team_ids = [
        ws.rows.insert(
            Table.TEAMS, {"round_id": round_id, "name": f"Team {i + 1}", "position": i}, "tea"
        )
        for i in range(teams)
    ]
    ws.info.set_setting("venue.worksheet_round", round_id)
    return round_id, team_ids, prompt_ids


@dataclass
class Typist:
    index: int
    team: str
    prompt: str
    typed: int = 0
    acked_seq: int = 0
    seq: int = 0
    latencies: list[float] = field(default_factory=list)  # a teammate's keystroke seen here


@dataclass
class Outcome:
    typists: list[Typist]
    texts: dict[tuple[str, str], str]  # what each device sees at the end, by (team, prompt)
    converged: bool
    elapsed: float
    unacked: int

    @property
    def keystrokes(self) -> int:
        return sum(t.typed for t in self.typists)

    def latency(self, q: float) -> float:
        values = sorted(v for t in self.typists for v in t.latencies)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(q * len(values)))]

    def median_latency(self) -> float:
        values = [v for t in self.typists for v in t.latencies]
        return statistics.median(values) if values else float("nan")


async def crowd(
    base: str,
    code: str,
    teams: list[str],
    prompts: list[str],
    per_team: int = 3,
    seconds: float = 10.0,
    rate: float = 4.0,
    seed: int = 7,
) -> Outcome:
    """``per_team`` devices on each team type at ``rate`` characters a second each for
    ``seconds``, all of a team's devices into the same prompt (the hardest case), then wait
    until every device has been told its keystrokes are stored and sees the same text."""
    rng = random.Random(seed)
    typists = [
        Typist(t * per_team + d, team, prompts[t % len(prompts)])
        for t, team in enumerate(teams)
        for d in range(per_team)
    ]
    sessions = [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(source(ty.index), 0), limit=2),
            timeout=aiohttp.ClientTimeout(total=60),
        )
        for ty in typists
    ]
    sockets: list[aiohttp.ClientWebSocketResponse] = []
    docs: list[dict[str, Doc]] = [{p: _doc() for p in prompts} for _ in typists]
    sent_at: dict[tuple[int, int], float] = {}  # (device, n-th keystroke) → when typed
    stop_at = 0.0
    try:
        gate = asyncio.Semaphore(40)

        async def connect(ty: Typist, s: aiohttp.ClientSession) -> None:
            async with gate:
                r = await s.post(f"{base}/api/join", json={"code": code})
                assert r.status == 201, await r.text()
                token = (await r.json())["token"]
                sock = await s.ws_connect(f"{base}/api/team/live", max_msg_size=0)
                await sock.send_str(json.dumps({"token": token, "team": ty.team}))
                first = json.loads((await sock.receive(timeout=20)).data)
                assert first["type"] == "worksheet", first
                for p in first["prompts"]:
                    sv = _b64(docs[ty.index][p["id"]].get_state())
                    await sock.send_str(json.dumps({"type": "sync", "prompt": p["id"], "sv": sv}))
                sockets.append(sock)
                ty_sockets[ty.index] = sock

        ty_sockets: dict[int, aiohttp.ClientWebSocketResponse] = {}
        await asyncio.gather(*(connect(ty, s) for ty, s in zip(typists, sessions, strict=True)))

        async def listen(ty: Typist) -> None:
            sock = ty_sockets[ty.index]
            mine = docs[ty.index]
            async for msg in sock:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    break
                m = json.loads(msg.data)
                if m["type"] in ("sync", "update"):
                    doc = mine[m["prompt"]]
                    before = str(doc.get("answer", type=Text))
                    doc.apply_update(base64.b64decode(m["update"]))
                    if m["type"] == "update":
                        now = time.monotonic()
                        after = str(doc.get("answer", type=Text))
                        for ch in set(after) - {" "}:
                            k = ord(ch) - FIRST_CHAR
                            n = after.count(ch)
                            if 0 <= k < len(typists) and n > before.count(ch):
                                t0 = sent_at.get((k, n))
                                if t0 is not None:
                                    ty.latencies.append(now - t0)
                elif m["type"] == "ack":
                    ty.acked_seq = max(ty.acked_seq, m["seq"])

        listeners = [asyncio.ensure_future(listen(ty)) for ty in typists]
        await asyncio.sleep(0.5)  # the syncs are answered

        async def type_for(ty: Typist) -> None:
            sock = ty_sockets[ty.index]
            doc = docs[ty.index][ty.prompt]
            text = doc.get("answer", type=Text)
            ch = device_char(ty.index)
            await asyncio.sleep(rng.random() / rate)
            while time.monotonic() < stop_at:
                before = doc.get_state()
                now_text = str(text)
                at = rng.randint(0, len(now_text))  # pycrdt counts UTF-8 bytes, not characters
                text.insert(len(now_text[:at].encode("utf-8")), ch)
                ty.typed += 1
                sent_at[(ty.index, ty.typed)] = time.monotonic()
                ty.seq += 1
                await sock.send_str(
                    json.dumps(
                        {
                            "type": "update",
                            "prompt": ty.prompt,
                            "update": _b64(doc.get_update(before)),
                            "seq": ty.seq,
                        }
                    )
                )
                await asyncio.sleep(rng.expovariate(rate))

        start = time.monotonic()
        stop_at = start + seconds
        await asyncio.gather(*(type_for(ty) for ty in typists))
        elapsed = time.monotonic() - start

        def texts_now() -> dict[tuple[str, str], set[str]]:
            seen: dict[tuple[str, str], set[str]] = {}
            for ty in typists:
                t = str(docs[ty.index][ty.prompt].get("answer", type=Text))
                seen.setdefault((ty.team, ty.prompt), set()).add(t)
            return seen

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done = all(ty.acked_seq >= ty.seq for ty in typists)
            if done and all(len(v) == 1 for v in texts_now().values()):
                break
            await asyncio.sleep(0.1)
        seen = texts_now()
        converged = all(len(v) == 1 for v in seen.values())
        unacked = sum(1 for ty in typists if ty.acked_seq < ty.seq)
        for fut in listeners:
            fut.cancel()
        return Outcome(
            typists,
            {cell: next(iter(v)) for cell, v in seen.items()},
            converged,
            elapsed,
            unacked,
        )
    finally:
        for sock in sockets:
            await sock.close()
        for s in sessions:
            await s.close()


def _doc() -> Doc:
    d = Doc()
    d.get("answer", type=Text)
    return d


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check(outcome: Outcome, stored: dict[tuple[str, str], str]) -> list[str]:
    """What is wrong: a device's keystrokes missing or doubled, on a device or in the file."""
    problems = []
    for ty in outcome.typists:
        ch = device_char(ty.index)
        cell = (ty.team, ty.prompt)
        on_devices = outcome.texts[cell].count(ch)
        in_file = stored.get(cell, "").count(ch)
        if on_devices != ty.typed or in_file != ty.typed:
            problems.append(
                f"device {ty.index} typed {ty.typed}, devices show {on_devices}, "
                f"the file has {in_file}"
            )
    return problems
