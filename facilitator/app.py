"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from facilitator.resources import resource

UI_FONTS = ("NotoSans-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansKhmer-Regular.ttf")


def load_fonts() -> None:
    """Make the bundled faces available so names in every script render on any machine."""
    for name in UI_FONTS:
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))


def run(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Facilitator")
    app.setOrganizationName("Facilitator")
    load_fonts()
    from facilitator.ui.main_window import MainWindow

    window = MainWindow()
    if path is not None:
        window.open_path(path)
    window.show()
    return app.exec()
