"""Each team sums up what it holds of what the teams are mixed by, and says what is off.

The demo's first exercise (round 1, four teams of eight, made by hand) is the known case:
Team 1 has four civil society people and no one from government, Team 3 is all government.
The summaries are counted with the engine's own fair-share rule, so what they mark as off is
what the engine's evaluation reports; they follow a move at once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain import teams as engine
from facilitator.ui.teams.area import TeamsArea
from facilitator.ui.teams.summary import quality, summarise_round

ROUND = "rnd_demo0"


# the demo with its teams dealt by hand, flaws and all, so that there is something to fix
pytestmark = pytest.mark.usefixtures("teams_dealt_by_hand")


def _area(qtbot, ctx) -> TeamsArea:  # noqa: ANN001
    area = TeamsArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    return area


def _summaries(ws):  # noqa: ANN001, ANN202
    tp = ws.teams.build_problem("tms_demo0")
    assignment = ws.teams.current_assignment(tp)
    return tp, assignment, summarise_round(tp.problem, "1", assignment["1"])


def test_the_demo_round_sums_up_each_team(workshop) -> None:  # noqa: ANN001
    _, _, summaries = _summaries(workshop)
    texts = {name: s.text for name, s in summaries.items()}
    assert texts == {
        "Team 1": "4 F / 4 M · 0 government / 4 civil society / 3 academia / 1 international"
        " · 8 countries · all speak EN",
        "Team 2": "4 F / 4 M · 3 government / 5 civil society · 8 countries"
        " · 7 of 8 speak EN, 1 with no shared language",
        "Team 3": "5 F / 3 M · 8 government / 0 civil society · 8 countries"
        " · 5 of 8 speak EN, 2 with no shared language",
        "Team 4": "3 F / 5 M · 6 government / 1 civil society / 1 international · 8 countries"
        " · 5 of 8 speak EN, 1 with no shared language",
    }
    off = {name: [p.text for p in s.off] for name, s in summaries.items()}
    assert off["Team 1"] == ["0 government", "4 civil society", "3 academia"]
    assert off["Team 3"] == [
        "5 F",
        "3 M",
        "8 government",
        "0 civil society",
        "2 with no shared language",
    ]
    tooltip = summaries["Team 1"].tooltip().splitlines()
    assert tooltip[0] == "0 government: expected 4–5 government per team"


def test_what_is_off_is_what_the_engine_charges_for(workshop) -> None:  # noqa: ANN001
    tp, assignment, summaries = _summaries(workshop)
    evaluation = engine.evaluate(tp.problem, assignment)
    for name, score in evaluation.team_scores["1"].items():
        outside = [r for r in score.reasons if "expected" in r]  # the band reasons
        marked = [
            p
            for line in summaries[name].lines
            if line.attribute != "language"
            for p in line.parts
            if p.off
        ]
        assert len(marked) == len(outside), name
        lonely = [r for r in score.reasons if "no working language" in r]
        language = next(line for line in summaries[name].lines if line.attribute == "language")
        said = [p.text for p in language.parts if p.off]
        assert said == ([f"{len(lonely)} with no shared language"] if lonely else []), name


def test_only_what_the_teams_are_mixed_by_is_summed_up(workshop) -> None:  # noqa: ANN001
    tp, assignment, _ = _summaries(workshop)
    teams = assignment["1"]
    only_role = summarise_round(tp.problem, "1", teams, attributes=["role"], languages=False)
    assert only_role["Team 1"].text == "4 participants / 4 speakers"
    assert [p.text for p in only_role["Team 1"].off] == ["4 participants", "4 speakers"]
    assert only_role["Team 4"].text == "7 participants / 1 speaker"
    # Without the shared-language goal, no language line.
    tp.problem.weights.language = 0
    assert "speak" not in summarise_round(tp.problem, "1", teams)["Team 1"].text


@pytest.mark.parametrize(
    ("notes", "broken", "teams", "text"),
    [
        (0, 0, 4, "Quality: very good — nothing to look at"),
        (1, 0, 4, "Quality: good — 1 thing to look at"),
        (4, 0, 4, "Quality: good — 4 things to look at"),
        (5, 0, 4, "Quality: fair — 5 things to look at"),
        (13, 0, 4, "Quality: poor — 13 things to look at"),
        (3, 2, 4, "Quality: needs fixing — 5 things to look at"),
    ],
)
def test_quality_in_words(notes: int, broken: int, teams: int, text: str) -> None:
    assert quality(notes, broken, teams).text == text


def test_the_columns_show_the_summaries_and_follow_a_move(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    board = area.board
    one, two = board.columns["tea_demo00"], board.columns["tea_demo01"]
    assert one.summary.text.startswith("4 F / 4 M · 0 government / 4 civil society")
    html = one.summary_label.text()
    assert '<b style="color:#A61B1B">4&nbsp;civil&nbsp;society</b>' in html  # off: in red
    assert "4&nbsp;F" in html and '<b style="color:#A61B1B">4&nbsp;F' not in html
    assert one.summary_label.isVisible()
    # Chea Sophal (a man from Cambodia, civil society) is carried to Team 2 with Ctrl+→.
    one.view.setFocus()
    one.view.setCurrentIndex(one.model.index(0))
    assert one.model.rows[0]["name"] == "Chea Sophal"
    qtbot.keyClick(one.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert one.summary.text == (
        "4 F / 3 M · 0 government / 3 civil society / 3 academia / 1 international"
        " · 7 countries · all speak EN"
    )
    assert [p.text for p in one.summary.off] == ["3 M", "0 government", "3 academia"]
    assert two.summary.text == (
        "4 F / 5 M · 3 government / 6 civil society · 8 countries, 2 from Cambodia"
        " · 8 of 9 speak EN, 1 with no shared language"
    )
    assert "2&nbsp;from&nbsp;Cambodia" in two.summary_label.text()
    assert "(7)" in one.name_label.text() and "(9)" in two.name_label.text()
    ctx.undo_stack.undo()
    assert one.summary.text.startswith("4 F / 4 M · 0 government / 4 civil society")
