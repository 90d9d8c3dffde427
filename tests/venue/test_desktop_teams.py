"""The desktop side of team worksheets and rapporteurs: the Team worksheets tab opens a round
(undoably), the Venue Wi-Fi dialog makes and revokes rapporteurs' keys with their QR code
and shows who is connected, and the worksheet projector shows every team's answer live."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from facilitator.domain.venue import hash_token
from facilitator.store.venue import AnswerDocWrite
from facilitator.ui.venue.area import PollsArea
from facilitator.venue.app import Presence
from facilitator.venue.operations import SaveAnswerDocs
from facilitator.venue.worksheets import state_of
from tests.venue.shots import keep_shot

ROUND = "rnd_demo0"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def area(qtbot, ctx) -> PollsArea:  # noqa: ANN001
    widget = PollsArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1110, 690)
    return widget


def _write(ws, team: str, prompt: str, text: str) -> None:  # noqa: ANN001
    state = state_of(text)
    ws.writer.submit(SaveAnswerDocs((AnswerDocWrite(team, prompt, state, text),))).result(5)


def test_the_team_worksheets_tab_opens_a_round_undoably_and_counts_answers(
    qtbot, qtmodeltester, area, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    ws = ctx.workshop
    tab = area.worksheets
    area.tabs.setCurrentWidget(tab)
    area.show()
    combo = tab.round_combo
    assert combo.count() == 2
    combo.setCurrentIndex(combo.findData("rnd_demo1"))  # its two teams have no answers yet
    assert tab.open_button.text() == "&Open for teams"
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert ws.venue.worksheet_round() == "rnd_demo1"
    qtbot.waitUntil(lambda: tab.open_button.text() == "C&lose for teams")
    assert "Venue Wi-Fi is off" in tab.status_label.text()
    qtmodeltester.check(tab.model)
    assert [r["name"] for r in tab.model.rows] == ["Team 1", "Team 2"]
    assert tab.model.index(1, 2).data() == "0 of 3"
    team = tab.model.rows[1]["id"]
    prompt = ws.notes.prompts("exe_demo1")[2]["id"]
    _write(ws, team, prompt, "A regional fund, pooled")
    qtbot.waitUntil(lambda: tab.model.index(1, 2).data() == "1 of 3")
    tab.model.set_devices({team: 3})
    assert tab.model.index(1, 1).data() == "3"
    area.grab().save(str(tmp_path / "venue-team-worksheets.png"))
    keep_shot(tmp_path / "venue-team-worksheets.png")
    ctx.undo_stack.undo()
    assert ws.venue.worksheet_round() is None
    qtbot.waitUntil(lambda: tab.open_button.text() == "&Open for teams")


def test_the_venue_dialog_makes_a_rapporteur_key_shows_its_code_and_who_is_connected(
    qtbot, qtmodeltester, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    from facilitator.ui.venue.dialog import VenueDialog

    dialog = VenueDialog(ctx)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    panel = dialog.rapporteurs
    qtmodeltester.check(panel.model)
    panel.ui.name_edit.setText("Amina (room B)")
    qtbot.mouseClick(panel.ui.add_button, Qt.MouseButton.LeftButton)
    (row,) = ctx.workshop.venue.rapporteurs()
    assert row["name"] == "Amina (room B)" and len(row["key"]) >= 30
    assert panel.selected()["id"] == row["id"]
    assert panel.ui.rapporteur_qr_label.pixmap().isNull()  # no server yet: no code
    ui.interface_combo.setCurrentIndex(ui.interface_combo.findData("127.0.0.1"))
    ui.port_spin.setValue(_free_port())
    qtbot.mouseClick(ui.start_button, Qt.MouseButton.LeftButton)
    c = dialog.controller
    try:
        assert c.running
        assert not panel.ui.rapporteur_qr_label.pixmap().isNull()
        assert c.rapporteur_url(row["key"]).endswith(f"/r/{row['key']}")
        ws = ctx.workshop
        device = ws.venue.join(hash_token("p" * 40))
        assert device
        c.presence_changed.emit(Presence(5, {"tea_x": 3, "tea_y": 2}, {row["id"]: 1}))
        text = ui.connected_label.text()
        assert "Team worksheets: 5 devices in 2 teams" in text
        assert "Rapporteurs connected: Amina (room B)" in text
        assert panel.model.index(0, 1).data() == "connected"
        dialog.resize(760, 700)
        dialog.grab().save(str(tmp_path / "venue-dialog-rapporteurs.png"))
        keep_shot(tmp_path / "venue-dialog-rapporteurs.png")
        qtbot.mouseClick(panel.ui.revoke_button, Qt.MouseButton.LeftButton)
        assert ws.venue.rapporteurs() == []
        qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    finally:
        qtbot.mouseClick(ui.stop_button, Qt.MouseButton.LeftButton)


def test_the_worksheet_projector_shows_every_teams_answer_to_one_prompt(
    qtbot, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    from facilitator.ui.venue.controller import controller_for
    from facilitator.ui.venue.worksheet_projector import WorksheetProjector, grid

    ws = ctx.workshop
    ws.info.set_setting("venue.worksheet_round", ROUND)
    view = WorksheetProjector(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    assert [c.name for c in view.cards] == ["Team 1", "Team 2", "Team 3", "Team 4"]
    assert view.prompt["text"] == "Target audience"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.prompt["text"] == "Key message"
    team = view.cards[2].team_id
    with qtbot.waitSignal(view.updated, timeout=3000):
        _write(ws, team, view.prompt["id"], "Violence is never private: call 1516")
    assert "call 1516" in view.cards[2].text
    view.grab().save(str(tmp_path / "venue-worksheet-projector.png"))
    keep_shot(tmp_path / "venue-worksheet-projector.png")
    controller = controller_for(ctx)
    controller.start("127.0.0.1", _free_port())
    try:
        qtbot.keyClick(view, Qt.Key.Key_C)
        assert view.codes
        assert controller.team_url(team).endswith(f"/j/{ws.venue.join_code()}/t/{team}")
        view.grab().save(str(tmp_path / "venue-team-codes.png"))
        keep_shot(tmp_path / "venue-team-codes.png")
    finally:
        controller.stop()
    assert grid(4, 1200, 500) == (2, 2) and grid(4, 1600, 300) == (4, 1)


def test_the_polls_area_says_who_is_connected(qtbot, area, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    row = ws.venue.add_rapporteur("Jon")
    c = area.controller
    c.start("127.0.0.1", _free_port())
    try:
        c.presence_changed.emit(Presence(4, {"tea_demo00": 3}, {row["id"]: 1}))
        qtbot.waitUntil(lambda: "rapporteurs: Jon" in area.server_label.text())
        assert "3 on team worksheets" in area.server_label.text()
    finally:
        c.stop()
    assert "Venue Wi-Fi is off" in area.server_label.text()
