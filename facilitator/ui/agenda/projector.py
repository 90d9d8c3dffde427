"""The projector window: the session title, a large countdown and what comes next.

Opens full screen on a second screen when there is one, else as a window inside this
screen (Esc closes, F11 toggles full screen). The background turns amber at 70% of the
session and red at 100%; an optional signal (a beep and a flash) marks zero. Whether to
signal is the facilitator's choice, made in the Agenda's live panel (:func:`signal_box`),
never on the audience's screen. The type grows with the window: the countdown is as large
as fits its width and a third of the height.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QVBoxLayout, QWidget

from facilitator.domain.agenda import Live, Timed, hhmm
from facilitator.domain.privacy import Source
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.agenda.live import countdown
from facilitator.ui.agenda.state import live_state
from facilitator.ui.areas import AreaContext
from facilitator.ui.projection import show_projector_window, toggle_full_screen

# The keys the window answers to (Help ▸ Keyboard shortcuts lists them).
KEYS = (("Esc", "Close the projector"), ("F11", "Full screen on or off"))
SIGNAL_SETTING = "agenda.projector_signal"
# Share of the window's height for each line, and the widest the countdown may get.
AUDIENCE = "Agenda"  # the guard's section for what the timer projector shows
SHARES = {"title": 0.065, "countdown": 0.30, "info": 0.035, "next": 0.045}
COUNTDOWN_WIDTH = 0.9
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
        layout.addWidget(self.title_label, 2)
        layout.addWidget(self.countdown_label, 5)
        layout.addWidget(self.info_label, 1)
        layout.addWidget(self.next_label, 2)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._fonts()
        self.refresh()

    def _fonts(self) -> None:
        h = max(300, self.height())
        for label, share, bold in (
            (self.title_label, SHARES["title"], True),
            (self.info_label, SHARES["info"], False),
            (self.next_label, SHARES["next"], False),
        ):
            f = QFont(self.font())
            f.setPixelSize(max(12, int(h * share)))
            f.setBold(bold)
            label.setFont(f)
        self._fit_countdown()

    def _fit_countdown(self) -> None:
        """As large as a third of the height allows, and never wider than the window."""
        f = QFont(self.font())
        f.setBold(True)
        f.setPixelSize(100)
        text = self.countdown_label.text() or "00:00"
        wide = QFontMetricsF(f).horizontalAdvance(text.replace("-", "0")) or 1.0
        by_width = 100 * self.width() * COUNTDOWN_WIDTH / wide
        by_height = max(300, self.height()) * SHARES["countdown"]
        f.setPixelSize(max(24, int(min(by_width, by_height))))
        if f.pixelSize() != self.countdown_label.font().pixelSize():
            self.countdown_label.setFont(f)

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
            ws = self.ctx.workshop
            # What the audience reads goes through the privacy guard when privacy is on.
            guard = ws.privacy.guard(ws.privacy.lists_private())

            def title(t: Timed) -> str:
                return guard(t.session.title, Source(AUDIENCE, t.session.id, "title"))

            self.title_label.setText(" | ".join(title(t) for t in st.current_block))
            shown = countdown(st.remaining_s)
            longer = len(shown) != len(self.countdown_label.text())  # 59:59 → 1:00:00
            self.countdown_label.setText(shown)
            if longer:
                self._fit_countdown()
            room = guard(st.current.session.room, Source(AUDIENCE, st.current.session.id, "room"))
            self.info_label.setText(
                f"{hhmm(st.start)}–{hhmm(st.start + st.length)}"
                + (f" · {room}" if room else "")
                + f" · now {self.clock.now():%H:%M}"
            )
            if st.next_block:
                self.next_label.setText(
                    f"Next at {hhmm(st.next_block[0].start)}: "
                    + " | ".join(title(t) for t in st.next_block)
                )
            else:
                self.next_label.setText("")
            sid = st.current.session.id
            if st.remaining_s <= 0 and (st.running or st.elapsed_s > 0) and self.signalled != sid:
                self.signalled = sid
                if signal_wanted(self.ctx):
                    QApplication.beep()
                    self.flash = 6
        self.level = level
        background = BACKGROUNDS[level]
        if self.flash > 0:
            self.flash -= 1
            if self.flash % 2:
                background = "#FFFFFF"
        self.setStyleSheet(
            f"ProjectorWindow {{ background: {background}; }} QLabel {{ color: white; }}"
        )
        self.setAutoFillBackground(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            toggle_full_screen(self)
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
    show_projector_window(window, ctx.window)
    return window


def signal_wanted(ctx: AreaContext) -> bool:
    """Whether the timer beeps and flashes at zero (on unless the facilitator turned it off)."""
    return bool(ctx.workshop.info.setting(SIGNAL_SETTING, True))


def signal_box(ctx: AreaContext, parent: QWidget | None = None) -> QCheckBox:
    """The facilitator's "Signal at zero" tick box, for the live panel (not the projector,
    where the audience would see it). Saved in the workshop as soon as it is ticked."""
    box = QCheckBox("Signal at &zero", parent)
    box.setObjectName("signal_check")
    box.setToolTip("The projector timer beeps and flashes once when the time is up")
    box.setChecked(signal_wanted(ctx))
    box.setEnabled(not ctx.read_only)

    def remember(on: bool) -> None:
        try:
            ctx.workshop.info.set_setting(SIGNAL_SETTING, on)
        except Exception as exc:  # noqa: BLE001 - a preference is not worth a crash
            ctx.error(exc)

    box.toggled.connect(remember)
    return box
