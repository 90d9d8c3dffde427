"""How well mixed the shown round is, in words: "Quality: good — 2 things to look at".

Beside the board: the quality of the round (see :func:`~facilitator.ui.teams.summary.quality`)
and the list of the things to look at, rules broken first (someone absent still in a team,
a fixed person elsewhere), then each team's notes from the engine's evaluation ("Team 2: two
people from the Ministry of Interior"), then what the plan warns of. The engine's penalty
points stay in the tooltip for whoever compares plans.

The board scores the round (it knows when its teams change) and hands the evaluation over;
a generation that cannot meet the rules hands over its reasons instead.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import teams as engine
from facilitator.ui.teams.summary import quality

Index = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = "#A61B1B"
NOTE_COLOUR = "#7A4B00"
FINE_COLOUR = "#2E6B30"


class IssuesModel(QAbstractListModel):
    """The things to look at: (text, broken rule?) rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, bool]] = []

    def set_rows(self, rows: list[tuple[str, bool]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def texts(self) -> list[str]:
        return [text for text, _ in self.rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        text, broken = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(PROBLEM_COLOUR if broken else NOTE_COLOUR)
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Rows tall enough for every wrapped line. Qt's own height rounds the lines down, so a
    note with a Thai name (a taller line) lost its last line to "…"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        width = opt.rect.width() - 2 * margin
        if width <= 0 or not opt.text:
            return size
        layout = QTextLayout(opt.text, opt.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return QSize(size.width(), max(size.height(), math.ceil(height) + 2))


def strip_round(text: str, round_key: str) -> str:
    prefix = f"Round {round_key}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


class ScoresPanel(QWidget):
    """The round's quality and the things to look at, above the rules."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overall_label")
        self.overall_label.setStyleSheet("font-size:15px;font-weight:bold;")
        self.overall_label.setWordWrap(True)
        self.model = IssuesModel(self)
        self.issues_view = QListView()
        self.issues_view.setObjectName("issues_view")
        self.issues_view.setAccessibleName("Things to look at")
        self.issues_view.setModel(self.model)
        self.issues_view.setItemDelegate(WrappingDelegate(self.issues_view))
        self.issues_view.setWordWrap(True)
        self.issues_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.issues_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.issues_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.issues_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.issues_view, 1)

    def show_evaluation(self, evaluation: engine.Evaluation | None, round_key: str) -> None:
        """Show the evaluation of engine round ``round_key`` (nothing when there is none)."""
        if evaluation is None:
            self.overall_label.setText("")
            self.overall_label.setToolTip("")
            self.model.set_rows([])
            return
        scores = evaluation.team_scores.get(round_key, {})
        broken = [
            strip_round(v, round_key)
            for v in evaluation.hard_violations
            if v.startswith(f"Round {round_key}:") or not v.startswith("Round ")
        ]
        notes = [r for ts in scores.values() for r in ts.reasons]
        q = quality(len(notes), len(broken), len(scores))
        self.overall_label.setText(q.text)
        colour = PROBLEM_COLOUR if broken else FINE_COLOUR if q.things == 0 else "#1C2430"
        self.overall_label.setStyleSheet(f"font-size:15px;font-weight:bold;color:{colour};")
        points = sum(s.score for s in scores.values())
        self.overall_label.setToolTip(
            "Counted from what is listed below: each note of a team and each rule broken.\n"
            f"Penalty points of this round: {points:g} (0 is a perfect mix); "
            f"pairs who meet again: {evaluation.repeated_pairs}"
        )
        rows = [(f"⚠ {v}", True) for v in broken]
        rows += [(r, False) for r in notes]
        rows += [(f"• {w}", False) for w in evaluation.warnings]
        self.model.set_rows(rows)

    def show_infeasible(self, reasons: list[str]) -> None:
        """Why a generation found no plan: the rules that cannot all hold."""
        self.overall_label.setText("These rules cannot all be met")
        self.overall_label.setStyleSheet(f"font-size:15px;font-weight:bold;color:{PROBLEM_COLOUR};")
        self.model.set_rows([(f"⚠ {r}", True) for r in reasons])
