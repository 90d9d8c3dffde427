"""A facilitator forms and adjusts breakout teams on the real window at 1280×720, keyboard only.

Opens the demo, goes to Teams (Ctrl+4), where the first group exercise is shown, and
generates its teams (Alt+G): each team's column sums up what it holds ("4 F / 4 M · …") and
the keyboard is on the first card. The first person of Team 1 is carried to Team 2
(Ctrl+→) and fixed there (Ctrl+L); → goes to Team 3's cards, and the menu key and F freeze
Team 3. Try again (Alt+T) draws other teams: the fixed person is still in Team 2, Team 3
still holds its people, the rest are mixed anew. Everything is read back from the workshop
file; screenshots of each step are in the folder the test prints.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from harness import Screen
from PIL import Image

from facilitator.interchange.demo import write_demo
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

TEAM_SET, ROUND = "tms_demo0", "rnd_demo0"  # Group exercise 1, round 1: four teams


def _press(screen: Screen, *keys: str, pause: float = 0.35) -> None:
    """Keys to whichever window has the keyboard (a popup menu, when one is open)."""
    for k in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", k], env=screen.env, check=True)
        time.sleep(pause)


def _teams(path: Path) -> list[dict]:
    """The round's teams in board order, each with its members as the app wrote them."""
    with Workshop(path, read_only=True) as ws:
        teams = ws.teams.teams(ROUND)
        members = ws.teams.members([t["id"] for t in teams])
        absent = ws.teams.build_problem(TEAM_SET).problem.absent.get("1", set())
    return [
        {
            **t,
            "members": [m for m in members if m["team_id"] == t["id"]],
            "absent": absent,
        }
        for t in teams
    ]


def _where(path: Path) -> dict[str, str]:
    return {m["person_id"]: t["name"] for t in _teams(path) for m in t["members"]}


def _seed(path: Path) -> int:
    with Workshop(path, read_only=True) as ws:
        return ws.rows.get(Table.TEAM_SETS, TEAM_SET)["seed"]


