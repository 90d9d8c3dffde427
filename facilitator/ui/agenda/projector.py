"""The projector window: the session title, a large countdown and what comes next.

Opens full screen on a second screen when there is one (Esc closes, F11 toggles full
screen). The background turns amber at 70% of the session and red at 100%; an optional
signal (a beep and a flash) marks zero.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QVBoxLayout, QWidget

from facilitator.domain.agenda import Live, hhmm
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.agenda.live import countdown
from facilitator.ui.agenda.state import live_state
from facilitator.ui.areas import AreaContext

# The keys the window answers to (Help ▸ Keyboard shortcuts lists them).
KEYS = (("Esc", "Close the projector"), ("F11", "Full screen on or off"))
BACKGROUNDS = {"idle": "#1F2A36", "ok": "#14532D", "warn": "#9A5B00", "over": "#8E1B1B"}


class ProjectorWindow(QWidget):
    def __init__(self, ctx: AreaContext, clock: Clock) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Facilitator: session timer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.clock = clock
        self.state: Live | None = None
        self.signalled: str | None = None  # session whose zero was already signalled
        self.flash = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label = QLabel("--:--")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info_label = QLabel()
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound_check = QCheckBox("Signal at zero")
        self.sound_check.setChecked(
            bool(ctx.workshop.info.setting("agenda.projector_signal", True))
        )
        self.sound_check.toggled.connect(self._remember_signal)
        self.sound_check.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.title_label, 2)
        layout.addWidget(self.countdown_label, 5)
        layout.addWidget(self.info_label, 1)
        layout.addWidget(self.next_label, 2)
        layout.addWidget(self.sound_check, 0, Qt.AlignmentFlag.AlignRight)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._fonts()
        self.refresh()

    def _remember_signal(self, on: bool) -> None:
        if not self.ctx.read_only:
            try:
                self.ctx.workshop.info.set_setting("agenda.projector_signal", on)
            except Exception as exc:  # noqa: BLE001 - a preference is not worth a crash
                self.ctx.error(exc)

    def _fonts(self) -> None:
        h = max(300, self.height())
        for label, share, bold in (
            (self.title_label, 0.065, True),
            (self.countdown_label, 0.30, True),
            (self.info_label, 0.035, False),
            (self.next_label, 0.045, False),
        ):
            f = QFont(self.font())
            f.setPixelSize(max(12, int(h * share)))
            f.setBold(bold)
            label.setFont(f)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._fonts()
        super().resizeEvent(event)

    def refresh(self) -> None:
        if not self.ctx.workshop.is_open:  # the workshop was closed
            self.timer.stop()
            self.close()
            return
        self.state = st = live_state(self.ctx.workshop, self.clock, self.ctx.bus.selected_day)
        level = "idle"
        if st is None or st.current is None:
            self.title_label.setText("")
            self.countdown_label.setText("--:--")
            self.info_label.setText(f"{self.clock.now():%H:%M}")
            self.next_label.setText("")
        else:
            level = st.level
            self.title_label.setText(" | ".join(t.session.title for t in st.current_block))
            self.countdown_label.setText(countdown(st.remaining_s))
            room = st.current.session.room
            self.info_label.setText(
                f"{hhmm(st.start)}–{hhmm(st.start + st.length)}"
                + (f" · {room}" if room else "")
                + f" · now {self.clock.now():%H:%M}"
            )
            if st.next_block:
                self.next_label.setText(
                    f"Next at {hhmm(st.next_block[0].start)}: "
                    + " | ".join(t.session.title for t in st.next_block)
                )
            else:
                self.next_label.setText("")
            sid = st.current.session.id
            if st.remaining_s <= 0 and (st.running or st.elapsed_s > 0) and self.signalled != sid:
                self.signalled = sid
                if self.sound_check.isChecked():
                    QApplication.beep()
                    self.flash = 6
        self.level = level
        background = BACKGROUNDS[level]
        if self.flash > 0:
            self.flash -= 1
            if self.flash % 2:
                background = "#FFFFFF"
        self.setStyleSheet(
            f"ProjectorWindow {{ background: {background}; }} QLabel, QCheckBox {{ color: white; }}"
        )
        self.setAutoFillBackground(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)


def show_projector(ctx: AreaContext) -> ProjectorWindow:
    """View ▸ Projector: session timer (F5). Reuses the open projector window if any."""
    window = ctx.bus.timer_projector
    try:
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    except RuntimeError:  # the C++ window was deleted on close
        pass
    window = ProjectorWindow(ctx, ctx.bus.clock)
    ctx.bus.timer_projector = window
    screens = QGuiApplication.screens()
    main_screen = ctx.window.screen() if ctx.window is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not main_screen]
    if others:
        window.setGeometry(others[0].geometry())
        window.showFullScreen()
    else:
        window.resize(960, 600)
        window.show()
    return window
