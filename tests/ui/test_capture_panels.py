"""The capture panels follow the context bar and the file, and refresh only what changed."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from facilitator.domain.capture import Kind
from facilitator.edits import agenda as agenda_edits
from facilitator.edits import capture as edits
from facilitator.store.tables import Table
from facilitator.ui.agenda.clock import FixedClock
from facilitator.ui.capture.area import WORKSHEET_TAB, CaptureArea
from facilitator.ui.capture.dialogs import ConflictDialog
from facilitator.ui.capture.models import NoteListModel


@pytest.fixture
def area(qtbot, ctx) -> CaptureArea:  # noqa: ANN001
    widget = CaptureArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.open_context("ses_demo104", None)
    return widget


def _start(ctx, session_id: str) -> None:  # noqa: ANN001
    """What the Agenda's Start does: record the start on its clock and announce it."""
    ctx.push(agenda_edits.start_session(ctx.workshop, [session_id], ctx.bus.clock.now()))
    ctx.bus.set_live_session(session_id)


def test_the_live_session_is_followed_until_another_is_chosen(qtbot, ctx) -> None:  # noqa: ANN001
    ctx.bus.clock = FixedClock(datetime(2026, 3, 11, 13, 35))  # day two, after lunch
    widget = CaptureArea(ctx)
    qtbot.addWidget(widget)
    _start(ctx, "ses_demo104")
    assert widget.session_id == "ses_demo104"
    assert widget.context.ui.live_label.text() == "● live"
    assert "Group exercise 1" in widget.summary.ui.summary_label.text()
    assert "live" not in widget.summary.ui.summary_label.text()
    assert widget.notes.model.rowCount() == widget.ws.notes.count_for_session("ses_demo104")
    widget.open_context("ses_demo003", None)  # the rapporteur goes elsewhere
    ctx.bus.clock.advance(minutes=90)
    _start(ctx, "ses_demo106")
    assert widget.session_id == "ses_demo003"
    assert widget.context.ui.live_label.text() == ""
    live = widget.context.ui.session_combo.findData("ses_demo106")
    assert widget.context.ui.session_combo.itemText(live).endswith("● live")
    widget.open_context("ses_demo106", None)  # back on the live session: follow it again
    ctx.bus.clock.advance(minutes=30)
    _start(ctx, "ses_demo105")
    assert widget.session_id == "ses_demo105"


