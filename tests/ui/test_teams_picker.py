"""Exercise picker: which exercise, round and day are shown; new exercises and rounds."""

from __future__ import annotations

from facilitator.edits import teams as edits
from facilitator.edits.base import InsertRow, SetFields
from facilitator.store.tables import Table
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.picker import ExercisePicker


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1400, 850)
    area.show()
    return area


def test_new_exercise_for_a_group_session(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    session = ctx.workshop.teams.group_sessions()[1]
    area.picker.create_exercise(session["id"], "World café", 3)
    assert area.picker.ui.exercise_combo.currentText().startswith("World café")
    assert area.board.empty_label.isVisible() or not area.board.columns
    assert "No teams in this round yet" in area.board.empty_label.text()
    area.runner.generate()
    qtbot.waitUntil(lambda: not area.runner.generating, timeout=120_000)
    qtbot.waitUntil(lambda: len(area.board.columns) == 3)
    assert not area.board.empty_label.isVisible()


def test_undo_of_a_new_exercise_goes_back_to_the_one_before(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    session = ctx.workshop.teams.group_sessions()[1]
    area.picker.create_exercise(session["id"], "World café", 3)
    assert area.picker.selection.exercise_id not in ("exe_demo0", "exe_demo1")
    ctx.undo_stack.undo()
    assert area.picker.selection.exercise_id == "exe_demo0"
    assert area.picker.ui.exercise_combo.count() == 2
    assert list(area.board.columns)[0] == "tea_demo00"


def test_add_round_shows_the_new_round_and_day_is_one_edit(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    picker = area.picker
    picker.add_round()
    assert picker.ui.round_combo.count() == 2 and picker.ui.round_combo.currentIndex() == 1
    new_round = picker.selection.round_id
    assert new_round != "rnd_demo0" and ctx.bus.team_round == ("tms_demo0", new_round)
    assert not area.board.columns and "No teams in this round yet" in area.board.empty_label.text()
    # The day of the new round: the combo already shows it, the store has it.
    day = picker.ui.day_combo.itemData(0)
    picker.ui.day_combo.setCurrentIndex(0)
    picker.ui.day_combo.activated.emit(0)
    assert ctx.workshop.rows.get(Table.ROUNDS, new_round)["day_id"] == day
    ctx.undo_stack.undo()  # the day
    ctx.undo_stack.undo()  # the round
    assert picker.ui.round_combo.count() == 1 and picker.selection.round_id == "rnd_demo0"
    assert list(area.board.columns)[0] == "tea_demo00"


def test_exercise_without_teams_offers_set_up(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    row = {"session_id": None, "title": "Fishbowl", "instructions": ""}
    edit = InsertRow(ctx.workshop, Table.EXERCISES, row, "Add exercise")
    assert ctx.push(edit)
    area.handle_request({"exercise_id": edit.row_id})
    picker = area.picker
    assert picker.selection.team_set_id is None
    assert not picker.ui.setup_button.isHidden()
    assert not area.criteria.isEnabled()
    assert area.board.empty_label.text() == "This exercise has no teams yet: press Set up teams."
    picker.set_up_teams()
    assert picker.selection.team_set_id is not None and picker.ui.setup_button.isHidden()
    assert area.criteria.isEnabled() and picker.selection.round_id is not None


def test_picker_ignores_changes_it_does_not_show(qtbot, ctx, monkeypatch) -> None:
    area = _area(qtbot, ctx)
    calls: list[int] = []
    reload = ExercisePicker.reload

    def counting(self: ExercisePicker) -> None:
        calls.append(1)
        reload(self)

    monkeypatch.setattr(ExercisePicker, "reload", counting)
    member = area.board.columns["tea_demo00"].model.rows[0]
    assert ctx.push(edits.set_member_locked(ctx.workshop, member["id"], True))
    assert ctx.push(edits.set_team_set_fields(ctx.workshop, "tms_demo0", {"seed": 7}))
    assert calls == []
    title = {"title": "Kick-off (renamed)"}
    session = ctx.workshop.teams.group_sessions()[0]["id"]
    assert ctx.push(SetFields(ctx.workshop, Table.SESSIONS, session, title))
    assert calls == [1]
    assert "Kick-off (renamed)" in area.picker.ui.exercise_combo.currentText()
