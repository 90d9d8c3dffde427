"""Command line: start the app, or run a headless command on a workshop file.

``facilitator [FILE]`` opens the desktop app; ``facilitator SUBCOMMAND …`` runs the same code
paths without a window. Each subcommand lives in ``SUBCOMMANDS`` (name → module path of a
``register(subparsers)`` function) so areas add theirs without touching the rest.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

from facilitator import __version__

# Subcommand name → module that defines ``register(subparsers)``; imported only when used so
# that starting the app stays fast.
SUBCOMMANDS: dict[str, str] = {
    "demo": "facilitator.cli.basic",
    "check": "facilitator.cli.basic",
    "export": "facilitator.cli.export",
    "import": "facilitator.cli.people",
    "teams": "facilitator.cli.teams",
    "merge": "facilitator.cli.merge",
    "serve": "facilitator.cli.serve",
}

SUMMARIES = {
    "demo": "write the demo workshop (or --size large|huge) to PATH",
    "check": "check a workshop file: format version, integrity, counts",
    "export": "export agenda, calendar, print kit, roster or report",
    "import": "import a roster (CSV or XLSX) into a workshop",
    "teams": "plan breakout teams from a problem JSON file",
    "merge": "merge notes and edits from another copy of the same workshop",
    "serve": "serve polls, questions and evaluations to phones on the venue Wi-Fi",
}


def _gui_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<8} {SUMMARIES[name]}" for name in SUBCOMMANDS)
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run multi-day workshops offline: agenda, participants, breakout teams, "
        "live notes and the outcome report. Every edit is saved at once in one .workshop file.",
        epilog=f"commands (facilitator COMMAND --help for details):\n{lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="workshop file to open (created if missing)")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo")
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    return parser


def _run_subcommand(argv: list[str]) -> int:
    name = argv[0]
    parser = argparse.ArgumentParser(prog="facilitator")
    subparsers = parser.add_subparsers(dest="command", required=True)
    module = importlib.import_module(SUBCOMMANDS[name])
    module.register(subparsers)
    args = parser.parse_args(argv)
    return int(args.handler(args) or 0)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        try:
            return _run_subcommand(argv)
        except KeyboardInterrupt:
            return 130
    args = _gui_parser().parse_args(argv)
    path: Path | None = Path(args.file) if args.file else None
    if args.demo:
        from facilitator.interchange.demo import write_demo

        folder = Path(tempfile.mkdtemp(prefix="facilitator-demo-"))
        path = write_demo(folder / "Demo workshop.workshop")
    from facilitator.app import run

    return run(path)


if __name__ == "__main__":
    sys.exit(main())
