"""Undoable edits shared by every area.

Each user edit is one ``QUndoCommand`` pushed on the workshop's ``QUndoStack``. An edit
calls store methods in ``apply`` and reverses them in ``revert``; it never touches SQL or
widgets. Every application — the first one through :func:`push`, and each undo and redo —
runs inside one :meth:`Workshop.operation`, so it is one transaction and the hub announces
one :class:`~facilitator.store.changes.Changes`. The first application carries the
*initiator* (the view that asked, which already shows its result); undo and redo carry none,
so every view refreshes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from facilitator.store.changes import Changes
from facilitator.store.database import Workshop
from facilitator.store.ids import new_id, now
from facilitator.store.tables import Table

_MERGE_IDS: dict[tuple[str, str, tuple[str, ...]], int] = {}
_NOTHING = Changes()  # what an edit changed before it ran (frozen: one for all of them)


class Edit(QUndoCommand):
    """Base for every undoable edit: subclasses set ``ws`` and implement apply/revert.

    Qt swallows Python exceptions raised inside ``redo``/``undo``, so the first application
    happens in Python through :func:`push` (a failure raises before anything is on the
    stack), and later redo/undo failures are handed to ``on_error`` (the main window shows
    them; the transaction has already rolled back).
    """

    on_error: Callable[[Exception], None] | None = None
    ws: Workshop

    def __init__(self, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._applied_once = False
        self.changes = _NOTHING

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def run(self, fn: Callable[[], None], initiator: object | None = None) -> Changes:
        """Run ``fn`` as one operation; returns (and remembers) what it changed."""
        with self.ws.operation(initiator):
            fn()
        self.changes = self.ws.last_changes
        return self.changes

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            self.run(fn)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost silently
            if Edit.on_error is None:
                raise
            Edit.on_error(exc)


def push(stack: QUndoStack, command: Edit, initiator: object | None = None) -> Changes:
    """Apply ``command`` now (raising on failure, leaving nothing half-done), then record it.

    Returns what the edit changed; the hub has announced it with ``initiator``.
    """
    changes = command.run(command.apply, initiator)
    command._applied_once = True
    stack.push(command)
    return changes


def _merge_id(table: str, row_id: str, fields: Iterable[str]) -> int:
    key = (str(table), row_id, tuple(sorted(fields)))
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class SetFields(Edit):
    """Change some columns of one row. Consecutive edits of the same fields merge (typing)."""

    def __init__(
        self,
        ws: Workshop,
        table: Table,
        row_id: str,
        values: dict[str, Any],
        text: str = "",
        merge: bool = False,
    ) -> None:
        super().__init__(text or f"Edit {', '.join(values)}")
        self.ws = ws
        self.table = Table(table)
        self.row_id = row_id
        self.new = dict(values)
        self.old = ws.rows.fields(self.table, row_id, values)
        self._id = _merge_id(self.table, row_id, values) if merge else -1

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetFields) or other.id() != self.id() or self._id < 0:
            return False
        self.new = dict(other.new)
        return True

    def apply(self) -> None:
        self.ws.rows.update(self.table, self.row_id, self.new)

    def revert(self) -> None:
        self.ws.rows.update(self.table, self.row_id, self.old)


class DeleteRows(Edit):
    """Delete rows and everything that cascades; undo brings all of it back, ids included."""

    def __init__(self, ws: Workshop, table: Table, ids: Iterable[str], text: str = "") -> None:
        self.ids = list(ids)
        super().__init__(text or f"Delete {len(self.ids)} from {table}")
        self.ws = ws
        self.table = Table(table)
        self.snapshot = ws.rows.snapshot(self.table, self.ids)

    def apply(self) -> None:
        self.ws.rows.delete(self.table, self.ids, self.snapshot)

    def revert(self) -> None:
        self.ws.rows.restore(self.snapshot)


class InsertRow(Edit):
    """Add one row; the id is fixed at construction so redo after undo recreates the same row."""

    def __init__(
        self,
        ws: Workshop,
        table: Table,
        row: dict[str, Any],
        text: str = "",
        prefix: str | None = None,
    ) -> None:
        super().__init__(text or f"Add to {table}")
        self.ws = ws
        self.table = Table(table)
        self.row = dict(row)
        self.row.setdefault("id", new_id(prefix or self.table[:3]))
        stamp = now()
        self.row.setdefault("created", stamp)
        self.row.setdefault("updated", stamp)

    @property
    def row_id(self) -> str:
        return self.row["id"]

    def apply(self) -> None:
        self.ws.rows.insert(self.table, self.row)

    def revert(self) -> None:
        self.ws.rows.delete(self.table, [self.row["id"]])


class Macro(Edit):
    """Several edits as one undo step: applied in order, reverted in reverse order.

    All of them run in the one operation of the macro, so a failure part-way rolls back the
    whole transaction.
    """

    def __init__(self, text: str, edits: Iterable[Edit], ws: Workshop | None = None) -> None:
        super().__init__(text)
        self.edits = list(edits)
        if ws is None and not self.edits:
            raise ValueError("a Macro needs edits or a workshop")
        self.ws = ws if ws is not None else self.edits[0].ws

    def apply(self) -> None:
        for e in self.edits:
            e.apply()

    def revert(self) -> None:
        for e in reversed(self.edits):
            e.revert()


class SetSetting(Edit):
    """Change one per-workshop setting (a JSON value); consecutive typing merges into one step."""

    def __init__(
        self, ws: Workshop, key: str, value: Any, text: str = "", merge: bool = False
    ) -> None:
        super().__init__(text or f"Change {key}")
        self.ws = ws
        self.key = key
        self.new = value
        self.old = ws.info.setting(key)
        self._id = _merge_id(Table.SETTINGS, key, ("value",)) if merge else -1

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetSetting) or other.id() != self.id() or self._id < 0:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.ws.info.set_setting(self.key, self.new)

    def revert(self) -> None:
        self.ws.info.set_setting(self.key, self.old)
