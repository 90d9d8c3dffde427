"""Start-up: from typing the command to the workshop on screen, against a bare PySide6 window.

    python bench/startup.py [--runs 7] [--huge]

Each case is a fresh process (``bench/_probe.py``, which runs the app exactly as the
``facilitator`` command does and only watches its paint events). Timed from spawning the
process to:

* **on screen**: the first paint of the area the window opens with (the Overview) showing
  the workshop's details, after the workshop was opened — for the bare window, the first
  paint of its label;
* **glance**: the first paint of the Overview's at-a-glance figures showing the workshop's
  counts.

Cases: a bare ``QMainWindow`` (the baseline), the demo workshop, the large workshop (20,500
notes), ``facilitator --demo`` as typed (the demo written to a new folder, then opened), and
with ``--huge`` the huge workshop (410,000 notes). Targets: the demo ≤ 1.5× the bare window,
the large workshop ≤ 2×. One more case has no target: the widgets of the first frame alone
(the area list, the menu bar, the Overview's generated form with a title; none of the app's
code), which tells what the first frame costs Qt whatever the app does: the app's own work
is the difference between it and a workshop. Runs on ``QT_QPA_PLATFORM`` (offscreen unless
set; under Xvfb set ``QT_QPA_PLATFORM=xcb``). Python's compiled modules are cached as in an
installed app.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, Paired, paired, parser, print_table, runs_of, workshop

PROBE = str(Path(__file__).resolve().parent / "_probe.py")
MARKS = ("area", "glance")


def timed(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to each mark it prints."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, PROBE, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    _out, err = proc.communicate()
    if any(m not in marks for m in MARKS):
        raise SystemExit(f"{args} did not show the workshop (marks {marks}):\n{err}")
    return marks


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--huge", action="store_true", help="also open the huge workshop")
    args = p.parse_args()
    runs = runs_of(args)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # the app's own settings (recent files) go to a scratch home, not the user's
    home = Path(tempfile.mkdtemp(prefix="bench-startup-home-"))
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    # Compiled modules are cached as an installed app has them (pip writes them), outside
    # the source tree; the warm-up round fills the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    files = {
        "demo workshop": workshop("normal", folder),
        "large workshop": workshop("large", folder),
    }
    if args.huge:
        files["huge workshop"] = workshop("huge", folder)
    cases = {"bare window": ["--bare"], "first frame's widgets alone": ["--widgets"]}
    cases.update({name: [str(path)] for name, path in files.items()})
    cases["facilitator --demo"] = ["--demo"]
    glance = Paired()

    def case(argv: list[str], name: str) -> float:
        marks = timed(argv, env)
        glance.add(name, marks["glance"])
        return marks["area"]

    result = paired(
        {name: (lambda a=argv, n=name: case(a, n)) for name, argv in cases.items()},
        runs,
        warmup=1,
    )
    # the warm-up round's glance samples are dropped like its on-screen samples
    for name in glance.cases:
        glance.cases[name] = glance.cases[name][-runs:]
    print(f"platform: {env['QT_QPA_PLATFORM']}; {os.cpu_count()} CPUs")
    targets = {"demo workshop": 1.5, "large workshop": 2.0, "facilitator --demo": 1.5}
    print_table(
        "process start → workshop on screen (first paint of the Overview with its details)",
        result,
        "bare window",
        targets,
    )
    print_table(
        "process start → at-a-glance figures painted with the workshop's counts",
        glance,
        "bare window",
    )


if __name__ == "__main__":
    main()
