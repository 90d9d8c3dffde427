"""Capture rules without Qt: prefixes, kinds settings, the kind of a place, the session
running now, the default session, search queries and hit marks."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitator.domain.capture import (
    DEFAULT_KINDS,
    HIT_END,
    HIT_START,
    Kind,
    KindConfigError,
    SessionSlot,
    context_kind,
    default_session,
    fts_query,
    hit_spans,
    kind_after_move,
    kinds_from_setting,
    parse_prefix,
    running_now,
    validate_kinds,
    without_marks,
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
        SessionSlot("s3", "2026-03-10", "11:00", 60, "2026-03-10T10:05", None),
    ]
    at = datetime(2026, 3, 10, 10, 15)
    assert default_session(slots, at, live_id="s1") == "s1"
    assert default_session(slots, at) == "s3"  # started early: it runs, whatever the plan says
    slots[2] = SessionSlot("s3", "2026-03-10", "11:00", 60, None, None)
    assert default_session(slots, at) == "s2"
    assert default_session(slots, datetime(2027, 1, 1)) == "s1"


def test_running_means_started_today_on_the_clock_and_not_finished() -> None:
    slots = [
        SessionSlot("opening", "2026-03-10", "09:00", 30, "2026-03-10T09:02:00", None),
        SessionSlot("panel", "2026-03-10", "09:30", 60, "2026-03-10T09:40:00", None),
        SessionSlot("done", "2026-03-10", "10:30", 60, "2026-03-10T09:00:00", "2026-03-10T09:30"),
        SessionSlot("rehearsed", "2026-03-11", "10:40", 60, "2026-03-11T10:40:00", None),
    ]
    now = datetime(2026, 3, 10, 9, 45)
    assert running_now(slots, now) == ["panel", "opening"]  # the latest start first
    assert running_now(slots, datetime(2026, 3, 10, 9, 10)) == ["opening"]  # panel: later
    # The next morning nothing of day one is live, and the rehearsal of day two at 10:40
    # is not either until the clock reaches it.
    assert running_now(slots, datetime(2026, 3, 11, 8, 0)) == []
    assert running_now(slots, datetime(2026, 3, 11, 10, 41)) == ["rehearsed"]
    assert running_now(slots, datetime(2025, 12, 1, 10, 41)) == []  # back on the real date


def test_the_kind_follows_the_place_not_the_last_note() -> None:
    assert context_kind(None) == "key_point"
    assert context_kind("prm1") == "answer"
    # A Decision picked in one session does not stick to the next team's answer.
    assert kind_after_move("decision", None, "prm1", typing=False) == "answer"
    assert kind_after_move("decision", None, None, typing=False) == "key_point"
    assert kind_after_move("answer", "prm1", None, typing=False) == "key_point"
    # Text being typed keeps the kind picked for it; the place's own kind follows the place.
    assert kind_after_move("decision", None, "prm1", typing=True) == "decision"
    assert kind_after_move("key_point", None, "prm1", typing=True) == "answer"
    assert kind_after_move("answer", "prm1", "prm2", typing=True) == "answer"


def test_a_kind_added_later_gives_way_to_stored_prefixes_and_shortcuts() -> None:
    stored = [{"key": "decision", "prefix": "w", "shortcut": "Alt+9", "label": "Decision"}]
    kinds = {k.key: k for k in kinds_from_setting(stored)}
    assert (kinds["decision"].prefix, kinds["decision"].shortcut) == ("w", "Alt+9")
    assert (kinds["answer"].prefix, kinds["answer"].shortcut) == ("", "")
    validate_kinds(list(kinds.values()))  # still usable: nothing is doubled
    fresh = {k.key: k for k in kinds_from_setting(None)}
    assert (fresh["answer"].prefix, fresh["answer"].shortcut) == ("w", "Alt+9")


def test_a_kind_cannot_take_a_key_the_window_uses() -> None:
    with pytest.raises(KindConfigError, match=r"“Alt\+S” is used by both “Session” and “Key"):
        validate_kinds([Kind("key_point", "Key point", "k", "Alt+S")], {"Alt+S": "Session"})
    validate_kinds([Kind("key_point", "Key point", "k", "Alt+1")], {"Alt+S": "Session"})


def test_search_hits_are_marked_with_characters_nobody_types() -> None:
    assert hit_spans(f"the {HIT_START}youth{HIT_END} groups [sic]") == [
        ("the ", False),
        ("youth", True),
        (" groups [sic]", False),
    ]
    assert without_marks(f"…{HIT_START}youth{HIT_END}…") == "…youth…"
    assert hit_spans("plain text") == [("plain text", False)]


def test_search_queries_never_raise_on_punctuation() -> None:
    assert fts_query('youth "AND (') == '"youth" "AND"'
    assert fts_query("civil soc") == '"civil" "soc"*'
    assert fts_query("!!") == ""


def test_default_session_from_the_file_follows_the_agenda(workshop) -> None:  # noqa: ANN001
    day_two = datetime(2026, 3, 11, 10, 50)
    assert workshop.notes.default_session_id(at=datetime(2026, 3, 10, 8, 0)) == "ses_demo000"
    workshop.rows.update(Table.SESSIONS, "ses_demo103", {"actual_start": "2026-03-11T10:40:00"})
    assert workshop.notes.live_session_ids(day_two) == ["ses_demo103"]
    assert workshop.notes.default_session_id(at=day_two) == "ses_demo103"
    assert workshop.notes.default_session_id("ses_demo200", day_two) == "ses_demo200"
    # Another day (a restart after the rehearsal of day two): the plan decides again.
    assert workshop.notes.live_session_ids(datetime(2026, 3, 12, 9, 30)) == []
    planned = workshop.notes.default_session_id(at=datetime(2026, 3, 12, 9, 30))
    assert planned == "ses_demo200"


def test_search_snippets_carry_hit_marks_not_brackets(workshop) -> None:  # noqa: ANN001
    row = store.new_note_row(
        session_id="ses_demo102", text="Fund [local] youth groups directly, said youth workers"
    )
    workshop.notes.add_note(row)
    hit = next(h for h in workshop.notes.search(SearchFilter(text="youth")) if h["id"] == row["id"])
    assert f"{HIT_START}youth{HIT_END}" in hit["snippet"]
    assert [t for t, is_hit in hit_spans(hit["snippet"]) if is_hit] == ["youth", "youth"]
    assert "[local]" in without_marks(hit["snippet"])  # the user's own brackets stay text


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
