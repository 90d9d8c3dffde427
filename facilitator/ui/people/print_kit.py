"""The print kit bar: what lists of participants show, and the documents to print.

The privacy choice is saved at once (one undoable step). Badges, table tents, sign-in
sheets, certificates and participant lists are exported as jobs with the paper, badge, team
and day chosen here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from facilitator.domain import people as dom
from facilitator.edits.base import SetFields
from facilitator.exports import EXPORTERS, ExportOptions
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext

PRINT_KINDS = [
    "badges",
    "tents",
    "sign-in",
    "certificates",
    "participants-pdf",
    "participants-csv",
    "participants-xlsx",
]


class PrintKitBar(QWidget):
    """Privacy setting, paper, badge options and the print-kit exports (run in a worker)."""

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.jobs: list[Any] = []
        self.privacy_combo = QComboBox()
        self.privacy_combo.setObjectName("privacy_combo")
        self.privacy_combo.setToolTip(
            "What lists of participants show: the participants list, the sign-in sheets and "
            "the roster exports"
        )
        for key, label in dom.PRIVACY.items():
            self.privacy_combo.addItem(label, key)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem("Letter", "letter")
        self.per_sheet_combo = QComboBox()
        self.per_sheet_combo.addItem("8 badges a sheet", 8)
        self.per_sheet_combo.addItem("10 badges a sheet", 10)
        self.team_combo = QComboBox()
        self.team_combo.setToolTip("Colour badges by team")
        self.day_combo = QComboBox()
        self.day_combo.setToolTip("Day for the sign-in sheets")
        # Team set titles are long: the combos keep a sensible width and show the rest in
        # their lists.
        for combo, letters in ((self.team_combo, 16), (self.day_combo, 14)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        # A push button with a menu leaves room for its arrow (a tool button drew it over
        # the text).
        self.print_button = QPushButton("Print &kit")
        self.print_button.setObjectName("print_button")
        self.menu = QMenu(self.print_button)
        labels = {e.kind: e.label for e in EXPORTERS}
        for kind in PRINT_KINDS:
            self.menu.addAction(labels[kind], lambda k=kind: self.export(k))
        self.print_button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        privacy_label = QLabel("&Lists show")
        privacy_label.setBuddy(self.privacy_combo)
        layout.addWidget(privacy_label)
        layout.addWidget(self.privacy_combo)
        layout.addStretch(1)
        for w in (self.paper_combo, self.per_sheet_combo, self.team_combo, self.day_combo):
            layout.addWidget(w)
        layout.addWidget(self.print_button)
        self._load()
        self.privacy_combo.currentIndexChanged.connect(self._privacy_changed)
        self.privacy_combo.setEnabled(not ctx.read_only)
        self.ws.hub.changed.connect(self._on_changed)

    def _load(self) -> None:
        self._load_privacy()
        self._load_teams()
        self._load_days()

    def _load_privacy(self) -> None:
        self.privacy_combo.blockSignals(True)
        self.privacy_combo.setCurrentIndex(
            max(0, self.privacy_combo.findData(self.ws.info.details()["privacy"]))
        )
        self.privacy_combo.blockSignals(False)

    def _load_teams(self) -> None:
        team = self.team_combo.currentData()
        self.team_combo.clear()
        self.team_combo.addItem("No team colours", None)
        for t in self.ws.people.team_sets():
            self.team_combo.addItem(f"Teams: {t['title']}", t["id"])
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team)))

    def _load_days(self) -> None:
        day = self.day_combo.currentData()
        self.day_combo.clear()
        self.day_combo.addItem("Sign-in: every day", None)
        for d in self.ws.people.days():
            self.day_combo.addItem(f"Sign-in: {d['title'] or d['date']}", d["id"])
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(day)))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.WORKSHOP) and not changes.made_by(self):
            self._load_privacy()  # the combo already shows a choice made here
        if changes.touches(Table.TEAM_SETS):
            self._load_teams()
        if changes.touches(Table.DAYS):
            self._load_days()

    def _privacy_changed(self, _index: int) -> None:
        key = self.privacy_combo.currentData()
        details = self.ws.info.details()
        if key == details["privacy"]:
            return
        edit = SetFields(self.ws, Table.WORKSHOP, details["id"], {"privacy": key}, "Change privacy")
        if not self.ctx.push(edit, initiator=self):
            self._load_privacy()

    def options(self) -> ExportOptions:
        return ExportOptions(
            paper=self.paper_combo.currentData(),
            team_set=self.team_combo.currentData(),
            day=self.day_combo.currentData(),
            extra={"per_sheet": self.per_sheet_combo.currentData()},
        )

    def export(self, kind: str) -> None:
        from facilitator.ui.export_runner import export_with_dialog

        job = export_with_dialog(self.ctx, kind, self.options())
        if job is not None:
            self.jobs = [j for j in self.jobs if j.thread.isRunning()] + [job]
