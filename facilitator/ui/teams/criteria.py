"""The criteria panel: how the teams of the shown team set are formed, in a facilitator's words.

"Teams: Number of teams 4 · In later rounds: Keep people who met apart · Search: Thorough", then
"Mix by: Country, Sector, Gender, Role". What the engine needs besides (how much each goal
counts, the draw number behind Try again) waits behind Advanced, a disclosure opened with
Alt+A. Laid out in ``forms/teams_criteria.ui``; the Mix by boxes and the goal spins are added
from the store's and the engine's lists, so a new attribute or goal needs no change of the
form. Every change is one undoable edit of the team set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGroupBox, QLabel, QWidget

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.store import teams as store
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_teams_criteria import Ui_TeamsCriteria

# What to mix by, each with its own Alt letter (Role has none free: Tab reaches it).
MIX_LABELS = {"country": "&Country", "sector": "&Sector", "gender": "Gen&der", "role": "Role"}
MIX_TIPS = {
    "country": "Each team gets its fair share of every country",
    "sector": "Each team gets its fair share of government, civil society, academia…",
    "gender": "Each team gets its fair share of women and men (a few women or men are "
    "grouped in twos or threes rather than alone)",
    "role": "Each team gets its fair share of speakers and participants",
}
MODES = [
    (
        "rotate",
        "Keep people who met apart",
        "In every round after the first, people who were together before go to different teams",
    ),
    (
        "keep",
        "Keep the same teams",
        "Every round keeps the teams of the round before, changing only for absences",
    ),
]
# After "Search:" (a bare "Quick search" read like a search box).
EFFORT_LABELS = {
    store.QUICK: "Quick",
    store.THOROUGH: "Thorough",
    store.EXHAUSTIVE: "Longest",
}
# The goals behind Advanced: what each weight stands for, in words.
WEIGHT_LABELS = {
    "balance": (
        "Fair share of each Mix by",
        "A person outside the fair share of their country, sector, gender… in a team",
    ),
    "minority": (
        "No one the only woman or man",
        "A woman who is the only woman in her team "
        "(or a man the only man), when there are two or more",
    ),
    "organisation": ("Different organisations", "Two people of one organisation in a team"),
    "language": (
        "A shared language",
        "A person who shares no working language with the others in the team",
    ),
    "repeat": (
        "New partners in later rounds",
        "Two people who were together in an earlier round (when keeping people who met apart)",
    ),
    "stability": (
        "Same teams in later rounds",
        "A person who changes team from one round to the next (when keeping the same teams)",
    ),
}
WEIGHT_COLUMNS = 3


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
        for n, (value, label, tip) in enumerate(MODES):
            ui.mode_combo.addItem(label, value)
            ui.mode_combo.setItemData(n, tip, Qt.ItemDataRole.ToolTipRole)
        ui.mode_combo.setToolTip(MODES[0][2])
        for value, label in store.EFFORTS:
            ui.effort_combo.addItem(EFFORT_LABELS.get(value, label), value)
        self.balance_checks: dict[str, QCheckBox] = {}
        for attr in store.BALANCE_CHOICES:
            box = QCheckBox(MIX_LABELS.get(attr, attr.capitalize()), self)
            box.setObjectName(f"balance_{attr}")
            box.setToolTip(MIX_TIPS.get(attr, ""))
            box.toggled.connect(self._criteria_changed)
            self.balance_checks[attr] = box
            ui.balance_layout.addWidget(box)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        defaults = engine.Weights()
        for n, name in enumerate(engine.Weights.names()):
            label_text, tip = WEIGHT_LABELS.get(name, (name, ""))
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"weight_{name}")
            spin.setRange(0, 1000)
            spin.setDecimals(1)
            spin.setValue(getattr(defaults, name))
            spin.setAccessibleName(label_text)
            spin.setToolTip(f"Counts against a plan: {tip[0].lower()}{tip[1:]}" if tip else "")
            spin.editingFinished.connect(self._criteria_changed)
            self.weight_spins[name] = spin
            label = QLabel(label_text, self)
            label.setToolTip(spin.toolTip())
            row, col = divmod(n, WEIGHT_COLUMNS)
            ui.weights_layout.addWidget(label, row, 2 * col)
            ui.weights_layout.addWidget(spin, row, 2 * col + 1)
        ui.weights_layout.setColumnStretch(2 * WEIGHT_COLUMNS, 1)
        self._tab_order()
        ui.advanced_button.toggled.connect(self.show_advanced)
        ui.defaults_button.clicked.connect(self.restore_defaults)
        ui.size_kind_combo.activated.connect(self._size_changed)
        ui.size_spin.editingFinished.connect(self._size_changed)
        ui.mode_combo.activated.connect(self._mode_changed)
        ui.seed_spin.editingFinished.connect(self._seed_changed)
        ui.effort_combo.activated.connect(self._criteria_changed)
        self.show_advanced(False)
        self.setEnabled(False)
        self.ws.hub.changed.connect(self._on_changed)

    def _tab_order(self) -> None:
        """Tab goes from Advanced into its panel when it is open, then to Mix by."""
        ui = self.ui
        chain: list[QWidget] = [
            ui.size_kind_combo,
            ui.size_spin,
            ui.mode_combo,
            ui.effort_combo,
            ui.advanced_button,
            *self.weight_spins.values(),
            ui.seed_spin,
            ui.defaults_button,
            *self.balance_checks.values(),
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def show_advanced(self, shown: bool) -> None:
        """Open or close the disclosure with the goals' weights and the draw number."""
        ui = self.ui
        ui.advanced_button.blockSignals(True)
        ui.advanced_button.setChecked(shown)
        ui.advanced_button.blockSignals(False)
        ui.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        ui.advanced_panel.setVisible(shown)

    @property
    def advanced_shown(self) -> bool:
        return self.ui.advanced_button.isChecked()

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
        ui.mode_combo.setToolTip(MODES[ui.mode_combo.currentIndex()][2])
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

    def restore_defaults(self) -> None:
        """Every goal counts as much as it does by default again (one edit)."""
        defaults = engine.Weights()
        for name, spin in self.weight_spins.items():
            spin.setValue(getattr(defaults, name))
        self._criteria_changed()

    def _mode_changed(self) -> None:
        self.ui.mode_combo.setToolTip(MODES[self.ui.mode_combo.currentIndex()][2])
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
