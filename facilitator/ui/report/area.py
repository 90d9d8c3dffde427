"""The Report area: choose and order sections, write the texts, preview pages, export.

Four parts, each with its own widgets: the options on the left (``options.py``, saved in
the workshop as they change), the preview and export buttons under them (``output.py``,
long work in jobs), and on the right the previewed pages (``preview.py``) and the Privacy
check (``privacy.py``: every possible name the anonymous outputs print, decided per hit or
per person before export).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from facilitator.ui.areas import AreaContext
from facilitator.ui.report.options import OptionsPanel
from facilitator.ui.report.output import OutputPanel
from facilitator.ui.report.preview import PagesPanel
from facilitator.ui.report.privacy import PrivacyPanel

PRIVACY_TAB = "Privac&y check"


class ReportArea(QWidget):
    """Report settings on the left; page preview and the Privacy check on the right."""

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.options = OptionsPanel(ctx)
        self.pages = PagesPanel()
        self.privacy = PrivacyPanel(ctx)
        self.privacy.active_widget = self  # it keeps its count up to date while the area shows
        self.output = OutputPanel(ctx, self.options, self.pages)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options)
        column.addWidget(self.output)
        # The splitter starts the column as wide as the options form is laid out in Designer.
        left.resize(self.options.width(), left.sizeHint().height())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.tabs.addTab(self.pages, "Pa&ges")
        self.tabs.addTab(self.privacy, PRIVACY_TAB)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.privacy.counted.connect(self._counted)
        self.privacy.text_requested.connect(self._edit_text)
        self.output.review_requested.connect(self.review_privacy)

    def handle_request(self, request: dict[str, Any]) -> None:
        """{"privacy": "undecided"}: the Privacy check on the hits nobody decided."""
        if request.get("privacy"):
            self.review_privacy()

    def review_privacy(self) -> None:
        self.tabs.setCurrentWidget(self.privacy)
        self.privacy.show_undecided()

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.privacy:
            self.privacy.ui.hits_view.setFocus()  # the keys work on the list straight away

    def _counted(self, total: int, undecided: int) -> None:
        index = self.tabs.indexOf(self.privacy)
        text = f"{PRIVACY_TAB} ({undecided} undecided)" if undecided else PRIVACY_TAB
        self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(
            index, f"{total} possible names in the anonymous outputs, {undecided} undecided"
        )

    def _edit_text(self, name: str) -> None:
        u = self.options.ui
        edit = {
            "executive_summary": u.summary_edit,
            "way_forward": u.way_forward_edit,
            "acknowledgements": u.acknowledgements_edit,
        }.get(name)
        if edit is not None:
            edit.setFocus()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.privacy.wake()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.output.stop()  # a preview thread must end before its widgets go
        self.privacy.stop()
        super().closeEvent(event)
