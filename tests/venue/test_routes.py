"""Every route of the venue server through aiohttp's test client: what a phone may do, and
what it is refused (bad input, oversize bodies, wrong or missing code and token, replays)."""

from __future__ import annotations

import json
import re

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient

from facilitator.store.tables import Table
from facilitator.venue.limits import Limits, Rule
from tests.venue.phones import Venue, add_evaluation, add_poll, join, make_venue

# -- pages ---------------------------------------------------------------------------------------


def test_pages_carry_strict_security_headers_and_no_external_host(venue: Venue) -> None:
    async def scenario(client: TestClient) -> dict[str, tuple[int, dict[str, str], bytes]]:
        out = {}
        for path in (
            "/",
            f"/j/{venue.code}",
            "/static/app.js",
            "/static/style.css",
            "/api/strings",
            "/fonts/NotoSansThai-Regular.ttf",
        ):
            r = await client.get(path)
            out[path] = (r.status, dict(r.headers), await r.read())
        return out

    got = venue.run(scenario)
    for path, (status, headers, body) in got.items():
        assert status == 200, path
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        if not path.startswith("/fonts/"):
            assert not re.search(r"https?://", body.decode("utf-8")), path  # more: no_external_host
    assert got["/"][2] == got[f"/j/{venue.code}"][2]
    assert got["/"][1]["Cache-Control"] == "no-store"
    assert got["/fonts/NotoSansThai-Regular.ttf"][2][:4] == b"\x00\x01\x00\x00"


def test_strings_follow_the_phones_language(venue: Venue) -> None:
    async def scenario(client: TestClient) -> list[dict]:
        out = []
        for lang in ("fr-CH, fr;q=0.9, en;q=0.5", "xx, en;q=0.1", ""):
            r = await client.get("/api/strings", headers={"Accept-Language": lang})
            out.append(await r.json())
        return out

    fr, other, plain = venue.run(scenario)
    assert fr["lang"] == "fr" and fr["strings"]["join_button"] == "Rejoindre"
    assert other["lang"] == "en" and other["strings"]["join_button"] == "Join"
    assert plain["lang"] == "en"
    assert set(fr["strings"]) == set(plain["strings"])


def test_unknown_routes_and_methods_answer_json(venue: Venue) -> None:
    async def scenario(client: TestClient) -> list[tuple[int, dict]]:
        a = await client.get("/api/nothing")
        b = await client.get("/api/join")
        c = await client.get("/static/../../pyproject.toml")
        return [(a.status, await a.json()), (b.status, await b.json()), (c.status, {})]

    (s1, j1), (s2, j2), (s3, _) = venue.run(scenario)
    assert (s1, j1["error"]) == (404, "not_found")
    assert (s2, j2["error"]) == (405, "method_not_allowed")
    assert s3 in (403, 404)


def test_a_request_for_another_host_name_is_refused(venue: Venue) -> None:
    async def scenario(client: TestClient) -> tuple[int, dict]:
        r = await client.get("/api/strings", headers={"Host": "evil.example:80"})
        return r.status, await r.json()

    status, body = venue.run(scenario)
    assert status == 421 and body["error"] == "wrong_host"


# -- joining -------------------------------------------------------------------------------------


def test_joining_needs_the_code_and_gives_a_token(venue: Venue) -> None:
    code = venue.code
    typed = code[:3].lower() + "-" + code[3:].lower()

    async def scenario(client: TestClient) -> list[tuple[int, dict]]:
        out = []
        for body in ({"code": "WRONG1"}, {}, {"code": 12}, {"code": typed}):
            r = await client.post("/api/join", json=body)
            out.append((r.status, await r.json()))
        return out

    wrong, missing, number, right = venue.run(scenario)
    for status, body in (wrong, missing, number):
        assert status == 403 and body["error"] == "wrong_code"
    assert right[0] == 201 and len(right[1]["token"]) >= 40
    assert venue.ws.venue.device_count() == 1
    stored = venue.ws.rows.get(Table.VENUE_DEVICES, next(iter(venue.hub.snapshot.devices.values())))
    assert stored is not None and right[1]["token"] not in json.dumps(stored)


