"""The Teams area in plain words and from the keyboard.

The main screen says what a facilitator means (Mix by, In later rounds, Try again, Quality,
Fix, Freeze); the engine's weights and draw number wait behind Advanced (Alt+A). After a
generation the keyboard is on the first card, and people move between teams from there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QInputDialog,
    QLabel,
    QMenu,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.store import teams as store
from facilitator.store.tables import Table
from facilitator.ui.main_window import MainWindow
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.cards import PERSON_ROLE
from facilitator.ui.venue.charts import ensure_fonts

JARGON = re.compile(r"\b(seed|weights?|score|lock(ed)?|unlock|pin(ned)?|constraints?)\b", re.I)


# the demo with its teams dealt by hand, flaws and all, so that there is something to fix
pytestmark = pytest.mark.usefixtures("teams_dealt_by_hand")


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    return area


def _where(ws) -> dict[str, str]:  # noqa: ANN001
    teams = ws.teams.teams("rnd_demo0")
    return {m["person_id"]: m["team_id"] for m in ws.teams.members([t["id"] for t in teams])}


def _stored(ctx) -> dict:  # noqa: ANN001
    return ctx.workshop.rows.get(Table.TEAM_SETS, "tms_demo0")


def _shown_texts(area: QWidget) -> list[str]:
    """Every text the main screen shows: labels, buttons, combo entries."""
    texts = []
    for w in area.findChildren(QWidget):
        if not w.isVisibleTo(area):
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
    return [t for t in texts if t]


def test_the_main_screen_speaks_plainly(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    texts = _shown_texts(area)
    board = area.board
    col = board.columns["tea_demo00"]
    menu = board.card_menu(col, col.model.index(0))
    texts += [a.text() for a in menu.actions()]
    jargon = [t for t in texts if JARGON.search(t)]
    assert jargon == []
    plain = " ".join(t.replace("&", "") for t in texts)
    for words in (
        "Mix by:",
        "Country",
        "In later rounds:",
        "Keep people who met apart",
        "Try again",
        "Quality: needs fixing — ",
        "Freeze",
        "Advanced",
        "Fix Chea Sophal in Team 1",
        "Fix Chea Sophal in Team 1 in every round",
        "Rules",
    ):
        assert words in plain, words
    # The tooltips explain the two notions.
    assert "stay in it when teams are generated again" in col.freeze_button.toolTip()
    assert "they stay there when teams are generated again" in board.fix_action.toolTip()


def test_advanced_opens_and_closes_from_the_keyboard(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    criteria = area.criteria
    ui = criteria.ui
    spin = criteria.weight_spins["balance"]
    assert not ui.advanced_panel.isVisible() and not spin.isVisible()
    assert not ui.seed_spin.isVisible()
    area.runner.generate_button.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(ui.advanced_panel.isVisible)
    assert (
        ui.advanced_button.isChecked() and ui.advanced_button.arrowType() == Qt.ArrowType.DownArrow
    )
    assert ui.seed_spin.value() == 1  # the draw number
    # Tab from Advanced goes into it: the first goal's weight.
    ui.advanced_button.setFocus()
    qtbot.keyClick(ui.advanced_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is spin
    spin.selectAll()
    qtbot.keyClicks(spin, "20")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert store.criteria(_stored(ctx))["weights"] == {"balance": 20.0}
    ui.defaults_button.click()
    assert store.criteria(_stored(ctx))["weights"] == {} and spin.value() == 10.0
    qtbot.keyClick(area, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Draw number
    assert QApplication.focusWidget() is ui.seed_spin
    qtbot.keyClick(area, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not ui.advanced_panel.isVisible())
    assert not spin.isVisible()
    assert ctx.undo_stack.count() == 2  # the weight and the defaults, each one step


def test_mix_by_from_the_keyboard(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    area.runner.generate_button.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Country off
    qtbot.waitUntil(lambda: not area.criteria.balance_checks["country"].isChecked())
    assert store.criteria(_stored(ctx))["balance"] == ["sector", "gender"]
    col = area.board.columns["tea_demo00"]
    assert "countries" not in col.summary.text  # the summaries follow at once
    assert col.summary.text.startswith("4 F / 4 M · 0 government")


def test_after_generate_the_keyboard_is_on_the_first_card(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    board = area.board
    area.criteria.ui.effort_combo.setFocus()
    before = _where(ctx.workshop)
    last = list(board.columns.values())[-1].view
    last.scrollToBottom()
    assert last.verticalScrollBar().value() > 0
    qtbot.keyClick(area, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Generate teams
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1, timeout=120_000)
    assert _where(ctx.workshop) != before
    # Every team shows its first cards again.
    assert all(c.view.verticalScrollBar().value() == 0 for c in board.columns.values())
    first = next(iter(board.columns.values()))
    focus = QApplication.focusWidget()
    assert focus is first.view and not isinstance(focus, QDoubleSpinBox)
    assert first.view.currentIndex().row() == 0
    # The next key moves that person: Ctrl+M and a team's name.
    person = first.view.currentIndex().data(PERSON_ROLE)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Team 3", True))
    qtbot.keyClick(first.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    target = next(tid for tid, c in board.columns.items() if c.team_name == "Team 3")
    assert _where(ctx.workshop)[person] == target
    assert QApplication.focusWidget() is board.columns[target].view


def test_generate_says_the_quality_in_the_status_bar(qtbot, ctx, messages) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    area.runner.generate()
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1, timeout=120_000)
    assert messages[-1] == f"Teams generated. {area.scores.overall_label.text()}"
    assert messages[-1].startswith("Teams generated. Quality: ")


def test_try_again_takes_the_next_draw_in_one_undo_step(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    area.runner.generate()
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1, timeout=120_000)
    first = _where(ctx.workshop)
    qtbot.keyClick(area, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Try again
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 2, timeout=120_000)
    assert _stored(ctx)["seed"] == 2
    assert area.criteria.ui.seed_spin.value() == 2
    assert _where(ctx.workshop) != first
    assert ctx.undo_stack.undoText() == "Try again"
    ctx.undo_stack.undo()
    assert _stored(ctx)["seed"] == 1 and _where(ctx.workshop) == first
    assert area.criteria.ui.seed_spin.value() == 1


def test_arrows_go_from_team_to_team(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    cols = list(area.board.columns.values())
    cols[0].view.setFocus()
    cols[0].view.setCurrentIndex(cols[0].model.index(5))
    qtbot.keyClick(cols[0].view, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is cols[1].view
    assert cols[1].view.currentIndex().row() == 5  # the same place in the next team
    qtbot.keyClick(cols[1].view, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is cols[0].view
    qtbot.keyClick(cols[0].view, Qt.Key.Key_Left)  # the first team: it stays
    assert QApplication.focusWidget() is cols[0].view
    # Ctrl+→ carries the person, and the keyboard stays with them.
    person = cols[0].view.currentIndex().data(PERSON_ROLE)
    qtbot.keyClick(cols[0].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _where(ctx.workshop)[person] == cols[1].team_id
    assert QApplication.focusWidget() is cols[1].view
    assert cols[1].view.currentIndex().data(PERSON_ROLE) == person
    qtbot.keyClick(cols[1].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _where(ctx.workshop)[person] == cols[2].team_id
    assert ctx.undo_stack.count() == 2 and ctx.undo_stack.undoText().startswith("Move ")


# A real popup menu on the offscreen platform: it cannot grab the keyboard or raise itself.
@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")
def test_the_menu_key_opens_the_focused_cards_menu(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    shown: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append([a.text() for a in menu.actions()])
            menu.close()

    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(read_and_close)
    closer.start()

    col = area.board.columns["tea_demo01"]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(2))
    name = col.model.rows[2]["name"]
    # The menu key (the platform asks for the menu at the mouse pointer, anywhere in the
    # list), then Shift+F10, which the cards answer themselves.
    for press in (
        lambda: col.view.customContextMenuRequested.emit(col.view.rect().bottomRight()),
        lambda: qtbot.keyClick(col.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        count = len(shown)
        QTimer.singleShot(0, press)
        qtbot.waitUntil(lambda n=count: len(shown) > n, timeout=3000)
    closer.stop()
    assert shown[0][0] == f"Fix {name} in Team 2\tCtrl+L"
    assert shown[1] == shown[0]


def test_fixed_in_every_round_is_unfixed_from_the_same_menu(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo02"]
    name = col.model.rows[0]["name"]
    menu = board.card_menu(col, col.model.index(0))
    next(a for a in menu.actions() if a.text() == f"Fix {name} in Team 3 in every round").trigger()
    assert len(ctx.workshop.teams.constraints("tms_demo0")) == 1
    assert col.notes_label.isVisible()
    menu = board.card_menu(col, col.model.index(0))
    unfix = next(a for a in menu.actions() if a.text() == f"Unfix {name} in every round")
    unfix.trigger()
    assert ctx.workshop.teams.constraints("tms_demo0") == []
    assert ctx.undo_stack.undoText() == "Unfix in every round"


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):  # noqa: ANN001, ANN201
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    assert w.open_path(demo_path)
    yield w
    w.close_workshop()


def test_the_area_at_1280_by_720(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    """Rendered as a user sees it (the PNGs are kept in the test's folder)."""
    area = window.show_area("teams")
    QApplication.processEvents()

    def card_tops() -> set[int]:
        return {
            c.view.mapTo(window, c.view.rect().topLeft()).y() for c in area.board.columns.values()
        }

    window.grab().save(str(tmp_path / "teams.png"))
    assert window.width() == 1280
    for col in area.board.columns.values():
        label = col.summary_label
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width())
        right = label.mapTo(window, label.rect().topRight()).x()
        assert right < area.scores.mapTo(window, area.scores.rect().topLeft()).x()
        room = col.room_edit  # "Breakout room A" is read whole, not "Breakout roo"
        assert room.text().startswith("Breakout room ")
        assert room.fontMetrics().horizontalAdvance(room.text()) + 12 < room.width()
    assert area.hint_label.isVisible() and "Ctrl+M" in area.hint_label.text()
    # Mixed by gender alone, summaries take one or two lines ("… · all speak EN", "… · 5 of
    # 8 speak EN, 2 with no shared language"): every team's cards still start at one height.
    for attr in ("country", "sector"):
        area.criteria.balance_checks[attr].setChecked(False)
    columns = area.board.columns.values()
    qtbot.waitUntil(lambda: all("countries" not in c.summary.text for c in columns))

    def needed(label: QLabel) -> int:
        """The height a summary's text takes at its width, set in a fresh label."""
        probe = QLabel()
        probe.setWordWrap(True)
        probe.setText(label.text())
        return probe.heightForWidth(label.width())

    def lines(col) -> int:  # noqa: ANN001
        label = col.summary_label
        box = label.fontMetrics().boundingRect(
            QRect(0, 0, label.width(), 1000), Qt.TextFlag.TextWordWrap, col.summary.text
        )
        return box.height() // label.fontMetrics().lineSpacing()

    assert len({lines(c) for c in columns}) > 1  # one line here, two there
    labels = [c.summary_label for c in columns]
    # Every summary as tall as the tallest needs (no taller): the cards start at one height.
    tallest = max(needed(label) for label in labels)
    qtbot.waitUntil(lambda: {label.height() for label in labels} == {tallest})
    assert len(card_tops()) == 1
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "teams-gender-only.png"))
    assert area.criteria.ui.effort_label.text() == "Search:"
    exercise = area.picker.ui.exercise_combo  # the exercise's name is read whole
    title = "Design a prevention campaign"
    assert exercise.currentText().startswith(title)
    assert exercise.width() > exercise.fontMetrics().horizontalAdvance(title) + 30
    assert area.criteria.ui.effort_combo.currentText() == "Thorough"
    area.criteria.show_advanced(True)
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "teams-advanced.png"))
    assert window.width() == 1280
    ui = area.criteria.ui
    for button in (ui.defaults_button, ui.advanced_button, area.runner.generate_button):
        right = button.mapTo(window, button.rect().topRight()).x()
        assert button.isVisible() and right <= window.width()
    spins = list(area.criteria.weight_spins.values())
    assert all(s.isVisible() for s in spins)
    first_card = next(iter(area.board.columns.values())).view
    assert first_card.height() > 150  # room for cards with Advanced open


