"""Known errors become messages that name the file; bugs become a dialog and a log entry."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import logs
from facilitator.ui import errors
from facilitator.ui.jobs import Job, JobBug
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("FACILITATOR_LOG_DIR", str(folder))
    monkeypatch.setattr(logs, "_handler", None)
    yield folder
    root = logging.getLogger("facilitator")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    return w


def boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def close_boxes() -> None:
    for box in boxes():
        box.close()


def test_a_workshop_missing_a_table_is_a_message_and_stays_untouched(
    qtbot, window: MainWindow, demo_path: Path
) -> None:  # noqa: ANN001
    con = sqlite3.connect(demo_path)
    con.execute("DROP TABLE summaries")
    con.commit()
    con.close()
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    assert not window.open_path(demo_path)
    qtbot.waitUntil(lambda: bool(boxes()))
    text = boxes()[0].text()
    assert str(demo_path) in text and "table summaries" in text
    assert "Traceback" not in text and "Error(" not in text
    assert window.workshop is None
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    close_boxes()


def test_a_bug_in_a_slot_shows_a_dialog_and_logs_the_traceback(
    qtbot, window: MainWindow, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup()
    errors.install(window.errors)

    def broken() -> None:
        {}["no such key"]  # noqa: B018 - the bug

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(boxes()), timeout=3000)
    text = boxes()[0].text()
    assert "Something went wrong inside Facilitator (KeyError)" in text
    assert str(logs.log_path()) in text
    assert "Traceback" not in text
    logged = logs.log_path().read_text()
    assert "Traceback" in logged and "KeyError" in logged and "def broken" not in text
    close_boxes()


def test_a_bug_in_another_thread_reaches_the_window(
    qtbot, window: MainWindow, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup()
    errors.install(window.errors)
    t = threading.Thread(target=lambda: 1 / 0)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(boxes()), timeout=3000)
    assert "ZeroDivisionError" in boxes()[0].text()
    close_boxes()


def test_a_full_disk_is_a_known_error_not_a_bug() -> None:
    exc = OSError(28, "No space left on device", "/media/usb/report.pdf")
    message = errors.known_message(exc)
    assert message is not None and "/media/usb/report.pdf" in message and "full" in message
    assert errors.known_message(KeyError("x")) is None


def test_a_bug_inside_a_job_becomes_a_message_pointing_at_the_log(qtbot, log_dir: Path) -> None:  # noqa: ANN001
    logs.setup()

    def work(progress) -> None:  # noqa: ANN001
        progress(0.5)
        raise ValueError("broken")

    job = Job(None, "Laying out the report…", work, dialog=False)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    exc = blocker.args[0]
    assert isinstance(exc, JobBug)
    assert "Laying out the report failed" in str(exc) and str(logs.log_path()) in str(exc)
    assert "ValueError" in logs.log_path().read_text()


def test_cancel_stops_a_job_at_its_next_step(qtbot) -> None:  # noqa: ANN001
    steps: list[int] = []
    release = threading.Event()

    def work(progress) -> str:  # noqa: ANN001
        for i in range(1000):
            release.wait(1)
            progress(i / 1000)
            steps.append(i)
        return "finished"

    job = Job(None, "Counting…", work, dialog=False)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.start()
        job.cancel()
        release.set()
    assert len(steps) < 1000 and not job.running


def test_the_log_holds_no_participant_data(
    qtbot, window: MainWindow, demo_path: Path, log_dir: Path
) -> None:  # noqa: ANN001
    logs.setup()
    assert window.open_path(demo_path)
    window.close_workshop()
    text = logs.log_path().read_text() if logs.log_path().exists() else ""
    from facilitator.store.database import Workshop

    with Workshop(demo_path, read_only=True) as ws:
        names = [p["name"] for p in ws.people.people()]
    assert not [n for n in names if n in text]


def test_every_error_written_for_the_user_is_shown_as_written() -> None:
    """Errors of the domain, the importers and the planner are messages, not bug dialogs."""
    from facilitator.domain import teams
    from facilitator.domain.capture import KindConfigError
    from facilitator.exports import ExportError
    from facilitator.interchange.roster import RosterFileError
    from facilitator.interchange.teams_json import ProblemFileError

    for exc in (
        teams.InfeasibleProblem(["Team 2 cannot hold the 3 people pinned to it."]),
        RosterFileError("roster.ods: save it as .xlsx or .csv and import that."),
        ProblemFileError("problem.json", "people[3]", "expected a list."),
        ExportError("out.pdf: the folder is read-only."),
        KindConfigError("Kind 3: the prefix “r:” is used twice."),
        JobBug("Laying out the report failed…"),
    ):
        message = errors.known_message(exc)
        assert message is not None and "went wrong inside" not in message, exc
