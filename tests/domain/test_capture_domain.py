"""Capture rules without Qt: prefixes, kinds settings, the default session, search queries."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitator.domain.capture import (
    DEFAULT_KINDS,
    Kind,
    KindConfigError,
    SessionSlot,
    default_session,
    fts_query,
    kinds_from_setting,
    parse_prefix,
    validate_kinds,
)
from facilitator.store import notes as store
from facilitator.store.search import SearchFilter
from facilitator.store.tables import Table

KINDS = list(DEFAULT_KINDS)


@pytest.mark.parametrize(
    ("typed", "kind", "rest"),
    [
        ("r: fund youth groups", "recommendation", "fund youth groups"),
        ("R:fund", "recommendation", "fund"),
        ("qu: We cannot prevent", "quote", "We cannot prevent"),
        ("q: how to evaluate?", "question", "how to evaluate?"),
        ("Time: 10:30 is late", None, "Time: 10:30 is late"),
        ("no prefix here", None, "no prefix here"),
    ],
)
def test_prefix_sets_the_kind(typed: str, kind: str | None, rest: str) -> None:
    assert parse_prefix(typed, KINDS) == (kind, rest)


def test_kinds_are_configurable_per_workshop_and_checked() -> None:
    kinds = kinds_from_setting([{"key": "recommendation", "prefix": "rec", "label": "Rec."}])
    assert parse_prefix("rec: x", kinds) == ("recommendation", "x")
    assert parse_prefix("r: x", kinds) == (None, "r: x")
    with pytest.raises(KindConfigError, match="Prefix “k” is used by both"):
        validate_kinds([Kind("key_point", "A", "k", ""), Kind("decision", "B", "k", "")])
    with pytest.raises(KindConfigError, match="Shortcut"):
        validate_kinds([Kind("key_point", "A", "", "Ctrl+1"), Kind("decision", "B", "", "Ctrl+1")])


def test_default_session_prefers_live_then_running_then_planned() -> None:
    slots = [
        SessionSlot("s1", "2026-03-10", "09:00", 60, None, None),
        SessionSlot("s2", "2026-03-10", "10:00", 60, None, None),
        SessionSlot("s3", "2026-03-10", "11:00", 60, "2026-03-10T11:02", None),
    ]
    at = datetime(2026, 3, 10, 10, 15)
    assert default_session(slots, at, live_id="s1") == "s1"
    assert default_session(slots, at) == "s3"
    slots[2] = SessionSlot("s3", "2026-03-10", "11:00", 60, None, None)
    assert default_session(slots, at) == "s2"
    assert default_session(slots, datetime(2027, 1, 1)) == "s1"


def test_search_queries_never_raise_on_punctuation() -> None:
    assert fts_query('youth "AND (') == '"youth" "AND"'
    assert fts_query("civil soc") == '"civil" "soc"*'
    assert fts_query("!!") == ""


def test_default_session_from_the_file_follows_the_agenda(workshop) -> None:  # noqa: ANN001
    assert workshop.notes.default_session_id() == "ses_demo000"
    workshop.rows.update(Table.SESSIONS, "ses_demo103", {"actual_start": "2026-03-11T10:40:00"})
    assert workshop.notes.default_session_id() == "ses_demo103"
    assert workshop.notes.default_session_id(live_id="ses_demo200") == "ses_demo200"
    planned = workshop.notes.default_session_id(at=datetime(2026, 3, 12, 9, 30))
    assert planned == "ses_demo103"  # the running session still wins


def test_search_filters(workshop) -> None:  # noqa: ANN001
    person = workshop.rows.get(Table.PEOPLE, "per_demo011")
    row = store.new_note_row(
        session_id="ses_demo102",
        team_id="tea_demo01",
        kind="quote",
        text="Narrowcasting through trusted messengers works",
        attribution_person_id=person["id"],
        starred=1,
    )
    workshop.notes.add_note(row)
    hits = workshop.notes.search(SearchFilter(text="narrowcasting"))
    assert row["id"] in [h["id"] for h in hits]
    for f in (
        SearchFilter(text="narrowcast", kind="quote"),
        SearchFilter(text="narrowcasting", day_id="day_demo1", starred=True),
        SearchFilter(text="narrowcasting", team_id="tea_demo01", session_id="ses_demo102"),
        SearchFilter(text="narrowcasting", country=person["country"], sector=person["sector"]),
    ):
        assert [h["id"] for h in workshop.notes.search(f)] == [row["id"]]
    assert workshop.notes.search(SearchFilter(text="narrowcasting", kind="decision")) == []
    assert workshop.notes.search(SearchFilter(text="narrowcasting", country="Nowhere")) == []
    summaries = workshop.notes.search(SearchFilter(text="independence", kind="summary"))
    assert [h["table"] for h in summaries] == ["summaries"]
