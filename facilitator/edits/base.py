"""Undoable edits shared by every area.

Each user edit is one ``QUndoCommand`` pushed on the workshop's ``QUndoStack``. The command
does the write in ``redo`` (which Qt calls on push) and reverses it in ``undo``. Deleting a
row snapshots every row that SQLite would cascade-delete with it, so undo brings all of them
back, and remembers the references that ``ON DELETE SET NULL`` would clear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from facilitator.store.database import Workshop, bury, unbury
from facilitator.store.ids import new_id, now

_MERGE_IDS: dict[tuple[str, str, tuple[str, ...]], int] = {}


class Edit(QUndoCommand):
    """Base for every undoable edit: subclasses implement ``apply`` and ``revert``.

    Qt swallows Python exceptions raised inside ``redo``/``undo``, so the first application
    happens in Python through :func:`push` (a failure raises before anything is on the stack),
    and later redo/undo failures are reported through ``Edit.on_error``.
    """

    on_error: Callable[[Exception], None] | None = None

    def __init__(self, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._applied_once = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost silently
            if Edit.on_error is None:
                raise
            Edit.on_error(exc)


def push(stack: QUndoStack, command: Edit) -> None:
    """Apply ``command`` now (raising on failure, leaving nothing half-done), then record it."""
    command.apply()
    command._applied_once = True
    stack.push(command)


def _merge_id(table: str, row_id: str, fields: Iterable[str]) -> int:
    key = (table, row_id, tuple(sorted(fields)))
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class SetFields(Edit):
    """Change some columns of one row. Consecutive edits of the same fields merge (typing)."""

    def __init__(
        self,
        workshop: Workshop,
        table: str,
        row_id: str,
        values: dict[str, Any],
        text: str = "",
        merge: bool = False,
    ) -> None:
        super().__init__(text or f"Edit {', '.join(values)}")
        self.workshop = workshop
        self.table = table
        self.row_id = row_id
        self.new = dict(values)
        row = workshop.get(table, row_id) or {}
        self.old = {k: row.get(k) for k in values}
        self._id = _merge_id(table, row_id, values) if merge else -1

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetFields) or other.id() != self.id() or self._id < 0:
            return False
        self.new = dict(other.new)
        return True

    def apply(self) -> None:
        self.workshop.update(self.table, self.row_id, self.new)

    def revert(self) -> None:
        self.workshop.update(self.table, self.row_id, self.old)


def _children(workshop: Workshop, table: str) -> list[tuple[str, str, str, str]]:
    """(child table, child column, parent column, on_delete) for foreign keys onto ``table``."""
    cache = workshop.__dict__.setdefault("_fk_cache", {})
    if table not in cache:
        found = []
        for (name,) in workshop.db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE '%REFERENCES%'"
        ).fetchall():
            for fk in workshop.db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
                # id, seq, table, from, to, on_update, on_delete, match
                if fk[2] == table:
                    found.append((name, fk[3], fk[4] or "id", fk[6].upper()))
        cache[table] = found
    return cache[table]


class Snapshot:
    """Rows a delete removes (parents first) and references it clears, for exact restore."""

    def __init__(self, workshop: Workshop, table: str, ids: Iterable[str]) -> None:
        self.rows: list[tuple[str, dict[str, Any]]] = []
        self.cleared: list[tuple[str, str, str, Any]] = []  # table, id, column, value
        self._collect(workshop, table, list(ids), set())

    def _collect(self, ws: Workshop, table: str, ids: list[str], seen: set) -> None:
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        rows = list(ws.db.query(f"SELECT * FROM [{table}] WHERE id IN ({marks})", ids))
        fresh = [r for r in rows if (table, r["id"]) not in seen]
        for r in fresh:
            seen.add((table, r["id"]))
            self.rows.append((table, r))
        fresh_ids = [r["id"] for r in fresh]
        if not fresh_ids:
            return
        marks = ",".join("?" * len(fresh_ids))
        for child, column, _parent_col, on_delete in _children(ws, table):
            q = f"SELECT id, [{column}] FROM [{child}] WHERE [{column}] IN ({marks})"
            hits = ws.db.execute(q, fresh_ids).fetchall()
            if on_delete == "CASCADE":
                self._collect(ws, child, [h[0] for h in hits], seen)
            elif on_delete == "SET NULL":
                self.cleared.extend((child, h[0], column, h[1]) for h in hits)

    def restore(self, ws: Workshop) -> None:
        with ws.transaction() as db:
            for table, row in self.rows:
                # upsert, not INSERT OR REPLACE: a replace would cascade-delete children
                db[table].upsert(row, pk="id")
                unbury(db, table, [row["id"]])
            for table, row_id, column, value in self.cleared:
                db.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE id = ?", [value, row_id])
        for table in {t for t, _ in self.rows} | {c[0] for c in self.cleared}:
            ws.notify(table)

    def tables(self) -> set[str]:
        return {t for t, _ in self.rows} | {c[0] for c in self.cleared}


def delete_rows(ws: Workshop, table: str, ids: list[str]) -> None:
    """Delete rows (and what cascades) leaving tombstones so merges do not bring them back."""
    snap = Snapshot(ws, table, ids)
    stamp = now()
    with ws.transaction() as db:
        marks = ",".join("?" * len(ids))
        db.execute(f"DELETE FROM [{table}] WHERE id IN ({marks})", ids)
        for t, row in snap.rows:
            bury(db, t, [row["id"]], stamp)
    for t in snap.tables():
        ws.notify(t)


class DeleteRows(Edit):
    def __init__(self, workshop: Workshop, table: str, ids: Iterable[str], text: str = "") -> None:
        self.ids = list(ids)
        super().__init__(text or f"Delete {len(self.ids)} from {table}")
        self.workshop = workshop
        self.table = table
        self.snapshot = Snapshot(workshop, table, self.ids)

    def apply(self) -> None:
        delete_rows(self.workshop, self.table, self.ids)

    def revert(self) -> None:
        self.snapshot.restore(self.workshop)


class InsertRow(Edit):
    """Add one row; the id is fixed at construction so redo after undo recreates the same row."""

    def __init__(
        self,
        workshop: Workshop,
        table: str,
        row: dict[str, Any],
        text: str = "",
        prefix: str | None = None,
    ) -> None:
        super().__init__(text or f"Add to {table}")
        self.workshop = workshop
        self.table = table
        self.row = dict(row)
        self.row.setdefault("id", new_id(prefix or table[:3]))
        stamp = now()
        self.row.setdefault("created", stamp)
        self.row.setdefault("updated", stamp)

    @property
    def row_id(self) -> str:
        return self.row["id"]

    def apply(self) -> None:
        self.workshop.insert(self.table, self.row)

    def revert(self) -> None:
        delete_rows(self.workshop, self.table, [self.row["id"]])


class Macro(Edit):
    """Several edits as one undo step: applied in order, reverted in reverse order."""

    def __init__(self, text: str, edits: Iterable[Edit]) -> None:
        super().__init__(text)
        self.edits = list(edits)

    def apply(self) -> None:
        done: list[Edit] = []
        try:
            for e in self.edits:
                e.apply()
                done.append(e)
        except Exception:
            for e in reversed(done):
                e.revert()
            raise

    def revert(self) -> None:
        for e in reversed(self.edits):
            e.revert()


class SetSetting(Edit):
    """Change one per-workshop setting (a JSON value); consecutive typing merges into one step."""

    def __init__(
        self, workshop: Workshop, key: str, value: Any, text: str = "", merge: bool = False
    ) -> None:
        super().__init__(text or f"Change {key}")
        self.workshop = workshop
        self.key = key
        self.new = value
        self.old = workshop.setting(key)
        self._id = _merge_id("settings", key, ("value",)) if merge else -1

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetSetting) or other.id() != self.id() or self._id < 0:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.workshop.set_setting(self.key, self.new)

    def revert(self) -> None:
        self.workshop.set_setting(self.key, self.old)
