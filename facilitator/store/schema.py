"""The workshop file format: every table, created and upgraded by ``sqlite_utils.Migrations``.

The format version is the number of applied migrations and is mirrored in
``PRAGMA user_version`` so that other tools (and older builds) can tell what they hold.
``PRAGMA application_id`` marks the file as a Facilitator workshop.

To change the format, append a new migration function; never edit one that has shipped
(then update ``SCHEMA_FINGERPRINTS``: ``tests/store/test_opening_fast.py`` prints the value).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x46434C54  # "FCLT"


@dataclass(frozen=True)
class Migration:
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class MigrationSet:
    """The format's migrations in order; ``sqlite_utils.Migrations`` applies them.

    Registering and counting them imports nothing, so opening a file that is already up to
    date never loads sqlite-utils (a quarter of the start-up time). Used like sqlite-utils'
    own: ``@migrations()`` above each function.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            step = Migration(name or fn.__name__, fn, transactional)
            if any(m.name == step.name for m in self._migrations):
                raise ValueError(f"migration {step.name!r} is registered twice")
            self._migrations.append(step)
            return fn

        return register

    @property
    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def apply(self, db: Database, stop_before: str | None = None) -> None:
        """Apply the pending migrations, each recorded in ``_sqlite_migrations``."""
        from sqlite_utils import Migrations

        runner = Migrations(self.name)
        for step in self._migrations:
            runner(name=step.name, transactional=step.transactional)(step.fn)
        runner.apply(db, stop_before=stop_before)


migrations = MigrationSet("facilitator")

_STAMPS = "created TEXT NOT NULL, updated TEXT NOT NULL"

