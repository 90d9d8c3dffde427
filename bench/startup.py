"""Start-up time: process start to first shown window, against a bare PySide6 window.

Run: python bench/startup.py [--runs N]
Targets: the demo ≤ 2× the bare window, the large workshop ≤ 3×. Also printed: the time until
the workshop itself is on screen ("ready"). Runs are interleaved so that machine load affects
all cases alike; the median of N runs is reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow(); w.resize(1280, 820); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), print('ready', flush=True),"
    " app.quit()))\n"
    "app.exec()\n"
)


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning the process to its 'shown' and 'ready' lines."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    proc.wait()
    if "shown" not in marks or "ready" not in marks:
        raise SystemExit(f"{cmd} did not show a window:\n{proc.stderr.read()}")  # type: ignore[union-attr]
    return marks["shown"], marks["ready"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        FACILITATOR_QUIT_WHEN_SHOWN="1",
    )
    sys.path.insert(0, str(ROOT))
    from facilitator.interchange.demo import write_demo

    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    demo = write_demo(folder / "demo.workshop")
    large = write_demo(folder / "large.workshop", size="large")
    cases = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "demo workshop": [sys.executable, "-m", "facilitator", str(demo)],
        "large workshop": [sys.executable, "-m", "facilitator", str(large)],
    }
    shown: dict[str, list[float]] = {k: [] for k in cases}
    ready: dict[str, list[float]] = {k: [] for k in cases}
    for cmd in cases.values():  # warm the file cache once
        timed(cmd, env)
    for _ in range(args.runs):
        for name, cmd in cases.items():
            s, r = timed(cmd, env)
            shown[name].append(s)
            ready[name].append(r)
    bare = statistics.median(shown["bare PySide6 window"])
    targets = {"demo workshop": 2.0, "large workshop": 3.0}
    print(f"median of {args.runs} runs; bare window shown after {bare:.3f} s")
    print(f"{'case':<22}{'shown s':>9}{'× bare':>8}{'target':>8}{'':>6}{'ready s':>9}{'× bare':>8}")
    for name in cases:
        s, r = statistics.median(shown[name]), statistics.median(ready[name])
        target = targets.get(name)
        verdict = "" if target is None else ("ok" if s / bare <= target else "OVER")
        label = f"≤{target:.0f}×" if target else ""
        print(f"{name:<22}{s:>9.3f}{s / bare:>8.2f}{label:>8}{verdict:>6}{r:>9.3f}{r / bare:>8.2f}")


if __name__ == "__main__":
    main()
