"""``facilitator merge FILE OTHER``: bring another copy's notes and edits into FILE."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "merge",
        help="merge notes and edits from another copy of the same workshop",
        description="Bring the other copy's notes, summaries, worksheet answers, attendance "
        "and edits into FILE. Nothing is duplicated; merging the same copy twice changes "
        "nothing; a note changed differently in both copies keeps both versions, flagged in "
        "the Capture area. A backup of FILE is taken first.",
    )
    p.add_argument("file", help="workshop file to merge into (changed)")
    p.add_argument("other", help="another copy of the same workshop (only read)")
    p.set_defaults(handler=_merge)


def _merge(args: argparse.Namespace) -> int:
    from facilitator.store.errors import WorkshopError
    from facilitator.store.merge import merge_files

    try:
        report = merge_files(args.file, args.other)
    except WorkshopError as exc:
        print(f"facilitator merge: {exc.user_message()}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return 0
