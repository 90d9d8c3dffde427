"""Every area fits a 1280×720 screen: nothing cut, no sideways scrolling of controls.

The areas sit in the window without a scroll area around them, so an area wider than the
window would push the window off a small screen. These tests show each area (and each tab
of it) in a 1280×720 window and check what a user would see: the area fits beside the area
list, every button shows its whole text, and no scroll bar is needed to reach a control.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from facilitator.ui.areas import AREAS
from facilitator.ui.main_window import MainWindow
from facilitator.ui.shortcuts import plain

WIDTH, HEIGHT = 1280, 720
# What a desktop takes from a 720-pixel-high screen: a title bar and a panel.
DESKTOP_CHROME = 60


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):  # noqa: ANN001, ANN201
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(WIDTH, HEIGHT)
    w.show()
    assert w.open_path(demo_path)
    yield w
    w.close_workshop()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def tab_states(area: QWidget) -> Iterator[str]:
    """Show each page of each tab widget of ``area`` in turn; yields a name for it."""
    yield "first tabs"
    for tabs in area.findChildren(QTabWidget):
        if not tabs.isVisibleTo(area):
            continue
        start = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            yield f"{plain(tabs.tabText(i))} tab"
        tabs.setCurrentIndex(start)
        settle()


def test_every_area_fits_beside_the_area_list_at_1280_px(window: MainWindow) -> None:
    for spec in AREAS:
        area = window.show_area(spec.key)
        settle()
        assert area.minimumSizeHint().width() <= window.stack.width(), spec.key
    settle()
    assert window.width() == WIDTH  # no area made the window wider than the screen
    assert window.stack.width() >= WIDTH - window.nav.width() - 4
    low = window.minimumSizeHint().height()
    assert low <= HEIGHT - DESKTOP_CHROME, f"the window needs {low} px of height"


def _clipped(widget: QWidget) -> bool:
    """Whether a parent cuts off the left or right of ``widget`` (a form that scrolls up and
    down may hide a widget below; one that runs off to the side may not)."""
    parent = widget.parentWidget()
    while parent is not None:
        left = widget.mapTo(parent, widget.rect().topLeft()).x()
        if left < 0 or left + widget.width() > parent.width():
            return True
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return False


def _text_room(button: QAbstractButton) -> int:
    """How wide the button's text is drawn (without frame and padding)."""
    if isinstance(button, (QCheckBox, QRadioButton)):
        return button.width() - 18  # the indicator and its gap
    return button.width() - 6


@pytest.mark.parametrize("spec", AREAS, ids=[s.key for s in AREAS])
def test_no_button_is_cut_or_squeezed(window: MainWindow, spec) -> None:  # noqa: ANN001
    area = window.show_area(spec.key)
    settle()
    problems = []
    for state in tab_states(area):
        for button in area.findChildren(QAbstractButton):
            text = plain(button.text())
            if not text or not button.isVisible():
                continue
            if _clipped(button):
                problems.append(f"{state}: “{text}” is cut off")
            need = button.fontMetrics().horizontalAdvance(text)
            if need > _text_room(button):
                problems.append(f"{state}: “{text}” needs {need} px, has {_text_room(button)}")
    assert not problems, problems


@pytest.mark.parametrize("spec", AREAS, ids=[s.key for s in AREAS])
def test_no_scroll_bar_is_needed_to_reach_a_control(window: MainWindow, spec) -> None:  # noqa: ANN001
    """Lists and tables may scroll their rows; the areas' controls never scroll sideways."""
    area = window.show_area(spec.key)
    settle()
    for state in tab_states(area):
        for scroll in area.findChildren(QScrollArea):
            if isinstance(scroll, QAbstractItemView) or not scroll.isVisible():
                continue
            bar = scroll.horizontalScrollBar()
            assert not (bar.isVisible() and bar.maximum() > 0), f"{state}: {scroll.objectName()}"


def test_generate_teams_shows_its_whole_name_beside_four_teams_and_the_score(
    window: MainWindow,
) -> None:
    area = window.show_area("teams")
    settle()
    button = area.runner.generate_button
    assert button.isVisible() and not _clipped(button)
    assert button.fontMetrics().horizontalAdvance("Generate teams") <= _text_room(button)
    columns = list(area.board.columns.values())
    assert len(columns) == 4
    for column in columns:  # every team is on screen, none behind a scroll bar
        assert column.isVisible() and not _clipped(column), column.team_name
    assert area.scores.overall_label.isVisible() and not _clipped(area.scores.overall_label)


