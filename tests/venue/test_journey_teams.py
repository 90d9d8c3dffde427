"""Journey: the facilitator opens a group exercise for the teams' devices from the keyboard,
in the real window (Xvfb, xdotool; see tests/journeys/harness.py), then puts every team's
answers on the projector. Read back from the workshop file the app wrote."""

from __future__ import annotations

import subprocess
from pathlib import Path

from facilitator.store.database import Workshop
from tests.journeys.harness import needs_x


def _setting(path: Path) -> object:
    with Workshop(path, read_only=True) as ws:
        return ws.info.setting("venue.worksheet_round")


def test_opening_a_round_for_the_teams_and_projecting_the_answers(
    screen,
    demo_path: Path,  # noqa: ANN001, F811
) -> None:
    needs_x()
    screen.launch(str(demo_path))
    # No window manager gives the window the keyboard: focus it as a click would.
    subprocess.run(
        ["xdotool", "windowfocus", "--sync", screen.window_id()], env=screen.env, check=True
    )
    screen.key("ctrl+6")  # the Polls area
    screen.shot("polls")
    screen.key("alt+w")  # its Team worksheets tab
    screen.shot("team-worksheets-closed")
    screen.key("alt+o")  # Open for teams (the first exercise's round)
    screen.wait_for(lambda: _setting(demo_path) == "rnd_demo0", 15, "the round was not opened")
    screen.shot("team-worksheets-open")
    screen.key("alt+a", pause=1.0)  # Answers on projector
    screen.wait_for(lambda: bool(screen.window_id("team worksheets")), 15, "no worksheet projector")
    shot = screen.shot("worksheet-projector")
    assert shot.stat().st_size > 20_000
    screen.key("Escape")
    screen.key("ctrl+z")  # undo: closed again
    screen.wait_for(lambda: _setting(demo_path) in ("", None), 15, "undo did not close it")
    screen.shot("team-worksheets-undone")
