"""The tables of a workshop file, by name.

Code outside ``store/`` never spells a table name: it names a :class:`Table` (in a
:class:`~facilitator.store.changes.Changes` it receives, or in a generic edit it builds).
A test fails when a table name appears as a string literal outside the store.
"""

from __future__ import annotations

from enum import StrEnum


class Table(StrEnum):
    WORKSHOP = "workshop"
    DAYS = "days"
    SESSIONS = "sessions"
    SESSION_SPEAKERS = "session_speakers"
    PEOPLE = "people"
    ATTENDANCE = "attendance"
    EXERCISES = "exercises"
    EXERCISE_PROMPTS = "exercise_prompts"
    TEAM_SETS = "team_sets"
    ROUNDS = "rounds"
    TEAMS = "teams"
    TEAM_MEMBERS = "team_members"
    TEAM_CONSTRAINTS = "team_constraints"
    NOTES = "notes"
    SUMMARIES = "summaries"
    ASSETS = "assets"
    SETTINGS = "settings"
    DRAFTS = "drafts"
    TOMBSTONES = "tombstones"
    MERGES = "merges"
    ROW_HISTORY = "row_history"
    VENUE_DEVICES = "venue_devices"
    VENUE_POLLS = "venue_polls"
    VENUE_POLL_OPTIONS = "venue_poll_options"
    VENUE_ANSWERS = "venue_answers"
    VENUE_QUESTIONS = "venue_questions"
    VENUE_QUESTION_VOTES = "venue_question_votes"
    VENUE_EVALUATIONS = "venue_evaluations"
    VENUE_EVAL_QUESTIONS = "venue_eval_questions"
    VENUE_EVAL_ANSWERS = "venue_eval_answers"
    VENUE_RAPPORTEURS = "venue_rapporteurs"
    VENUE_ANSWER_DOCS = "venue_answer_docs"


# Tables whose rows carry stable text ids and created/updated stamps and can be merged
# from another copy of the same workshop (parents before children).
MERGEABLE_TABLES: tuple[Table, ...] = (
    Table.WORKSHOP,
    Table.DAYS,
    Table.SESSIONS,
    Table.SESSION_SPEAKERS,
    Table.PEOPLE,
    Table.ATTENDANCE,
    Table.EXERCISES,
    Table.EXERCISE_PROMPTS,
    Table.TEAM_SETS,
    Table.ROUNDS,
    Table.TEAMS,
    Table.TEAM_MEMBERS,
    Table.TEAM_CONSTRAINTS,
    Table.NOTES,
    Table.SUMMARIES,
    Table.ASSETS,
    Table.SETTINGS,
    Table.VENUE_DEVICES,
    Table.VENUE_POLLS,
    Table.VENUE_POLL_OPTIONS,
    Table.VENUE_ANSWERS,
    Table.VENUE_QUESTIONS,
    Table.VENUE_QUESTION_VOTES,
    Table.VENUE_EVALUATIONS,
    Table.VENUE_EVAL_QUESTIONS,
    Table.VENUE_EVAL_ANSWERS,
    Table.VENUE_RAPPORTEURS,
    Table.VENUE_ANSWER_DOCS,
)
