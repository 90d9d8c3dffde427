"""The generation runner: Generate teams, Try again, the progress bar and Cancel.

The engine plans every round of the team set as a :class:`~facilitator.ui.jobs.Job`: the
problem is plain data built from the workshop beforehand, so the worker thread never
touches the file; the window keeps responding, the bar shows how far the search is, and
Cancel stops it with the teams as they were. A finished plan is stored as one undo step.

Try again is the facilitator's word for the engine's seed: the same criteria give the same
teams, so another draw takes the next draw number and stores it with the plan, in the same
undo step (Advanced shows the number, to go back to an earlier draw).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QStackedWidget, QWidget

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.edits.base import Macro, SetFields
from facilitator.store import teams as store
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.jobs import Job, Progress


class GenerationRunner(QWidget):
    """Runs ``engine.plan`` for the shown team set and stores the result."""

    starting = Signal()  # about to read the team set: store criteria typed but not confirmed
    infeasible = Signal(object)  # list[str]: why the constraints cannot all hold
    generated = Signal()  # a plan was stored
    stopped = Signal()  # a generation ended without a plan (cancelled, failed)

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.team_set_id: str | None = None
        self.job: Job | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setObjectName("plan_progress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.generate_button = QPushButton("&Generate teams")
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.generate_button.setEnabled(not ctx.read_only)
        self.generate_button.setToolTip(
            "Form the teams of every round again; people fixed in a team and frozen teams stay"
        )
        self.again_button = QPushButton("&Try again")
        self.again_button.setObjectName("again_button")
        self.again_button.setToolTip(
            "Another draw: different teams from the same criteria (one undo step)"
        )
        self.again_button.clicked.connect(self.try_again)
        self.again_button.setEnabled(not ctx.read_only)
        # While a generation runs the bar takes Try again's place (which cannot be pressed
        # then): nothing moves, and no empty slot waits for the bar beside the exercise.
        self.again_slot = QStackedWidget()
        self.again_slot.addWidget(self.again_button)
        self.again_slot.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.again_slot)
        layout.addWidget(self.generate_button)

    def show_team_set(self, team_set_id: str | None) -> None:
        self.team_set_id = team_set_id
        self._enable()

    def _enable(self) -> None:
        can = bool(self.team_set_id) and not self.ctx.read_only and not self.generating
        self.generate_button.setEnabled(can)
        self.again_button.setEnabled(can)

    @property
    def generating(self) -> bool:
        return self.job is not None

    def generate(self) -> None:
        """Plan every round of the team set in a worker thread."""
        self._start(another_draw=False)

    def try_again(self) -> None:
        """Plan again with the next draw number: other teams from the same criteria."""
        self._start(another_draw=True)

    def _start(self, another_draw: bool) -> None:
        if self.generating or not self.team_set_id or self.ctx.read_only:
            return
        self.starting.emit()
        try:
            tp = self.ws.teams.build_problem(self.team_set_id, for_generation=True)
        except ValueError as exc:
            self.ctx.error(engine.InfeasibleProblem([str(exc)]))
            return
        if not tp.problem.rounds:
            return
        problem = tp.problem
        team_set_id = self.team_set_id
        draw = problem.seed + 1 if another_draw else None
        if draw is not None:
            problem.seed = draw

        def work(progress: Progress) -> engine.Plan:
            return engine.plan(problem, progress=progress, cancel=lambda: progress.cancelled)

        job = Job(
            self, "Generating teams…", work, expected=(engine.InfeasibleProblem,), dialog=False
        )
        job.progressed.connect(self.progress.setValue)
        job.done.connect(lambda plan: self._done(tp, plan, team_set_id, draw))
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.progress.setValue(0)
        self.progress.show()
        self.again_slot.setCurrentWidget(self.progress)
        self.generate_button.setEnabled(False)
        self.again_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.ctx.status("Generating teams…")
        job.start()

    def cancel(self) -> None:
        """Stop the search; the teams stay as they were."""
        if self.job is not None:
            self.job.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (the area is closing)."""
        if self.job is not None:
            self.job.wait()

    def _finish(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.progress.hide()
        self.again_slot.setCurrentWidget(self.again_button)
        self.cancel_button.setEnabled(False)
        self._enable()

    def _done(
        self, tp: store.TeamProblem, plan: engine.Plan, team_set_id: str, draw: int | None
    ) -> None:
        self._finish()
        edit = edits.apply_plan(self.ws, tp, plan.assignment)
        if draw is not None:
            seed = SetFields(self.ws, Table.TEAM_SETS, team_set_id, {"seed": draw}, "Draw")
            edit = Macro("Try again", [seed, edit])
        if self.ctx.push(edit, initiator=self):
            self.generated.emit()

    def _failed(self, exc: Exception) -> None:
        self._finish()
        if isinstance(exc, engine.InfeasibleProblem):
            self.infeasible.emit(exc.reasons)
        self.stopped.emit()
        self.ctx.error(exc)

    def _cancelled(self) -> None:
        self._finish()
        self.stopped.emit()
        self.ctx.status("Team generation cancelled; the teams were not changed.")
