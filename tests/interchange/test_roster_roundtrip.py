"""Our own CSV and XLSX exports re-import to exactly the same roster.

Over the demo and over random rosters whose values start with = + - @ or an apostrophe, hold
phone numbers like "+7 701 234 5678", names in every script and notes over several lines.
"""

from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from facilitator.domain import people as dom
from facilitator.edits.people import ImportRoster
from facilitator.exports import ExportOptions
from facilitator.interchange import roster
from facilitator.interchange.roster_export import export_csv, export_xlsx
from facilitator.store.database import Workshop
from facilitator.store.people import PERSON_FIELDS

FIELDS = [f for f in PERSON_FIELDS if f != "source"]
EXPORTS = {"csv": export_csv, "xlsx": export_xlsx}


def _roster(ws: Workshop) -> list[tuple[Any, ...]]:
    """The roster as the user sees it: every field of every person (not ids or provenance)."""
    out = []
    for p in ws.people.people():
        values = dict(p)
        values["languages"] = tuple(json.loads(values["languages"] or "[]"))
        out.append(tuple(values[f] for f in FIELDS))
    return sorted(out)


def _import(ws: Workshop, path: Path) -> roster.ImportPlan:
    table = roster.read_table(path)
    mapping = roster.detect_mapping(table)
    rows, rejected = roster.convert(table, mapping)
    assert rejected == []
    plan = roster.plan_import(
        path.name,
        rows,
        rejected,
        ws.people.people(),
        history=ws.people.edit_history(),
        saved_at=table.saved_at,
    )
    ImportRoster(ws, plan).apply()
    return plan


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_demo_round_trip(workshop: Workshop, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"roster.{kind}"
    EXPORTS[kind](workshop, out, ExportOptions())
    with Workshop(tmp_path / "empty.workshop") as fresh:
        plan = _import(fresh, out)
        assert len(plan.adds) == 36 and not plan.merged
        assert _roster(fresh) == _roster(workshop)
    before = _roster(workshop)
    again = _import(workshop, out)  # our own export, imported into the workshop it came from
    assert not again.adds and not again.updates and not again.merged
    assert _roster(workshop) == before


# -- random rosters ----------------------------------------------------------------------------
_LETTERS = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff"
)
_SCRIPTS = [
    "Nguyễn Thị Thu Hà",
    "Trần Văn Đức",
    "Ёлдошев Бакыт",
    "สมชาย วงศ์สวัสดิ์",
    "សុខ ចាន់ដារា",
    "O'Brien",
    "محمد",
    "李小龙",
    "-Minus Start",
    "=1+2",
    "+7 701 234 5678",
    "@handle",
    "'=quoted",
    "'apostrophe",
]
_tricky = st.one_of(
    st.sampled_from(_SCRIPTS),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["=", "+", "-", "@", "'", "'+", ""]),
        st.text(_LETTERS, max_size=12),
    ),
    st.text(_LETTERS, max_size=20),
)


def _clean(text: str) -> str:
    return dom.clean_name(text)


_line = _tricky.map(_clean)
_name = _line.filter(lambda s: bool(s) and len(s) <= 200)
_note = st.lists(_line, max_size=3).map(lambda lines: "\n".join(lines).strip())
_language = st.text(string.ascii_letters + "ẞéèБбк", min_size=1, max_size=8)
_country = st.one_of(
    st.sampled_from(dom.country_names()),
    _line.filter(lambda s: dom.normalise_country(s) == (s, False)),
    st.just(""),
)


@st.composite
def _person(draw: st.DrawFn, n: int) -> dict[str, Any]:
    email = draw(st.sampled_from(["", f"p{n}@example.org", f"Ünï{n}@exämple.kz"]))
    return {
        "name": draw(_name),
        "honorific": draw(st.sampled_from(["", "Dr", "H.E. Mr", "Ms"])),
        "job_title": draw(_line),
        "organisation": draw(_line),
        "country": draw(_country),
        "sector": draw(st.sampled_from(["", *dom.SECTORS])),
        "gender": draw(st.sampled_from(["", *dom.GENDERS])),
        "role": draw(st.sampled_from(list(dom.ROLES))),
        "email": email if dom.valid_email(email) or not email else "",
        "phone": draw(st.sampled_from(["", "+7 701 234 5678", "-123", "=2+2", "00 44 20"])),
        "languages": json.dumps(draw(st.lists(_language, max_size=3, unique=True))),
        "notes": draw(_note),
    }


@st.composite
def _rosters(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(min_value=1, max_value=8))
    people = [draw(_person(i)) for i in range(n)]
    # two people of one name and organisation without their own addresses are one person
    keys = [dom.name_key(p["name"], p["organisation"]) for p in people]
    assume(len(set(keys)) == len(keys))
    return people


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=_rosters(), kind=st.sampled_from(["csv", "xlsx"]))
def test_random_rosters_round_trip(tmp_path: Path, people: list[dict[str, Any]], kind: str) -> None:
    # a folder of its own per example: Hypothesis may run one example more than once
    folder = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=tmp_path))
    with Workshop(folder / "a.workshop") as ws:
        ws.people.write_import(people, [])
        out = folder / f"roster.{kind}"
        EXPORTS[kind](ws, out, ExportOptions())
        with Workshop(folder / "b.workshop") as fresh:
            plan = _import(fresh, out)
            assert not plan.merged
            assert _roster(fresh) == _roster(ws)
        again = _import(ws, out)
        assert not again.adds and not again.updates
