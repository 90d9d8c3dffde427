"""A workshop whose documents all hold a reference line of each script, exported once.

The demo already has Thai, Khmer, Vietnamese and Cyrillic names; one person is renamed so the
Latin line has the three f-ligatures (ff, fi, ffi). Every reference person speaks in the
first session, is in a team of the first team set and was checked in, so each line appears
in the programme, every print-kit document, the team lists and the outcome report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.exports import run_export
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

REFERENCE = {
    "latin": "Effie Whitfield-Griffin",
    "vietnamese": "Nguyễn Thị Thu Hà",
    "cyrillic": "Айгуль Жумабаева",
    "thai": "สมชาย วงศ์สวัสดิ์",
    "thai-2": "ปริญญา ศรีสุข",
    "khmer": "ហេង វិចិត្រ",
    "khmer-2": "សុខ ចាន់ដារា",
}
ORGANISATION = "Office of Foreign Affairs"  # ffi, ff
PDF_KINDS = (
    "agenda",
    "badges",
    "tents",
    "sign-in",
    "certificates",
    "participants-pdf",
    "team-lists",
    "report",
)


def make_reference_workshop(path: Path) -> Path:
    """Turn a copy of the demo at ``path`` into the reference workshop."""
    with Workshop(path) as ws:
        details = ws.info.details()
        ws.rows.update(
            Table.WORKSHOP,
            details["id"],
            {"chatham_house": 0, "privacy": "full", "languages": '["ru", "en"]'},
        )
        people = {p["name"]: p for p in ws.people.people()}
        ws.rows.update(
            Table.PEOPLE,
            people["Sarah Whitfield"]["id"],
            {"name": REFERENCE["latin"], "organisation": ORGANISATION},
        )
        people = {p["name"]: p for p in ws.people.people()}
        ids = [people[name]["id"] for name in REFERENCE.values()]
        day = ws.agenda.load_days()[0]
        session = day.sessions[0]
        ws.rows.update(Table.SESSIONS, session.id, {"room": ORGANISATION})
        speaking = {
            s["person_id"]
            for s in ws.agenda.speakers_by_session().get(session.id, [])
            if s["role"] == "speaker"
        }
        for k, pid in enumerate(i for i in ids if i not in speaking):
            ws.rows.insert(
                Table.SESSION_SPEAKERS,
                {"session_id": session.id, "person_id": pid, "role": "speaker", "position": 50 + k},
            )
        present = {p["id"] for p in ws.people.attendees()}
        for pid in ids:
            if pid not in present:
                ws.rows.insert(Table.ATTENDANCE, {"person_id": pid, "day_id": day.id})
        team_set = ws.teams.find_team_set(None)
        first_round = ws.teams.rounds(team_set["id"])[0]
        teams = ws.teams.teams(first_round["id"])
        members = {m["person_id"] for m in ws.teams.members([t["id"] for t in teams])}
        for k, pid in enumerate(i for i in ids if i not in members):
            ws.rows.insert(
                Table.TEAM_MEMBERS,
                {"team_id": teams[k % len(teams)]["id"], "person_id": pid, "position": 90 + k},
            )
    return path


@pytest.fixture(scope="session")
def reference_workshop(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> Path:
    """The reference workshop (shared by the session: open it read-only)."""
    path = tmp_path_factory.mktemp("reference") / "reference.workshop"
    shutil.copyfile(_demo_template, path)
    return make_reference_workshop(path)


@pytest.fixture(scope="session")
def reference_pdfs(reference_workshop: Path) -> dict[str, Path]:
    """Every PDF kind exported once from the reference workshop."""
    folder = reference_workshop.parent
    return {
        kind: run_export(kind, reference_workshop, folder / f"{kind}.pdf") for kind in PDF_KINDS
    }
