"""The join URL as a QR code image (segno makes the matrix; Qt paints it)."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, size: int, dark: str = "#111820", light: str = "#FFFFFF") -> QImage:
    """A square image of about ``size`` pixels with a quiet zone, sharp at any size."""
    code = segno.make(text, error="m", micro=False)
    matrix = [list(row) for row in code.matrix]
    border = 4
    n = len(matrix) + 2 * border
    cell = max(1, size // n)
    side = cell * n
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(light))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(dark))
    for y, row in enumerate(matrix):
        for x, bit in enumerate(row):
            if bit:
                painter.drawRect(QRect((x + border) * cell, (y + border) * cell, cell, cell))
    painter.end()
    return image
