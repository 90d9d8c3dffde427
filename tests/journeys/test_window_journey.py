"""The window on a 1280×720 screen, driven only from the keyboard.

The app opens inside the screen with its status bar visible, remembers where it was and
whether it was maximised, fits a geometry saved on a larger screen into this one, and every
area, the keyboard help and both projectors are reached with keys alone. Screenshots of each
step are saved (the folder is printed).

Keys go to the window that has the keyboard focus, as from a real keyboard (XTEST). There is
no window manager on the test screen, so the test gives each new window the focus when it
appears, as a window manager would.
"""

from __future__ import annotations

import hashlib
import subprocess
import time
from pathlib import Path

from harness import HEIGHT, WIDTH, Screen
from PySide6.QtCore import QRect, QSettings

from facilitator.store.database import Workshop
from facilitator.ui.areas import AREAS

MAIN = "Facilitator"  # every main window title ends with it
HELP = "Keyboard shortcuts"
TIMER = "Facilitator: session timer"
TEAMS = "Teams – projector"


# -- the keyboard and the windows --------------------------------------------------------
def focus(screen: Screen, name: str = MAIN) -> None:
    wid = screen.window_id(name)
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=screen.env, check=True)
    time.sleep(0.3)


def press(screen: Screen, *keys: str, pause: float = 0.5) -> None:
    """Press keys on the keyboard: they go where the focus is."""
    for k in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", k], env=screen.env, check=True)
        time.sleep(pause)


def type_text(screen: Screen, text: str) -> None:
    subprocess.run(
        ["xdotool", "type", "--delay", "30", "--clearmodifiers", text], env=screen.env, check=True
    )
    time.sleep(0.4)


def appears(screen: Screen, name: str, message: str) -> str:
    """Wait for the window titled ``name`` and give it the focus; its id."""
    screen.wait_for(lambda: bool(window(screen, name)), 15, message)
    wid = window(screen, name)
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=screen.env, check=True)
    time.sleep(0.3)
    return wid


def window(screen: Screen, name: str) -> str:
    """The id of the visible window whose title is exactly ``name`` ("" when there is none)."""
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{name}$"],
        env=screen.env,
        capture_output=True,
        text=True,
    )
    ids = done.stdout.split()
    return ids[-1] if ids else ""


def main_window(screen: Screen) -> str:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"— {MAIN}$|^{MAIN}$"],
        env=screen.env,
        capture_output=True,
        text=True,
    )
    ids = done.stdout.split()
    return ids[0] if ids else ""


def inside_screen(geometry: tuple[int, int, int, int]) -> bool:
    x, y, w, h = geometry
    return x >= 0 and y >= 0 and x + w <= WIDTH and y + h <= HEIGHT


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shown_change(screen: Screen, name: str, before: list[str], seconds: float = 10) -> str:
    """Screenshot until the screen differs from ``before`` (an area may take a moment to
    build and paint on a busy machine); the last screenshot's fingerprint."""
    end = time.monotonic() + seconds
    while True:
        now = fingerprint(screen.shot(name))
        if now not in before or time.monotonic() > end:
            return now
        time.sleep(0.5)


def settings_of(screen: Screen) -> QSettings:
    """The app's own settings file (QSettings on Linux: $XDG_CONFIG_HOME/Facilitator/)."""
    home = Path(screen.env["XDG_CONFIG_HOME"])
    return QSettings(str(home / "Facilitator" / "Facilitator.conf"), QSettings.Format.IniFormat)


def launch(screen: Screen, path: Path) -> str:
    screen.launch(str(path))
    screen.wait_for(lambda: bool(main_window(screen)), 30, "the main window did not appear")
    time.sleep(0.8)  # the settling checks of the window's place run up to a second after
    focus(screen, main_window_title(screen))
    return main_window(screen)


def main_window_title(screen: Screen) -> str:
    wid = main_window(screen)
    return subprocess.run(
        ["xdotool", "getwindowname", wid], env=screen.env, capture_output=True, text=True
    ).stdout.strip()


def quit_app(screen: Screen) -> None:
    press(screen, "ctrl+q")
    try:
        screen.app.wait(timeout=20)
    except subprocess.TimeoutExpired:
        raise AssertionError("Ctrl+Q did not quit the app") from None
    assert screen.app.returncode == 0, "the app did not end cleanly; see app.log"


# -- where the window opens ---------------------------------------------------------------
def test_the_demo_opens_inside_a_small_screen(screen: Screen, demo_path: Path) -> None:
    wid = launch(screen, demo_path)
    shot = screen.shot("opened")
    geometry = screen.geometry(wid)
    assert inside_screen(geometry), geometry  # the status bar is on screen
    press(screen, "ctrl+2")
    assert fingerprint(screen.shot("agenda")) != fingerprint(shot)
    assert shot.stat().st_size > 10_000


def test_a_geometry_saved_on_a_larger_screen_is_fitted_in(screen: Screen, demo_path: Path) -> None:
    saved = settings_of(screen)
    saved.setValue("window/screen", "a 1920x1200 monitor")
    saved.setValue("window/last/geometry", QRect(300, 200, 1800, 1100))
    saved.setValue("window/last/maximized", False)
    saved.sync()
    wid = launch(screen, demo_path)
    screen.shot("from-a-larger-screen")
    x, y, w, h = screen.geometry(wid)
    assert inside_screen((x, y, w, h)), (x, y, w, h)
    assert w >= WIDTH - 10 and h >= HEIGHT - 10  # as large as this screen allows


