"""Undoable edits: one QUndoCommand per user edit; edits call stores, never widgets."""