def test_list_keeps_its_selection_and_shows_new_names(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    model = area.notes.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    assert area.notes.select_note("not_ws021")
    area.ws.rows.update(Table.TEAMS, "tea_demo02", {"name": "Team Three"})
    at = model.row_of("not_ws021")
    assert model.index(at, NoteListModel.WHERE).data().startswith("Team Three · ")
    assert area.notes.selected_ids() == ["not_ws021"]
    area.ws.rows.update(Table.EXERCISE_PROMPTS, "prm_demo01", {"text": "Main message"})
    assert model.index(at, NoteListModel.WHERE).data() == "Team Three · Main message"
    assert resets == []  # renames update the rows that show the name, in place


def test_said_by_shows_a_renamed_person(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    area.open_context("ses_demo001", None)
    model = area.notes.model
    at = model.row_of("not_ses_demo001_0")
    area.ws.rows.update(Table.PEOPLE, "per_demo000", {"name": "Dr. Renamed Person"})
    assert model.index(at, NoteListModel.SAID_BY).data() == "Dr. Renamed Person"
    completer = area.notes.ui.said_by_edit.completer()
    completer.setCompletionPrefix("renamed")
    assert completer.completionCount() == 1


def test_worksheet_cells_follow_note_edits_in_place(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    area.tabs.setCurrentIndex(WORKSHEET_TAB)
    model = area.worksheet.model
    view = area.worksheet.ui.worksheet_view
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    view.setCurrentIndex(model.index(4, 3))
    cell = model.index(1, 2)  # key message × team 3
    ctx.push(edits.edit_note(area.ws, "not_ws021", {"text": "Jobs, not violence"}))
    assert cell.data() == "Jobs, not violence"
    ctx.push(edits.delete_notes(area.ws, ["not_ws021"]))
    assert cell.data() == ""
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert cell.data() == "Skills and jobs, not violence"
    area.open_context("ses_demo104", "tea_demo02", "prm_demo01")
    qtbot.keyClicks(area.notes.input, "Work is dignity")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    area.tabs.setCurrentIndex(WORKSHEET_TAB)  # the grid, hidden meanwhile, catches up
    assert cell.data() == "• Skills and jobs, not violence\n• Work is dignity"
    assert resets == []
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, 3)


def test_summary_shows_undo_and_other_writers(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    edit = area.summary.ui.summary_edit
    qtbot.keyClicks(edit, "Four campaigns")
    qtbot.waitUntil(lambda: area.ws.notes.summary("ses_demo104", None) is not None, timeout=2000)
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    qtbot.keyClicks(edit, "About ")
    area.summary.flush()
    assert edit.toPlainText() == "About Four campaigns"
    assert edit.textCursor().position() == len("About ")  # saving left the cursor alone
    ctx.undo_stack.undo()  # typing merged into one step
    assert edit.toPlainText() == ""
    ctx.undo_stack.redo()
    assert edit.toPlainText() == "About Four campaigns"
    row = area.ws.notes.summary("ses_demo104", None)
    area.ws.rows.update(Table.SUMMARIES, row["id"], {"text": "Written on a phone"})
    assert edit.toPlainText() == "Written on a phone"
    ctx.push(edits.SaveSummary(area.ws, "ses_demo104", "tea_demo00", "Team 1 only"))
    assert edit.toPlainText() == "Written on a phone"


def test_summary_conflict_mark_follows_resolving_and_undo(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    stamp = "2026-03-11T14:00:00Z"
    for row in (
        {"id": "sum_mine", "text": "Mine", "conflict_of": None},
        {"id": "sum_other", "text": "Theirs", "conflict_of": "sum_mine"},
    ):
        row.update(session_id="ses_demo104", team_id=None, created=stamp, updated=stamp)
        area.ws.rows.insert(Table.SUMMARIES, row)
    marker = area.summary.ui.summary_conflict
    assert area.summary.ui.summary_edit.toPlainText() == "Mine"
    assert marker.isVisible()
    assert "1 merge conflict" in area.context.ui.conflict_button.text()
    dialog = ConflictDialog(ctx, area)
    qtbot.addWidget(dialog)
    dialog.ui.keep_mine_button.click()  # drops the other version; this one is untouched
    assert not marker.isVisible()
    assert area.context.ui.conflict_button.isHidden()
    ctx.undo_stack.undo()  # the other version comes back
    assert marker.isVisible()
    assert area.context.ui.conflict_button.isVisible()
    dialog.reload()
    dialog.ui.keep_other_button.click()
    assert area.summary.ui.summary_edit.toPlainText() == "Theirs"
    assert not marker.isVisible()


def test_new_kind_labels_reach_the_picker_the_list_and_search(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    renamed = {"key_point": "Insight", "answer": "Team answer"}
    kinds = [
        Kind(k.key, renamed.get(k.key, k.label), k.prefix, k.shortcut) for k in area.notes.kinds
    ]
    area.ws.notes.set_kinds(kinds)
    assert area.notes.ui.kind_combo.itemText(0).startswith("Insight")
    at = area.notes.model.row_of("not_ws021")  # a worksheet answer of the demo
    assert area.notes.model.index(at, NoteListModel.KIND).data() == "Team answer"
    assert area.search.kind_combo.findText("Insight") >= 0


def test_model_tester_after_changes(qtmodeltester, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    ctx.push(edits.edit_note(area.ws, "not_ws021", {"position": 99}))
    ctx.push(edits.delete_notes(area.ws, ["not_ws010"]))
    area.ws.rows.update(Table.TEAMS, "tea_demo02", {"name": "Team Three"})
    qtmodeltester.check(area.notes.model)
    qtmodeltester.check(area.worksheet.model)


def test_a_hidden_note_list_reads_new_notes_only_once_shown(
    qtbot, area: CaptureArea, monkeypatch
) -> None:  # noqa: ANN001
    from facilitator.store.notes import new_note_row
    from facilitator.ui.capture.area import NOTES_TAB, SEARCH_TAB

    reads: list[list[str]] = []
    real = area.ws.notes.notes_by_ids
    monkeypatch.setattr(area.ws.notes, "notes_by_ids", lambda ids: reads.append(ids) or real(ids))
    before = area.notes.model.rowCount()
    area.tabs.setCurrentIndex(SEARCH_TAB)  # the list is not on screen
    qtbot.waitUntil(lambda: not area.notes.isVisible(), timeout=1000)
    rows = [
        new_note_row(session_id="ses_demo104", text=f"From a phone {i}", position=None)
        for i in range(3)
    ]
    for row in rows:
        area.ws.notes.add_note(row)  # another writer (the venue server)
    area.hide()
    gone = new_note_row(session_id="ses_demo104", text="Added and deleted while away")
    area.ws.notes.add_note(gone)
    area.ws.rows.delete(Table.NOTES, [gone["id"]])
    assert reads == [] and area.notes.model.rowCount() == before

    area.show()
    area.tabs.setCurrentIndex(NOTES_TAB)
    qtbot.waitUntil(area.notes.isVisible, timeout=1000)
    assert len(reads) == 1  # everything that came meanwhile, in one read
    model = area.notes.model
    assert [r["text"] for r in model.rows[-3:]] == [r["text"] for r in rows]
    assert model.rowCount() == before + 3
    view = area.notes.view
    qtbot.waitUntil(
        lambda: view.viewport().rect().intersects(view.visualRect(model.index(before + 2, 0))),
        timeout=1000,
    )  # and the newest is on screen


def test_a_hidden_note_list_answers_a_request_for_a_note_added_meanwhile(
    qtbot, area: CaptureArea
) -> None:  # noqa: ANN001
    from facilitator.store.notes import new_note_row
    from facilitator.ui.capture.area import SEARCH_TAB

    area.tabs.setCurrentIndex(SEARCH_TAB)
    row = new_note_row(session_id="ses_demo104", text="Open me from the search")
    area.ws.notes.add_note(row)
    area.notes.select_note(row["id"])  # asked before it is shown: it catches up first
    assert area.notes.selected_ids() == [row["id"]]


def test_a_typed_note_is_first_painted_measured_and_in_view(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    from PySide6.QtCore import QEvent, QObject

    view = area.notes.view
    model = area.notes.model
    cap = view.fontMetrics().lineSpacing() * 6 + 10
    seen: list[tuple[int, bool]] = []  # at each paint of the list: the new row's height, shown

    class Paints(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and model.rows[-1]["text"].startswith("word"):
                rect = view.visualRect(model.index(model.rowCount() - 1, NoteListModel.TEXT))
                seen.append(
                    (view.rowHeight(model.rowCount() - 1), view.viewport().rect().intersects(rect))
                )
            return False

    qtbot.waitExposed(area)
    paints = Paints()
    view.viewport().installEventFilter(paints)
    qtbot.keyClicks(area.notes.input, "word " * 300)
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    assert model.rows[-1]["text"].startswith("word")  # in the list when Enter returns
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen[0] == (cap, True)  # its first paint: six lines tall, on screen; no flicker
    view.viewport().removeEventFilter(paints)


def test_the_conflict_count_is_read_again_only_when_a_change_can_move_it(
    qtbot, area: CaptureArea, monkeypatch
) -> None:  # noqa: ANN001
    stamp = "2026-03-11T14:00:00Z"
    area.ws.rows.insert(
        Table.NOTES,
        {
            "id": "not_theirs",
            "session_id": "ses_demo104",
            "text": "Their version",
            "conflict_of": "not_ws021",
            "position": 99,
            "created": stamp,
            "updated": stamp,
        },
    )  # as a merge leaves it
    button = area.context.ui.conflict_button
    assert button.isVisible() and "1 merge conflict" in button.text()
    reads: list[int] = []
    real = area.ws.notes.conflict_ids
    monkeypatch.setattr(area.ws.notes, "conflict_ids", lambda: reads.append(1) or real())
    qtbot.keyClicks(area.notes.input, "A note typed meanwhile")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    assert reads == []  # typing a note cannot make or settle a conflict
    assert area.notes.select_note("not_theirs")
    area.notes.view.setFocus()
    qtbot.keyClick(area.notes.view, Qt.Key.Key_Delete)  # the other copy's version deleted
    assert reads == [1] and button.isHidden()
    area.ctx.undo_stack.undo()  # and back
    assert button.isVisible() and "1 merge conflict" in button.text()
