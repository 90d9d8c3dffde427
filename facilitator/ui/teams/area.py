"""Teams: form breakout teams for a group exercise, adjust them by hand, see how well mixed.

Pick an exercise, set rounds, team size or count and what to balance, then Generate: the
engine runs in a worker thread with a progress bar and a Cancel button. Teams are coloured
columns of person cards; drag a card (or use Move to team…, Ctrl+M) and the scores and
warnings update at once. Every change is one undo step, a generation included.

The area only composes its panels and wires them with signals; each panel owns its widgets
and refreshes itself from the workshop's changes:

* :class:`~facilitator.ui.teams.picker.ExercisePicker` chooses what is shown;
* :class:`~facilitator.ui.teams.criteria.CriteriaPanel` edits the team set's criteria and
  holds the :class:`~facilitator.ui.teams.runner.GenerationRunner`;
* :class:`~facilitator.ui.teams.board.RoundBoard` shows the round's teams and scores them;
* :class:`~facilitator.ui.teams.scores.ScoresPanel` and
  :class:`~facilitator.ui.teams.constraints.ConstraintsPanel` sit beside the board.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from facilitator.ui.areas import AreaContext
from facilitator.ui.teams.board import RoundBoard
from facilitator.ui.teams.constraints import ConstraintsPanel
from facilitator.ui.teams.criteria import CriteriaPanel
from facilitator.ui.teams.picker import ExercisePicker
from facilitator.ui.teams.runner import GenerationRunner
from facilitator.ui.teams.scores import ScoresPanel
from facilitator.ui.teams.selection import Selection

SIDE_MIN_WIDTH = 220  # the score and the constraints beside the board


class TeamsArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        # The picker is made first so it hears of a change before the panels that follow
        # its selection (a deleted round is replaced before the board reads it).
        self.picker = ExercisePicker(ctx)
        self.criteria = CriteriaPanel(ctx)
        self.runner = GenerationRunner(ctx)
        self.board = RoundBoard(ctx)
        self.scores = ScoresPanel()
        self.constraints = ConstraintsPanel(ctx)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        # Generate teams ends the top row, where it has room for its whole name at 1280 px
        # (at the end of the criteria it was cut to "Gen").
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.runner)
        outer.addLayout(top)
        outer.addWidget(self.criteria)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("teams_splitter")
        split.setChildrenCollapsible(False)
        split.addWidget(self.board)
        side = QWidget()
        side.setObjectName("teams_side")
        side.setMinimumWidth(SIDE_MIN_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.scores)
        side_layout.addWidget(self.constraints, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, SIDE_MIN_WIDTH])
        outer.addWidget(split, 1)
        # Ctrl+M and Ctrl+L answer wherever the focus is in the area, as they always did.
        self.addActions(self.board.card_actions())

        self.picker.selection_changed.connect(self._follow)
        self.runner.starting.connect(self.criteria.commit)
        self.runner.infeasible.connect(self.scores.show_infeasible)
        self.board.evaluated.connect(self.scores.show_evaluation)
        self._follow(self.picker.selection)

    def _follow(self, selection: Selection) -> None:
        """Show what the picker chose in every panel, and tell the teams projector."""
        self.criteria.show_team_set(selection.team_set_id)
        self.runner.show_team_set(selection.team_set_id)
        self.ctx.bus.set_team_round(selection.team_set_id, selection.round_id)
        self.constraints.show_team_set(selection.team_set_id)
        self.board.show_selection(selection)

    def handle_request(self, request: dict[str, Any]) -> None:
        """Open an exercise (``exercise_id``), a team set (``team_set_id``) or a round."""
        self.picker.open(request)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.runner.stop()
        super().closeEvent(event)
