"""What keeps Capture quick on a long session and a large file, checked as behaviour.

A large workshop (``Workshop.is_large``, here forced on the demo) lists a session's last
notes at once and the earlier ones from a job, without resetting the list; rows are sized
from their text cell, only those on screen in a long list; a search runs in a job, the
latest text typed meanwhile after it; the workshop's collation works its locale out when
a sort first needs it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.edits import capture as edits
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id
from facilitator.store.tables import Table
from facilitator.ui.capture.area import CaptureArea
from facilitator.ui.capture.models import NoteListModel

SESSION = "ses_demo001"


def _grow(ws: Workshop, n: int, session: str = SESSION, text: str = "") -> list[str]:
    """Add ``n`` notes at the end of ``session``; their ids, in order."""
    first = ws.notes.next_position(session)
    rows = [
        {
            "id": new_id("not"),
            "session_id": session,
            "text": text or f"Note {i}: " + "the district budget for water " * (1 + i % 4),
            "position": first + i,
        }
        for i in range(n)
    ]
    ws.rows.load([(Table.NOTES, rows)])
    return [r["id"] for r in rows]


def _area(qtbot, ctx) -> CaptureArea:  # noqa: ANN001
    area = CaptureArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    qtbot.waitExposed(area)
    area.open_context(SESSION, None)
    return area


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every workshop counts as large; the list shows its last 20 notes first."""
    monkeypatch.setattr(Workshop, "is_large", property(lambda _ws: True))
    monkeypatch.setattr(NoteListModel, "HEAD_ROWS", 20)


def test_a_large_session_shows_its_end_first_and_the_rest_without_a_reset(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    large: None,
) -> None:
    ws = ctx.workshop
    _grow(ws, 150)
    every = [r["id"] for r in ws.notes.notes_for(SESSION)]
    area = CaptureArea(ctx)
    qtbot.addWidget(area)
    model = area.notes.model
    area.open_context(SESSION, None)
    assert model.ids() == every[-20:]  # the newest notes, at once
    assert model.loading
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.ids() == every
    assert resets == [] and inserted == [(0, len(every) - 21)]


def test_notes_changed_while_a_large_session_is_listed_are_shown_as_they_are(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    large: None,
) -> None:
    ws = ctx.workshop
    _grow(ws, 100)
    every = [r["id"] for r in ws.notes.notes_for(SESSION)]
    area = _area(qtbot, ctx)
    model = area.notes.model
    assert model.loading
    # before the earlier notes are in: one of them is edited, one deleted, one typed
    ctx.push(edits.edit_note(ws, every[3], {"text": "Edited meanwhile"}))
    ctx.push(edits.delete_notes(ws, [every[5]]))
    area.notes.input.setPlainText("Typed meanwhile")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    in_file = ws.notes.notes_for(SESSION)
    assert model.ids() == [r["id"] for r in in_file]
    assert model.rows[model.row_of(every[3])]["text"] == "Edited meanwhile"
    assert model.row_of(every[5]) == -1
    assert model.rows[-1]["text"] == "Typed meanwhile"


def test_a_note_cannot_be_moved_before_the_whole_session_is_listed(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    messages: list[str],
    large: None,
) -> None:
    ws = ctx.workshop
    _grow(ws, 60)
    area = _area(qtbot, ctx)
    model = area.notes.model
    last = model.ids()[-1]
    area.notes.select_note(last)
    area.notes.move_selected(-1)
    if model.loading:  # (a fast machine may have listed them all already)
        assert "Still listing" in messages[-1]
        assert model.ids()[-1] == last
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    area.notes.select_note(last)
    area.notes.move_selected(-1)
    assert model.ids()[-2] == last
    assert [r["id"] for r in ws.notes.notes_for(SESSION)][-2] == last


def test_rows_are_as_tall_as_qt_would_make_them_measuring_the_text_cell_only(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
) -> None:
    _grow(ctx.workshop, 12)
    area = _area(qtbot, ctx)
    view = area.notes.view
    model = area.notes.model
    assert model.rowCount() <= view.rows_fitter.lazy_over  # every row measured
    qtbot.wait(50)
    ours = [view.rowHeight(r) for r in range(model.rowCount())]
    assert len(set(ours)) > 1  # the longer notes wrap
    cap = view.rows_fitter.cap()
    for row in range(model.rowCount()):
        view.resizeRowToContents(row)  # Qt measures every cell of the row
        qt = view.rowHeight(row)
        assert ours[row] == (min(qt, cap) if cap else qt), row


