"""What one write changed: the value every view refreshes from.

Every write to a workshop happens inside :meth:`Workshop.operation`. While it runs, the
store methods record which rows of which tables they touched; when the operation commits,
the workshop's hub emits one :class:`Changes` with those tables, the ids (or "any row") and
the *initiator* — the object that asked for the edit — so a view can skip its own edits and
refresh only what it shows. Undo and redo emit their Changes with no initiator, so every
view, the one that made the edit included, brings itself up to date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from facilitator.store.tables import Table

ANY: None = None  # "some rows of this table; which ones is not known"


@dataclass(frozen=True)
class Changes:
    """Tables and row ids one committed operation touched."""

    rows: Mapping[Table, frozenset[str] | None] = field(default_factory=dict)
    initiator: object | None = None
    everything: bool = False  # the whole file was replaced (restore from backup, merge)

    @classmethod
    def of(
        cls, table: Table, ids: Iterable[str] | None = ANY, initiator: object | None = None
    ) -> Changes:
        return cls({table: None if ids is None else frozenset(ids)}, initiator)

    @classmethod
    def all(cls, initiator: object | None = None) -> Changes:
        return cls({}, initiator, everything=True)

    @property
    def tables(self) -> frozenset[Table]:
        return frozenset(self.rows)

    def touches(self, *tables: Table) -> bool:
        """Whether any of ``tables`` changed (always true after a restore or merge)."""
        return self.everything or not self.rows.keys().isdisjoint(tables)

    def ids(self, table: Table) -> frozenset[str] | None:
        """Ids changed in ``table``: empty when untouched, None when unknown (reload it)."""
        if self.everything:
            return None
        if table not in self.rows:
            return frozenset()
        return self.rows[table]

    def made_by(self, who: object) -> bool:
        """True when ``who`` asked for this edit (and so already shows its result)."""
        return who is not None and self.initiator is who

    def __bool__(self) -> bool:
        return self.everything or bool(self.rows)


class ChangeSet:
    """Collects what an operation touches while it runs (see :meth:`Workshop.operation`)."""

    def __init__(self, initiator: object | None = None) -> None:
        self.initiator = initiator
        self.everything = False
        self._rows: dict[Table, set[str] | None] = {}

    def touch(self, table: Table, ids: Iterable[str] | None = ANY) -> None:
        if type(table) is not Table:
            table = Table(table)
        if ids is None:
            self._rows[table] = None
            return
        current = self._rows.setdefault(table, set())
        if current is not None:
            current.update(ids)

    def touch_all(self) -> None:
        self.everything = True

    def freeze(self) -> Changes:
        rows = {t: (None if ids is None else frozenset(ids)) for t, ids in self._rows.items()}
        return Changes(rows, self.initiator, self.everything)
