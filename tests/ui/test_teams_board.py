"""Round board: drag and Move to team, locks, room and rapporteur, and precise refreshing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.edits.base import InsertRow, SetFields
from facilitator.edits.people import SetPresent
from facilitator.store.tables import Table
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.board import RoundBoard
from facilitator.ui.teams.cards import FIXED_ROLE, PERSON_ROLE

# the demo with its teams dealt by hand, flaws and all, so that there is something to fix
pytestmark = pytest.mark.usefixtures("teams_dealt_by_hand")


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1400, 850)
    area.show()
    return area


def _where(ws) -> dict[str, str]:  # noqa: ANN001
    teams = ws.teams.teams("rnd_demo0")
    return {m["person_id"]: m["team_id"] for m in ws.teams.members([t["id"] for t in teams])}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often every board reloaded its columns and rescored its round."""
    calls = {"reload": 0, "evaluate": 0}
    reload, evaluate = RoundBoard.reload, RoundBoard.evaluate

    def counting_reload(self: RoundBoard) -> None:
        calls["reload"] += 1
        reload(self)

    def counting_evaluate(self: RoundBoard) -> None:
        calls["evaluate"] += 1
        evaluate(self)

    monkeypatch.setattr(RoundBoard, "reload", counting_reload)
    monkeypatch.setattr(RoundBoard, "evaluate", counting_evaluate)
    return calls


def test_drop_moves_a_card_and_updates_the_notes_live(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    source, target = board.columns["tea_demo00"], board.columns["tea_demo01"]
    person = source.model.rows[0]["person_id"]
    data = source.model.mimeData([source.model.index(0)])
    assert target.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: _where(ctx.workshop)[person] == "tea_demo01")
    qtbot.waitUntil(lambda: target.model.rows and target.model.rows[0]["person_id"] == person)
    # The notes are recomputed from the new teams (evaluate() on what is stored now).
    tp = ctx.workshop.teams.build_problem("tms_demo0")
    fresh = engine.evaluate(tp.problem, ctx.workshop.teams.current_assignment(tp))
    reasons = fresh.team_scores["1"]["Team 2"].reasons
    assert target.notes == [r.removeprefix("Team 2: ") for r in reasons]
    assert target.notes_label.text() == f"⚠ {len(reasons)} things to look at"
    assert board.evaluation.overall_score == fresh.overall_score
    assert "(9)" in target.name_label.text() and "(7)" in source.name_label.text()
    assert ctx.undo_stack.count() == 1 and "Move" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: source.model.rows[0]["person_id"] == person)


