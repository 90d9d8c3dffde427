"""The Overview shows the workshop's details at once and its figures when they are counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.edits.capture import AddNote
from facilitator.store import database
from facilitator.store.notes import new_note_row
from facilitator.ui.overview.area import OverviewArea
from tests.store.test_opening_fast import damage_an_index


def shown(qtbot, ctx) -> OverviewArea:  # noqa: ANN001
    area = OverviewArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    return area


def test_the_figures_are_counted_after_the_details_are_on_screen(qtbot, ctx) -> None:  # noqa: ANN001
    area = shown(qtbot, ctx)
    assert area.ui.title_edit.text() == "Regional Workshop on Preventing Violent Extremism"
    label = area.ui.glance_label
    qtbot.waitUntil(lambda: "people" in label.text(), timeout=10_000)
    notes = ctx.workshop.db["notes"].count
    assert f"{ctx.workshop.db['people'].count} people" in label.text()
    assert f"{notes} notes" in label.text()
    # a note added elsewhere while the Overview is on screen is counted
    ctx.push(AddNote(ctx.workshop, new_note_row(session_id="ses_demo001", text="One more")))
    qtbot.waitUntil(lambda: f"{notes + 1} notes" in label.text(), timeout=10_000)
    area.close()


def test_hidden_it_counts_again_when_shown(qtbot, ctx) -> None:  # noqa: ANN001
    area = shown(qtbot, ctx)
    label = area.ui.glance_label
    qtbot.waitUntil(lambda: "people" in label.text(), timeout=10_000)
    notes = ctx.workshop.db["notes"].count
    area.hide()
    for i in range(3):
        ctx.push(AddNote(ctx.workshop, new_note_row(session_id="ses_demo001", text=f"n{i}")))
    qtbot.wait(400)
    assert f"{notes} notes" in label.text()  # nothing counted while hidden
    area.show()
    qtbot.waitUntil(lambda: f"{notes + 3} notes" in label.text(), timeout=10_000)
    area.close()


@pytest.fixture
def large_and_damaged(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    damage_an_index(demo_path)
    monkeypatch.setattr(database, "CHECK_NOW_BYTES", 0)  # checked after opening
    return demo_path


def test_a_damage_found_after_opening_is_shown(
    qtbot,  # noqa: ANN001
    large_and_damaged: Path,
    errors: list[Exception],
) -> None:
    from PySide6.QtGui import QUndoStack

    from facilitator.ui.areas import AreaContext

    ws = database.Workshop(large_and_damaged)
    try:
        ctx = AreaContext(ws, QUndoStack(), lambda *_a: None, lambda _m: None, errors.append)
        area = shown(qtbot, ctx)
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
        assert "integrity check" in errors[0].user_message()
        assert "This file is damaged" in area.ui.glance_label.text()
        area.ui.title_edit.setText("")
        qtbot.keyClicks(area.ui.title_edit, "X")  # the edit is refused with the same message
        assert ws.info.details()["title"] == "Regional Workshop on Preventing Violent Extremism"
        area.close()
    finally:
        ws.close()


def test_a_long_detail_shows_its_beginning(qtbot, ctx) -> None:  # noqa: ANN001
    """The subtitle is longer than its box (a narrow window): the box shows how it
    starts, as typed."""
    subtitle = " · ".join([ctx.workshop.info.details()["subtitle"]] * 3)
    with ctx.workshop.operation():
        ctx.workshop.info.set_details({"subtitle": subtitle})
    area = shown(qtbot, ctx)
    qtbot.waitExposed(area)
    edit = area.ui.subtitle_edit
    assert edit.text() == subtitle
    assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()
    assert edit.cursorPosition() == 0
    assert edit.cursorRect().left() < edit.width() // 4


def test_the_figures_read_as_words_one_and_many(qtbot, ctx) -> None:  # noqa: ANN001
    """ "1 exercises" and "412437 notes" were shown: one is singular, thousands grouped."""
    area = shown(qtbot, ctx)
    label = area.ui.glance_label
    qtbot.waitUntil(lambda: "people" in label.text(), timeout=10_000)
    none: list = []
    area._show_glance(
        {
            "people": 1,
            "tallied": {"roles": none, "countries": [("Kenya", 50000)], "genders": none},
            "countries": none,
            "days": [("2026-03-10", "Day 1"), ("2026-03-11", "Day 2")],
            "attendance": [("2026-03-10", 1), ("2026-03-11", 4850)],
            "sessions": 1,
            "group_sessions": 1,
            "exercises": 1,
            "teams": 12,
            "notes": [("key_point", 412437)],
            "summaries": 1,
        }
    )
    text = label.text()
    for phrase in ("1 person", "2 days, 1 session", "1 group session, 1 exercise, 12 teams"):
        assert phrase in text
    assert "412,437 notes, 1 summary" in text and "Kenya 50,000" in text
    assert "Day 2 (2026-03-11): 4,850 checked in" in text
    area.close()


def test_the_details_keep_their_width_when_the_figures_arrive(qtbot, ctx) -> None:  # noqa: ANN001
    """The figures are counted after the first frame; the form beside them narrowed from
    937 to 568 px when they arrived."""
    area = OverviewArea(ctx)
    qtbot.addWidget(area)
    area.resize(1110, 679)  # the window's area at 1280×720
    area.show()
    qtbot.waitExposed(area)
    before = area.ui.details_group.width()
    label = area.ui.glance_label
    qtbot.waitUntil(lambda: "people" in label.text(), timeout=10_000)
    qtbot.wait(50)  # laid out again with the figures
    # (at most the share of the scroll bar that the longer figures may bring)
    assert 0 <= before - area.ui.details_group.width() <= 20
    assert area.ui.details_group.width() > area.ui.glance_group.width() > 300
    area.close()
