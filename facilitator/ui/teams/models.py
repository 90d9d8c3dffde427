"""The list of team constraints (keep together, keep apart, pins) shown beside the teams."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


def describe(row: dict[str, Any], names: dict[str, str], rounds: dict[str, str]) -> str:
    people = [names.get(p, "(removed person)") for p in row["person_ids"]]
    if row["kind"] == "keep_together":
        return "Keep together: " + ", ".join(people)
    if row["kind"] == "keep_apart":
        return "Keep apart: " + ", ".join(people)
    when = ", ".join(rounds.get(r, r) for r in row["rounds"]) or "every round"
    return f"Pin: {', '.join(people)} → {row['team_name']} ({when})"


class ConstraintsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.texts: list[str] = []

    def load(
        self, rows: list[dict[str, Any]], names: dict[str, str], rounds: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.texts = [describe(r, names, rounds) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()]["id"]
        return None
