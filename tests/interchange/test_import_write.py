"""The import's own write path: rows as tuples and provenance written straight to text.

An import adds its people as :class:`~facilitator.store.people.NewPeople` (one tuple per
person) with the provenance made by :func:`roster.imported_source_text` instead of a dict
and the JSON encoder. What it writes must be exactly what the general path writes, for any
value a registration file can hold, and it stays one transaction and one undo step.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.edits.people import ImportRoster
from facilitator.interchange import roster
from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.people import PERSON_FIELDS, NewPeople

STAMP = "2026-03-02T09:15:00.123456Z"
UNUSUAL = [
    'She said "no", then \\ left',  # quotes and a backslash
    "Line one\nline two\r\n\ttabbed",
    "\x00\x01\x1f control",
    "😀 𠜎 𝕏",  # outside the Basic Multilingual Plane
    "សួស្តី ព្រះរាជាណាចក្រកម្ពុជា",  # Khmer
    "Nguyễn Thị Đức",
    "x" * 100_000,  # very long
    "007",  # text that looks like a number stays text
    "[]",
    "",
    "'=1+1",
]
TEXT = st.one_of(st.sampled_from(UNUSUAL), st.text(max_size=40))
FIELDS = [f for f in PERSON_FIELDS if f != "source"]


def _row(number: int, person: dict[str, Any]) -> roster.Row:
    person = {"name": f"Person {number}", "email": "", **person}
    person.setdefault("source", {"row": number, "file": "roster.csv"})
    return roster.Row(number, person)


def _people(path: Path) -> dict[str, dict[str, Any]]:
    """What another program reads from the file: name → the person's columns."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return {r["name"]: dict(r) for r in con.execute("SELECT * FROM people")}
    finally:
        con.close()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    person=st.dictionaries(
        st.sampled_from(FIELDS), st.one_of(TEXT, st.integers(), st.none()), max_size=8
    ),
    own=st.dictionaries(
        st.sampled_from(["country", "gender", "sector", "role", "note ✓", 'we"ird']),
        st.one_of(TEXT, st.integers(-5, 10**12)),
        max_size=4,
    ),
    merged=st.booleans(),
    stamp=st.sampled_from([STAMP, 'odd "stamp"']),
)
def test_the_provenance_text_is_what_json_dumps_writes(
    person: dict[str, Any], own: dict[str, Any], merged: bool, stamp: str
) -> None:
    source: dict[str, Any] = {"row": 7, "file": "inscriptions “été”.csv", **own}
    if merged:  # a row that repeats others lists their rows: the general way
        source["rows"] = [7, 9]
    row = roster.Row(7, {**person, "source": source})
    expected = json.dumps(roster.imported_source(row, stamp), ensure_ascii=False)
    assert roster.imported_source_text(row, stamp) == expected
    given_fields = tuple(f for f in roster._COMPARED if f in person)
    assert roster.imported_source_text(row, stamp, given_fields) == expected


def test_unusual_values_round_trip_through_the_import(workshop: Workshop) -> None:
    rows = [
        _row(
            i + 2,
            {
                "organisation": value,
                "notes": UNUSUAL[(i + 3) % len(UNUSUAL)],
                "phone": "+855 12 345 678" if i % 2 else "007",
                "country": "Cambodia",
            },
        )
        for i, value in enumerate(UNUSUAL)
    ]
    rows.append(_row(99, {"name": "Sok 😀 សុខ", "languages": '["km", "en"]'}))
    plan = roster.plan_import("roster.csv", rows, [], [])
    edit = ImportRoster(workshop, plan)
    edit.apply()
    written = _people(workshop.path)
    for row in rows:
        got = written[row.person["name"]]
        for f in FIELDS:
            if f in row.person:
                assert got[f] == row.person[f], (row.row, f)
                assert type(got[f]) is str
        assert got["role"] == "participant" and got["created"] == got["updated"]
        source = json.loads(got["source"])
        assert source == roster.imported_source(row, got["created"])
    assert written["Sok 😀 សុខ"]["organisation"] == ""  # a field the row does not give
    assert written["Sok 😀 សុខ"]["languages"] == '["km", "en"]'


def test_the_tuple_path_writes_what_the_general_path_writes(tmp_path: Path) -> None:
    values = [
        {"name": "Ana", "organisation": "UNDP", "phone": 77012345, "notes": "x" * 5000},
        {"name": "Бакыт 😀", "country": "Kyrgyzstan", "source": {"row": 3, "imported": {}}},
        {"name": "Sok", "languages": "[]", "role": "speaker", "gender": "female"},
    ]
    given_cols = ("organisation", "country", "gender", "role", "phone", "languages", "notes")
    results = []
    for k, how in enumerate(("dicts", "tuples")):
        path = tmp_path / f"{how}.workshop"
        with Workshop(path) as ws:
            ids = [f"per_{k}{i:011d}" for i in range(len(values))]
            if how == "dicts":
                adds: Any = [{**v, "id": pid} for v, pid in zip(values, ids, strict=True)]
            else:
                defaults = {"role": "participant", "languages": "[]"}
                adds = NewPeople(
                    ("id", "name", *given_cols, "source", "created", "updated"),
                    [
                        (
                            pid,
                            v["name"],
                            *(v.get(c, defaults.get(c, "")) for c in given_cols),
                            json.dumps(v.get("source", {}), ensure_ascii=False),
                            STAMP,
                            STAMP,
                        )
                        for v, pid in zip(values, ids, strict=True)
                    ],
                )
            new_ids, _ = ws.people.write_import(adds, [], stamp=STAMP)
            assert new_ids == ids
        people = _people(path)
        for p in people.values():
            del p["id"]
        results.append(people)
    assert results[0] == results[1]
    assert results[1]["Ana"]["phone"] == "77012345"  # TEXT columns store text