def test_guessing_codes_is_stopped(venue: Venue) -> None:
    async def scenario(client: TestClient) -> list[tuple[int, str | None]]:
        out = []
        for i in range(8):
            r = await client.post("/api/join", json={"code": f"GUESS{i}"})
            out.append((r.status, r.headers.get("Retry-After")))
        r = await client.post("/api/join", json={"code": venue.code})
        out.append((r.status, None))
        return out

    got = venue.run(scenario)
    assert [s for s, _ in got[:5]] == [403] * 5
    assert all(s == 429 and int(after or 0) >= 1 for s, after in got[5:8])
    assert got[8][0] == 201  # the right code still works: only wrong ones are limited


def test_a_rotated_code_stops_new_joins_but_keeps_phones_in(venue: Venue) -> None:
    old = venue.code

    async def scenario(client: TestClient) -> list[int]:
        headers = await join(client, old)
        venue.ws.venue.rotate_code()
        a = await client.post("/api/join", json={"code": old})
        b = await client.post("/api/join", json={"code": venue.code})
        c = await client.get("/api/state", headers=headers)
        return [a.status, b.status, c.status]

    assert venue.run(scenario) == [403, 201, 200]
    assert venue.code != old


def test_named_mode_asks_for_a_name(venue: Venue) -> None:
    venue.ws.info.set_setting("venue.named", True)

    async def scenario(client: TestClient) -> tuple[int, dict, dict]:
        r = await client.post("/api/join", json={"code": venue.code})
        headers = await join(client, venue.code, name="  Aigerim   Bekova ")
        q = await client.post("/api/questions", json={"text": "When?"}, headers=headers)
        assert q.status == 201
        s = await client.get("/api/state", headers=headers)
        return r.status, await r.json(), await s.json()

    status, body, state = venue.run(scenario)
    assert status == 422 and body["field"] == "name"
    assert state["state"]["qa"]["questions"][0]["author"] == "Aigerim Bekova"
    note = venue.ws.notes.notes_for(venue.session_id)[-1]
    assert (note["kind"], note["attribution_text"]) == ("question", "Aigerim Bekova")


# -- tokens --------------------------------------------------------------------------------------


def test_the_api_needs_a_known_token(venue: Venue) -> None:
    pid = add_poll(venue.ws, venue.session_id, "single", ["A", "B"])

    async def scenario(client: TestClient) -> list[tuple[int, str]]:
        out = []
        for headers in (
            {},
            {"Authorization": "Bearer short"},
            {"Authorization": "Bearer " + "x" * 43},
            {"Authorization": "Basic abc"},
        ):
            for method, path, body in (
                ("GET", "/api/state", None),
                ("POST", f"/api/polls/{pid}/answer", {"answer": "x"}),
                ("POST", "/api/questions", {"text": "Hi"}),
            ):
                r = await client.request(method, path, json=body, headers=headers)
                out.append((r.status, (await r.json())["error"]))
        return out

    got = venue.run(scenario)
    assert {s for s, _ in got} == {401}
    assert {e for _, e in got} <= {"no_token", "bad_token", "unknown_token"}
    assert venue.ws.venue.answer_counts() == {}


def test_a_phone_sees_the_open_poll_and_nothing_private(venue: Venue) -> None:
    add_poll(venue.ws, venue.session_id, "single", ["Funding", "Youth"], "Which first?")
    names = [p["name"] for p in venue.ws.people.people()]
    notes = [
        n["text"] for s in venue.ws.notes.sessions() for n in venue.ws.notes.notes_for(s["id"])
    ]

    async def scenario(client: TestClient) -> str:
        headers = await join(client, venue.code)
        r = await client.get("/api/state", headers=headers)
        return await r.text()

    text = venue.run(scenario)
    state = json.loads(text)["state"]
    assert state["poll"]["question"] == "Which first?"
    assert [o["text"] for o in state["poll"]["options"]] == ["Funding", "Youth"]
    assert state["poll"]["results"] is None  # hidden until revealed
    assert names and not any(n in text for n in names)
    assert notes and not any(n in text for n in notes if len(n) > 12)
    assert "token" not in text and "device" not in text


