"""A typed note is one INSERT: last in its session, its draft cleared, undo and redo exact."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.edits.base import push
from facilitator.edits.capture import AddNote
from facilitator.store.database import Workshop
from facilitator.store.errors import WorkshopError
from facilitator.store.notes import new_note_row
from facilitator.store.tables import Table

pytestmark = pytest.mark.usefixtures("qapp")

DRAFT = "capture.input"


def _tombstoned(ws: Workshop, note_id: str) -> bool:
    return bool(
        ws.query("SELECT 1 FROM tombstones WHERE table_name = 'notes' AND row_id = ?", [note_id])
    )


def test_a_note_without_position_goes_last_and_undo_redo_keep_it_there(
    workshop: Workshop,
) -> None:
    end = workshop.notes.next_position("ses_demo001")
    workshop.notes.save_draft(DRAFT, "A point", {"session_id": "ses_demo001"})
    stack = QUndoStack()
    note = AddNote(
        workshop, new_note_row(session_id="ses_demo001", text="A point", position=None), DRAFT
    )
    push(stack, note)
    row = workshop.rows.get(Table.NOTES, note.note_id)
    assert row["position"] == end and row["text"] == "A point"
    assert workshop.notes.load_draft(DRAFT) is None  # cleared with the insert
    assert workshop.notes.notes_for("ses_demo001")[-1]["id"] == note.note_id

    stack.undo()
    assert workshop.rows.get(Table.NOTES, note.note_id) is None
    assert _tombstoned(workshop, note.note_id)  # a merge must not bring it back
    workshop.notes.save_draft(DRAFT, "typed after the undo", {"session_id": "ses_demo001"})
    stack.redo()
    again = workshop.rows.get(Table.NOTES, note.note_id)
    assert again["position"] == end and again["text"] == "A point"
    assert not _tombstoned(workshop, note.note_id)  # exists again: no tombstone left
    assert workshop.notes.load_draft(DRAFT)["text"] == "typed after the undo"  # kept


def test_a_note_that_cannot_be_saved_keeps_its_draft(workshop: Workshop) -> None:
    workshop.notes.save_draft(DRAFT, "Lost?", {"session_id": "ses_nope"})
    before = workshop.query("SELECT count(*) AS n FROM notes")[0]["n"]
    stack = QUndoStack()
    bad = AddNote(workshop, new_note_row(session_id="ses_nope", text="Lost?", position=None), DRAFT)
    with pytest.raises(WorkshopError):
        push(stack, bad)  # no such session: the foreign key refuses it
    assert workshop.query("SELECT count(*) AS n FROM notes")[0]["n"] == before
    assert workshop.notes.load_draft(DRAFT)["text"] == "Lost?"  # the typed text is not lost
    assert stack.count() == 0


def test_add_note_outside_an_edit_is_its_own_operation(workshop: Workshop) -> None:
    seen = []
    workshop.hub.changed.connect(seen.append)
    row = new_note_row(session_id="ses_demo002", text="From the venue", position=None)
    assert workshop.notes.add_note(row) == row["id"]
    assert len(seen) == 1 and seen[0].ids(Table.NOTES) == {row["id"]}
    assert workshop.notes.notes_for("ses_demo002")[-1]["id"] == row["id"]