def test_drop_on_a_card_goes_through_the_view(qtbot, ctx) -> None:
    """A real drop event on the target view's viewport (no QDrag loop needed)."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    area = _area(qtbot, ctx)
    board = area.board
    source, target = board.columns["tea_demo02"], board.columns["tea_demo03"]
    person = source.model.rows[1]["person_id"]
    mime = source.model.mimeData([source.model.index(1)])
    pos = target.view.visualRect(target.model.index(0)).center()
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton)
    viewport = target.view.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, *args, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, *args, Qt.KeyboardModifier.NoModifier))
    drop = QDropEvent(pos.toPointF(), *args, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: _where(ctx.workshop)[person] == "tea_demo03")


def test_move_to_team_from_the_card_menu(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo00"]
    index = col.model.index(2)
    person = index.data(PERSON_ROLE)
    menu = board.card_menu(col, index)
    move = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in move.actions() if a.text() == "Team 4").trigger()
    assert _where(ctx.workshop)[person] == "tea_demo03"
    assert person in {m["person_id"] for m in board.columns["tea_demo03"].model.rows}


def test_move_and_fix_from_the_keyboard(qtbot, ctx, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo01"]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(0))
    person = col.model.rows[0]["person_id"]
    board.fix_action.trigger()
    assert board.columns["tea_demo01"].model.rows[0]["locked"] == 1
    assert board.columns["tea_demo01"].model.index(0).data(FIXED_ROLE)
    asked: list[list[str]] = []

    def choose(parent, title, label, items, current, editable):  # noqa: ANN001, ANN202
        asked.append(list(items))
        return "Team 3", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(0))
    board.move_action.trigger()
    assert asked == [["Team 1", "Team 3", "Team 4"]]
    assert _where(ctx.workshop)[person] == "tea_demo02"
    # The card keeps the keyboard in its new team, ready for the next key.
    moved = board.columns["tea_demo02"]
    assert area.focusWidget() is moved.view
    assert moved.view.currentIndex().data(PERSON_ROLE) == person


def test_room_and_rapporteur(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo00"]
    col.room_edit.clear()
    qtbot.keyClicks(col.room_edit, "Room 12")
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo00")["room"] == "Room 12"
    assert ctx.undo_stack.count() == 1  # typing merges into one step
    person = col.model.rows[0]["person_id"]
    col.rapporteur_combo.setCurrentIndex(1)
    col.rapporteur_combo.activated.emit(1)
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo00")["rapporteur_id"] == person
    ctx.undo_stack.undo()  # no initiator: the column shows the stored value again
    assert col.rapporteur_combo.currentData() is None
    ctx.undo_stack.undo()
    assert col.room_edit.text() == "Breakout room A"


def test_rapporteur_from_the_card_menu_shows_in_the_column(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo02"]
    person = col.model.rows[3]["person_id"]
    menu = board.card_menu(col, col.model.index(3))
    next(a for a in menu.actions() if a.text() == "Make rapporteur of the team").trigger()
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo02")["rapporteur_id"] == person
    assert col.rapporteur_combo.currentData() == person


def test_member_models_pass_the_model_tester(qtbot, ctx, qtmodeltester) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    for col in board.columns.values():
        qtmodeltester.check(col.model)
        assert (
            col.model.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, -1, 0, QModelIndex())
            is False
        )


def test_board_does_not_reload_when_an_unrelated_table_changes(qtbot, ctx, counted) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    evaluation = board.evaluation
    views = board.card_views()
    counted.update(reload=0, evaluate=0)
    note = {"session_id": None, "kind": "note", "text": "Coffee is late", "position": 99}
    assert ctx.push(InsertRow(ctx.workshop, Table.NOTES, note, "Add note"))
    assert ctx.push(SetFields(ctx.workshop, Table.PEOPLE, "per_demo030", {"notes": "x"}))
    assert counted == {"reload": 0, "evaluate": 1}  # a person's field may change the score
    # A member of the other exercise is locked: neither this round nor its team set.
    other = ctx.workshop.teams.members(["tea_demo10"])[0]
    assert ctx.push(edits.set_member_locked(ctx.workshop, other["id"], True))
    assert counted == {"reload": 0, "evaluate": 1}
    assert board.card_views() == views  # the same widgets, not rebuilt
    assert board.evaluation is not evaluation  # rescored once, for the person


def test_board_reloads_when_a_member_of_the_shown_round_moves(qtbot, ctx, counted) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    counted.update(reload=0, evaluate=0)
    person = board.columns["tea_demo03"].model.rows[0]["person_id"]
    # Moved by someone else (another view, the venue server): no initiator.
    assert ctx.push(edits.move_person(ctx.workshop, "rnd_demo0", person, "tea_demo00", 0))
    assert counted["reload"] == 1
    assert board.columns["tea_demo00"].model.rows[0]["person_id"] == person
    assert "(9)" in board.columns["tea_demo00"].name_label.text()
    # A lock of one shown member (its id is known) reloads too; so does its undo.
    member = board.columns["tea_demo01"].model.rows[0]
    assert ctx.push(edits.set_member_locked(ctx.workshop, member["id"], True))
    assert counted["reload"] == 2 and board.columns["tea_demo01"].model.rows[0]["locked"] == 1
    ctx.undo_stack.undo()
    assert counted["reload"] == 3 and board.columns["tea_demo01"].model.rows[0]["locked"] == 0


def test_board_skips_a_room_typed_in_its_column(qtbot, ctx, counted) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo01"]
    counted.update(reload=0, evaluate=0)
    col.room_edit.setFocus()
    col.room_edit.selectAll()
    qtbot.keyClicks(col.room_edit, "Hall")
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo01")["room"] == "Hall"
    assert counted == {"reload": 0, "evaluate": 0}
    ctx.undo_stack.undo()  # undo reaches every view, the one that made the edit included
    assert counted["reload"] == 1


def test_board_rescores_when_criteria_or_attendance_change(qtbot, ctx, counted) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    counted.update(reload=0, evaluate=0)
    before = board.evaluation.overall_score
    weights = {"balance": 50.0}
    assert ctx.push(edits.set_criteria(ctx.workshop, "tms_demo0", ["country"], weights, 0.3))
    assert counted == {"reload": 0, "evaluate": 1}
    assert board.evaluation.overall_score != before
    ctx.undo_stack.undo()
    assert board.evaluation.overall_score == before
    # Someone reported absent checks in on the round's day: the warning goes, cards stay.
    absent = "⚠ Lê Hoàng Anh is absent but in Team 1"
    assert absent in area.scores.model.texts()
    person = next(p for p in ctx.workshop.teams.eligible_people() if p["name"] == "Lê Hoàng Anh")
    day = ctx.workshop.teams.rounds("tms_demo0")[0]["effective_day_id"]
    assert ctx.push(SetPresent(ctx.workshop, person["id"], day, "day", True, person["name"]))
    assert absent not in area.scores.model.texts()
    assert counted == {"reload": 0, "evaluate": 3}


def test_ctrl_l_fixes_the_focused_card(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    col = area.board.columns["tea_demo03"]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(1))
    qtbot.keyClick(col.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert area.board.columns["tea_demo03"].model.rows[1]["locked"] == 1
    assert ctx.undo_stack.undoText() == "Fix in team"
    assert col.view.hasFocus() and col.view.currentIndex().row() == 1  # still on the card
    qtbot.keyClick(col.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert area.board.columns["tea_demo03"].model.rows[1]["locked"] == 0
    assert ctx.undo_stack.undoText() == "Unfix"
