"""The page the window shows while no workshop is open: what the app does, and a way in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from facilitator.ui.forms.ui_welcome import Ui_WelcomePage


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.ui = Ui_WelcomePage()
        self.ui.setupUi(self)
        self.ui.new_button.clicked.connect(self.new_requested)
        self.ui.open_button.clicked.connect(self.open_requested)
        self.ui.demo_button.clicked.connect(self.demo_requested)
