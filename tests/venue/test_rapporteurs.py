"""Rapporteurs' pages through aiohttp's test client: a key made in the desktop app opens
capture (sessions, teams, kinds, the roster's names), a participant's token does not, notes
keep the ids their browser made and a replay stores nothing twice."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient

from facilitator.store.tables import Table
from tests.venue.phones import Venue, join


def key_headers(key: str) -> dict[str, str]:
    return {"Authorization": f"Rapporteur {key}"}


def note(n: int, session_id: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"not_{n:016x}",
        "session_id": session_id,
        "kind": "recommendation",
        "text": f"Note number {n}",
        **extra,
    }


def test_a_key_opens_capture_with_the_roster_and_a_participant_never_gets_it(
    venue: Venue,
) -> None:
    row = venue.ws.venue.add_rapporteur("Amina (room B)")
    names = {p["name"] for p in venue.ws.notes.people()}

    async def scenario(client: TestClient) -> tuple[Any, ...]:
        r = await client.get("/api/rapporteur/state", headers=key_headers(row["key"]))
        good = await r.json()
        phone = await join(client, venue.code)
        as_phone = await client.get("/api/rapporteur/state", headers=phone)
        none = await client.get("/api/rapporteur/state")
        wrong = await client.get("/api/rapporteur/state", headers=key_headers("k" * 32))
        state = await (await client.get("/api/state", headers=phone)).text()
        return good, as_phone.status, none.status, wrong.status, state

    good, as_phone, none, wrong, phone_state = venue.run(scenario)
    assert good["name"] == "Amina (room B)"
    cat = good["catalogue"]
    assert {p["name"] for p in cat["people"]} == names
    assert [k["key"] for k in cat["kinds"]][:2] == ["key_point", "recommendation"]
    assert any(cat["teams"].get(s["id"]) for s in cat["sessions"])
    assert cat["default_session"] in {s["id"] for s in cat["sessions"]}
    assert (as_phone, none, wrong) == (401, 401, 401)
    assert not any(n in phone_state for n in names)


def test_queued_notes_are_stored_once_under_their_ids_whatever_the_replays(venue: Venue) -> None:
    ws = venue.ws
    key = ws.venue.add_rapporteur("Jon")["key"]
    session = venue.session_id
    team = ws.notes.teams_for_session("ses_demo104")[0]["id"]
    person = ws.notes.people()[0]
    batch = [
        note(1, session),
        note(2, "ses_demo104", team_id=team, attribution_person_id=person["id"]),
        note(3, session, attribution_text="A guest from the floor"),
    ]

    async def scenario(client: TestClient) -> list[dict[str, Any]]:
        out = []
        for notes in (batch, batch, batch[1:] + [note(4, session)]):
            r = await client.post(
                "/api/rapporteur/notes", json={"notes": notes}, headers=key_headers(key)
            )
            out.append({"status": r.status, **(await r.json())})
        return out

    first, again, third = venue.run(scenario)
    ids = [n["id"] for n in batch]
    assert first["status"] == 201 and first["stored"] == ids and first["known"] == []
    assert again["status"] == 200 and again["stored"] == [] and again["known"] == ids
    assert third["stored"] == ["not_0000000000000004"] and third["known"] == ids[1:]
    rows = ws.notes.notes_by_ids(ids + ["not_0000000000000004"])
    assert len(rows) == 4
    assert rows[ids[1]]["team_id"] == team
    assert rows[ids[1]]["attribution_person_id"] == person["id"]
    assert rows[ids[2]]["attribution_text"] == "A guest from the floor"
    assert {r["author"] for r in rows.values()} == {"Jon"}
    assert {r["kind"] for r in rows.values()} == {"recommendation"}


def test_a_note_the_facilitator_deleted_is_not_brought_back_by_a_replay(venue: Venue) -> None:
    ws = venue.ws
    key = ws.venue.add_rapporteur("Jon")["key"]
    n = note(7, venue.session_id)

    async def send(client: TestClient) -> dict[str, Any]:
        r = await client.post(
            "/api/rapporteur/notes", json={"notes": [n]}, headers=key_headers(key)
        )
        return await r.json()

    assert venue.run(send)["stored"] == [n["id"]]
    ws.rows.delete(Table.NOTES, [n["id"]])
    assert ws.notes.note(n["id"]) is None
    assert venue.run(send)["known"] == [n["id"]]
    assert ws.notes.note(n["id"]) is None


def test_bad_notes_are_refused_one_by_one_naming_the_field(venue: Venue) -> None:
    key = venue.ws.venue.add_rapporteur("Jon")["key"]
    good = note(1, venue.session_id)
    bad = [
        note(2, "ses_nope"),
        note(3, venue.session_id, kind="gossip"),
        note(4, venue.session_id, text="   "),
        note(5, venue.session_id, team_id="tea_nope"),
        note(6, venue.session_id, attribution_person_id="per_nope"),
    ]

    async def scenario(client: TestClient) -> tuple[Any, ...]:
        r = await client.post(
            "/api/rapporteur/notes", json={"notes": [good, *bad]}, headers=key_headers(key)
        )
        body = await r.json()
        no_id = await client.post(
            "/api/rapporteur/notes", json={"notes": [{"text": "x"}]}, headers=key_headers(key)
        )
        empty = await client.post(
            "/api/rapporteur/notes", json={"notes": []}, headers=key_headers(key)
        )
        many = await client.post(
            "/api/rapporteur/notes",
            json={"notes": [note(i, None) for i in range(201)]},
            headers=key_headers(key),
        )
        return body, no_id.status, empty.status, many.status

    body, no_id, empty, many = venue.run(scenario)
    assert body["stored"] == [good["id"]]
    assert {k: v["field"] for k, v in body["refused"].items()} == {
        bad[0]["id"]: "session_id",
        bad[1]["id"]: "kind",
        bad[2]["id"]: "text",
        bad[3]["id"]: "team_id",
        bad[4]["id"]: "attribution_person_id",
    }
    assert (no_id, empty, many) == (422, 422, 413)
    assert venue.ws.notes.note(bad[0]["id"]) is None


def test_presence_names_rapporteurs_and_counts_team_devices_and_revoking_closes_the_page(
    venue: Venue,
) -> None:
    ws = venue.ws
    row = ws.venue.add_rapporteur("Amina")
    seen: list[Any] = []
    venue.hub.on_presence = seen.append

    async def scenario(client: TestClient) -> tuple[Any, int | None]:
        sock = await client.ws_connect("/api/rapporteur/live")
        await sock.send_str(json.dumps({"key": row["key"]}))
        first = json.loads((await sock.receive(timeout=5)).data)
        assert first["type"] == "catalogue" and first["name"] == "Amina"
        during = venue.hub.presence()
        ws.venue.revoke_rapporteur(row["id"])
        msg = await sock.receive(timeout=5)
        assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        r = await client.get("/api/rapporteur/state", headers=key_headers(row["key"]))
        assert r.status == 401
        return during, sock.close_code

    during, code = venue.run(scenario)
    assert during.rapporteurs == {row["id"]: 1}
    assert code == 4005
    assert seen[-1].rapporteurs == {}


def test_the_team_and_rapporteur_pages_are_never_cached_and_send_no_referrer(
    venue: Venue,
) -> None:
    key = venue.ws.venue.add_rapporteur("Jon")["key"]

    async def scenario(client: TestClient) -> list[tuple[int, dict[str, str], str]]:
        out = []
        for path in (f"/r/{key}", "/r/", "/t/tea_demo00", f"/j/{venue.code}/t/tea_demo00"):
            r = await client.get(path)
            out.append((r.status, dict(r.headers), await r.text()))
        return out

    pages = venue.run(scenario)
    for status, headers, body in pages:
        assert status == 200
        assert headers["Cache-Control"] == "no-store"  # the key is in the address
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert key not in body  # the page reads it from the address bar, the server never echoes it
    assert "rapporteur.js" in pages[0][2] and "team.js" in pages[2][2]