def test_generating_moves_nothing_on_the_top_row(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("teams")
    settle()
    runner = area.runner
    before = {w: w.geometry() for w in (runner.generate_button, runner.cancel_button)}
    runner.progress.show()  # as when a generation starts
    settle()
    assert {w: w.geometry() for w in before} == before
    runner.progress.hide()


def test_print_kit_button_is_not_clipped(window: MainWindow) -> None:
    area = window.show_area("people")
    settle()
    button = area.print_kit.print_button
    assert button.isVisible() and not _clipped(button)
    right = button.mapTo(window, button.rect().topRight()).x()
    assert right < window.width()


# -- the projectors ------------------------------------------------------------------------
COLOURS = ["#E15759", "#4E79A7", "#59A14F", "#F28E2B", "#B07AA1", "#76B7B2"]


def _teams(names: list[str], count: int, per_team: int):  # noqa: ANN202
    from facilitator.ui.teams.projector import ShownTeam

    pool = names * 3
    return [
        ShownTeam(
            f"Team {k + 1}", COLOURS[k % 6], f"Room {k + 1}", tuple(pool[k * per_team :][:per_team])
        )
        for k in range(count)
    ]


@pytest.mark.parametrize(
    ("count", "per_team", "smallest"), [(4, 9, 20), (6, 6, 20), (8, 5, 18), (12, 5, 14)]
)
def test_teams_projector_fills_the_screen_with_names_that_fit(
    qtbot,
    ctx,
    count: int,
    per_team: int,
    smallest: int,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QLabel

    from facilitator.ui.teams.projector import TeamsProjector

    view = TeamsProjector(ctx)
    qtbot.addWidget(view)
    view.resize(WIDTH, HEIGHT)
    view.show()
    names = [p["name"] for p in ctx.workshop.teams.eligible_people()]
    view.show_teams("Design a prevention campaign", _teams(names, count, per_team))
    settle()
    view.grab().save(str(tmp_path / f"teams-{count}.png"))
    assert view.size().width() == WIDTH and view.size().height() == HEIGHT
    assert view.layout_used is not None and view.layout_used.pixels >= smallest
    used = 0
    for panel in view.panels:
        assert panel.isVisible() and view.rect().contains(
            panel.geometry().translated(view.grid_host.pos())
        )
        used += panel.width() * panel.height()
        for label in panel.findChildren(QLabel):
            fm = label.fontMetrics()
            lines = label.text().split("\n")
            widest = max(fm.horizontalAdvance(line) for line in lines)
            assert widest <= label.width(), (label.text(), widest, label.width())
            assert len(lines) * fm.lineSpacing() <= label.height() + 2, label.text()
    assert used >= 0.7 * WIDTH * HEIGHT  # the panels take most of the screen


def test_teams_projector_shows_the_demo_round_large(qtbot, ctx) -> None:  # noqa: ANN001
    from facilitator.ui.teams.projector import TeamsProjector

    view = TeamsProjector(ctx)
    qtbot.addWidget(view)
    view.resize(WIDTH, HEIGHT)
    view.show()
    settle()
    assert len(view.panels) == 4 and view.layout_used.pixels >= 20
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert view.isFullScreen()


def test_timer_projector_opens_inside_the_screen_without_the_facilitators_controls(
    qtbot,
    ctx,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QCheckBox

    from facilitator.ui.agenda.live import LivePanel
    from facilitator.ui.agenda.projector import SIGNAL_SETTING, show_projector

    window = show_projector(ctx)  # deletes itself when closed
    settle()
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry()), (window.frameGeometry(), free)
    assert window.findChildren(QCheckBox) == []  # nothing for the audience to see but time
    fm = window.countdown_label.fontMetrics()
    assert fm.horizontalAdvance(window.countdown_label.text()) <= window.width()
    panel = LivePanel(ctx)
    qtbot.addWidget(panel)
    assert panel.signal_check.isChecked()
    panel.signal_check.click()
    assert ctx.workshop.info.setting(SIGNAL_SETTING, True) is False
    window.close()


TWO_SCREENS = """
import json, sys
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox
app = QApplication(sys.argv[:1])
from facilitator.app import load_fonts
load_fonts()
from facilitator.edits import agenda as cmd
from facilitator.ui.agenda.projector import show_projector
from facilitator.ui.main_window import MainWindow
from facilitator.ui.teams.projector import show_teams_projector
out = Path(sys.argv[2])
w = MainWindow(QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat))
w.show_placed()
w.open_path(sys.argv[1])
ctx = w.ctx
ctx.bus.clock.rehearse(datetime(2026, 3, 11, 9, 45))
ctx.push(cmd.start_session(ctx.workshop, ["ses_demo101"], datetime(2026, 3, 11, 9, 15)))
found = {"main": w.screen().name()}
for name, show in (("timer", show_projector), ("teams", show_teams_projector)):
    view = show(ctx)
    app.processEvents()
    view.grab().save(str(out / f"{name}.png"))
    g = view.geometry()
    found[name] = {"screen": view.screen().name(), "full": view.isFullScreen(),
                   "rect": [g.x(), g.y(), g.width(), g.height()],
                   "ticks": len(view.findChildren(QCheckBox))}
    view.close()
print(json.dumps(found))
w.close()
"""


def test_projectors_go_full_screen_on_the_second_screen(demo_path: Path, tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    screens = {
        "screens": [
            {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720},
            {"name": "projector", "x": 1280, "y": 0, "width": 1280, "height": 720},
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS, str(demo_path), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["main"] == "laptop"
    for name in ("timer", "teams"):
        shown = found[name]
        assert shown["screen"] == "projector" and shown["full"], shown
        assert shown["rect"] == [1280, 0, 1280, 720], shown
        assert shown["ticks"] == 0  # no facilitator's control on the audience's screen
    print(f"\nprojector screenshots: {tmp_path}")


# -- where the window opens ----------------------------------------------------------------
def test_a_window_is_fitted_with_its_frame_into_the_free_screen() -> None:
    from PySide6.QtCore import QMargins, QRect

    from facilitator.ui.window_place import fit

    free = QRect(0, 0, 1280, 720)
    frame = QMargins(2, 28, 2, 2)  # a title bar and thin borders
    assert fit(QRect(300, 200, 1800, 1100), free, frame) == QRect(2, 28, 1276, 690)
    assert fit(QRect(100, 100, 800, 500), free, frame) == QRect(100, 100, 800, 500)
    assert fit(QRect(900, 600, 800, 500), free, frame) == QRect(478, 218, 800, 500)
    assert fit(QRect(-50, -20, 800, 500), QRect(0, 30, 1280, 690)) == QRect(0, 30, 800, 500)


def test_the_window_place_is_kept_and_fitted_into_a_smaller_screen(
    qtbot,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from PySide6.QtCore import QRect

    from facilitator.ui.window_place import WindowPlace

    settings = QSettings(str(tmp_path / "place.ini"), QSettings.Format.IniFormat)
    widget = QWidget()
    qtbot.addWidget(widget)
    place = WindowPlace(widget, settings)
    free = widget.screen().availableGeometry()
    assert not place.restore()  # a first start: the default size, inside the screen
    assert free.contains(widget.geometry())
    widget.setGeometry(QRect(40, 30, 500, 400))
    place.save()
    widget.setGeometry(QRect(0, 0, 100, 100))
    place.restore()
    assert widget.geometry() == QRect(40, 30, 500, 400)
    # A geometry saved on a larger screen that is gone: fitted into this one.
    settings.setValue("window/screen", "a larger monitor 2560x1440")
    settings.setValue("window/last/geometry", QRect(900, 700, 2400, 1300))
    settings.setValue("window/last/maximized", True)
    for key in settings.allKeys():  # forget this screen's own entry
        if key.startswith("window/") and "/last/" not in key and key != "window/screen":
            settings.remove(key)
    assert place.restore()  # it was maximised
    assert free.contains(widget.geometry()), (widget.geometry(), free)
    assert widget.width() == free.width() and widget.height() == free.height()
