"""The Report area: choose and order sections, write the texts, preview pages, export.

Three parts, each with its own widgets: the options on the left (``options.py``, saved in
the workshop as they change), the preview and export buttons under them (``output.py``,
long work in jobs) and the previewed pages on the right (``preview.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from facilitator.ui.areas import AreaContext
from facilitator.ui.report.options import OptionsPanel
from facilitator.ui.report.output import OutputPanel
from facilitator.ui.report.preview import PagesPanel


class ReportArea(QWidget):
    """Report settings on the left, page preview on the right."""

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.options = OptionsPanel(ctx)
        self.pages = PagesPanel()
        self.output = OutputPanel(ctx, self.options, self.pages)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options)
        column.addWidget(self.output)
        # The splitter starts the column as wide as the options form is laid out in Designer.
        left.resize(self.options.width(), left.sizeHint().height())
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.output.stop()  # a preview thread must end before its widgets go
        super().closeEvent(event)
