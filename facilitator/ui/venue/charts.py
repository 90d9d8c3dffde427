"""Live results drawn with QPainter: bars (choices, scales, ranking, dots) and a word cloud.

One widget for the Polls area's preview and the projector; text sizes follow the widget's
height so the same drawing reads from the back of a room.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.domain.venue import Bar, EvalResult, Results
from facilitator.resources import resource

ACCENT = QColor("#2F5D8A")
CLOUD = [QColor("#2F5D8A"), QColor("#B5651D"), QColor("#1D7A46"), QColor("#7A3E9D")]
TRACK = QColor("#E4E9EF")
FAMILIES = ["Noto Sans", "Noto Sans Thai", "Noto Sans Khmer"]
KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
THAI = re.compile(r"[\u0E00-\u0E7F]")
_loaded = False


def ensure_fonts() -> None:
    """Make the bundled Noto faces available to Qt, so answers in Thai or Khmer show."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def venue_font(base: QFont, px: float, bold: bool = False, text: str = "") -> QFont:
    """``base`` at ``px`` pixels, falling back to the bundled faces for other scripts (the face
    of a Thai or Khmer ``text`` first, so Qt shapes it with a font that has the script)."""
    ensure_fonts()
    f = QFont(base)
    families = [base.family(), *FAMILIES]
    if KHMER.search(text):
        families.insert(0, "Noto Sans Khmer")
    elif THAI.search(text):
        families.insert(0, "Noto Sans Thai")
    f.setFamilies(families)
    f.setPixelSize(max(9, int(px)))
    f.setBold(bold)
    return f


def eval_as_results(result: EvalResult) -> Results:
    """An evaluation question's ratings as bars 1…N (and its mean), to draw like a scale."""
    top = max(result.distribution or (0,)) or 1
    bars = tuple(Bar(str(i + 1), n, n / top) for i, n in enumerate(result.distribution))
    return Results("scale", result.responses, bars, mean=result.mean)


class ResultsChart(QWidget):
    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self.results: Results | None = None
        self.hidden = False
        self.message = ""
        self.dark = dark
        self.ink = QColor("#F5F7FA") if dark else QColor("#1F2A36")
        self.muted = QColor("#B8C4D0") if dark else QColor("#5A6878")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 320)

    def set_results(self, results: Results | None, hidden: bool = False, message: str = "") -> None:
        self.results, self.hidden, self.message = results, hidden, message
        self.update()

    # -- drawing ---------------------------------------------------------------------------
    def _font(self, px: float, bold: bool = False, text: str = "") -> QFont:
        return venue_font(self.font(), px, bold, text)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        res = self.results
        base = max(11.0, min(30.0, rect.height() / 16, rect.width() / 26))
        if res is None or self.hidden or self.message:
            p.setPen(self.muted)
            p.setFont(self._font(base * 1.2))
            text = self.message or ("Results are hidden" if self.hidden else "No results yet")
            if res is not None and self.hidden:
                text = f"{_count(res.responses)} · results hidden until you reveal them"
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            p.end()
            return
        p.setPen(self.muted)
        p.setFont(self._font(base * 0.9))
        head = _count(res.responses)
        if res.kind == "scale" and res.mean is not None:
            head += f" · average {res.mean:.1f}"
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, head)
        body = rect.adjusted(0, base * 1.6, 0, 0)
        if res.kind == "words":
            self._cloud(p, body, res, base)
        else:
            self._bars(p, body, res, base)
        p.end()

    def _bars(self, p: QPainter, rect: QRectF, res: Results, base: float) -> None:
        """Each bar under its label, the value at the end of the label's line."""
        bars = res.bars[:12]
        if not bars:
            return
        row = min(rect.height() / len(bars), base * 3.4)
        size = max(10.0, min(base * 1.05, row * 0.36))
        font = self._font(size)
        bold = self._font(size, bold=True)
        fm = QFontMetricsF(font)
        line = fm.height() * 1.1
        bar_h = max(6.0, min(row - line - 6, size * 0.9))
        value_w = max(QFontMetricsF(bold).horizontalAdvance(_value(b, res)) for b in bars) + 8
        for i, bar in enumerate(bars):
            y = rect.top() + i * row
            label = bar.label if res.kind != "ranking" else f"{i + 1}. {bar.label}"
            own = (
                self._font(size, text=label) if KHMER.search(label) or THAI.search(label) else font
            )
            p.setFont(own)
            p.setPen(self.ink)
            shown = QFontMetricsF(own).elidedText(
                label, Qt.TextElideMode.ElideRight, rect.width() - value_w - 8
            )
            p.drawText(
                QRectF(rect.left(), y, rect.width() - value_w, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            p.setFont(bold)
            p.drawText(
                QRectF(rect.right() - value_w, y, value_w, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _value(bar, res),
            )
            top = y + line + 2
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#2B3947") if self.dark else TRACK)
            p.drawRoundedRect(QRectF(rect.left(), top, rect.width(), bar_h), bar_h / 2, bar_h / 2)
            if bar.share > 0:
                lead = i == 0 and res.kind in ("ranking", "dots")
                colour = QColor("#6FA8DC") if self.dark else ACCENT
                if lead:
                    colour = QColor("#E8A33D")
                p.setBrush(colour)
                width = max(bar_h, rect.width() * bar.share)
                p.drawRoundedRect(QRectF(rect.left(), top, width, bar_h), bar_h / 2, bar_h / 2)

    def _cloud(self, p: QPainter, rect: QRectF, res: Results, base: float) -> None:
        words = res.words[:40]
        if not words:
            return
        top = words[0][1]
        # Shrink every word together until the cloud fits the space.
        scale = 1.0
        for _ in range(12):
            lines = self._layout(words, top, rect.width(), base * scale)
            height = sum(h for h, _ in lines)
            if height <= rect.height():
                break
            scale *= 0.85
        y = rect.top() + max(0.0, (rect.height() - sum(h for h, _ in lines)) / 2)
        k = 0
        for h, items in lines:
            width = sum(w for _, _, w, _ in items)
            x = rect.left() + (rect.width() - width) / 2
            for word, font, w, _ in items:
                p.setFont(font)
                p.setPen(
                    CLOUD[k % len(CLOUD)]
                    if not self.dark
                    else QColor(["#9CC3E8", "#F2C078", "#8FD6A8", "#D2A8E8"][k % 4])
                )
                p.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, word)
                x += w
                k += 1
            y += h

    def _layout(
        self, words: tuple[tuple[str, int], ...], top: int, width: float, base: float
    ) -> list[tuple[float, list[tuple[str, QFont, float, float]]]]:
        lines: list[tuple[float, list[tuple[str, QFont, float, float]]]] = []
        current: list[tuple[str, QFont, float, float]] = []
        used = 0.0
        for word, n in words:
            font = self._font(base * (1.0 + 2.6 * (n / top)), n == top, word)
            fm = QFontMetricsF(font)
            w = fm.horizontalAdvance(word) + fm.height() * 0.6
            if current and used + w > width:
                lines.append((max(f[3] for f in current), current))
                current, used = [], 0.0
            current.append((word, font, min(w, width), fm.height()))
            used += w
        if current:
            lines.append((max(f[3] for f in current), current))
        return lines


def _count(n: int) -> str:
    return "1 response" if n == 1 else f"{n} responses"


def _value(bar: Bar, res: Results) -> str:
    v = int(bar.value) if float(bar.value).is_integer() else round(bar.value, 1)
    if res.kind == "ranking":
        return f"{v} pts"
    if res.kind == "dots":
        return f"{v} ●"
    return str(v)
