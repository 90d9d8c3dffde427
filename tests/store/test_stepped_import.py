"""A large roster import is written in steps inside one transaction (issue #16).

Between steps the UI thread repaints; the import is still all or nothing, the file's
settings are as before once it ends, its log reaches the file itself, and an operation
another thread submits meanwhile waits for it instead of joining its transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from facilitator.store.database import CACHE_KIB, Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.people import IMPORT_STEP
from facilitator.store.tables import Table
from facilitator.store.writer import Outcome

pytestmark = pytest.mark.usefixtures("qapp")

N = 3000


def people(n: int, made: list[int] | None = None) -> Iterator[dict[str, Any]]:
    for i in range(n):
        if made is not None:
            made.append(i)
        yield {"name": f"Walk-in {i}", "organisation": "UNDP", "email": f"w{i}@example.org"}


def count(path: str) -> int:
    """People in the file as another program sees it (its committed state)."""
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        con.close()


def test_rows_are_made_and_written_in_steps_of_one_transaction(workshop: Workshop) -> None:
    before = count(str(workshop.path))
    made: list[int] = []
    seen: list[tuple[float, int, int]] = []  # (fraction, rows made so far, rows others see)

    def progress(fraction: float) -> None:
        seen.append((fraction, len(made), count(str(workshop.path))))

    new_ids, olds = workshop.people.write_import(people(N, made), [], progress, total=N)
    assert len(new_ids) == N and olds == []
    steps = [s for s in seen if s[0] < 1.0]
    assert len(steps) >= N // IMPORT_STEP - 1
    # each row is built only when its step writes it (a generator is never read ahead)
    assert [m for _f, m, _c in steps] == [IMPORT_STEP * (k + 1) for k in range(len(steps))]
    assert [f for f, _m, _c in seen] == sorted(f for f, _m, _c in seen) and seen[-1][0] == 1.0
    # nobody else sees half an import: the steps are one transaction
    assert {c for _f, _m, c in steps} == {before}
    assert count(str(workshop.path)) == before + N


def test_a_large_import_leaves_the_file_settings_and_the_file_as_before(
    workshop: Workshop,
) -> None:
    workshop.people.write_import(people(N), [], total=N)
    conn = workshop.connection
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == CACHE_KIB
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert workshop._checkpointer is not None
    workshop._checkpointer.join(10)
    # the log was copied into the file itself: the file alone, without its log, has them
    uri = f"file:{workshop.path}?immutable=1"
    con = sqlite3.connect(uri, uri=True)
    try:
        written = con.execute("SELECT count(*) FROM people WHERE name LIKE 'Walk-in %'")
        assert written.fetchone()[0] == N
    finally:
        con.close()


def test_a_large_import_that_fails_half_way_writes_nothing(workshop: Workshop) -> None:
    before = count(str(workshop.path))

    def broken() -> Iterator[dict[str, Any]]:
        yield from people(N // 2)
        yield {"name": "Twin", "id": "per_twin"}
        yield {"name": "Twin", "id": "per_twin"}  # the same id twice: the file refuses it

    with pytest.raises(WorkshopError):
        workshop.people.write_import(broken(), [], total=N)
    assert count(str(workshop.path)) == before
    conn = workshop.connection
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == CACHE_KIB
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert not workshop.writing


@dataclass(frozen=True)
class Retitle:
    session_id: str
    title: str

    def apply(self, ws: Workshop) -> str:
        ws.rows.update(Table.SESSIONS, self.session_id, {"title": self.title})
        return self.title


def test_an_operation_from_another_thread_waits_for_a_stepped_write(
    workshop: Workshop,
) -> None:
    app = QCoreApplication.instance()
    futures: list[Future[Outcome]] = []
    waited: list[bool] = []

    def progress(_fraction: float) -> None:
        if not futures:
            t = threading.Thread(
                target=lambda: futures.append(
                    workshop.writer.submit(Retitle("ses_demo001", "From a phone"))
                )
            )
            t.start()
            t.join()
        app.processEvents()  # what the import's progress dialog does between steps
        if workshop.writing:  # (the last call comes once the transaction has ended)
            waited.append(not futures[0].done())

    workshop.people.write_import(people(N), [], progress, total=N)
    assert waited and all(waited)  # it never ran inside the import's transaction
    for _ in range(100):
        app.processEvents()
        if futures[0].done():
            break
        threading.Event().wait(0.01)
    outcome = futures[0].result(timeout=1)
    assert outcome.value == "From a phone"
    assert outcome.changes.ids(Table.SESSIONS) == {"ses_demo001"}
    assert not outcome.changes.touches(Table.PEOPLE)  # its own announcement, not the import's
    assert workshop.rows.get(Table.SESSIONS, "ses_demo001")["title"] == "From a phone"
