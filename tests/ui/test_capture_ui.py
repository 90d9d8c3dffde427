"""The Capture area driven through the keyboard, as a rapporteur uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.store import notes as store
from facilitator.store.database import Workshop
from facilitator.store.tables import Table
from facilitator.ui.capture.area import CaptureArea
from facilitator.ui.capture.dialogs import ConflictDialog, KindsDialog, PromptEditorDialog
from facilitator.ui.capture.drafts import DRAFT_ID
from facilitator.ui.capture.models import NoteListModel, WorksheetModel
from facilitator.ui.capture.search_panel import SearchResultModel


@pytest.fixture
def area(qtbot, ctx) -> CaptureArea:  # noqa: ANN001
    widget = CaptureArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    widget.open_context("ses_demo001", None)
    return widget


def _type(qtbot, area: CaptureArea, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(area.notes.input, text)


def _enter(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return)


def _notes(area: CaptureArea) -> list[dict]:
    return area.ws.notes.notes_for("ses_demo001")


def test_enter_saves_shift_enter_breaks_line(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    before = area.notes.model.rowCount()
    _type(qtbot, area, "First line")
    qtbot.keyClick(area.notes.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    _type(qtbot, area, "second line")
    assert area.notes.model.rowCount() == before
    _enter(qtbot, area)
    assert area.notes.model.rowCount() == before + 1
    last = area.notes.model.rows[-1]
    assert last["text"] == "First line\nsecond line"
    assert last["kind"] == "key_point"
    assert area.notes.input.toPlainText() == ""
    assert area.ws.notes.load_draft(DRAFT_ID) is None
    assert area.notes.model.data(
        area.notes.model.index(before, NoteListModel.TIME)
    )  # timestamp shown
    _enter(qtbot, area)  # an empty Enter saves nothing
    assert area.notes.model.rowCount() == before + 1


def test_keys_typed_straight_after_enter_start_the_next_note(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    """Keys queued behind Enter (a fast typist: no turn of the event loop between them) are
    the next note; a second Enter at once saves nothing twice; the box is empty to anyone
    who asks as soon as Enter has saved, and on screen before it is painted again."""
    before = area.notes.model.rowCount()
    _type(qtbot, area, "One")
    _enter(qtbot, area)
    assert area.notes.input.toPlainText() == ""
    _type(qtbot, area, "Two")
    _enter(qtbot, area)
    _type(qtbot, area, "Thr")
    _enter(qtbot, area)
    area.notes.input.insertPlainText("Fo")
    _type(qtbot, area, "ur")
    assert [r["text"] for r in area.notes.model.rows[before:]] == ["One", "Two", "Thr"]
    assert area.notes.input.toPlainText() == "Four"
    _enter(qtbot, area)
    area.notes.input.setPlainText("Five")
    _enter(qtbot, area)
    _enter(qtbot, area)
    assert [r["text"] for r in _notes(area)[-5:]] == ["One", "Two", "Thr", "Four", "Five"]
    qtbot.waitUntil(lambda: area.notes.input.document().isEmpty(), timeout=1000)


def test_kind_by_shortcut_and_by_prefix(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    qtbot.keyClick(area.notes.input, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert area.notes.kind == "decision"
    _type(qtbot, area, "Meet again in six months")
    _enter(qtbot, area)
    _type(qtbot, area, "r: Fund youth groups directly")
    assert "Recommendation" in area.notes.ui.prefix_hint.text()
    _enter(qtbot, area)
    rows = area.notes.model.rows[-2:]
    assert [(r["kind"], r["text"]) for r in rows] == [
        ("decision", "Meet again in six months"),
        ("recommendation", "Fund youth groups directly"),
    ]
    assert area.notes.kind == "decision"  # the chosen kind sticks; a prefix is for one note


def test_kinds_dialog_changes_prefix_and_shortcut(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    dialog = KindsDialog(area.notes.kinds, area)
    qtbot.addWidget(dialog)
    dialog.findChild(type(area.notes.ui.said_by_edit), "prefix_recommendation").setText("rec")
    dialog.findChild(type(area.notes.ui.said_by_edit), "prefix_key_point").setText("rec")
    dialog.accept()
    assert "used by both" in dialog.error_label.text()
    dialog.findChild(type(area.notes.ui.said_by_edit), "prefix_key_point").setText("kp")
    dialog.accept()
    area.ws.notes.set_kinds(dialog.result_kinds)
    assert area.ws.notes.kinds()[1].prefix == "rec"
    _type(qtbot, area, "rec: Adopt action plans")
    _enter(qtbot, area)
    assert area.notes.model.rows[-1]["kind"] == "recommendation"


def test_attribution_from_roster_or_description(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    person = area.ws.rows.get(Table.PEOPLE, "per_demo011")
    completer = area.notes.ui.said_by_edit.completer()
    completer.setCompletionPrefix(person["name"][2:7].lower())  # matches inside the name
    matches = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert any(m.startswith(person["name"]) for m in matches)
    area.notes.ui.said_by_edit.setText(person["name"])
    area.notes.ui.star_check.setChecked(True)
    _type(qtbot, area, "Local messengers matter")
    _enter(qtbot, area)
    row = area.notes.model.rows[-1]
    assert row["attribution_person_id"] == person["id"] and row["starred"] == 1
    assert area.notes.ui.said_by_edit.text() == "" and not area.notes.ui.star_check.isChecked()
    area.notes.ui.said_by_edit.setText("a civil-society participant from Thailand")
    _type(qtbot, area, "We need safe spaces")
    _enter(qtbot, area)
    row = area.notes.model.rows[-1]
    assert row["attribution_person_id"] is None
    assert row["attribution_text"] == "a civil-society participant from Thailand"
    shown = area.notes.model.index(area.notes.model.rowCount() - 1, NoteListModel.SAID_BY).data()
    assert shown == "a civil-society participant from Thailand"


def test_action_item_has_owner_due_and_status(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    qtbot.keyClick(area.notes.input, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert area.notes.ui.action_row.isVisible()
    area.notes.ui.owner_edit.setText("UNODC")
    area.notes.ui.due_check.setChecked(True)
    area.notes.ui.due_edit.setDate(
        area.notes.ui.due_edit.date().fromString("2026-04-30", "yyyy-MM-dd")
    )
    area.notes.ui.status_combo.setCurrentText("in progress")
    _type(qtbot, area, "Share the resource list")
    _enter(qtbot, area)
    row = area.notes.model.rows[-1]
    assert (row["kind"], row["action_owner"], row["action_due"], row["action_status"]) == (
        "action_item",
        "UNODC",
        "2026-04-30",
        "in progress",
    )
    at = area.notes.model.rowCount() - 1
    assert area.notes.model.setData(area.notes.model.index(at, NoteListModel.STATUS), "done")
    assert not area.notes.model.setData(area.notes.model.index(at, NoteListModel.DUE), "next week")
    assert area.ws.notes.note(row["id"])["action_status"] == "done"


def test_two_action_items_in_a_row_start_empty(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    notes = area.notes
    qtbot.keyClick(notes.input, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # stays chosen
    for owner in ("UNODC", "SEARCCT"):
        assert notes.ui.action_row.isVisible()
        assert notes.ui.owner_edit.text() == "" and not notes.ui.due_check.isChecked()
        notes.ui.owner_edit.setText(owner)
        notes.ui.due_check.setChecked(True)
        notes.ui.status_combo.setCurrentText("in progress")
        _type(qtbot, area, f"Follow up with {owner}")
        _enter(qtbot, area)
        qtbot.waitUntil(lambda: notes.input.toPlainText() == "")
        row = notes.model.rows[-1]
        assert (row["kind"], row["action_owner"], row["action_status"]) == (
            "action_item",
            owner,
            "in progress",
        )
    assert notes.ui.owner_edit.text() == "" and not notes.ui.due_check.isChecked()
    assert notes.ui.status_combo.currentText() == "open"


def test_action_fields_left_filled_under_another_kind_are_empty_for_the_next_action(
    qtbot,  # noqa: ANN001
    area: CaptureArea,
) -> None:
    notes = area.notes
    qtbot.keyClick(notes.input, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    notes.ui.owner_edit.setText("UNODC")
    notes.ui.due_check.setChecked(True)
    notes.ui.status_combo.setCurrentText("in progress")
    qtbot.keyClick(notes.input, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not notes.ui.action_row.isVisible()
    _type(qtbot, area, "Not an action after all")
    _enter(qtbot, area)
    row = notes.model.rows[-1]
    assert (row["kind"], row["action_owner"], row["action_due"]) == ("key_point", "", None)
    qtbot.keyClick(notes.input, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert notes.ui.action_row.isVisible()
    assert notes.ui.owner_edit.text() == ""
    assert not notes.ui.due_check.isChecked()
    assert notes.ui.status_combo.currentText() == "open"
    _type(qtbot, area, "Share the resource list")
    _enter(qtbot, area)
    row = notes.model.rows[-1]
    assert (row["kind"], row["action_owner"], row["action_due"], row["action_status"]) == (
        "action_item",
        "",
        None,
        "open",
    )


def test_edit_in_place_star_move_delete_and_undo(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    stack = ctx.undo_stack
    original = [r["text"] for r in _notes(area)]
    # edit the text in place through the view's editor
    area.notes.select_row(1)
    index = area.notes.model.index(1, NoteListModel.TEXT)
    area.notes.view.setFocus()
    area.notes.view.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Rewritten challenge")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next event loop turn
    qtbot.waitUntil(lambda: _notes(area)[1]["text"] == "Rewritten challenge", timeout=2000)
    # star with Space
    area.notes.view.setFocus()
    qtbot.keyClick(area.notes.view, Qt.Key.Key_Space)
    assert _notes(area)[1]["starred"] == 1
    # move it up with Alt+Up; the selection follows
    qtbot.keyClick(area.notes.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r["text"] for r in _notes(area)][:2] == ["Rewritten challenge", original[0]]
    assert area.notes.selected_ids() == [_notes(area)[0]["id"]]
    # delete it
    qtbot.keyClick(area.notes.view, Qt.Key.Key_Delete)
    assert "Rewritten challenge" not in [r["text"] for r in _notes(area)]
    assert area.notes.model.rowCount() == len(original) - 1
    # every step undoes
    while stack.canUndo():
        stack.undo()
    assert [r["text"] for r in _notes(area)] == original
    assert [r["text"] for r in area.notes.model.rows] == original
    assert all(r["starred"] == (i == 0) for i, r in enumerate(_notes(area)))


def test_undo_of_a_new_note(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    n = area.notes.model.rowCount()
    _type(qtbot, area, "Oops")
    _enter(qtbot, area)
    assert area.notes.model.rowCount() == n + 1
    ctx.undo_stack.undo()
    assert area.notes.model.rowCount() == n
    ctx.undo_stack.redo()
    assert area.notes.model.rows[-1]["text"] == "Oops"


def test_team_and_prompt_notes_fill_the_worksheet(qtbot, area: CaptureArea) -> None:  # noqa: ANN001
    area.tabs.setCurrentIndex(1)
    model = area.worksheet.model
    assert model.rowCount() == 6 and model.columnCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Team 1"
    cell = model.index(1, 2)  # key message × team 3
    assert cell.data() == "Skills and jobs, not violence"
    area.worksheet.ui.worksheet_view.setFocus()
    area.worksheet.ui.worksheet_view.setCurrentIndex(cell)
    qtbot.keyClick(area.worksheet.ui.worksheet_view, Qt.Key.Key_Return)
    assert area.tabs.currentIndex() == 0
    assert (area.session_id, area.team_id, area.prompt_id) == (
        "ses_demo104",
        "tea_demo02",
        "prm_demo01",
    )
    _type(qtbot, area, "Work is dignity")
    _enter(qtbot, area)
    assert area.notes.model.rows[-1]["prompt_id"] == "prm_demo01"
    assert all(r["team_id"] == "tea_demo02" for r in area.notes.model.rows)
    area.tabs.setCurrentIndex(1)  # the grid, hidden meanwhile, catches up when shown
    assert model.index(1, 2).data() == "• Skills and jobs, not violence\n• Work is dignity"


def test_prompt_editor_dialog_is_undoable(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    dialog = PromptEditorDialog(ctx, "exe_demo1", None, area)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    qtbot.keyClicks(dialog.ui.new_prompt_edit, "Timeline")
    qtbot.keyClick(dialog.ui.new_prompt_edit, Qt.Key.Key_Return)
    dialog.ui.prompt_list.setCurrentIndex(dialog.model.index(0, 0))
    dialog.ui.remove_button.click()
    dialog.ui.prompt_list.setCurrentIndex(dialog.model.index(2, 0))
    dialog.ui.up_button.click()
    dialog.accept()
    texts = [p["text"] for p in ctx.workshop.notes.prompts("exe_demo1")]
    assert texts == ["Who should act", "Timeline", "Resources needed"]
    ctx.undo_stack.undo()
    texts = [p["text"] for p in ctx.workshop.notes.prompts("exe_demo1")]
    assert texts == ["Priority recommendation", "Who should act", "Resources needed"]
    # a session without an exercise gets one
    new = PromptEditorDialog(ctx, None, "ses_demo001", area)
    qtbot.addWidget(new)
    new.ui.new_prompt_edit.setText("What worked")
    new.accept()
    exercise = ctx.workshop.notes.exercise_for_session("ses_demo001")
    assert [p["text"] for p in ctx.workshop.notes.prompts(exercise["id"])] == ["What worked"]
    assert area.context.ui.prompt_combo.findText("What worked") >= 0


def test_summary_per_session_and_team_saved_and_undoable(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    area.open_context("ses_demo104", None)
    qtbot.keyClicks(area.summary.ui.summary_edit, "Four campaigns designed.")
    qtbot.waitUntil(lambda: area.ws.notes.summary("ses_demo104", None) is not None, timeout=2000)
    area.open_context("ses_demo104", "tea_demo00")
    assert area.summary.ui.summary_edit.toPlainText() == ""
    assert "Team 1" in area.summary.ui.summary_label.text()
    qtbot.keyClicks(area.summary.ui.summary_edit, "Team 1 chose students.")
    area.open_context("ses_demo104", None)  # switching saves what was typed at once
    assert area.ws.notes.summary("ses_demo104", "tea_demo00")["text"] == "Team 1 chose students."
    assert area.summary.ui.summary_edit.toPlainText() == "Four campaigns designed."
    ctx.undo_stack.undo()
    assert area.ws.notes.summary("ses_demo104", "tea_demo00") is None


def test_draft_is_kept_within_a_second_and_offered_back(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    area.open_context("ses_demo104", "tea_demo01", "prm_demo02")
    _type(qtbot, area, "half a thought")
    qtbot.waitUntil(lambda: area.ws.notes.load_draft(DRAFT_ID) is not None, timeout=1000)
    draft = area.ws.notes.load_draft(DRAFT_ID)
    assert draft["text"] == "half a thought"
    assert draft["context"]["team_id"] == "tea_demo01"
    again = CaptureArea(ctx)
    qtbot.addWidget(again)
    assert again.notes.input.toPlainText() == "half a thought"
    assert (again.session_id, again.team_id, again.prompt_id) == (
        "ses_demo104",
        "tea_demo01",
        "prm_demo02",
    )
    assert not again.drafts.isHidden()
    again.drafts.ui.discard_button.click()
    assert area.ws.notes.load_draft(DRAFT_ID) is None


def test_a_kept_draft_goes_with_the_note_it_became(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    """Enter deletes the draft the keeper wrote, also one a restored backup brought back
    (a note sent before any draft was kept has none to delete): reopening offers nothing."""
    _type(qtbot, area, "kept for a while")
    qtbot.waitUntil(lambda: area.ws.notes.load_draft(DRAFT_ID) is not None, timeout=1000)
    backup = area.ws.take_backup()  # holds the draft
    _enter(qtbot, area)
    assert area.ws.notes.load_draft(DRAFT_ID) is None
    _type(qtbot, area, "sent at once")
    _enter(qtbot, area)  # no draft was written for it
    assert area.ws.notes.load_draft(DRAFT_ID) is None
    area.ws.restore_backup(backup)
    assert area.ws.notes.load_draft(DRAFT_ID)["text"] == "kept for a while"
    _type(qtbot, area, "typed after the restore")
    _enter(qtbot, area)
    assert area.ws.notes.load_draft(DRAFT_ID) is None
    assert area.notes.model.rows[-1]["text"] == "typed after the restore"
    again = CaptureArea(ctx)
    qtbot.addWidget(again)
    assert again.notes.input.toPlainText() == ""
    assert again.drafts.isHidden()


def test_search_opens_the_note_in_place(qtbot, area: CaptureArea, ctx) -> None:  # noqa: ANN001
    qtbot.keyClick(area.notes.input, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert area.tabs.currentIndex() == 2
    qtbot.keyClicks(area.search.query_edit, "mahalla")
    qtbot.keyClick(area.search.query_edit, Qt.Key.Key_Return)
    assert area.search.model.rowCount() == 1
    assert area.search.view.hasFocus()
    qtbot.keyClick(area.search.view, Qt.Key.Key_Return)
    assert area.tabs.currentIndex() == 0
    assert area.session_id == "ses_demo003"
    assert area.notes.selected_ids() == ["not_ses_demo003_0"]
    # filters narrow the results
    area.tabs.setCurrentIndex(2)
    area.search.query_edit.setText("community")
    area.search.run()
    all_hits = area.search.model.rowCount()
    area.search.starred_check.setChecked(True)
    assert 0 < area.search.model.rowCount() < all_hits
    kind = area.search.kind_combo.findData("summary")
    area.search.starred_check.setChecked(False)
    area.search.query_edit.setText("independence")
    area.search.kind_combo.setCurrentIndex(kind)
    assert {r["table"] for r in area.search.model.rows} == {"summaries"}
    # a summary hit opens the session with the summary editor focused
    area.search.view.setFocus()
    area.search.view.setCurrentIndex(area.search.model.index(0, 0))
    qtbot.keyClick(area.search.view, Qt.Key.Key_Return)
    assert area.summary.ui.summary_edit.hasFocus()


def test_models_pass_the_model_tester(qtmodeltester, area: CaptureArea) -> None:  # noqa: ANN001
    qtmodeltester.check(area.notes.model)
    area.worksheet.model.set_exercise("exe_demo0")
    qtmodeltester.check(area.worksheet.model)
    area.search.query_edit.setText("youth")
    area.search.run()
    assert isinstance(area.search.model, SearchResultModel)
    qtmodeltester.check(area.search.model)
    assert isinstance(area.worksheet.model, WorksheetModel)


def _conflict(demo_path: Path, tmp_path: Path) -> Path:
    other = tmp_path / "laptop-b.workshop"
    shutil.copy(demo_path, other)
    with Workshop(other) as wb:
        wb.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "B's wording"})
        wb.notes.add_note(store.new_note_row(session_id="ses_demo001", text="From laptop B"))
    return other


def test_merge_action_and_conflict_chooser(
    qtbot, area: CaptureArea, ctx, demo_path: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    other = _conflict(demo_path, tmp_path)
    ctx.workshop.rows.update(Table.NOTES, "not_ses_demo001_0", {"text": "A's wording"})
    from facilitator.ui.capture.merge import merge_from_copy

    n = area.notes.model.rowCount()
    job = merge_from_copy(ctx, other)
    with qtbot.waitSignal(job.done, timeout=10000):
        pass
    report = job.report
    assert report.added == {"notes": 1} and report.conflicts == {"notes": 1}
    assert "both versions kept" in job.message_box.informativeText()
    job.message_box.close()
    # the view reloaded (hub.reset) and shows the merged note and the flagged version
    assert area.notes.model.rowCount() == n + 2
    assert "From laptop B" in [r["text"] for r in area.notes.model.rows]
    assert (
        area.context.ui.conflict_button.isVisible()
        and "1 merge conflict" in area.context.ui.conflict_button.text()
    )
    dialog = ConflictDialog(ctx, area)
    qtbot.addWidget(dialog)
    assert dialog.ui.mine_text.toPlainText().startswith("A's wording")
    assert dialog.ui.other_text.toPlainText().startswith("B's wording")
    dialog.ui.keep_other_button.click()
    assert not dialog.ui.keep_mine_button.isEnabled()
    assert ctx.workshop.rows.get(Table.NOTES, "not_ses_demo001_0")["text"] == "B's wording"
    assert area.context.ui.conflict_button.isHidden()
    # merging the same copy again changes nothing
    job = merge_from_copy(ctx, other)
    with qtbot.waitSignal(job.done, timeout=10000):
        pass
    assert job.report.changes == 0
    job.message_box.close()


def test_merge_of_another_workshop_shows_a_clear_error(qtbot, ctx, errors, tmp_path: Path) -> None:  # noqa: ANN001
    from facilitator.interchange.demo import write_demo
    from facilitator.ui.capture.merge import merge_from_copy

    other = write_demo(tmp_path / "elsewhere.workshop")
    job = merge_from_copy(ctx, other)
    with qtbot.waitSignal(job.failed, timeout=10000):
        pass
    assert "is not a copy of this workshop" in str(errors[-1])
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_read_only_file_disables_capture(qtbot, demo_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    from facilitator.ui.areas import AreaContext

    ws = Workshop(demo_path, read_only=True)
    try:
        ctx = AreaContext(ws, QUndoStack(), lambda *_: None, lambda _m: None, print)
        widget = CaptureArea(ctx)
        qtbot.addWidget(widget)
        assert not widget.notes.input.isEnabled()
        assert widget.summary.ui.summary_edit.isReadOnly()
        assert not widget.notes.model.flags(widget.notes.model.index(0, NoteListModel.TEXT)) & (
            Qt.ItemFlag.ItemIsEditable
        )
        widget.close()
    finally:
        ws.close()


def test_a_saved_note_is_listed_as_the_file_holds_it_without_reading_it_back(
    qtbot,  # noqa: ANN001
    area: CaptureArea,
    monkeypatch,  # noqa: ANN001
) -> None:
    people = area.ws.notes.people()
    names = [p["name"] for p in people]
    person = next(p for p in people if names.count(p["name"]) == 1)
    area.open_context("ses_demo104", "tea_demo02", "prm_demo01")
    reads: list[list[str]] = []
    real = area.ws.notes.notes_by_ids
    monkeypatch.setattr(area.ws.notes, "notes_by_ids", lambda ids: reads.append(ids) or real(ids))
    area.notes.ui.said_by_edit.setText(person["name"])  # (typed, its completer pops up)
    _type(qtbot, area, "Work is dignity")
    _enter(qtbot, area)
    shown = area.notes.model.rows[-1]
    assert shown == area.ws.notes.note(shown["id"])  # names, stamps, position: as in the file
    assert (shown["team_name"], shown["person_name"]) == ("Team 3", person["name"])
    assert shown["prompt_text"]
    assert all(shown["id"] not in ids for ids in reads)  # not read back after the insert
