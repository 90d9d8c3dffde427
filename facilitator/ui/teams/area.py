"""Teams: form breakout teams for a group exercise, adjust them by hand, see how well mixed.

Pick an exercise, set rounds, team size or count and what to balance, then Generate: the
engine runs in a worker thread with a progress bar and a Cancel button. Teams are coloured
columns of person cards; drag a card (or use Move to team…, Ctrl+M) and the scores and
warnings update at once. Every change is one undo step, a generation included.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QThread, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.edits.base import DeleteRows, SetFields
from facilitator.store import teams as store
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.teams.cards import (
    MEMBER_ROLE,
    PERSON_ROLE,
    CardList,
    TeamColumn,
)
from facilitator.ui.teams.dialogs import NewExerciseDialog, PlanWorker
from facilitator.ui.teams.models import ConstraintsModel

WATCHED = (
    Table.TEAMS,
    Table.TEAM_MEMBERS,
    Table.TEAM_SETS,
    Table.TEAM_CONSTRAINTS,
    Table.ROUNDS,
    Table.EXERCISES,
    Table.SESSIONS,
    Table.PEOPLE,
    Table.ATTENDANCE,
    Table.DAYS,
)
WEIGHT_LABELS = {
    "balance": "Balance",
    "minority": "No lone minority",
    "organisation": "Mix organisations",
    "language": "Shared language",
    "repeat": "New partners",
    "stability": "Same teams",
}


class TeamsArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.exercise_id: str | None = None
        self.team_set_id: str | None = None
        self.round_id: str | None = None
        self.columns: dict[str, TeamColumn] = {}
        self.evaluation: engine.Evaluation | None = None
        self.thread: QThread | None = None
        self.worker: PlanWorker | None = None
        self._pending: store.TeamProblem | None = None
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.ws.hub.changed.connect(self._on_changed)
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.exercise_combo = QComboBox()
        self.exercise_combo.setObjectName("exercise_combo")
        self.exercise_combo.setMinimumWidth(280)
        self.exercise_combo.activated.connect(self._exercise_chosen)
        self.new_exercise_button = QPushButton("New exercise…")
        self.new_exercise_button.clicked.connect(self.new_exercise)
        self.setup_button = QPushButton("Set up teams")
        self.setup_button.setToolTip("This exercise has no teams yet: create its team set")
        self.setup_button.clicked.connect(self._set_up_teams)
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("round_combo")
        self.round_combo.activated.connect(self._round_chosen)
        self.add_round_button = QPushButton("Add round")
        self.add_round_button.clicked.connect(self.add_round)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("day_combo")
        self.day_combo.setToolTip(
            "Day of this round: people without attendance that day are left out"
        )
        self.day_combo.activated.connect(self._day_chosen)
        top.addWidget(QLabel("Exercise"))
        top.addWidget(self.exercise_combo)
        top.addWidget(self.new_exercise_button)
        top.addWidget(self.setup_button)
        top.addSpacing(16)
        top.addWidget(QLabel("Round"))
        top.addWidget(self.round_combo)
        top.addWidget(self.add_round_button)
        top.addWidget(self.day_combo)
        top.addStretch(1)
        outer.addLayout(top)

        self.criteria_box = QGroupBox("Criteria")
        crit = QVBoxLayout(self.criteria_box)
        row = QHBoxLayout()
        self.size_kind_combo = QComboBox()
        self.size_kind_combo.setObjectName("size_kind_combo")
        self.size_kind_combo.addItem("Number of teams", "count")
        self.size_kind_combo.addItem("People per team", "size")
        self.size_kind_combo.activated.connect(self._size_changed)
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("size_spin")
        self.size_spin.setRange(1, 200)
        self.size_spin.editingFinished.connect(self._size_changed)
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("mode_combo")
        self.mode_combo.addItem("New partners each round", "rotate")
        self.mode_combo.addItem("Keep the same teams", "keep")
        self.mode_combo.activated.connect(self._mode_changed)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seed_spin")
        self.seed_spin.setRange(0, 999_999)
        self.seed_spin.setToolTip("Same seed, same teams; change it for a different draw")
        self.seed_spin.editingFinished.connect(self._seed_changed)
        row.addWidget(self.size_kind_combo)
        row.addWidget(self.size_spin)
        row.addSpacing(12)
        row.addWidget(self.mode_combo)
        row.addSpacing(12)
        row.addWidget(QLabel("Balance:"))
        self.balance_checks: dict[str, QCheckBox] = {}
        for attr in store.BALANCE_CHOICES:
            box = QCheckBox(attr.capitalize())
            box.setObjectName(f"balance_{attr}")
            box.toggled.connect(self._criteria_changed)
            self.balance_checks[attr] = box
            row.addWidget(box)
        row.addSpacing(12)
        self.effort_combo = QComboBox()
        self.effort_combo.setObjectName("effort_combo")
        for value, label in store.EFFORTS:
            self.effort_combo.addItem(label, value)
        self.effort_combo.activated.connect(self._criteria_changed)
        row.addWidget(self.effort_combo)
        row.addWidget(QLabel("Seed"))
        row.addWidget(self.seed_spin)
        row.addStretch(1)
        self.generate_button = QPushButton("Generate teams")
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_generation)
        self.progress = QProgressBar()
        self.progress.setObjectName("plan_progress")
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(140)
        self.progress.hide()
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.generate_button)
        crit.addLayout(row)
        weights_row = QHBoxLayout()
        weights_row.addWidget(QLabel("Weights:"))
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        defaults = engine.Weights()
        for name in engine.Weights.names():
            spin = QDoubleSpinBox()
            spin.setObjectName(f"weight_{name}")
            spin.setRange(0, 1000)
            spin.setDecimals(1)
            spin.setValue(getattr(defaults, name))
            spin.editingFinished.connect(self._criteria_changed)
            self.weight_spins[name] = spin
            weights_row.addWidget(QLabel(WEIGHT_LABELS.get(name, name)))
            weights_row.addWidget(spin)
        weights_row.addStretch(1)
        crit.addLayout(weights_row)
        outer.addWidget(self.criteria_box)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.board = QWidget()
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.board)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#555;font-size:14px;padding:30px;")
        board_box = QWidget()
        bl = QVBoxLayout(board_box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.empty_label)
        bl.addWidget(self.scroll, 1)
        split.addWidget(board_box)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 0, 0, 0)
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overall_label")
        self.overall_label.setStyleSheet("font-size:15px;font-weight:bold;")
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color:#A61B1B;")
        self.warnings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sl.addWidget(self.overall_label)
        sl.addWidget(self.warnings_label)
        sl.addWidget(QLabel("<b>Constraints</b> (right-click a card to add)"))
        self.constraints_model = ConstraintsModel(self)
        self.constraints_view = QListView()
        self.constraints_view.setObjectName("constraints_view")
        self.constraints_view.setModel(self.constraints_model)
        self.constraints_view.setWordWrap(True)
        sl.addWidget(self.constraints_view, 1)
        self.remove_constraint_button = QPushButton("Remove constraint")
        self.remove_constraint_button.clicked.connect(self.remove_constraint)
        sl.addWidget(self.remove_constraint_button)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 260])
        outer.addWidget(split, 1)

        self.move_action = QAction("Move to team…", self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_action.triggered.connect(self.move_current_dialog)
        self.lock_action = QAction("Lock / unlock person", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.lock_action.triggered.connect(self.toggle_lock_current)
        self.addAction(self.move_action)
        self.addAction(self.lock_action)

        editing = not self.ctx.read_only
        for w in (
            self.new_exercise_button,
            self.setup_button,
            self.add_round_button,
            self.day_combo,
            self.criteria_box,
            self.remove_constraint_button,
        ):
            w.setEnabled(editing)
        self.move_action.setEnabled(editing)
        self.lock_action.setEnabled(editing)

    # -- loading ---------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Reload what the area shows from the workshop (after any change)."""
        exercises = self.ws.teams.exercises()
        ids = [e["id"] for e in exercises]
        if self.exercise_id not in ids:
            self.exercise_id = ids[0] if ids else None
        self.exercise_combo.blockSignals(True)
        self.exercise_combo.clear()
        for e in exercises:
            where = f" ({e['date']} · {e['session_title']})" if e["session_title"] else ""
            self.exercise_combo.addItem(f"{e['title']}{where}", e["id"])
        self.exercise_combo.setCurrentIndex(max(0, self.exercise_combo.findData(self.exercise_id)))
        self.exercise_combo.blockSignals(False)
        sets = self.ws.teams.team_sets(self.exercise_id) if self.exercise_id else []
        ts = sets[0] if sets else None
        self.team_set_id = ts["id"] if ts else None
        self.setup_button.setVisible(bool(self.exercise_id) and ts is None)
        self.criteria_box.setEnabled(ts is not None and not self.ctx.read_only)
        self._load_criteria(ts)
        rounds = self.ws.teams.rounds(self.team_set_id) if self.team_set_id else []
        rids = [r["id"] for r in rounds]
        if self.round_id not in rids:
            self.round_id = rids[0] if rids else None
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for n, r in enumerate(rounds, start=1):
            self.round_combo.addItem(r["title"] or f"Round {n}", r["id"])
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(self.round_id)))
        self.round_combo.blockSignals(False)
        self.add_round_button.setEnabled(bool(self.team_set_id) and not self.ctx.read_only)
        current = next((r for r in rounds if r["id"] == self.round_id), None)
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        for d in self.ws.agenda.day_rows():
            self.day_combo.addItem(f"{d['title'] or 'Day'} · {d['date']}", d["id"])
        if current:
            self.day_combo.setCurrentIndex(self.day_combo.findData(current["effective_day_id"]))
        self.day_combo.setEnabled(current is not None and not self.ctx.read_only)
        self.day_combo.blockSignals(False)
        self.ctx.bus.set_team_round(self.team_set_id, self.round_id)
        self.constraints_model.load(
            self.ws.teams.constraints(self.team_set_id) if self.team_set_id else [],
            {p["id"]: p["name"] for p in self.ws.teams.eligible_people()},
            {r["id"]: r["title"] or f"Round {n}" for n, r in enumerate(rounds, start=1)},
        )
        self._load_columns()
        self._evaluate()

    def _load_criteria(self, ts: dict[str, Any] | None) -> None:
        widgets = [
            self.size_kind_combo,
            self.size_spin,
            self.mode_combo,
            self.seed_spin,
            self.effort_combo,
            *self.balance_checks.values(),
            *self.weight_spins.values(),
        ]
        for w in widgets:
            w.blockSignals(True)
        if ts is not None:
            by_size = bool(ts["team_size"]) and not ts["team_count"]
            self.size_kind_combo.setCurrentIndex(1 if by_size else 0)
            self.size_spin.setValue(int((ts["team_size"] if by_size else ts["team_count"]) or 4))
            self.mode_combo.setCurrentIndex(1 if ts["mode"] == "keep" else 0)
            self.seed_spin.setValue(int(ts["seed"] or 0))
            crit = store.criteria(ts)
            efforts = [v for v, _ in store.EFFORTS]
            nearest = min(efforts, key=lambda v: abs(v - crit["effort"]))
            self.effort_combo.setCurrentIndex(efforts.index(nearest))
            for attr, box in self.balance_checks.items():
                box.setChecked(attr in crit["balance"])
            defaults = engine.Weights()
            for name, spin in self.weight_spins.items():
                value = crit["weights"].get(name, getattr(defaults, name))
                if not spin.hasFocus():
                    spin.setValue(float(value))
        for w in widgets:
            w.blockSignals(False)

    def _members_by_team(self, team_rows: list[dict[str, Any]]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {t["id"]: [] for t in team_rows}
        for m in self.ws.teams.members(list(out)):
            out[m["team_id"]].append(m)
        return out

    def _load_columns(self) -> None:
        team_rows = self.ws.teams.teams(self.round_id) if self.round_id else []
        ids = [t["id"] for t in team_rows]
        if ids != list(self.columns):
            for col in self.columns.values():
                self.board_layout.removeWidget(col)
                col.deleteLater()
            self.columns = {}
            for k, t in enumerate(team_rows):
                col = TeamColumn(t, self._drop_mover, self.ctx.read_only)
                col.lock_toggled.connect(self.set_team_locked)
                col.room_edited.connect(self.set_room)
                col.rapporteur_chosen.connect(self.set_rapporteur)
                col.view.customContextMenuRequested.connect(
                    lambda pos, c=col: self._card_menu(c, pos)
                )
                self.board_layout.insertWidget(k, col, 1)
                self.columns[t["id"]] = col
        members = self._members_by_team(team_rows)
        for t in team_rows:
            self.columns[t["id"]].update_team(t, members[t["id"]])
        if not self.exercise_id:
            message = (
                "No group exercise yet. Use New exercise… to add one for a group session "
                "of the agenda."
            )
        elif not self.team_set_id:
            message = "This exercise has no teams yet: press Set up teams."
        elif not team_rows:
            message = "No teams in this round yet: set the criteria and press Generate teams."
        else:
            message = ""
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))

    def _evaluate(self) -> None:
        """Score what is on screen now and show each team's reasons and the warnings."""
        self.evaluation = None
        if not self.team_set_id or not self.round_id or not self.columns:
            self.overall_label.setText("")
            self.warnings_label.setText("")
            for col in self.columns.values():
                col.set_score(None, [], "")
            return
        tp = self.ws.teams.build_problem(self.team_set_id)
        ev = engine.evaluate(tp.problem, self.ws.teams.current_assignment(tp))
        self.evaluation = ev
        key = tp.engine_round(self.round_id)
        scores = ev.team_scores.get(key, {})
        names = {v: name for (rid, name), v in tp.team_keys.items() if rid == self.round_id}
        for team_id, col in self.columns.items():
            name = names.get(team_id, "")
            ts = scores.get(name)
            col.set_score(ts.score if ts else 0, ts.reasons if ts else [], name)
        round_score = sum(s.score for s in scores.values())
        self.overall_label.setText(
            f"Score {round_score:g} (0 = perfect mix) · repeated pairs: {ev.repeated_pairs}"
        )
        prefix = f"Round {key}: "
        problems = [v[len(prefix) :] if v.startswith(prefix) else v for v in ev.hard_violations]
        lines = [f"⚠ {v}" for v in problems] + [f"• {w}" for w in ev.warnings]
        self.warnings_label.setText("\n".join(lines) if lines else "No constraint problems.")
        self.warnings_label.setStyleSheet(f"color:{'#A61B1B' if problems else '#2E6B30'};")

    # -- selection -------------------------------------------------------------------------
    def _exercise_chosen(self, index: int) -> None:
        self.exercise_id = self.exercise_combo.itemData(index)
        self.round_id = None
        self.refresh()

    def _round_chosen(self, index: int) -> None:
        self.round_id = self.round_combo.itemData(index)
        self.refresh()

    def handle_request(self, request: dict[str, Any]) -> None:
        """Open an exercise (``exercise_id``), a team set (``team_set_id``) or a round."""
        if request.get("team_set_id"):
            ts = self.ws.rows.get(Table.TEAM_SETS, request["team_set_id"])
            if ts:
                self.exercise_id = ts["exercise_id"]
        if request.get("exercise_id"):
            self.exercise_id = request["exercise_id"]
        if request.get("round_id"):
            self.round_id = request["round_id"]
        self.refresh()

    # -- editing the set-up ----------------------------------------------------------------
    def new_exercise(self) -> None:
        values, ok = NewExerciseDialog.ask(self.ws.teams.group_sessions(), self)
        if ok:
            self.create_exercise(values["session_id"], values["title"], values["team_count"])

    def create_exercise(self, session_id: str | None, title: str, team_count: int = 4) -> None:
        macro = edits.new_exercise(self.ws, session_id, title, team_count)
        if self.ctx.push(macro):
            self.exercise_id = macro.edits[0].row_id
            self.round_id = None
            self.refresh()

    def _set_up_teams(self) -> None:
        if not self.exercise_id:
            return
        ex = self.ws.rows.get(Table.EXERCISES, self.exercise_id) or {}
        macro = edits.new_exercise(self.ws, ex.get("session_id"), ex.get("title") or "", 4)
        # Reuse the existing exercise: only the team set and its first round are added.
        macro.edits = macro.edits[1:]
        macro.edits[0].row["exercise_id"] = self.exercise_id
        macro.setText("Set up teams")
        self.ctx.push(macro)

    def add_round(self) -> None:
        if self.team_set_id:
            cmd = edits.add_round(self.ws, self.team_set_id)
            if self.ctx.push(cmd):
                self.round_id = cmd.row_id
                self.refresh()

    def _day_chosen(self, index: int) -> None:
        if self.round_id:
            day = self.day_combo.itemData(index)
            self.ctx.push(
                SetFields(self.ws, Table.ROUNDS, self.round_id, {"day_id": day}, "Round day")
            )

    def _size_changed(self) -> None:
        if not self.team_set_id:
            return
        by_size = self.size_kind_combo.currentData() == "size"
        value = self.size_spin.value()
        values = {"team_size": value, "team_count": None} if by_size else {"team_count": value}
        ts = self.ws.rows.get(Table.TEAM_SETS, self.team_set_id) or {}
        if any(ts.get(k) != v for k, v in values.items()):
            self.ctx.push(edits.set_team_set_fields(self.ws, self.team_set_id, values))

    def _mode_changed(self) -> None:
        if self.team_set_id:
            mode = self.mode_combo.currentData()
            self.ctx.push(edits.set_team_set_fields(self.ws, self.team_set_id, {"mode": mode}))

    def _seed_changed(self) -> None:
        ts = self.ws.rows.get(Table.TEAM_SETS, self.team_set_id or "")
        if ts and ts["seed"] != self.seed_spin.value():
            values = {"seed": self.seed_spin.value()}
            self.ctx.push(edits.set_team_set_fields(self.ws, ts["id"], values))

    def _criteria_changed(self) -> None:
        ts = self.ws.rows.get(Table.TEAM_SETS, self.team_set_id or "")
        if not ts:
            return
        balance = [a for a, box in self.balance_checks.items() if box.isChecked()]
        defaults = engine.Weights()
        weights = {
            n: s.value()
            for n, s in self.weight_spins.items()
            if abs(s.value() - getattr(defaults, n)) > 1e-9
        }
        effort = float(self.effort_combo.currentData())
        old = store.criteria(ts)
        if (old["balance"], old["weights"], old["effort"]) != (balance, weights, effort):
            self.ctx.push(edits.set_criteria(self.ws, ts["id"], balance, weights, effort))

    # -- generating ------------------------------------------------------------------------
    @property
    def generating(self) -> bool:
        return self.thread is not None

    def generate(self) -> None:
        """Plan every round of the team set in a worker thread."""
        if self.generating or not self.team_set_id or self.ctx.read_only:
            return
        self._size_changed()
        try:
            tp = self.ws.teams.build_problem(self.team_set_id, for_generation=True)
        except ValueError as exc:
            self.ctx.error(engine.InfeasibleProblem([str(exc)]))
            return
        if not tp.problem.rounds:
            return
        self._pending = tp
        self.thread = QThread(self)
        self.worker = PlanWorker(tp.problem)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress.setValue)
        self.worker.finished.connect(self._plan_finished)
        self.worker.failed.connect(self._plan_failed)
        self.worker.cancelled.connect(self._plan_cancelled)
        self.progress.setValue(0)
        self.progress.show()
        self.generate_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.ctx.status("Generating teams…")
        self.thread.start()

    def cancel_generation(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _stop_thread(self) -> None:
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread.deleteLater()
        if self.worker is not None:
            self.worker.deleteLater()
        self.thread = None
        self.worker = None
        self.progress.hide()
        self.generate_button.setEnabled(not self.ctx.read_only)
        self.cancel_button.setEnabled(False)

    def _plan_finished(self, result: engine.Plan) -> None:
        tp = self._pending
        self._stop_thread()
        if tp is None:
            return
        if self.ctx.push(edits.apply_plan(self.ws, tp, result.assignment)):
            self.ctx.status(f"Teams generated: score {result.evaluation.overall_score:g}")
        self.refresh()

    def _plan_failed(self, exc: Exception) -> None:
        self._stop_thread()
        if isinstance(exc, engine.InfeasibleProblem):
            self.warnings_label.setText("\n".join(f"⚠ {r}" for r in exc.reasons))
            self.warnings_label.setStyleSheet("color:#A61B1B;")
        self.ctx.error(exc)

    def _plan_cancelled(self) -> None:
        self._stop_thread()
        self.ctx.status("Team generation cancelled; the teams were not changed.")

    # -- moving, locking and constraints ---------------------------------------------------
    def _drop_mover(self, person_id: str, team_id: str, row: int) -> None:
        # A drop arrives inside the view's drop event: apply it once the event is over.
        QTimer.singleShot(0, lambda: self.move_person(person_id, team_id, row))

    def move_person(self, person_id: str, team_id: str, row: int = -1) -> bool:
        """Move one person into a team of the current round: one undo step."""
        if self.ctx.read_only or not self.round_id:
            return False
        cmd = edits.move_person(self.ws, self.round_id, person_id, team_id, row)
        return cmd is not None and self.ctx.push(cmd)

    def _current_card(self) -> tuple[TeamColumn, QModelIndex] | None:
        focus = self.focusWidget()
        for col in self.columns.values():
            if focus is col.view or col.view.isAncestorOf(focus):
                index = col.view.currentIndex()
                if index.isValid():
                    return col, index
        return None

    def move_current_dialog(self) -> None:
        """Keyboard alternative to dragging: pick the team for the focused card."""
        found = self._current_card()
        if found is None:
            self.ctx.status("Select a person card first.")
            return
        col, index = found
        others = [
            (tid, c.name_label.text().split("  (")[0])
            for tid, c in self.columns.items()
            if tid != col.team_id
        ]
        if not others:
            return
        name = index.data(Qt.ItemDataRole.DisplayRole)
        choice, ok = QInputDialog.getItem(
            self, "Move to team", f"Move {name} to:", [t for _, t in others], 0, False
        )
        if ok:
            team_id = others[[t for _, t in others].index(choice)][0]
            self.move_person(index.data(PERSON_ROLE), team_id)

    def toggle_lock_current(self) -> None:
        found = self._current_card()
        if found is not None:
            col, index = found
            member = next(m for m in col.model.rows if m["id"] == index.data(MEMBER_ROLE))
            self.set_member_locked(member["id"], not member["locked"])

    def set_member_locked(self, member_id: str, locked: bool) -> None:
        self.ctx.push(edits.set_member_locked(self.ws, member_id, locked))

    def set_team_locked(self, team_id: str, locked: bool) -> None:
        self.ctx.push(edits.set_team_locked(self.ws, team_id, locked))

    def set_room(self, team_id: str, room: str) -> None:
        self.ctx.push(edits.set_team_room(self.ws, team_id, room))

    def set_rapporteur(self, team_id: str, person_id: str | None) -> None:
        team = self.ws.rows.get(Table.TEAMS, team_id) or {}
        if team.get("rapporteur_id") != person_id:
            self.ctx.push(edits.set_rapporteur(self.ws, team_id, person_id))

    def add_constraint(
        self,
        kind: str,
        person_ids: list[str],
        team_name: str | None = None,
        round_ids: list[str] | None = None,
    ) -> None:
        if self.team_set_id:
            cmd = edits.add_constraint(
                self.ws, self.team_set_id, kind, person_ids, team_name, round_ids
            )
            self.ctx.push(cmd)

    def remove_constraint(self) -> None:
        rows = sorted({i.row() for i in self.constraints_view.selectedIndexes()})
        ids = [self.constraints_model.rows[r]["id"] for r in rows]
        if ids:
            self.ctx.push(
                DeleteRows(self.ws, Table.TEAM_CONSTRAINTS, ids, "Remove team constraint")
            )

    def _pick_person(self, title: str, label: str, exclude: set[str]) -> str | None:
        people = [p for p in self.ws.teams.eligible_people() if p["id"] not in exclude]
        labels = [
            f"{p['name']} ({p['organisation']})" if p["organisation"] else p["name"] for p in people
        ]
        if not labels:
            return None
        choice, ok = QInputDialog.getItem(self, title, label, labels, 0, False)
        return people[labels.index(choice)]["id"] if ok else None

    def _card_menu(self, col: TeamColumn, pos: QPoint) -> None:
        index = col.view.indexAt(pos)
        if not index.isValid() or self.ctx.read_only:
            return
        menu = self.card_menu(col, index)
        menu.exec(col.view.viewport().mapToGlobal(pos))

    def card_menu(self, col: TeamColumn, index: QModelIndex | QPersistentModelIndex) -> QMenu:
        """The context menu of a card (also used by tests)."""
        person_id = index.data(PERSON_ROLE)
        name = index.data(Qt.ItemDataRole.DisplayRole)
        member = next(m for m in col.model.rows if m["person_id"] == person_id)
        team_name = col.name_label.text().split("  (")[0]
        menu = QMenu(self)
        lock = menu.addAction("Unlock" if member["locked"] else f"Lock in {team_name}")
        lock.triggered.connect(lambda: self.set_member_locked(member["id"], not member["locked"]))
        move = menu.addMenu("Move to team")
        for tid, other in self.columns.items():
            if tid != col.team_id:
                label = other.name_label.text().split("  (")[0]
                act = move.addAction(label)
                act.triggered.connect(lambda _=False, t=tid: self.move_person(person_id, t))
        rap = menu.addAction("Make rapporteur of the team")
        rap.triggered.connect(lambda: self.set_rapporteur(col.team_id, person_id))
        menu.addSeparator()
        pin = menu.addAction(f"Pin {name} to {team_name} (every round)")
        pin.triggered.connect(lambda: self.add_constraint("pin", [person_id], team_name))
        together = menu.addAction("Keep together with…")
        together.triggered.connect(lambda: self._pair("keep_together", person_id, name))
        apart = menu.addAction("Keep apart from…")
        apart.triggered.connect(lambda: self._pair("keep_apart", person_id, name))
        return menu

    def _pair(self, kind: str, person_id: str, name: str) -> None:
        verb = "together with" if kind == "keep_together" else "apart from"
        other = self._pick_person("Team constraint", f"Keep {name} {verb}:", {person_id})
        if other:
            self.add_constraint(kind, [person_id, other])

    # -- helpers for other parts of the area -----------------------------------------------
    def card_views(self) -> list[CardList]:
        return [c.view for c in self.columns.values()]

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.cancel_generation()
        self._stop_thread()
        super().closeEvent(event)
