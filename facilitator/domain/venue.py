"""Rules of the venue server: what a phone may send, and how answers add up.

Pure Python, shared by the server (which validates what phones send before anything is
written), the store (which writes the validated value), the desktop views and the report
(which tally the answers). A value a phone sends is checked here against the poll it
answers; anything odd raises :class:`VenueInputError` naming the field, which the server
turns into a 4xx JSON error.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import statistics
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.domain.errors import UserError

POLL_KINDS: dict[str, str] = {
    "single": "Single choice",
    "multiple": "Multiple choice",
    "scale": "Scale",
    "words": "Open words (word cloud)",
    "ranking": "Ranking",
    "dots": "Dot-voting on recommendations",
}
STATES = ("draft", "open", "closed")
EVALUATION_KINDS: dict[str, str] = {
    "day": "End of day",
    "final": "End of workshop",
    "pre": "Before (learning outcomes)",
    "post": "After (learning outcomes)",
}
EVAL_QUESTION_KINDS: dict[str, str] = {
    "scale5": "Scale 1–5",
    "scale10": "Scale 1–10",
    "text": "Open answer",
}

MAX_POLL_QUESTION = 300
MAX_OPTION = 120
MAX_OPTIONS = 30
MAX_QUESTION = 280  # a question to the panel
MAX_WORD = 30  # one entry of a word cloud
MAX_WORDS = 10
DEFAULT_WORDS = 3
MAX_NAME = 60
MAX_EVAL_TEXT = 1000
MAX_DOTS = 20

# Join codes avoid letters and digits that read alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\u200B-\u200F\u202A-\u202E\u2066-\u2069]")


class VenueInputError(UserError, ValueError):
    """What a phone sent cannot be accepted; ``field`` names the part that is wrong.

    ``status`` is the HTTP status the server answers with (422: the value is wrong; 409: it
    came too late or twice; 404: what it names does not exist or is not open).
    """

    def __init__(self, field: str, message: str, status: int = 422, code: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status
        self.code = code or ("invalid" if status == 422 else "refused")


def hash_token(token: str) -> str:
    """How a phone's token is kept in the file: a hash, so a copy of the file cannot vote."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- join codes --------------------------------------------------------------------------------