# -- answers -------------------------------------------------------------------------------------


def test_every_kind_of_poll_takes_a_valid_answer_once(venue: Venue) -> None:
    ws = venue.ws
    cases = {
        "single": (["A", "B", "C"], lambda o: o[1], {}),
        "multiple": (["A", "B", "C"], lambda o: [o[0], o[2]], {"max_choices": 2}),
        "scale": ([], lambda o: 4, {"scale_max": 5}),
        "words": ([], lambda o: ["Trust", "youth"], {}),
        "ranking": (["A", "B", "C"], lambda o: [o[2], o[0], o[1]], {}),
        "dots": (["R1", "R2", "R3"], lambda o: {o[0]: 2, o[2]: 1}, {"dots": 3}),
    }
    for kind, (options, make, extra) in cases.items():
        pid = add_poll(ws, venue.session_id, kind, options, **extra)
        option_ids = [o["id"] for o in ws.venue.options(pid)]
        answer = make(option_ids)

        async def scenario(client: TestClient, pid: str = pid, answer: object = answer) -> list:
            headers = await join(client, venue.code)
            first = await client.post(
                f"/api/polls/{pid}/answer", json={"answer": answer}, headers=headers
            )
            again = await client.post(
                f"/api/polls/{pid}/answer", json={"answer": answer}, headers=headers
            )
            return [first.status, again.status, await again.json()]

        first, again, body = venue.run(scenario)
        assert (first, again, body["replay"]) == (201, 200, True), kind
        assert len(ws.venue.values(pid)) == 1, kind


def test_a_different_second_answer_is_refused_and_the_first_kept(venue: Venue) -> None:
    pid = add_poll(venue.ws, venue.session_id, "single", ["A", "B"])
    a, b = [o["id"] for o in venue.ws.venue.options(pid)]

    async def scenario(client: TestClient) -> tuple[int, dict]:
        headers = await join(client, venue.code)
        await client.post(f"/api/polls/{pid}/answer", json={"answer": a}, headers=headers)
        r = await client.post(f"/api/polls/{pid}/answer", json={"answer": b}, headers=headers)
        return r.status, await r.json()

    status, body = venue.run(scenario)
    assert (status, body["error"]) == (409, "already_answered")
    assert venue.ws.venue.values(pid) == [a]


def test_bad_answers_get_a_clear_4xx_and_change_nothing(venue: Venue) -> None:
    ws = venue.ws
    single = add_poll(ws, venue.session_id, "single", ["A", "B"], open_it=False)
    scale = add_poll(ws, venue.session_id, "scale", [], open_it=False, scale_max=5)
    dots = add_poll(ws, venue.session_id, "dots", ["R1", "R2"], open_it=False, dots=3)
    ranking = add_poll(ws, venue.session_id, "ranking", ["A", "B", "C"], open_it=False)
    words = add_poll(ws, venue.session_id, "words", [], open_it=False)
    bad = {
        single: [None, "nope", ["x"], 3, {"a": 1}],
        scale: [0, 6, 2.5, "4", True, None],
        dots: [{}, {"zz": 1}, {"x": -1}, [1], "all"],
        ranking: [[], ["a"], "A", None],
        words: [[], "", ["x" * 31], ["a", "b", "c", "d"], [1, 2], "   "],
    }
    for pid, values in bad.items():
        ws.venue.set_poll_state(pid, "open")
        opts = [o["id"] for o in ws.venue.options(pid)]
        if pid == dots:
            values += [{opts[0]: 4}, {opts[0]: 2, opts[1]: 2}, {opts[0]: 0}]
        if pid == ranking:
            values += [[opts[0], opts[0], opts[1]], opts[:2]]

        async def scenario(client: TestClient, pid: str = pid, values: list = values) -> list:
            headers = await join(client, venue.code)
            out = []
            for v in values:
                r = await client.post(
                    f"/api/polls/{pid}/answer", json={"answer": v}, headers=headers
                )
                body = await r.json()
                out.append((r.status, body["error"], body["message"]))
            r = await client.post(f"/api/polls/{pid}/answer", json={}, headers=headers)
            out.append((r.status, (await r.json())["error"], ""))
            return out

        for status, error, text in venue.run(scenario):
            assert (status, error) == (422, "invalid"), (pid, text)
        assert ws.venue.values(pid) == []


