"""Generation runner: the engine as a Job with progress and Cancel, one undo step when done."""

from __future__ import annotations

import pytest

from facilitator.edits import teams as edits
from facilitator.store import teams as store
from facilitator.store.tables import Table
from facilitator.ui.teams.area import TeamsArea

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


def test_generate_runs_in_worker_and_is_one_undo_step(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    runner, board = area.runner, area.board
    before = _where(ctx.workshop)
    score_before = board.evaluation.overall_score
    seen: list[int] = []
    place = runner.generate_button.mapTo(area, runner.generate_button.rect().topLeft())
    runner.generate()
    assert runner.generating and runner.cancel_button.isEnabled()
    assert runner.progress.isVisible() and not runner.generate_button.isEnabled()
    # The bar stands where Try again was: nothing else moves.
    assert not runner.again_button.isVisible()
    assert runner.generate_button.mapTo(area, runner.generate_button.rect().topLeft()) == place
    runner.progress.valueChanged.connect(seen.append)
    qtbot.waitUntil(lambda: not runner.generating, timeout=120_000)
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1)
    qtbot.waitUntil(lambda: board.evaluation is not None and not board.evaluation.hard_violations)
    assert board.evaluation.overall_score < score_before
    assert _where(ctx.workshop) != before
    assert not any(t.startswith("⚠") for t in area.scores.model.texts())
    assert area.scores.overall_label.text().startswith("Quality: ")
    assert "needs fixing" not in area.scores.overall_label.text()
    assert not runner.progress.isVisible() and runner.generate_button.isEnabled()
    assert runner.again_button.isVisible()
    ctx.undo_stack.undo()
    assert _where(ctx.workshop) == before


def test_cancel_leaves_teams_unchanged(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    before = _where(ctx.workshop)
    area.runner.generate()
    area.runner.cancel()
    qtbot.waitUntil(lambda: not area.runner.generating, timeout=120_000)
    assert _where(ctx.workshop) == before
    assert ctx.undo_stack.count() == 0


def test_cancel_button_stops_a_running_search(qtbot, ctx, messages) -> None:
    """A long (exhaustive) search is stopped part-way; nothing is stored."""
    area = _area(qtbot, ctx)
    runner = area.runner
    ctx.push(edits.set_criteria(ctx.workshop, "tms_demo0", ["country"], {}, store.EXHAUSTIVE))
    ctx.undo_stack.clear()
    before = _where(ctx.workshop)
    teams_before = ctx.workshop.teams.teams("rnd_demo0")
    runner.generate()
    job = runner.job
    assert job is not None
    finished: list[object] = []
    job.done.connect(finished.append)
    with qtbot.waitSignal(job.progressed, timeout=120_000):
        pass  # the search is under way
    with qtbot.waitSignal(job.cancelled, timeout=120_000):
        runner.cancel_button.click()
    assert finished == []
    assert not runner.generating and runner.progress.isHidden()
    assert runner.generate_button.isEnabled() and not runner.cancel_button.isEnabled()
    assert _where(ctx.workshop) == before
    assert ctx.workshop.teams.teams("rnd_demo0") == teams_before
    assert ctx.undo_stack.count() == 0
    assert messages[-1] == "Team generation cancelled; the teams were not changed."


def test_fix_a_person_and_freeze_a_team_then_regenerate_keeps_them(qtbot, ctx, errors) -> None:
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo01"]
    member = col.model.rows[0]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(0))
    board.set_member_fixed(member["id"], True)
    board.columns["tea_demo02"].freeze_button.click()
    qtbot.waitUntil(lambda: board.columns["tea_demo01"].model.rows[0]["locked"] == 1)
    team3 = {m["person_id"] for m in board.columns["tea_demo02"].model.rows}
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo02")["locked"] == 1
    assert board.columns["tea_demo02"].freeze_button.text() == "Frozen"
    area.runner.generate()
    qtbot.waitUntil(lambda: not area.runner.generating, timeout=120_000)
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


def test_infeasible_constraints_are_shown_and_change_nothing(qtbot, ctx, errors) -> None:
    from facilitator.domain import teams as engine

    area = _area(qtbot, ctx)
    board = area.board
    a = board.columns["tea_demo00"].model.rows[0]["person_id"]
    b = board.columns["tea_demo01"].model.rows[0]["person_id"]
    board.add_constraint("keep_together", [a, b])
    board.add_constraint("keep_apart", [a, b])
    before = _where(ctx.workshop)
    count = ctx.undo_stack.count()
    area.runner.generate()
    qtbot.waitUntil(lambda: not area.runner.generating, timeout=120_000)
    assert len(errors) == 1 and isinstance(errors[0], engine.InfeasibleProblem)
    assert area.scores.overall_label.text() == "These rules cannot all be met"
    assert area.scores.model.texts() == [f"⚠ {r}" for r in errors[0].reasons]
    assert _where(ctx.workshop) == before and ctx.undo_stack.count() == count


def test_typed_team_count_is_stored_before_generating(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    area.criteria.ui.size_spin.setValue(3)  # typed, editing not finished
    area.runner.generate()
    qtbot.waitUntil(lambda: not area.runner.generating, timeout=120_000)
    assert ctx.workshop.rows.get(Table.TEAM_SETS, "tms_demo0")["team_count"] == 3
    qtbot.waitUntil(lambda: len(area.board.columns) == 3)


def test_closing_the_workshop_while_generating_stops_the_thread(qtbot, ctx) -> None:
    """The main window deletes areas at once when a workshop closes; no thread outlives it."""
    import shiboken6
    from PySide6.QtCore import Qt

    area = TeamsArea(ctx)
    area.runner.generate()
    job = area.runner.job
    assert job is not None and job.thread.isRunning()
    worker = job.worker
    stopped: list[bool] = []  # appended in the worker thread, as its work returns
    worker.stopped.connect(lambda: stopped.append(True), Qt.ConnectionType.DirectConnection)
    shiboken6.delete(area)  # a running QThread destroyed here would abort the process
    assert worker.flag.is_set() and stopped == [True]
    assert ctx.undo_stack.count() == 0
