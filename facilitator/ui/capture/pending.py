"""Changes that arrive while a panel is hidden, kept to be applied once it is shown.

A panel nobody looks at (another tab, another area of the window) need not re-read the
file on every note typed elsewhere: it folds what changed into one :class:`Changes` and
brings itself up to date when it is shown, or when it is asked about what it lists.
"""

from __future__ import annotations

from facilitator.store.changes import Changes
from facilitator.store.tables import Table


class PendingChanges:
    """What several Changes touched, as one (ids merged per table; unknown stays unknown)."""

    def __init__(self) -> None:
        self._rows: dict[Table, set[str] | None] = {}
        self._everything = False

    def __bool__(self) -> bool:
        return self._everything or bool(self._rows)

    def add(self, changes: Changes) -> None:
        if changes.everything:
            self._everything = True
            self._rows.clear()
            return
        if self._everything:
            return
        for table, ids in changes.rows.items():
            if ids is None:
                self._rows[table] = None
            elif table not in self._rows:
                self._rows[table] = set(ids)
            else:
                current = self._rows[table]
                if current is not None:
                    current.update(ids)

    def take(self) -> Changes | None:
        """The merged Changes (no initiator: whoever made them, the panel shows none yet),
        or None when nothing came; the panel then holds nothing pending."""
        if not self:
            return None
        rows = {t: (None if ids is None else frozenset(ids)) for t, ids in self._rows.items()}
        out = Changes(rows, None, self._everything)
        self._rows = {}
        self._everything = False
        return out
