"""The Agenda area driven like a user would: mouse, keyboard, live mode on a fake clock."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from facilitator.store.tables import Table
from facilitator.ui.agenda.area import AgendaArea
from facilitator.ui.agenda.clock import FixedClock
from facilitator.ui.agenda.dialogs import SessionDialog
from facilitator.ui.agenda.models import COLUMNS, SessionTableModel
from facilitator.ui.agenda.projector import show_projector

# The offscreen platform says so whenever a top-level window is shown; nothing to do with us.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def order(ws, day_id: str) -> list[str]:
    return [r["id"] for r in ws.agenda.session_rows(day_id)]


@pytest.fixture
def clock(ctx) -> FixedClock:
    c = FixedClock(datetime(2026, 3, 11, 9, 10))
    ctx.bus.clock = c
    return c


@pytest.fixture
def area(qtbot, ctx, clock) -> AgendaArea:
    a = AgendaArea(ctx)
    qtbot.addWidget(a)
    a.resize(1400, 900)
    a.show()
    qtbot.waitExposed(a)
    return a


def settle(qtbot, area: AgendaArea) -> None:
    qtbot.wait(10)
    area.reload()


def test_drag_a_block_to_reorder_and_undo(qtbot, area: AgendaArea, ctx) -> None:
    ws = ctx.workshop
    tl = area.plan.timeline
    first = tl.block_of("ses_demo003").rect.center().toPoint()  # Country experiences, day 1
    target = tl.block_of("ses_demo001").rect.topLeft().toPoint() + QPoint(30, 3)
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(tl, first + QPoint(0, -20))
    qtbot.mouseMove(tl, target)
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=target)
    assert order(ws, "day_demo0")[:3] == ["ses_demo000", "ses_demo003", "ses_demo001"]
    settle(qtbot, area)
    assert area.plan.timeline.block_of("ses_demo003").timed.start == 9 * 60 + 30
    ctx.undo_stack.undo()
    assert order(ws, "day_demo0")[:4] == [
        "ses_demo000",
        "ses_demo001",
        "ses_demo002",
        "ses_demo003",
    ]


def test_drag_a_block_to_another_day(qtbot, area: AgendaArea, ctx) -> None:
    tl = area.plan.timeline
    start = tl.block_of("ses_demo005").rect.center().toPoint()
    target = tl.block_of("ses_demo200").rect.center().toPoint() + QPoint(0, 20)
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tl, start + QPoint(30, 0))
    qtbot.mouseMove(tl, target)
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=target)
    assert order(ctx.workshop, "day_demo2")[:2] == ["ses_demo200", "ses_demo005"]


def test_keyboard_moves_selects_and_switches_views(qtbot, area: AgendaArea, ctx) -> None:
    area.plan.timeline.setFocus()
    area.plan.select("ses_demo101")
    qtbot.keyClick(area.plan.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert order(ctx.workshop, "day_demo1")[1:3] == ["ses_demo102", "ses_demo101"]
    settle(qtbot, area)
    qtbot.keyClick(area.plan.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert "ses_demo101" in order(ctx.workshop, "day_demo2")
    settle(qtbot, area)
    qtbot.keyClick(area.plan.timeline, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert area.plan.currentWidget() is area.plan.table
    row = area.plan.table.currentIndex().row()
    assert area.plan.model.session_id(row) == "ses_demo101"


def test_table_model_and_drop_reorders(qtbot, qtmodeltester, area: AgendaArea, ctx) -> None:
    model = area.plan.model
    qtmodeltester.check(model)
    row = model.row_of("ses_demo104")  # group exercise 1, day 2
    data = model.mimeData([model.index(row, 0)])
    drop_row = model.row_of("ses_demo100")
    # the drop hands the move to an undoable command instead of removing rows itself
    model.dropMimeData(data, Qt.DropAction.MoveAction, drop_row, 0, model.index(-1, -1))
    qtbot.waitUntil(lambda: order(ctx.workshop, "day_demo1")[0] == "ses_demo104")
    fresh = SessionTableModel()
    qtmodeltester.check(fresh)


def test_conflicts_are_shown_on_the_sessions(qtbot, area: AgendaArea, ctx) -> None:
    ws = ctx.workshop
    with ws.operation() as op:
        db = ws.db
        db.execute("UPDATE sessions SET duration_min = 150 WHERE id = 'ses_demo003'")
        op.touch(Table.SESSIONS, ["ses_demo003"])
    settle(qtbot, area)
    model = area.plan.model
    row = model.row_of("ses_demo003")
    col = [c[0] for c in __import__("facilitator.ui.agenda.models", fromlist=["x"]).COLUMNS]
    text = model.index(row, col.index("conflicts")).data()
    # the message names the session at fault, with its time, and the item it runs into
    assert text == (
        "'Country experiences: Central Asia' (11:00–13:30) runs 60 min into 'Lunch' (fixed 12:30)"
    )
    assert area.conflicts.model.stringList()[0] == f"Day 1: {text}"
    assert "1 conflict" in area.conflicts.summary_label.text()
    assert area.side.tabText(1) == "C&onflicts (1)"
    first = area.conflicts.model.index(0)
    area.conflicts.view.setCurrentIndex(first)
    area.conflicts.view.clicked.emit(first)
    assert area.plan.current_id == "ses_demo003"


def test_edit_session_dialog_with_speaker_is_one_undo_step(
    qtbot, area: AgendaArea, ctx, monkeypatch
) -> None:
    def fill(dialog: SessionDialog) -> int:
        dialog.ui.title_edit.setText("Partnerships and trust")
        dialog.ui.fixed_check.setChecked(True)
        dialog.ui.person_combo.setEditText("Dana Omarova")
        dialog.ui.role_combo.setCurrentIndex(1)
        dialog.ui.add_speaker_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SessionDialog, "exec", fill)
    area.plan.select("ses_demo001")
    area.toolbar.by_name["edit"].trigger()
    row = ctx.workshop.rows.get(Table.SESSIONS, "ses_demo001")
    assert row["title"] == "Partnerships and trust" and row["fixed_start"] == "12:30"
    names = [
        (s["name"], s["role"]) for s in ctx.workshop.agenda.speakers_by_session()["ses_demo001"]
    ]
    assert ("Dana Omarova", "moderator") in names
    ctx.undo_stack.undo()
    assert ctx.workshop.rows.get(Table.SESSIONS, "ses_demo001")["fixed_start"] is None
    assert len(ctx.workshop.agenda.speakers_by_session()["ses_demo001"]) == 2


def test_duplicate_and_delete_from_the_toolbar(qtbot, area: AgendaArea, ctx, monkeypatch) -> None:
    area.plan.select("ses_demo102")
    area.toolbar.by_name["duplicate"].trigger()
    assert len(order(ctx.workshop, "day_demo1")) == 8
    settle(qtbot, area)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.plan.select("ses_demo102")
    area.toolbar.by_name["delete"].trigger()
    assert ctx.workshop.rows.get(Table.SESSIONS, "ses_demo102") is None
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert len(order(ctx.workshop, "day_demo1")) == 7


def test_live_mode_on_a_fake_clock(qtbot, area: AgendaArea, ctx, clock) -> None:
    live = area.live
    live.refresh()
    assert live.title_label.text() == "Recap of day one"  # by the clock: 09:00–09:15
    assert not live.state.running and live.state.elapsed_s == 600
    clock.moment = datetime(2026, 3, 11, 9, 0)
    live.refresh()
    assert live.title_label.text() == "Recap of day one"
    live.start_button.click()
    assert (
        ctx.workshop.rows.get(Table.SESSIONS, "ses_demo100")["actual_start"]
        == "2026-03-11T09:00:00"
    )
    assert ctx.bus.live_session_id == "ses_demo100"
    clock.advance(minutes=11)  # 11 of 15 min: past 70%
    live.refresh()
    assert live.state.level == "warn" and live.remaining_label.text() == "04:00"
    live.plus5_button.click()
    assert live.remaining_label.text() == "09:00" and live.state.level == "ok"
    live.minus1_button.click()
    clock.advance(minutes=9)
    live.refresh()
    assert live.state.level == "over" and live.remaining_label.text() == "−01:00"
    assert "started 09:00, ends 09:20 (19 min) · planned 09:00–09:15 · 5 min late" in (
        live.detail_label.text()
    )
    # the minutes come out of the gap before the fixed lunch: the day still ends on time
    assert live.projection_label.text().startswith("Day ends at 16:45, on time")
    live.finish_button.click()
    assert (
        ctx.workshop.rows.get(Table.SESSIONS, "ses_demo100")["actual_end"] == "2026-03-11T09:20:00"
    )
    assert ctx.bus.live_session_id is None
    assert live.title_label.text() == "How violent extremists use micro-platforms"
    ctx.undo_stack.undo()
    assert ctx.workshop.rows.get(Table.SESSIONS, "ses_demo100")["actual_end"] is None


def test_projector_shows_title_countdown_next_and_colours(qtbot, ctx, clock, monkeypatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    from facilitator.edits import agenda as cmd

    ctx.push(cmd.start_session(ctx.workshop, ["ses_demo101"], datetime(2026, 3, 11, 9, 15)))
    clock.moment = datetime(2026, 3, 11, 9, 45)
    window = show_projector(ctx)  # deletes itself on close
    assert window.title_label.text() == "How violent extremists use micro-platforms"
    assert window.countdown_label.text() == "30:00"
    assert window.next_label.text() == "Next at 10:15: Country experiences: South-East Asia"
    assert window.level == "ok"
    assert show_projector(ctx) is window
    clock.advance(minutes=15)
    window.refresh()
    assert window.level == "warn" and "9A5B00" in window.styleSheet()
    clock.advance(minutes=15)
    window.refresh()
    assert window.level == "over" and window.countdown_label.text() == "00:00"
    assert beeps == [1]
    window.refresh()
    assert beeps == [1]  # once per session
    window.close()


def test_rehearsal_clock_offsets_live_mode() -> None:
    from facilitator.ui.agenda.clock import Clock

    c = Clock("Asia/Bangkok")
    c.rehearse(datetime(2026, 3, 11, 10, 40))
    assert c.rehearsing
    assert abs((c.now() - datetime(2026, 3, 11, 10, 40)).total_seconds()) < 5
    c.reset()
    assert not c.rehearsing


def speaker_of(area: AgendaArea, session_id: str) -> dict:
    return area.plan.state.speakers[session_id][0]


def test_plan_reads_again_only_for_what_it_shows(qtbot, area: AgendaArea, ctx) -> None:
    from facilitator.edits.base import SetFields, SetSetting
    from facilitator.edits.people import add_person
    from facilitator.store.report import SETTING_KEY

    shown = area.plan.state
    ctx.push(add_person(ctx.workshop, {"name": "Not A Speaker"}))  # a roster edit
    ctx.push(SetSetting(ctx.workshop, SETTING_KEY, {"draft": True}, "Edit report"))
    qtbot.wait(10)
    assert area.plan.state is shown  # neither changes a session, a day or a speaker
    speaker = speaker_of(area, "ses_demo001")
    ctx.push(SetFields(ctx.workshop, Table.PEOPLE, speaker["person_id"], {"name": "Renamed"}))
    qtbot.waitUntil(lambda: area.plan.state is not shown)
    row = area.plan.model.row_of("ses_demo001")
    column = [c[0] for c in COLUMNS]
    assert "Renamed" in area.plan.model.index(row, column.index("speakers")).data()


def test_plan_shows_its_own_edits_at_once(qtbot, area: AgendaArea, ctx) -> None:
    rows = area.plan.model.rowCount()
    area.plan.select("ses_demo102")
    area.toolbar.by_name["duplicate"].trigger()
    assert area.plan.model.rowCount() == rows + 1  # no turn of the event loop needed
    ctx.undo_stack.undo()  # undo carries no initiator: the plan follows on the next turn
    qtbot.waitUntil(lambda: area.plan.model.rowCount() == rows)


def test_plan_reads_again_when_the_file_is_replaced(qtbot, area: AgendaArea, ctx) -> None:
    ws = ctx.workshop
    ws.db.execute("UPDATE sessions SET title = 'Restored title' WHERE id = 'ses_demo001'")
    ws.db.conn.commit()
    ws.replaced()  # what a restore from backup or a merge announces
    qtbot.waitUntil(lambda: area.plan.state.rows["ses_demo001"]["title"] == "Restored title")


def test_live_panel_follows_edits_made_elsewhere_and_the_shown_day(
    qtbot, area: AgendaArea, ctx, clock
) -> None:
    from facilitator.edits import agenda as cmd

    live = area.live
    live.timer.stop()  # only Changes and the chosen day refresh it now
    assert not live.state.running
    ctx.push(cmd.start_session(ctx.workshop, ["ses_demo100"], datetime(2026, 3, 11, 9, 0)))
    assert live.state.running and "running" in live.day_label.text()
    clock.moment = datetime(2026, 3, 14, 10, 0)  # not a workshop day: the chosen day shows
    area.plan.select("ses_demo201")
    assert live.state.day.id == "day_demo2"
    assert "Showing" in live.day_label.text()


def test_shortcuts_belong_to_the_agenda(area: AgendaArea) -> None:
    from PySide6.QtWidgets import QToolButton

    shortcuts = {name: a.shortcut().toString() for name, a in area.toolbar.by_name.items()}
    assert shortcuts == {
        "add_day": "Ctrl+Shift+N",
        "edit_day": "",
        "delete_day": "",
        "add": "Ctrl+N",
        "edit": "Ctrl+E",
        "duplicate": "Ctrl+D",
        "delete": "Del",
        "up": "Ctrl+Up",
        "down": "Ctrl+Down",
        "prev_day": "Ctrl+Left",
        "next_day": "Ctrl+Right",
        "toggle": "Ctrl+T",
    }
    for action in area.toolbar.by_name.values():  # active wherever the focus is in the area
        assert action in area.actions()
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    buttons = [b.defaultAction() for b in area.toolbar.findChildren(QToolButton)]
    assert area.toolbar.by_name["next_day"] not in buttons and len(buttons) == 10
    assert area.toolbar.by_name["add"].toolTip() == "Add session (Ctrl+N)"


def test_read_only_agenda_offers_no_edits(qtbot, ctx, demo_path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    from facilitator.store.database import Workshop
    from facilitator.ui.areas import AreaContext

    other = Workshop(demo_path)  # the file is already open: a read-only view
    assert other.read_only
    view = AreaContext(other, QUndoStack(), lambda *_a: None, lambda _m: None, lambda _e: None)
    try:
        area = AgendaArea(view)
        qtbot.addWidget(area)
        enabled = {name for name, a in area.toolbar.by_name.items() if a.isEnabled()}
        assert enabled == {"toggle"}  # switching views is all it offers
        assert not area.plan.timeline.editable and not area.plan.model.editable
        assert not area.live.start_button.isEnabled()
    finally:
        other.close()
