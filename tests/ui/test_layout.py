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
from PySide6.QtCore import QSettings
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
