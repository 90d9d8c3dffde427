"""The main window driven like a user: open, navigate, edit, undo, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from facilitator.store.database import Workshop
from facilitator.ui.areas import AREAS
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    shown: list[str] = []
    monkeypatch.setattr(w, "show_error", lambda exc: shown.append(str(exc)))
    w.errors_shown = shown
    qtbot.addWidget(w)
    w.show()
    ran: list[bool] = []
    w.after_first_paint(lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)  # the first frame is up: menu keys answer
    yield w
    w.close_workshop()


def test_open_edit_title_undo_and_reopen(window: MainWindow, qtbot, demo_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(demo_path)
    area = window.show_area("overview")
    title = area.ui.title_edit
    assert title.text() == "Regional Workshop on Preventing Violent Extremism"
    title.selectAll()
    qtbot.keyClicks(title, "Bishkek regional workshop")
    assert window.workshop.info.details()["title"] == "Bishkek regional workshop"
    assert window.undo_stack.count() == 1  # typing merged into one step
    window.undo_stack.undo()
    assert (
        window.workshop.info.details()["title"]
        == "Regional Workshop on Preventing Violent Extremism"
    )
    assert title.text() == window.workshop.info.details()["title"]
    window.undo_stack.redo()
    window.close_workshop()
    with Workshop(demo_path, read_only=True) as ws:
        assert ws.info.details()["title"] == "Bishkek regional workshop"
    assert window.open_path(demo_path)
    assert window.areas["overview"].ui.title_edit.text() == "Bishkek regional workshop"
    assert str(demo_path.resolve()) in window.files.recent()


def test_checkbox_and_list_edits_are_saved(window: MainWindow, qtbot, demo_path: Path) -> None:  # noqa: ANN001
    window.open_path(demo_path)
    area = window.show_area("overview")
    area.ui.chatham_check.click()
    assert window.workshop.info.details()["chatham_house"] == 0
    area.ui.funders_edit.setPlainText("Government of Japan\n\nNorway\n")
    assert window.workshop.info.details()["funders"] == '["Government of Japan", "Norway"]'
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.workshop.info.details()["chatham_house"] == 1
    assert area.ui.chatham_check.isChecked()


@pytest.mark.parametrize("spec", AREAS, ids=[s.key for s in AREAS])
def test_every_area_opens_from_navigation(
    window: MainWindow,
    qtbot,
    demo_path: Path,  # noqa: ANN001
    spec,
) -> None:  # noqa: ANN001
    window.open_path(demo_path)
    row = AREAS.index(spec)
    window.nav.setCurrentRow(row)
    assert window.current_area() is window.areas[spec.key]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() is window.areas["overview"]


def test_bad_file_shows_message_and_keeps_current(
    window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    window.open_path(demo_path)
    bad = tmp_path / "garbage.workshop"
    bad.write_bytes(b"\x00" * 4096)
    assert not window.open_path(bad)
    assert "garbage.workshop" in window.errors_shown[-1]
    assert window.workshop is not None and window.workshop.path == demo_path.resolve()


def test_second_window_gets_read_only_view(
    window: MainWindow,
    qtbot,
    demo_path: Path,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    window.open_path(demo_path)
    other = MainWindow(QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    assert other.open_path(demo_path)
    assert other.workshop.read_only
    assert other.banner.isVisibleTo(other) and "already open" in other.banner.text()
    assert other.areas["overview"].ui.title_edit.isReadOnly()
    other.close_workshop()


def test_save_copy_and_restore_from_backup(
    window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    from facilitator.store import backups

    window.open_path(demo_path)
    copy = tmp_path / "copy.workshop"
    window.files.save_copy_to(copy)
    with Workshop(copy, read_only=True) as ws:
        assert ws.db["people"].count == 36
    ws = window.workshop
    snapshot = backups.take_backup(ws.db.conn, ws.path)
    area = window.areas["overview"]
    area.ui.venue_edit.setText("")
    area._set("venue", "Another venue")
    assert ws.info.details()["venue"] == "Another venue"
    window.files.restore_backup(snapshot)
    assert ws.info.details()["venue"] == "Hotel Sunrise Conference Centre"
    assert area.ui.venue_edit.text() == "Hotel Sunrise Conference Centre"
    assert window.undo_stack.count() == 0
    assert len(backups.list_backups(ws.path)) == 2  # the state before the restore is kept


def test_backups_are_taken_while_editing_not_when_idle(window: MainWindow, demo_path: Path) -> None:
    from facilitator.store import backups

    window.open_path(demo_path)
    window.files.maybe_backup()
    assert backups.list_backups(demo_path) == []  # nothing edited yet
    window.areas["overview"]._set("venue", "Conference Centre B", merge=False)
    window.files.maybe_backup()
    assert len(backups.list_backups(demo_path)) == 1
    window.areas["overview"]._set("venue", "Conference Centre C", merge=False)
    window.files.maybe_backup()
    assert len(backups.list_backups(demo_path)) == 1  # the last one is under 10 minutes old
    window.close_workshop()  # closing after edits keeps a final backup
    assert len(backups.list_backups(demo_path)) == 2


def test_open_recent_lists_previous_workshops(
    window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "second.workshop"
    other.write_bytes(demo_path.read_bytes())
    window.open_path(demo_path)
    window.open_path(other)
    window.menus.fill_recent()
    names = [a.text() for a in window.menus.recent_menu.actions()]
    assert names[:2] == ["second.workshop", "demo.workshop"]
    window.menus.recent_menu.actions()[1].trigger()
    assert window.workshop.path == demo_path.resolve()


def test_window_fits_a_small_laptop_screen(window: MainWindow, demo_path: Path) -> None:
    window.open_path(demo_path)
    for spec in AREAS:
        window.show_area(spec.key)
    assert window.minimumSizeHint().width() <= 1280
    window.resize(1280, 720)
    assert window.width() <= 1280


def test_welcome_page_opens_a_workshop(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    assert window.stack.currentWidget() is window.welcome
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(demo_path), ""))
    window.welcome.ui.open_button.click()
    assert window.workshop is not None and window.workshop.path == demo_path.resolve()
    assert window.current_area() is window.areas["overview"]


def test_menus_follow_the_registries_and_the_open_workshop(
    window: MainWindow, demo_path: Path
) -> None:
    from facilitator.ui.areas import ACTIONS

    def texts(title: str) -> list[str]:
        menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    assert [s.text for s in ACTIONS if s.menu == "File"] == [
        t for t in texts("&File") if t in {s.text for s in ACTIONS}
    ]
    view = [a.replace("&", "") for a in texts("&View")]
    assert view[: len(AREAS)] == [s.title for s in AREAS]
    assert all(not a.isEnabled() for a in window.menus.workshop_actions)
    assert not window.menus.export_menu.isEnabled()
    window.open_path(demo_path)
    assert all(a.isEnabled() for a in window.menus.workshop_actions)
    window.menus.export_menu.aboutToShow.emit()  # as when the user opens it
    groups = [a.text().replace("&", "") for a in window.menus.export_menu.actions()]
    assert groups == ["Agenda", "Participants", "Teams", "Polls", "Report"]  # areas' titles


def test_closing_the_workshop_stops_a_running_preview(
    window: MainWindow,
    qtbot,
    demo_path: Path,  # noqa: ANN001
) -> None:
    window.open_path(demo_path)
    report = window.show_area("report")
    report.output.preview()
    job = report.output.preview_job
    assert job.running
    ended: list[bool] = []
    job.thread.finished.connect(lambda: ended.append(True), Qt.ConnectionType.DirectConnection)
    window.close_workshop()  # the area is told to close before it is deleted
    assert ended == [True] and window.workshop is None  # its thread ended first


def test_closing_stops_every_job_before_it_deletes_a_widget(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every area open with its background work running, then the window closes at once.

    Deleting widgets while a job's thread still runs Python can deadlock the window, so
    no widget may be deleted while any job (an area's, or one of the window's own such as
    an export) still runs.
    """
    import threading

    import shiboken6

    import facilitator.ui.main_window as main_window
    from facilitator.ui.jobs import Job

    window.open_path(demo_path)
    for spec in AREAS:
        window.show_area(spec.key)  # the Report area starts its privacy scan
    started = threading.Event()

    def export_like(progress) -> None:  # noqa: ANN001 - a long job of the window's own
        started.set()
        while True:
            progress.check()
            threading.Event().wait(0.005)

    Job(window, "Writing…", export_like, dialog=False).start()
    assert started.wait(5)
    running_at_delete: list[str] = []
    delete = shiboken6.delete

    def checked_delete(widget) -> None:  # noqa: ANN001
        running = [job.label for job in list(Job._live) if job.thread.isRunning()]
        if running:
            running_at_delete.append(f"{widget.objectName()}: {running}")
        delete(widget)

    monkeypatch.setattr(main_window.shiboken6, "delete", checked_delete)
    window.close()
    assert running_at_delete == []
    assert window.workshop is None


