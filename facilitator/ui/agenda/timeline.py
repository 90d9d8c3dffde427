"""The day timeline: one column per day, blocks sized by duration and coloured by kind.

Parallel sessions sit side by side in lanes. Drag a block (or press Ctrl+arrows) to move it
within its day or to another day; conflicts get a red outline and a warning mark. On the
day the clock is in, blocks sit where the day really runs (the running session from its
real start to its projected end) and a line marks now, drawn over the blocks. The day
headers live in their own strip above the scrolled area, so they stay in view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QScrollArea, QSizePolicy, QWidget

from facilitator.domain.agenda import Timed, hhmm, kind_colour, kind_label
from facilitator.ui.agenda.state import AgendaState

AXIS = 52
HEADER = 10  # space above the first hour line; the day headers are a strip of their own
HEADER_STRIP = 44
MIN_COLUMN = 200
PER_MINUTE = 1.3
NOW_COLOUR = "#2E86DE"


@dataclass
class Block:
    rect: QRectF
    timed: Timed
    day_id: str


class TimelineView(QWidget):
    selection_changed = Signal(str)
    edit_requested = Signal(str)
    move_requested = Signal(list, str, int)  # session ids, day id, index within day
    delete_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Agenda timeline")
        self.state = AgendaState()
        self.blocks: list[Block] = []
        self.selected: str | None = None
        self.editable = True
        self.now: datetime | None = None
        self._press: QPoint | None = None
        self._dragging = False
        self._drop: tuple[str, int, float, float, float] | None = None  # day, index, x, y, w
        self._first = 0
        self._last = 24 * 60

    # -- data --------------------------------------------------------------------------
    def set_state(self, state: AgendaState) -> None:
        self.state = state
        self._extent()
        if self.selected and self.selected not in state.timed:
            self.selected = None
        self._layout()
        self.update()

    def set_now(self, now: datetime | None) -> None:
        """The clock moved, or the shown day's live times did: place and paint again."""
        self.now = now
        self._extent()
        self._layout()
        self.update()

    def _extent(self) -> None:
        state = self.state
        starts = [d.start for d in state.days] + [t.start for t in state.shown.values()]
        ends = [d.planned_end for d in state.days] + [
            t.end for t in (*state.timed.values(), *state.shown.values())
        ]
        self._first = (min(starts or [9 * 60]) // 30) * 30 - 15
        self._last = max(ends or [18 * 60]) + 30
        height = HEADER + int((self._last - self._first) * PER_MINUTE) + 10
        self.setMinimumSize(AXIS + MIN_COLUMN * max(1, len(state.days)), height)

    def select(self, session_id: str | None) -> None:
        if session_id != self.selected:
            self.selected = session_id
            self.update()
            if session_id:
                self.selection_changed.emit(session_id)

    # -- geometry ----------------------------------------------------------------------
    def _column_width(self) -> float:
        n = max(1, len(self.state.days))
        return max(MIN_COLUMN, (self.width() - AXIS) / n)

    def _y(self, minute: float) -> float:
        return HEADER + (minute - self._first) * PER_MINUTE

    def _layout(self) -> None:
        self.blocks = []
        width = self._column_width()
        for col, day in enumerate(self.state.days):
            x0 = AXIS + col * width
            lanes: dict[int, list[Timed]] = {}
            for s in sorted(day.sessions, key=lambda s: (s.position, s.id)):
                t = self.state.slot(s.id)
                if t is not None:
                    lanes.setdefault(t.block, []).append(t)
            for members in lanes.values():
                lane_w = (width - 8) / len(members)
                for k, t in enumerate(members):
                    top = self._y(t.start)
                    h = max(14.0, (t.end - t.start) * PER_MINUTE)
                    rect = QRectF(x0 + 4 + k * lane_w, top, lane_w - 2, h - 1)
                    self.blocks.append(Block(rect, t, day.id))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        self._layout()
        super().resizeEvent(event)

    def block_at(self, pos: QPoint) -> Block | None:
        for b in self.blocks:
            if b.rect.contains(pos.toPointF()):
                return b
        return None

    def block_of(self, session_id: str | None) -> Block | None:
        return next((b for b in self.blocks if b.timed.session.id == session_id), None)

    def drop_target(self, pos: QPoint) -> tuple[str, int] | None:
        """(day id, index in the day) for a drop at ``pos``: before the first block below."""
        if not self.state.days:
            return None
        col = int((pos.x() - AXIS) // self._column_width())
        col = min(max(col, 0), len(self.state.days) - 1)
        day = self.state.days[col]
        order = [s.id for s in sorted(day.sessions, key=lambda s: (s.position, s.id))]
        index = len(order)
        for b in sorted((b for b in self.blocks if b.day_id == day.id), key=lambda b: b.rect.top()):
            if pos.y() < b.rect.center().y():
                index = order.index(b.timed.session.id)
                break
        return day.id, index

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        width = self._column_width()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        grid = QPen(QColor("#DDDDDD"))
        # hour lines and the axis
        p.setFont(small)
        minute = (self._first // 60 + 1) * 60
        while minute <= self._last:
            y = self._y(minute)
            p.setPen(grid)
            p.drawLine(AXIS - 4, int(y), self.width(), int(y))
            p.setPen(pal.text().color())
            p.drawText(QRectF(0, y - 8, AXIS - 8, 16), Qt.AlignmentFlag.AlignRight, hhmm(minute))
            minute += 60
        for col, day in enumerate(self.state.days):
            x0 = AXIS + col * width
            p.setPen(grid)
            p.drawLine(int(x0), 0, int(x0), self.height())
            # planned end of the day
            pen = QPen(QColor("#C0392B"), 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            y = self._y(day.planned_end)
            p.drawLine(int(x0 + 2), int(y), int(x0 + width - 2), int(y))
        for b in self.blocks:
            self._paint_block(p, b, small)
        self._paint_now(p, small)
        if self._dragging and self._drop:
            _, _, x, y, w = self._drop
            p.setPen(QPen(pal.highlight().color(), 3))
            p.drawLine(int(x), int(y), int(x + w), int(y))
        p.end()

    def _paint_now(self, p: QPainter, font: QFont) -> None:
        """The line that marks now on the clock's day, over the blocks, with the time."""
        if self.now is None:
            return
        width = self._column_width()
        for col, day in enumerate(self.state.days):
            if self.now.date() != day.date:
                continue
            x0 = AXIS + col * width
            y = self._y(self.now.hour * 60 + self.now.minute + self.now.second / 60)
            colour = QColor(NOW_COLOUR)
            if x0 > AXIS:  # a faint guide from the hours to the day's column
                p.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
                p.drawLine(AXIS - 6, int(y), int(x0), int(y))
            p.setPen(QPen(colour, 2))
            p.drawLine(int(x0), int(y), int(x0 + width - 2), int(y))
            p.setBrush(colour)
            p.drawEllipse(QRectF(x0 - 4, y - 4, 8, 8))
            p.setFont(font)
            label = QRectF(2, y - 9, AXIS - 8, 18)  # in the hours' axis
            p.fillRect(label, colour)
            p.setPen(QColor("white"))
            p.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{self.now:%H:%M}")

    def _paint_block(self, p: QPainter, b: Block, font: QFont) -> None:
        s = b.timed.session
        colour = QColor(kind_colour(s.kind))
        fill = QColor(colour).lighter(160)
        problems = self.state.problems(s.id)
        p.setBrush(fill)
        pen = QPen(colour.darker(130), 1)
        if problems:
            pen = QPen(QColor("#C0392B"), 2)
        if s.id == self.selected:
            pen = QPen(self.palette().highlight().color(), 3)
        p.setPen(pen)
        p.drawRoundedRect(b.rect, 3, 3)
        p.fillRect(QRectF(b.rect.left(), b.rect.top(), 5, b.rect.height()), colour)
        p.setPen(QColor("#111111"))
        p.setFont(font)
        text_rect = b.rect.adjusted(8, 1, -3, -1)
        first = f"{hhmm(b.timed.start)}–{hhmm(b.timed.end)}" + self.note(s.id)
        if problems:
            first += " ⚠"
        title = s.title or kind_label(s.kind)
        if b.rect.height() < 3 * p.fontMetrics().height():
            lines = [f"{first}  {title}"]  # short blocks: one line
        else:
            lines = [first, title] + ([s.room] if s.room else [])
        p.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            "\n".join(lines),
        )

    def note(self, session_id: str) -> str:
        """What follows a block's times: running, done, its agenda time when it differs, fixed."""
        state = self.state
        planned = state.timed.get(session_id)
        shown = state.slot(session_id)
        if planned is None or shown is None:
            return ""
        s = planned.session
        if state.is_running(session_id):
            return " · running"
        if s.actual_end is not None and shown is not planned:
            return " · done"
        if shown.start != planned.start:
            return f" · planned {hhmm(planned.start)}"
        return " (fixed)" if s.fixed_start is not None else ""

    # -- mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        b = self.block_at(event.position().toPoint())
        if b is not None:
            self.select(b.timed.session.id)
            self._press = event.position().toPoint()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not self.editable:
            return
        pos = event.position().toPoint()
        if not self._dragging:
            distance = (pos - self._press).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        target = self.drop_target(pos)
        if target:
            day_id, index = target
            col = [d.id for d in self.state.days].index(day_id)
            width = self._column_width()
            day_blocks = sorted(
                (b for b in self.blocks if b.day_id == day_id), key=lambda b: b.rect.top()
            )
            order = [
                s.id
                for s in sorted(self.state.days[col].sessions, key=lambda s: (s.position, s.id))
            ]
            y = day_blocks[-1].rect.bottom() + 2 if day_blocks else self._y(0)
            if index < len(order):
                target_block = self.block_of(order[index])
                if target_block:
                    y = target_block.rect.top() - 1
            self._drop = (day_id, index, AXIS + col * width + 4, y, width - 8)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging and self._drop and self.selected:
            day_id, index = self._drop[0], self._drop[1]
            self.move_requested.emit([self.selected], day_id, index)
        self._press = None
        self._dragging = False
        self._drop = None
        self.unsetCursor()
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        b = self.block_at(event.position().toPoint())
        if b is not None:
            self.edit_requested.emit(b.timed.session.id)

    # -- keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        current = self.block_of(self.selected)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.edit_requested.emit(current.timed.session.id)
            return
        if key == Qt.Key.Key_Delete and current and self.editable:
            self.delete_requested.emit([current.timed.session.id])
            return
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
        if key not in arrows:
            super().keyPressEvent(event)
            return
        if current is None:
            if self.blocks:
                self.select(self.blocks[0].timed.session.id)
            return
        day_ids = [d.id for d in self.state.days]
        col = day_ids.index(current.day_id)
        day = self.state.days[col]
        order = [s.id for s in sorted(day.sessions, key=lambda s: (s.position, s.id))]
        pos = order.index(current.timed.session.id)
        if ctrl and self.editable:
            if key == Qt.Key.Key_Up and pos > 0:
                self.move_requested.emit([order[pos]], day.id, pos - 1)
            elif key == Qt.Key.Key_Down and pos < len(order) - 1:
                self.move_requested.emit([order[pos]], day.id, pos + 2)
            elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if key == Qt.Key.Key_Left else 1
                if 0 <= col + step < len(day_ids):
                    other = self.state.days[col + step]
                    self.move_requested.emit([order[pos]], other.id, min(pos, len(other.sessions)))
            return
        if key == Qt.Key.Key_Up and pos > 0:
            self.select(order[pos - 1])
        elif key == Qt.Key.Key_Down and pos < len(order) - 1:
            self.select(order[pos + 1])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if 0 <= col + step < len(day_ids):
                other = sorted(self.state.days[col + step].sessions, key=lambda s: s.position)
                if other:
                    self.select(other[min(pos, len(other) - 1)].id)


class DayHeader(QWidget):
    """The days' titles, dates, hours and conflict counts, above the scrolled timeline.

    Painted from the timeline's own columns and shifted with its horizontal scroll, so a
    header always sits over its day while the hours scroll under it.
    """

    def __init__(self, timeline: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.offset = 0
        self.setAccessibleName("Agenda days")

    def set_offset(self, offset: int) -> None:
        self.offset = offset
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        tl = self.timeline
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.window())
        p.setPen(QPen(QColor("#CCCCCC")))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        width = tl._column_width()
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        for col, day in enumerate(tl.state.days):
            x0 = AXIS + col * width - self.offset
            head = QRectF(x0 + 4, 2, width - 8, self.height() - 6)
            p.setFont(bold)
            p.setPen(pal.text().color())
            title = day.title or f"Day {col + 1}"
            if tl.now is not None and tl.now.date() == day.date:
                p.setPen(QColor(NOW_COLOUR))
                title += "  · today"
            p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
            p.setFont(small)
            p.setPen(pal.text().color())
            problems = len(tl.state.by_day.get(day.id, []))
            sub = f"{day.date:%a %d %b}  {hhmm(day.start)}–{hhmm(day.planned_end)}"
            if problems:
                sub += f"  ⚠ {problems}"
            p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, sub)
        p.end()


class TimelineScroll(QScrollArea):
    """The timeline in a scroll area, with the day headers fixed in a strip above it."""

    def __init__(self, timeline: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(timeline)
        self.setWidgetResizable(True)
        self.header = DayHeader(timeline, self)
        self.setViewportMargins(0, HEADER_STRIP, 0, 0)
        self.horizontalScrollBar().valueChanged.connect(self.header.set_offset)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        rect = self.viewport().geometry()
        self.header.setGeometry(rect.left(), rect.top() - HEADER_STRIP, rect.width(), HEADER_STRIP)