def test_new_people_refuse_columns_that_are_not_the_tables() -> None:
    with pytest.raises(ValueError, match="not columns"):
        NewPeople(("id", "name", "created", "updated", "name; DROP TABLE people"), [])
    with pytest.raises(ValueError, match="id first"):
        NewPeople(("name", "id", "created", "updated"), [])


def test_a_row_the_file_refuses_leaves_the_roster_as_it_was(workshop: Workshop) -> None:
    before = _people(workshop.path)
    rows = [_row(i + 2, {"organisation": f"Org {i}"}) for i in range(3000)]
    rows[2500].person["organisation"] = None  # every column of people is NOT NULL
    plan = roster.plan_import("roster.csv", rows, [], [])
    with pytest.raises(WorkshopError):
        ImportRoster(workshop, plan).apply()
    assert _people(workshop.path) == before
    assert not workshop.writing


def test_undo_and_redo_of_a_large_import(workshop: Workshop) -> None:
    before = _people(workshop.path)
    rows = [_row(i + 2, {"organisation": "Ministry", "country": "Laos"}) for i in range(3000)]
    edit = ImportRoster(workshop, roster.plan_import("roster.csv", rows, [], []))
    edit.apply()
    after = _people(workshop.path)
    assert len(after) == len(before) + 3000
    edit.revert()
    assert _people(workshop.path) == before
    edit.apply()
    again = _people(workshop.path)
    assert again.keys() == after.keys()
    assert {n: p["id"] for n, p in again.items()} == {n: p["id"] for n, p in after.items()}
    assert all(again[n]["organisation"] == after[n]["organisation"] for n in after)
    tombstones = workshop.connection.execute(
        "SELECT count(*) FROM tombstones WHERE table_name = 'people' AND row_id IN "
        f"({', '.join('?' * 100)})",
        [after[f"Person {i + 2}"]["id"] for i in range(100)],
    ).fetchone()[0]
    assert tombstones == 0  # the redo brought them back: not buried any more


POOL_NAMES = ["Ana Lopez", "Lopez Ana", "ana lópez", "Sok Dara", "Đức Trần", "Duc Tran"]
POOL_ORGS = ["UNDP", "undp", "Ministry of Health", ""]
POOL_EMAILS = ["ana@example.org", "ANA@example.org ", "sok@example.org", "duc@example.org"]


def _outcome(plan: roster.ImportPlan) -> tuple[Any, ...]:
    return (
        sorted(r.row for r in plan.adds),
        sorted((u.row.row, u.person_id) for u in plan.matched),
        sorted((r.row, into, why) for r, into, why in plan.merged),
    )


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(POOL_NAMES), st.sampled_from(POOL_ORGS), st.sampled_from(POOL_EMAILS)
        ),
        max_size=12,
    ),
    roster_people=st.lists(
        st.tuples(
            st.sampled_from(POOL_NAMES), st.sampled_from(POOL_ORGS), st.sampled_from(POOL_EMAILS)
        ),
        max_size=5,
    ),
)
def test_where_everyone_has_an_e_mail_names_decide_nothing(
    rows: list[tuple[str, str, str]], roster_people: list[tuple[str, str, str]]
) -> None:
    """Planning skips names when every row and every person has an address; the plan is the
    one that matching names as well makes (a row without an address that matches nobody
    makes the planner look at names)."""
    existing = [
        {"id": f"per_{i:012d}", "name": n, "organisation": o, "email": e.strip()}
        for i, (n, o, e) in enumerate(roster_people)
    ]

    def file_rows(with_sentinel: bool) -> list[roster.Row]:
        out = [
            roster.Row(i + 2, {"name": n, "organisation": o, "email": e.strip()})
            for i, (n, o, e) in enumerate(rows)
        ]
        if with_sentinel:
            out.append(roster.Row(999, {"name": "Zz Sentinel", "organisation": "Nobody"}))
        return out

    fast = roster.plan_import("f.csv", file_rows(False), [], [dict(p) for p in existing])
    full = roster.plan_import("f.csv", file_rows(True), [], [dict(p) for p in existing])
    adds, matched, merged = _outcome(full)
    assert _outcome(fast) == ([r for r in adds if r != 999], matched, merged)


def test_a_person_without_an_address_is_found_by_name_when_every_row_has_one() -> None:
    existing = [{"id": "per_000000000001", "name": "Ana López", "organisation": "UNDP"}]
    rows = [
        roster.Row(2, {"name": "Lopez Ana", "organisation": "undp", "email": "ana@example.org"}),
        roster.Row(3, {"name": "Sok Dara", "organisation": "UNDP", "email": "sok@example.org"}),
    ]
    plan = roster.plan_import("f.csv", rows, [], existing)
    assert [(u.row.row, u.person_id) for u in plan.matched] == [(2, "per_000000000001")]
    assert [r.row for r in plan.adds] == [3]


def test_the_defaults_an_import_writes_are_the_tables_own(workshop: Workshop) -> None:
    """A column no row of the file gives is written as the table would fill it."""
    from facilitator.store.people import FIELD_DEFAULTS

    con = sqlite3.connect(workshop.path)
    try:
        declared = {r[1]: r[4] for r in con.execute("PRAGMA table_info(people)")}
    finally:
        con.close()
    assert set(FIELD_DEFAULTS) == set(PERSON_FIELDS) - {"name"}
    for column, value in FIELD_DEFAULTS.items():
        assert declared[column] == f"'{value}'", column
