"""Teams area: generate in a worker, drag and Move to team, locks, constraints, undo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from facilitator.store.tables import Table
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.cards import PERSON_ROLE


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1400, 850)
    area.show()
    return area


def _where(ws) -> dict[str, str]:  # noqa: ANN001
    teams = ws.teams.teams("rnd_demo0")
    return {m["person_id"]: m["team_id"] for m in ws.teams.members([t["id"] for t in teams])}


def test_shows_demo_teams_with_scores_and_absence_warnings(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    assert list(area.columns) == ["tea_demo00", "tea_demo01", "tea_demo02", "tea_demo03"]
    assert area.evaluation is not None and area.evaluation.overall_score > 0
    assert "absent" in area.warnings_label.text()  # demo has people away on day two
    names = [
        c.model.data(c.model.index(0), Qt.ItemDataRole.DisplayRole) for c in area.columns.values()
    ]
    assert all(names)


def test_generate_runs_in_worker_and_is_one_undo_step(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    before = _where(ctx.workshop)
    score_before = area.evaluation.overall_score
    seen: list[int] = []
    area.generate()
    assert area.generating and area.cancel_button.isEnabled()
    area.progress.valueChanged.connect(seen.append)
    qtbot.waitUntil(lambda: not area.generating, timeout=120_000)
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1)
    qtbot.waitUntil(lambda: area.evaluation is not None and not area.evaluation.hard_violations)
    assert area.evaluation.overall_score < score_before
    assert _where(ctx.workshop) != before
    assert "No constraint problems" in area.warnings_label.text()
    ctx.undo_stack.undo()
    assert _where(ctx.workshop) == before


def test_cancel_leaves_teams_unchanged(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    before = _where(ctx.workshop)
    area.generate()
    area.cancel_generation()
    qtbot.waitUntil(lambda: not area.generating, timeout=120_000)
    assert _where(ctx.workshop) == before
    assert ctx.undo_stack.count() == 0


def test_drop_moves_a_card_and_updates_scores_live(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    source, target = area.columns["tea_demo00"], area.columns["tea_demo01"]
    person = source.model.rows[0]["person_id"]
    old_score = source.score_label.text(), target.score_label.text()
    data = source.model.mimeData([source.model.index(0)])
    assert target.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: _where(ctx.workshop)[person] == "tea_demo01")
    qtbot.waitUntil(lambda: target.model.rows and target.model.rows[0]["person_id"] == person)
    # The scores are recomputed from the new teams (evaluate() on what is stored now).
    tp = ctx.workshop.teams.build_problem("tms_demo0")
    from facilitator.domain import teams as engine

    fresh = engine.evaluate(tp.problem, ctx.workshop.teams.current_assignment(tp))
    assert target.score_label.text() == f"score {fresh.team_scores['1']['Team 2'].score:g}"
    assert area.evaluation.overall_score == fresh.overall_score
    assert "(9)" in target.name_label.text() and "(7)" in source.name_label.text()
    _ = old_score
    assert ctx.undo_stack.count() == 1 and "Move" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: source.model.rows[0]["person_id"] == person)


def test_drop_on_a_card_goes_through_the_view(qtbot, ctx) -> None:
    """A real drop event on the target view's viewport (no QDrag loop needed)."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    area = _area(qtbot, ctx)
    source, target = area.columns["tea_demo02"], area.columns["tea_demo03"]
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
    col = area.columns["tea_demo00"]
    index = col.model.index(2)
    person = index.data(PERSON_ROLE)
    menu = area.card_menu(col, index)
    move = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in move.actions() if a.text() == "Team 4").trigger()
    assert _where(ctx.workshop)[person] == "tea_demo03"


