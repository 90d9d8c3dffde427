"""The question an anonymous export asks once when its texts hold undecided names.

The export itself found them (the same check as ``facilitator export … --anonymous``, which
refuses with exit 2), so the list is exactly what would have been printed. The dialog opens
window-modal without blocking and says what was chosen through ``chosen``: "withhold"
(write the file with all of them withheld, as ``--redact`` does; nothing is recorded),
"review" (write nothing; open the Privacy check on the undecided hits) or "cancel".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from facilitator.domain.privacy import Finding
from facilitator.ui.forms.ui_report_unresolved import Ui_ReportUnresolved
from facilitator.ui.report.privacy_model import FindingsTable, SnippetDelegate

WITHHOLD, REVIEW, CANCEL = "withhold", "review", "cancel"


class UnresolvedDialog(QDialog):
    chosen = Signal(str)  # WITHHOLD, REVIEW or CANCEL, once

    def __init__(self, findings: list[Finding], file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportUnresolved()
        self.ui.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.model = FindingsTable(findings, self)
        view = self.ui.hits_view
        view.setModel(self.model)
        view.setItemDelegateForColumn(1, SnippetDelegate(view))
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 180), (2, 240), (3, 170)):
            header.resizeSection(column, width)
        n = len(findings)
        self.ui.message_label.setText(
            f"{file_name} is anonymous, and its texts hold {n} possible name"
            f"{'s' * (n != 1)} nobody has decided about. Nothing has been written yet.\n"
            "Withhold them all in this file (they stay undecided in the workshop), or review "
            "them in the Report area's Privacy check and export again."
        )
        self.choice = CANCEL
        self.ui.withhold_button.clicked.connect(lambda: self._choose(WITHHOLD))
        self.ui.review_button.clicked.connect(lambda: self._choose(REVIEW))
        self.ui.cancel_button.clicked.connect(self.reject)
        self.finished.connect(lambda _result: self.chosen.emit(self.choice))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
