"""Table models of the Polls area over the venue store's rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from facilitator.domain.venue import EVALUATION_KINDS, POLL_KINDS
from facilitator.ui.models import Index, RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole
STATE_LABELS = {"draft": "Prepared", "open": "Open", "closed": "Closed"}
STATE_COLOURS = {"open": QColor("#1D7A46"), "closed": QColor("#5A6878")}


class _Model(RowsModel):
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_id(self, index: Index) -> str | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]["id"]

    def row_of(self, row_id: str | None) -> int:
        for i, r in enumerate(self.rows):
            if r["id"] == row_id:
                return i
        return -1

    def text(self, row: dict[str, Any], column: int) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == ID_ROLE:
            return row["id"]
        return self.style(row, index.column(), role)

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        return None


class PollsModel(_Model):
    HEADERS = ("Question", "Kind", "Session", "State", "Answers", "Results")

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return row["question"] or "(no question)"
        if column == 1:
            kind = POLL_KINDS.get(row["kind"], row["kind"])
            if row["kind"] == "scale":
                kind += f" 1–{row['scale_max']}"
            return kind
        if column == 2:
            return row.get("session_title") or "—"
        if column == 3:
            return STATE_LABELS.get(row["state"], row["state"])
        if column == 4:
            return str(row.get("answers", 0))
        return "Shown" if row["revealed"] else "Hidden"

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        if column == 3 and role == Qt.ItemDataRole.ForegroundRole:
            return STATE_COLOURS.get(row["state"])
        if column == 3 and role == Qt.ItemDataRole.FontRole and row["state"] == "open":
            f = QFont()
            f.setBold(True)
            return f
        if column == 4 and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def question_status(row: dict[str, Any]) -> str:
    if row["merged_into"]:
        return "Merged"
    if row["hidden"]:
        return "Hidden"
    if row["answered"]:
        return "Answered"
    return "Open"


class QuestionsModel(_Model):
    HEADERS = ("Votes", "Question", "Status", "Asked")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.selected: str | None = None

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return str(row["votes"])
        if column == 1:
            prefix = "▶ " if row["id"] == self.selected else ""
            by = f" — {row['author']}" if row.get("author") else ""
            return prefix + row["text"] + by
        if column == 2:
            return question_status(row) + (
                " · on the projector" if row["id"] == self.selected else ""
            )
        return (row["created"] or "")[11:16]

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        gone = row["hidden"] or row["merged_into"]
        if role == Qt.ItemDataRole.ForegroundRole and (gone or row["answered"]):
            return QColor("#8A96A3")
        if role == Qt.ItemDataRole.FontRole and row["id"] == self.selected:
            f = QFont()
            f.setBold(True)
            return f
        if column == 0 and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class EvaluationsModel(_Model):
    HEADERS = ("Evaluation", "Kind", "Day", "State", "Responses", "Questions")

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return row["title"] or "(untitled)"
        if column == 1:
            return EVALUATION_KINDS.get(row["kind"], row["kind"])
        if column == 2:
            return row.get("day_title") or "—"
        if column == 3:
            return STATE_LABELS.get(row["state"], row["state"])
        if column == 4:
            return str(row.get("responses", 0))
        return str(row.get("question_count", 0))

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        if column == 3 and role == Qt.ItemDataRole.ForegroundRole:
            return STATE_COLOURS.get(row["state"])
        return None


class RapporteursModel(_Model):
    """Rapporteurs' keys and whether their page is connected now (from the server)."""

    HEADERS = ("Rapporteur", "Connected", "Key made")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.connected: dict[str, int] = {}

    def set_connected(self, connected: dict[str, int]) -> None:
        self.connected = dict(connected)
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return row["name"] or "(no name)"
        if column == 1:
            n = self.connected.get(row["id"], 0)
            return "" if n == 0 else "connected" if n == 1 else f"{n} pages"
        return row["created"][:16].replace("T", " ")

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        if column == 1 and role == Qt.ItemDataRole.ForegroundRole:
            return STATE_COLOURS["open"]
        return None


class WorksheetTeamsModel(_Model):
    """The open round's teams: devices on each team's page now, prompts answered so far."""

    HEADERS = ("Team", "Devices now", "Answered", "Team page")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.devices: dict[str, int] = {}
        self.prompt_count = 0
        self.base = ""  # the server's address, "" while it is off

    def set_devices(self, devices: dict[str, int]) -> None:
        self.devices = dict(devices)
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return row["name"] or "(no name)"
        if column == 1:
            n = self.devices.get(row["id"], 0)
            return str(n) if n else ""
        if column == 2:
            return f"{row['answered']} of {self.prompt_count}"
        return f"{self.base}/t/{row['id']}" if self.base else ""

    def style(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.get("colour"):
            return QColor(row["colour"])
        return None
