"""Where the main window opens: as it was left, and always inside the screen it is on.

The size, position and maximised state are kept per screen (a laptop alone and docked to a
large monitor each keep theirs) in the app's settings. A first start, or a geometry saved on
a larger screen, is fitted into the screen's available area (``QScreen.availableGeometry()``,
without panels and docks) together with the window manager's frame, so the title bar and the
status bar are always on screen. Without a window manager (a kiosk, a test X server) nothing
maximises the window, so a maximised window is given the whole available area itself.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 820)
GROUP = "window"
# Checked again once the window manager has framed the window (it does so asynchronously).
SETTLE_MS = (0, 250, 1000)


def fit(rect: QRect, available: QRect, frame: QMargins | None = None) -> QRect:
    """``rect`` (the window's inside) made small enough, and moved, for its frame to fit."""
    frame = frame if frame is not None else QMargins()
    most_w = available.width() - frame.left() - frame.right()
    most_h = available.height() - frame.top() - frame.bottom()
    width, height = min(rect.width(), most_w), min(rect.height(), most_h)
    left_min = available.left() + frame.left()
    top_min = available.top() + frame.top()
    left_max = available.left() + available.width() - frame.right() - width
    top_max = available.top() + available.height() - frame.bottom() - height
    x = max(left_min, min(rect.x(), left_max))
    y = max(top_min, min(rect.y(), top_max))
    return QRect(x, y, width, height)


def centred(size: QSize, available: QRect) -> QRect:
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def screen_key(screen: QScreen) -> str:
    """A name for a screen and its size, so a monitor changed for a smaller one starts afresh."""
    size = screen.geometry().size()
    name = screen.name().replace("/", "_") or "screen"
    return f"{name} {size.width()}x{size.height()}"


def frame_of(window: QWidget) -> QMargins:
    """The window manager's frame around the window (zero before it is shown)."""
    outer, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def keep_inside(window: QWidget) -> None:
    """Pull a framed window back inside the available area of its screen."""
    screen = window.screen()
    if screen is None or window.isFullScreen() or not window.isVisible():
        return
    available = screen.availableGeometry()
    frame = frame_of(window)
    if window.isMaximized():
        if window.frameGeometry().size() != available.size():
            # Nobody maximised it (no window manager): take the available area.
            window.setGeometry(available.marginsRemoved(frame))
        return
    inside = fit(window.geometry(), available, frame)
    if inside != window.geometry():
        window.setGeometry(inside)


def bring_to_front(window: QWidget) -> None:
    """Raise a window that just opened and give it the keyboard (typing goes there at once)."""
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()


def settle_inside(window: QWidget) -> None:
    """Keep ``window`` inside its screen once the window manager has framed it."""
    for ms in SETTLE_MS:
        QTimer.singleShot(ms, window, lambda: keep_inside(window))


def fit_on_screen(dialog: QWidget, near: QWidget) -> None:
    """Size ``dialog`` to at most 90% of the available screen and centre it on ``near``."""
    screen = near.screen() if near is not None else None
    if screen is None:
        return
    free = screen.availableGeometry()
    width = min(dialog.width(), int(free.width() * 0.9))
    height = min(dialog.height(), int(free.height() * 0.9))
    dialog.resize(width, height)
    frame = dialog.frameGeometry()
    frame.moveCenter(near.frameGeometry().center())
    frame.moveLeft(max(free.left(), min(frame.left(), free.right() - frame.width() + 1)))
    frame.moveTop(max(free.top(), min(frame.top(), free.bottom() - frame.height() + 1)))
    dialog.move(frame.topLeft())


class WindowPlace:
    """Restores the window's place at start and saves it when the window closes."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        self.window = window
        self.settings = settings

    # -- reading ---------------------------------------------------------------------------
    def _screen(self) -> QScreen:
        last = self.settings.value(f"{GROUP}/screen", "")
        for screen in QGuiApplication.screens():
            if screen_key(screen) == last:
                return screen
        return QGuiApplication.primaryScreen()

    def _saved(self, screen: QScreen) -> tuple[QRect | None, bool]:
        """The geometry and maximised state kept for ``screen``, else the last ones saved."""
        for prefix in (f"{GROUP}/{screen_key(screen)}", f"{GROUP}/last"):
            rect = self.settings.value(f"{prefix}/geometry")
            if isinstance(rect, QRect) and rect.isValid():
                return rect, _bool(self.settings.value(f"{prefix}/maximized", False))
        return None, False

    def _frame(self) -> QMargins:
        saved = self.settings.value(f"{GROUP}/frame")
        if isinstance(saved, QRect):  # left, top, right, bottom kept as a rect
            return QMargins(saved.x(), saved.y(), saved.width(), saved.height())
        return QMargins()

    def restore(self) -> bool:
        """Give the window its place (before it is shown); True when it was maximised."""
        screen = self._screen()
        available = screen.availableGeometry()
        rect, maximized = self._saved(screen)
        if rect is None:
            rect = centred(DEFAULT_SIZE, available)
        self.window.setGeometry(fit(rect, available, self._frame()))
        return maximized

    def show(self) -> None:
        """Restore and show: maximised when it was left maximised."""
        if self.restore():
            self.window.showMaximized()
        else:
            self.window.show()
        settle_inside(self.window)

    def keep_on_screen(self) -> None:
        keep_inside(self.window)

    # -- writing ---------------------------------------------------------------------------
    def save(self) -> None:
        """Keep the window's normal geometry and maximised state for its screen."""
        window = self.window
        screen = window.screen() or QGuiApplication.primaryScreen()
        maximized = window.isMaximized()
        rect = window.normalGeometry() if maximized else window.geometry()
        if not rect.isValid():
            rect = window.geometry()
        key = screen_key(screen)
        for prefix in (f"{GROUP}/{key}", f"{GROUP}/last"):
            self.settings.setValue(f"{prefix}/geometry", rect)
            self.settings.setValue(f"{prefix}/maximized", maximized)
        self.settings.setValue(f"{GROUP}/screen", key)
        if not maximized:  # a maximised window often loses its borders
            frame = frame_of(window)
            kept = QRect(frame.left(), frame.top(), frame.right(), frame.bottom())
            self.settings.setValue(f"{GROUP}/frame", kept)
        self.settings.sync()


def _bool(value: object) -> bool:
    """QSettings gives back "true"/"false" strings from INI files."""
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)
