"""Every key does one thing: the table read from the live window has no clash.

The table (``facilitator/ui/shortcuts.py``) is built from the real window with every area
built: menu actions, area actions, QShortcuts, Alt+letter mnemonics of buttons, field labels,
tabs and group boxes. Help ▸ Keyboard shortcuts shows the same table, and the README's
keyboard notes are checked against it. Then a few keys are pressed, as a user would.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from facilitator.ui import shortcuts
from facilitator.ui.areas import AREAS
from facilitator.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):  # noqa: ANN001, ANN201
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    assert w.open_path(demo_path)
    w.activateWindow()
    ran: list[bool] = []
    w.after_first_paint(lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)  # the first frame is up: menu keys answer
    yield w
    w.close_workshop()


def clashes_of(window: MainWindow) -> list[str]:
    return [shortcuts.describe(c) for c in shortcuts.clashes(shortcuts.collect_all(window))]


def test_no_two_things_answer_to_the_same_key(window: MainWindow) -> None:
    keys = shortcuts.collect_all(window)
    assert {k.group for k in keys} >= {"Window", *(s.title for s in AREAS)}
    assert all(k.what for k in keys), [k for k in keys if not k.what]
    assert clashes_of(window) == []


def test_the_table_holds_the_keys_that_used_to_clash(window: MainWindow) -> None:
    keys = {(k.group, k.keys, k.what) for k in shortcuts.collect_all(window)}
    assert ("Agenda", "Ctrl+N", "Add session") in keys
    assert ("Agenda", "Ctrl+Shift+N", "Add day") in keys
    assert not any(k == "Ctrl+N" and g == "Window" for g, k, _ in keys)  # not File ▸ New
    assert ("Capture", "Alt+S", "Session") in keys
    assert ("Capture", "Alt+M", "Team") in keys  # Alt+E is the Edit menu
    assert ("Capture", "Alt+P", "Prompt") in keys
    assert ("Window", "F1", "Keyboard shortcuts") in keys


def test_a_clash_is_found_where_both_can_answer(window: MainWindow) -> None:
    capture = window.show_area("capture")
    extra = QPushButton("&Sort", capture.context)  # Alt+S, beside the Session picker
    capture.context.layout().addWidget(extra)
    found = clashes_of(window)
    assert any("“Session”" in c and "“Sort”" in c for c in found), found
    extra.setText("Su&mmary")  # Alt+M: the Team picker's
    assert any("“Team”" in c and "“Summary”" in c for c in clashes_of(window))
    extra.setText("&Edit")  # Alt+E opens the Edit menu
    assert any("“Edit menu”" in c and "“Edit”" in c for c in clashes_of(window))
    extra.deleteLater()


def test_keys_on_different_pages_do_not_clash(window: MainWindow) -> None:
    capture = window.show_area("capture")
    page = capture.worksheet  # another tab than the note's Kind field (Alt+K)
    extra = QPushButton("&Kinds", page)
    assert not any("“Kinds”" in c for c in clashes_of(window))
    report = window.show_area("report")
    other_area = QPushButton("&Kinds", report)  # another area: never on screen together
    assert not any("“Kinds”" in c for c in clashes_of(window))
    extra.deleteLater()
    other_area.deleteLater()


def _dialog_forms() -> list[Path]:
    found = []
    for form in sorted((ROOT / "forms").glob("*.ui")):
        top = ET.parse(form).getroot().find("widget")
        if top is not None and top.get("class") == "QDialog":
            found.append(form)
    return found


@pytest.mark.parametrize("form", _dialog_forms(), ids=lambda f: f.stem)
def test_every_dialog_gives_each_letter_to_one_field(form: Path, qtbot) -> None:  # noqa: ANN001
    import importlib

    module = importlib.import_module(f"facilitator.ui.forms.ui_{form.stem}")
    cls = next(getattr(module, n) for n in dir(module) if n.startswith("Ui_"))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    cls().setupUi(dialog)
    keys = shortcuts.collect_window(dialog, form.stem)
    assert [shortcuts.describe(c) for c in shortcuts.clashes(keys)] == []


# -- pressing the keys ---------------------------------------------------------------------
def _answer_next_dialog(record: list[str]) -> None:
    """Close the next modal dialog as soon as it shows, noting its title."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        record.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(20, close)


