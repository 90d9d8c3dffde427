"""Person cards: the item model of one team's members, the card painter and a team column.

Dragging a card to another column hands the drop to the board's ``mover`` callback (which
pushes one undoable move); the models never write to the workshop themselves, they are
refreshed from the store when the change signal arrives.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MIME = "application/x-facilitator-person"
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4
ORG_ROLE = Qt.ItemDataRole.UserRole + 5

Index = QModelIndex | QPersistentModelIndex
Mover = Callable[[str, str, int], None]  # person id, to team id, row (-1 = end)

SECTOR_LABELS = {
    "government": "Government",
    "civil_society": "Civil society",
    "academia": "Academia",
    "international": "International",
    "private": "Private sector",
    "media": "Media",
}


def detail_line(m: dict[str, Any]) -> str:
    sector = SECTOR_LABELS.get(m.get("sector") or "", (m.get("sector") or "").replace("_", " "))
    parts = [m.get("country") or "", sector, m.get("gender") or ""]
    return " · ".join(p for p in parts if p)


class TeamMembersModel(QAbstractListModel):
    """The members of one team, as cards; drops become move requests."""

    def __init__(self, team_id: str, mover: Mover | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.team_id = team_id
        self.mover = mover
        self.team_locked = False
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]], team_locked: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.team_locked = team_locked
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        m = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return m["name"]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [m["name"], m.get("organisation") or "", detail_line(m)]
            if m.get("locked") or self.team_locked:
                lines.append("Locked: stays in this team when teams are generated again")
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{m['name']}, {m.get('organisation') or ''}, {detail_line(m)}"
        if role == PERSON_ROLE:
            return m["person_id"]
        if role == MEMBER_ROLE:
            return m["id"]
        if role == LOCKED_ROLE:
            return bool(m.get("locked")) or self.team_locked
        if role == DETAIL_ROLE:
            return detail_line(m)
        if role == ORG_ROLE:
            return m.get("organisation") or ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        data = QMimeData()
        ids = [self.rows[i.row()]["person_id"] for i in indexes if i.isValid()]
        payload = json.dumps({"people": ids, "from": self.team_id})
        data.setData(MIME, QByteArray(payload.encode()))
        return data

    def canDropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME) and self.mover is not None

    def dropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            payload = json.loads(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return False
        if parent.isValid():  # dropped onto a card: take its place
            row = parent.row()
        people = [p for p in payload.get("people", []) if isinstance(p, str)]
        if not people or self.mover is None:
            return False
        for offset, person_id in enumerate(people):
            self.mover(person_id, self.team_id, row + offset if row >= 0 else -1)
        return True


class CardDelegate(QStyledItemDelegate):
    """Paints a member as a card: colour stripe, name in bold, organisation, details, lock."""

    def __init__(self, colour: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour or "#888888")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        height = option.fontMetrics.height()
        # As wide as the column lets it be: the card elides its lines, it never scrolls.
        return QSize(120, int(height * 3.6) + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#3B6EA5") if selected else QColor("#C9CED6"), 1.2))
        painter.setBrush(QColor("#EAF1FB") if selected else QColor("#FFFFFF"))
        painter.drawRoundedRect(rect, 5, 5)
        painter.fillRect(QRect(rect.left(), rect.top() + 2, 5, rect.height() - 4), self.colour)
        text = rect.adjusted(12, 4, -6, -4)
        line = option.fontMetrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        locked = bool(index.data(LOCKED_ROLE))
        painter.setFont(bold)
        painter.setPen(QColor("#1C2430"))
        name_rect = QRect(text.left(), text.top(), text.width() - (18 if locked else 0), line + 2)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        if locked:
            painter.drawText(
                QRect(text.right() - 16, text.top(), 16, line + 2),
                Qt.AlignmentFlag.AlignCenter,
                "🔒",
            )
        painter.setFont(option.font)
        painter.setPen(QColor("#45505E"))
        fm = option.fontMetrics
        for k, value in enumerate((index.data(ORG_ROLE), index.data(DETAIL_ROLE))):
            r = QRect(text.left(), text.top() + (k + 1) * (line + 1) + 1, text.width(), line + 1)
            painter.drawText(
                r,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(value or "", Qt.TextElideMode.ElideRight, r.width()),
            )
        painter.restore()


class CardList(QListView):
    """One team's cards; accepts drops from the other columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setSpacing(1)


MIN_WIDTH = 190


