"""``facilitator export FILE KIND -o OUT``: the same exporters as File ▸ Export.

An anonymous output (``--anonymous``, or a workshop whose report is anonymised) whose texts
hold possible names nobody has decided about is not written: the command lists them on
stderr, one per line, and exits with 2. ``--redact`` withholds them all instead; hits decided
in the workshop are applied either way.
"""

from __future__ import annotations

import argparse
import sys

from facilitator.exports import BY_KIND, ExportError, ExportOptions, UnresolvedHits, run_export

UNRESOLVED = 2  # exit status: possible names nobody decided about; nothing written


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export a document from a workshop")
    p.add_argument("file", help="workshop file")
    p.add_argument("kind", choices=list(BY_KIND), help="what to export")
    p.add_argument("-o", "--output", required=True, help="file to write")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")
    p.add_argument(
        "--anonymous",
        action="store_true",
        help="report: attribute no statement to anyone (Chatham House Rule)",
    )
    p.add_argument(
        "--redact",
        action="store_true",
        help="anonymous outputs: withhold every possible name nobody has decided about "
        f"(without it such an export lists them and exits with {UNRESOLVED})",
    )
    p.add_argument("--draft", action="store_true", help="report: add a DRAFT watermark")
    p.add_argument("--team-set", help="team set (id or title) for team lists and badge colours")
    p.add_argument("--day", help="day (id or date YYYY-MM-DD) for per-day documents")
    p.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from facilitator.store.errors import WorkshopError

    options = ExportOptions(
        paper=args.paper,
        anonymous=args.anonymous,
        draft=args.draft,
        team_set=args.team_set,
        day=args.day,
        redact=args.redact,
    )
    try:
        out = run_export(args.kind, args.file, args.output, options)
    except UnresolvedHits as exc:
        print(f"facilitator export: {exc}", file=sys.stderr)
        for line in exc.lines():
            print(f"{args.file}: {line}", file=sys.stderr)
        return UNRESOLVED
    except (ExportError, WorkshopError) as exc:
        print(f"facilitator export: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0
