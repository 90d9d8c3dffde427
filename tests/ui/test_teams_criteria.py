"""Criteria panel: each change is one edit of the team set; undo shows the stored values."""

from __future__ import annotations

from facilitator.edits import teams as edits
from facilitator.store import teams as store
from facilitator.store.tables import Table
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.criteria import CriteriaPanel


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1400, 850)
    area.show()
    return area


def _stored(ctx) -> dict:  # noqa: ANN001
    return ctx.workshop.rows.get(Table.TEAM_SETS, "tms_demo0")


def test_shows_the_stored_criteria(qtbot, ctx) -> None:
    area = _area(qtbot, ctx)
    criteria = area.criteria
    ui = criteria.ui
    assert criteria.isEnabled()
    assert ui.size_kind_combo.currentData() == "count" and ui.size_spin.value() == 4
    assert ui.mode_combo.currentData() == "rotate" and ui.seed_spin.value() == 1
    checked = [a for a, box in criteria.balance_checks.items() if box.isChecked()]
    assert checked == ["country", "sector", "gender"]
    assert list(criteria.balance_checks) == store.BALANCE_CHOICES
    assert ui.effort_combo.currentData() == store.DEFAULT_EFFORT == store.THOROUGH


def test_each_change_is_one_undoable_edit(qtbot, ctx, monkeypatch) -> None:
    area = _area(qtbot, ctx)
    criteria = area.criteria
    ui = criteria.ui
    loads: list[int] = []
    load = CriteriaPanel._load

    def counting(self: CriteriaPanel, ts: dict) -> None:
        loads.append(1)
        load(self, ts)

    monkeypatch.setattr(CriteriaPanel, "_load", counting)
    criteria.balance_checks["role"].click()
    assert store.criteria(_stored(ctx))["balance"] == ["country", "sector", "gender", "role"]
    ui.mode_combo.setCurrentIndex(1)
    ui.mode_combo.activated.emit(1)
    assert _stored(ctx)["mode"] == "keep"
    ui.mode_combo.activated.emit(1)  # the same choice again: no edit
    ui.size_kind_combo.setCurrentIndex(1)
    ui.size_kind_combo.activated.emit(1)
    assert (_stored(ctx)["team_size"], _stored(ctx)["team_count"]) == (4, None)
    spin = criteria.weight_spins["organisation"]
    spin.setValue(9.5)
    spin.editingFinished.emit()
    assert store.criteria(_stored(ctx))["weights"] == {"organisation": 9.5}
    assert ctx.undo_stack.count() == 4
    assert loads == []  # its own edits: the widgets show them already
    for _ in range(4):
        ctx.undo_stack.undo()
    assert loads == [1, 1, 1, 1]
    assert ui.mode_combo.currentData() == "rotate" and ui.size_kind_combo.currentData() == "count"
    assert not criteria.balance_checks["role"].isChecked() and spin.value() == 4.0


def test_criteria_of_another_team_set_are_not_reloaded(qtbot, ctx, monkeypatch) -> None:
    area = _area(qtbot, ctx)
    loads: list[int] = []
    monkeypatch.setattr(CriteriaPanel, "reload", lambda self: loads.append(1))
    assert ctx.push(edits.set_team_set_fields(ctx.workshop, "tms_demo1", {"seed": 9}))
    assert loads == []
    assert ctx.push(edits.set_team_set_fields(ctx.workshop, "tms_demo0", {"seed": 9}))
    assert loads == [1]
    assert area.criteria.team_set_id == "tms_demo0"
