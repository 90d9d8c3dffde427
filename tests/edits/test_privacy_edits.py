"""Several privacy decisions as one undo step, the way the Privacy check makes them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.domain.privacy import Choice
from facilitator.edits.base import push
from facilitator.edits.privacy import decide, decide_hits
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

LESTARI = "per_demo025"


def _by_text(ws: Workshop) -> dict:
    return {f.hit.text: f for f in ws.report.load_report().privacy}


def test_every_mention_of_a_person_forgets_her_own_decisions(workshop: Workshop, qapp) -> None:  # noqa: ANN001
    stack = QUndoStack()
    hits = _by_text(workshop)
    push(stack, decide_hits(workshop, [hers := hits["D. Lestari"]], Choice.KEEP))
    theirs = [f for f in workshop.report.load_report().privacy if f.hit.person == LESTARI]
    push(stack, decide(workshop, Choice.WITHHOLD, people=[LESTARI], forget=theirs))
    assert stack.undoText() == "Withhold every mention of Dewi Lestari"
    policy = workshop.privacy.policy()
    assert hers.key not in policy.hits and policy.people[LESTARI].choice == Choice.WITHHOLD
    assert _by_text(workshop)["D. Lestari"].printed == "[name withheld]"
    stack.undo()  # one step back: her own "keep" again
    assert _by_text(workshop)["D. Lestari"].printed == "D. Lestari"


def test_hits_and_people_in_one_step(workshop: Workshop, qapp) -> None:  # noqa: ANN001
    stack = QUndoStack()
    hits = _by_text(workshop)
    edit = decide(
        workshop,
        Choice.NOT_A_NAME,
        hits=[hits["Sarah Whitfield"], hits["Kenji Watanabe"]],
        people=[LESTARI],
    )
    push(stack, edit)
    assert stack.undoText() == "Mark as not a name every mention of Dewi Lestari and 2 more hits"
    printed = _by_text(workshop)
    assert printed["Sarah Whitfield"].printed == "Sarah Whitfield"
    assert printed["Ms. Lestari"].printed == "Ms. Lestari"
    stack.undo()
    assert workshop.privacy.policy().hits == {} and workshop.privacy.policy().people == {}


def test_a_replacement_typed_for_one_hit(workshop: Workshop, qapp) -> None:  # noqa: ANN001
    stack = QUndoStack()
    ms = _by_text(workshop)["Ms. Lestari"]
    push(stack, decide(workshop, Choice.WITHHOLD, hits=[ms], replacement="  the delegate  "))
    assert stack.undoText() == "Withhold “Ms. Lestari”"
    assert _by_text(workshop)["Ms. Lestari"].printed == "The delegate"


def test_bad_targets_say_what_is_wrong(workshop: Workshop) -> None:
    with pytest.raises(ValueError, match="nothing to decide"):
        decide(workshop, Choice.KEEP)
    with pytest.raises(ValueError, match="no person 'per_nobody' in demo.workshop"):
        decide(workshop, Choice.KEEP, people=["per_nobody"])
    with pytest.raises(ValueError, match="no organisation 'acme'"):
        decide(workshop, Choice.KEEP, organisations=["acme"])
    assert workshop.privacy.policy().people == {}


def test_the_engine_is_compiled_again_only_when_the_roster_changes(workshop: Workshop) -> None:
    store = workshop.privacy
    first = store.engine()
    assert store.engine() is first  # a projector redrawing on every answer stays fast
    with workshop.operation():
        workshop.venue.ensure_join_code()  # other tables: the same engine
    assert store.engine() is first
    with workshop.operation():
        workshop.rows.update(Table.PEOPLE, LESTARI, {"name": "Dewi Lestari-Putri"})
    renamed = store.engine()
    assert renamed is not first and "Dewi Lestari-Putri" in {p.name for p in renamed.people}


def test_a_write_by_another_connection_is_seen(workshop: Workshop, demo_path) -> None:  # noqa: ANN001
    with Workshop(demo_path, read_only=True) as reader:
        before = reader.privacy.engine()
        with workshop.operation():
            workshop.rows.update(Table.PEOPLE, LESTARI, {"name": "Dewi Kusuma"})
        after = reader.privacy.engine()
        assert after is not before and after.find("Ms. Kusuma spoke.")


def test_lists_private(workshop: Workshop) -> None:
    assert workshop.privacy.lists_private()  # the demo is under the Chatham House Rule
    with workshop.operation():
        workshop.info.set_details({"chatham_house": 0})
    assert not workshop.privacy.lists_private()
    with workshop.operation():
        workshop.info.set_details({"privacy": "name_org"})
    assert workshop.privacy.lists_private()
