"""The generation runner: Generate teams, its progress bar and Cancel.

The engine plans every round of the team set as a :class:`~facilitator.ui.jobs.Job`: the
problem is plain data built from the workshop beforehand, so the worker thread never
touches the file; the window keeps responding, the bar shows how far the search is, and
Cancel stops it with the teams as they were. A finished plan is stored as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.store import teams as store
from facilitator.ui.areas import AreaContext
from facilitator.ui.jobs import Job, Progress


class GenerationRunner(QWidget):
    """Runs ``engine.plan`` for the shown team set and stores the result."""

    starting = Signal()  # about to read the team set: store criteria typed but not confirmed
    infeasible = Signal(object)  # list[str]: why the constraints cannot all hold

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
        self.progress.setFixedWidth(140)
        # The bar keeps its place while hidden, so nothing moves when a generation starts.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
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
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.generate_button)

    def show_team_set(self, team_set_id: str | None) -> None:
        self.team_set_id = team_set_id
        self.generate_button.setEnabled(
            bool(team_set_id) and not self.ctx.read_only and not self.generating
        )

    @property
    def generating(self) -> bool:
        return self.job is not None

    def generate(self) -> None:
        """Plan every round of the team set in a worker thread."""
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

        def work(progress: Progress) -> engine.Plan:
            return engine.plan(problem, progress=progress, cancel=lambda: progress.cancelled)

        job = Job(
            self, "Generating teams…", work, expected=(engine.InfeasibleProblem,), dialog=False
        )
        job.progressed.connect(self.progress.setValue)
        job.done.connect(lambda plan: self._done(tp, plan))
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        # Closing the workshop deletes the area at once: the thread must have stopped
        # before the job (a child of this widget) is deleted with it.
        self.destroyed.connect(job.wait)
        self.job = job
        self.progress.setValue(0)
        self.progress.show()
        self.generate_button.setEnabled(False)
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
        self.generate_button.setEnabled(bool(self.team_set_id) and not self.ctx.read_only)
        self.cancel_button.setEnabled(False)

    def _done(self, tp: store.TeamProblem, plan: engine.Plan) -> None:
        self._finish()
        if self.ctx.push(edits.apply_plan(self.ws, tp, plan.assignment), initiator=self):
            self.ctx.status(f"Teams generated: score {plan.evaluation.overall_score:g}")

    def _failed(self, exc: Exception) -> None:
        self._finish()
        if isinstance(exc, engine.InfeasibleProblem):
            self.infeasible.emit(exc.reasons)
        self.ctx.error(exc)

    def _cancelled(self) -> None:
        self._finish()
        self.ctx.status("Team generation cancelled; the teams were not changed.")