def test_ctrl_n_adds_a_session_in_the_agenda(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    agenda = window.show_area("agenda")
    agenda.plan.timeline.setFocus()
    titles: list[str] = []
    _answer_next_dialog(titles)
    qtbot.keyClick(agenda.plan.timeline, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(titles), timeout=3000)
    assert "session" in titles[0].lower()


def test_capture_pickers_answer_alt_s_alt_m(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    capture = window.show_area("capture")
    ui = capture.context.ui
    for key, combo in ((Qt.Key.Key_M, ui.team_combo), (Qt.Key.Key_S, ui.session_combo)):
        capture.notes.input.setFocus()
        qtbot.keyClick(capture.notes.input, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is combo
    capture.notes.input.setFocus()
    qtbot.keyClick(capture.notes.input, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(capture.notes.ui.star_check.isChecked, timeout=2000)  # Alt+R: Star
    assert capture.notes.input.toPlainText() == ""  # and nothing was typed


# -- the help window -----------------------------------------------------------------------
def test_help_lists_every_area_and_finds_a_key(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    groups = {row[0] for row in dialog.shown_rows()}
    assert groups >= {"Window", *(s.title for s in AREAS), "Projector: session timer"}
    screen = window.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    qtbot.keyClicks(dialog.ui.search_edit, "ctrl+n")
    rows = dialog.shown_rows()
    assert ("Agenda", "Ctrl+N", "Add session", "") in rows
    assert all("ctrl+n" in " ".join(r).lower() for r in rows)
    dialog.ui.search_edit.clear()
    qtbot.keyClicks(dialog.ui.search_edit, "star")
    assert any(r[0] == "Capture" and r[2] == "Star" for r in dialog.shown_rows())
    qtbot.keyClick(dialog.ui.search_edit, Qt.Key.Key_Down)
    view = dialog.ui.keys_view
    assert dialog.focusWidget() is view and view.currentIndex().isValid()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_help_without_a_workshop_lists_the_window_keys(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from facilitator.ui.shortcuts_dialog import show_shortcuts

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    dialog = show_shortcuts(w)
    groups = {row[0] for row in dialog.shown_rows()}
    assert "Window" in groups and "Agenda" not in groups
    assert "Open a workshop" in dialog.ui.note_label.text()
    dialog.close()


# -- the README ---------------------------------------------------------------------------
ARROWS = {"↑": "Up", "↓": "Down", "←": "Left", "→": "Right"}
KEY_TOKEN = re.compile(r"\*\*((?:Ctrl|Alt|Shift|F\d|Del|Esc|Enter|Space)[^*]*)\*\*")
RANGE = re.compile(r"^(.*\+)(\d) … \1(\d)$")  # "Alt+1 … Alt+8"


def readme_keys(text: str) -> list[str]:
    """Keys written in bold in the README, one per key ("Ctrl+↑/↓" is Ctrl+Up and Ctrl+Down,
    "Alt+1 … Alt+8" eight keys)."""
    found: list[str] = []
    for token in KEY_TOKEN.findall(text):
        span = RANGE.match(token.strip())
        if span:
            prefix, first, last = span.groups()
            found += [f"{prefix}{n}" for n in range(int(first), int(last) + 1)]
            continue
        for part in token.split("/"):
            part = part.strip()
            if not part:
                continue
            if part in ARROWS:  # the second half of "Ctrl+↑/↓"
                prefix = found[-1].rsplit("+", 1)[0] + "+" if "+" in found[-1] else ""
                found.append(prefix + ARROWS[part])
                continue
            for arrow, name in ARROWS.items():
                part = part.replace(arrow, name)
            found.append(re.sub(r"\bEnter\b", "Return", part))
    return found


def test_readme_keyboard_notes_match_the_table(window: MainWindow) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = {k.match.lower() for k in shortcuts.collect_all(window)}
    table |= {QKeySequence(k.keys).toString().lower() for k in shortcuts.collect_all(window)}
    written = readme_keys(text)
    assert "Ctrl+N" in written and "F5" in written
    missing = [
        k
        for k in written
        if QKeySequence(k).toString().lower() not in table and k.lower() not in table
    ]
    assert missing == [], f"the README names keys the window does not answer to: {missing}"


def test_readme_is_checked_for_wrong_keys() -> None:
    assert readme_keys("**Ctrl+↑/↓** or **F5**, **Shift+Enter**, **Alt+1 … Alt+3**") == [
        "Ctrl+Up",
        "Ctrl+Down",
        "F5",
        "Shift+Return",
        "Alt+1",
        "Alt+2",
        "Alt+3",
    ]


def test_a_widget_declares_the_keys_it_handles(qtbot) -> None:  # noqa: ANN001
    holder = QWidget()
    qtbot.addWidget(holder)
    shortcuts.declare_keys(holder, ("Return", "Save"), ("Shift+Return", "New line"))
    keys = shortcuts.collect_window(holder, "Test")
    assert [(k.keys, k.what) for k in keys] == [("Return", "Save"), ("Shift+Return", "New line")]
