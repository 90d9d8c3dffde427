"""Generic row writes shared by the undoable edits: one row's fields, insert, cascade delete.

Deleting a row takes a :class:`Snapshot` first: every row SQLite would cascade-delete with
it (parents first) and every reference ``ON DELETE SET NULL`` would clear, so that undo puts
back exactly what was there. Deleted rows leave tombstones so a merge does not revive them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from facilitator.store.database import bury, unbury
from facilitator.store.ids import new_id, now
from facilitator.store.tables import Table

if TYPE_CHECKING:
    from facilitator.store.database import Workshop

Row = dict[str, Any]


@dataclass
class Snapshot:
    """Rows a delete removes (parents first) and references it clears, for exact restore."""

    rows: list[tuple[Table, Row]] = field(default_factory=list)
    cleared: list[tuple[Table, str, str, Any]] = field(
        default_factory=list
    )  # table, id, col, value

    def tables(self) -> set[Table]:
        return {t for t, _ in self.rows} | {c[0] for c in self.cleared}


class RowStore:
    """Writes that any table's rows share, for the generic edits in ``edits/base.py``."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws
        self._children: dict[Table, list[tuple[Table, str, str]]] = {}

    def get(self, table: Table, row_id: str) -> Row | None:
        rows = list(self.ws.db.query(f"SELECT * FROM [{Table(table)}] WHERE id = ?", [row_id]))
        return rows[0] if rows else None

    def fields(self, table: Table, row_id: str, names: Iterable[str]) -> dict[str, Any]:
        row = self.get(table, row_id) or {}
        return {k: row.get(k) for k in names}

    def insert(self, table: Table, row: Row, prefix: str | None = None) -> str:
        table = Table(table)
        stamp = now()
        row = dict(row)
        row.setdefault("id", new_id(prefix or table[:3]))
        row.setdefault("created", stamp)
        row.setdefault("updated", stamp)
        with self.ws.operation() as op:
            self.ws.db[table].insert(row)
            unbury(self.ws.db, table, [row["id"]])
            op.touch(table, [row["id"]])
        return row["id"]

    def update(self, table: Table, row_id: str, values: dict[str, Any]) -> None:
        table = Table(table)
        values = dict(values)
        values["updated"] = now()
        with self.ws.operation() as op:
            self.ws.db[table].update(row_id, values)
            op.touch(table, [row_id])

    def load(
        self,
        plan: list[tuple[Table, list[Row]]],
        progress: Callable[[float], None] | None = None,
    ) -> None:
        """Insert many rows of many tables in one transaction (the demo, in parents-first order).

        Rows are grouped by their keys, so columns a row leaves out keep their defaults. A
        table with a full-text index gets its new rows indexed in one statement at the end
        instead of one trigger call per row (seven times faster for the huge workshop).
        """
        stamp = now()
        conn = self.ws.db.conn
        with self.ws.operation() as op:
            for i, (table, rows) in enumerate(plan):
                table = Table(table)
                groups: dict[tuple[str, ...], list[Row]] = {}
                for r in rows:
                    r.setdefault("created", stamp)
                    r.setdefault("updated", stamp)
                    groups.setdefault(tuple(sorted(r)), []).append(r)
                with self._bulk_index(table, len(rows)):
                    for keys, group in groups.items():
                        columns = ", ".join(f"[{k}]" for k in keys)
                        marks = ", ".join("?" * len(keys))
                        conn.executemany(
                            f"INSERT INTO [{table}] ({columns}) VALUES ({marks})",
                            map(itemgetter(*keys), group),  # tuples: 2+ keys (the stamps)
                        )
                op.touch(table)
                if progress:
                    progress((i + 1) / len(plan))

    BULK_OVER = 5000  # rows; fewer go in with the table's indexes and triggers as usual

    @contextmanager
    def _bulk_index(self, table: Table, count: int) -> Iterator[None]:
        """Build a table's indexes and full-text index once, after a bulk insert.

        Inserting hundreds of thousands of rows into live indexes and through the FTS5
        trigger row by row costs three times as long as sorting them in once at the end.
        Runs inside the caller's transaction: the indexes and the insert trigger are
        dropped and made again from their own SQL, so a failure leaves the file as it was.
        """
        if count < self.BULK_OVER:
            yield
            return
        db = self.ws.db
        fts = f"{table}_fts"
        found = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
            "AND (type = 'index' OR (type = 'trigger' AND name = ?))",
            [str(table), f"{table}_ai"],
        ).fetchall()
        indexes = [(name, sql) for kind, name, sql in found if kind == "index"]
        trigger = next((sql for kind, _name, sql in found if kind == "trigger"), None)
        indexed = trigger is not None and db[fts].exists()
        last = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table}]").fetchone()[0]
        cache = db.execute("PRAGMA cache_size").fetchone()[0]
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB while the indexes are sorted
        for name, _sql in indexes:
            db.execute(f"DROP INDEX [{name}]")
        if indexed:
            db.execute(f"DROP TRIGGER [{table}_ai]")
        try:
            yield
            for _name, sql in indexes:
                db.execute(sql)
            if indexed:
                columns = ", ".join(f"[{r[1]}]" for r in db.execute(f"PRAGMA table_info([{fts}])"))
                db.execute(
                    f"INSERT INTO [{fts}] (rowid, {columns}) SELECT rowid, {columns} "
                    f"FROM [{table}] WHERE rowid > ?",
                    [last],
                )
                db.execute(trigger)
        finally:
            db.execute(f"PRAGMA cache_size = {int(cache)}")

    # -- delete with everything that cascades --------------------------------------------
    def children(self, table: Table) -> list[tuple[Table, str, str]]:
        """(child table, child column, on_delete) for foreign keys onto ``table``."""
        if table not in self._children:
            found = []
            db = self.ws.db
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE '%REFERENCES%'"
            ).fetchall():
                for fk in db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
                    # id, seq, table, from, to, on_update, on_delete, match
                    if fk[2] == table:
                        found.append((Table(name), fk[3], fk[6].upper()))
            self._children[table] = found
        return self._children[table]

    def snapshot(self, table: Table, ids: Iterable[str]) -> Snapshot:
        snap = Snapshot()
        self._collect(snap, Table(table), list(ids), set())
        return snap

    def _collect(self, snap: Snapshot, table: Table, ids: list[str], seen: set) -> None:
        if not ids:
            return
        db = self.ws.db
        marks = ",".join("?" * len(ids))
        rows = list(db.query(f"SELECT * FROM [{table}] WHERE id IN ({marks})", ids))
        fresh = [r for r in rows if (table, r["id"]) not in seen]
        for r in fresh:
            seen.add((table, r["id"]))
            snap.rows.append((table, r))
        fresh_ids = [r["id"] for r in fresh]
        if not fresh_ids:
            return
        marks = ",".join("?" * len(fresh_ids))
        for child, column, on_delete in self.children(table):
            q = f"SELECT id, [{column}] FROM [{child}] WHERE [{column}] IN ({marks})"
            hits = db.execute(q, fresh_ids).fetchall()
            if on_delete == "CASCADE":
                self._collect(snap, child, [h[0] for h in hits], seen)
            elif on_delete == "SET NULL":
                snap.cleared.extend((child, h[0], column, h[1]) for h in hits)

    def delete(self, table: Table, ids: list[str], snapshot: Snapshot | None = None) -> Snapshot:
        """Delete rows and what cascades, leaving tombstones; returns what was removed."""
        if isinstance(ids, str):
            raise TypeError("delete() takes a list of ids")
        table = Table(table)
        snap = snapshot or self.snapshot(table, ids)
        stamp = now()
        with self.ws.operation() as op:
            marks = ",".join("?" * len(ids))
            self.ws.db.execute(f"DELETE FROM [{table}] WHERE id IN ({marks})", ids)
            for t, row in snap.rows:
                bury(self.ws.db, t, [row["id"]], stamp)
            for t, row in snap.rows:
                op.touch(t, [row["id"]])
            for t, row_id, _column, _value in snap.cleared:
                op.touch(t, [row_id])
        return snap

    def restore(self, snap: Snapshot) -> None:
        """Put back exactly what a delete removed, ids and cleared references included."""
        db = self.ws.db
        with self.ws.operation() as op:
            for table, row in snap.rows:
                # upsert, not INSERT OR REPLACE: a replace would cascade-delete children
                db[table].upsert(row, pk="id")
                unbury(db, table, [row["id"]])
                op.touch(table, [row["id"]])
            for table, row_id, column, value in snap.cleared:
                db.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE id = ?", [value, row_id])
                op.touch(table, [row_id])
