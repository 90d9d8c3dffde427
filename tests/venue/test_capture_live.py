"""Team answers typed on devices reach Capture's side-by-side worksheet grid live, through
the workshop's Changes, with no change to Capture: the grid refreshes the notes a change
names, and the server's write names the worksheet notes it mirrors into."""

from __future__ import annotations

from facilitator.store.venue import AnswerDocWrite
from facilitator.ui.capture.worksheet_panel import WorksheetPanel
from facilitator.venue.operations import SaveAnswerDocs
from facilitator.venue.worksheets import state_of


def test_capture_worksheet_grid_shows_a_team_answer_as_it_is_stored(qtbot, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    panel = WorksheetPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()  # the grid on screen follows the answers; a hidden one catches up when shown
    panel.fill_exercises()
    combo = panel.ui.exercise_combo
    combo.setCurrentIndex(combo.findData("exe_demo1"))
    model = panel.model
    assert model.exercise_id == "exe_demo1"
    team = model.teams[1]["id"]
    prompt = model.prompts[0]["id"]
    cell = model.index(0, 1)
    assert cell.data() in ("", None)
    for text in ("Regional fund", "Regional fund for youth work"):
        op = SaveAnswerDocs((AnswerDocWrite(team, prompt, state_of(text), text),))
        ws.writer.submit(op).result(5)
        qtbot.waitUntil(lambda text=text: model.index(0, 1).data() == text, timeout=2000)
    assert model.index(0, 0).data() in ("", None)  # the other team's cell is untouched
