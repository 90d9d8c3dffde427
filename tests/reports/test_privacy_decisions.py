"""Privacy decisions are stored in the workshop, undoable, and change what outputs print."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.domain.privacy import Choice, Decision, fold
from facilitator.edits.base import push
from facilitator.edits.privacy import (
    decide_hits,
    decide_organisation,
    decide_person,
    set_privacy_options,
)
from facilitator.store.database import Workshop
from facilitator.store.privacy import SETTING_KEY, PrivacyStore
from facilitator.store.tables import Table


def _printed(ws: Workshop) -> dict[str, str]:
    """Matched text → what the report prints instead, for every hit."""
    return {f.hit.text: f.printed for f in ws.report.load_report().privacy}


def _unresolved(ws: Workshop) -> set[str]:
    return {f.hit.text for f in ws.report.load_report().privacy if f.unresolved}


def test_decide_one_hit_then_undo_and_redo(workshop: Workshop, qapp):  # noqa: ANN001
    stack = QUndoStack()
    findings = workshop.report.load_report().privacy
    sarah = [f for f in findings if f.hit.text == "Sarah Whitfield"]
    changes = push(stack, decide_hits(workshop, sarah, Choice.KEEP))
    assert changes.touches(Table.SETTINGS)
    assert stack.undoText() == "Keep “Sarah Whitfield”"
    assert _printed(workshop)["Sarah Whitfield"] == "Sarah Whitfield"
    assert "Sarah Whitfield" not in _unresolved(workshop)
    stack.undo()
    assert _printed(workshop)["Sarah Whitfield"] == "[name withheld]"
    assert "Sarah Whitfield" in _unresolved(workshop)
    stack.redo()
    assert _printed(workshop)["Sarah Whitfield"] == "Sarah Whitfield"


def test_decide_every_mention_of_a_person(workshop: Workshop, qapp):  # noqa: ANN001
    stack = QUndoStack()
    lestari = next(f for f in workshop.report.load_report().privacy if f.hit.text == "D. Lestari")
    pid = lestari.hit.person
    assert pid
    push(stack, decide_person(workshop, pid, Choice.WITHHOLD, "the delegate of Indonesia"))
    assert stack.undoText() == "Withhold every mention of Dewi Lestari"
    printed = _printed(workshop)
    assert printed["Ms. Lestari"] == "The delegate of Indonesia"  # it starts the note
    assert printed["D. Lestari"] == "the delegate of Indonesia"
    assert printed["dewi.lestari@example.org"] == "[e-mail withheld]"  # an e-mail is not a name
    # a decision for one hit still wins over the person's
    ms = [f for f in workshop.report.load_report().privacy if f.hit.text == "Ms. Lestari"]
    push(stack, decide_hits(workshop, ms, Choice.KEEP))
    assert _printed(workshop)["Ms. Lestari"] == "Ms. Lestari"
    stack.undo()
    stack.undo()
    assert {"Ms. Lestari", "D. Lestari"} <= _unresolved(workshop)


def test_decide_an_organisation_and_the_options(workshop: Workshop, qapp):  # noqa: ANN001
    stack = QUndoStack()
    with workshop.operation():
        workshop.rows.update(
            Table.NOTES, "not_ses_demo102_0", {"text": "BNPT and Ms. Lestari presented."}
        )
    assert _printed(workshop)["BNPT"] == "[organisation withheld]"
    key = fold("National Counter Terrorism Agency (BNPT)")
    push(stack, decide_organisation(workshop, key, Choice.NOT_A_NAME))
    assert _printed(workshop)["BNPT"] == "BNPT"
    push(stack, set_privacy_options(workshop, replacement="country"))
    mine = [f for f in workshop.report.load_report().privacy if f.source.row == "not_ses_demo102_0"]
    assert [f.printed for f in mine] == ["BNPT", "a participant from Indonesia"]
    push(stack, set_privacy_options(workshop, organisations=False))
    assert "BNPT" not in _printed(workshop)
    for _ in range(3):
        stack.undo()
    assert PrivacyStore(workshop).policy().organisations is True
    assert workshop.info.setting(SETTING_KEY) is None  # back to no saved choices at all


def test_bad_requests_change_nothing(workshop: Workshop):
    with pytest.raises(ValueError, match="no person"):
        decide_person(workshop, "per_nobody", Choice.KEEP)
    with pytest.raises(ValueError, match="no organisation"):
        decide_organisation(workshop, "no such org", Choice.KEEP)
    with pytest.raises(ValueError, match="replacement must be one of"):
        set_privacy_options(workshop, replacement="rude")
    with pytest.raises(ValueError, match="no hits"):
        decide_hits(workshop, [], Choice.KEEP)
    assert workshop.info.setting(SETTING_KEY) is None


def test_decisions_survive_an_edit_elsewhere_in_the_text(workshop: Workshop, qapp):  # noqa: ANN001
    stack = QUndoStack()
    hits = [f for f in workshop.report.load_report().privacy if f.hit.text == "Жумабаевой"]
    push(stack, decide_hits(workshop, hits, Choice.WITHHOLD, "казахстанской участницы"))
    note = hits[0].source.row
    text = workshop.rows.get(Table.NOTES, note)["text"]
    with workshop.operation():
        workshop.rows.update(Table.NOTES, note, {"text": "Важно: " + text + " Все согласились."})
    assert _printed(workshop)["Жумабаевой"] == "казахстанской участницы"
    stored = PrivacyStore(workshop).policy().hits
    assert stored == {hits[0].key: Decision(Choice.WITHHOLD, "казахстанской участницы")}
