"""Projector view of the team worksheets: every team's answer to one prompt, side by side, as
the teams type it; or each team's code to scan (its worksheet page, with the join code).

Like the polls projector (F7) it opens full screen on a second screen when there is one.
Keys: ←/→ (or Page Up/Down) the previous or next prompt, C the teams' codes or the answers,
F11 full screen, Esc closes. It follows the workshop's Changes: an answer a team types reaches
its worksheet note within a fraction of a second and is redrawn here, gathered over 80 ms.
Nothing here is secret: rapporteurs' keys are never shown on a projector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue.controller import controller_for
from facilitator.ui.venue.qr import qr_image

WATCHED = (
    Table.NOTES,
    Table.TEAMS,
    Table.ROUNDS,
    Table.EXERCISE_PROMPTS,
    Table.EXERCISES,
    Table.SETTINGS,
)
BACKGROUND = QColor("#111820")
CARD = QColor("#1C2733")
INK = QColor("#F5F7FA")
MUTED = QColor("#B8C4D0")
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass(frozen=True)
class Card:
    team_id: str
    name: str
    colour: str
    text: str


def grid(n: int, width: int, height: int) -> tuple[int, int]:
    """Columns and rows for ``n`` cards, the cards as close to 4:3 as the screen allows."""
    best = (1, max(1, n))
    best_score = -1.0
    for cols in range(1, max(1, n) + 1):
        rows = -(-n // cols)
        w, h = width / cols, height / rows
        score = min(w, h * 4 / 3)
        if score > best_score:
            best, best_score = (cols, rows), score
    return best


def fitted(base: QFont, text: str, rect: QRect, largest: int, smallest: int = 10) -> QFont:
    """The largest font (down to ``smallest``) in which ``text`` fits ``rect`` wrapped.

    The first try comes from the area the text needs (its one-line width times the line
    height, at a known size), so that forty long answers are fitted in a few measurements
    each instead of a dozen: laying out wrapped text is the costly part of a redraw.
    """
    font = QFont(base)
    font.setPixelSize(100)
    metrics = QFontMetrics(font)
    per_px = metrics.horizontalAdvance(text.replace("\n", " ")) * metrics.lineSpacing() / 1e4
    area = rect.width() * rect.height()
    guess = int(math.sqrt(area / per_px) * 0.92) if per_px > 0 else largest
    size = max(smallest, min(largest, guess))
    while True:
        font.setPixelSize(size)
        need = QFontMetrics(font).boundingRect(rect, WRAP, text)
        if (need.height() <= rect.height() and need.width() <= rect.width()) or size <= smallest:
            return font
        size = max(smallest, int(size * 0.9))


class WorksheetProjector(QWidget):
    updated = Signal()  # after each refresh (tests wait for it)

    def __init__(self, ctx: AreaContext, round_id: str | None = None, codes: bool = False) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller_for(ctx)
        self.setObjectName("worksheet_projector")
        self.setWindowTitle("Facilitator: team worksheets")
        self.round_id = round_id
        self.codes = codes
        self.prompt_index = 0
        self.title = ""
        self.prompts: list[dict[str, Any]] = []
        self.cards: list[Card] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self.refresh)
        self.ws.hub.changed.connect(self._changed)
        self.controller.changed.connect(self.refresh)
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    @property
    def prompt(self) -> dict[str, Any] | None:
        return self.prompts[self.prompt_index] if self.prompts else None

    def refresh(self) -> None:
        if not self.ws.is_open:
            self.close()
            return
        v = self.ws.venue
        sheet = v.worksheet(self.round_id or v.worksheet_round())
        if sheet is None:
            self.title, self.prompts, self.cards = "", [], []
        else:
            self.title = sheet["exercise_title"]
            self.prompts = sheet["prompts"]
            self.prompt_index = min(self.prompt_index, max(0, len(self.prompts) - 1))
            texts: dict[str, list[str]] = {}
            if self.prompt is not None:
                for n in self.ws.notes.answers([self.prompt["id"]]):
                    if n["text"].strip() and n["conflict_of"] is None:
                        texts.setdefault(n["team_id"], []).append(n["text"].strip())
            self.cards = [
                Card(t["id"], t["name"] or "", t["colour"] or "", "\n".join(texts.get(t["id"], [])))
                for t in sheet["teams"]
            ]
        self.update()
        self.updated.emit()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED) and not self._timer.isActive():
            self._timer.start()

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), BACKGROUND)
        w, h = self.width(), self.height()
        margin = int(min(w, h) * 0.035)
        base = QFont(self.font())
        head = QRect(margin, margin, w - 2 * margin, int(h * 0.16))
        if not self.cards:
            p.setPen(INK)
            p.setFont(fitted(base, "x", head, int(h * 0.05)))
            p.drawText(
                self.rect(),
                int(Qt.AlignmentFlag.AlignCenter),
                "No team worksheet is open.\nOpen one in Polls ▸ Team worksheets.",
            )
            p.end()
            return
        small = QFont(base)
        small.setPixelSize(max(12, int(h * 0.026)))
        p.setFont(small)
        p.setPen(MUTED)
        if self.codes:
            base_url = self.controller.base_url()
            sub = (
                f"{self.title} · scan your team's code, or open {base_url}/ and pick your team"
                if base_url
                else f"{self.title} · start the Venue Wi-Fi to show the teams' codes"
            )
            heading = "Your team's worksheet"
        else:
            n = len(self.prompts)
            sub = f"{self.title} · prompt {self.prompt_index + 1} of {n}"
            heading = self.prompt["text"] if self.prompt else ""
        p.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), sub)
        title_rect = head.adjusted(0, small.pixelSize() + margin // 3, 0, 0)
        p.setPen(INK)
        p.setFont(fitted(_bold(base), heading, title_rect, int(h * 0.06), 14))
        p.drawText(title_rect, WRAP, heading)
        area = QRect(
            margin, head.bottom() + margin // 2, w - 2 * margin, h - head.bottom() - margin * 3 // 2
        )
        cols, rows = grid(len(self.cards), area.width(), area.height())
        gap = max(8, margin // 2)
        cw = (area.width() - gap * (cols - 1)) // cols
        ch = (area.height() - gap * (rows - 1)) // rows
        for i, card in enumerate(self.cards):
            x = area.left() + (i % cols) * (cw + gap)
            y = area.top() + (i // cols) * (ch + gap)
            self._card(p, QRect(x, y, cw, ch), card, base)
        p.end()

    def _card(self, p: QPainter, r: QRect, card: Card, base: QFont) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(CARD)
        p.drawRoundedRect(QRectF(r), 14, 14)
        pad = max(10, r.height() // 18)
        band = QColor(card.colour) if QColor.isValidColorName(card.colour or "") else MUTED
        p.setBrush(band)
        p.drawRoundedRect(QRectF(r.left(), r.top(), r.width(), max(6, pad // 2)), 3, 3)
        name = QRect(r.left() + pad, r.top() + pad, r.width() - 2 * pad, max(18, r.height() // 8))
        p.setPen(INK)
        p.setFont(fitted(_bold(base), card.name, name, int(name.height() * 0.8), 12))
        p.drawText(name, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), card.name)
        body = QRect(
            name.left(),
            name.bottom() + pad // 2,
            name.width(),
            r.bottom() - name.bottom() - pad * 3 // 2,
        )
        if self.codes:
            url = self.controller.team_url(card.team_id)
            if url:
                side = min(body.width(), body.height())
                image = qr_image(url, side)
                q = min(image.width(), side)
                p.drawImage(
                    QRect(
                        body.left() + (body.width() - q) // 2,
                        body.top() + (body.height() - q) // 2,
                        q,
                        q,
                    ),
                    image,
                )
            return
        text = card.text or "…"
        p.setPen(INK if card.text else MUTED)
        p.setFont(fitted(base, text, body, max(14, int(self.height() * 0.04)), 10))
        p.drawText(body, WRAP, text)

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.show_prompt(self.prompt_index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_prompt(self.prompt_index - 1)
        elif key == Qt.Key.Key_C:
            self.codes = not self.codes
            self.refresh()
        else:
            super().keyPressEvent(event)

    def show_prompt(self, index: int) -> None:
        if self.prompts:
            self.codes = False
            self.prompt_index = max(0, min(index, len(self.prompts) - 1))
            self.refresh()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        try:
            self.ws.hub.changed.disconnect(self._changed)
            self.controller.changed.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)


def _bold(font: QFont) -> QFont:
    f = QFont(font)
    f.setBold(True)
    return f


def show_worksheet_projector(
    ctx: AreaContext, round_id: str | None = None, codes: bool = False
) -> WorksheetProjector:
    """Polls ▸ Team worksheets ▸ Answers (or Team codes) on projector. Reuses the open window
    (the controller keeps it, as a window without a parent needs someone to hold it)."""
    from PySide6.QtGui import QGuiApplication

    controller = controller_for(ctx)
    old = controller.worksheet_projector
    try:
        if old is not None and old.isVisible():
            old.round_id, old.codes = round_id, codes
            old.refresh()
            old.raise_()
            old.activateWindow()
            return old  # type: ignore[return-value]
    except RuntimeError:  # deleted on close
        pass
    view = WorksheetProjector(ctx, round_id, codes)
    controller.worksheet_projector = view
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screens = QGuiApplication.screens()
    here = ctx.window.screen() if ctx.window is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not here]
    if others:
        view.setGeometry(others[0].geometry())
        view.showFullScreen()
    else:
        view.resize(1280, 720)
        view.show()
    return view
