"""The row TypedDicts match the file: their keys are the columns a fresh workshop creates, their
value types are the columns' (None only where the column allows NULL), and the store methods
that hand them out return rows with exactly those keys and such values.

A column added by a migration, a renamed key or a query that drops a column fails here instead
of surfacing as a KeyError in a view.
"""

from __future__ import annotations

import inspect
import shutil
import sqlite3
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from facilitator.store import records
from facilitator.store.agenda import AgendaStore
from facilitator.store.database import Workshop
from facilitator.store.merge import MergeStore
from facilitator.store.notes import NotesStore
from facilitator.store.people import PeopleStore
from facilitator.store.privacy import PrivacyStore
from facilitator.store.records import ROW_TYPES, columns
from facilitator.store.report import ReportStore
from facilitator.store.rows import RowStore
from facilitator.store.tables import Table
from facilitator.store.teams import TeamsStore
from facilitator.store.venue import AnswerDocWrite, VenueStore
from facilitator.store.workshop import WorkshopStore

SQL_TYPES = {"TEXT": str, "INTEGER": int, "BLOB": bytes}


# -- helpers -----------------------------------------------------------------------------------


def _table_columns(con: sqlite3.Connection, table: str) -> dict[str, tuple[type, bool]]:
    """column → (Python type of its declared SQL type, whether it may hold NULL)."""
    out = {}
    for _cid, name, decl, notnull, _default, pk in con.execute(f"PRAGMA table_info([{table}])"):
        out[name] = (SQL_TYPES[decl.upper()], not notnull and not pk)
    return out


def _split_none(hint: Any) -> tuple[Any, bool]:
    """(the hint without None, whether None was allowed)."""
    if get_origin(hint) in (Union, types.UnionType):
        args = get_args(hint)
        rest = [a for a in args if a is not type(None)]
        inner = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007
        return inner, len(rest) != len(args)
    return hint, False


def conforms(value: Any, hint: Any) -> bool:
    """Whether a value read from the store is what ``hint`` says (a small runtime checker)."""
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(conforms(value, a) for a in get_args(hint))
    if is_typeddict(hint):
        return isinstance(value, dict) and not problems(value, hint)
    if origin in (list, set):
        (item,) = get_args(hint)
        return isinstance(value, origin) and all(conforms(v, item) for v in value)
    if origin is tuple:
        args = get_args(hint)
        return (
            isinstance(value, tuple)
            and len(value) == len(args)
            and all(conforms(v, a) for v, a in zip(value, args, strict=True))
        )
    if origin is dict:
        k, v = get_args(hint)
        return isinstance(value, dict) and all(
            conforms(a, k) and conforms(b, v) for a, b in value.items()
        )
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def problems(row: Any, kind: type) -> list[str]:
    """What is wrong with ``row`` as a ``kind``: missing or extra keys, values of another type."""
    if not isinstance(row, dict):
        return [f"not a dict: {type(row).__name__}"]
    hints = get_type_hints(kind)
    out = []
    if set(row) != set(hints):
        missing, extra = sorted(set(hints) - set(row)), sorted(set(row) - set(hints))
        out.append(f"keys differ: missing {missing}, extra {extra}")
    for key, hint in hints.items():
        if key in row and not conforms(row[key], hint):
            out.append(f"{key} = {row[key]!r} is not {hint}")
    return out