def new_join_code() -> str:
    """A fresh code to type or scan (about 10^9 possibilities; joins are rate limited)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: Any) -> str:
    """What a participant typed as the code, the way codes are compared ("k7m-2qx" → "K7M2QX")."""
    if not isinstance(text, str):
        return ""
    return re.sub(r"[^0-9A-Z]", "", text.upper())[:32]


def codes_match(typed: Any, code: str) -> bool:
    return bool(code) and secrets.compare_digest(normalise_code(typed), code)


# -- text --------------------------------------------------------------------------------------


def clean_text(value: Any, field: str, limit: int, multiline: bool = False) -> str:
    """Text as it may be stored: a string, trimmed, NFC, no control characters, not empty."""
    if not isinstance(value, str):
        raise VenueInputError(field, f"{field} must be text.")
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    text = _CONTROL.sub("", text)
    if multiline:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
    else:
        text = " ".join(text.split())
    if not text:
        raise VenueInputError(field, f"{field} is empty.")
    if len(text) > limit:
        raise VenueInputError(field, f"{field} is too long (at most {limit} characters).")
    return text


_PUNCT = " .,;:!?¡¿\"'“”‘’()[]«»-–—"


def word_key(word: str) -> str:
    """How word-cloud entries are grouped: case ignored, accents kept, outer punctuation
    dropped ("Trust." and "trust" are one entry)."""
    return word.strip(_PUNCT).casefold()


# -- polls -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionSpec:
    id: str
    text: str


@dataclass(frozen=True)
class PollSpec:
    """A poll as far as answering and tallying need it (built from the store's rows)."""

    id: str
    kind: str
    question: str
    options: tuple[OptionSpec, ...] = ()
    scale_max: int = 5
    max_choices: int = 0
    dots: int = 3

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @property
    def words_allowed(self) -> int:
        return min(MAX_WORDS, self.max_choices or DEFAULT_WORDS)


def poll_problems(poll: PollSpec) -> list[str]:
    """Why a poll cannot be opened yet, in words for the facilitator (empty: it can)."""
    out: list[str] = []
    if not poll.question.strip():
        out.append("The poll has no question.")
    if poll.kind not in POLL_KINDS:
        out.append(f"Unknown poll kind “{poll.kind}”.")
    needs = {"single": 2, "multiple": 2, "ranking": 2, "dots": 2}.get(poll.kind, 0)
    if len(poll.options) < needs:
        what = "recommendations" if poll.kind == "dots" else "options"
        out.append(f"It needs at least {needs} {what}.")
    if len(poll.options) > MAX_OPTIONS:
        out.append(f"It has more than {MAX_OPTIONS} options.")
    if poll.kind == "scale" and poll.scale_max not in (5, 10):
        out.append("A scale runs from 1 to 5 or from 1 to 10.")
    if poll.kind == "dots" and not 1 <= poll.dots <= MAX_DOTS:
        out.append(f"Each participant spends 1 to {MAX_DOTS} dots.")
    return out


def parse_answer(poll: PollSpec, value: Any) -> Any:
    """The answer as stored (JSON-ready), or VenueInputError saying what is wrong."""
    ids = poll.option_ids
    if poll.kind == "single":
        if not isinstance(value, str) or value not in ids:
            raise VenueInputError("answer", "Choose one of the options.")
        return value
    if poll.kind == "multiple":
        picked = _id_list(value, ids)
        if not picked:
            raise VenueInputError("answer", "Choose at least one option.")
        if poll.max_choices and len(picked) > poll.max_choices:
            raise VenueInputError("answer", f"Choose at most {poll.max_choices} options.")
        return [i for i in ids if i in picked]
    if poll.kind == "scale":
        if isinstance(value, bool) or not isinstance(value, int):
            raise VenueInputError("answer", "Give a whole number.")
        if not 1 <= value <= poll.scale_max:
            raise VenueInputError("answer", f"Give a number from 1 to {poll.scale_max}.")
        return value
    if poll.kind == "words":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise VenueInputError("answer", "Type at least one word.")
        words = []
        for item in items:
            if isinstance(item, str) and not item.strip():
                continue
            word = clean_text(item, "answer", MAX_WORD)
            if word_key(word) and word_key(word) not in {word_key(w) for w in words}:
                words.append(word)
        if not words:
            raise VenueInputError("answer", "Type at least one word.")
        if len(words) > poll.words_allowed:
            raise VenueInputError("answer", f"Type at most {poll.words_allowed} entries.")
        return words
    if poll.kind == "ranking":
        order = _id_list(value, ids)
        if len(order) != len(ids) or (isinstance(value, list) and len(value) != len(ids)):
            raise VenueInputError("answer", "Put every option in order.")
        return order
    if poll.kind == "dots":
        if not isinstance(value, dict) or not value:
            raise VenueInputError("answer", "Place your dots.")
        spent: dict[str, int] = {}
        for key, n in value.items():
            if key not in ids:
                raise VenueInputError("answer", "A dot is on something that is not in the poll.")
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise VenueInputError("answer", "Dots are whole numbers, 0 or more.")
            if n:
                spent[key] = n
        total = sum(spent.values())
        if total < 1:
            raise VenueInputError("answer", "Place at least one dot.")
        if total > poll.dots:
            raise VenueInputError("answer", f"You have {poll.dots} dots; you placed {total}.")
        return {i: spent[i] for i in ids if i in spent}
    raise VenueInputError("poll", "This poll cannot be answered.")


def _id_list(value: Any, ids: Sequence[str]) -> list[str]:
    if not isinstance(value, list) or len(value) > len(ids):
        raise VenueInputError("answer", "The answer is not a list of the poll's options.")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in ids:
            raise VenueInputError("answer", "An answer names an option that is not in the poll.")
        if item in out:
            raise VenueInputError("answer", "An option is given twice.")
        out.append(item)
    return out


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # count, dots or points
    share: float = 0.0  # of the largest bar, 0–1 (for drawing)
    option_id: str = ""
    detail: str = ""  # e.g. "average rank 1.8"


@dataclass(frozen=True)
class Results:
    """A poll's answers added up, in the shape every view draws."""

    kind: str
    responses: int
    bars: tuple[Bar, ...] = ()  # choices, scale points, ranking (best first), dots (most first)
    words: tuple[tuple[str, int], ...] = ()  # word cloud: (word, count), most first
    mean: float | None = None  # scale

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "responses": self.responses,
            "bars": [
                {"label": b.label, "value": b.value, "share": round(b.share, 4), "detail": b.detail}
                for b in self.bars
            ],
            "words": [[w, n] for w, n in self.words],
            "mean": None if self.mean is None else round(self.mean, 2),
        }