_INITIAL = f"""
CREATE TABLE workshop (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    subtitle TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    end_date TEXT,
    timezone TEXT NOT NULL DEFAULT 'UTC',
    organisers TEXT NOT NULL DEFAULT '[]',
    funders TEXT NOT NULL DEFAULT '[]',
    languages TEXT NOT NULL DEFAULT '[]',
    signatories TEXT NOT NULL DEFAULT '[]',
    chatham_house INTEGER NOT NULL DEFAULT 0,
    privacy TEXT NOT NULL DEFAULT 'full' CHECK (privacy IN ('full', 'name_org', 'none')),
    half_days INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    {_STAMPS}
);
CREATE TABLE days (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    day_start TEXT NOT NULL DEFAULT '09:00',
    planned_end TEXT NOT NULL DEFAULT '17:30',
    position INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    honorific TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '{{}}',
    {_STAMPS}
);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_email ON people(email);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    day_id TEXT NOT NULL REFERENCES days(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'plenary',
    title TEXT NOT NULL DEFAULT '',
    duration_min INTEGER NOT NULL DEFAULT 60 CHECK (duration_min >= 0),
    fixed_start TEXT,
    parallel_group TEXT,
    room TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    objectives TEXT NOT NULL DEFAULT '',
    actual_start TEXT,
    actual_end TEXT,
    {_STAMPS}
);
CREATE INDEX sessions_day ON sessions(day_id, position);
CREATE TABLE session_speakers (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'speaker',
    position INTEGER NOT NULL DEFAULT 0,
    {_STAMPS},
    UNIQUE (session_id, person_id, role)
);
CREATE INDEX session_speakers_person ON session_speakers(person_id);
CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day_id TEXT NOT NULL REFERENCES days(id) ON DELETE CASCADE,
    slot TEXT NOT NULL DEFAULT 'day' CHECK (slot IN ('day', 'am', 'pm')),
    present INTEGER NOT NULL DEFAULT 1,
    checked_in_at TEXT,
    {_STAMPS},
    UNIQUE (person_id, day_id, slot)
);
CREATE INDEX attendance_day ON attendance(day_id);
CREATE TABLE exercises (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    instructions TEXT NOT NULL DEFAULT '',
    {_STAMPS}
);
CREATE TABLE exercise_prompts (
    id TEXT PRIMARY KEY,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    {_STAMPS}
);
CREATE TABLE team_sets (
    id TEXT PRIMARY KEY,
    exercise_id TEXT REFERENCES exercises(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'rotate' CHECK (mode IN ('rotate', 'keep')),
    team_size INTEGER,
    team_count INTEGER,
    criteria TEXT NOT NULL DEFAULT '{{}}',
    seed INTEGER NOT NULL DEFAULT 1,
    {_STAMPS}
);
CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    team_set_id TEXT NOT NULL REFERENCES team_sets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
    day_id TEXT REFERENCES days(id) ON DELETE SET NULL,
    {_STAMPS}
);
CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    rapporteur_id TEXT REFERENCES people(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE INDEX teams_round ON teams(round_id);
CREATE TABLE team_members (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    locked INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    {_STAMPS},
    UNIQUE (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members(person_id);
CREATE TABLE team_constraints (
    id TEXT PRIMARY KEY,
    team_set_id TEXT REFERENCES team_sets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('keep_together', 'keep_apart', 'pin')),
    person_ids TEXT NOT NULL DEFAULT '[]',
    team_name TEXT,
    rounds TEXT NOT NULL DEFAULT '[]',
    {_STAMPS}
);
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
    prompt_id TEXT REFERENCES exercise_prompts(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'key_point',
    text TEXT NOT NULL DEFAULT '',
    attribution_person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
    attribution_text TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    starred INTEGER NOT NULL DEFAULT 0,
    action_owner TEXT NOT NULL DEFAULT '',
    action_due TEXT,
    action_status TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    conflict_of TEXT,
    {_STAMPS}
);
CREATE INDEX notes_session ON notes(session_id, position);
CREATE INDEX notes_team ON notes(team_id);
CREATE TABLE summaries (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    text TEXT NOT NULL DEFAULT '',
    conflict_of TEXT,
    {_STAMPS}
);
CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'logo',
    name TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT '',
    data BLOB,
    position INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE TABLE settings (
    id TEXT PRIMARY KEY,
    value TEXT NOT NULL DEFAULT 'null',
    {_STAMPS}
);
CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '{{}}',
    updated TEXT NOT NULL
);
CREATE TABLE tombstones (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    deleted TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id)
);
CREATE TABLE merges (
    id TEXT PRIMARY KEY,
    source_path TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '{{}}'
);
"""


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _split(_INITIAL):
        db.execute(statement)
    db["notes"].enable_fts(
        ["text", "attribution_text", "action_owner"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db["summaries"].enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def schema_version() -> int:
    """The format version this build writes: one per migration."""
    return len(migrations._migrations)


# Format version → fingerprint of its tables and columns (``database.schema_fingerprint``).
# A file whose tables and columns have the fingerprint of its version is complete; any
# other file is compared table by table, which means building the version's schema in
# memory. Only a speed-up: a version missing here is always compared in full.
SCHEMA_FINGERPRINTS: dict[int, str] = {
    3: "dd8beed0f451d1b2af45b5b3",
    4: "3a046c81be7c8a1616d74da6",
    5: "3a046c81be7c8a1616d74da6",  # m005 adds indexes, no table or column
    6: "3a046c81be7c8a1616d74da6",  # m006 adds an index, no table or column
}


# The mergeable tables when m002 shipped; later tables add their history triggers themselves.
_M002_TABLES = (
    "workshop",
    "days",
    "sessions",
    "session_speakers",
    "people",
    "attendance",
    "exercises",
    "exercise_prompts",
    "team_sets",
    "rounds",
    "teams",
    "team_members",
    "team_constraints",
    "notes",
    "summaries",
    "assets",
    "settings",
)


@migrations()
def m002_capture_row_history(db: Database) -> None:
    """Remember every earlier ``updated`` stamp of each mergeable row.

    Merging two copies needs to know whether one side's version of a row is an ancestor of
    the other's (then the newer one wins) or whether both sides edited it since they last
    agreed (then both versions are kept). A trigger records the previous stamp on every
    update, so any code path that bumps ``updated`` is covered.
    """
    db.execute(
        "CREATE TABLE row_history (table_name TEXT NOT NULL, row_id TEXT NOT NULL, "
        "updated TEXT NOT NULL, PRIMARY KEY (table_name, row_id, updated)) WITHOUT ROWID"
    )
    for table in ("notes", "summaries"):  # unresolved merge conflicts, counted on each edit
        db.execute(
            f"CREATE INDEX [{table}_conflicts] ON [{table}](conflict_of) "
            "WHERE conflict_of IS NOT NULL"
        )
    for table in _M002_TABLES:
        db.execute(
            f"CREATE TRIGGER [{table}_history] AFTER UPDATE OF updated ON [{table}] "
            "WHEN OLD.updated IS NOT NEW.updated BEGIN "
            # Not "OR IGNORE": an outer "INSERT OR REPLACE"/"UPDATE OR …" would override it.
            "INSERT INTO row_history (table_name, row_id, updated) "
            f"SELECT '{table}', OLD.id, OLD.updated WHERE NOT EXISTS (SELECT 1 FROM row_history "
            f"WHERE table_name = '{table}' AND row_id = OLD.id AND updated = OLD.updated); END"
        )


# Tables of the venue server (polls, questions to the panel, evaluations), created by m003.
VENUE_TABLES = (
    "venue_devices",
    "venue_polls",
    "venue_poll_options",
    "venue_answers",
    "venue_questions",
    "venue_question_votes",
    "venue_evaluations",
    "venue_eval_questions",
    "venue_eval_answers",
)

_VENUE = f"""
CREATE TABLE venue_devices (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    {_STAMPS}
);
CREATE TABLE venue_polls (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'single'
        CHECK (kind IN ('single', 'multiple', 'scale', 'words', 'ranking', 'dots')),
    question TEXT NOT NULL DEFAULT '',
    scale_max INTEGER NOT NULL DEFAULT 5 CHECK (scale_max IN (5, 10)),
    max_choices INTEGER NOT NULL DEFAULT 0 CHECK (max_choices >= 0),
    dots INTEGER NOT NULL DEFAULT 3 CHECK (dots >= 1),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    revealed INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT,
    closed_at TEXT,
    {_STAMPS}
);
CREATE INDEX venue_polls_session ON venue_polls(session_id, position);
CREATE TABLE venue_poll_options (
    id TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL REFERENCES venue_polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    note_id TEXT REFERENCES notes(id) ON DELETE SET NULL,
    {_STAMPS}
);
CREATE INDEX venue_poll_options_poll ON venue_poll_options(poll_id, position);
CREATE TABLE venue_answers (
    id TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL REFERENCES venue_polls(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL REFERENCES venue_devices(id) ON DELETE CASCADE,
    value TEXT NOT NULL DEFAULT 'null',
    {_STAMPS},
    UNIQUE (poll_id, device_id)
);
CREATE TABLE venue_questions (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    device_id TEXT REFERENCES venue_devices(id) ON DELETE SET NULL,
    text TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    hidden INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    merged_into TEXT REFERENCES venue_questions(id) ON DELETE SET NULL,
    note_id TEXT REFERENCES notes(id) ON DELETE SET NULL,
    {_STAMPS}
);
CREATE INDEX venue_questions_session ON venue_questions(session_id, created);
CREATE TABLE venue_question_votes (
    id TEXT PRIMARY KEY,
    question_id TEXT NOT NULL REFERENCES venue_questions(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL REFERENCES venue_devices(id) ON DELETE CASCADE,
    {_STAMPS},
    UNIQUE (question_id, device_id)
);
CREATE TABLE venue_evaluations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'day' CHECK (kind IN ('day', 'final', 'pre', 'post')),
    day_id TEXT REFERENCES days(id) ON DELETE SET NULL,
    pair_id TEXT REFERENCES venue_evaluations(id) ON DELETE SET NULL,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    position INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE TABLE venue_eval_questions (
    id TEXT PRIMARY KEY,
    evaluation_id TEXT NOT NULL REFERENCES venue_evaluations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'scale5' CHECK (kind IN ('scale5', 'scale10', 'text')),
    text TEXT NOT NULL DEFAULT '',
    {_STAMPS}
);
CREATE INDEX venue_eval_questions_evaluation ON venue_eval_questions(evaluation_id, position);
CREATE TABLE venue_eval_answers (
    id TEXT PRIMARY KEY,
    evaluation_id TEXT NOT NULL REFERENCES venue_evaluations(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES venue_eval_questions(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL REFERENCES venue_devices(id) ON DELETE CASCADE,
    value TEXT NOT NULL DEFAULT 'null',
    {_STAMPS},
    UNIQUE (question_id, device_id)
);
CREATE INDEX venue_eval_answers_evaluation ON venue_eval_answers(evaluation_id, device_id)
"""


@migrations()
def m003_venue(db: Database) -> None:
    """Polls, questions to the panel and evaluations answered from phones at the venue.

    Answers are keyed by device (a random token the phone keeps; only its hash is stored),
    never by network address. Every table merges like the others, with its history trigger.
    """
    for statement in _split(_VENUE):
        db.execute(statement)
    for table in VENUE_TABLES:
        db.execute(
            f"CREATE TRIGGER [{table}_history] AFTER UPDATE OF updated ON [{table}] "
            "WHEN OLD.updated IS NOT NEW.updated BEGIN "
            "INSERT INTO row_history (table_name, row_id, updated) "
            f"SELECT '{table}', OLD.id, OLD.updated WHERE NOT EXISTS (SELECT 1 FROM row_history "
            f"WHERE table_name = '{table}' AND row_id = OLD.id AND updated = OLD.updated); END"
        )


# Tables of the team worksheets and rapporteurs on the venue Wi-Fi, created by m004.
VENUE_TEAM_TABLES = ("venue_rapporteurs", "venue_answer_docs")

_VENUE_TEAMS = f"""
CREATE TABLE venue_rapporteurs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL UNIQUE,
    revoked INTEGER NOT NULL DEFAULT 0,
    {_STAMPS}
);
CREATE TABLE venue_answer_docs (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL REFERENCES exercise_prompts(id) ON DELETE CASCADE,
    note_id TEXT REFERENCES notes(id) ON DELETE SET NULL,
    state BLOB NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    {_STAMPS},
    UNIQUE (team_id, prompt_id)
);
CREATE INDEX venue_answer_docs_prompt ON venue_answer_docs(prompt_id)
"""


@migrations()
def m004_venue_teams(db: Database) -> None:
    """Team worksheets typed together on the venue Wi-Fi, and rapporteurs' keys.

    ``venue_answer_docs`` keeps, per team and prompt, the whole Yjs document of the answer
    (``state``: one Yjs v1 update, the document's complete state, so any device can merge
    with it) and its plain text, which is mirrored into the worksheet note (``note_id``:
    a note with that team and prompt, as Capture's worksheet grid reads them). A rapporteur's
    key is kept so that the desktop can show its QR code again; it only lets a browser add
    notes. Both tables merge like the others, with their history triggers.
    """
    for statement in _split(_VENUE_TEAMS):
        db.execute(statement)
    for table in VENUE_TEAM_TABLES:
        db.execute(
            f"CREATE TRIGGER [{table}_history] AFTER UPDATE OF updated ON [{table}] "
            "WHEN OLD.updated IS NOT NEW.updated BEGIN "
            "INSERT INTO row_history (table_name, row_id, updated) "
            f"SELECT '{table}', OLD.id, OLD.updated WHERE NOT EXISTS (SELECT 1 FROM row_history "
            f"WHERE table_name = '{table}' AND row_id = OLD.id AND updated = OLD.updated); END"
        )


@migrations()
def m005_glance_indexes(db: Database) -> None:
    """Indexes that keep a 400,000-note workshop quick: notes counted by kind (the
    Overview's glance, 7× faster than reading every note) and the people notes are
    attributed to (the search's country and sector filters; deleting a person)."""
    db.execute("CREATE INDEX notes_kind ON notes(kind)")
    db.execute("CREATE INDEX notes_attribution ON notes(attribution_person_id)")


@migrations()
def m006_rapporteur_index(db: Database) -> None:
    """An index on the teams' rapporteurs: deleting a person sets their rapporteur slots
    to NULL, and without it each deleted person read every team (undoing a 50,000-person
    import took seconds)."""
    db.execute("CREATE INDEX teams_rapporteur ON teams(rapporteur_id)")
