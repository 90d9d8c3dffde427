"""Capture reads the Agenda's clock: note times in the workshop's time zone (or the rehearsal
time), "live" from the recorded starts at the clock's now, and note and worksheet rows that
fit their text at the widths on screen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter

from facilitator.edits import agenda as agenda_edits
from facilitator.edits import capture as capture_edits
from facilitator.store import notes as store
from facilitator.store.tables import Table
from facilitator.ui.agenda.clock import Clock, FixedClock
from facilitator.ui.capture.area import WORKSHEET_TAB, CaptureArea
from facilitator.ui.capture.context_bar import LIVE_MARK
from facilitator.ui.capture.models import NoteListModel
from facilitator.ui.capture.note_list import MAX_LINES


def _area(qtbot, ctx) -> CaptureArea:  # noqa: ANN001
    widget = CaptureArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    return widget


def _live_items(area: CaptureArea) -> list[str]:
    combo = area.context.ui.session_combo
    return [combo.itemData(i) for i in range(combo.count()) if LIVE_MARK in combo.itemText(i)]


def test_note_times_are_the_workshops_time_not_the_laptops(qtbot, ctx) -> None:  # noqa: ANN001
    assert ctx.workshop.agenda.timezone() == "Asia/Bangkok"
    clock = FixedClock(datetime(2026, 3, 10, 9, 6))
    clock.timezone = "Asia/Bangkok"
    ctx.bus.clock = clock
    note = store.new_note_row(session_id="ses_demo001", text="Stamped in UTC")
    note["created"] = note["updated"] = "2026-03-10T02:05:00.000000Z"  # 09:05 in Bangkok
    ctx.workshop.notes.add_note(note)
    area = _area(qtbot, ctx)
    area.open_context("ses_demo001", None)
    model = area.notes.model
    at = model.row_of(note["id"])
    assert model.index(at, NoteListModel.TIME).data() == "09:05"  # as the Agenda's clock reads
    tip = model.index(at, NoteListModel.TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Tue 10 Mar 09:05:00" in tip and "Asia/Bangkok" in tip
    assert ctx.workshop.rows.get(Table.NOTES, note["id"])["created"].endswith("02:05:00.000000Z")
    # Rehearsing day two at 10:40: the list reads the practice clock, like the Agenda.
    clock.rehearse(datetime(2026, 3, 11, 10, 40))
    area.hide()
    area.show()  # back from the Agenda, where Rehearse… was pressed
    assert model.index(at, NoteListModel.TIME).data() == "10:39"
    assert "rehearsal clock" in model.index(at, NoteListModel.TIME).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_rehearsed_start_is_not_live_after_a_restart(qtbot, ctx, workshop) -> None:  # noqa: ANN001
    practice = FixedClock(datetime(2026, 3, 11, 10, 40))  # Rehearse… day two at 10:40
    ctx.bus.clock = practice
    area = _area(qtbot, ctx)
    ctx.push(agenda_edits.start_session(workshop, ["ses_demo102"], practice.now()))
    ctx.bus.set_live_session(workshop.agenda.unfinished_session_id())
    assert area.session_id == "ses_demo102"
    assert area.context.ui.live_label.text() == "● live"
    assert _live_items(area) == ["ses_demo102"]
    area.close()

    # Restart: the clock is the real one again; the start stays recorded in the file.
    assert workshop.agenda.unfinished_session_id() == "ses_demo102"
    ctx.bus.clock = Clock(workshop.agenda.timezone())
    ctx.bus.set_live_session(None)
    again = _area(qtbot, ctx)
    assert _live_items(again) == []
    assert again.context.ui.live_label.text() == ""
    # Even when the Agenda announces the session its recorded start says is running.
    ctx.bus.set_live_session(workshop.agenda.unfinished_session_id())
    assert _live_items(again) == [] and again.context.ui.live_label.text() == ""
    # The facilitator rehearses again: the session is live on the practice clock.
    ctx.bus.clock.rehearse(datetime(2026, 3, 11, 10, 45))
    again.hide()
    again.show()
    assert _live_items(again) == ["ses_demo102"]


def _fitted(view, rows: range, cap: int | None = None) -> bool:  # noqa: ANN001
    """Whether each row is as tall as its text needs at the widths on screen now (at most
    ``cap``), measured without resizing anything."""
    header = view.verticalHeader()
    for r in rows:
        need = view.sizeHintForRow(r)
        if header.isVisible():
            need = max(need, header.sectionSizeHint(r))
        if cap is not None:
            need = min(need, cap)
        if view.rowHeight(r) != need:
            return False
    return True


def test_note_rows_fit_their_text_when_the_area_opens_in_the_window(qtbot, demo_path) -> None:  # noqa: ANN001
    from facilitator.ui.main_window import MainWindow

    settings = QSettings(str(demo_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.open_path(demo_path)
    area = window.show_area("capture")
    area.open_context("ses_demo001", None)  # five notes, one an action item
    view = area.notes.view
    cap = view.fontMetrics().lineSpacing() * MAX_LINES + 10
    qtbot.waitUntil(lambda: _fitted(view, range(area.notes.model.rowCount()), cap), timeout=2000)
    heights = [view.rowHeight(r) for r in range(area.notes.model.rowCount())]
    assert max(heights) <= 4 * view.fontMetrics().lineSpacing() + 10  # not 200–300 px
    # A very long note shows its first lines, not a screenful.
    long = store.new_note_row(session_id="ses_demo001", text="word " * 400)
    area.ctx.push(capture_edits.AddNote(area.ws, long))
    row = area.notes.model.row_of(long["id"])
    qtbot.waitUntil(lambda: view.rowHeight(row) == cap, timeout=1000)  # measured before painted
    # The newest note stays in view once the rows have settled.
    last = area.notes.model.index(row, NoteListModel.TEXT)
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(last)), timeout=2000)
    # Narrower (the summary splitter dragged): the rows grow to fit again.
    split = area.findChild(QSplitter, "notes_splitter")
    split.setSizes([560, 540])
    qtbot.waitUntil(lambda: _fitted(view, range(area.notes.model.rowCount()), cap), timeout=2000)
    window.close()


def test_worksheet_rows_are_fitted_when_its_tab_is_shown(qtbot, ctx) -> None:  # noqa: ANN001
    area = CaptureArea(ctx)
    qtbot.addWidget(area)
    area.resize(700, 500)  # built and laid out narrow, the worksheet tab hidden
    area.show()
    area.open_context("ses_demo104", None)
    area.resize(1250, 650)
    area.tabs.setCurrentIndex(WORKSHEET_TAB)
    view = area.worksheet.ui.worksheet_view
    rows = range(area.worksheet.model.rowCount())
    assert len(rows) == 6
    qtbot.waitUntil(lambda: _fitted(view, rows), timeout=2000)
    assert max(view.rowHeight(r) for r in rows) <= 3 * view.fontMetrics().lineSpacing() + 10