def test_the_place_and_the_maximised_state_are_remembered(screen: Screen, demo_path: Path) -> None:
    wid = launch(screen, demo_path)
    subprocess.run(["xdotool", "windowsize", "--sync", wid, "1000", "600"], env=screen.env)
    subprocess.run(["xdotool", "windowmove", "--sync", wid, "60", "40"], env=screen.env)
    time.sleep(0.5)
    before = screen.geometry(wid)
    quit_app(screen)
    wid = launch(screen, demo_path)
    assert screen.geometry(wid) == before
    quit_app(screen)

    saved = settings_of(screen)
    for group in saved.childGroups():
        if group == "window":
            saved.beginGroup("window")
            for key in saved.allKeys():
                if key.endswith("maximized"):
                    saved.setValue(key, True)
            saved.endGroup()
    saved.sync()
    wid = launch(screen, demo_path)
    screen.shot("maximised")
    assert screen.geometry(wid) == (0, 0, WIDTH, HEIGHT)
    quit_app(screen)
    saved = settings_of(screen)
    kept = [saved.value(k) for k in saved.allKeys() if k.endswith("maximized")]
    assert kept and all(str(v).lower() == "true" for v in kept)  # still maximised next time


# -- the whole window from the keyboard ----------------------------------------------------
def test_every_area_the_keyboard_help_and_the_projectors_from_the_keyboard(
    screen: Screen, demo_path: Path
) -> None:
    wid = launch(screen, demo_path)
    assert inside_screen(screen.geometry(wid))
    seen: list[str] = []
    for n, spec in enumerate(AREAS):
        press(screen, f"ctrl+{n + 1}")
        seen.append(shown_change(screen, f"area-{n + 1}-{spec.key}", seen[-1:]))
        assert inside_screen(screen.geometry(wid))
    assert len(set(seen)) == len(AREAS)  # a different screen for each area

    # Help ▸ Keyboard shortcuts, from the menu with its letters, then searched.
    press(screen, "alt+h", "k")
    help_window = appears(screen, HELP, "the keyboard help did not open")
    assert inside_screen(screen.geometry(help_window)), screen.geometry(help_window)
    type_text(screen, "ctrl+n")
    screen.shot("keyboard-help-ctrl-n")
    press(screen, "Escape")
    screen.wait_for(lambda: not window(screen, HELP), 10, "Esc did not close the help")
    focus(screen, main_window_title(screen))
    press(screen, "F1")  # and with its key
    appears(screen, HELP, "F1 did not open the help")
    press(screen, "Escape")
    screen.wait_for(lambda: not window(screen, HELP), 10, "Esc did not close the help")

    # Agenda: Ctrl+N opens Add session (inside the screen), Esc leaves the plan as it was.
    focus(screen, main_window_title(screen))
    press(screen, "ctrl+2", "Tab")
    press(screen, "ctrl+n", pause=1.0)
    dialog = _newest_other_window(screen, wid)
    assert dialog, "Ctrl+N opened nothing in the Agenda"
    subprocess.run(["xdotool", "windowfocus", "--sync", dialog], env=screen.env, check=True)
    assert inside_screen(screen.geometry(dialog)), screen.geometry(dialog)
    screen.shot("agenda-add-session")
    press(screen, "Escape")
    screen.wait_for(lambda: not _newest_other_window(screen, wid), 10, "Esc left the dialog")
    focus(screen, main_window_title(screen))

    # The facilitator's Signal at zero, on the Live tab: Alt+L, then Alt+Z.
    press(screen, "alt+l", "alt+z")
    screen.shot("agenda-live-signal-off")

    # F5: the timer inside the screen; F11 full screen; Esc closes.
    press(screen, "F5", pause=1.0)
    timer = appears(screen, TIMER, "F5 opened no timer")
    assert inside_screen(screen.geometry(timer)), screen.geometry(timer)
    screen.shot("timer-window")
    press(screen, "F11", pause=1.0)
    assert screen.geometry(timer) == (0, 0, WIDTH, HEIGHT)
    screen.shot("timer-full-screen")
    press(screen, "Escape")
    screen.wait_for(lambda: not window(screen, TIMER), 10, "Esc did not close the timer")

    # F6: the teams, from the Teams area.
    focus(screen, main_window_title(screen))
    press(screen, "ctrl+4", "F6", pause=1.0)
    teams = appears(screen, TEAMS, "F6 opened no teams projector")
    assert inside_screen(screen.geometry(teams)), screen.geometry(teams)
    press(screen, "F11", pause=1.0)
    assert screen.geometry(teams) == (0, 0, WIDTH, HEIGHT)
    screen.shot("teams-full-screen")
    press(screen, "Escape")
    screen.wait_for(lambda: not window(screen, TEAMS), 10, "Esc did not close the teams")

    focus(screen, main_window_title(screen))
    quit_app(screen)
    with Workshop(demo_path, read_only=True) as ws:  # Alt+Z was saved in the file
        assert ws.info.setting("agenda.projector_signal", True) is False


def _newest_other_window(screen: Screen, main: str) -> str:
    """A visible top-level window other than the main one (a dialog that just opened)."""
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "."],
        env=screen.env,
        capture_output=True,
        text=True,
    )
    others = [w for w in done.stdout.split() if w != main]
    return others[-1] if others else ""
