"""The shapes of the rows the stores hand out, one TypedDict per table (and per joined view).

They are plain dicts at run time (cheap to make, easy to snapshot for undo), typed so that a
reader of a view knows which keys a row has. Columns follow ``schema.py``; a test checks that
every table's TypedDict names exactly its columns (with their types), and that each typed store
method's rows have exactly the keys and value types its TypedDict names.

A view that adds joined columns to a table's row subclasses that row (``NoteView``); a view
of a few columns is a TypedDict of its own (``PersonBrief``). A store turns sqlite-utils'
rows into these with :func:`rows_of` / :func:`first_of`, the one place that trusts a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict, TypeVar, cast

from facilitator.store.tables import Table

T = TypeVar("T")


class Stamped(TypedDict):
    id: str
    created: str
    updated: str


class WorkshopRow(TypedDict):
    id: str
    title: str
    subtitle: str
    venue: str
    city: str
    country: str
    start_date: str | None
    end_date: str | None
    timezone: str
    organisers: str  # JSON list
    funders: str  # JSON list
    languages: str  # JSON list
    signatories: str  # JSON list
    chatham_house: int
    privacy: str  # 'full' | 'name_org' | 'none'
    half_days: int
    description: str
    created: str
    updated: str


class DayRow(Stamped):
    date: str
    title: str
    day_start: str
    planned_end: str
    position: int


class SessionRow(Stamped):
    day_id: str
    position: int
    kind: str
    title: str
    duration_min: int
    fixed_start: str | None
    parallel_group: str | None
    room: str
    description: str
    objectives: str
    actual_start: str | None
    actual_end: str | None


class SpeakerRow(Stamped):
    session_id: str
    person_id: str
    role: str
    position: int


class SpeakerView(SpeakerRow):
    """A speaker with the person's name, as the agenda shows it."""

    name: str
    organisation: str
    country: str


class AgendaSnapshot(TypedDict):
    """The session rows of some sessions and their speaker rows, for exact undo."""

    sessions: list[SessionRow]
    session_speakers: list[SpeakerRow]


class PersonRow(Stamped):
    name: str
    honorific: str
    job_title: str
    organisation: str
    country: str
    sector: str
    gender: str
    role: str
    email: str
    phone: str
    languages: str  # JSON list
    notes: str
    source: str  # JSON object: the imported row as it was


class PersonBrief(TypedDict):
    """Who someone is, for pickers (the agenda's speaker and moderator lists)."""

    id: str
    name: str
    organisation: str
    country: str
    role: str


class AttendanceRow(Stamped):
    person_id: str
    day_id: str
    slot: str  # 'day' | 'am' | 'pm'
    present: int
    checked_in_at: str | None


class AttendanceTally(TypedDict):
    """How many people of one country × sector × gender were present (funders' reports)."""

    country: str
    sector: str
    gender: str
    n: int


class ExerciseRow(Stamped):
    session_id: str | None
    title: str
    instructions: str


class ExerciseView(TypedDict):
    """An exercise with its session and day, as the Teams area's picker lists it."""

    id: str
    title: str
    session_id: str | None
    session_title: str | None
    day_id: str | None
    date: str | None
    session_kind: str | None


class GroupSession(TypedDict):
    """A group-exercise session of the agenda with its day, for linking an exercise."""

    id: str
    title: str
    day_id: str
    date: str
    day_title: str


class PromptRow(Stamped):
    exercise_id: str
    position: int
    text: str


class TeamSetRow(Stamped):
    exercise_id: str | None
    title: str
    mode: str  # 'rotate' | 'keep'
    team_size: int | None
    team_count: int | None
    criteria: str  # JSON object
    seed: int


class TeamSetTitle(TypedDict):
    id: str
    title: str


class RoundRow(Stamped):
    team_set_id: str
    position: int
    title: str
    session_id: str | None
    day_id: str | None


class RoundView(RoundRow):
    effective_day_id: str | None
    session_title: str | None