class TeamColumn(QFrame):
    """A team: coloured header with score and lock, room, rapporteur, reasons and its cards."""

    lock_toggled = Signal(str, bool)
    room_edited = Signal(str, str)
    rapporteur_chosen = Signal(str, object)

    def __init__(self, team: dict[str, Any], mover: Mover | None, read_only: bool) -> None:
        super().__init__()
        self.team_id = team["id"]
        self.team_name: str = team.get("name") or ""
        self.setObjectName("team_column")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Four teams fit beside the score panel at 1280 px; the cards elide long names.
        self.setMinimumWidth(MIN_WIDTH)
        self.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.header = QWidget()
        head = QHBoxLayout(self.header)
        head.setContentsMargins(8, 6, 4, 6)
        self.name_label = QLabel()
        self.name_label.setObjectName("team_name")
        self.score_label = QLabel()
        self.score_label.setObjectName("team_score")
        self.lock_button = QToolButton()
        self.lock_button.setObjectName("team_lock")
        self.lock_button.setCheckable(True)
        self.lock_button.setToolTip(
            "Lock the whole team: its members stay together when teams are generated again"
        )
        self.lock_button.toggled.connect(lambda on: self.lock_toggled.emit(self.team_id, on))
        head.addWidget(self.name_label, 1)
        head.addWidget(self.score_label)
        head.addWidget(self.lock_button)
        layout.addWidget(self.header)
        row = QHBoxLayout()
        self.room_edit = QLineEdit()
        self.room_edit.setObjectName("room_edit")
        self.room_edit.setPlaceholderText("Room")
        self.room_edit.textEdited.connect(lambda text: self.room_edited.emit(self.team_id, text))
        self.rapporteur_combo = QComboBox()
        self.rapporteur_combo.setObjectName("rapporteur_combo")
        self.rapporteur_combo.setToolTip("Rapporteur: reports back for the team")
        self.rapporteur_combo.activated.connect(self._rapporteur)
        self.room_edit.setMinimumWidth(80)
        self.rapporteur_combo.setMinimumWidth(60)
        row.addWidget(self.room_edit, 2)
        row.addWidget(self.rapporteur_combo, 3)
        layout.addLayout(row)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("team_reasons")
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setStyleSheet("color:#7A4B00;font-size:11px;")
        layout.addWidget(self.reasons_label)
        self.model = TeamMembersModel(self.team_id, None if read_only else mover, self)
        self.view = CardList()
        self.view.setModel(self.model)
        self.delegate = CardDelegate(team.get("colour") or "#888888", self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName(f"Members of {team.get('name')}")
        if read_only:
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for w in (self.lock_button, self.room_edit, self.rapporteur_combo):
            w.setEnabled(not read_only)
        layout.addWidget(self.view, 1)
        self.update_team(team, [])

    def update_team(self, team: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        colour = QColor(team.get("colour") or "#888888")
        text_colour = "#FFFFFF" if colour.lightnessF() < 0.62 else "#1C2430"
        self.header.setStyleSheet(
            f"background:{colour.name()};color:{text_colour};border-radius:4px;"
            "font-size:14px;font-weight:bold;"
        )
        self.delegate.colour = colour
        self.team_name = team.get("name") or ""
        count = len(rows)
        self.name_label.setText(f"{team.get('name')}  ({count})")
        self.lock_button.blockSignals(True)
        self.lock_button.setChecked(bool(team.get("locked")))
        self.lock_button.setText("🔒" if team.get("locked") else "🔓")
        self.lock_button.blockSignals(False)
        if not self.room_edit.hasFocus() and self.room_edit.text() != (team.get("room") or ""):
            self.room_edit.setText(team.get("room") or "")
            self.room_edit.setCursorPosition(0)  # show the start of a long room name
        self.rapporteur_combo.blockSignals(True)
        self.rapporteur_combo.clear()
        self.rapporteur_combo.addItem("No rapporteur", None)
        for m in rows:
            self.rapporteur_combo.addItem(f"Rapporteur: {m['name']}", m["person_id"])
        current = team.get("rapporteur_id")
        if current and self.rapporteur_combo.findData(current) < 0:
            self.rapporteur_combo.addItem(
                f"Rapporteur: {team.get('rapporteur_name') or current} (not in team)", current
            )
        self.rapporteur_combo.setCurrentIndex(max(0, self.rapporteur_combo.findData(current)))
        self.rapporteur_combo.blockSignals(False)
        self.model.set_rows(rows, bool(team.get("locked")))

    def set_score(self, score: float | None, reasons: list[str], name: str) -> None:
        if score is None:
            self.score_label.setText("")
            self.reasons_label.setText("")
            return
        self.score_label.setText(f"score {score:g}")
        self.score_label.setToolTip("Penalty points for this team; 0 is a perfect mix")
        prefix = f"{name}: "
        shown = [r[len(prefix) :] if r.startswith(prefix) else r for r in reasons]
        self.reasons_label.setText("\n".join(f"• {r}" for r in shown) if shown else "✓ well mixed")

    def _rapporteur(self, index: int) -> None:
        self.rapporteur_chosen.emit(self.team_id, self.rapporteur_combo.itemData(index))
