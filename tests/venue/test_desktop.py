"""The desktop side: the Polls area, its dialogs, the Venue Wi-Fi dialog and the projector,
driven as a facilitator would, with phones' writes arriving through the writer."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from facilitator.domain.venue import hash_token
from facilitator.store.tables import Table
from facilitator.ui.areas import ACTIONS, AREAS
from facilitator.ui.venue.area import PollsArea
from facilitator.ui.venue.dialogs import EvaluationDialog, EvaluationDraft, PollDialog
from facilitator.venue.operations import AskQuestion, SubmitAnswer, SubmitEvaluation
from tests.venue.phones import add_evaluation, add_poll


@pytest.fixture
def area(qtbot, ctx) -> PollsArea:  # noqa: ANN001
    widget = PollsArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1110, 690)
    return widget


def phones(ws, n: int) -> list[str]:  # noqa: ANN001
    return [ws.venue.join(hash_token(f"phone-token-{i:030d}")) for i in range(n)]


def test_the_area_and_its_actions_are_registered() -> None:
    keys = [a.key for a in AREAS]
    assert keys.index("polls") == keys.index("capture") + 1
    texts = {a.text: a for a in ACTIONS}
    assert texts["Venue Wi-Fi…"].menu == "View"
    assert texts["Projector: polls and questions"].shortcut == "F7"


def test_a_poll_runs_live_and_phones_answers_show_up(qtbot, qtmodeltester, area, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    session = ws.venue.qa_session()
    prepared = len(ws.venue.polls())  # the demo's drafts
    pid = add_poll(ws, session, "single", ["Yes", "No"], "Agreed?", open_it=False)
    qtbot.waitUntil(lambda: area.polls.polls_model.rowCount() == prepared + 1)
    qtmodeltester.check(area.polls.polls_model)
    row = area.polls.polls_model.row_of(pid)
    area.polls.polls_view.selectRow(row)
    assert (
        area.polls.poll_buttons["open"].isEnabled()
        and not area.polls.poll_buttons["close"].isEnabled()
    )
    qtbot.mouseClick(area.polls.poll_buttons["open"], Qt.MouseButton.LeftButton)
    assert ws.venue.poll(pid)["state"] == "open"
    yes = ws.venue.options(pid)[0]["id"]
    for device in phones(ws, 3):
        ws.writer.submit(SubmitAnswer(pid, device, yes)).result(5)
    qtbot.waitUntil(lambda: area.polls.polls_model.rows[row]["answers"] == 3)
    assert area.polls.poll_chart.results is not None
    assert [b.value for b in area.polls.poll_chart.results.bars] == [3, 0]
    qtbot.mouseClick(area.polls.poll_buttons["reveal"], Qt.MouseButton.LeftButton)
    assert ws.venue.poll(pid)["revealed"] == 1
    assert area.polls.poll_buttons["reveal"].text() == "Hide results"
    ctx.undo_stack.undo()  # hide again
    ctx.undo_stack.undo()  # not open any more
    assert ws.venue.poll(pid)["state"] == "draft" and ws.venue.poll(pid)["revealed"] == 0
    assert len(ws.venue.values(pid)) == 3  # answers are never undone by the facilitator


def test_opening_a_poll_closes_the_one_that_was_open_in_one_undo_step(area, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    s = ws.venue.qa_session()
    first = add_poll(ws, s, "scale", [], "First?")
    second = add_poll(ws, s, "scale", [], "Second?", open_it=False)
    area.polls.reload()
    area.polls.polls_view.selectRow(area.polls.polls_model.row_of(second))
    area.polls.poll_live("open")
    assert (ws.venue.poll(first)["state"], ws.venue.poll(second)["state"]) == ("closed", "open")
    ctx.undo_stack.undo()
    assert (ws.venue.poll(first)["state"], ws.venue.poll(second)["state"]) == ("open", "draft")


def test_a_poll_that_cannot_be_answered_is_not_opened(area, ctx, monkeypatch) -> None:  # noqa: ANN001
    ws = ctx.workshop
    pid = add_poll(ws, None, "single", ["Only one"], "Pick", open_it=False)
    shown: list[str] = []
    monkeypatch.setattr(
        "facilitator.ui.venue.polls_tab.QMessageBox.information", lambda *a: shown.append(a[2])
    )
    area.polls.reload()
    area.polls.polls_view.selectRow(area.polls.polls_model.row_of(pid))
    area.polls.poll_live("open")
    assert ws.venue.poll(pid)["state"] == "draft"
    assert shown == ["It needs at least 2 options."]


def test_the_poll_dialog_makes_and_edits_polls_keeping_option_ids(qtbot, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    dialog = PollDialog(ws, None, ws.venue.qa_session())
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.question_edit.setText("  Which   first? ")
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData("single"))
    ui.options_edit.setPlainText("Funding\n\nYouth\nFunding")
    dialog._accept()
    assert dialog.draft is None and "same text" in ui.error_label.text()
    ui.options_edit.setPlainText("Funding\nYouth\nMedia")
    dialog._accept()
    assert dialog.draft is not None
    assert dialog.draft.values["question"] == "Which first?"
    assert [o["text"] for o in dialog.draft.options] == ["Funding", "Youth", "Media"]
    pid = add_poll(ws, None, "single", ["Funding", "Youth", "Media"], "Which first?")
    old = {o["text"]: o["id"] for o in ws.venue.options(pid)}
    edit = PollDialog(ws, pid)
    qtbot.addWidget(edit)
    edit.ui.options_edit.setPlainText("Youth groups\nFunding\nSport")
    edit._accept()
    ids = {o["text"]: o["id"] for o in edit.draft.options}
    assert ids["Funding"] == old["Funding"]  # same text, same option
    assert ids["Youth groups"] == old["Youth"]  # reworded: the first line left over
    assert ids["Sport"] == old["Media"]
    edit.ui.options_edit.setPlainText("Funding\nYouth\nMedia\nSport")
    edit._accept()
    assert [o["id"] for o in edit.draft.options] == [
        old["Funding"],
        old["Youth"],
        old["Media"],
        None,
    ]


def test_dot_voting_offers_the_workshops_recommendations(qtbot, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    recs = ws.venue.recommendations()
    assert recs, "the demo has recommendations"
    dialog = PollDialog(ws)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.question_edit.setText("What matters most?")
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData("dots"))
    assert not ui.options_edit.isVisibleTo(dialog) and ui.recommendations_list.isVisibleTo(dialog)
    assert ui.recommendations_list.count() == len(recs)
    ui.recommendations_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    ui.dots_spin.setValue(5)
    dialog._accept()
    assert dialog.draft is not None
    assert [o["note_id"] for o in dialog.draft.options] == [r["id"] for r in recs[1:]]
    assert dialog.draft.values["dots"] == 5


def test_questions_are_moderated_and_their_notes_follow(qtbot, qtmodeltester, area, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    session = ws.venue.qa_session()
    a, b, c = phones(ws, 3)
    q1 = ws.writer.submit(AskQuestion(session, a, "Who pays?")).result(5).value
    q2 = ws.writer.submit(AskQuestion(session, b, "Who funds it?")).result(5).value
    ws.venue.vote(q2, c)
    area.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: area.questions.questions_model.rowCount() == 2)
    qtmodeltester.check(area.questions.questions_model)
    assert area.questions.questions_model.rows[0]["id"] == q2  # most votes first

    def notes() -> list[str]:
        return [n["text"] for n in ws.notes.notes_for(session) if n["kind"] == "question"]

    assert notes() == ["Who pays?", "Who funds it?"]
    area.questions.questions_view.selectRow(area.questions.questions_model.row_of(q1))
    area.questions.hide_question()
    assert ws.venue.question(q1)["hidden"] == 1 and notes() == ["Who funds it?"]
    ctx.undo_stack.undo()
    assert ws.venue.question(q1)["hidden"] == 0 and sorted(notes()) == [
        "Who funds it?",
        "Who pays?",
    ]
    area.questions.reload()
    view = area.questions.questions_view
    view.clearSelection()
    for qid in (q2, q1):
        view.selectionModel().select(
            area.questions.questions_model.index(area.questions.questions_model.row_of(qid), 0),
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )
    area.questions.merge_questions()
    assert ws.venue.question(q1)["merged_into"] == q2
    votes = {r["id"]: r["votes"] for r in ws.venue.questions(session)}
    assert votes[q2] == 3  # b asked, c voted, a's question joined it
    assert notes() == ["Who funds it?"]
    area.questions.reload()
    view.selectRow(area.questions.questions_model.row_of(q2))
    area.questions.project_question()
    assert ws.venue.selected_question() == q2
    area.questions.mark_answered()
    assert ws.venue.question(q2)["answered"] == 1


def test_questions_can_be_taken_for_a_chosen_session_or_not_at_all(area, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    other = ws.notes.sessions()[3]["id"]
    combo = area.questions.qa_combo
    area.questions._qa_chosen(combo.findData(other))
    assert ws.venue.qa_session() == other
    area.questions._qa_chosen(combo.findData(""))
    assert ws.venue.qa_session() is None
    ctx.undo_stack.undo()
    assert ws.venue.qa_session() == other


def test_evaluations_from_templates_and_a_pre_post_pair(
    qtbot, qtmodeltester, area, ctx, monkeypatch
) -> None:  # noqa: ANN001
    ws = ctx.workshop
    monkeypatch.setattr(
        "facilitator.ui.venue.evaluations_tab.edit_evaluation",
        lambda ws, eid, preset, parent: preset,
    )
    prepared = len(ws.venue.evaluations())  # the demo's day and final evaluations
    area.evaluations.new_evaluation("pre")
    assert area.evaluations.evals_model.rowCount() == prepared + 1
    qtmodeltester.check(area.evaluations.evals_model)
    pre = area.evaluations.current_evaluation()
    assert ws.venue.evaluation(pre)["kind"] == "pre"
    area.evaluations.new_post_test()
    post = area.evaluations.current_evaluation()
    row = ws.venue.evaluation(post)
    assert (row["kind"], row["pair_id"]) == ("post", pre)
    assert [q["text"] for q in ws.venue.eval_questions(post)] == [
        q["text"] for q in ws.venue.eval_questions(pre)
    ]
    area.evaluations.evaluation_state("open")
    assert ws.venue.evaluation(post)["state"] == "open"
    q = ws.venue.eval_questions(post)[0]["id"]
    device = phones(ws, 1)[0]
    ws.writer.submit(SubmitEvaluation(post, device, {q: 4})).result(5)
    qtbot.waitUntil(
        lambda: (
            area.evaluations.evals_model.rows[area.evaluations.evals_model.row_of(post)][
                "responses"
            ]
            == 1
        )
    )


def test_the_evaluation_dialog_edits_questions(qtbot, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    preset = EvaluationDraft({"title": "", "kind": "day", "day_id": None}, [])
    dialog = EvaluationDialog(ws, None, preset)
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.draft is None and "title" in dialog.ui.error_label.text()
    dialog.ui.title_edit.setText("Day 1")
    dialog._accept()
    assert dialog.draft is None and "question" in dialog.ui.error_label.text()
    row = dialog.model.add("scale5", "Useful?")
    dialog.model.setData(dialog.model.index(row, 1), "scale10")
    dialog.model.add("text", "Comments?")
    dialog.model.move(1, -1)
    dialog._accept()
    assert dialog.draft is not None
    assert [(q["kind"], q["text"]) for q in dialog.draft.questions] == [
        ("text", "Comments?"),
        ("scale10", "Useful?"),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_venue_dialog_starts_shows_the_code_closes_the_room_and_stops(
    qtbot, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    from facilitator.ui.venue.dialog import VenueDialog

    dialog = VenueDialog(ctx)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.interface_combo.setCurrentIndex(ui.interface_combo.findData("127.0.0.1"))
    ui.port_spin.setValue(_free_port())
    qtbot.mouseClick(ui.start_button, Qt.MouseButton.LeftButton)
    c = dialog.controller
    try:
        assert c.running and c.host == "127.0.0.1"
        code = ctx.workshop.venue.join_code()
        assert f"/j/{code}" in ui.url_label.text() and code in ui.code_label.text()
        assert not ui.qr_label.pixmap().isNull()
        dialog.resize(760, 460)
        dialog.grab().save(str(tmp_path / "venue-dialog.png"))
        qtbot.mouseClick(ui.rotate_button, Qt.MouseButton.LeftButton)
        assert ctx.workshop.venue.join_code() != code
        assert ctx.workshop.venue.join_code() in ui.url_label.text()
        qtbot.mouseClick(ui.room_button, Qt.MouseButton.LeftButton)
        assert not c.server.hub.open and ui.room_button.text() == "&Open the room"
        qtbot.mouseClick(ui.room_button, Qt.MouseButton.LeftButton)
        assert c.server.hub.open
        ui.named_check.setChecked(True)
        assert ctx.workshop.venue.named() is True
        ctx.undo_stack.undo()
        assert ctx.workshop.venue.named() is False and not ui.named_check.isChecked()
    finally:
        qtbot.mouseClick(ui.stop_button, Qt.MouseButton.LeftButton)
    assert not c.running and ui.start_button.isEnabled()


def test_the_projector_shows_the_join_code_the_results_and_the_question(
    qtbot, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    from facilitator.ui.venue.projector import VenueProjector

    ws = ctx.workshop
    session = ws.venue.qa_session()
    pid = add_poll(ws, session, "words", [], "One word?")
    view = VenueProjector(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    assert view.join_title.text() == "Venue Wi-Fi is off"
    devices = phones(ws, 4)
    with qtbot.waitSignal(view.updated, timeout=2000):
        for d, words in zip(
            devices, (["trust"], ["Trust", "jobs"], ["ត្រាស"], ["ความไว้วางใจ"]), strict=True
        ):
            ws.writer.submit(SubmitAnswer(pid, d, words)).result(5)
    assert view.poll_title.text() == "One word?"
    assert view.chart.hidden and view.chart.results.responses == 4
    ws.venue.set_poll_fields(pid, {"revealed": 1})
    qtbot.waitUntil(lambda: not view.chart.hidden)
    assert view.chart.results.words[0] == ("trust", 2)
    qid = ws.venue.add_question(session, devices[0], "Who pays?")
    ws.info.set_setting("venue.selected_question", qid)
    qtbot.waitUntil(lambda: view.question.text() == "Who pays?")
    view.grab().save(str(tmp_path / "projector.png"))
    ws.venue.moderate(qid, {"hidden": 1})
    qtbot.waitUntil(lambda: view.question_panel.isHidden())


def test_the_area_renders_at_laptop_size(qtbot, area, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    ws = ctx.workshop
    session = ws.venue.qa_session()
    add_poll(ws, session, "ranking", ["A", "B", "C"], "Order?")
    add_evaluation(ws, [("scale5", "Useful?")])
    area.show()
    for i in range(3):
        area.tabs.setCurrentIndex(i)
        image = area.grab()
        assert (image.width(), image.height()) == (1110, 690)
        image.save(str(tmp_path / f"polls-{i}.png"))
    assert ws.rows.get(Table.VENUE_POLLS, ws.venue.polls()[0]["id"]) is not None


def test_the_demo_comes_with_draft_polls_and_evaluations_ready_to_open(workshop) -> None:  # noqa: ANN001
    from facilitator.domain.venue import poll_problems

    polls = workshop.venue.polls()
    kinds = {p["kind"] for p in polls}
    assert {"single", "multiple", "scale", "words", "dots"} <= kinds
    for poll in polls:
        assert poll["state"] == "draft" and poll["session_id"]  # nothing on a phone yet
        assert poll_problems(workshop.venue.spec(poll["id"])) == []  # each opens as it is
    dots = next(p for p in polls if p["kind"] == "dots")
    options = workshop.venue.options(dots["id"])
    assert [o["note_id"] for o in options] == [r["id"] for r in workshop.venue.recommendations()]
    evaluations = workshop.venue.evaluations()
    assert [e["kind"] for e in evaluations] == ["day", "final"]
    assert all(e["state"] == "draft" for e in evaluations)
    for e in evaluations:
        kinds = {q["kind"] for q in workshop.venue.eval_questions(e["id"])}
        assert "text" in kinds and kinds & {"scale5", "scale10"}
