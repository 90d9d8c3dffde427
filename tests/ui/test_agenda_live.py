"""Live mode on a late morning: catching up, rehearsing, and the day as it runs on screen.

Day two of the demo: the recap (fixed 09:00, 15 min) ran until 10:05, so the presentation
planned 09:15–10:15 starts at 10:05, 50 minutes late; the country session after it then runs
5 minutes into the lunch fixed at 12:30.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog

from facilitator.edits import agenda as cmd
from facilitator.store.tables import Table
from facilitator.ui.agenda.area import AgendaArea
from facilitator.ui.agenda.clock import Clock, FixedClock
from facilitator.ui.agenda.dialogs import CatchUpDialog, ChangesModel, RehearseDialog
from facilitator.ui.agenda.models import COLUMNS
from facilitator.ui.agenda.timeline import NOW_COLOUR

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

PRESENTATION, COUNTRY, LUNCH = "ses_demo101", "ses_demo102", "ses_demo103"


@pytest.fixture
def clock(ctx) -> FixedClock:
    c = FixedClock(datetime(2026, 3, 11, 10, 6))
    ctx.bus.clock = c
    return c


@pytest.fixture
def late(ctx, clock) -> None:
    """The recap ran 09:05–10:05; the presentation started at 10:05."""
    ws = ctx.workshop
    ctx.push(cmd.start_session(ws, ["ses_demo100"], datetime(2026, 3, 11, 9, 5)))
    ctx.push(cmd.start_session(ws, [PRESENTATION], datetime(2026, 3, 11, 10, 5)))


@pytest.fixture
def area(qtbot, ctx, clock, late) -> AgendaArea:
    a = AgendaArea(ctx)
    qtbot.addWidget(a)
    a.resize(1280, 680)
    a.show()
    qtbot.waitExposed(a)
    a.live.refresh()
    return a


def row(ctx, sid: str) -> dict:
    return ctx.workshop.rows.get(Table.SESSIONS, sid)


def cell(area: AgendaArea, sid: str, key: str, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
    model = area.plan.model
    column = [c[0] for c in COLUMNS].index(key)
    return model.index(model.row_of(sid), column).data(role)


def test_the_panel_says_when_the_day_ends_without_contradicting_itself(area: AgendaArea) -> None:
    live = area.live
    assert live.detail_label.text() == (
        "Presentation · Plenary Hall · started 10:05, ends 11:05 (60 min) · planned 09:15–10:15"
        " · 50 min late"
    )
    # the 45 minutes before lunch absorb most of it; lunch holds, so the day ends as planned
    assert (
        live.projection_label.text() == "Day ends at 16:45, on time; the day may run until 17:30."
    )
    assert live.collision_label.text() == (
        "⚠ 'Country experiences: South-East Asia' (11:05–12:35) runs 5 min into 'Lunch' "
        "(fixed 12:30)."
    )
    assert live.catch_up_button.isEnabled()


def preview(dialog: CatchUpDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_catch_up_previews_then_applies_exactly_what_it_showed(
    qtbot, qtmodeltester, area: AgendaArea, ctx, monkeypatch
) -> None:
    seen: dict[str, object] = {}

    def choose(dialog: CatchUpDialog) -> int:
        qtmodeltester.check(dialog.model)
        ui = dialog.ui
        assert ui.shift_radio.isChecked()  # shifting first, fixed items staying
        seen["shift"] = preview(dialog)
        seen["shift summary"] = ui.summary_label.text()
        ui.move_fixed_check.setChecked(True)
        seen["shift fixed"] = preview(dialog)
        ui.shorten_radio.setChecked(True)
        assert not ui.move_fixed_check.isEnabled()
        seen["shorten"] = preview(dialog)
        seen["shorten summary"] = ui.summary_label.text()
        seen["end"] = dialog.plan().new_end
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CatchUpDialog, "exec", choose)
    area.live.catch_up_button.click()

    # shift: every session up to the fixed lunch moves, old → new; lunch is not among them
    assert seen["shift"] == [
        [
            "How violent extremists use micro-platforms (running)",
            "09:15–10:15",
            "10:05–11:05",
            "60",
            "running: its real times",
        ],
        [
            "Country experiences: South-East Asia",
            "10:15–11:45",
            "11:05–12:35",
            "90",
            "50 min later",
        ],
    ]
    assert seen["shift summary"] == (
        "After this change the day ends at 16:45, as in the agenda. Still: 'Country experiences: "
        "South-East Asia' (11:05–12:35) runs 5 min into 'Lunch' (fixed 12:30)."
    )
    # only when asked does lunch move, by the 5 minutes needed, and the afternoon with it
    lunch = next(r for r in seen["shift fixed"] if r[0] == "Lunch")
    assert lunch[1:] == ["12:30–13:30", "12:35–13:35", "60", "fixed start 12:30 → 12:35"]
    assert seen["shift fixed"][-1][2] == "15:50–16:50"
    # shorten: the 5 minutes come from the country session, nothing else is cut
    assert seen["shorten"][1] == [
        "Country experiences: South-East Asia",
        "10:15–11:45",
        "11:05–12:30",
        "90 → 85",
        "50 min later, 5 min shorter",
    ]
    assert seen["shorten summary"] == (
        "After this change the day ends at 16:45, as in the agenda. "
        "5 min are taken from later sessions."
    )

    # what was previewed is what the file, the panel and the plan now say
    assert row(ctx, LUNCH)["fixed_start"] == "12:30"
    assert row(ctx, COUNTRY)["duration_min"] == 85
    assert row(ctx, PRESENTATION)["fixed_start"] == "10:05"
    area.reload()
    area.live.refresh()
    assert area.live.projection_label.text().startswith(f"Day ends at {16}:45, on time")
    assert seen["end"] == area.live.state.projected_end == 16 * 60 + 45
    assert area.live.collision_label.text() == ""
    assert (cell(area, COUNTRY, "start"), cell(area, COUNTRY, "end")) == ("11:05", "12:30")
    block = area.plan.timeline.block_of(COUNTRY)
    assert (block.timed.start, block.timed.end) == (11 * 60 + 5, 12 * 60 + 30)
    assert ctx.undo_stack.undoText() == "Shorten later sessions"
    ctx.undo_stack.undo()
    assert row(ctx, COUNTRY)["duration_min"] == 90 and row(ctx, PRESENTATION)["fixed_start"] is None


def test_cancel_and_nothing_to_apply_change_nothing(area: AgendaArea, ctx, monkeypatch) -> None:
    count = ctx.undo_stack.count()
    monkeypatch.setattr(CatchUpDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    area.live.catch_up_button.click()
    assert ctx.undo_stack.count() == count and row(ctx, COUNTRY)["duration_min"] == 90


def test_the_live_minutes_go_into_the_length_in_one_undo_step(
    area: AgendaArea, ctx, clock, monkeypatch
) -> None:
    area.live.plus5_button.click()
    assert ctx.workshop.agenda.timer_adjust() == {PRESENTATION: 5}
    area.live.refresh()
    remaining = area.live.remaining_label.text()
    count = ctx.undo_stack.count()
    monkeypatch.setattr(CatchUpDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    area.live.catch_up_button.click()  # shift, fixed items staying
    assert row(ctx, PRESENTATION)["duration_min"] == 65
    assert ctx.workshop.agenda.timer_adjust() == {}
    area.live.refresh()
    assert area.live.remaining_label.text() == remaining  # the timer did not jump
    assert ctx.undo_stack.count() == count + 1
    ctx.undo_stack.undo()
    assert row(ctx, PRESENTATION)["duration_min"] == 60
    assert ctx.workshop.agenda.timer_adjust() == {PRESENTATION: 5}


def test_the_running_session_shows_its_real_times_in_the_timeline_and_the_table(
    qtbot, area: AgendaArea
) -> None:
    block = area.plan.timeline.block_of(PRESENTATION)
    assert (block.timed.start, block.timed.end) == (10 * 60 + 5, 11 * 60 + 5)
    assert area.plan.timeline.note(PRESENTATION) == " · running"
    assert area.plan.timeline.note(COUNTRY) == " · planned 10:15"
    assert area.plan.timeline.note("ses_demo100") == " · done"
    assert (cell(area, PRESENTATION, "start"), cell(area, PRESENTATION, "end")) == (
        "10:05",
        "11:05",
    )
    assert cell(area, PRESENTATION, "start", Qt.ItemDataRole.ToolTipRole) == (
        "Running since 10:05, ends 11:05; planned 09:15–10:15"
    )
    assert cell(area, PRESENTATION, "start", Qt.ItemDataRole.FontRole).bold()
    # another day keeps its agenda times
    assert cell(area, "ses_demo001", "start") == "09:30"


def test_the_plan_follows_the_clock_without_reading_the_file(
    qtbot, area: AgendaArea, clock
) -> None:
    clock.advance(minutes=70)  # 11:16: the presentation runs over
    area.follow_clock()
    block = area.plan.timeline.block_of(PRESENTATION)
    assert block.timed.end == 11 * 60 + 16
    assert cell(area, COUNTRY, "start") == "11:16"
    assert "runs 16 min into 'Lunch'" in cell(area, COUNTRY, "conflicts")


def test_the_now_line_is_drawn_over_the_blocks(qtbot, area: AgendaArea) -> None:
    tl = area.plan.timeline
    block = tl.block_of(PRESENTATION)
    y = int(tl._y(10 * 60 + 6))
    assert block.rect.top() < y < block.rect.bottom()
    image = tl.grab().toImage()
    x = int(block.rect.center().x())
    assert QColor(image.pixel(x, y)) == QColor(NOW_COLOUR)


def test_day_headers_stay_in_view_when_the_timeline_scrolls(qtbot, area: AgendaArea) -> None:
    scroll = area.plan.scroll
    header = scroll.header
    assert header.isVisible() and header.geometry().bottom() < scroll.viewport().geometry().top()
    before = header.grab().toImage()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    qtbot.wait(10)
    assert scroll.verticalScrollBar().value() > 0
    assert header.grab().toImage() == before  # the same headers, in the same place
    area.resize(760, 600)  # the three days no longer fit: they scroll sideways
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() > 0)
    bar = scroll.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0 and header.offset == bar.value()  # they follow the columns sideways


def test_rehearse_opens_on_the_workshop_days_and_takes_a_few_keys(
    qtbot, ctx, area: AgendaArea, clock, monkeypatch
) -> None:
    clock.moment = datetime(2026, 5, 4, 14, 0)  # not a workshop day: the agenda shows day one
    area.plan.select("ses_demo001")
    seen: dict[str, object] = {}

    def keys(dialog: RehearseDialog) -> int:
        dialog.show()
        dialog.activateWindow()  # over the area's window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        ui = dialog.ui
        seen["days"] = [ui.days_view.model().index(r, 0).data() for r in range(3)]
        seen["default"] = (dialog.day().id, ui.time_edit.time().toString("HH:mm"))
        qtbot.keyClick(ui.days_view, Qt.Key.Key_Down)  # day two
        seen["sessions"] = ui.sessions_view.model().rowCount()
        qtbot.keyClick(ui.days_view, Qt.Key.Key_Tab)
        qtbot.keyClick(ui.sessions_view, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is ui.time_edit
        qtbot.keyClicks(ui.time_edit, "1005")
        seen["label"] = ui.moment_label.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RehearseDialog, "exec", keys)
    area.live.rehearse_button.click()
    assert seen["days"] == [
        "Day 1 · Tue 10 Mar 2026",
        "Day 2 · Wed 11 Mar 2026",
        "Day 3 · Thu 12 Mar 2026",
    ]
    assert seen["default"] == ("day_demo0", "09:00") and seen["sessions"] == 7
    assert seen["label"] == "Live mode will run as if it were Wed 11 Mar 2026, 10:05."
    assert clock.now() == datetime(2026, 3, 11, 10, 5)
    assert area.live.real_time_button.isEnabled()
    assert "REHEARSAL" in area.live.clock_label.text()
    assert area.plan.timeline.now == datetime(2026, 3, 11, 10, 5)  # the plan follows at once


def test_a_session_start_sets_the_rehearsal_time(qtbot, ctx) -> None:
    dialog = RehearseDialog(ctx.workshop.agenda.load_days(), datetime(2026, 3, 12, 11, 40))
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert dialog.day().id == "day_demo2"  # no day given: the day of the time given
    assert ui.time_edit.time().toString("HH:mm") == "11:40"
    ui.sessions_view.setCurrentIndex(ui.sessions_view.model().index(3, 0))  # lunch, day three
    assert dialog.moment() == datetime(2026, 3, 12, 12, 30)


def test_one_clock_in_the_workshop_time_zone(qtbot, ctx, area: AgendaArea) -> None:
    other = FixedClock(datetime(2026, 3, 11, 12, 40))
    ctx.bus.clock = other  # everything reads the bus's clock, not a copy
    area.live.refresh()
    area.follow_clock()
    assert area.live.state.now == other.now() == area.plan.timeline.now
    real = Clock("Asia/Bangkok")
    real.rehearse(datetime(2026, 3, 11, 10, 40))
    ctx.bus.clock = real
    ctx.workshop.info.set_details({"timezone": "Europe/Vienna"})
    assert real.timezone == "Europe/Vienna"
    assert abs((real.now() - datetime(2026, 3, 11, 10, 40)).total_seconds()) < 5  # still 10:40


def test_changes_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(ChangesModel())


def test_start_next_while_a_session_runs(area: AgendaArea, ctx, clock) -> None:
    live = area.live
    assert live.start_button.text() == "&Start next" and live.start_button.isEnabled()
    assert live.start_button.toolTip().startswith("Start 'Country experiences: South-East Asia'")
    clock.advance(minutes=64)  # 11:10
    live.refresh()
    live.start_button.click()
    assert row(ctx, PRESENTATION)["actual_end"] == "2026-03-11T11:10:00"
    assert row(ctx, COUNTRY)["actual_start"] == "2026-03-11T11:10:00"
    assert ctx.bus.live_session_id == COUNTRY
    assert live.title_label.text() == "Country experiences: South-East Asia"


def test_times_recorded_while_rehearsing_are_practice(qtbot, ctx) -> None:  # noqa: ANN001
    """Starting sessions on a rehearsal clock is undone when the real clock is back, and the
    report never prints those times, even if the app was closed during the rehearsal."""
    from facilitator.ui.agenda.clock import FixedClock
    from facilitator.ui.agenda.live import LivePanel

    ws = ctx.workshop
    clock = FixedClock(datetime(2026, 3, 1, 8, 0))  # a week before the workshop
    ctx.bus.clock = clock
    panel = LivePanel(ctx)
    qtbot.addWidget(panel)
    clock.rehearse(datetime(2026, 3, 11, 9, 20))
    panel.refresh()
    panel.start()
    started = ws.agenda.unfinished_session_ids()
    assert started and ws.agenda.rehearsed_ids() == set(started)
    report = ws.report.load_report()
    shown = {s.id: s for d in report.days for s in d.sessions}
    assert shown[started[0]].actual_start == ""  # practice never reaches the report
    panel.real_time()
    assert ws.agenda.unfinished_session_ids() == [] and ws.agenda.rehearsed_ids() == set()
    ctx.undo_stack.undo()  # Edit ▸ Undo brings them back
    assert ws.agenda.unfinished_session_ids() == started
    # Opened again later, off the rehearsal clock: the practice is cleared at once.
    again = LivePanel(ctx)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: ws.agenda.unfinished_session_ids() == [])