def _bars(pairs: Iterable[tuple[str, float, str, str]]) -> tuple[Bar, ...]:
    items = list(pairs)
    top = max([v for _, v, _, _ in items] + [0])
    return tuple(
        Bar(label, value, (value / top) if top else 0.0, oid, detail)
        for label, value, oid, detail in items
    )


def tally(poll: PollSpec, values: Iterable[Any]) -> Results:
    """Add up stored answers; values that no longer fit the poll (an option deleted) are skipped
    for that option only, so an edit of a poll never loses the rest of an answer."""
    answers = list(values)
    labels = {o.id: o.text for o in poll.options}
    kind = poll.kind
    if kind in ("single", "multiple"):
        counts = dict.fromkeys(labels, 0)
        for v in answers:
            for oid in [v] if isinstance(v, str) else v if isinstance(v, list) else []:
                if oid in counts:
                    counts[oid] += 1
        return Results(kind, len(answers), _bars((labels[i], n, i, "") for i, n in counts.items()))
    if kind == "scale":
        points = [v for v in answers if isinstance(v, int) and 1 <= v <= poll.scale_max]
        dist = [(str(k), points.count(k), "", "") for k in range(1, poll.scale_max + 1)]
        mean = statistics.fmean(points) if points else None
        return Results(kind, len(answers), _bars(dist), mean=mean)
    if kind == "words":
        counts_w: dict[str, int] = {}
        spelling: dict[str, dict[str, int]] = {}
        for v in answers:
            for word in v if isinstance(v, list) else []:
                if not isinstance(word, str):
                    continue
                key = word_key(word)
                if not key:
                    continue
                counts_w[key] = counts_w.get(key, 0) + 1
                shown = spelling.setdefault(key, {})  # first seen first among equals
                plain = word.strip(_PUNCT)
                shown[plain] = shown.get(plain, 0) + 1
        words = [(max(spelling[k], key=lambda w: spelling[k][w]), n) for k, n in counts_w.items()]
        words.sort(key=lambda wn: (-wn[1], wn[0].casefold()))
        return Results(kind, len(answers), words=tuple(words))
    if kind == "ranking":
        n = len(labels)
        points = dict.fromkeys(labels, 0)
        ranks: dict[str, list[int]] = {i: [] for i in labels}
        for v in answers:
            if not isinstance(v, list):
                continue
            kept = [oid for oid in v if oid in labels]
            for pos, oid in enumerate(kept):
                points[oid] += n - pos
                ranks[oid].append(pos + 1)
        order = sorted(labels, key=lambda i: (-points[i], poll.option_ids.index(i)))
        return Results(
            kind,
            len(answers),
            _bars(
                (
                    labels[i],
                    points[i],
                    i,
                    f"average rank {statistics.fmean(ranks[i]):.1f}" if ranks[i] else "",
                )
                for i in order
            ),
        )
    if kind == "dots":
        dots = dict.fromkeys(labels, 0)
        voters = dict.fromkeys(labels, 0)
        for v in answers:
            if not isinstance(v, dict):
                continue
            for oid, k in v.items():
                if oid in dots and isinstance(k, int) and k > 0:
                    dots[oid] += k
                    voters[oid] += 1
        order = sorted(labels, key=lambda i: (-dots[i], poll.option_ids.index(i)))
        return Results(
            kind,
            len(answers),
            _bars(
                (labels[i], dots[i], i, f"{voters[i]} participant{'s' * (voters[i] != 1)}")
                for i in order
            ),
        )
    return Results(kind, len(answers))


