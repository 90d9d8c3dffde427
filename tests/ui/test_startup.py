"""Start-up: the first frame needs only what it shows (``bench/startup.py`` times it).

What a fresh process has imported when the window's first frame paints the workshop is
read in a subprocess (this test session has imported everything long ago); areas are built,
and their modules imported, the first time they are shown, which their keys still do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from facilitator.ui.areas import AREAS
from facilitator.ui.main_window import MainWindow
from facilitator.ui.menus import area_shortcut

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process exactly as ``facilitator FILE`` starts; at the window's first
# paint, note what is imported and what the Overview shows, then (after the frame, as the
# app would) press the keys given and note what they built.
PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from facilitator.ui import main_window

keys = json.loads(sys.argv[2])
seen = {}
real_paint = main_window.MainWindow.paintEvent
real_init = main_window.MainWindow.__init__

def paint(self, event):
    if "modules" not in seen:
        seen["modules"] = sorted(sys.modules)
        area = self.current_area()
        seen["title"] = area.ui.title_edit.text() if area is not None else None
        seen["areas"] = sorted(self.areas)
        seen["menus"] = {a.text(): len(a.menu().actions()) for a in self.menuBar().actions()}
    real_paint(self, event)

def init(self, *args, **kwargs):
    real_init(self, *args, **kwargs)
    self.after_first_paint(lambda: QTimer.singleShot(0, lambda: press(self)))

def press(window):
    built = {}
    for key, area in keys:
        before = f"facilitator.ui.{area}" in sys.modules
        QTest.keySequence(window, key)
        QApplication.processEvents()
        shown = window.current_area()
        built[key] = [before, shown.objectName() if shown is not None else None,
                      f"facilitator.ui.{area}" in sys.modules]
    seen["pressed"] = built
    print(json.dumps(seen), flush=True)
    window.close()
    QApplication.instance().quit()

main_window.MainWindow.paintEvent = paint
main_window.MainWindow.__init__ = init
from facilitator.cli import main
sys.exit(main([sys.argv[1]]))
"""

# Modules the first frame never needs: the other areas, the exports, the venue server,
# the document and roster libraries, sqlite-utils, the log file's handler, what new ids
# and writes from other threads use.
NOT_AT_START = (
    "reportlab",
    "aiohttp",
    "segno",
    "pycrdt",
    "openpyxl",
    "pycountry",
    "sqlite_utils",
    "logging.handlers",
    "facilitator.reports",
    "facilitator.venue",
    "facilitator.interchange",
    "facilitator.exports",
    "facilitator.domain.privacy",
    "facilitator.ui.welcome",
    "secrets",
    "concurrent.futures",
)


# A file that cannot be opened: note what the window shows when its message opens.
BAD_FILE_PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QMessageBox

def opened(box):
    window = box.parent()
    print(json.dumps({
        "message": box.text(),
        "visible": window.isVisible(),
        "welcome": window.stack.currentWidget() is window.welcome,
        "workshop": window.workshop is not None,
    }), flush=True)
    QApplication.instance().quit()

QMessageBox.open = opened
from facilitator.cli import main
sys.exit(main([sys.argv[1]]))
"""


# A damaged file checked after it opens, as a large one is: note which threads had started
# at the first paint of the workshop, then what the window says once the check found it.
DAMAGED_LARGE_PROBE = r"""
import json, sys, threading
from PySide6.QtWidgets import QApplication, QMessageBox
from facilitator.store import database
from facilitator.ui import main_window

database.CHECK_NOW_BYTES = 0  # checked after it opens, as a large file is
seen = {}
started = []
real_start = threading.Thread.start
real_paint = main_window.MainWindow.paintEvent

def start(self):
    started.append(self.name)
    real_start(self)

def paint(self, event):
    if "threads" not in seen:
        seen["threads"] = list(started)
        seen["title"] = self.current_area().ui.title_edit.text()
    real_paint(self, event)

threading.Thread.start = start

def opened(box):
    window = box.parent()
    seen["message"] = box.text()
    seen["glance"] = window.current_area().ui.glance_label.text()
    print(json.dumps(seen), flush=True)
    QApplication.instance().quit()