def test_lock_person_and_team_then_regenerate_keeps_them(qtbot, ctx, errors) -> None:
    area = _area(qtbot, ctx)
    col = area.columns["tea_demo01"]
    member = col.model.rows[0]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(0))
    area.set_member_locked(member["id"], True)
    area.columns["tea_demo02"].lock_button.click()
    qtbot.waitUntil(lambda: area.columns["tea_demo01"].model.rows[0]["locked"] == 1)
    team3 = {m["person_id"] for m in area.columns["tea_demo02"].model.rows}
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo02")["locked"] == 1
    area.generate()
    qtbot.waitUntil(lambda: not area.generating, timeout=120_000)
    assert not errors
    where = _where(ctx.workshop)
    assert where[member["person_id"]] == "tea_demo01"
    tp = ctx.workshop.teams.build_problem("tms_demo0")
    away = tp.problem.absent.get("1", set())
    assert all(where[p] == "tea_demo02" for p in team3 if p not in away)
    assert ctx.undo_stack.count() == 3
    for _ in range(3):
        ctx.undo_stack.undo()
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo02")["locked"] == 0


def test_constraints_from_the_card_menu_are_listed_and_undoable(qtbot, ctx, qtmodeltester) -> None:
    area = _area(qtbot, ctx)
    col = area.columns["tea_demo00"]
    menu = area.card_menu(col, col.model.index(0))
    next(a for a in menu.actions() if a.text().startswith("Pin ")).trigger()
    qtbot.waitUntil(lambda: area.constraints_model.rowCount() == 1)
    assert "→ Team 1" in area.constraints_model.texts[0]
    a, b = col.model.rows[1]["person_id"], area.columns["tea_demo01"].model.rows[0]["person_id"]
    area.add_constraint("keep_together", [a, b])
    qtbot.waitUntil(lambda: area.constraints_model.rowCount() == 2)
    qtmodeltester.check(area.constraints_model)
    qtbot.waitUntil(lambda: "split" in area.warnings_label.text())
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: area.constraints_model.rowCount() == 1)
    area.constraints_view.setCurrentIndex(area.constraints_model.index(0))
    area.remove_constraint()
    qtbot.waitUntil(lambda: area.constraints_model.rowCount() == 0)


def test_room_and_rapporteur(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    col = area.columns["tea_demo00"]
    col.room_edit.clear()
    qtbot.keyClicks(col.room_edit, "Room 12")
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo00")["room"] == "Room 12"
    assert ctx.undo_stack.count() == 1  # typing merges into one step
    person = col.model.rows[0]["person_id"]
    col.rapporteur_combo.setCurrentIndex(1)
    col.rapporteur_combo.activated.emit(1)
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo00")["rapporteur_id"] == person


def test_member_models_pass_the_model_tester(qtbot, ctx, qtmodeltester) -> None:
    area = _area(qtbot, ctx)
    for col in area.columns.values():
        qtmodeltester.check(col.model)
        assert (
            col.model.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, -1, 0, QModelIndex())
            is False
        )


def test_new_exercise_for_a_group_session(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    session = ctx.workshop.teams.group_sessions()[1]
    area.create_exercise(session["id"], "World café", 3)
    assert area.exercise_combo.currentText().startswith("World café")
    assert area.empty_label.isVisible() or not area.columns
    area.generate()
    qtbot.waitUntil(lambda: not area.generating, timeout=120_000)
    qtbot.waitUntil(lambda: len(area.columns) == 3)


def test_read_only_disables_editing(qtbot, demo_path, errors) -> None:
    from PySide6.QtGui import QUndoStack

    from facilitator.store.database import Workshop
    from facilitator.ui.areas import AreaContext

    ws = Workshop(demo_path, read_only=True)
    try:
        ctx = AreaContext(ws, QUndoStack(), lambda *a: None, lambda m: None, errors.append)
        area = TeamsArea(ctx)
        qtbot.addWidget(area)
        assert not area.criteria_box.isEnabled()
        col = next(iter(area.columns.values()))
        assert col.model.mover is None and not col.room_edit.isEnabled()
    finally:
        ws.close()


def test_projector_shows_current_round_and_closes_on_escape(qtbot, ctx) -> None:
    from facilitator.ui.teams.projector import show_teams_projector

    area = _area(qtbot, ctx)
    view = show_teams_projector(ctx)
    assert len(view.panels) == 4
    texts = " ".join(lbl.text() for p in view.panels for lbl in p.findChildren(type(view.title)))
    first = area.columns["tea_demo00"].model.rows[0]["name"]
    assert first in texts and "Team 1" in texts
    closed: list[bool] = []
    view.destroyed.connect(lambda: closed.append(True))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed == [True])
