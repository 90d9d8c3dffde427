"""Every write is one operation that announces, once, what it changed and who asked."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from facilitator.edits.base import Macro, SetFields, push
from facilitator.edits.capture import AddNote, delete_notes
from facilitator.store.changes import Changes
from facilitator.store.database import Workshop
from facilitator.store.errors import StorageError
from facilitator.store.notes import new_note_row
from facilitator.store.tables import Table
from facilitator.store.writer import Outcome, WorkshopClosedError

pytestmark = pytest.mark.usefixtures("qapp")


def record(ws: Workshop) -> list[Changes]:
    seen: list[Changes] = []
    ws.hub.changed.connect(seen.append)
    return seen


def test_an_edit_is_announced_once_with_its_rows_and_initiator(workshop: Workshop) -> None:
    seen = record(workshop)
    view = object()
    stack = QUndoStack()
    row = new_note_row(session_id="ses_demo001", text="A point")
    changes = push(stack, AddNote(workshop, row), initiator=view)
    assert seen == [changes]
    assert changes.ids(Table.NOTES) == {row["id"]}
    assert changes.made_by(view) and not changes.made_by(object())
    assert not changes.touches(Table.PEOPLE)


def test_undo_and_redo_are_announced_without_initiator(workshop: Workshop) -> None:
    stack = QUndoStack()
    view = object()
    push(stack, SetFields(workshop, Table.SESSIONS, "ses_demo001", {"title": "New"}), view)
    seen = record(workshop)
    stack.undo()
    stack.redo()
    assert len(seen) == 2
    assert all(c.initiator is None and c.ids(Table.SESSIONS) == {"ses_demo001"} for c in seen)
    assert workshop.rows.get(Table.SESSIONS, "ses_demo001")["title"] == "New"


def test_a_macro_is_one_transaction_and_one_announcement(workshop: Workshop) -> None:
    seen = record(workshop)
    stack = QUndoStack()
    macro = Macro(
        "Two titles",
        [
            SetFields(workshop, Table.SESSIONS, "ses_demo001", {"title": "One"}),
            SetFields(workshop, Table.SESSIONS, "ses_demo002", {"title": "Two"}),
        ],
    )
    push(stack, macro)
    assert len(seen) == 1
    assert seen[0].ids(Table.SESSIONS) == {"ses_demo001", "ses_demo002"}


def test_a_failing_edit_leaves_nothing_and_announces_nothing(workshop: Workshop) -> None:
    before = workshop.rows.get(Table.SESSIONS, "ses_demo001")["title"]
    seen = record(workshop)
    stack = QUndoStack()
    bad = Macro(
        "Half a change",
        [
            SetFields(workshop, Table.SESSIONS, "ses_demo001", {"title": "Changed"}),
            SetFields(workshop, Table.SESSIONS, "ses_demo002", {"duration_min": -5}),  # CHECK
        ],
    )
    with pytest.raises(StorageError):
        push(stack, bad)
    assert workshop.rows.get(Table.SESSIONS, "ses_demo001")["title"] == before
    assert seen == [] and stack.count() == 0


def test_a_cascade_delete_reports_every_row_it_removed(workshop: Workshop) -> None:
    stack = QUndoStack()
    note_ids = [n["id"] for n in workshop.notes.notes_for("ses_demo001")][:2]
    assert note_ids
    changes = push(stack, delete_notes(workshop, note_ids))
    assert changes.ids(Table.NOTES) == set(note_ids)


def test_writes_from_another_thread_are_refused(workshop: Workshop) -> None:
    errors: list[BaseException] = []

    def write() -> None:
        try:
            workshop.rows.update(Table.SESSIONS, "ses_demo001", {"title": "x"})
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    t.join()
    assert errors and "writer" in str(errors[0])


@dataclass(frozen=True)
class Retitle:
    session_id: str
    title: str

    def apply(self, ws: Workshop) -> str:
        ws.rows.update(Table.SESSIONS, self.session_id, {"title": self.title})
        return self.title.upper()


def test_another_thread_submits_operations_that_run_on_the_workshop_thread(
    workshop: Workshop,
) -> None:
    seen = record(workshop)
    results: list[Future[Outcome]] = []
    ran_on: list[int] = []
    original = Retitle.apply

    def apply(self: Retitle, ws: Workshop) -> str:
        ran_on.append(threading.get_ident())
        return original(self, ws)

    Retitle.apply = apply  # type: ignore[method-assign]
    try:
        t = threading.Thread(
            target=lambda: results.extend(
                workshop.writer.submit(Retitle("ses_demo001", f"t{i}"), "phone") for i in range(5)
            )
        )
        t.start()
        t.join()
        app = QCoreApplication.instance()
        for _ in range(50):
            app.processEvents()
            if all(f.done() for f in results):
                break
    finally:
        Retitle.apply = original  # type: ignore[method-assign]
    outcomes = [f.result(timeout=1) for f in results]
    assert [o.value for o in outcomes] == ["T0", "T1", "T2", "T3", "T4"]
    assert set(ran_on) == {threading.main_thread().ident}
    assert [c.initiator for c in seen] == ["phone"] * 5
    assert outcomes[-1].changes.ids(Table.SESSIONS) == {"ses_demo001"}
    assert workshop.rows.get(Table.SESSIONS, "ses_demo001")["title"] == "t4"


def test_a_failing_operation_hands_its_error_to_the_submitter(workshop: Workshop) -> None:
    future = workshop.writer.submit(Retitle("no-such-session", "x"))
    # Updating a missing row is an error from sqlite-utils; it reaches the future.
    assert future.done() and future.exception() is not None


def test_operations_queued_when_the_workshop_closes_fail_cleanly(demo_path) -> None:  # noqa: ANN001
    ws = Workshop(demo_path)
    futures: list[Future[Outcome]] = []
    t = threading.Thread(target=lambda: futures.append(ws.writer.submit(Retitle("x", "y"))))
    t.start()
    t.join()
    ws.close()
    QCoreApplication.instance().processEvents()
    assert isinstance(futures[0].exception(timeout=1), WorkshopClosedError)
    late = ws.writer.submit(Retitle("x", "y"))
    assert isinstance(late.exception(timeout=1), WorkshopClosedError)
