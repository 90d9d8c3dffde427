"""Teams: form breakout teams for a group exercise, adjust them by hand, see how well mixed.

Pick an exercise and round, the number of teams and what to mix them by, then Generate
teams (or Try again for another draw): the engine runs in a worker thread with a progress
bar and a Cancel button, and the keyboard lands on the first card when it is done. Teams are
coloured columns of person cards, each summing up what it holds; move a card by dragging it
or from the keyboard and the summaries, the quality and the things to look at update at
once. Every change is one undo step, a generation included.

The area only composes its panels and wires them with signals; each panel owns its widgets
and refreshes itself from the workshop's changes:

* :class:`~facilitator.ui.teams.picker.ExercisePicker` chooses what is shown;
* :class:`~facilitator.ui.teams.criteria.CriteriaPanel` edits the team set's criteria and
  holds the :class:`~facilitator.ui.teams.runner.GenerationRunner`;
* :class:`~facilitator.ui.teams.board.RoundBoard` shows the round's teams and scores them;
* :class:`~facilitator.ui.teams.scores.ScoresPanel` (quality, things to look at) and
  :class:`~facilitator.ui.teams.constraints.ConstraintsPanel` (rules) sit beside the board,
  above the board's keyboard hint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from facilitator.ui.areas import AreaContext
from facilitator.ui.teams.board import KEY_HINT, RoundBoard
from facilitator.ui.teams.constraints import ConstraintsPanel
from facilitator.ui.teams.criteria import CriteriaPanel
from facilitator.ui.teams.picker import ExercisePicker
from facilitator.ui.teams.runner import GenerationRunner
from facilitator.ui.teams.scores import ScoresPanel
from facilitator.ui.teams.selection import Selection
from facilitator.ui.venue.charts import ensure_fonts

SIDE_MIN_WIDTH = 220  # the quality and the rules beside the board


class TeamsArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        ensure_fonts()  # names in Thai and Khmer show on any system
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
        side_layout.addWidget(self.scores, 3)
        side_layout.addWidget(self.constraints, 1)
        self.hint_label = QLabel(KEY_HINT)
        self.hint_label.setObjectName("keys_hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color:#555;font-size:11px;")
        side_layout.addWidget(self.hint_label)
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
        self.runner.generated.connect(self._generated)
        self.runner.stopped.connect(self._stopped)
        self.board.evaluated.connect(self.scores.show_evaluation)
        self._follow(self.picker.selection)

    def _follow(self, selection: Selection) -> None:
        """Show what the picker chose in every panel, and tell the teams projector."""
        self.criteria.show_team_set(selection.team_set_id)
        self.runner.show_team_set(selection.team_set_id)
        self.ctx.bus.set_team_round(selection.team_set_id, selection.round_id)
        self.constraints.show_team_set(selection.team_set_id)
        self.board.show_selection(selection)

    def _generated(self) -> None:
        """The new teams are on the board: the keyboard goes to the first card."""
        self.board.focus_first_card()
        self.ctx.status(f"Teams generated. {self.scores.overall_label.text()}")

    def _stopped(self) -> None:
        self.runner.generate_button.setFocus()

    def handle_request(self, request: dict[str, Any]) -> None:
        """Open an exercise (``exercise_id``), a team set (``team_set_id``) or a round."""
        self.picker.open(request)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.runner.stop()
        super().closeEvent(event)