def test_closed_and_unknown_polls_refuse_answers(venue: Venue) -> None:
    pid = add_poll(venue.ws, venue.session_id, "single", ["A", "B"])
    a = venue.ws.venue.options(pid)[0]["id"]

    async def scenario(client: TestClient) -> list[tuple[int, str]]:
        headers = await join(client, venue.code)
        unknown = await client.post(
            "/api/polls/pol_nope/answer", json={"answer": a}, headers=headers
        )
        venue.ws.venue.set_poll_fields(pid, {"revealed": 1})
        venue.ws.venue.set_poll_state(pid, "closed")
        closed = await client.post(f"/api/polls/{pid}/answer", json={"answer": a}, headers=headers)
        return [
            (unknown.status, (await unknown.json())["error"]),
            (closed.status, (await closed.json())["error"]),
        ]

    assert venue.run(scenario) == [(404, "no_poll"), (409, "poll_closed")]


def test_results_reach_phones_only_when_revealed(venue: Venue) -> None:
    pid = add_poll(venue.ws, venue.session_id, "single", ["A", "B"])
    a = venue.ws.venue.options(pid)[0]["id"]

    async def scenario(client: TestClient) -> list:
        headers = await join(client, venue.code)
        await client.post(f"/api/polls/{pid}/answer", json={"answer": a}, headers=headers)
        hidden = (await (await client.get("/api/state", headers=headers)).json())["state"]
        venue.ws.venue.set_poll_fields(pid, {"revealed": 1})
        shown = (await (await client.get("/api/state", headers=headers)).json())["state"]
        return [hidden, shown]

    hidden, shown = venue.run(scenario)
    assert hidden["poll"]["results"] is None
    bars = shown["poll"]["results"]["bars"]
    assert [(b["label"], b["value"]) for b in bars] == [("A", 1), ("B", 0)]


# -- request limits ------------------------------------------------------------------------------


def test_oversize_and_malformed_bodies_are_refused(venue: Venue) -> None:
    pid = add_poll(venue.ws, venue.session_id, "words", [])

    async def scenario(client: TestClient) -> list[tuple[int, str]]:
        headers = await join(client, venue.code)
        url = f"/api/polls/{pid}/answer"
        big = json.dumps({"answer": ["x" * 20_000]})
        out = []
        for data, ctype in (
            (big, "application/json"),
            ("{not json", "application/json"),
            ('["answer"]', "application/json"),
            ("answer=x", "application/x-www-form-urlencoded"),
            (b"\xff\xfe{}", "application/json"),
        ):
            r = await client.post(url, data=data, headers={**headers, "Content-Type": ctype})
            out.append((r.status, (await r.json())["error"]))
        chunks = await client.post(
            "/api/join",
            data=_chunks(b'{"code": "' + b"A" * 40_000 + b'"}'),
            headers={"Content-Type": "application/json"},
        )
        out.append((chunks.status, (await chunks.json())["error"]))
        return out

    assert venue.run(scenario) == [
        (413, "too_large"),
        (400, "bad_json"),
        (400, "bad_json"),
        (415, "not_json"),
        (400, "bad_json"),
        (413, "too_large"),
    ]
    assert venue.ws.venue.values(pid) == []


async def _chunks(data: bytes):  # noqa: ANN202 - a body without Content-Length
    for i in range(0, len(data), 4096):
        yield data[i : i + 4096]


