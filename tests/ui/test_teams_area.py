"""Teams area as a whole: the panels together, read-only files, the projector, requests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.cards import FIXED_ROLE

# the demo with its teams dealt by hand, flaws and all, so that there is something to fix
pytestmark = pytest.mark.usefixtures("teams_dealt_by_hand")


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1400, 850)
    area.show()
    return area


def test_shows_demo_teams_with_their_quality_and_absence_warnings(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    assert list(board.columns) == ["tea_demo00", "tea_demo01", "tea_demo02", "tea_demo03"]
    assert board.evaluation is not None and board.evaluation.overall_score > 0
    issues = area.scores.model.texts()
    # The demo has people away on day two who are still in a team: a broken rule, listed first.
    assert issues[0] == "⚠ Lê Hoàng Anh is absent but in Team 1"
    assert issues[1] == "⚠ Rustam Yusupov is absent but in Team 3"
    notes = sum(len(c.notes) for c in board.columns.values())
    assert len(issues) == notes + 2
    assert area.scores.overall_label.text() == (
        f"Quality: needs fixing — {notes + 2} things to look at"
    )
    names = [
        c.model.data(c.model.index(0), Qt.ItemDataRole.DisplayRole) for c in board.columns.values()
    ]
    assert all(names)


def test_constraints_from_the_card_menu_are_listed_and_undoable(qtbot, ctx, qtmodeltester) -> None:
    area = _area(qtbot, ctx)
    board, constraints = area.board, area.constraints
    col = board.columns["tea_demo00"]
    name = col.model.rows[0]["name"]
    menu = board.card_menu(col, col.model.index(0))
    next(a for a in menu.actions() if a.text().endswith(" in every round")).trigger()
    qtbot.waitUntil(lambda: constraints.model.rowCount() == 1)
    assert constraints.model.texts[0] == f"Fixed in Team 1 (every round): {name}"
    assert ctx.undo_stack.undoText() == "Fix in Team 1 in every round"
    assert col.model.index(0).data(FIXED_ROLE)  # the card says so
    a, b = col.model.rows[1]["person_id"], board.columns["tea_demo01"].model.rows[0]["person_id"]
    board.add_constraint("keep_together", [a, b])
    qtbot.waitUntil(lambda: constraints.model.rowCount() == 2)
    qtmodeltester.check(constraints.model)
    qtbot.waitUntil(lambda: any("split" in t for t in area.scores.model.texts()))
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: constraints.model.rowCount() == 1)
    constraints.view.setCurrentIndex(constraints.model.index(0))
    constraints.remove_selected()
    qtbot.waitUntil(lambda: constraints.model.rowCount() == 0)
    qtmodeltester.check(constraints.model)
    assert ctx.workshop.teams.constraints("tms_demo0") == []
    # Undo of the removal has no initiator: the list shows the constraint again.
    ctx.undo_stack.undo()
    assert constraints.model.rowCount() == 1


def test_read_only_disables_editing(qtbot, demo_path, errors) -> None:
    from PySide6.QtGui import QUndoStack

    from facilitator.store.database import Workshop
    from facilitator.ui.areas import AreaContext

    ws = Workshop(demo_path, read_only=True)
    try:
        ctx = AreaContext(ws, QUndoStack(), lambda *a: None, lambda m: None, errors.append)
        area = TeamsArea(ctx)
        qtbot.addWidget(area)
        assert not area.criteria.isEnabled()
        col = next(iter(area.board.columns.values()))
        assert col.model.mover is None and not col.room_edit.isEnabled()
        assert not area.picker.ui.new_exercise_button.isEnabled()
        assert not area.constraints.remove_button.isEnabled()
        assert not area.board.move_action.isEnabled()
        assert not area.board.fix_action.isEnabled()
        assert not area.runner.again_button.isEnabled()
        assert not col.freeze_button.isEnabled()
    finally:
        ws.close()


def test_projector_shows_current_round_and_closes_on_escape(qtbot, ctx) -> None:
    from facilitator.ui.teams.projector import show_teams_projector

    area = _area(qtbot, ctx)
    view = show_teams_projector(ctx)
    assert len(view.panels) == 4
    texts = " ".join(lbl.text() for p in view.panels for lbl in p.findChildren(type(view.title)))
    first = area.board.columns["tea_demo00"].model.rows[0]["name"]
    assert first in texts and "Team 1" in texts
    closed: list[bool] = []
    view.destroyed.connect(lambda: closed.append(True))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed == [True])


def test_shown_round_is_published_for_the_projector(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    assert ctx.bus.team_round == ("tms_demo0", "rnd_demo0")
    seen: list[tuple] = []
    ctx.bus.team_round_changed.connect(lambda ts, rnd: seen.append((ts, rnd)))
    area.handle_request({"team_set_id": "tms_demo1"})
    assert ctx.bus.team_round == ("tms_demo1", "rnd_demo1")
    assert seen == [("tms_demo1", "rnd_demo1")]
    assert list(area.board.columns)[0].startswith("tea_demo1")
    assert area.picker.ui.exercise_combo.currentData() == "exe_demo1"
    assert area.criteria.team_set_id == area.runner.team_set_id == "tms_demo1"


def test_undo_of_a_generation_elsewhere_brings_every_panel_up_to_date(qtbot, ctx) -> None:
    """An edit with no initiator (undo/redo, another view) refreshes what it touched."""
    from facilitator.edits import teams as edits

    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo00"]
    person = col.model.rows[0]["person_id"]
    cmd = edits.move_person(ctx.workshop, "rnd_demo0", person, "tea_demo02")
    ctx.push(cmd)  # as another view would: no initiator
    assert person in {m["person_id"] for m in board.columns["tea_demo02"].model.rows}
    first = area.scores.overall_label.text()
    ctx.undo_stack.undo()
    assert col.model.rows[0]["person_id"] == person
    assert person not in {m["person_id"] for m in board.columns["tea_demo02"].model.rows}
    ctx.undo_stack.redo()
    assert person in {m["person_id"] for m in board.columns["tea_demo02"].model.rows}
    assert area.scores.overall_label.text() == first
