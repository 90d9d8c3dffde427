"""Team worksheets over the venue Wi-Fi, through aiohttp's test client: devices of a team
sync and merge their edits of one answer (pycrdt on both ends here, Yjs in the browser), the
laptop acknowledges an edit only once it is in the file, and the text lands in the worksheet
note that Capture's grid shows."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient
from pycrdt import Doc, Text

from facilitator.domain.venue import MAX_ANSWER
from facilitator.store.database import Workshop
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_WORKSHEET
from facilitator.venue.worksheets import NO_TEAM, AnswerDoc, seed_update
from tests.venue.phones import Venue, join

ROUND = "rnd_demo0"  # the demo's first group exercise: four teams, six prompts


def open_worksheet(ws: Workshop, round_id: str | None = ROUND) -> None:
    ws.info.set_setting(SETTING_WORKSHEET, round_id or "")


class Device:
    """A team device as the page is: a Yjs document per prompt, synced over one socket."""

    def __init__(self, client: TestClient, headers: dict[str, str], team: str) -> None:
        self.client, self.headers, self.team = client, headers, team
        self.docs: dict[str, Doc] = {}
        self.seq = 0
        self.acked = 0
        self.sheet: dict[str, Any] = {}
        self.sock: Any = None
        self.closed: int | None = None

    def doc(self, prompt: str) -> Doc:
        if prompt not in self.docs:
            self.docs[prompt] = Doc()
            self.docs[prompt].get("answer", type=Text)
        return self.docs[prompt]

    def text(self, prompt: str) -> str:
        return str(self.doc(prompt).get("answer", type=Text))

    async def connect(self) -> None:
        self.sock = await self.client.ws_connect("/api/team/live")
        token = self.headers["Authorization"][7:]
        await self.sock.send_str(json.dumps({"token": token, "team": self.team}))
        first = await self.sock.receive(timeout=5)
        if first.type != WSMsgType.TEXT:
            self.closed = self.sock.close_code
            return
        self.sheet = json.loads(first.data)
        for p in self.sheet["prompts"]:
            sv = base64.b64encode(self.doc(p["id"]).get_state()).decode()
            await self.sock.send_str(json.dumps({"type": "sync", "prompt": p["id"], "sv": sv}))
        for _ in self.sheet["prompts"]:
            await self.handle(await self.sock.receive(timeout=5))

    async def handle(self, msg: Any) -> dict[str, Any]:
        assert msg.type == WSMsgType.TEXT, msg
        m = json.loads(msg.data)
        if m["type"] in ("sync", "update"):
            self.doc(m["prompt"]).apply_update(base64.b64decode(m["update"]))
        if m["type"] == "sync":
            missing = self.doc(m["prompt"]).get_update(base64.b64decode(m["sv"]))
            if len(missing) > 2:
                await self.send_update(m["prompt"], missing)
        if m["type"] == "ack":
            self.acked = max(self.acked, m["seq"])
        if m["type"] == "reset":  # as the page does: a new document from the laptop's
            self.docs[m["prompt"]] = Doc()
            self.doc(m["prompt"]).apply_update(base64.b64decode(m["update"]))
        return m

    async def send_update(self, prompt: str, update: bytes) -> None:
        self.seq += 1
        await self.sock.send_str(
            json.dumps(
                {
                    "type": "update",
                    "prompt": prompt,
                    "update": base64.b64encode(update).decode(),
                    "seq": self.seq,
                }
            )
        )

    async def type(self, prompt: str, at: int, text: str) -> None:
        doc = self.doc(prompt)
        before = doc.get_state()
        doc.get("answer", type=Text).insert(at, text)
        await self.send_update(prompt, doc.get_update(before))

    async def until(self, cond: Any, timeout: float = 5) -> None:
        async def loop() -> None:
            while not cond():
                await self.handle(await self.sock.receive(timeout=timeout))

        await asyncio.wait_for(loop(), timeout)


def prompts(ws: Workshop) -> list[str]:
    return [p["id"] for p in ws.notes.prompts("exe_demo0")]


def answer_notes(ws: Workshop, team: str, prompt: str) -> list[dict[str, Any]]:
    return [r for r in ws.notes.answers([prompt]) if r["team_id"] == team]


def test_the_join_page_state_lists_the_teams_of_the_open_round_and_no_members(
    venue: Venue,
) -> None:
    open_worksheet(venue.ws)

    async def scenario(client: TestClient) -> dict[str, Any]:
        headers = await join(client, venue.code)
        r = await client.get("/api/state", headers=headers)
        return await r.json()

    state = venue.run(scenario)["state"]
    teams = state["worksheet"]["teams"]
    assert [t["name"] for t in teams] == ["Team 1", "Team 2", "Team 3", "Team 4"]
    names = {p["name"] for p in venue.ws.notes.people()}
    text = json.dumps(state)
    assert not any(n in text for n in names)  # no roster for a participant


def test_two_devices_of_a_team_merge_concurrent_edits_and_the_note_holds_the_text(
    venue: Venue,
) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[1]["id"]
    prompt = prompts(ws)[2]
    had = answer_notes(ws, team, prompt)

    async def scenario(client: TestClient) -> tuple[str, str]:
        a = Device(client, await join(client, venue.code), team)
        b = Device(client, await join(client, venue.code), team)
        await a.connect()
        await b.connect()
        start = a.text(prompt)
        assert start == b.text(prompt)
        # Both type at the same place before either has seen the other's edit.
        await a.type(prompt, len(start), " radio")
        await b.type(prompt, len(start), " posters")
        await a.until(lambda: "posters" in a.text(prompt) and a.acked >= 1)
        await b.until(lambda: "radio" in b.text(prompt) and b.acked >= 1)
        return a.text(prompt), b.text(prompt)

    text_a, text_b = venue.run(scenario)
    assert text_a == text_b
    assert "radio" in text_a and "posters" in text_a
    notes = answer_notes(ws, team, prompt)
    assert len(notes) == len(had) or len(had) > 1
    assert any(n["text"] == text_a.strip() for n in notes)
    doc = ws.venue.answer_docs([team])[(team, prompt)]
    assert doc["text"] == text_a
    replay = Doc()
    replay.apply_update(bytes(doc["state"]))
    assert str(replay.get("answer", type=Text)) == text_a


def test_an_answer_typed_in_capture_before_becomes_the_start_of_the_document(
    venue: Venue,
) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[0]["id"]
    cells = ws.venue.seed_notes([team])
    (cell, note) = next(iter(cells.items()))
    assert cell[0] == team

    async def scenario(client: TestClient) -> str:
        d = Device(client, await join(client, venue.code), team)
        await d.connect()
        before = d.text(cell[1])
        await d.type(cell[1], len(before), " (agreed)")
        await d.until(lambda: d.acked >= 1)
        return d.text(cell[1])

    text = venue.run(scenario)
    assert text == note["text"] + " (agreed)"
    after = answer_notes(ws, team, cell[1])
    assert [n["id"] for n in after] == [note["id"]]  # the same note, not a second answer
    assert after[0]["text"] == text
    # Made again after a restart, the seed is the very same Yjs update: merged as one.
    assert seed_update(cell, note["text"]) == seed_update(cell, note["text"])


def test_the_capture_grid_gets_the_answer_through_changes(venue: Venue) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[3]["id"]
    prompt = prompts(ws)[5]
    seen: list[Any] = []
    ws.hub.changed.connect(seen.append)

    async def scenario(client: TestClient) -> None:
        d = Device(client, await join(client, venue.code), team)
        await d.connect()
        await d.type(prompt, len(d.text(prompt)), "Count the calls to the hotline")
        await d.until(lambda: d.acked >= 1)

    venue.run(scenario)
    notes = answer_notes(ws, team, prompt)
    ids = {n["id"] for n in notes if "hotline" in n["text"]}
    assert len(ids) == 1
    assert any(c.touches(Table.NOTES) and ids <= (c.ids(Table.NOTES) or set()) for c in seen)


def test_a_team_page_is_refused_without_an_open_worksheet_or_for_another_round(
    venue: Venue,
) -> None:
    ws = venue.ws
    other_team = ws.notes.teams_for_exercise("exe_demo1")[0]["id"]
    team = ws.notes.teams_for_exercise("exe_demo0")[0]["id"]

    async def scenario(client: TestClient) -> list[int | None]:
        headers = await join(client, venue.code)
        out = []
        d = Device(client, headers, team)
        await d.connect()
        out.append(d.closed)
        open_worksheet(ws)
        await asyncio.sleep(0.01)
        d = Device(client, headers, other_team)
        await d.connect()
        out.append(d.closed)
        bad = Device(client, {"Authorization": "Bearer " + "x" * 40}, team)
        await bad.connect()
        out.append(bad.closed)
        return out

    assert venue.run(scenario) == [NO_TEAM, NO_TEAM, 4001]


def test_closing_the_worksheet_tells_the_team_page(venue: Venue) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[0]["id"]

    async def scenario(client: TestClient) -> int | None:
        d = Device(client, await join(client, venue.code), team)
        await d.connect()
        open_worksheet(ws, None)
        msg = await d.sock.receive(timeout=5)
        assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        return d.sock.close_code

    assert venue.run(scenario) == NO_TEAM


def test_bad_updates_are_refused_and_nothing_is_stored(venue: Venue) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[0]["id"]
    prompt = prompts(ws)[0]

    async def scenario(client: TestClient) -> list[str]:
        d = Device(client, await join(client, venue.code), team)
        await d.connect()
        out = []
        for message in (
            {"type": "update", "prompt": prompt, "update": "%%%", "seq": 1},
            {
                "type": "update",
                "prompt": prompt,
                "update": base64.b64encode(b"junk").decode(),
                "seq": 2,
            },
            {"type": "update", "prompt": "pro_nope", "update": "", "seq": 3},
        ):
            await d.sock.send_str(json.dumps(message))
            out.append((await d.handle(await d.sock.receive(timeout=5)))["error"])
        return out

    assert venue.run(scenario) == ["bad_update", "bad_update", "no_prompt"]
    assert ws.venue.answer_docs([team]) == {}


def test_a_note_follows_its_answer_within_a_second_and_catches_up_after_a_stop(
    venue: Venue,
) -> None:
    ws = venue.ws
    open_worksheet(ws, "rnd_demo1")
    team = ws.notes.teams_for_exercise("exe_demo1")[0]["id"]
    prompt = ws.notes.prompts("exe_demo1")[1]["id"]

    def note_text() -> str | None:
        found = answer_notes(ws, team, prompt)
        return found[0]["text"] if found else None

    async def scenario(client: TestClient) -> list[str | None]:
        d = Device(client, await join(client, venue.code), team)
        await d.connect()
        seen = []
        await d.type(prompt, 0, "First")
        await d.until(lambda: d.acked >= 1)
        seen.append(note_text())  # a new answer's note comes at once
        for i, word in enumerate((" second", " third")):
            await d.type(prompt, len(d.text(prompt)), word)
            await d.until(lambda i=i: d.acked >= i + 2)
        seen.append(note_text())  # within the second: the document only
        await asyncio.sleep(1.4)
        seen.append(note_text())  # typing stopped: the note caught up
        return seen

    first, soon, settled = venue.run(scenario)
    assert first == "First"
    assert soon in ("First", "First second", "First second third")
    assert settled == "First second third"
    assert venue.hub.worksheets.idle
    # A server that stopped before catching up: the next start (or the stop) mends it.
    doc = ws.venue.answer_docs([team])[(team, prompt)]
    ws.db.execute("UPDATE notes SET text = 'stale' WHERE id = ?", [doc["note_id"]])
    assert ws.venue.mirror_answer_notes() == [doc["note_id"]]
    assert note_text() == "First second third"


def test_an_edit_that_would_make_an_answer_too_long_is_refused_and_the_device_shown_the_laptops(
    venue: Venue,
) -> None:
    ws = venue.ws
    open_worksheet(ws)
    team = ws.notes.teams_for_exercise("exe_demo0")[3]["id"]
    prompt = prompts(ws)[1]
    long_a, long_b = "A" * 12_000, "B" * 12_000

    async def scenario(client: TestClient) -> tuple[str, str, list[str], str]:
        a = Device(client, await join(client, venue.code), team)
        b = Device(client, await join(client, venue.code), team)
        await a.connect()
        await b.connect()
        start = a.text(prompt)
        # both typed offline; together the answer would pass its 20,000 characters
        await a.type(prompt, len(start), long_a)
        await a.until(lambda: a.acked >= 1)
        seen: list[str] = []
        await b.type(prompt, len(start), long_b)

        async def watch() -> None:
            while b.acked < 1:
                seen.append((await b.handle(await b.sock.receive(timeout=5)))["type"])

        await asyncio.wait_for(watch(), 5)
        # b now shows what the laptop holds, and edits from there as usual: cutting works
        refused = b.text(prompt)
        doc = b.doc(prompt)
        before = doc.get_state()
        del doc.get("answer", type=Text)[len(start) : len(start) + 11_000]
        await b.send_update(prompt, doc.get_update(before))
        await b.until(lambda: b.acked >= 2)
        await a.until(lambda: len(a.text(prompt)) == len(start) + 1_000)
        return refused, b.text(prompt), seen, a.text(prompt)

    refused, after, seen, on_a = venue.run(scenario)
    start = on_a[: len(on_a) - 1_000]
    assert "error" in seen and "reset" in seen and "ack" in seen
    assert refused == start + long_a  # not the refused "B"s
    assert after == on_a == start + "A" * 1_000
    stored = ws.venue.answer_docs([team])[(team, prompt)]
    assert stored["text"] == after


def test_an_answer_over_its_limit_can_always_be_cut_but_not_grown() -> None:
    # an answer stored longer than the limit (typed in Capture, or by an older version)
    d = AnswerDoc()
    source = Doc()
    text = source.get("answer", type=Text)
    text.insert(0, "x" * (MAX_ANSWER + 5_000))
    d.doc.apply_update(source.get_update())
    assert len(d.text) == MAX_ANSWER + 5_000

    before = source.get_state()
    text.insert(0, "more ")
    assert d.merge(source.get_update(before)) is False
    assert len(d.text) == MAX_ANSWER + 5_000  # nothing merged

    cutter = Doc()
    cutter.apply_update(d.doc.get_update())
    cut = cutter.get("answer", type=Text)
    before = cutter.get_state()
    del cut[0:10_000]
    assert d.merge(cutter.get_update(before)) is True
    assert len(d.text) == MAX_ANSWER - 5_000
    assert d.merge(b"junk") is None
