"""The criteria panel: how the teams of the shown team set are formed.

Team count or size, new partners or the same teams each round, the attributes to balance,
the search effort, the seed and the weights of the soft goals, laid out in
``forms/teams_criteria.ui``. The balance boxes and the weight spins are added from the
store's and the engine's lists, so a new attribute or goal needs no change of the form.
Every change is one undoable edit of the team set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGroupBox, QLabel

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.store import teams as store
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_teams_criteria import Ui_TeamsCriteria

WEIGHT_LABELS = {
    "balance": "Balance",
    "minority": "No lone minority",
    "organisation": "Mix organisations",
    "language": "Shared language",
    "repeat": "New partners",
    "stability": "Same teams",
}


class CriteriaPanel(QGroupBox):
    """The criteria of one team set; disabled while there is none (or the file is read-only)."""

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.team_set_id: str | None = None
        self.ui = Ui_TeamsCriteria()
        self.ui.setupUi(self)
        ui = self.ui
        ui.size_kind_combo.addItem("Number of teams", "count")
        ui.size_kind_combo.addItem("People per team", "size")
        ui.mode_combo.addItem("New partners each round", "rotate")
        ui.mode_combo.addItem("Keep the same teams", "keep")
        for value, label in store.EFFORTS:
            ui.effort_combo.addItem(label, value)
        self.balance_checks: dict[str, QCheckBox] = {}
        for attr in store.BALANCE_CHOICES:
            box = QCheckBox(attr.capitalize(), self)
            box.setObjectName(f"balance_{attr}")
            box.toggled.connect(self._criteria_changed)
            self.balance_checks[attr] = box
            ui.balance_layout.addWidget(box)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        defaults = engine.Weights()
        for name in engine.Weights.names():
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"weight_{name}")
            spin.setRange(0, 1000)
            spin.setDecimals(1)
            spin.setValue(getattr(defaults, name))
            spin.editingFinished.connect(self._criteria_changed)
            self.weight_spins[name] = spin
            ui.weights_layout.addWidget(QLabel(WEIGHT_LABELS.get(name, name), self))
            ui.weights_layout.addWidget(spin)
        ui.size_kind_combo.activated.connect(self._size_changed)
        ui.size_spin.editingFinished.connect(self._size_changed)
        ui.mode_combo.activated.connect(self._mode_changed)
        ui.seed_spin.editingFinished.connect(self._seed_changed)
        ui.effort_combo.activated.connect(self._criteria_changed)
        self.setEnabled(False)
        self.ws.hub.changed.connect(self._on_changed)

    # -- loading ---------------------------------------------------------------------------
    def show_team_set(self, team_set_id: str | None) -> None:
        self.team_set_id = team_set_id
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self) or not self.team_set_id:
            return  # its own edits: the widgets show what the user just set
        ids = changes.ids(Table.TEAM_SETS)
        if ids is None or self.team_set_id in ids:
            self.reload()

    def reload(self) -> None:
        """Show the stored criteria of the team set."""
        ts = self.ws.rows.get(Table.TEAM_SETS, self.team_set_id) if self.team_set_id else None
        self.setEnabled(ts is not None and not self.ctx.read_only)
        if ts is not None:
            self._load(ts)

    def _load(self, ts: dict[str, Any]) -> None:
        ui = self.ui
        widgets = [
            ui.size_kind_combo,
            ui.size_spin,
            ui.mode_combo,
            ui.seed_spin,
            ui.effort_combo,
            *self.balance_checks.values(),
            *self.weight_spins.values(),
        ]
        for w in widgets:
            w.blockSignals(True)
        by_size = bool(ts["team_size"]) and not ts["team_count"]
        ui.size_kind_combo.setCurrentIndex(1 if by_size else 0)
        ui.size_spin.setValue(int((ts["team_size"] if by_size else ts["team_count"]) or 4))
        ui.mode_combo.setCurrentIndex(1 if ts["mode"] == "keep" else 0)
        ui.seed_spin.setValue(int(ts["seed"] or 0))
        crit = store.criteria(ts)
        efforts = [v for v, _ in store.EFFORTS]
        nearest = min(efforts, key=lambda v: abs(v - crit["effort"]))
        ui.effort_combo.setCurrentIndex(efforts.index(nearest))
        for attr, box in self.balance_checks.items():
            box.setChecked(attr in crit["balance"])
        defaults = engine.Weights()
        for name, spin in self.weight_spins.items():
            value = crit["weights"].get(name, getattr(defaults, name))
            if not spin.hasFocus():
                spin.setValue(float(value))
        for w in widgets:
            w.blockSignals(False)

    # -- editing ---------------------------------------------------------------------------
    def commit(self) -> None:
        """Store values typed but not yet confirmed (Generate pressed from the keyboard)."""
        self._size_changed()
        self._seed_changed()
        self._criteria_changed()

    def _push(self, values: dict[str, Any]) -> None:
        if self.team_set_id:
            edit = edits.set_team_set_fields(self.ws, self.team_set_id, values)
            self.ctx.push(edit, initiator=self)

    def _stored(self) -> dict[str, Any]:
        """The team set as stored ({} when there is none)."""
        if not self.team_set_id:
            return {}
        return self.ws.rows.get(Table.TEAM_SETS, self.team_set_id) or {}

    def _size_changed(self) -> None:
        ts = self._stored()
        if not ts:
            return
        value = self.ui.size_spin.value()
        if self.ui.size_kind_combo.currentData() == "size":
            values = {"team_size": value, "team_count": None}
        else:
            values = {"team_count": value}
        if any(ts.get(k) != v for k, v in values.items()):
            self._push(values)

    def _mode_changed(self) -> None:
        ts = self._stored()
        if ts and ts["mode"] != self.ui.mode_combo.currentData():
            self._push({"mode": self.ui.mode_combo.currentData()})

    def _seed_changed(self) -> None:
        ts = self._stored()
        if ts and ts["seed"] != self.ui.seed_spin.value():
            self._push({"seed": self.ui.seed_spin.value()})

    def _criteria_changed(self) -> None:
        ts = self._stored()
        if not ts:
            return
        balance = [a for a, box in self.balance_checks.items() if box.isChecked()]
        defaults = engine.Weights()
        weights = {
            n: s.value()
            for n, s in self.weight_spins.items()
            if abs(s.value() - getattr(defaults, n)) > 1e-9
        }
        effort = float(self.ui.effort_combo.currentData())
        old = store.criteria(ts)
        if (old["balance"], old["weights"], old["effort"]) != (balance, weights, effort):
            edit = edits.set_criteria(self.ws, ts["id"], balance, weights, effort)
            self.ctx.push(edit, initiator=self)
