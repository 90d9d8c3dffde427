"""The projector views print through the privacy guard when privacy is on, and the teams
projector shows beside each name what the printed team lists show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from facilitator.domain.privacy import Choice
from facilitator.edits.privacy import decide
from facilitator.store.tables import Table
from facilitator.ui.report.privacy_model import team_list_findings
from facilitator.ui.teams.projector import TeamsProjector
from facilitator.ui.venue.projector import VenueProjector
from tests.venue.phones import add_poll

TEAM = "tea_demo00"


def _workshop(ws, **values) -> None:  # noqa: ANN001
    with ws.operation():
        ws.info.set_details(values)


def _teams(qtbot, ctx) -> TeamsProjector:  # noqa: ANN001
    view = TeamsProjector(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def _panel_texts(view: TeamsProjector) -> list[list[str]]:
    return [[label.text() for label in p.findChildren(QLabel)] for p in view.panels]


def _name_team(ctx) -> None:  # noqa: ANN001
    with ctx.workshop.operation():
        ctx.workshop.rows.update(
            Table.TEAMS, TEAM, {"name": "Ms. Lestari's team", "room": "Office of Dana Omarova"}
        )


def test_teams_projector_withholds_names_in_team_names_and_rooms(qtbot, ctx, tmp_path) -> None:  # noqa: ANN001
    _name_team(ctx)
    view = _teams(qtbot, ctx)  # the demo is under the Chatham House Rule
    head, room, names = _panel_texts(view)[0]
    assert head == "[name withheld]'s team" and room == "Office of [name withheld]"
    assert "Lestari" not in view.title.text() + head + room
    # The members are the list itself and stay named, with what the printed lists show.
    members = ctx.workshop.teams.members([TEAM])
    first = members[0]
    assert f"{first['name']}<br><span" in names and first["organisation"][:15] in names
    qtbot.wait(50)  # the panels of the first layout are gone
    image = view.grab()
    image.save(str(tmp_path / "teams-projector.png"))
    assert image.width() == 1280  # the details never widen the view past the screen


def test_a_decision_in_the_privacy_check_holds_on_the_projector(qtbot, ctx) -> None:  # noqa: ANN001
    _name_team(ctx)
    hits = [f for f in team_list_findings(ctx.workshop) if f.hit.text == "Ms. Lestari"]
    assert hits and hits[0].source.key == f"{TEAM}/name"  # the key the printed lists use
    ctx.push(decide(ctx.workshop, Choice.KEEP, hits=hits))
    view = _teams(qtbot, ctx)
    assert _panel_texts(view)[0][:2] == ["Ms. Lestari's team", "Office of [name withheld]"]
    ctx.undo_stack.undo()  # the projector follows the edit
    assert _panel_texts(view)[0][0] == "[name withheld]'s team"


def test_teams_projector_follows_lists_show(qtbot, ctx) -> None:  # noqa: ANN001
    ws = ctx.workshop
    _name_team(ctx)
    _workshop(ws, chatham_house=0, privacy="full")
    view = _teams(qtbot, ctx)
    first = ws.teams.members([TEAM])[0]
    head, room, names = _panel_texts(view)[0]
    assert head == "Ms. Lestari's team"  # privacy off: printed as written
    # the member with the shortest organisation: shown whole, with the country
    last = min(ws.teams.members([TEAM]), key=lambda m: len(m["organisation"] + m["country"]))
    assert f"{last['organisation']} · {last['country']}" in names
    _workshop(ws, privacy="name_org")  # the view follows the change
    head, room, names = _panel_texts(view)[0]
    assert head == "[name withheld]'s team"
    assert last["organisation"] in names and f"· {last['country']}" not in names
    _workshop(ws, privacy="none")
    names = _panel_texts(view)[0][2]
    assert first["name"] in names.splitlines() and first["organisation"][:15] not in names


def _venue(qtbot, ctx) -> VenueProjector:  # noqa: ANN001
    view = VenueProjector(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def _poll_and_question(ctx) -> str:  # noqa: ANN001
    ws = ctx.workshop
    session = ws.venue.qa_session()
    pid = add_poll(ws, session, "single", ["Dewi Lestari's plan", "A new plan"], "Ms. Lestari?")
    ws.venue.set_poll_fields(pid, {"revealed": 1})
    device = ws.venue.join("f" * 64)
    with ws.operation():
        ws.info.set_setting("venue.named", True)
    qid = ws.venue.add_question(session, device, "Ms Omarova, who pays for it?", author="Dana")
    with ws.operation():
        ws.info.set_setting("venue.selected_question", qid)
    return qid


def test_venue_projector_withholds_names_under_the_chatham_house_rule(
    qtbot, ctx, tmp_path: Path
) -> None:  # noqa: ANN001
    qid = _poll_and_question(ctx)
    view = _venue(qtbot, ctx)
    assert view.poll_title.text() == "[name withheld]?"
    labels = [b.label for b in view.chart.results.bars]
    assert labels == ["[name withheld]'s plan", "A new plan"]
    assert view.question.text() == "[name withheld], who pays for it?"
    assert "Dana" not in view.question_head.text()  # nobody is named as asking
    view.grab().save(str(tmp_path / "venue-projector.png"))
    # The question is a note too: a decision made for it in the Privacy check holds here.
    note = ctx.workshop.venue.question(qid)["note_id"]
    hits = [f for f in ctx.workshop.report.load_report().privacy if f.source.row == note]
    ctx.push(decide(ctx.workshop, Choice.KEEP, hits=hits))
    qtbot.waitUntil(lambda: view.question.text() == "Ms Omarova, who pays for it?")


def test_venue_projector_prints_as_written_with_privacy_off(qtbot, ctx) -> None:  # noqa: ANN001
    _poll_and_question(ctx)
    _workshop(ctx.workshop, chatham_house=0, privacy="full")
    view = _venue(qtbot, ctx)
    assert view.poll_title.text() == "Ms. Lestari?"
    assert view.question.text() == "Ms Omarova, who pays for it?"
    assert view.question_head.text().endswith("· Dana")
    _workshop(ctx.workshop, privacy="none")  # Lists show: nothing personal
    qtbot.waitUntil(lambda: view.question.text() == "[name withheld], who pays for it?")
    assert "Dana" not in view.question_head.text()


def test_timer_projector_withholds_names_in_session_titles(qtbot, ctx) -> None:  # noqa: ANN001
    from datetime import datetime

    from facilitator.edits import agenda as cmd
    from facilitator.ui.agenda.clock import FixedClock
    from facilitator.ui.agenda.projector import show_projector

    ctx.bus.clock = FixedClock(datetime(2026, 3, 11, 9, 45))
    with ctx.workshop.operation():
        ctx.workshop.rows.update(
            Table.SESSIONS, "ses_demo101", {"title": "Micro-platforms, with Ms. Lestari"}
        )
    ctx.push(cmd.start_session(ctx.workshop, ["ses_demo101"], datetime(2026, 3, 11, 9, 15)))
    window = show_projector(ctx)  # the demo is under the Chatham House Rule; deleted on close
    assert window.title_label.text() == "Micro-platforms, with [name withheld]"
    _workshop(ctx.workshop, chatham_house=0, privacy="full")
    window.refresh()
    assert window.title_label.text() == "Micro-platforms, with Ms. Lestari"
    window.close()
