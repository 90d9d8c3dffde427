"""Participants: the roster, the registration desk, attendance tables and the print kit.

Each tab is a panel of its own that refreshes itself from the workshop's Changes: the roster
(``roster_panel.py``), check-in and attendance (``checkin.py``); the print kit bar
(``print_kit.py``) sits above them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from facilitator.ui.areas import AreaContext
from facilitator.ui.people.checkin import AttendancePanel, CheckInPanel
from facilitator.ui.people.print_kit import PrintKitBar
from facilitator.ui.people.roster_panel import RosterPanel


class PeopleArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.print_kit = PrintKitBar(ctx, self)
        self.import_button = QPushButton("&Import roster…")
        self.import_button.setEnabled(not ctx.read_only)
        self.import_button.clicked.connect(self.import_roster)
        self.tabs = QTabWidget()
        self.roster = RosterPanel(ctx)
        self.checkin = CheckInPanel(ctx)
        self.attendance = AttendancePanel(ctx)
        self.tabs.addTab(self.roster, "&Roster")
        self.tabs.addTab(self.checkin, "&Check-in")
        self.tabs.addTab(self.attendance, "&Attendance")
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.print_kit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def import_roster(self) -> None:
        from facilitator.ui.people.import_dialog import import_roster

        import_roster(self.ctx)

    def handle_request(self, request: dict[str, Any]) -> None:
        """{"tab": "checkin"|"roster"|"attendance", "person_id": …} from other areas."""
        tab = {"roster": 0, "checkin": 1, "attendance": 2}.get(request.get("tab", "roster"), 0)
        self.tabs.setCurrentIndex(tab)
        if request.get("person_id"):
            self.roster.filter_edit.clear()
            self.roster.select_ids([request["person_id"]])