def describe_answer(poll: PollSpec, value: Any) -> str:
    """An answer in words, for exports ("Option A; Option C", "4", "3 dots on …")."""
    labels = {o.id: o.text for o in poll.options}
    if poll.kind == "single":
        return labels.get(value, "") if isinstance(value, str) else ""
    if poll.kind in ("multiple", "ranking"):
        items = value if isinstance(value, list) else []
        sep = " > " if poll.kind == "ranking" else "; "
        return sep.join(labels[i] for i in items if i in labels)
    if poll.kind == "scale":
        return str(value) if isinstance(value, int) else ""
    if poll.kind == "words":
        return "; ".join(w for w in value if isinstance(w, str)) if isinstance(value, list) else ""
    if poll.kind == "dots" and isinstance(value, dict):
        return "; ".join(f"{labels[i]}: {n}" for i, n in value.items() if i in labels)
    return ""


# -- evaluations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvalQuestionSpec:
    id: str
    kind: str  # scale5 | scale10 | text
    text: str

    @property
    def scale_max(self) -> int:
        return 10 if self.kind == "scale10" else 5


def parse_evaluation(questions: Sequence[EvalQuestionSpec], value: Any) -> dict[str, Any]:
    """A questionnaire's answers as stored: question id → number or text; blanks skipped."""
    if not isinstance(value, dict):
        raise VenueInputError("answers", "The answers are not a list of questions and values.")
    by_id = {q.id: q for q in questions}
    out: dict[str, Any] = {}
    for qid, answer in value.items():
        q = by_id.get(qid)
        if q is None:
            raise VenueInputError("answers", "An answer is for a question not in this evaluation.")
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            continue
        if q.kind == "text":
            out[qid] = clean_text(answer, "answer", MAX_EVAL_TEXT, multiline=True)
            continue
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise VenueInputError("answers", "A rating is a whole number.")
        if not 1 <= answer <= q.scale_max:
            raise VenueInputError("answers", f"Give a rating from 1 to {q.scale_max}.")
        out[qid] = answer
    if not out:
        raise VenueInputError("answers", "Answer at least one question.")
    return {q.id: out[q.id] for q in questions if q.id in out}


@dataclass(frozen=True)
class EvalResult:
    """One question of an evaluation, answered: a distribution and mean, or the texts."""

    question: EvalQuestionSpec
    responses: int
    distribution: tuple[int, ...] = ()  # counts of 1..max
    mean: float | None = None
    median: float | None = None
    texts: tuple[str, ...] = ()


def summarise_question(question: EvalQuestionSpec, values: Iterable[Any]) -> EvalResult:
    items = list(values)
    if question.kind == "text":
        texts = tuple(v for v in items if isinstance(v, str) and v.strip())
        return EvalResult(question, len(texts), texts=texts)
    points = [v for v in items if isinstance(v, int) and 1 <= v <= question.scale_max]
    dist = tuple(points.count(k) for k in range(1, question.scale_max + 1))
    return EvalResult(
        question,
        len(points),
        dist,
        statistics.fmean(points) if points else None,
        float(statistics.median(points)) if points else None,
    )


@dataclass(frozen=True)
class EvalTemplate:
    kind: str
    title: str
    questions: tuple[tuple[str, str], ...]  # (kind, text)


TEMPLATES: dict[str, EvalTemplate] = {
    "day": EvalTemplate(
        "day",
        "End of day",
        (
            ("scale5", "Overall, how useful was today for your work?"),
            ("scale5", "How well did the sessions meet their objectives?"),
            ("scale5", "How good were the chances to take part and speak?"),
            ("text", "What was most useful today?"),
            ("text", "What should we change tomorrow?"),
        ),
    ),
    "final": EvalTemplate(
        "final",
        "End of workshop",
        (
            ("scale10", "Overall, how would you rate the workshop?"),
            ("scale5", "How relevant was the content to your work?"),
            ("scale5", "How well was the workshop organised?"),
            ("scale5", "How likely are you to use what you learnt in the next six months?"),
            ("text", "What will you do differently after this workshop?"),
            ("text", "Any other comments?"),
        ),
    ),
    "pre": EvalTemplate(
        "pre",
        "Before: what I know",
        (
            ("scale5", "How well do you know the topic of the workshop?"),
            ("scale5", "How confident are you in applying it in your work?"),
            ("scale5", "How well do you know the practice of the other countries present?"),
        ),
    ),
}


