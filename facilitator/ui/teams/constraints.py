"""The rules of the shown team set (keep together, keep apart, fixed in a team in every
round), beside the teams.

Rules are added from a card's menu on the board; this list shows them and removes the
selected ones. It reloads when rules of its team set change, or the people or rounds they
name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from facilitator.edits.base import DeleteRows
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.teams.scores import WrappingDelegate

Index = QModelIndex | QPersistentModelIndex


def describe(row: dict[str, Any], names: dict[str, str], rounds: dict[str, str]) -> str:
    people = [names.get(p, "(removed person)") for p in row["person_ids"]]
    if row["kind"] == "keep_together":
        return "Keep together: " + ", ".join(people)
    if row["kind"] == "keep_apart":
        return "Keep apart: " + ", ".join(people)
    when = ", ".join(rounds.get(r, r) for r in row["rounds"]) or "every round"
    return f"Fixed in {row['team_name']} ({when}): {', '.join(people)}"


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

    def remove_ids(self, ids: list[str]) -> None:
        """Take rows out (after they were deleted), keeping the others and the selection."""
        for row in reversed(range(len(self.rows))):
            if self.rows[row]["id"] in ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                del self.texts[row]
                self.endRemoveRows()

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


class ConstraintsPanel(QWidget):
    """The list of rules with its Remove button."""

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.team_set_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Rules</b> (right-click a card to add)")
        title.setWordWrap(True)
        title.setToolTip(
            "People kept together or apart, and people fixed in a team in every round: a "
            "generation never breaks these"
        )
        layout.addWidget(title)
        self.model = ConstraintsModel(self)
        self.view = QListView()
        self.view.setObjectName("constraints_view")
        self.view.setAccessibleName("Rules")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        layout.addWidget(self.view, 1)
        self.remove_button = QPushButton("Remove rule")
        self.remove_button.setObjectName("remove_constraint_button")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(not ctx.read_only)
        layout.addWidget(self.remove_button)
        self.ws.hub.changed.connect(self._on_changed)

    def show_team_set(self, team_set_id: str | None) -> None:
        self.team_set_id = team_set_id
        self.reload()

    def reload(self) -> None:
        ts = self.team_set_id
        rounds = self.ws.teams.rounds(ts) if ts else []
        self.model.load(
            self.ws.teams.constraints(ts) if ts else [],
            {p["id"]: p["name"] for p in self.ws.teams.eligible_people()},
            {r["id"]: r["title"] or f"Round {n}" for n, r in enumerate(rounds, start=1)},
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self):
            return  # its own removals: the rows left the model when the edit succeeded
        if self._stale(changes):
            self.reload()

    def _stale(self, changes: Changes) -> bool:
        """Whether a change touched a shown constraint, added one, or renamed what one names."""
        if changes.everything:
            return True
        if not self.team_set_id:
            return False
        shown = {r["id"] for r in self.model.rows}
        ids = changes.ids(Table.TEAM_CONSTRAINTS)
        if ids is None or ids & shown:
            return True
        for new in ids - shown:
            row = self.ws.rows.get(Table.TEAM_CONSTRAINTS, new)
            if row is not None and row["team_set_id"] == self.team_set_id:
                return True
        named = {p for r in self.model.rows for p in r["person_ids"]}
        people = changes.ids(Table.PEOPLE)
        if named and (people is None or people & named):
            return True
        pinned = {x for r in self.model.rows for x in r["rounds"]}
        rounds = changes.ids(Table.ROUNDS)
        return bool(pinned) and (rounds is None or bool(rounds & pinned))

    def remove_selected(self) -> None:
        """Delete the selected rules (one undo step)."""
        rows = sorted({i.row() for i in self.view.selectedIndexes()})
        ids = [self.model.rows[r]["id"] for r in rows]
        if ids and self.ctx.push(
            DeleteRows(self.ws, Table.TEAM_CONSTRAINTS, ids, "Remove team rule"),
            initiator=self,
        ):
            self.model.remove_ids(ids)