def test_work_in_a_jobs_thread_connects_no_signal(demo_path: Path) -> None:
    """A job opens its own read-only workshop and reads every store: it makes no Qt object
    (whose making, connecting or deleting there could deadlock against the UI thread)."""
    import threading

    from facilitator.store.report import ReportStore  # noqa: F401 - loaded as a job would

    seen: dict[str, bool] = {}

    def work() -> None:
        with Workshop(demo_path, read_only=True) as ws:
            settings = ws.report.load_settings()
            ws.report.load_report(settings, anonymous=True)
            ws.privacy.engine()
            for name in ("agenda", "people", "teams", "notes", "merge", "info", "rows"):
                getattr(ws, name)
            seen["hub signals"] = ws.hub._signals is not None
            seen["writer"] = ws._writer is not None
            seen["integrity check"] = ws.integrity is not None

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert seen == {"hub signals": False, "writer": False, "integrity check": False}


def test_a_large_workshops_area_is_built_then_shown_on_the_next_turn(
    window: MainWindow,
    qtbot,  # noqa: ANN001
    demo_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Building an area of a large workshop and painting it are two stretches of work with
    a turn of the window's own between them; whatever the user asks for last is shown."""
    monkeypatch.setattr(Workshop, "is_large", property(lambda _ws: True))
    assert window.open_path(demo_path)
    overview = window.areas["overview"]
    assert window.current_area() is overview  # the one asked for, about to show
    assert not overview.isVisible()  # built, not shown yet
    qtbot.waitUntil(overview.isVisible, timeout=5000)
    assert window.stack.currentWidget() is overview
    assert window.nav.currentRow() == 0

    capture = window.show_area("capture")
    teams = window.show_area("teams")  # asked for before Capture showed
    assert window.current_area() is teams
    assert window.nav.currentRow() == [s.key for s in AREAS].index("teams")
    qtbot.waitUntil(teams.isVisible, timeout=5000)
    qtbot.wait(50)
    assert window.stack.currentWidget() is teams and not capture.isVisible()

    window.navigate("report", {})  # no request: shown on the next turn too
    assert window.current_area() is window.areas["report"]
    window.close_workshop()
    assert window.open_path(demo_path)
    note = window.workshop.query("SELECT id FROM notes ORDER BY id LIMIT 1")[0]["id"]
    window.navigate("capture", {"note_id": note})  # a request: shown at once, the note chosen
    capture = window.areas["capture"]
    assert capture.isVisible() and capture.notes.selected_ids() == [note]
    window.show_area("agenda")
    window.statusBar().showMessage("Generating teams…")
    window.close_workshop()  # before it showed: nothing shows on a closed file
    assert window.statusBar().currentMessage() == ""  # nothing said of the closed file
    qtbot.wait(50)
    assert window.workshop is None and window.areas == {}
    assert not window.errors_shown
