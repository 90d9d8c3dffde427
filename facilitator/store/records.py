"""The shapes of the rows the stores hand out, one TypedDict per table (and per joined view).

They are plain dicts at run time (cheap to make, easy to snapshot for undo), typed so that a
reader of a view knows which keys a row has. Columns follow ``schema.py``; a test checks that
every table's TypedDict names exactly its columns.
"""

from __future__ import annotations

from typing import TypedDict


class Stamped(TypedDict):
    id: str
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


class AttendanceRow(Stamped):
    person_id: str
    day_id: str
    slot: str  # 'day' | 'am' | 'pm'
    present: int
    checked_in_at: str | None


class ExerciseRow(Stamped):
    session_id: str | None
    title: str
    instructions: str


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


class TeamMemberRow(Stamped):
    team_id: str
    person_id: str
    locked: int
    position: int


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


class VenueQuestionRow(Stamped):
    session_id: str | None
    device_id: str | None
    text: str
    author: str  # only in named mode
    hidden: int
    answered: int
    merged_into: str | None
    note_id: str | None  # the session note (kind question) that mirrors it


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


def columns(row_type: type) -> tuple[str, ...]:
    """Every key of a row TypedDict, inherited ones first."""
    names: list[str] = []
    for base in reversed(row_type.__mro__):
        for key in getattr(base, "__annotations__", {}):
            if key not in names:
                names.append(key)
    return tuple(names)


SESSION_COLUMNS = columns(SessionRow)
