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
    from facilitator import logs
    from facilitator.ui import errors
    from facilitator.ui.main_window import MainWindow

    logs.hold()  # the file opens after the first frame; what is logged before is kept
    logging.getLogger(__name__).info("Facilitator %s starting", __version__)
    window = MainWindow(welcome=path is None)
    errors.install(window.errors)
    window.after_first_paint(logs.setup)
    # The workshop opens before the window shows (opening reads only what the Overview
    # shows: a large file's check and counts run after, off the UI thread), so the first
    # frame is the workshop itself. A file that cannot be opened leaves the welcome page;
    # its message opens once the window is up. (bench/startup.py times the first paint of
    # the workshop's data by watching paint events from outside.)
    if path is not None and not window.open_path(path):
        window.show_welcome()
    window.show_placed()
    return app.exec()
