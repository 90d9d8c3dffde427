"""``facilitator serve FILE [--host HOST] [--port PORT]``: let phones answer polls, ask
questions and fill in evaluations over the venue's Wi-Fi, without the window."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve polls, questions and evaluations to phones on the venue network",
        description="Serve the workshop to participants' phones on the venue network. The "
        "first line printed is the join URL (with the join code) to put on the projector; "
        "the server runs until interrupted (Ctrl+C). Polls and evaluations are opened and "
        "closed in the desktop app (Polls area); this command serves what the file has open.",
    )
    p.add_argument("file", help="workshop file (opened for writing)")
    p.add_argument(
        "--host",
        help="address to listen on (default: this computer's address on its first network; "
        "127.0.0.1 when it has none). Never all interfaces unless you say 0.0.0.0.",
    )
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    p.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from facilitator.venue.headless import serve

    if not 0 <= args.port <= 65535:
        print(f"facilitator serve: --port {args.port}: a port is 0 to 65535.")
        return 2
    return serve(Path(args.file), args.host, args.port)
