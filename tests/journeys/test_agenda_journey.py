"""A facilitator re-plans a late morning on the real window at 1280×720, keyboard only.

Opens the demo, goes to the Agenda (Ctrl+2), rehearses day two with Rehearse… (Alt+R): the
recap starts at 09:05 and runs until 10:05, when the presentation planned for 09:15 starts,
50 minutes late (Start, then Start next, Alt+S). Catch up… (Alt+C) previews shifting the
rest of the day (the fixed lunch stays, the country session would run 5 minutes into it),
then shortening later sessions (Alt+H), and applies that (Enter). The result is read back
from the workshop file: lunch still fixed at 12:30, the country session 5 minutes shorter,
and the day ending when the preview said. Screenshots of each step are in the folder the
test prints.
"""

from __future__ import annotations

import subprocess
import time
from datetime import datetime
from pathlib import Path

from harness import Screen

from facilitator.domain.agenda import flow, hhmm, live, plan_shorten
from facilitator.interchange.demo import write_demo
from facilitator.store.database import Workshop

DAY_TWO = "day_demo1"
RECAP, PRESENTATION, COUNTRY, LUNCH = "ses_demo100", "ses_demo101", "ses_demo102", "ses_demo103"


def _focus(screen: Screen, name: str = "Facilitator") -> None:
    """Give a window the keyboard (there is no window manager on the virtual screen)."""
    screen.wait_for(lambda: bool(screen.window_id(name)), 15, f"no window {name!r}")
    subprocess.run(
        ["xdotool", "windowfocus", "--sync", screen.window_id(name)], env=screen.env, check=True
    )


def _press(screen: Screen, *keys: str, pause: float = 0.35) -> None:
    """Keys to whichever window has the keyboard (a dialog, when one is open)."""
    for k in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", k], env=screen.env, check=True)
        time.sleep(pause)


def _sessions(path: Path) -> dict[str, dict]:
    with Workshop(path, read_only=True) as ws:
        return {r["id"]: r for r in ws.agenda.session_rows(DAY_TWO)}


def _day_two(path: Path):  # noqa: ANN202
    with Workshop(path, read_only=True) as ws:
        return next(d for d in ws.agenda.load_days() if d.id == DAY_TWO)


def _rehearse(screen: Screen, *keys: str) -> None:
    """Rehearse… (Alt+R), then the keys of the dialog, Enter."""
    screen.key("alt+r")
    _focus(screen, "Rehearse")
    _press(screen, *keys)


def test_a_facilitator_replans_a_late_morning_from_the_keyboard(
    screen: Screen, tmp_path: Path
) -> None:
    path = write_demo(tmp_path / "journey.workshop")
    screen.launch(str(path))
    _focus(screen)
    screen.key("ctrl+2")
    time.sleep(0.8)
    screen.shot("agenda")

    # day two at 09:05: the dialog opens on the agenda's days; ↓ is day two, type the time
    _rehearse(screen, "Down", "Tab", "Tab", "0", "9", "0", "5")
    screen.shot("rehearse-dialog")
    _press(screen, "Return")
    _focus(screen)
    screen.key("alt+s")  # Start: the recap, on now by the clock
    screen.wait_for(
        lambda: bool(_sessions(path)[RECAP]["actual_start"]), 10, "the recap did not start"
    )
    screen.shot("recap-started")

    # an hour later the recap is still running: Start next starts the presentation
    _rehearse(screen, "Tab", "Tab", "1", "0", "0", "5", "Return")
    _focus(screen)
    screen.key("alt+s")
    screen.wait_for(
        lambda: bool(_sessions(path)[PRESENTATION]["actual_start"]),
        10,
        "the presentation did not start",
    )
    time.sleep(1.2)
    screen.shot("running-late")
    rows = _sessions(path)
    assert rows[RECAP]["actual_start"].startswith("2026-03-11T09:05")
    assert rows[RECAP]["actual_end"].startswith("2026-03-11T10:05")
    assert rows[PRESENTATION]["actual_start"].startswith("2026-03-11T10:05")

    # what the preview will say, from the file as it is now (the clock has moved on seconds)
    before = _day_two(path)
    expected = plan_shorten(live(before, datetime(2026, 3, 11, 10, 5, 30)))
    assert hhmm(expected.new_end) == "16:45"

    screen.key("alt+c")  # Catch up…: shifting is previewed first
    _focus(screen, "Catch up")
    time.sleep(0.5)
    screen.shot("catch-up-shift")
    _press(screen, "alt+h")  # Shorten later sessions
    time.sleep(0.5)
    screen.shot("catch-up-shorten")
    _press(screen, "Return")  # Apply
    _focus(screen)
    screen.wait_for(
        lambda: _sessions(path)[COUNTRY]["duration_min"] != 90, 10, "the plan was not applied"
    )
    time.sleep(1.2)
    screen.shot("caught-up")

    rows = _sessions(path)
    assert rows[LUNCH]["fixed_start"] == "12:30"  # the fixed lunch did not move
    assert rows[COUNTRY]["duration_min"] == 85  # the 5 minutes came from the country session
    assert rows[PRESENTATION]["fixed_start"] == "10:05"  # its real start is in the agenda
    after = {t.session.id: t for t in flow(_day_two(path))}
    assert (hhmm(after[COUNTRY].start), hhmm(after[COUNTRY].end)) == ("11:05", "12:30")
    assert max(t.end for t in after.values()) == expected.new_end  # the day ends as previewed
