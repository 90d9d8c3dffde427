"""Start the desktop app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from facilitator import __version__
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
    from PySide6.QtCore import QTimer

    from facilitator import logs
    from facilitator.ui import errors
    from facilitator.ui.main_window import MainWindow

    logs.setup()
    logging.getLogger(__name__).info("Facilitator %s starting", __version__)
    window = MainWindow()
    errors.install(window.errors)
    window.show_placed()
    # The window appears first; the workshop loads on the next turn of the event loop, so
    # the user sees the app react at once even for a large file. (bench/startup.py times
    # the first paint of the workshop's data by watching paint events from outside.)

    def open_first() -> None:
        if path is not None:
            window.open_path(path)

    QTimer.singleShot(0, open_first)
    return app.exec()
