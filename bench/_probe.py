"""Run Facilitator as typed and say when the workshop is on screen (for ``startup.py``).

    python bench/_probe.py [FILE | --demo]      the app, exactly as ``facilitator …`` runs it
    python bench/_probe.py --bare               a bare PySide6 window with a label
    python bench/_probe.py --widgets            the widgets of the app's first frame alone

Prints ``area`` on the first paint of the area the window opens with (the Overview, showing
the workshop's details) and ``glance`` on the first paint of its at-a-glance figures
showing the workshop's counts, then quits. Nothing is added to the app: the probe wraps
``MainWindow.open_path`` to watch the paint events of what it opened.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget  # noqa: E402


class Watch(QObject):
    """Prints a mark on the first paint of each watched widget once ``ready(widget)``."""

    def __init__(self, marks: dict[str, tuple[QWidget, object]]) -> None:
        super().__init__()
        self.pending = dict(marks)
        for widget, _ready in marks.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            for name, (widget, ready) in list(self.pending.items()):
                if watched is widget and ready(widget):
                    del self.pending[name]
                    # after this paint has finished: the frame is complete
                    QTimer.singleShot(0, lambda n=name: self.mark(n))
        return False

    def mark(self, name: str) -> None:
        print(name, flush=True)
        if not self.pending:
            QApplication.instance().quit()


def bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    label = QLabel("A bare window")
    window.setCentralWidget(label)
    watch = Watch({"area": (label, lambda _w: True), "glance": (label, lambda _w: True)})
    window.show()
    code = app.exec()
    del watch
    return code


def widgets() -> int:
    """What the first frame draws, built with none of the app's code: the area list, the
    menu bar's titles, the status bar and the Overview's generated form in its scroll area,
    with a title typed in. How far the app is from it is the app's own work."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QScrollArea

    from facilitator.ui.forms.ui_overview import Ui_OverviewForm

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    central = QWidget()
    row = QHBoxLayout(central)
    nav = QListWidget()
    nav.setFixedWidth(170)
    nav.addItems(["Overview", "Agenda", "Participants", "Teams", "Capture", "Polls", "Report"])
    inner = QWidget()
    ui = Ui_OverviewForm()
    ui.setupUi(inner)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    row.addWidget(nav)
    row.addWidget(scroll, 1)
    window.setCentralWidget(central)
    for title in ("&File", "&Edit", "&View", "&Help"):
        window.menuBar().addMenu(title)
    window.statusBar().showMessage("Every change is saved as you go")
    ui.title_edit.setText("Regional workshop")
    title = ui.title_edit
    watch = Watch({"area": (title, lambda _w: True), "glance": (title, lambda _w: True)})
    window.show()
    code = app.exec()
    del watch
    return code


def app(argv: list[str]) -> int:
    from facilitator.cli import main
    from facilitator.ui import main_window

    real = main_window.MainWindow.open_path
    keep: list[Watch] = []

    def open_path(self: main_window.MainWindow, path: str | Path) -> bool:
        ok = real(self, path)
        area = self.current_area()
        if not ok or area is None:
            print("failed", flush=True)
            QApplication.instance().quit()
            return ok
        glance = area.findChild(QLabel, "glance_label")
        keep.append(
            Watch(
                {
                    "area": (area.ui.title_edit, lambda w: bool(w.text())),
                    "glance": (glance, lambda w: "people" in w.text()),
                }
            )
        )
        return ok

    main_window.MainWindow.open_path = open_path
    return main(argv)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--bare"]:
        sys.exit(bare())
    sys.exit(widgets() if args == ["--widgets"] else app(args))