def _columns(shot: Path, teams: list[dict]) -> list[tuple[int, int, int]]:
    """(left, right, bottom of the header) of each team's column, found by the header's
    colour (the navigation's highlight may share a team's blue)."""
    image = Image.open(shot).convert("RGB")
    width, height = image.size
    pixels = image.load()
    out = []
    for team in teams:
        colour = tuple(int(team["colour"].lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        runs: list[tuple[int, int, int]] = []  # (start, end, y)
        for y in range(60, height // 2):
            start = None
            for x in range(width + 1):
                inside = x < width and pixels[x, y] == colour
                if inside and start is None:
                    start = x
                elif not inside and start is not None:
                    if x - start >= 120:
                        runs.append((start, x - 1, y))
                    start = None
        assert runs, f"{team['name']}'s header is not on the screen"
        # The header is the rightmost long run (the navigation is at the window's left).
        last = max(start for start, _, _ in runs)
        runs = [r for r in runs if r[0] > last - 10]
        left = min(start for start, _, _ in runs)
        rows = {y for _, _, y in runs}
        # The Freeze button interrupts the colour: its far side ends the header.
        right = max(x for y in rows for x in range(left, width) if pixels[x, y] == colour)
        out.append((left, right, max(rows)))
    return out


def _summary_band(shot: Path, column: tuple[int, int, int]) -> Image.Image:
    """The first lines of a column's summary: below the header, the room and rapporteur."""
    left, right, header_bottom = column
    top = header_bottom + 58
    return Image.open(shot).convert("RGB").crop((left + 2, top, right - 2, top + 34))


def _ink(band: Image.Image) -> int:
    """How many pixels of dark text a band holds."""
    data = band.tobytes()  # RGB
    return sum(1 for i in range(0, len(data), 3) if max(data[i : i + 3]) < 90)


def test_a_facilitator_generates_and_adjusts_teams_from_the_keyboard(
    screen: Screen,
    tmp_path: Path,
    deal_by_hand,  # noqa: ANN001
) -> None:
    # teams dealt by hand, with people absent that day in them: the facilitator regenerates
    path = deal_by_hand(write_demo(tmp_path / "journey.workshop"))
    made_by_hand = _where(path)
    screen.launch(str(path))
    screen.key("ctrl+4")
    time.sleep(1.0)
    screen.shot("teams")

    screen.key("alt+g")  # Generate teams
    screen.wait_for(lambda: _where(path) != made_by_hand, 60, "Generate teams changed nothing")
    time.sleep(1.5)
    generated = screen.shot("generated")
    teams = _teams(path)
    assert [t["name"] for t in teams] == ["Team 1", "Team 2", "Team 3", "Team 4"]
    columns = _columns(generated, teams)
    # Four columns side by side, none cut off, each with its summary under the header.
    assert all(right < 1280 for _, right, _ in columns)
    assert [left for left, _, _ in columns] == sorted(left for left, _, _ in columns)
    before_move = [_summary_band(generated, c) for c in columns]
    assert all(_ink(band) > 100 for band in before_move), [_ink(b) for b in before_move]

    # The keyboard is on Team 1's first card: carry that person to Team 2.
    person = teams[0]["members"][0]
    name = person["name"]
    screen.key("ctrl+Right")
    screen.wait_for(
        lambda: _where(path)[person["person_id"]] == "Team 2", 10, f"{name} did not move"
    )
    time.sleep(1.0)
    moved = screen.shot("moved-to-team-2")
    after_move = [_summary_band(moved, c) for c in columns]
    # The summaries of Team 1 and Team 2 follow the move; Team 3's and Team 4's stay.
    assert after_move[0].tobytes() != before_move[0].tobytes()
    assert after_move[1].tobytes() != before_move[1].tobytes()
    assert after_move[2].tobytes() == before_move[2].tobytes()
    assert after_move[3].tobytes() == before_move[3].tobytes()

    # The keyboard went with the person: fix them in Team 2.
    screen.key("ctrl+l")

    def fixed() -> bool:
        two = _teams(path)[1]["members"]
        return any(m["person_id"] == person["person_id"] and m["locked"] for m in two)

    screen.wait_for(fixed, 10, f"{name} was not fixed in Team 2")
    time.sleep(0.8)
    screen.shot("fixed-in-team-2")

    # → to Team 3's cards, the menu key for the card's menu, F to freeze the team.
    screen.key("Right")
    screen.key("Menu")
    time.sleep(0.8)
    screen.shot("card-menu")
    _press(screen, "f")
    screen.wait_for(lambda: bool(_teams(path)[2]["locked"]), 10, "Team 3 was not frozen")
    time.sleep(0.8)
    screen.shot("team-3-frozen")
    frozen = {m["person_id"] for m in _teams(path)[2]["members"]}

    seed = _seed(path)
    adjusted = _where(path)
    screen.key("alt+t")  # Try again: another draw
    screen.wait_for(lambda: _seed(path) == seed + 1, 60, "Try again did not draw again")
    screen.wait_for(lambda: _where(path) != adjusted, 10, "Try again changed nothing")
    time.sleep(1.5)
    screen.shot("tried-again")

    after = _teams(path)
    where = _where(path)
    assert where[person["person_id"]] == "Team 2"  # fixed: still there, still fixed
    assert any(m["person_id"] == person["person_id"] and m["locked"] for m in after[1]["members"])
    assert after[2]["locked"] == 1  # Team 3 is still frozen and holds its people
    assert frozen - after[2]["absent"] <= {m["person_id"] for m in after[2]["members"]}
    others = [p for p, team in adjusted.items() if team in ("Team 1", "Team 4")]
    assert any(where.get(p) != adjusted[p] for p in others)  # the rest mixed anew
