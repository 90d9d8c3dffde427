"""Stable identifiers and timestamps for rows that may be merged between copies."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def new_id(prefix: str) -> str:
    """A random text id, unique across laptops, so copies of a workshop can be merged."""
    # What secrets.token_hex(6) returns (os.urandom's bytes in hex), without importing
    # secrets and hmac to open a file.
    return f"{prefix}_{os.urandom(6).hex()}"


def now() -> str:
    """UTC timestamp with microseconds; text so it sorts and reads the same in any SQLite tool.

    ``2026-04-30T09:15:02.123456Z``: ISO 8601 with the microseconds always written, as
    ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")`` wrote it, for a third of its time (strftime also
    imports a module on each call, which Qt's bindings make dearer)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")[:-6] + "Z"