class TeamRow(Stamped):
    round_id: str
    name: str
    colour: str
    room: str
    rapporteur_id: str | None
    position: int
    locked: int


class TeamView(TeamRow):
    """A team with its rapporteur's name."""

    rapporteur_name: str | None


class TeamMemberRow(Stamped):
    team_id: str
    person_id: str
    locked: int
    position: int


class MemberView(TypedDict):
    """A team member with what a card shows about the person (no stamps)."""

    id: str
    team_id: str
    person_id: str
    locked: int
    position: int
    name: str
    organisation: str
    country: str
    sector: str
    gender: str
    role: str
    email: str
    languages: str  # JSON list


class RoundState(TypedDict):
    """Every team row and member row of some rounds: what a generation or a drag replaces."""

    teams: list[TeamRow]
    members: list[TeamMemberRow]


class TeamPlace(TypedDict):
    """Where a team row or a team member row sits: its round and that round's team set.

    A view showing one round reads these for changed ids it does not show, to tell a change
    in its round (reload) from one elsewhere in its team set (rescore) or elsewhere at all.
    """

    id: str  # the team's or the member row's id
    round_id: str
    team_set_id: str


class ConstraintRow(Stamped):
    team_set_id: str | None
    kind: str  # 'keep_together' | 'keep_apart' | 'pin'
    person_ids: str  # JSON list
    team_name: str | None
    rounds: str  # JSON list


class ConstraintView(Stamped):
    """A constraint with its JSON lists read (unreadable ones are empty)."""

    team_set_id: str | None
    kind: str
    person_ids: list[str]
    team_name: str | None
    rounds: list[str]


class NoteRow(Stamped):
    session_id: str | None
    team_id: str | None
    prompt_id: str | None
    kind: str
    text: str
    attribution_person_id: str | None
    attribution_text: str
    author: str
    starred: int
    action_owner: str
    action_due: str | None
    action_status: str
    position: int
    conflict_of: str | None


class NoteView(NoteRow):
    """A note with the names it points at, as note lists show it."""

    person_name: str | None
    person_country: str | None
    person_sector: str | None
    team_name: str | None
    prompt_text: str | None


class SummaryRow(Stamped):
    session_id: str | None
    team_id: str | None
    text: str
    conflict_of: str | None


class AssetRow(Stamped):
    kind: str
    name: str
    mime: str
    data: bytes | None
    position: int


class SettingRow(Stamped):
    value: str  # JSON


class TombstoneRow(TypedDict):
    """A deleted row, remembered so that a merge does not bring it back."""

    table_name: str
    row_id: str
    deleted: str


class MergeRow(TypedDict):
    id: str
    source_path: str
    merged_at: str
    report: str  # JSON object: the merge's report


class RowHistoryRow(TypedDict):
    """An earlier ``updated`` stamp of a row (a merge tells ancestors from rivals by them)."""

    table_name: str
    row_id: str
    updated: str


class DraftRow(TypedDict):
    id: str
    text: str
    context: str  # JSON object
    updated: str


class VenueDeviceRow(Stamped):
    token_hash: str  # sha256 of the phone's token; the token itself is never stored
    name: str  # only in named mode


class VenuePollRow(Stamped):
    session_id: str | None
    kind: str  # 'single' | 'multiple' | 'scale' | 'words' | 'ranking' | 'dots'
    question: str
    scale_max: int  # 5 | 10
    max_choices: int  # multiple: most options one may tick; words: words per person (0: any)
    dots: int  # dot-voting: dots each participant spends
    state: str  # 'draft' | 'open' | 'closed'
    revealed: int
    position: int
    opened_at: str | None
    closed_at: str | None


class VenuePollOptionRow(Stamped):
    poll_id: str
    position: int
    text: str
    note_id: str | None  # dot-voting: the recommendation this option stands for


class VenueAnswerRow(Stamped):
    poll_id: str
    device_id: str
    value: str  # JSON