@dataclass(frozen=True)
class PairedResult:
    """A question asked before and after: the means side by side."""

    text: str
    before: EvalResult
    after: EvalResult

    @property
    def change(self) -> float | None:
        if self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean


def pair_questions(before: Sequence[EvalResult], after: Sequence[EvalResult]) -> list[PairedResult]:
    """Scale questions of a pre-test and its post-test, matched by position."""
    out = []
    for b, a in zip(before, after, strict=False):
        if b.question.kind != "text" and a.question.kind == b.question.kind:
            out.append(PairedResult(a.question.text or b.question.text, b, a))
    return out


# -- what a phone sees -------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionView:
    """A question to the panel as phones and the projector show it (never who asked)."""

    id: str
    text: str
    votes: int
    answered: bool
    author: str = ""  # named mode only
    mine: bool = False


def question_order(items: Iterable[QuestionView]) -> list[QuestionView]:
    """Open questions first, most votes first, then oldest first (stable input order)."""
    return sorted(items, key=lambda q: (q.answered, -q.votes))


# -- team worksheets and rapporteurs -------------------------------------------------------------

MAX_ANSWER = 20_000  # characters of one team's answer to one prompt
MAX_DOC_UPDATE = 64 * 1024  # bytes of one Yjs update a device sends (a paste of a page)
MAX_DOC_STATE = 1024 * 1024  # bytes of one answer's whole Yjs document
MAX_NOTE = 4000  # characters of one note a rapporteur sends
MAX_NOTES_PER_SEND = 200  # notes in one delivery of a rapporteur's queue
NOTE_ID = re.compile(r"not_[0-9a-f]{12,32}")  # made by the browser: stable across replays
MAX_RAPPORTEUR_NAME = 60


@dataclass(frozen=True)
class RemoteNote:
    """A note a rapporteur typed in a browser, checked; its id came from that browser."""

    id: str
    session_id: str | None
    team_id: str | None
    kind: str
    text: str
    attribution_person_id: str | None = None
    attribution_text: str = ""


def parse_remote_note(
    value: Any,
    sessions: Collection[str],
    teams: Collection[str],
    kinds: Collection[str],
    people: Collection[str],
) -> RemoteNote:
    """What a rapporteur's page sent, as a note that may be stored, or a clear refusal.

    ``sessions``, ``teams``, ``kinds`` and ``people`` are the ids that exist: a note naming
    anything else is refused with the field that is wrong (a deleted session, a stale team).
    """
    if not isinstance(value, dict):
        raise VenueInputError("note", "A note must be an object.")
    note_id = value.get("id")
    if not isinstance(note_id, str) or not NOTE_ID.fullmatch(note_id):
        raise VenueInputError("id", "The note has no valid id.")
    session_id = value.get("session_id") or None
    if session_id is not None and session_id not in sessions:
        raise VenueInputError("session_id", "That session does not exist.", 404, "no_session")
    team_id = value.get("team_id") or None
    if team_id is not None and team_id not in teams:
        raise VenueInputError("team_id", "That team does not exist.", 404, "no_team")
    kind = value.get("kind") or "key_point"
    if kind not in kinds:
        raise VenueInputError("kind", "That kind of note does not exist.")
    text = clean_text(value.get("text"), "text", MAX_NOTE, multiline=True)
    person = value.get("attribution_person_id") or None
    if person is not None and person not in people:
        raise VenueInputError("attribution_person_id", "That person is not in the roster.")
    said_by = value.get("attribution_text") or ""
    said_by = clean_text(said_by, "attribution_text", MAX_NAME) if said_by else ""
    return RemoteNote(note_id, session_id, team_id, kind, text, person, said_by)


def answer_text(text: str) -> str:
    """A team's answer as the worksheet note keeps it: control characters out, ends trimmed.

    The Yjs document keeps exactly what was typed; the note is its readable mirror.
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()