def test_requests_per_token_and_per_address_are_limited(qapp, workshop) -> None:  # noqa: ANN001
    limits = Limits(per_ip=Rule(burst=12, rate=0.01), per_token=Rule(burst=4, rate=0.01))
    v = make_venue(workshop, limits)
    try:

        async def scenario(client: TestClient) -> list[int]:
            headers = await join(client, v.code)
            out = []
            for _ in range(6):
                out.append((await client.get("/api/state", headers=headers)).status)
            for _ in range(8):
                out.append((await client.get("/api/strings")).status)
            return out

        got = v.run(scenario)
    finally:
        v.publisher.detach()
    assert got[:4] == [200] * 4 and got[4:6] == [429, 429]  # the phone's own limit
    assert 429 in got[6:] and got[-1] == 429  # then its address's


# -- questions -----------------------------------------------------------------------------------


def test_questions_become_session_notes_and_take_votes(venue: Venue) -> None:
    ws = venue.ws
    before = len(ws.notes.notes_for(venue.session_id))

    async def scenario(client: TestClient) -> list:
        asker = await join(client, venue.code)
        other = await join(client, venue.code)
        r = await client.post(
            "/api/questions", json={"text": "  How is it  funded? "}, headers=asker
        )
        qid = (await r.json())["id"]
        votes = []
        for headers, on in (
            (other, True),
            (other, True),
            (asker, True),
            (other, False),
            (other, True),
        ):
            v = await client.post(f"/api/questions/{qid}/vote", json={"vote": on}, headers=headers)
            votes.append((v.status, (await v.json())["changed"]))
        state = await (await client.get("/api/state", headers=other)).json()
        return [r.status, votes, state]

    status, votes, state = venue.run(scenario)
    assert status == 201
    assert votes == [(200, True), (200, False), (200, True), (200, True), (200, True)]
    q = state["state"]["qa"]["questions"][0]
    assert (q["text"], q["votes"]) == ("How is it funded?", 2)
    assert state["me"]["voted"] == [q["id"]] and state["me"]["mine"] == []
    notes = ws.notes.notes_for(venue.session_id)
    assert len(notes) == before + 1
    assert (notes[-1]["kind"], notes[-1]["text"]) == ("question", "How is it funded?")
    assert notes[-1]["attribution_text"] == ""  # anonymous by default


def test_bad_questions_and_hidden_ones_are_refused(venue: Venue) -> None:
    ws = venue.ws

    async def scenario(client: TestClient) -> list[tuple[int, str]]:
        headers = await join(client, venue.code)
        out = []
        for body in ({"text": ""}, {"text": "x" * 281}, {"text": 5}, {}):
            r = await client.post("/api/questions", json=body, headers=headers)
            out.append((r.status, (await r.json())["error"]))
        r = await client.post("/api/questions", json={"text": "Fine?"}, headers=headers)
        qid = (await r.json())["id"]
        ws.venue.moderate(qid, {"hidden": 1})
        v = await client.post(f"/api/questions/{qid}/vote", json={"vote": True}, headers=headers)
        out.append((v.status, (await v.json())["error"]))
        bad = await client.post("/api/questions/vqu_x/vote", json={"vote": "yes"}, headers=headers)
        out.append((bad.status, (await bad.json())["error"]))
        ws.info.set_setting("venue.qa_session", "")
        off = await client.post("/api/questions", json={"text": "Now?"}, headers=headers)
        out.append((off.status, (await off.json())["error"]))
        return out

    assert venue.run(scenario) == [
        (422, "invalid"),
        (422, "invalid"),
        (422, "invalid"),
        (422, "invalid"),
        (404, "no_question"),
        (404, "no_question"),
        (409, "no_questions"),
    ]
    assert [q["text"] for q in ws.venue.questions(venue.session_id)] == ["Fine?"]
    assert not any(n["text"] == "Fine?" for n in ws.notes.notes_for(venue.session_id))