class AnswerExport(TypedDict):
    """A poll answer as the exports list it (a device id, never a name)."""

    poll_id: str
    device_id: str
    value: str  # JSON
    created: str


class VenueQuestionRow(Stamped):
    session_id: str | None
    device_id: str | None
    text: str
    author: str  # only in named mode
    hidden: int
    answered: int
    merged_into: str | None
    note_id: str | None  # the session note (kind question) that mirrors it


class QuestionView(VenueQuestionRow):
    """A question with its session's title and the phones that want it answered: those that
    voted for it or for a question merged into it, and the one that asked."""

    session_title: str | None
    voters: set[str]
    votes: int


class VenueQuestionVoteRow(Stamped):
    question_id: str
    device_id: str


class VenueEvaluationRow(Stamped):
    title: str
    kind: str  # 'day' | 'final' (end of workshop) | 'pre' | 'post'
    day_id: str | None
    pair_id: str | None  # a post-test: its pre-test
    state: str  # 'draft' | 'open' | 'closed'
    position: int


class VenueEvalQuestionRow(Stamped):
    evaluation_id: str
    position: int
    kind: str  # 'scale5' | 'scale10' | 'text'
    text: str


class VenueEvalAnswerRow(Stamped):
    evaluation_id: str
    question_id: str
    device_id: str
    value: str  # JSON: a number or a text


class EvalAnswerExport(TypedDict):
    evaluation_id: str
    question_id: str
    device_id: str
    value: str  # JSON: a number or a text
    created: str


class VenueRapporteurRow(Stamped):
    name: str  # as the facilitator typed it when making the key; shown as who is connected
    key: str  # the secret in the rapporteur page's address (shown only in the desktop app)
    revoked: int


class VenueAnswerDocRow(Stamped):
    team_id: str
    prompt_id: str
    note_id: str | None  # the worksheet note that mirrors ``text``
    state: bytes  # the whole Yjs document as one v1 update
    text: str


class Recommendation(TypedDict):
    """A recommendation note with its session's title, for dot-voting polls."""

    id: str
    text: str
    session_id: str | None
    session_title: str | None


class SeedNote(TypedDict):
    """A worksheet note typed in Capture before any team document mirrored it."""

    id: str
    team_id: str
    prompt_id: str
    text: str
    created: str


class WorksheetPrompt(TypedDict):
    id: str
    text: str


class WorksheetTeam(TypedDict):
    id: str
    name: str
    colour: str
    room: str


class Worksheet(TypedDict):
    """A round's exercise, prompts and teams, as the team pages show them (no members)."""

    round_id: str
    round_title: str
    exercise_id: str | None
    exercise_title: str
    instructions: str
    session_id: str | None
    prompts: list[WorksheetPrompt]
    teams: list[WorksheetTeam]


class WorksheetRound(TypedDict):
    """A round whose exercise has prompts, with how many prompts and teams it has."""

    id: str
    title: str
    team_set_title: str
    exercise_title: str
    prompts: int
    teams: int


class Glance(TypedDict):
    """What the Overview shows about the workshop's contents (counts and small tallies)."""

    days: list[tuple[str, str]]  # (date, title)
    sessions: int
    group_sessions: int
    people: int
    roles: list[tuple[str, int]]
    countries: list[tuple[str, int]]
    genders: list[tuple[str, int]]
    attendance: list[tuple[str, int]]  # (date, people present)
    exercises: int
    teams: int
    notes: list[tuple[str, int]]  # (kind, count)
    summaries: int


# -- views of the notes store (Capture) ------------------------------------------------------


class SessionInDay(SessionRow):
    """A session with its day and planned start, as Capture's session list reads it."""

    day_date: str
    day_title: str
    day_start: str
    day_position: int
    planned_start: str | None  # HH:MM from the day's start and durations


class TeamInRound(TeamRow):
    """A team with its round's title (Capture's team pickers)."""

    round_title: str


class TeamOfExercise(TeamInRound):
    """A team that answers an exercise, with its round (the worksheet grid's columns)."""

    round_position: int


