"""Capture from the keyboard: unique Alt keys for the pickers and fields, Enter in the action
fields, the kind a new place starts with, search results reached with Down, and a search
hit that moves the choice says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QKeySequence

from facilitator.ui.capture.area import SEARCH_TAB, CaptureArea
from facilitator.ui.capture.dialogs import KindsDialog
from facilitator.ui.capture.search_panel import HitDelegate, SearchResultModel
from facilitator.ui.capture.widgets import mnemonics

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MENU_BAR = {"Alt+F", "Alt+E", "Alt+V", "Alt+H"}  # File, Edit, View, Help


@pytest.fixture
def area(qtbot, ctx) -> CaptureArea:  # noqa: ANN001
    widget = CaptureArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    widget.open_context("ses_demo104", None)  # the group exercise: teams and prompts
    return widget


def _alt(qtbot, area: CaptureArea, key: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(area.focusWidget() or area, key, ALT)


def _key(qtbot, area: CaptureArea, key: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(area.focusWidget() or area, key)


def _type(qtbot, area: CaptureArea, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(area.focusWidget(), text)


def _last_note(area: CaptureArea) -> dict:
    return area.ws.notes.notes_for("ses_demo104")[-1]


def test_every_alt_key_of_capture_means_one_thing_and_none_is_a_menu(area: CaptureArea) -> None:
    keys = mnemonics(area)
    doubled = {key: texts for key, texts in keys.items() if len(texts) > 1}
    assert doubled == {}
    assert not MENU_BAR & set(keys)
    kind_keys = {k.shortcut for k in area.notes.kinds}
    assert kind_keys == {f"Alt+{n}" for n in range(1, 10)}
    assert not kind_keys & set(keys)
    expected = {
        "Alt+S": "Session",
        "Alt+M": "Team",
        "Alt+P": "Prompt",
        "Alt+K": "Kind",
        "Alt+B": "Said by",
        "Alt+R": "Star",
        "Alt+O": "Owner",
        "Alt+D": "Due",
        "Alt+U": "Status",
        "Alt+Y": "Summary",
        "Alt+N": "Notes",
        "Alt+W": "Worksheet",
        "Alt+C": "Search",
        "Alt+X": "Exercise",
        "Alt+I": "Edit prompts…",
        "Alt+A": "Discard recovered text",
    }
    assert {key: texts[0] for key, texts in keys.items()} == expected
    hint = area.notes.ui.hint_label.text()
    for documented in ("Alt+1…9", "Alt+S/M/P", "Alt+Y", "Ctrl+F", "Owner and Due"):
        assert documented in hint


def test_session_team_and_prompt_are_chosen_from_the_keyboard(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    bar = area.context.ui
    _alt(qtbot, area, Qt.Key.Key_S)
    assert bar.session_combo.hasFocus()
    _key(qtbot, area, Qt.Key.Key_Up)
    assert area.session_id == "ses_demo103"
    _key(qtbot, area, Qt.Key.Key_Down)
    _key(qtbot, area, Qt.Key.Key_Return)  # back to the note box
    assert area.notes.input.hasFocus() and area.session_id == "ses_demo104"
    _alt(qtbot, area, Qt.Key.Key_M)
    assert bar.team_combo.hasFocus()
    _key(qtbot, area, Qt.Key.Key_Down)
    _key(qtbot, area, Qt.Key.Key_Down)
    _key(qtbot, area, Qt.Key.Key_Return)
    assert area.team_id == "tea_demo01" and area.notes.input.hasFocus()
    _alt(qtbot, area, Qt.Key.Key_P)
    assert bar.prompt_combo.hasFocus()
    _key(qtbot, area, Qt.Key.Key_Down)
    _key(qtbot, area, Qt.Key.Key_Return)
    assert area.prompt_id == "prm_demo00"
    assert area.notes.kind == "answer"  # a prompt: the note is the team's answer
    assert area.notes.ui.kind_combo.currentText().startswith("Worksheet answer")
    _type(qtbot, area, "Parents of teenagers in border towns")
    _key(qtbot, area, Qt.Key.Key_Return)
    note = _last_note(area)
    assert (note["team_id"], note["prompt_id"], note["kind"]) == (
        "tea_demo01",
        "prm_demo00",
        "answer",
    )
    _alt(qtbot, area, Qt.Key.Key_W)  # the worksheet tab shows the answer in its cell
    qtbot.waitUntil(area.worksheet.isVisible, timeout=1000)
    cell = area.worksheet.model.index(0, 1)  # target audience × Team 2
    assert "Parents of teenagers in border towns" in cell.data()


def test_after_alt_s_the_next_note_is_still_saved(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    before = len(area.ws.notes.notes_for("ses_demo104"))
    _alt(qtbot, area, Qt.Key.Key_S)
    _key(qtbot, area, Qt.Key.Key_Return)
    _type(qtbot, area, "Typed right after choosing the session")
    _key(qtbot, area, Qt.Key.Key_Return)
    notes = area.ws.notes.notes_for("ses_demo104")
    assert (
        len(notes) == before + 1 and notes[-1]["text"] == "Typed right after choosing the session"
    )
    _alt(qtbot, area, Qt.Key.Key_R)  # Star is Alt+R and only that
    qtbot.waitUntil(area.notes.ui.star_check.isChecked, timeout=1000)
    assert area.session_id == "ses_demo104"


def test_a_picked_kind_does_not_follow_the_rapporteur_to_another_place(
    qtbot,  # noqa: ANN001
    area: CaptureArea,
) -> None:
    _alt(qtbot, area, Qt.Key.Key_4)
    _type(qtbot, area, "The network will meet every quarter")
    _key(qtbot, area, Qt.Key.Key_Return)
    assert _last_note(area)["kind"] == "decision"
    _type(qtbot, area, "And publish its minutes")  # the kind sticks while the place does
    _key(qtbot, area, Qt.Key.Key_Return)
    assert _last_note(area)["kind"] == "decision"
    area.context.choose("ses_demo104", "tea_demo02", "prm_demo01")  # team 3, key message
    assert area.notes.kind == "answer"
    _type(qtbot, area, "Skills and jobs, not violence")
    _key(qtbot, area, Qt.Key.Key_Return)
    assert _last_note(area)["kind"] == "answer"
    area.context.choose("ses_demo104", None, None)
    assert area.notes.kind == "key_point"
    # Text typed with a kind of its own keeps that kind when it moves.
    _alt(qtbot, area, Qt.Key.Key_2)
    _type(qtbot, area, "Fund youth groups directly")
    area.context.choose("ses_demo104", "tea_demo00", None)
    assert area.notes.kind == "recommendation"
    _key(qtbot, area, Qt.Key.Key_Return)
    note = _last_note(area)
    assert (note["kind"], note["team_id"]) == ("recommendation", "tea_demo00")


def test_enter_in_owner_due_or_status_saves_the_action_item(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    _alt(qtbot, area, Qt.Key.Key_3)
    assert area.notes.ui.action_row.isVisible()
    _type(qtbot, area, "Share the campaign toolkit")
    _alt(qtbot, area, Qt.Key.Key_O)
    assert area.notes.ui.owner_edit.hasFocus()
    _type(qtbot, area, "SEARCCT")
    _key(qtbot, area, Qt.Key.Key_Return)
    note = _last_note(area)
    assert (note["kind"], note["text"], note["action_owner"]) == (
        "action_item",
        "Share the campaign toolkit",
        "SEARCCT",
    )
    assert note["action_due"] is None
    assert area.notes.input.hasFocus() and area.notes.input.toPlainText() == ""
    _type(qtbot, area, "Send the survey to every team")
    _alt(qtbot, area, Qt.Key.Key_D)  # ticks Due and puts the keyboard in the date
    qtbot.waitUntil(area.notes.ui.due_edit.hasFocus, timeout=1000)
    assert area.notes.ui.due_check.isChecked()
    _type(qtbot, area, "2026-04-30")
    assert area.notes.ui.due_edit.date() == QDate(2026, 4, 30)
    _key(qtbot, area, Qt.Key.Key_Return)
    assert (_last_note(area)["text"], _last_note(area)["action_due"]) == (
        "Send the survey to every team",
        "2026-04-30",
    )
    _type(qtbot, area, "Close the loop with the ministries")
    _alt(qtbot, area, Qt.Key.Key_U)
    assert area.notes.ui.status_combo.hasFocus()
    _key(qtbot, area, Qt.Key.Key_Down)
    _key(qtbot, area, Qt.Key.Key_Return)
    assert _last_note(area)["action_status"] == "in progress"
    assert area.notes.ui.status_combo.currentText() == "open"  # the next one starts open


def test_down_from_the_search_box_reaches_the_results(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    qtbot.keyClick(area.notes.input, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert area.tabs.currentIndex() == SEARCH_TAB and area.search.query_edit.hasFocus()
    _type(qtbot, area, "youth")
    _key(qtbot, area, Qt.Key.Key_Down)  # before the typing pause ran the search
    view = area.search.view
    assert view.hasFocus() and view.currentIndex().row() == 0
    assert area.search.model.rowCount() == 3
    _key(qtbot, area, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    _key(qtbot, area, Qt.Key.Key_Up)
    _key(qtbot, area, Qt.Key.Key_Up)  # from the first result, back to the box
    assert area.search.query_edit.hasFocus()
    _alt(qtbot, area, Qt.Key.Key_N)
    assert area.notes.input.hasFocus()
    _alt(qtbot, area, Qt.Key.Key_C)
    assert area.search.query_edit.hasFocus()


def test_hits_are_highlighted_and_brackets_stay_the_users(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    area.context.choose("ses_demo104", None, None)
    qtbot.keyClicks(area.notes.input, "Mentors [not officials] reach youth best")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)
    area.focus_search()
    qtbot.keyClicks(area.search.query_edit, "mentors")
    area.search.run()
    model = area.search.model
    assert model.rowCount() == 1
    text = model.index(0, SearchResultModel.TEXT).data()
    assert text == "Mentors [not officials] reach youth best"
    spans = model.index(0, SearchResultModel.TEXT).data(SearchResultModel.SpansRole)
    assert [t for t, hit in spans if hit] == ["Mentors"]
    assert HitDelegate.html(spans).startswith('<span style="background-color:#FFE066')
    qtbot.wait(50)
    image = area.search.view.viewport().grab().toImage()
    rect = area.search.view.visualRect(model.index(0, SearchResultModel.TEXT))
    colours = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.left() + 120)
        for y in range(rect.top(), rect.bottom())
    }
    assert QColor("#FFE066").name() in colours  # the hit is drawn on a yellow ground


def test_opening_a_hit_elsewhere_says_where_the_notes_now_go(
    qtbot,  # noqa: ANN001
    area: CaptureArea,
    messages: list[str],
) -> None:
    area.context.choose("ses_demo104", "tea_demo01", "prm_demo02")
    area.focus_search()
    qtbot.keyClicks(area.search.query_edit, "micro-platforms")
    qtbot.keyClick(area.search.query_edit, Qt.Key.Key_Return)  # Enter goes to the results
    assert area.search.view.hasFocus()
    target = area.search.model.rows[0]
    qtbot.keyClick(area.search.view, Qt.Key.Key_Return)
    assert area.session_id == target["session_id"] != "ses_demo104"
    assert area.team_id is None and area.prompt_id is None
    assert area.notes.selected_ids() == [target["id"]]
    assert messages[-1].startswith("Switched session, team and prompt to show the note: Day 2 ·")
    assert "New notes go there now" in messages[-1]
    assert area.context.announced() == "↪ moved to show the note"
    bar = area.context.ui
    assert bar.session_combo.styleSheet() and bar.team_combo.styleSheet()
    assert area.notes.kind == "key_point"  # no prompt there: not an answer any more
    assert area.notes.view.hasFocus()
    _alt(qtbot, area, Qt.Key.Key_N)  # the notes tab is shown already: back to the box
    qtbot.waitUntil(area.notes.input.hasFocus, timeout=1000)
    # The rapporteur's next choice clears the mark.
    area.context.choose("ses_demo104", None, None)
    assert area.context.announced() == "" and bar.session_combo.styleSheet() == ""
    # A hit where the rapporteur already is moves nothing and says nothing about it.
    said = len(messages)
    own = area.ws.notes.notes_for("ses_demo104")[0]
    area.context.choose(own["session_id"], own["team_id"], own["prompt_id"])
    area.handle_request({"note_id": own["id"]})
    assert area.context.announced() == "" and len(messages) == said


def test_a_kind_cannot_take_a_key_capture_already_uses(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    dialog = KindsDialog(area.notes.kinds, area, area.notes.reserved_keys())
    qtbot.addWidget(dialog)
    key_point = dialog.rows[0][2]
    key_point.setKeySequence("Alt+S")
    dialog.accept()
    assert "“Alt+S” is used by both “Session” and “Key point”" in dialog.error_label.text()
    assert dialog.result() == 0 and area.ws.notes.kinds()[0].shortcut == "Alt+1"


def test_ctrl_z_in_the_emptied_box_takes_back_the_note_just_saved(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    # the window's Edit ▸ Undo and Redo, as menus.py makes them
    stack = area.ctx.undo_stack
    undo = stack.createUndoAction(area, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(area, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    area.addActions([undo, redo])
    box = area.notes.ui.note_input
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=1000)
    before = len(area.ws.notes.notes_for("ses_demo104"))
    qtbot.keyClicks(box, "Said in haste")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _last_note(area)["text"] == "Said in haste"
    qtbot.waitUntil(lambda: box.toPlainText() == "", timeout=1000)

    # typing in the box: Ctrl+Z undoes the typing, the saved note stays
    qtbot.keyClicks(box, "draft")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == ""
    assert len(area.ws.notes.notes_for("ses_demo104")) == before + 1

    # nothing left to undo in the box: Ctrl+Z is Edit ▸ Undo, the note is taken back
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert len(area.ws.notes.notes_for("ses_demo104")) == before
    assert box.hasFocus()
    # and redone from the box the same way (the box's own redo of "draft" comes first)
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL | SHIFT)
    assert box.toPlainText() == "draft"
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    box.document().clearUndoRedoStacks()
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    assert _last_note(area)["text"] == "Said in haste"
    assert len(area.ws.notes.notes_for("ses_demo104")) == before + 1