def test_a_cards_menu_freezes_its_team_and_the_keyboard_stays(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    board = area.board
    col = board.columns["tea_demo01"]
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(3))
    person = col.model.rows[3]["person_id"]
    menu = board.card_menu(col, col.model.index(3))
    freeze = next(a for a in menu.actions() if a.text() == "&Freeze Team 2")
    freeze.trigger()
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo01")["locked"] == 1
    col = board.columns["tea_demo01"]
    assert col.freeze_button.text() == "Frozen" and col.freeze_button.isChecked()
    assert QApplication.focusWidget() is col.view
    assert col.view.currentIndex().data(PERSON_ROLE) == person
    menu = board.card_menu(col, col.model.index(0))
    assert "Un&freeze Team 2" in [a.text() for a in menu.actions()]
    ctx.undo_stack.undo()
    assert ctx.workshop.rows.get(Table.TEAMS, "tea_demo01")["locked"] == 0
    assert board.columns["tea_demo01"].freeze_button.text() == "Freeze"


def _inked(image: QImage) -> QImage:
    """The part of an image that holds text (the text is centred in its row)."""
    white = QColor(Qt.GlobalColor.white).rgb()
    ink = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) != white
    ]
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    return image.copy(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_a_note_with_a_thai_name_shows_all_its_lines(qtbot, ctx) -> None:  # noqa: ANN001
    """Each thing to look at is drawn whole in its row: what the row shows is what it would
    show with all the room it wants (a taller Thai line once cut the last line to "…")."""
    ensure_fonts()  # the bundled Thai and Khmer faces, as the area loads them
    area = _area(qtbot, ctx)
    view = area.scores.issues_view
    area.scores.model.set_rows(
        [
            ("Team 1: ปริญญา ศรีสุข shares no working language with the team", False),
            ("Team 2: សុខ ចាន់ដារ៉ា shares no working language with the team", False),
            ("Team 3: Agus Santoso shares no working language with the team", False),
        ]
    )
    QApplication.processEvents()
    delegate = view.itemDelegate()

    def drawn(index, rect: QRect, height: int) -> QImage:  # noqa: ANN001
        image = QImage(rect.width(), height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = QRect(0, 0, rect.width(), height)
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        return _inked(image)

    for row in range(area.scores.model.rowCount()):
        index = area.scores.model.index(row)
        rect = view.visualRect(index)
        assert rect.height() > view.fontMetrics().height() * 1.5  # wrapped onto two lines
        assert drawn(index, rect, rect.height()) == drawn(index, rect, rect.height() + 80), row