class PersonCard(TypedDict):
    """Who someone is, for attributing a note."""

    id: str
    name: str
    organisation: str
    country: str
    sector: str


class DraftView(TypedDict):
    """A draft with its context read from JSON (what Capture puts back in the editor)."""

    id: str
    text: str
    context: dict[str, Any]
    updated: str


class SearchHit(TypedDict):
    """A note or summary that matched a search, with where it was written."""

    table: Table  # Table.NOTES or Table.SUMMARIES
    id: str
    kind: str  # a note kind, or 'summary'
    text: str
    starred: int
    updated: str
    created: str
    session_id: str | None
    team_id: str | None
    conflict_of: str | None
    session_title: str | None
    day_id: str | None
    day_title: str | None
    team_name: str | None
    attribution: str | None
    snippet: str
    rank: float


def columns(row_type: type) -> tuple[str, ...]:
    """Every key of a row TypedDict, inherited ones first."""
    names: list[str] = []
    for base in reversed(row_type.__mro__):
        for key in getattr(base, "__annotations__", {}):
            if key not in names:
                names.append(key)
    return tuple(names)


SESSION_COLUMNS = columns(SessionRow)

# The row each table holds: ``RowStore.get`` hands these out, and a test compares every one
# with the columns of a freshly created workshop.
ROW_TYPES: dict[Table, type] = {
    Table.WORKSHOP: WorkshopRow,
    Table.DAYS: DayRow,
    Table.SESSIONS: SessionRow,
    Table.SESSION_SPEAKERS: SpeakerRow,
    Table.PEOPLE: PersonRow,
    Table.ATTENDANCE: AttendanceRow,
    Table.EXERCISES: ExerciseRow,
    Table.EXERCISE_PROMPTS: PromptRow,
    Table.TEAM_SETS: TeamSetRow,
    Table.ROUNDS: RoundRow,
    Table.TEAMS: TeamRow,
    Table.TEAM_MEMBERS: TeamMemberRow,
    Table.TEAM_CONSTRAINTS: ConstraintRow,
    Table.NOTES: NoteRow,
    Table.SUMMARIES: SummaryRow,
    Table.ASSETS: AssetRow,
    Table.SETTINGS: SettingRow,
    Table.DRAFTS: DraftRow,
    Table.TOMBSTONES: TombstoneRow,
    Table.MERGES: MergeRow,
    Table.ROW_HISTORY: RowHistoryRow,
    Table.VENUE_DEVICES: VenueDeviceRow,
    Table.VENUE_POLLS: VenuePollRow,
    Table.VENUE_POLL_OPTIONS: VenuePollOptionRow,
    Table.VENUE_ANSWERS: VenueAnswerRow,
    Table.VENUE_QUESTIONS: VenueQuestionRow,
    Table.VENUE_QUESTION_VOTES: VenueQuestionVoteRow,
    Table.VENUE_EVALUATIONS: VenueEvaluationRow,
    Table.VENUE_EVAL_QUESTIONS: VenueEvalQuestionRow,
    Table.VENUE_EVAL_ANSWERS: VenueEvalAnswerRow,
    Table.VENUE_RAPPORTEURS: VenueRapporteurRow,
    Table.VENUE_ANSWER_DOCS: VenueAnswerDocRow,
}


def rows_of(rows: Iterable[dict[str, Any]], kind: type[T]) -> list[T]:
    """The rows of one query (sqlite-utils' ``query()``) as the TypedDict ``kind`` says.

    The one place that takes a query's word for its rows' shape; a test calls every typed
    store method and compares its rows' keys with the TypedDict's.
    """
    return cast("list[T]", list(rows))


def first_of(rows: Iterable[dict[str, Any]], kind: type[T]) -> T | None:
    """The first row of one query as ``kind``, or None when it found nothing.

    The query is read to the end, so no statement is left open on the connection.
    """
    found = list(rows)
    return cast("T", found[0]) if found else None