main_window.MainWindow.paintEvent = paint
QMessageBox.open = opened
from facilitator.cli import main
sys.exit(main([sys.argv[1]]))
"""


def run_probe(path: Path, tmp_path: Path, keys: list[tuple[str, str]], probe: str = PROBE) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        FACILITATOR_LOG_DIR=str(tmp_path / "log"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path), json.dumps(keys)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def area_module(key: str) -> str:
    spec = next(s for s in AREAS if s.key == key)
    return spec.target.split(":")[0].removeprefix("facilitator.ui.")


def test_the_first_frame_shows_the_workshop_and_imports_only_what_it_shows(
    demo_path: Path, tmp_path: Path
) -> None:
    from facilitator.store.database import Workshop

    with Workshop(demo_path, read_only=True) as ws:
        title = ws.info.details()["title"]
    seen = run_probe(demo_path, tmp_path, [])
    assert seen["title"] == title  # the first paint is the workshop's, with its details
    assert seen["areas"] == ["overview"]
    modules = seen["modules"]
    loaded = [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert loaded == []
    others = [spec.target.split(":")[0] for spec in AREAS if spec.key != "overview"]
    assert [m for m in others if m in modules] == []
    # the menu bar shows its titles; their items are made once the frame is up
    assert seen["menus"] == {"&File": 0, "&Edit": 0, "&View": 0, "&Help": 0}


def test_each_area_is_imported_and_built_when_its_key_is_first_pressed(
    demo_path: Path, tmp_path: Path
) -> None:
    keys = [(area_shortcut(i), area_module(s.key)) for i, s in enumerate(AREAS)][1:]
    seen = run_probe(demo_path, tmp_path, keys)
    for (key, _module), spec in zip(keys, AREAS[1:], strict=True):
        before, shown, after = seen["pressed"][key]
        assert (before, shown, after) == (False, f"{spec.key}_area", True), key


def test_a_menu_opened_before_the_first_frame_is_complete(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    menus = {a.text(): a.menu() for a in w.menuBar().actions()}
    menus["&File"].aboutToShow.emit()  # as when Alt+F opens it
    texts = [a.text() for a in menus["&File"].actions() if not a.isSeparator()]
    assert texts[:3] == ["&New…", "&Open…", "Open &Recent"] and "&Quit" in texts
    assert not w.menus.export_menu.isEnabled()  # no workshop open
    view = [a.text().replace("&", "") for a in menus["&View"].actions()]
    assert view[: len(AREAS)] == [s.title for s in AREAS]


def test_a_file_that_cannot_be_opened_leaves_the_welcome_page_and_says_why(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "notes.workshop"
    bad.write_text("minutes of the last meeting\n", encoding="utf-8")
    seen = run_probe(bad, tmp_path, [], BAD_FILE_PROBE)
    assert "notes.workshop" in seen["message"] and "not a workshop file" in seen["message"]
    assert seen["visible"] and seen["welcome"] and not seen["workshop"]


def test_a_large_file_is_checked_once_it_is_on_screen_and_its_damage_is_shown(
    demo_path: Path, tmp_path: Path
) -> None:
    from tests.store.test_opening_fast import damage_an_index

    damage_an_index(demo_path)
    seen = run_probe(demo_path, tmp_path, [], DAMAGED_LARGE_PROBE)
    assert seen["title"] == "Regional Workshop on Preventing Violent Extremism"
    assert "integrity check" not in seen["threads"]  # not competing with the first frame
    assert "integrity check" in seen["message"] and demo_path.name in seen["message"]
    assert "This file is damaged" in seen["glance"]


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):  # noqa: ANN001, ANN201
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, welcome=False)
    qtbot.addWidget(w)
    assert w.open_path(demo_path)
    w.resize(1280, 720)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    ran: list[bool] = []
    w.after_first_paint(lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)  # the first frame is up: menu keys answer
    yield w
    w.close_workshop()


def test_projector_keys_work_before_their_area_is_built(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    assert list(window.areas) == ["overview"]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.ctx.bus.timer_projector is not None, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.ctx.bus.teams_projector is not None, timeout=3000)
    for projector in (window.ctx.bus.timer_projector, window.ctx.bus.teams_projector):
        assert projector.isVisible()
        projector.close()


def test_after_first_paint_runs_once_the_window_is_painted(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    ran: list[str] = []
    w.after_first_paint(lambda: ran.append("first"))
    assert ran == []  # not shown yet
    w.show()
    qtbot.waitUntil(lambda: ran == ["first"], timeout=3000)
    w.after_first_paint(lambda: ran.append("later"))
    assert ran == ["first", "later"]  # painted already: at once
    # File ▸ Export was filled after the first frame (its registry is not needed to paint)
    assert w.menus.export_menu.actions()
