"""The venue's rows in the workshop file: rules, merging copies, the report and exports."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from facilitator.domain.venue import (
    EvalQuestionSpec,
    OptionSpec,
    PollSpec,
    VenueInputError,
    pair_questions,
    parse_answer,
    summarise_question,
    tally,
)
from facilitator.exports import run_export
from facilitator.store.database import Workshop
from facilitator.store.schema import schema_version
from facilitator.store.tables import MERGEABLE_TABLES, Table
from facilitator.venue.i18n import negotiate
from tests.venue.phones import add_evaluation, add_poll
from tests.venue.test_desktop import phones

ABC = (OptionSpec("a", "A"), OptionSpec("b", "B"), OptionSpec("c", "C"))


# -- rules ---------------------------------------------------------------------------------------


def test_tallies_of_every_kind() -> None:
    single = tally(PollSpec("p", "single", "?", ABC), ["a", "b", "a", "zz"])
    assert [(b.label, b.value) for b in single.bars] == [("A", 2), ("B", 1), ("C", 0)]
    assert single.responses == 4 and single.bars[0].share == 1.0
    multi = tally(PollSpec("p", "multiple", "?", ABC), [["a", "c"], ["c"]])
    assert [b.value for b in multi.bars] == [1, 0, 2]
    scale = tally(PollSpec("p", "scale", "?", scale_max=5), [5, 4, 4, 1])
    assert [b.value for b in scale.bars] == [1, 0, 0, 2, 1] and scale.mean == 3.5
    words = tally(
        PollSpec("p", "words", "?"), [["Trust", "youth"], ["trust."], ["Youth"], ["jobs"]]
    )
    assert words.words == (("Trust", 2), ("youth", 2), ("jobs", 1))
    ranking = tally(PollSpec("p", "ranking", "?", ABC), [["c", "a", "b"], ["c", "b", "a"]])
    assert [(b.label, b.value) for b in ranking.bars] == [("C", 6), ("A", 3), ("B", 3)]
    assert ranking.bars[0].detail == "average rank 1.0"
    dots = tally(PollSpec("p", "dots", "?", ABC, dots=3), [{"b": 3}, {"a": 1, "b": 2}])
    assert [(b.label, b.value, b.detail) for b in dots.bars][:2] == [
        ("B", 5, "2 participants"),
        ("A", 1, "1 participant"),
    ]


def test_answers_are_normalised_before_they_are_stored() -> None:
    words = PollSpec("p", "words", "?", max_choices=2)
    assert parse_answer(words, ["  Trust\u200b ", "", "trust!", "jobs"]) == ["Trust", "jobs"]
    with pytest.raises(VenueInputError, match="at most 2"):
        parse_answer(words, ["a", "b", "c"])
    multi = PollSpec("p", "multiple", "?", ABC, max_choices=2)
    assert parse_answer(multi, ["c", "a"]) == ["a", "c"]  # in the poll's order
    dots = PollSpec("p", "dots", "?", ABC, dots=3)
    assert parse_answer(dots, {"c": 2, "a": 0, "b": 1}) == {"b": 1, "c": 2}


def test_pre_and_post_questions_pair_by_position() -> None:
    q = EvalQuestionSpec("x", "scale5", "Know?")
    t = EvalQuestionSpec("y", "text", "Why?")
    before = [summarise_question(q, [1, 2, 3]), summarise_question(t, ["a"])]
    after = [summarise_question(q, [4, 5]), summarise_question(t, ["b"])]
    [pair] = pair_questions(before, after)
    assert (pair.text, pair.before.mean, pair.after.mean, pair.change) == ("Know?", 2, 4.5, 2.5)


def test_the_pages_language_comes_from_accept_language() -> None:
    have = ["en", "fr", "ru"]
    assert negotiate("ru-RU,ru;q=0.9,en-US;q=0.8", have) == "ru"
    assert negotiate("de-DE, fr;q=0.5, en;q=0.7", have) == "en"
    assert negotiate("de, fr;q=0.5", have) == "fr"
    assert negotiate("*;q=1, ;;", have) == "en"
    assert negotiate(None, have) == "en"


# -- the file ------------------------------------------------------------------------------------


def test_the_venue_tables_are_mergeable_rows_with_history(workshop: Workshop) -> None:
    assert schema_version() >= 3
    venue_tables = [t for t in Table if t.value.startswith("venue_")]
    assert len(venue_tables) == 11 and all(t in MERGEABLE_TABLES for t in venue_tables)
    pid = add_poll(workshop, None, "scale", [], "Sure?")
    before = workshop.venue.poll(pid)["updated"]
    workshop.venue.set_poll_fields(pid, {"revealed": 1})
    assert workshop.merge is not None
    history = workshop.rows.get(Table.VENUE_POLLS, pid)
    assert history["updated"] != before


def test_copies_with_answers_from_different_phones_merge_once(
    workshop: Workshop, tmp_path: Path
) -> None:
    ws = workshop
    session = ws.venue.qa_session()
    pid = add_poll(ws, session, "single", ["A", "B"], "Which?")
    a, b = [o["id"] for o in ws.venue.options(pid)]
    qid = ws.venue.add_question(session, None, "Who pays?")
    eid = add_evaluation(ws, [("scale5", "Useful?")])
    eq = ws.venue.eval_questions(eid)[0]["id"]
    ws.venue.answer(pid, phones(ws, 1)[0], a)
    copy = tmp_path / "room-b.workshop"
    ws.save_copy(copy)
    with Workshop(copy) as other:
        devices = [other.venue.join(f"hash-b-{i}") for i in range(3)]
        for d in devices:
            other.venue.answer(pid, d, b)
            other.venue.vote(qid, d)
            other.venue.submit_evaluation(eid, d, {eq: 5})
        other.venue.add_question(session, devices[0], "And next year?")
    here = [ws.venue.join(f"hash-a-{i}") for i in range(2)]
    for d in here:
        ws.venue.answer(pid, d, a)
        ws.venue.vote(qid, d)
    first = ws.merge.merge_from(copy, backup=False)
    again = ws.merge.merge_from(copy, backup=False)
    assert first.added["venue_answers"] == 3 and first.added["venue_devices"] == 3
    assert again.changes == 0
    assert sorted(ws.venue.values(pid)) == sorted([a, a, a, b, b, b])
    votes = {r["text"]: r["votes"] for r in ws.venue.questions(session)}
    assert votes == {"Who pays?": 5, "And next year?": 1}
    assert ws.venue.eval_values(eid) == {eq: [5, 5, 5]}
    texts = [n["text"] for n in ws.notes.notes_for(session) if n["kind"] == "question"]
    assert sorted(texts) == ["And next year?", "Who pays?"]


# -- report and exports --------------------------------------------------------------------------


@pytest.fixture
def answered(workshop: Workshop) -> Workshop:
    """Dot-voting over the demo's recommendations, an evaluation and a pre/post pair, in
    named mode (names must still stay out of the report and of evaluation exports)."""
    ws = workshop
    ws.info.set_setting("venue.named", True)
    recs = ws.venue.recommendations()
    pid = add_poll(ws, None, "dots", [], "Which matter most?", dots=3, open_it=False)
    ws.venue.save_poll(pid, {}, [{"text": r["text"], "note_id": r["id"]} for r in recs[:3]])
    ws.venue.set_poll_state(pid, "open")
    opts = [o["id"] for o in ws.venue.options(pid)]
    devices = [ws.venue.join(f"hash-{i}", f"Secret Name {i}") for i in range(4)]
    for d in devices:
        ws.venue.answer(pid, d, {opts[2]: 2, opts[0]: 1})
    words = add_poll(ws, None, "words", [], "One word?")
    ws.venue.answer(words, devices[0], ["=HYPERLINK(1)"])
    eid = add_evaluation(ws, [("scale5", "Useful?"), ("text", "Change?")])
    q1, q2 = [q["id"] for q in ws.venue.eval_questions(eid)]
    for i, d in enumerate(devices):
        ws.venue.submit_evaluation(eid, d, {q1: 3 + i % 2, q2: "More breaks"})
    pre = add_evaluation(ws, [("scale5", "Know it?")])
    post = add_evaluation(ws, [("scale5", "Know it?")])
    ws.venue.save_evaluation(pre, {"title": "Before", "kind": "pre"}, ws.venue.eval_questions(pre))
    ws.venue.save_evaluation(
        post, {"title": "After", "kind": "post", "pair_id": pre}, ws.venue.eval_questions(post)
    )
    for e, value in ((pre, 2), (post, 4)):
        for d in devices:
            ws.venue.submit_evaluation(e, d, {ws.venue.eval_questions(e)[0]["id"]: value})
    ws.venue.add_question(ws.venue.qa_session(), devices[1], "Who pays?", "Secret Name 1")
    return ws


def test_the_report_has_priorities_and_an_anonymous_evaluation(
    answered: Workshop, tmp_path: Path
) -> None:
    data = answered.report.load_report()
    [priorities] = data.priorities
    recs = {n.id: n.number for n in data.recommendations}
    assert [(i.rank, i.dots, i.voters) for i in priorities.items] == [
        (1, 8, 4),
        (2, 4, 4),
        (3, 0, 0),
    ]
    assert priorities.items[0].number == sorted(recs.values())[2]
    titles = [e.title for e in data.evaluations]
    assert titles == ["End of day", "Before", "After"]
    day = data.evaluations[0]
    assert day.respondents == 4 and day.questions[0].mean == 3.5
    assert day.questions[1].texts == ["More breaks (4)"]
    [learning] = data.learning
    assert [(r.before, r.after, r.change) for r in learning.rows] == [(2, 4, 2)]
    answered.close()
    path = answered.path
    pdf, docx = tmp_path / "r.pdf", tmp_path / "r.docx"
    run_export("report", path, pdf)
    run_export("report-docx", path, docx)
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Priorities voted by participants" in text and "Learning outcomes" in text
    assert "Average 3.5 out of 5" in text
    assert "Secret Name" not in text and "dev_" not in text
    words = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Priorities voted by participants" in words and "Evaluation" in words
    assert "Secret Name" not in words


def test_exports_number_phones_and_keep_evaluations_anonymous(
    answered: Workshop, tmp_path: Path
) -> None:
    answered.close()
    path = answered.path
    outs = {}
    for kind in ("poll-answers-csv", "questions-csv", "evaluations-csv", "venue-xlsx"):
        outs[kind] = run_export(kind, path, tmp_path / f"{kind}.{kind.rsplit('-', 1)[1]}")
    with open(outs["poll-answers-csv"], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["Phone"] for r in rows} == {"Phone 1", "Phone 2", "Phone 3", "Phone 4"}
    assert rows[0]["Name"] == "Secret Name 0"  # named mode: the facilitator chose it
    assert any(r["Answer"] == "\t=HYPERLINK(1)" for r in rows)  # after a tab: never a formula
    with open(outs["evaluations-csv"], encoding="utf-8-sig") as fh:
        text = fh.read()
    assert "Secret Name" not in text and "Phone" not in text and "Respondent 1" in text
    with open(outs["questions-csv"], encoding="utf-8-sig") as fh:
        q = list(csv.DictReader(fh))
    assert q[0]["Question"] == "Who pays?" and q[0]["Asked by"] == "Secret Name 1"
    wb = load_workbook(outs["venue-xlsx"])
    assert wb.sheetnames == ["Poll results", "Poll answers", "Questions", "Evaluations"]
    results = [[c.value for c in r] for r in wb["Poll results"].iter_rows(min_row=2)]
    assert ["Which matter most?", "Dot-voting on recommendations", "4"] == results[0][1:4]
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