def test_a_long_list_measures_the_rows_on_screen_and_the_others_as_they_scroll_in(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
) -> None:
    ws = ctx.workshop
    long_ids = _grow(ws, 40, text="Long note: " + "the district budget for water " * 14)
    _grow(ws, 200)
    area = _area(qtbot, ctx)
    view = area.notes.view
    model = area.notes.model
    assert model.rowCount() > view.rows_fitter.lazy_over
    qtbot.wait(50)
    default = view.verticalHeader().defaultSectionSize()
    middle = model.row_of(long_ids[20])
    assert view.rowAt(0) > middle  # the list shows its end
    assert view.rowHeight(middle) == default  # off screen: not measured
    view.scrollTo(model.index(middle, NoteListModel.TEXT))
    qtbot.wait(50)
    assert view.rowHeight(middle) > default  # on screen now: as tall as its text
    ours = view.rowHeight(middle)
    view.resizeRowToContents(middle)
    assert ours == min(view.rowHeight(middle), view.rows_fitter.cap() or 10**6)


def test_adding_a_note_to_a_long_list_inserts_one_row(qtbot, ctx) -> None:  # noqa: ANN001
    _grow(ctx.workshop, 300)
    area = _area(qtbot, ctx)
    model = area.notes.model
    before = model.rowCount()
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.layoutChanged.connect(lambda: events.append("layout"))
    model.rowsInserted.connect(lambda _p, first, last: events.append(f"insert {first}-{last}"))
    area.notes.input.setPlainText("One more")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    assert events == [f"insert {before}-{before}"]
    assert model.rows[-1]["text"] == "One more"


def test_a_large_workshop_searches_in_the_background_and_then_what_was_typed_last(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    large: None,
) -> None:
    area = _area(qtbot, ctx)
    panel = area.search
    area.focus_search()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    panel.query_edit.setText("water")
    panel.run()
    assert panel.busy and panel.count_label.text() == "Searching…"
    panel.query_edit.setText("budget")
    panel.run()  # typed while the first search runs: searched once it is done
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.shown_query == "budget"
    expected = ctx.workshop.notes.search(panel.current_filter())
    assert [panel.model.rows[i]["id"] for i in range(panel.model.rowCount())] == [
        r["id"] for r in expected
    ]


def test_opening_a_workshop_leaves_its_locale_to_the_first_sort(demo_path) -> None:  # noqa: ANN001
    with Workshop(demo_path) as ws:
        ws.info.set_details({"languages": '["Русский"]'})
    with Workshop(demo_path) as ws:
        assert ws.collation._locale is None  # not worked out while opening
        names = [p["name"] for p in ws.people.people()]
        assert ws.collation.locale.name().startswith("ru")
        assert names == ws.collation.sorted(names)


def test_a_large_workshop_lists_the_notes_after_the_area_is_built(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    large: None,
) -> None:
    area = CaptureArea(ctx)
    qtbot.addWidget(area)
    assert not area.notes.listed and area.notes.model.rowCount() == 0  # built, not read
    area.show()
    session = area.session_id
    assert session is not None
    qtbot.waitUntil(lambda: area.notes.listed, timeout=5_000)  # the next turn of the loop
    qtbot.waitUntil(lambda: not area.notes.model.loading, timeout=10_000)
    assert area.notes.model.ids() == [r["id"] for r in ctx.workshop.notes.notes_for(session)]


def test_a_large_workshop_reads_the_roster_when_said_by_is_first_used(
    qtbot,  # noqa: ANN001
    ctx,  # noqa: ANN001
    large: None,
) -> None:
    """Reading thousands of names in a job as the area opens slowed its first display
    (the job's Python work competes with every paint): they are read when "said by" takes
    the keyboard, or at once when a note names someone before that."""
    person = ctx.workshop.rows.get(Table.PEOPLE, "per_demo011")
    area = _area(qtbot, ctx)
    qtbot.waitUntil(lambda: not area.notes.model.loading, timeout=10_000)
    said_by = area.notes.ui.said_by_edit
    assert said_by.completer() is None  # nothing read while the area opened
    area.activateWindow()
    said_by.setFocus()
    qtbot.waitUntil(lambda: said_by.completer() is not None, timeout=10_000)
    completer = said_by.completer()
    completer.setCompletionPrefix(person["name"][:5])
    assert completer.completionCount() >= 1

    # another area, just opened: a note that names someone before the names were read
    other = _area(qtbot, ctx)
    qtbot.waitUntil(lambda: not other.notes.model.loading, timeout=10_000)
    assert other.notes.ui.said_by_edit.completer() is None
    other.notes.ui.said_by_edit.setText(person["name"])
    other.notes.input.setPlainText("Named before the roster was read")
    qtbot.keyClick(other.notes.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: other.notes.model.rows[-1]["text"].startswith("Named"), timeout=5000)
    assert other.notes.model.rows[-1]["attribution_person_id"] == person["id"]
