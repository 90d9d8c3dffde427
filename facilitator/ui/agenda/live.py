"""Live mode: the session on now, its timer, start/finish, +/− minutes and catching up.

The panel reads the agenda once a second (the clock moves) and again when a change touches
the sessions, the days or the timer adjustments, or when the Agenda shows another day. Its
own buttons refresh it at once, so it skips the Changes they cause.

What it says about the rest of the day ("Day ends at …, N min late", a fixed item the day
runs into) is the :class:`Live` state of the domain, which the catch-up previews are made
of too, so the panel, a preview and the day after applying it say the same times.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.agenda import (
    CatchUp,
    Live,
    hhmm,
    kind_label,
    plan_shift,
    plan_shorten,
)
from facilitator.edits import agenda as cmd
from facilitator.edits.base import Edit, Macro, SetSetting
from facilitator.store.agenda import ADJUST_KEY
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.agenda.clock import Clock
from facilitator.ui.agenda.dialogs import CatchUpDialog, RehearseDialog
from facilitator.ui.agenda.state import live_day, live_state
from facilitator.ui.areas import AreaContext

LEVEL_COLOURS = {"idle": "#7F8C8D", "ok": "#27AE60", "warn": "#F39C12", "over": "#C0392B"}


def countdown(seconds: int) -> str:
    sign = "−" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def catch_up_plans(state: Live) -> dict[str, CatchUp]:
    """The choices Catch up… offers, each previewed as the day will then run."""
    return {
        "shift": plan_shift(state),
        "shift_fixed": plan_shift(state, move_fixed=True),
        "shorten": plan_shorten(state),
    }


class LivePanel(QWidget):
    """Runs the day; every button is one undoable edit (except the clock itself)."""

    clock_set = Signal()  # Rehearse… or Real time changed what the clock says

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.state: Live | None = None
        layout = QVBoxLayout(self)
        self.clock_label = QLabel()
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.4)
        big.setBold(True)
        self.title_label.setFont(big)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)  # long times must not widen the panel
        self.remaining_label = QLabel()
        huge = QFont(self.font())
        huge.setPointSizeF(self.font().pointSizeF() * 3)
        huge.setBold(True)
        self.remaining_label.setFont(huge)
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining_label.setAccessibleName("Time remaining")
        self.elapsed_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.projection_label = QLabel()
        self.projection_label.setWordWrap(True)
        self.projection_label.setAccessibleName("Projected end of the day")
        self.collision_label = QLabel()
        self.collision_label.setWordWrap(True)
        self.collision_label.setStyleSheet("color: #C0392B;")
        for w in (
            self.clock_label,
            self.day_label,
            self.title_label,
            self.detail_label,
            self.remaining_label,
            self.elapsed_label,
            self.progress,
            self.next_label,
            self.projection_label,
            self.collision_label,
        ):
            layout.addWidget(w)
        grid = QGridLayout()
        self.start_button = QPushButton("&Start")
        self.finish_button = QPushButton("F&inish")
        self.plus1_button = QPushButton("+&1 min")
        self.plus5_button = QPushButton("+&5 min")
        self.minus1_button = QPushButton("−1 mi&n")
        self.catch_up_button = QPushButton("&Catch up…")
        self.rehearse_button = QPushButton("&Rehearse…")
        self.real_time_button = QPushButton("Real &time")
        self.projector_button = QPushButton("&Projector (F5)")
        self.start_button.setToolTip("Record the actual start now (finishes a running session)")
        self.finish_button.setToolTip("Record the actual end now")
        self.catch_up_button.setToolTip("Shift the rest of the day, or shorten later sessions")
        self.rehearse_button.setToolTip("Practise with the clock set to another time")
        buttons = [
            (self.start_button, 0, 0),
            (self.finish_button, 0, 1),
            (self.catch_up_button, 0, 2),
            (self.plus1_button, 1, 0),
            (self.plus5_button, 1, 1),
            (self.minus1_button, 1, 2),
            (self.rehearse_button, 2, 0),
            (self.real_time_button, 2, 1),
            (self.projector_button, 2, 2),
        ]
        for b, r, c in buttons:
            grid.addWidget(b, r, c)
        from facilitator.ui.agenda.projector import signal_box  # it imports this module

        self.signal_check = signal_box(ctx, self)  # the facilitator's side, not the audience's
        grid.addWidget(self.signal_check, 3, 2)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.start_button.clicked.connect(self.start)
        self.finish_button.clicked.connect(self.finish)
        self.plus1_button.clicked.connect(lambda: self.adjust(1))
        self.plus5_button.clicked.connect(lambda: self.adjust(5))
        self.minus1_button.clicked.connect(lambda: self.adjust(-1))
        self.catch_up_button.clicked.connect(self.catch_up)
        self.rehearse_button.clicked.connect(self.rehearse)
        self.real_time_button.clicked.connect(self.real_time)
        self.projector_button.clicked.connect(self._projector)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.ws.hub.changed.connect(self._on_changed)
        ctx.bus.selected_day_changed.connect(self._day_changed)
        self.refresh()
        # Practice left from a rehearsal the app was closed during.
        QTimer.singleShot(0, self, self.forget_rehearsal)

    @property
    def clock(self) -> Clock:
        return self.ctx.bus.clock

    # -- reading ----------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.made_by(self):
            return  # the button that made the edit has refreshed the panel
        adjust = changes.ids(Table.SETTINGS)
        if changes.touches(Table.SESSIONS, Table.DAYS) or adjust is None or ADJUST_KEY in adjust:
            self.refresh()

    def _day_changed(self, _day_id: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.ws.is_open:  # the workshop was closed under us
            self.timer.stop()
            return
        self.state = live_state(self.ws, self.clock, self.ctx.bus.selected_day)
        now = self.clock.now()
        tag = "  REHEARSAL" if self.clock.rehearsing else ""
        self.clock_label.setText(f"{now:%a %d %b %Y  %H:%M:%S}{tag}")
        self.real_time_button.setEnabled(self.clock.rehearsing)
        st = self.state
        editable = not self.ctx.read_only
        if st is None or st.current is None:
            if st is None:
                self.day_label.setText("No days in the agenda yet.")
            elif now.date() != st.day.date:
                self.day_label.setText(
                    f"Today is not a workshop day. Showing {st.day.title or st.day.date}; "
                    "use Rehearse… to practise."
                )
            else:
                self.day_label.setText("The day's sessions are over.")
            self.title_label.setText("")
            self.detail_label.setText("")
            self.remaining_label.setText("--:--")
            self.elapsed_label.setText("")
            self.next_label.setText("")
            self.projection_label.setText("")
            self.collision_label.setText("")
            self.progress.setValue(0)
            for b in (
                self.start_button,
                self.finish_button,
                self.plus1_button,
                self.plus5_button,
                self.minus1_button,
                self.catch_up_button,
            ):
                b.setEnabled(False)
            self._set_live_id()
            return
        self.day_label.setText(
            f"{st.day.title or 'Day'} · {st.day.date:%a %d %b} · "
            + ("running" if st.running else "by the clock (not started)")
        )
        titles = " | ".join(t.session.title for t in st.current_block)
        self.title_label.setText(titles)
        first = st.current.session
        room = f" · {first.room}" if first.room else ""
        end = max(t.end for t in st.current_block)
        planned = [t for t in st.agenda if t.block == st.current.block]
        was = f"{hhmm(min(t.start for t in planned))}–{hhmm(max(t.end for t in planned))}"
        if st.running:
            late = st.delay
            verdict = (
                f"{late} min late" if late > 0 else f"{-late} min early" if late < 0 else "on time"
            )
            when = f"started {hhmm(st.start)}, ends {hhmm(end)} ({st.length} min)"
            when += f" · planned {was} · {verdict}"
        else:
            when = f"{hhmm(st.start)}–{hhmm(end)} ({st.length} min) by the clock"
            if (st.start, end) != (planned[0].start, max(t.end for t in planned)):
                when += f" · planned {was}"
        self.detail_label.setText(f"{kind_label(first.kind)}{room} · {when}")
        self.remaining_label.setText(countdown(st.remaining_s))
        colour = LEVEL_COLOURS[st.level]
        self.remaining_label.setStyleSheet(f"color: {colour};")
        self.progress.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.progress.setValue(int(min(1.0, st.fraction) * 1000))
        self.elapsed_label.setText(
            f"Elapsed {countdown(st.elapsed_s)} of {st.length} min"
            + (" · over time" if st.level == "over" else "")
        )
        if st.next_block:
            nxt = st.next_block[0]
            self.next_label.setText(
                f"Next at {hhmm(nxt.start)}: " + " | ".join(t.session.title for t in st.next_block)
            )
        else:
            self.next_label.setText("Last session of the day.")
        self.projection_label.setText(st.projection_text() + ".")
        self.projection_label.setStyleSheet(
            "color: #C0392B; font-weight: bold;" if st.past_day_end > 0 else ""
        )
        self.collision_label.setText("\n".join(f"⚠ {c.message}." for c in st.collisions))
        # while a session runs, Start starts the next one (and finishes the running one)
        starts_next = st.running and bool(st.next_block)
        self.start_button.setText("&Start next" if starts_next else "&Start")
        self.start_button.setToolTip(
            f"Start '{st.next_block[0].session.title}' now (finishes the running session)"
            if starts_next
            else "Record the actual start now"
        )
        self.start_button.setEnabled(editable and (starts_next or not st.running))
        self.finish_button.setEnabled(editable and st.running)
        for b in (self.plus1_button, self.plus5_button, self.minus1_button):
            b.setEnabled(editable and st.running)
        self.catch_up_button.setEnabled(editable and self.can_catch_up(st))
        self._set_live_id()

    def can_catch_up(self, st: Live) -> bool:
        """Whether the rest of the day runs late: later than the agenda, into a fixed item
        or past the day's planned end (and there is a rest of the day)."""
        if not st.next_block:
            return False
        return st.delay > 0 or bool(st.collisions) or st.past_day_end > 0

    def _set_live_id(self) -> None:
        """The live session, by the same rule as Capture's: started today on this clock."""
        live = self.ws.notes.live_session_ids(self.clock.now())
        self.ctx.bus.set_live_session(live[0] if live else None)

    def block_ids(self) -> list[str]:
        return [t.session.id for t in self.state.current_block] if self.state else []

    # -- acting -----------------------------------------------------------------------
    def _push(self, edit: Edit) -> bool:
        return self.ctx.push(edit, initiator=self)

    def start(self) -> None:
        """Start the session on now, or, while one runs, the next one."""
        st = self.state
        if st is None or st.current is None:
            return
        block = st.next_block if st.running else st.current_block
        ids = [t.session.id for t in block]
        edit = cmd.start_session(self.ws, ids, self.clock.now(), self.clock.rehearsing)
        if ids and self._push(edit):
            self.ctx.status(f"Started '{block[0].session.title}'")
        self.refresh()

    def finish(self) -> None:
        ids = self.block_ids()
        edit = cmd.finish_session(self.ws, ids, self.clock.now(), self.clock.rehearsing)
        if ids and self._push(edit):
            self.ctx.status(f"Finished '{self.state.current.session.title}'")
        self.refresh()

    def adjust(self, minutes: int) -> None:
        ids = self.block_ids()
        if ids:
            self._push(cmd.AdjustTimer(self.ws, ids, minutes))
        self.refresh()

    def catch_up(self) -> None:
        self.refresh()
        st = self.state
        if st is None or st.current is None:
            return
        dialog = CatchUpDialog(st, catch_up_plans(st), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.plan().edits:
            plan = dialog.plan()
            edit: Edit = cmd.apply_catch_up(self.ws, plan)
            if plan.adjust != st.adjust:  # the live minutes are now in the session's length
                keep = SetSetting(self.ws, ADJUST_KEY, plan.adjust, "Timer")
                edit = Macro(edit.text(), [edit, keep], self.ws)
            if self._push(edit):
                self.ctx.status(f"{edit.text()}: the day ends at {hhmm(plan.new_end)}")
        self.refresh()

    def rehearse(self) -> None:
        days = self.ws.agenda.load_days()
        now = self.clock.now()
        day = live_day(days, now, self.ctx.bus.selected_day)
        dialog = RehearseDialog(days, now, day.id if day else None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.clock.rehearse(dialog.moment())
            self.clock_set.emit()
        self.refresh()

    def real_time(self) -> None:
        self.clock.reset()
        self.clock_set.emit()
        self.forget_rehearsal()
        self.refresh()

    def forget_rehearsal(self) -> None:
        """Back on the real clock, the starts and finishes recorded while rehearsing go (one
        undo step), so they never reach the report or mark a session live."""
        if self.clock.rehearsing or self.ctx.read_only:
            return
        edit = cmd.clear_rehearsal(self.ws)
        if edit is not None and self._push(edit):
            self.ctx.status(
                "The times recorded while rehearsing were cleared (Edit ▸ Undo brings them back)."
            )

    def _projector(self) -> None:
        from facilitator.ui.agenda.projector import show_projector

        show_projector(self.ctx)
