"""A rapporteur captures a session on the real window at 1280×720, keyboard only.

Opens the demo, goes to Capture (Ctrl+5), picks the group exercise with Alt+S, types notes
of several kinds (kind keys and a "r:" prefix), an action item with owner and due date saved
with Enter, a worksheet answer per team for a prompt (team and prompt chosen with Alt+M and
Alt+P), then searches for a word and opens the hit, which is in another session, from the
keyboard. Everything is read back from the workshop file. Screenshots of each step are in
the folder the test prints.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from harness import Screen

from facilitator.interchange.demo import write_demo
from facilitator.store.database import Workshop

EXERCISE = "ses_demo104"  # Day 2 · 13:30 Group exercise 1: design a prevention campaign
EXERCISE_INDEX = 11  # its place in the session picker (Day 1 has seven sessions, …)
TEAMS = ["tea_demo00", "tea_demo01", "tea_demo02", "tea_demo03"]
TARGET_AUDIENCE, KEY_MESSAGE = "prm_demo00", "prm_demo01"
ANSWERS = [
    "Parents of secondary-school students",
    "First-year university students",
    "Young men looking for work",
    "Teachers and school counsellors",
]


def _focus(screen: Screen) -> None:
    """Give the window the keyboard (there is no window manager on the virtual screen)."""
    subprocess.run(
        ["xdotool", "windowfocus", "--sync", screen.window_id()], env=screen.env, check=True
    )


def _notes(path: Path) -> list[dict]:
    """Every note in the file, session by session in agenda order, as the app wrote it."""
    with Workshop(path, read_only=True) as ws:
        return [n for s in ws.notes.sessions() for n in ws.notes.notes_for(s["id"])]


def _wait_for_note(screen: Screen, path: Path, text: str) -> dict:
    found: list[dict] = []

    def saved() -> bool:
        found[:] = [n for n in _notes(path) if n["text"] == text]
        return bool(found)

    screen.wait_for(saved, 10, f"the note {text!r} was not saved to the file")
    return found[0]


def _pick(screen: Screen, mnemonic: str, downs: int) -> None:
    """Alt+letter to a picker, Home, Down × ``downs``, Enter back to the note box."""
    screen.key(f"alt+{mnemonic}", "Home", *(["Down"] * downs), "Return")


def test_a_rapporteur_captures_a_session_from_the_keyboard(screen: Screen, tmp_path: Path) -> None:
    path = write_demo(tmp_path / "journey.workshop")
    before = {n["id"] for n in _notes(path)}
    screen.launch(str(path))
    _focus(screen)
    screen.shot("opened")

    screen.key("ctrl+5")
    time.sleep(0.8)
    screen.shot("capture")

    _pick(screen, "s", EXERCISE_INDEX)
    screen.shot("session-picked")

    screen.type("Young people trust peers more than officials")
    screen.key("Return")
    screen.type("r: fund youth-led campaigns directly")
    screen.key("Return")
    screen.key("alt+5")  # question
    screen.type("How will the campaign be evaluated?")
    screen.key("Return")
    _wait_for_note(screen, path, "How will the campaign be evaluated?")
    screen.shot("three-kinds")

    screen.key("alt+3")  # action item: owner and due appear
    screen.type("Share the campaign toolkit with every team")
    screen.key("alt+o")
    screen.type("SEARCCT")
    screen.key("alt+d")  # ticks Due, the keyboard goes to the date
    screen.type("2026-04-30")
    screen.shot("action-item-typed")
    screen.key("Return")  # Enter in the due date saves the note
    action = _wait_for_note(screen, path, "Share the campaign toolkit with every team")
    screen.shot("action-item-saved")

    _pick(screen, "p", 1)  # Target audience: the note is a worksheet answer now
    for n, answer in enumerate(ANSWERS):
        _pick(screen, "m", n + 1)
        screen.type(answer)
        if n == 0:
            screen.shot("answer-team-1")
        screen.key("Return")
    _wait_for_note(screen, path, ANSWERS[-1])
    _pick(screen, "p", 2)  # Key message, still Team 4
    screen.type("Your teachers are on your side")
    screen.key("Return")
    _wait_for_note(screen, path, "Your teachers are on your side")
    screen.shot("answers-typed")
    screen.key("alt+w")
    time.sleep(0.5)
    screen.shot("worksheet")

    screen.key("ctrl+f")
    screen.type("propaganda")
    screen.key("Down")  # into the results
    screen.shot("search")
    screen.key("Return")  # opens the hit where it was written: another session
    time.sleep(0.5)
    screen.shot("hit-opened")
    screen.key("alt+n")  # back to the note box, in the hit's session now
    screen.type("q: Which platforms matter most in the region?")
    screen.key("Return")
    follow_up = _wait_for_note(screen, path, "Which platforms matter most in the region?")
    screen.shot("note-after-search")

    new = [n for n in _notes(path) if n["id"] not in before]
    by_text = {n["text"]: n for n in new}
    in_session = [n for n in new if n["session_id"] == EXERCISE and n["prompt_id"] is None]
    assert [(n["kind"], n["text"]) for n in in_session] == [
        ("key_point", "Young people trust peers more than officials"),
        ("recommendation", "fund youth-led campaigns directly"),
        ("question", "How will the campaign be evaluated?"),
        ("action_item", "Share the campaign toolkit with every team"),
    ]
    assert (action["action_owner"], action["action_due"], action["action_status"]) == (
        "SEARCCT",
        "2026-04-30",
        "open",
    )
    for team, answer in zip(TEAMS, ANSWERS, strict=True):
        note = by_text[answer]
        where = (note["session_id"], note["team_id"], note["prompt_id"], note["kind"])
        assert where == (EXERCISE, team, TARGET_AUDIENCE, "answer")
    message = by_text["Your teachers are on your side"]
    assert (message["team_id"], message["prompt_id"], message["kind"]) == (
        TEAMS[3],
        KEY_MESSAGE,
        "answer",
    )
    # The hit was in "How violent extremists use micro-platforms": the next note went there,
    # with no team and no prompt, and as a question (the prefix), not an answer.
    assert (follow_up["session_id"], follow_up["team_id"], follow_up["prompt_id"]) == (
        "ses_demo101",
        None,
        None,
    )
    assert follow_up["kind"] == "question"
    assert len(new) == 10
    shots = sorted(p.name for p in screen.shots.glob("*.png"))
    assert len(shots) == 12 and all((screen.shots / s).stat().st_size > 10_000 for s in shots)
