"""Where a projector window goes: full screen on the second screen, else inside this one.

The timer (F5) and the teams (F6) open full screen on a screen other than the main
window's when there is one (the projector or the large display). On a laptop alone they
open as a window inside the available screen, with room around it for the main window's
title, and F11 makes them full screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from facilitator.ui.window_place import bring_to_front, centred, fit, settle_inside

WINDOWED_SHARE = 0.8  # of the available screen, when there is no second screen
NORMAL_PLACE = "projector_normal_geometry"  # where F11 brings the window back to


def projector_screen(near: QWidget | None) -> QScreen | None:
    """A screen other than the one ``near`` is on, or None when there is only one."""
    here = near.screen() if near is not None else QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not here]
    return others[0] if others else None


def show_projector_window(window: QWidget, near: QWidget | None) -> None:
    """Show ``window`` full screen on the second screen, else as a window inside this one."""
    target = projector_screen(near)
    if target is not None:
        window.setGeometry(target.geometry())
        window.winId()  # a native window, so it can be put on that screen
        if window.windowHandle() is not None:
            window.windowHandle().setScreen(target)
        window.showFullScreen()
        bring_to_front(window)
        return
    here = near.screen() if near is not None else QGuiApplication.primaryScreen()
    free = here.availableGeometry()
    size = QSize(int(free.width() * WINDOWED_SHARE), int(free.height() * WINDOWED_SHARE))
    window.setGeometry(fit(centred(size, free), free))
    window.show()
    bring_to_front(window)
    settle_inside(window)


def toggle_full_screen(window: QWidget) -> None:
    """F11: full screen on the screen the window is on, or back to a window inside it.

    Without a window manager nobody resizes a window asked to be full screen (or normal
    again), so the window is given the screen, and later its old place, by hand too.
    """
    if window.isFullScreen():
        window.showNormal()
        normal = window.property(NORMAL_PLACE)
        if isinstance(normal, QRect) and normal.isValid():
            window.setGeometry(normal)
        settle_inside(window)
        return
    window.setProperty(NORMAL_PLACE, window.geometry())
    window.showFullScreen()
    screen = window.screen()
    if screen is not None:
        QTimer.singleShot(0, window, lambda: _fill(window, screen.geometry()))


def _fill(window: QWidget, area: QRect) -> None:
    if window.isFullScreen() and window.geometry() != area:
        window.setGeometry(area)
