"""How well mixed the shown round is: its score, repeated pairs and what is wrong with it.

The board scores the round (it knows when its teams change) and hands the evaluation over;
a generation that cannot meet the constraints hands over its reasons instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.domain import teams as engine

PROBLEM_COLOUR = "#A61B1B"
FINE_COLOUR = "#2E6B30"


class ScoresPanel(QWidget):
    """The round's score and the constraint problems and warnings, above the constraints."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overall_label")
        self.overall_label.setStyleSheet("font-size:15px;font-weight:bold;")
        self.overall_label.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(f"color:{PROBLEM_COLOUR};")
        self.warnings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.warnings_label)

    def show_evaluation(self, evaluation: engine.Evaluation | None, round_key: str) -> None:
        """Show the evaluation of engine round ``round_key`` (nothing when there is none)."""
        if evaluation is None:
            self.overall_label.setText("")
            self.warnings_label.setText("")
            return
        scores = evaluation.team_scores.get(round_key, {})
        round_score = sum(s.score for s in scores.values())
        self.overall_label.setText(
            f"Score {round_score:g} (0 = perfect mix) · repeated pairs: {evaluation.repeated_pairs}"
        )
        prefix = f"Round {round_key}: "
        problems = [
            v[len(prefix) :] if v.startswith(prefix) else v for v in evaluation.hard_violations
        ]
        lines = [f"⚠ {v}" for v in problems] + [f"• {w}" for w in evaluation.warnings]
        self.warnings_label.setText("\n".join(lines) if lines else "No constraint problems.")
        self.warnings_label.setStyleSheet(f"color:{PROBLEM_COLOUR if problems else FINE_COLOUR};")

    def show_infeasible(self, reasons: list[str]) -> None:
        """Why a generation found no plan: the constraints that cannot all hold."""
        self.warnings_label.setText("\n".join(f"⚠ {r}" for r in reasons))
        self.warnings_label.setStyleSheet(f"color:{PROBLEM_COLOUR};")
