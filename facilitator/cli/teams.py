"""``facilitator teams plan PROBLEM.json [-o ASSIGNMENT.json]``: plan teams without a window.

The file formats and the planning live in ``facilitator.interchange.teams_json``; this module
only wires them to the command line (see README.md, section Breakout teams).
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("teams", help="breakout teams without a window")
    sub = p.add_subparsers(dest="teams_command", required=True)
    plan = sub.add_parser(
        "plan",
        help="plan balanced teams for every round from a problem JSON file",
        description="Read PROBLEM.json (rounds, teams, participants, constraints) and write "
        "the teams of every round as JSON: {round: {team: [person ids]}}.",
    )
    plan.add_argument("problem", help="problem JSON file (see README.md, section Breakout teams)")
    plan.add_argument("-o", "--output", help="write the assignment here (default: print it)")
    plan.set_defaults(handler=_plan)


def _plan(args: argparse.Namespace) -> int:
    from facilitator.interchange.teams_json import teams_plan_command

    return int(teams_plan_command(args.problem, args.output, sys.stdout, sys.stderr) or 0)