def _rows(value: Any) -> list[Any]:
    """The rows in what a store method returned: a row, a list of rows, or a dict of rows."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and value and all(isinstance(k, tuple) for k in value):
        return list(value.values())  # keyed by (team, prompt) or (person, slot)
    return [value]


# -- the schema of a fresh workshop ------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("fresh") / "fresh.workshop"
    Workshop(path).close()
    con = sqlite3.connect(path)
    yield con
    con.close()


def _own_tables(con: sqlite3.Connection) -> set[str]:
    names = {
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_") and r[0] != "_sqlite_migrations"
    }
    fts = {n for n in names if n.endswith("_fts")}
    return {n for n in names if not any(n == f or n.startswith(f + "_") for f in fts)}


def test_every_table_has_a_name_and_a_row_type(fresh: sqlite3.Connection) -> None:
    assert _own_tables(fresh) == {str(t) for t in Table}
    assert set(ROW_TYPES) == set(Table)


@pytest.mark.parametrize("table", list(Table), ids=str)
def test_row_type_names_exactly_the_columns_of_its_table(
    fresh: sqlite3.Connection, table: Table
) -> None:
    kind = ROW_TYPES[table]
    found = _table_columns(fresh, table)
    assert set(columns(kind)) == set(found), kind.__name__
    hints = get_type_hints(kind)
    for name, (python_type, nullable) in found.items():
        inner, optional = _split_none(hints[name])
        assert inner is python_type, f"{kind.__name__}.{name}: {hints[name]} for {python_type}"
        assert optional == nullable, (
            f"{kind.__name__}.{name}: the column {'allows' if nullable else 'refuses'} NULL"
        )


def test_columns_lists_inherited_keys_first() -> None:
    assert columns(records.NoteView)[:3] == ("id", "created", "updated")
    assert columns(records.NoteView)[-1] == "prompt_text"
    assert records.SESSION_COLUMNS == columns(records.SessionRow)


# -- a workshop with a row in every table ------------------------------------------------------


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> Iterator[Workshop]:
    """The demo, with what it lacks: venue activity, an asset, a constraint, a draft, a
    deletion and a merge, so that every table holds a row."""
    folder = tmp_path_factory.mktemp("full")
    path = folder / "full.workshop"
    shutil.copy(_demo_template, path)
    other = folder / "other.workshop"
    shutil.copy(_demo_template, other)
    with Workshop(other) as copy:
        copy.rows.insert(
            Table.NOTES,
            {"session_id": "ses_demo001", "kind": "key_point", "text": "From the other copy"},
        )
    ws = Workshop(path)
    ws.merge.merge_from(other, backup=False)
    ws.rows.insert(
        Table.ASSETS, {"kind": "logo", "name": "logo.png", "mime": "image/png", "data": b"\x89P"}
    )
    ws.rows.insert(
        Table.TEAM_CONSTRAINTS,
        {"team_set_id": "tms_demo0", "kind": "keep_apart", "person_ids": '["a", "b"]'},
    )
    ws.notes.save_draft("capture.note", "half a thought", {"session_id": "ses_demo001"})
    doomed = ws.rows.insert(Table.SESSIONS, {"day_id": "day_demo1", "title": "Cancelled"})
    ws.rows.delete(Table.SESSIONS, [doomed])

    v = ws.venue
    device = v.join("hash-1", "Phone")
    poll = v.insert_poll(
        {"id": "vpo_1", "session_id": "ses_demo001", "kind": "single", "question": "Which?"},
        [{"text": "One"}, {"text": "Two"}],
    )
    v.set_poll_state(poll, "open")
    v.answer(poll, device, v.options(poll)[0]["id"])
    shown = v.insert_poll({"id": "vpo_2", "session_id": None, "kind": "scale"}, [])
    v.set_poll_fields(shown, {"state": "closed", "revealed": 1, "closed_at": "2026-01-01T10:00"})
    question = v.add_question("ses_demo001", device, "Why?", "Ana")
    v.vote(question, v.join("hash-2"))
    evaluation = v.insert_evaluation(
        {"id": "vev_1", "title": "Day 1", "kind": "day", "day_id": "day_demo1"},
        [{"text": "Useful?", "kind": "scale5"}, {"text": "Comments", "kind": "text"}],
    )
    questions = v.eval_questions(evaluation)
    v.submit_evaluation(evaluation, device, {questions[0]["id"]: 4, questions[1]["id"]: "Good"})
    v.add_rapporteur("Rapporteur")
    team = ws.teams.teams("rnd_demo0")[0]["id"]
    prompt = sorted(v.cells_of([team]))[0][1]
    v.save_answer_docs([AnswerDocWrite(team, prompt, b"\x00\x01", "Our answer")])
    yield ws
    ws.close()


def test_the_full_workshop_has_a_row_in_every_table(full: Workshop) -> None:
    empty = [t for t in Table if not full.db.execute(f"SELECT 1 FROM [{t}] LIMIT 1").fetchone()]
    assert empty == []


@pytest.mark.parametrize("table", list(Table), ids=str)
def test_stored_rows_are_what_their_row_type_says(full: Workshop, table: Table) -> None:
    rows = list(full.db.query(f"SELECT * FROM [{table}]"))
    assert rows
    for row in rows:
        assert problems(row, ROW_TYPES[table]) == [], row


def _first(ws: Workshop, table: Table) -> str:
    return ws.db.execute(f"SELECT id FROM [{table}] ORDER BY id LIMIT 1").fetchone()[0]


def test_rows_get_hands_out_each_tables_row(full: Workshop) -> None:
    for table in Table:
        if table in (Table.TOMBSTONES, Table.ROW_HISTORY):
            continue  # no id column: never read one by one
        row = full.rows.get(table, _first(full, table))
        assert problems(row, ROW_TYPES[table]) == [], table


def test_rows_get_is_typed_per_table() -> None:
    """Every table read by id has an overload that names its row type (so a type checker knows
    that ``ws.rows.get(Table.PEOPLE, …)`` is a ``PersonRow``), and only those do."""
    typed = {}
    for overload in typing.get_overloads(RowStore.get):
        hints = get_type_hints(overload, vars(inspect.getmodule(RowStore)))
        table_hint = hints["table"]
        if get_origin(table_hint) is typing.Literal:
            (table,) = get_args(table_hint)
            inner, optional = _split_none(hints["return"])
            assert optional, table
            typed[table] = inner
    assert typed == {
        t: k for t, k in ROW_TYPES.items() if t not in (Table.TOMBSTONES, Table.ROW_HISTORY)
    }


# -- what the stores' methods return -----------------------------------------------------------

R = records
CASES: list[tuple[str, Callable[[Workshop], Any], type]] = [
    # the workshop's own row and figures
    ("info.details", lambda ws: ws.info.details(), R.WorkshopRow),
    ("info.glance", lambda ws: ws.info.glance(), R.Glance),
    # agenda
    ("agenda.day_rows", lambda ws: ws.agenda.day_rows(), R.DayRow),
    ("agenda.session_rows", lambda ws: ws.agenda.session_rows(), R.SessionRow),
    ("agenda.session_rows(day)", lambda ws: ws.agenda.session_rows("day_demo1"), R.SessionRow),
    ("agenda.speaker_rows", lambda ws: ws.agenda.speaker_rows(), R.SpeakerView),
    (
        "agenda.speakers_by_session",
        lambda ws: [s for v in ws.agenda.speakers_by_session().values() for s in v],
        R.SpeakerView,
    ),
    ("agenda.people", lambda ws: ws.agenda.people(), R.PersonBrief),
    ("agenda.snapshot", lambda ws: ws.agenda.snapshot(["ses_demo001"]), R.AgendaSnapshot),
    ("agenda.sessions_by_ids", lambda ws: ws.agenda.sessions_by_ids(["ses_demo001"]), R.SessionRow),
    # people
    ("people.people", lambda ws: ws.people.people(), R.PersonRow),
    ("people.person", lambda ws: ws.people.person(_first(ws, Table.PEOPLE)), R.PersonRow),
    (
        "people.people_by_ids",
        lambda ws: ws.people.people_by_ids([_first(ws, Table.PEOPLE)]),
        R.PersonRow,
    ),
    ("people.days", lambda ws: ws.people.days(), R.DayRow),
    ("people.find_day", lambda ws: ws.people.find_day("day_demo1"), R.DayRow),
    ("people.attendees", lambda ws: ws.people.attendees("day_demo1"), R.PersonRow),
    ("people.attendance", lambda ws: ws.people.attendance("day_demo1"), R.AttendanceRow),
    (
        "people.attendance_row",
        lambda ws: ws.people.attendance_row(
            *ws.db.execute("SELECT person_id, day_id, slot FROM attendance LIMIT 1").fetchone()
        ),
        R.AttendanceRow,
    ),
    ("people.disaggregated", lambda ws: ws.people.disaggregated("day_demo1"), R.AttendanceTally),
    ("people.team_sets", lambda ws: ws.people.team_sets(), R.TeamSetTitle),
    # teams
    ("teams.group_sessions", lambda ws: ws.teams.group_sessions(), R.GroupSession),
    ("teams.exercises", lambda ws: ws.teams.exercises(), R.ExerciseView),
    ("teams.team_sets", lambda ws: ws.teams.team_sets(), R.TeamSetRow),
    ("teams.team_sets(exercise)", lambda ws: ws.teams.team_sets("exe_demo0"), R.TeamSetRow),
    ("teams.find_team_set", lambda ws: ws.teams.find_team_set("tms_demo0"), R.TeamSetRow),
    ("teams.rounds", lambda ws: ws.teams.rounds("tms_demo0"), R.RoundView),
    ("teams.rounds_in_session", lambda ws: ws.teams.rounds_in_session("ses_demo104"), R.RoundRow),
    ("teams.teams", lambda ws: ws.teams.teams("rnd_demo0"), R.TeamView),
    (
        "teams.members",
        lambda ws: ws.teams.members([t["id"] for t in ws.teams.teams("rnd_demo0")]),
        R.MemberView,
    ),
    ("teams.team_places", lambda ws: ws.teams.team_places([_first(ws, Table.TEAMS)]), R.TeamPlace),
    (
        "teams.member_places",
        lambda ws: ws.teams.member_places([_first(ws, Table.TEAM_MEMBERS)]),
        R.TeamPlace,
    ),
    ("teams.eligible_people", lambda ws: ws.teams.eligible_people(), R.PersonRow),
    ("teams.constraints", lambda ws: ws.teams.constraints("tms_demo0"), R.ConstraintView),
    ("teams.round_state", lambda ws: ws.teams.round_state(["rnd_demo0"]), R.RoundState),
    (
        "teams.state_from_assignment",
        lambda ws: ws.teams.state_from_assignment(
            tp := ws.teams.build_problem("tms_demo0"), ws.teams.current_assignment(tp)
        )[1],
        R.RoundState,
    ),
    # venue
    ("venue.polls", lambda ws: ws.venue.polls(), R.VenuePollRow),
    ("venue.polls(session)", lambda ws: ws.venue.polls("ses_demo001", every=False), R.VenuePollRow),
    ("venue.poll", lambda ws: ws.venue.poll("vpo_1"), R.VenuePollRow),
    ("venue.options", lambda ws: ws.venue.options("vpo_1"), R.VenuePollOptionRow),
    ("venue.open_poll", lambda ws: ws.venue.open_poll(), R.VenuePollRow),
    ("venue.last_revealed_poll", lambda ws: ws.venue.last_revealed_poll(), R.VenuePollRow),
    ("venue.recommendations", lambda ws: ws.venue.recommendations(), R.Recommendation),
    (
        "venue.question",
        lambda ws: ws.venue.question(_first(ws, Table.VENUE_QUESTIONS)),
        R.VenueQuestionRow,
    ),
    ("venue.questions", lambda ws: ws.venue.questions(every=True), R.QuestionView),
    ("venue.evaluations", lambda ws: ws.venue.evaluations(), R.VenueEvaluationRow),
    ("venue.evaluation", lambda ws: ws.venue.evaluation("vev_1"), R.VenueEvaluationRow),
    ("venue.eval_questions", lambda ws: ws.venue.eval_questions("vev_1"), R.VenueEvalQuestionRow),
    ("venue.answer_rows", lambda ws: ws.venue.answer_rows(), R.AnswerExport),
    ("venue.eval_answer_rows", lambda ws: ws.venue.eval_answer_rows(), R.EvalAnswerExport),
    ("venue.worksheet", lambda ws: ws.venue.worksheet("rnd_demo0"), R.Worksheet),
    ("venue.worksheet_rounds", lambda ws: ws.venue.worksheet_rounds(), R.WorksheetRound),
    (
        "venue.answer_docs",
        lambda ws: ws.venue.answer_docs([t["id"] for t in ws.teams.teams("rnd_demo0")]),
        R.VenueAnswerDocRow,
    ),
    (
        "venue.seed_notes",
        lambda ws: ws.venue.seed_notes([t["id"] for t in ws.teams.teams("rnd_demo0")]),
        R.SeedNote,
    ),
    ("venue.rapporteurs", lambda ws: ws.venue.rapporteurs(), R.VenueRapporteurRow),
    # the notes store
    ("notes.sessions", lambda ws: ws.notes.sessions(), R.SessionInDay),
    ("notes.days", lambda ws: ws.notes.days(), R.DayRow),
    ("notes.teams_for_session", lambda ws: ws.notes.teams_for_session("ses_demo104"), R.TeamRow),
    ("notes.all_teams", lambda ws: ws.notes.all_teams(), R.TeamInRound),
    ("notes.exercises", lambda ws: ws.notes.exercises(), R.ExerciseRow),
    (
        "notes.exercise_for_session",
        lambda ws: ws.notes.exercise_for_session("ses_demo104"),
        R.ExerciseRow,
    ),
    ("notes.prompts", lambda ws: ws.notes.prompts("exe_demo0"), R.PromptRow),
    (
        "notes.teams_for_exercise",
        lambda ws: ws.notes.teams_for_exercise("exe_demo0"),
        R.TeamOfExercise,
    ),
    ("notes.people", lambda ws: ws.notes.people(), R.PersonCard),
    ("notes.notes_for", lambda ws: ws.notes.notes_for("ses_demo104"), R.NoteView),
    ("notes.note", lambda ws: ws.notes.note(_first(ws, Table.NOTES)), R.NoteView),
    (
        "notes.notes_by_ids",
        lambda ws: list(ws.notes.notes_by_ids([_first(ws, Table.NOTES)]).values()),
        R.NoteView,
    ),
    (
        "notes.answers",
        lambda ws: ws.notes.answers([p["id"] for p in ws.notes.prompts("exe_demo0")]),
        R.NoteRow,
    ),
    (
        "notes.summary",
        lambda ws: ws.notes.summary(
            *ws.db.execute("SELECT session_id, team_id FROM summaries LIMIT 1").fetchone()
        ),
        R.SummaryRow,
    ),
    (
        "notes.summaries_by_ids",
        lambda ws: list(ws.notes.summaries_by_ids([_first(ws, Table.SUMMARIES)]).values()),
        R.SummaryRow,
    ),
    ("notes.load_draft", lambda ws: ws.notes.load_draft("capture.note"), R.DraftView),
]


@pytest.mark.parametrize(("call", "kind"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_store_methods_hand_out_rows_of_their_type(
    full: Workshop, call: Callable[[Workshop], Any], kind: type
) -> None:
    rows = _rows(call(full))
    assert rows, "nothing to check: the workshop should hold such rows"
    for row in rows:
        assert problems(row, kind) == [], row


def test_search_hits_are_search_hit_rows(full: Workshop) -> None:
    from facilitator.store.search import SearchFilter

    hits = full.notes.search(SearchFilter(text="")) + full.notes.search(SearchFilter(text="team"))
    assert {h["table"] for h in hits} == {Table.NOTES, Table.SUMMARIES}
    for hit in hits:
        assert problems(hit, R.SearchHit) == [], hit


# -- no untyped rows from the typed stores -----------------------------------------------------

# Stores whose public methods must not hand out ``dict[str, Any]`` rows.
TYPED_STORES = (
    NotesStore,
    AgendaStore,
    PeopleStore,
    TeamsStore,
    VenueStore,
    WorkshopStore,
    RowStore,
    ReportStore,
    MergeStore,
    PrivacyStore,
)
# Not rows: some fields of any table by name; the old values of the fields an import changed.
NOT_ROWS = {"RowStore.fields", "PeopleStore.write_import"}


import facilitator.domain.agenda as agenda_domain  # noqa: E402


def _untyped(hint: Any) -> bool:
    """Whether a return hint is, or holds, a ``dict[str, Any]``."""
    if get_origin(hint) is dict and get_args(hint) == (str, Any):
        return True
    return any(_untyped(a) for a in get_args(hint))


def test_typed_stores_never_return_untyped_rows() -> None:
    found = []
    for store in TYPED_STORES:
        for name, method in inspect.getmembers(store, inspect.isfunction):
            if name.startswith("_") or f"{store.__name__}.{name}" in NOT_ROWS:
                continue
            # annotations name domain and row types imported only for type checking (to
            # open fast)
            module = {**vars(agenda_domain), **vars(records), **vars(inspect.getmodule(method))}
            hints = get_type_hints(method, module)
            if "return" not in hints:
                found.append(f"{store.__name__}.{name}: no return type")
            elif _untyped(hints["return"]):
                found.append(f"{store.__name__}.{name} -> {hints['return']}")
    assert found == []
