"""Person cards: the item model of one team's members, the card painter and a team column.

A column is a team: its colour, name and size, Freeze (the whole team stays as it is when
teams are generated again), room and rapporteur, the summary of what it holds of each
attribute the teams are mixed by ("4 F / 4 M · 3 civil society / 5 government · 6
countries", what is off in bold red) and how many things there are to look at. A card marked
*fixed* stays in its team when teams are generated again.

Dragging a card to another column hands the drop to the board's ``mover`` callback (which
pushes one undoable move); the models never write to the workshop themselves, they are
refreshed from the store when the change signal arrives. The keys of a card list (arrows to
another team, Ctrl+arrows to carry the person there) are the board's: it hands them in.
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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
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

from facilitator.ui.teams.summary import TeamSummary

MIME = "application/x-facilitator-person"
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2
FIXED_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4
ORG_ROLE = Qt.ItemDataRole.UserRole + 5

Index = QModelIndex | QPersistentModelIndex
Mover = Callable[[str, str, int], None]  # person id, to team id, row (-1 = end)
KeyHandler = Callable[["CardList", QKeyEvent], bool]  # True when the board used the key
FROZEN_TIP = "Freeze the team: its members stay in it when teams are generated again"
FIXED_TIP = "Fixed in {team}: stays in this team when teams are generated again"
PINNED_TIP = "Fixed in {team} in every round (listed under Rules)"

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
        self.frozen = False
        self.team_name = ""
        self.pinned: set[str] = set()  # people fixed in this team by a rule (every round)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]], frozen: bool = False, name: str = "") -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.frozen = frozen
        self.team_name = name
        self.endResetModel()

    def set_pinned(self, pinned: set[str]) -> None:
        """Mark the people a rule fixes in this team (the cards repaint, nothing reloads)."""
        if pinned != self.pinned:
            self.pinned = set(pinned)
            if self.rows:
                self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def is_fixed(self, row: dict[str, Any]) -> bool:
        """Fixed in this team: by its own mark (this round) or by a rule (every round)."""
        return bool(row.get("locked")) or row["person_id"] in self.pinned

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
            if m.get("locked"):
                lines.append(FIXED_TIP.format(team=self.team_name))
            if m["person_id"] in self.pinned:
                lines.append(PINNED_TIP.format(team=self.team_name))
            if self.frozen:
                lines.append(f"{self.team_name} is frozen: everyone in it stays")
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            fixed = ", fixed in the team" if self.is_fixed(m) else ""
            return f"{m['name']}, {m.get('organisation') or ''}, {detail_line(m)}{fixed}"
        if role == PERSON_ROLE:
            return m["person_id"]
        if role == MEMBER_ROLE:
            return m["id"]
        if role == FIXED_ROLE:
            return self.is_fixed(m)
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


BADGE = "fixed"


class CardDelegate(QStyledItemDelegate):
    """Paints a member as a card: colour stripe, name in bold, organisation, details, and a
    *fixed* badge (words, not an emoji: every system's fonts have them)."""

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
        fixed = bool(index.data(FIXED_ROLE))
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
        small.setBold(True)
        badge_w = QFontMetrics(small).horizontalAdvance(BADGE) + 10 if fixed else 0
        painter.setFont(bold)
        painter.setPen(QColor("#1C2430"))
        name_rect = QRect(text.left(), text.top(), text.width() - badge_w - 2, line + 2)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        if fixed:
            badge = QRect(text.right() - badge_w + 1, text.top() + 1, badge_w, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setFont(small)
            painter.setPen(QColor("#FFFFFF" if self.colour.lightnessF() < 0.62 else "#1C2430"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, BADGE)
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
        self.key_handler: KeyHandler | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.key_handler is not None and self.key_handler(self, event):
            event.accept()
            return
        super().keyPressEvent(event)


MIN_WIDTH = 190
OFF_COLOUR = "#A61B1B"
NOTES_COLOUR = "#7A4B00"
FINE_COLOUR = "#2E6B30"


class TeamColumn(QFrame):
    """A team: coloured header with Freeze, room, rapporteur, summary, notes and its cards."""

    freeze_toggled = Signal(str, bool)
    room_edited = Signal(str, str)
    rapporteur_chosen = Signal(str, object)

    def __init__(self, team: dict[str, Any], mover: Mover | None, read_only: bool) -> None:
        super().__init__()
        self.team_id = team["id"]
        self.team_name: str = team.get("name") or ""
        self.summary: TeamSummary | None = None
        self.notes: list[str] = []
        self.setObjectName("team_column")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Four teams fit beside the quality panel at 1280 px; the cards elide long names.
        self.setMinimumWidth(MIN_WIDTH)
        self.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        self.header = QWidget()
        self.header.setObjectName("team_header")
        head = QHBoxLayout(self.header)
        head.setContentsMargins(8, 4, 4, 4)
        self.name_label = QLabel()
        self.name_label.setObjectName("team_name")
        self.freeze_button = QToolButton()
        self.freeze_button.setObjectName("team_freeze")
        self.freeze_button.setCheckable(True)
        self.freeze_button.setText("Freeze")
        self.freeze_button.setToolTip(FROZEN_TIP)
        self.freeze_button.toggled.connect(lambda on: self.freeze_toggled.emit(self.team_id, on))
        head.addWidget(self.name_label, 1)
        head.addWidget(self.freeze_button)
        layout.addWidget(self.header)
        self.room_edit = QLineEdit()
        self.room_edit.setObjectName("room_edit")
        self.room_edit.setPlaceholderText("Room")
        self.room_edit.textEdited.connect(lambda text: self.room_edited.emit(self.team_id, text))
        self.rapporteur_combo = QComboBox()
        self.rapporteur_combo.setObjectName("rapporteur_combo")
        self.rapporteur_combo.setToolTip("Rapporteur: reports back for the team")
        self.rapporteur_combo.activated.connect(self._rapporteur)
        # One line each: side by side at 1280 px a room read "Breakout roo" and a
        # rapporteur "Rapporteur: Ayg…".
        self.room_edit.setMinimumWidth(80)
        self.rapporteur_combo.setMinimumWidth(60)
        self.rapporteur_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        layout.addWidget(self.room_edit)
        layout.addWidget(self.rapporteur_combo)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("team_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary_label.setStyleSheet("color:#1C2430;")
        layout.addWidget(self.summary_label)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("team_notes")
        self.notes_label.setStyleSheet(f"color:{NOTES_COLOUR};font-size:11px;")
        layout.addWidget(self.notes_label)
        self.model = TeamMembersModel(self.team_id, None if read_only else mover, self)
        self.view = CardList()
        self.view.setObjectName("team_cards")
        self.view.setModel(self.model)
        self.delegate = CardDelegate(team.get("colour") or "#888888", self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName(f"Members of {team.get('name')}")
        if read_only:
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for w in (self.freeze_button, self.room_edit, self.rapporteur_combo):
            w.setEnabled(not read_only)
        layout.addWidget(self.view, 1)
        self.update_team(team, [])

    @property
    def frozen(self) -> bool:
        return self.freeze_button.isChecked()

    def update_team(self, team: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        colour = QColor(team.get("colour") or "#888888")
        text_colour = "#FFFFFF" if colour.lightnessF() < 0.62 else "#1C2430"
        self.header.setStyleSheet(
            f"#team_header{{background:{colour.name()};border-radius:4px;}}"
            f"QLabel{{color:{text_colour};font-size:14px;font-weight:bold;}}"
            f"QToolButton{{color:{text_colour};border:1px solid {text_colour};"
            "border-radius:3px;padding:1px 6px;font-weight:bold;}"
            f"QToolButton:checked{{background:{text_colour};color:{colour.name()};}}"
            f"QToolButton:focus{{border:2px solid {text_colour};}}"
        )
        self.delegate.colour = colour
        self.team_name = team.get("name") or ""
        count = len(rows)
        frozen = bool(team.get("locked"))
        self.name_label.setText(f"{team.get('name')}  ({count})")
        self.freeze_button.blockSignals(True)
        self.freeze_button.setChecked(frozen)
        self.freeze_button.setText("Frozen" if frozen else "Freeze")
        self.freeze_button.setToolTip(
            f"{self.team_name} is frozen: its members stay in it when teams are generated "
            "again. Press to unfreeze."
            if frozen
            else FROZEN_TIP
        )
        self.freeze_button.blockSignals(False)
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
        self.model.set_rows(rows, frozen, self.team_name)

    def show_round(self, summary: TeamSummary | None, notes: list[str] | None, name: str) -> None:
        """Show what the team holds and how many notes the evaluation has for it (None: the
        round is not scored)."""
        self.summary = summary
        if summary is None or notes is None:
            self.notes = []
            self.summary_label.setText("")
            self.summary_label.setToolTip("")
            self.notes_label.setText("")
            self.notes_label.setToolTip("")
            return
        prefix = f"{name}: "
        self.notes = [r[len(prefix) :] if r.startswith(prefix) else r for r in notes]
        self.summary_label.setText(summary.html(OFF_COLOUR))
        off = summary.tooltip()
        self.summary_label.setToolTip(
            f"What is off:\n{off}" if off else "Every group has its fair share in this team"
        )
        self.summary_label.setAccessibleName(f"{self.team_name}: {summary.text}")
        n = len(self.notes)
        if n:
            self.notes_label.setText(f"⚠ {n} thing{'s' if n != 1 else ''} to look at")
            self.notes_label.setStyleSheet(f"color:{NOTES_COLOUR};font-size:11px;")
        else:
            self.notes_label.setText("✓ well mixed")
            self.notes_label.setStyleSheet(f"color:{FINE_COLOUR};font-size:11px;")
        self.notes_label.setToolTip("\n".join(f"• {r}" for r in self.notes))

    def _rapporteur(self, index: int) -> None:
        self.rapporteur_chosen.emit(self.team_id, self.rapporteur_combo.itemData(index))
