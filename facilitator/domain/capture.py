"""Rules of live note capture: note kinds, their prefixes and shortcuts, the kind a new
context starts with, the session running now, the default session, search hit marks.

Pure Python so the rules are tested without Qt and shared by the window and the CLI.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from facilitator.domain.errors import UserError


@dataclass(frozen=True)
class Kind:
    """One kind of note: its key in the file, its label, typing prefix and keyboard shortcut."""

    key: str
    label: str
    prefix: str
    shortcut: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


DEFAULT_KINDS: tuple[Kind, ...] = (
    Kind("key_point", "Key point", "k", "Alt+1"),
    Kind("recommendation", "Recommendation", "r", "Alt+2"),
    Kind("action_item", "Action item", "a", "Alt+3"),
    Kind("decision", "Decision", "d", "Alt+4"),
    Kind("question", "Question", "q", "Alt+5"),
    Kind("quote", "Quote", "qu", "Alt+6"),
    Kind("challenge", "Challenge", "c", "Alt+7"),
    Kind("lesson_learned", "Lesson learned", "l", "Alt+8"),
    Kind("answer", "Worksheet answer", "w", "Alt+9"),
)
KIND_KEYS = tuple(k.key for k in DEFAULT_KINDS)
SESSION_KIND = "key_point"  # what a note in a session (or a team's part of it) is at first
ANSWER_KIND = "answer"  # what a note on a worksheet prompt is at first
ACTION_STATUSES = ("open", "in progress", "done")
SETTING_KINDS = "capture.kinds"


class KindConfigError(UserError, ValueError):
    """A per-workshop kinds setting that cannot be used; the message names the field."""


def kinds_from_setting(value: Any) -> list[Kind]:
    """The workshop's kinds: its stored labels/prefixes/shortcuts over the defaults.

    Unknown keys and malformed entries are ignored so an odd setting never blocks capture. A
    kind the setting does not mention (one added after it was saved) keeps its default prefix
    and shortcut only where no stored kind already uses them.
    """
    by_key = {k.key: k for k in DEFAULT_KINDS}
    stored: set[str] = set()
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item.get("key") in by_key:
                base = by_key[item["key"]]
                stored.add(base.key)
                by_key[base.key] = Kind(
                    base.key,
                    str(item.get("label") or base.label),
                    str(item.get("prefix", base.prefix)).strip(),
                    str(item.get("shortcut", base.shortcut)).strip(),
                )
    if stored:
        prefixes = {by_key[k].prefix.lower() for k in stored} - {""}
        shortcuts = {by_key[k].shortcut.lower() for k in stored} - {""}
        for key in set(KIND_KEYS) - stored:
            k = by_key[key]
            by_key[key] = Kind(
                k.key,
                k.label,
                "" if k.prefix.lower() in prefixes else k.prefix,
                "" if k.shortcut.lower() in shortcuts else k.shortcut,
            )
    return [by_key[k] for k in KIND_KEYS]


def validate_kinds(kinds: list[Kind], reserved: dict[str, str] | None = None) -> None:
    """Refuse duplicate prefixes or shortcuts (they would make typing ambiguous), and
    shortcuts the window already uses (``reserved``: key sequence → what it does)."""
    seen_prefix: dict[str, str] = {}
    seen_short: dict[str, str] = {k.lower(): v for k, v in (reserved or {}).items()}
    for k in kinds:
        p = k.prefix.lower()
        if p and not re.fullmatch(r"[^\s:]{1,6}", p):
            raise KindConfigError(
                f"Prefix for “{k.label}”: “{k.prefix}” must be 1–6 characters without spaces "
                "or colons."
            )
        if p and p in seen_prefix:
            raise KindConfigError(
                f"Prefix “{k.prefix}” is used by both “{seen_prefix[p]}” and “{k.label}”."
            )
        if p:
            seen_prefix[p] = k.label
        s = k.shortcut.lower()
        if s and s in seen_short:
            raise KindConfigError(
                f"Shortcut “{k.shortcut}” is used by both “{seen_short[s]}” and “{k.label}”."
            )
        if s:
            seen_short[s] = k.label


def parse_prefix(text: str, kinds: list[Kind]) -> tuple[str | None, str]:
    """Split ``"r: fund youth"`` into ("recommendation", "fund youth").

    A prefix is one of the kinds' prefixes followed by a colon at the very start (case does
    not matter). Text without a known prefix is returned unchanged with kind ``None``.
    """
    m = re.match(r"\s*([^\s:]{1,6}):[ \t]*", text)
    if not m:
        return None, text
    token = m.group(1).lower()
    for k in kinds:
        if k.prefix and k.prefix.lower() == token:
            return k.key, text[m.end() :]
    return None, text


def label_of(kind_key: str, kinds: list[Kind]) -> str:
    for k in kinds:
        if k.key == kind_key:
            return k.label
    return kind_key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class SessionSlot:
    """What choosing the default session needs to know about each session."""

    id: str
    date: str  # YYYY-MM-DD of its day
    start: str | None  # planned HH:MM, if known
    duration_min: int
    actual_start: str | None
    actual_end: str | None


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def running_now(slots: list[SessionSlot], now: datetime) -> list[str]:
    """Sessions running at ``now`` by their recorded times, the latest start first.

    Running means started today (the day of ``now``, on the Agenda's clock), at or before
    ``now``, and not finished. A start recorded on another day or later than ``now`` (a
    rehearsal on a practice clock, a session nobody finished yesterday) is not running.
    """
    today = now.date()
    started = []
    for s in slots:
        begin = _moment(s.actual_start)
        if begin is None or s.actual_end or begin.date() != today or begin > now:
            continue
        started.append((begin, s.id))
    started.sort(key=lambda item: item[1])
    started.sort(key=lambda item: item[0], reverse=True)  # stable: ties stay in id order
    return [sid for _begin, sid in started]


def default_session(slots: list[SessionSlot], at: datetime, live_id: str | None = None) -> str:
    """The session a rapporteur most likely wants: the live one, else the one planned now.

    Order of preference: ``live_id``; a session running at ``at`` (:func:`running_now`);
    the session whose planned time contains ``at``; the first session.
    """
    if not slots:
        return ""
    ids = {s.id for s in slots}
    if live_id and live_id in ids:
        return live_id
    running = running_now(slots, at)
    if running:
        return running[0]
    stamp = at.replace(tzinfo=None)
    for s in slots:
        if not s.start:
            continue
        try:
            begin = datetime.fromisoformat(f"{s.date}T{s.start}")
        except ValueError:
            continue
        if begin <= stamp < begin + timedelta(minutes=max(s.duration_min, 1)):
            return s.id
    return slots[0].id


def context_kind(prompt_id: str | None) -> str:
    """The kind a note starts with where the rapporteur writes: an answer on a prompt."""
    return ANSWER_KIND if prompt_id else SESSION_KIND


def kind_after_move(
    current: str, old_prompt: str | None, new_prompt: str | None, typing: bool
) -> str:
    """The kind of the input once the session, team or prompt changes.

    A kind picked for the last note does not follow the rapporteur elsewhere: the input
    starts again with the new place's kind (:func:`context_kind`). Only a kind picked for
    text still in the box moves with that text.
    """
    if typing and current != context_kind(old_prompt):
        return current
    return context_kind(new_prompt)


def planned_starts(
    day_start: str, sessions: list[tuple[str, int, str | None]]
) -> dict[str, str | None]:
    """Planned HH:MM start per session id from the day start, durations and fixed starts.

    ``sessions`` is (id, duration_min, fixed_start) in agenda order. Simple running sum; a
    fixed start resets the clock. Good enough to guess which session runs now.
    """
    out: dict[str, str | None] = {}
    try:
        clock = datetime.strptime(day_start or "09:00", "%H:%M")
    except ValueError:
        clock = datetime.strptime("09:00", "%H:%M")
    for sid, minutes, fixed in sessions:
        if fixed:
            try:
                clock = datetime.strptime(fixed, "%H:%M")
            except ValueError:
                pass
        out[sid] = f"{clock.hour:02d}:{clock.minute:02d}"  # strftime: 30× slower
        clock += timedelta(minutes=max(minutes or 0, 0))
    return out


def fts_query(text: str) -> str:
    """A safe FTS5 query from what the user typed: every word must match, the last as a prefix.

    Quotes around each token stop FTS5 operators and punctuation from raising syntax errors.
    """
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    if text[-1].isalnum():
        quoted[-1] += "*"
    return " ".join(quoted)


# Search hits are marked in snippets with two private-use characters, which no keyboard
# types and no roster holds, so a view can show them highlighted without confusing them
# with brackets the rapporteur typed.
HIT_START = "\ue000"
HIT_END = "\ue001"


def hit_spans(snippet: str) -> list[tuple[str, bool]]:
    """Split a marked snippet into (text, is a hit) pieces, markers removed."""
    spans: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        if part:
            spans.append((part, i % 2 == 1))
    return spans


def without_marks(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "")
