"""Import sqlite-utils without its optional numpy/pandas support.

sqlite-utils imports numpy and pandas when they are installed, only to map their scalar types
to column types. Workshops never store numpy values, and that import costs about a quarter of
a second at start-up, so the first import of sqlite-utils hides those two. Other code can
still import numpy and pandas afterwards as usual. ``database.database()`` calls it: the
store loads sqlite-utils only when a store first needs it.
"""

from __future__ import annotations

import sys


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes the import fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]
