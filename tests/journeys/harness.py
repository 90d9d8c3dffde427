"""A real Facilitator window on a virtual 1280×720 screen, driven from the keyboard.

Journey tests use :class:`Screen`: it starts its own Xvfb, launches ``python -m facilitator
FILE`` on it (the real app, the real window manager-less X server), sends keys with xdotool,
and takes screenshots through Qt's own screen grab in a short helper process — no extra
packages. Everything stops by itself: every wait has a timeout and ``close`` kills what is
left.

Skipped only where Xvfb or xdotool is missing (CI installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 720

_GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
screen = app.primaryScreen()
ok = screen.grabWindow(0).save(sys.argv[1], "PNG")
sys.exit(0 if ok else 1)
"""


def needs_x() -> None:
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (CI installs it)")


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """An Xvfb at 1280×720 on a display number it picks itself (``-displayfd``), so that two
    test runs at once never share or race for a display."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24"]
        + ["-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)  # Xvfb writes the number once it accepts clients
            if not chunk:
                xvfb.kill()
                raise RuntimeError("Xvfb did not start")
            number += chunk
    return xvfb, f":{int(number)}"


class Screen:
    """One Xvfb at 1280×720 with the app on it."""

    def __init__(self, shots: Path, settings_dir: Path) -> None:
        needs_x()
        self.shots = shots
        self.shots.mkdir(parents=True, exist_ok=True)
        self.xvfb, self.display = _start_xvfb()
        self.env = dict(os.environ)
        self.env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(settings_dir),  # QSettings and the log stay in the test
            FACILITATOR_LOG_DIR=str(settings_dir / "log"),
            PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        )
        self.env.pop("WAYLAND_DISPLAY", None)
        self.app: subprocess.Popen | None = None
        self.count = 0
        self.wait_for(lambda: self._x_ready(), 15, "Xvfb did not start")

    def _x_ready(self) -> bool:
        done = subprocess.run(
            ["xdotool", "getdisplaygeometry"], env=self.env, capture_output=True, text=True
        )
        return done.returncode == 0

    # -- the app ---------------------------------------------------------------------------
    def launch(self, *args: str) -> None:
        log = (self.shots / "app.log").open("w")
        self.app = subprocess.Popen(
            [sys.executable, "-m", "facilitator", *args],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.wait_for(lambda: bool(self.window_id()), 60, "the Facilitator window did not appear")
        time.sleep(1.0)  # let the workshop open and the first area paint
        self.focus()

    def focus(self, name: str = "Facilitator") -> None:
        """Give a window the keyboard (there is no window manager on Xvfb to do it)."""
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", self.window_id(name)], env=self.env, check=True
        )

    def window_id(self, name: str = "Facilitator") -> str:
        done = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env=self.env,
            capture_output=True,
            text=True,
        )
        ids = done.stdout.split()
        return ids[-1] if ids else ""

    def geometry(self, window: str | None = None) -> tuple[int, int, int, int]:
        """x, y, width, height of a window (the main window by default)."""
        wid = window or self.window_id()
        out = subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", wid],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    # -- the keyboard ----------------------------------------------------------------------
    def key(self, *keys: str, pause: float = 0.35) -> None:
        """Press keys in turn, e.g. ``key("ctrl+5")`` or ``key("Tab", "Tab", "Return")``."""
        wid = self.window_id()
        for k in keys:
            subprocess.run(
                ["xdotool", "key", "--clearmodifiers", "--window", wid, k], env=self.env, check=True
            )
            time.sleep(pause)

    def type(self, text: str, pause: float = 0.4) -> None:
        subprocess.run(
            ["xdotool", "type", "--delay", "25", "--clearmodifiers", text], env=self.env, check=True
        )
        time.sleep(pause)

    # -- looking ---------------------------------------------------------------------------
    def shot(self, name: str) -> Path:
        """Save the whole screen as ``NN-name.png`` in the shots folder and return the path."""
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        subprocess.run(
            [sys.executable, "-c", _GRAB, str(path)],
            env={**self.env, "QT_QPA_PLATFORM": "xcb"},
            check=True,
            timeout=30,
            capture_output=True,
        )
        return path

    def wait_for(self, condition: Callable[[], bool], seconds: float, message: str) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.app is not None and self.app.poll() is not None:
                raise AssertionError(f"the app exited ({self.app.returncode}); see app.log")
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError(message)

    def close(self) -> None:
        for proc in (self.app, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)


@pytest.fixture
def screen(tmp_path: Path):  # noqa: ANN201
    s = Screen(tmp_path / "shots", tmp_path / "home")
    try:
        yield s
    finally:
        s.close()
        print(f"\nscreenshots: {s.shots}")