def test_asking_too_often_is_limited(venue: Venue) -> None:
    async def scenario(client: TestClient) -> list[int]:
        headers = await join(client, venue.code)
        return [
            (await client.post("/api/questions", json={"text": f"Q{i}?"}, headers=headers)).status
            for i in range(5)
        ]

    assert venue.run(scenario) == [201, 201, 201, 429, 429]


# -- evaluations ---------------------------------------------------------------------------------


def test_an_evaluation_is_answered_once(venue: Venue) -> None:
    ws = venue.ws
    eid = add_evaluation(ws, [("scale5", "Useful?"), ("scale10", "Overall?"), ("text", "Change?")])
    q1, q2, q3 = [q["id"] for q in ws.venue.eval_questions(eid)]

    async def scenario(client: TestClient) -> list:
        headers = await join(client, venue.code)
        url = f"/api/evaluations/{eid}"
        out = []
        for answers in ({q1: 6}, {q2: 0}, {"veq_x": 3}, {q1: None, q3: " "}, [1], {q3: "x" * 1001}):
            r = await client.post(url, json={"answers": answers}, headers=headers)
            out.append((r.status, (await r.json())["error"]))
        good = {q1: 4, q2: 9, q3: "More breaks,\nplease"}
        first = await client.post(url, json={"answers": good}, headers=headers)
        resent = await client.post(url, json={"answers": good}, headers=headers)
        other = await client.post(url, json={"answers": {q1: 1}}, headers=headers)
        state = await (await client.get("/api/state", headers=headers)).json()
        out += [
            first.status,
            (resent.status, (await resent.json()).get("replay")),
            (other.status, (await other.json())["error"]),
            state["me"]["evaluated"],
        ]
        ws.venue.set_evaluation_state(eid, "closed")
        late = await client.post(url, json={"answers": good}, headers=headers)
        out.append(late.status)
        return out

    got = venue.run(scenario)
    assert got[:6] == [(422, "invalid")] * 6
    # the same answers sent again change nothing; others are refused, the first kept
    assert got[6:] == [201, (200, True), (409, "already_evaluated"), [eid], 404]
    assert ws.venue.eval_values(eid) == {q1: [4], q2: [9], q3: ["More breaks,\nplease"]}


# -- the room and the live connection ------------------------------------------------------------


def test_the_live_socket_pushes_changes_and_closing_the_room_disconnects(venue: Venue) -> None:
    ws = venue.ws

    async def scenario(client: TestClient) -> list:
        headers = await join(client, venue.code)
        token = headers["Authorization"][7:]
        sock = await client.ws_connect("/api/live")
        await sock.send_str(json.dumps({"token": token}))
        first = json.loads((await sock.receive(timeout=5)).data)
        add_poll(ws, venue.session_id, "scale", [], "How sure?")
        pushed = json.loads((await sock.receive(timeout=5)).data)
        assert len(venue.hub.sockets) == 1
        await venue.hub.close_room()
        closing = await sock.receive(timeout=5)
        refused = await client.get("/api/state", headers=headers)
        return [first, pushed, closing, refused.status, (await refused.json())["error"]]

    first, pushed, closing, status, error = venue.run(scenario)
    assert first["type"] == "state" and first["state"]["poll"] is None
    assert pushed["state"]["poll"]["question"] == "How sure?"
    assert closing.type == WSMsgType.CLOSE and closing.data == 4000
    assert (status, error) == (503, "room_closed")
    assert venue.hub.sockets == {}


def test_the_live_socket_refuses_bad_tokens_and_other_origins(venue: Venue) -> None:
    async def scenario(client: TestClient) -> list:
        sock = await client.ws_connect("/api/live")
        await sock.send_str(json.dumps({"token": "y" * 43}))
        refused = await sock.receive(timeout=5)
        r = await client.get(
            "/api/live",
            headers={
                "Origin": "http://evil.example",
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        )
        return [refused.type, refused.data, r.status]

    assert venue.run(scenario) == [WSMsgType.CLOSE, 4001, 403]
