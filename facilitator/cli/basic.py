"""``facilitator demo`` and ``facilitator check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="write the demo workshop to PATH")
    demo.add_argument("path", help="file to write")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")
    demo.add_argument(
        "--size",
        choices=["normal", "large", "huge"],
        default="normal",
        help="a stress workshop for benchmarks: 'large' (20,500 notes, 600 people) or "
        "'huge' (20 times the notes, 5 times the people)",
    )
    demo.set_defaults(handler=_demo)
    check = subparsers.add_parser("check", help="check a workshop file")
    check.add_argument("file")
    check.set_defaults(handler=_check)


def _demo(args: argparse.Namespace) -> int:
    from facilitator.interchange.demo import write_demo
    from facilitator.store.errors import WorkshopError

    try:
        path = write_demo(Path(args.path), size=args.size, overwrite=args.force)
    except (WorkshopError, OSError) as exc:
        print(f"facilitator demo: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from facilitator.store.database import check_workshop

    ok, lines = check_workshop(args.file)
    for line in lines:
        print(line)
    print("ok" if ok else "PROBLEMS FOUND", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
