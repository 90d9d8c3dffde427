"""Read-only queries that assemble the outcome report's input.

Everything the report shows comes through :func:`load_report`, which never writes. The
notes come last, one session's notes of one kind at a time while the report is laid out
(:class:`NoteRun`), so even 400,000 notes are never all in memory. When the
report is anonymised, speakers, members and attributions are dropped here and every free text
passes through one privacy guard (``store/privacy.py``), so the builders never hold a name.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

from facilitator.domain import agenda as agenda_dom
from facilitator.domain import people as people_dom
from facilitator.domain.privacy import Source
from facilitator.domain.report import (
    NOTE_KINDS,
    OUTCOME_KINDS,
    SECTIONS,
    DayItem,
    EvaluationItem,
    EvaluationQuestion,
    ExerciseItem,
    LearningItem,
    LearningRow,
    Logo,
    Note,
    ParticipantRow,
    Participation,
    PriorityItem,
    PriorityList,
    ReportData,
    ReportSettings,
    SessionItem,
    TeamItem,
    hhmm,
    to_minutes,
)
from facilitator.store import agenda as agenda_store
from facilitator.store.database import Workshop
from facilitator.store.records import DayRow, SessionRow, rows_of

SETTING_KEY = "report"
# Roles of people who run the event rather than take part in it.
STAFF_ROLES = {"organiser", "facilitator", "rapporteur", "interpreter", "staff"}
RASTER_MIMES = {"image/png", "image/jpeg", "image/jpg", "image/gif"}
NOTES_PER_STEP = 200  # notes read (and scanned for names) between two calls of ``progress``
RELEASE_STEP = 500  # notes let go at a time when reading stops half-way
QUERY_STEPS = 200_000  # SQLite instructions between two questions whether to go on


def let_go(items: list[Any]) -> None:
    """Empty ``items`` a few hundred at a time.

    Freeing a list of 100,000 notes in one go is one long call that holds the interpreter
    (0.1 s and more, the window's thread waiting); in slices it is handed over between them.
    """
    while items:
        del items[-RELEASE_STEP:]


@contextmanager
def _stoppable(
    conn: sqlite3.Connection, progress: Callable[[float], None] | None
) -> Iterator[list[float]]:
    """Within, a long query (the sort of 400,000 notes before the first comes back, 1-3 s)
    asks ``progress`` now and then whether to go on: what it raises (a job's Cancel) stops
    the query and goes on from here. Yields the share done, for those calls to repeat."""
    done = [0.0]
    if progress is None:
        yield done
        return
    stopped: list[BaseException] = []

    def ask() -> int:
        try:
            progress(done[0])
        except BaseException as exc:  # noqa: BLE001 - handed on below, not swallowed
            stopped.append(exc)
            return 1  # SQLite stops the statement
        return 0

    conn.set_progress_handler(ask, QUERY_STEPS)
    try:
        yield done
    except sqlite3.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def let_go_of(data: ReportData) -> None:
    """Free a report's findings (and notes given as lists) with :func:`let_go`, when only
    part of it is kept; the store's notes are read only when iterated, so hold nothing."""
    let_go(data.privacy)
    for notes in (data.recommendations, data.actions):
        if isinstance(notes, list):
            let_go(notes)
    for day in data.days:
        for session in day.sessions:
            for notes in session.notes.values():
                if isinstance(notes, list):
                    let_go(notes)


def _json_list(value: Any) -> list[str]:
    try:
        items = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    out = []
    for item in items:
        if isinstance(item, list | tuple):
            item = ", ".join(str(x) for x in item if x)
        if item is not None and str(item).strip():
            out.append(str(item).strip())
    return out


def format_dates(start: str | None, end: str | None) -> str:
    """ "10–12 March 2026" style ranges; unreadable dates are shown as written."""

    def parse(value: str | None) -> date | None:
        try:
            return date.fromisoformat((value or "")[:10])
        except ValueError:
            return None

    a, b = parse(start), parse(end)
    if a is None:
        return (start or "").strip()
    if b is None or b == a:
        return f"{a.day} {a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"


def format_day(value: str) -> str:
    try:
        d = date.fromisoformat((value or "")[:10])
    except ValueError:
        return value or ""
    return f"{d:%A} {d.day} {d:%B %Y}"


def _clock(value: str | None) -> str:
    m = to_minutes(value)
    return "" if m is None else hhmm(m)


class ReportStore:
    """The outcome report's settings and its read-only input."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def load_settings(self) -> ReportSettings:
        """The stored choices; a workshop under the Chatham House Rule is always anonymised."""
        settings = ReportSettings.from_value(self.ws.info.setting(SETTING_KEY))
        if self._chatham():
            settings.anonymous = True
        return settings

    def save_settings(self, settings: ReportSettings) -> None:
        self.ws.info.set_setting(SETTING_KEY, settings.to_value())

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Within, a read-only workshop reads the file as it was on entry: a report's notes
        are read while it is laid out (see :class:`NoteRun`), and its counts, numbers and
        notes must agree though the app may write meanwhile. One read transaction, which
        never blocks a writer of a WAL file; a workshop open for writing reads as it is."""
        conn = self.ws.db.conn
        if not self.ws.read_only or conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _chatham(self) -> bool:
        try:
            return bool(self.ws.info.details().get("chatham_house"))
        except StopIteration:
            return False

    def load_report(
        self,
        settings: ReportSettings | None = None,
        anonymous: bool | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> ReportData:
        """Assemble everything the report shows, honouring privacy and the organiser's choices.

        Anonymised, every free text goes through one privacy guard: decided hits are applied,
        undecided ones withheld, and all of them listed in ``ReportData.privacy``.

        The notes are only counted here: each session's notes of a kind (a :class:`NoteRun`)
        are read from the file when they are iterated, so iterate them while the workshop is
        open (inside :meth:`snapshot`, for a report that agrees with itself). Anonymised,
        every note is scanned for names here, once, so the findings are complete.

        ``progress`` is called with the share of the notes scanned so far, every
        :data:`NOTES_PER_STEP` notes: scanning a huge workshop's notes for names takes a
        while, and a job's Cancel raises from there. What was found by then is let go in
        slices before the exception goes on (see :func:`let_go`).
        """
        db = self.ws.db
        settings = settings or self.load_settings()
        details = self.ws.info.details()
        chatham = bool(details.get("chatham_house"))
        anon = bool(settings.anonymous if anonymous is None else anonymous) or chatham
        settings.anonymous = anon
        guard = self.ws.privacy.guard(anon)
        wid = details["id"]

        def cover(text: str, name: str) -> str:
            return guard(text, Source("Cover", wid, name))

        if anon:  # the caller's settings keep the texts as typed
            settings = replace(settings, sections=list(settings.sections))
            for name, section in (
                ("executive_summary", "summary"),
                ("way_forward", "way_forward"),
                ("acknowledgements", "acknowledgements"),
            ):
                where = Source(SECTIONS[section], SETTING_KEY, name)
                setattr(settings, name, guard(getattr(settings, name), where))

        people = {
            r["id"]: r for r in db.query("SELECT * FROM people ORDER BY name COLLATE HUMAN, id")
        }

        def person_name(pid: str | None) -> str:
            p = people.get(pid or "")
            if not p:
                return ""
            return " ".join(x for x in (p["honorific"], p["name"]) if x).strip()

        venue = ", ".join(x for x in (details["venue"], details["city"], details["country"]) if x)
        data = ReportData(
            title=cover(details["title"], "title") or "Workshop",
            subtitle=cover(details["subtitle"], "subtitle"),
            dates=format_dates(details["start_date"], details["end_date"]),
            venue=cover(venue, "venue"),
            organisers=[cover(o, "organisers") for o in _json_list(details["organisers"])],
            funders=[cover(f, "funders") for f in _json_list(details["funders"])],
            description=guard(
                details["description"], Source(SECTIONS["summary"], wid, "description")
            ),
            anonymous=anon,
            chatham_house=chatham,
            settings=settings,
        )
        for r in db.query(
            "SELECT name, mime, data FROM assets WHERE kind = 'logo' AND data IS NOT NULL "
            "ORDER BY position, created"
        ):
            if (r["mime"] or "").lower() in RASTER_MIMES and r["data"]:
                data.logos.append(Logo(r["name"], r["mime"], bytes(r["data"])))

        # Sessions with planned times, speakers and summaries.
        speakers: dict[str, list[str]] = defaultdict(list)
        if not anon:
            for r in db.query(
                "SELECT session_id, person_id, role FROM session_speakers "
                "ORDER BY session_id, position"
            ):
                name = person_name(r["person_id"])
                if name:
                    role = r["role"] if r["role"] not in ("", "speaker") else ""
                    speakers[r["session_id"]].append(f"{name} ({role})" if role else name)
        session_summary: dict[str, str] = {}
        team_summary: dict[str, str] = {}
        for r in db.query(
            "SELECT session_id, team_id, text FROM summaries WHERE text != '' ORDER BY created"
        ):
            target, key = (
                (team_summary, r["team_id"])
                if r["team_id"]
                else (
                    session_summary,
                    r["session_id"],
                )
            )
            if key:
                target[key] = (target[key] + "\n\n" + r["text"]) if key in target else r["text"]

        sessions: dict[str, SessionItem] = {}
        day_rows = rows_of(db.query("SELECT * FROM days ORDER BY position, date"), DayRow)
        rehearsed = self.ws.agenda.rehearsed_ids()
        by_day: dict[str, list[SessionRow]] = defaultdict(list)
        for row in rows_of(
            db.query("SELECT * FROM sessions ORDER BY day_id, position, created"), SessionRow
        ):
            by_day[row["day_id"]].append(row)
        agenda = SECTIONS["agenda"]
        for index, d in enumerate(day_rows):
            title = guard(d["title"], Source(agenda, d["id"], "title"))
            day = DayItem(d["id"], d["date"], title or f"Day {index + 1}")
            rows = by_day.get(d["id"], [])
            # The Agenda's own timing rules, so the report's planned times match the programme.
            timed = {
                t.session.id: (t.start, t.end)
                for t in agenda_dom.flow(agenda_store.to_day(d, map(agenda_store.to_session, rows)))
            }
            for row in rows:
                start, end = timed[row["id"]]
                title = guard(row["title"], Source(agenda, row["id"], "title"))
                item = SessionItem(
                    id=row["id"],
                    day_index=index,
                    kind=row["kind"],
                    title=title or "Untitled session",
                    planned_start=hhmm(start),
                    planned_end=hhmm(end),
                    # Times recorded on a rehearsal clock are practice, not what happened.
                    actual_start="" if row["id"] in rehearsed else _clock(row["actual_start"]),
                    actual_end="" if row["id"] in rehearsed else _clock(row["actual_end"]),
                    room=guard(row["room"], Source(agenda, row["id"], "room", title)),
                    speakers=speakers.get(row["id"], []),
                    description=guard(
                        row["description"],
                        Source(SECTIONS["annex_agenda"], row["id"], "description", title),
                    ),
                    summary=guard(
                        session_summary.get(row["id"], ""),
                        Source(SECTIONS["sessions"], row["id"], "summary", title),
                    ),
                )
                sessions[row["id"]] = item
                day.sessions.append(item)
            data.days.append(day)

        # Notes by session and kind, read when the report reaches them (see NoteRun); only
        # their counts now. Anonymised, every note is scanned once here, in print order, so
        # the findings are complete before anything is laid out; worksheet answers go to
        # their team.
        answers: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        printed: dict[tuple[str, str], str] = {}
        try:
            counts = self._note_counts(sessions, settings, progress)
            if anon:
                self._scan_notes(sessions, answers, guard, settings, printed, progress)
            else:
                self._answers(answers, progress)
        except BaseException:  # Cancel (or a failure) half-way: what was read goes gradually
            let_go(guard.findings)
            for team in answers.values():
                for texts in team.values():
                    let_go(texts)
            raise
        reader = _NoteReader(self.ws, anon, person_name, settings, printed)
        recommendations: list[NoteRun] = []
        actions: list[NoteRun] = []
        for day in data.days:
            for session in day.sessions:
                shown = counts.get(session.id, {})
                first = sum(len(r) for r in recommendations)
                runs = {
                    kind: NoteRun(reader, session.id, session.title, kind, shown[kind], first)
                    for kind in NOTE_KINDS
                    if shown.get(kind)
                }
                session.notes = dict(runs)
                if "recommendation" in runs:
                    recommendations.append(runs["recommendation"])
                if "action_item" in runs:
                    actions.append(runs["action_item"])
        data.recommendations = NoteChain(recommendations)
        data.actions = NoteChain(actions)

        # Group work.
        group = SECTIONS["group_work"]
        prompts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in db.query("SELECT * FROM exercise_prompts ORDER BY exercise_id, position, created"):
            prompts[r["exercise_id"]].append(
                (r["id"], guard(r["text"], Source(group, r["id"], "text")))
            )
        members: dict[str, list[str]] = defaultdict(list)
        sizes = dict(db.execute("SELECT team_id, COUNT(*) FROM team_members GROUP BY team_id"))
        if not anon:
            for r in db.query(
                "SELECT team_id, person_id FROM team_members ORDER BY team_id, position"
            ):
                name = person_name(r["person_id"])
                if name:
                    members[r["team_id"]].append(name)
        for ex in db.query(
            "SELECT e.*, s.title AS session_title FROM exercises e "
            "LEFT JOIN sessions s ON s.id = e.session_id "
            "LEFT JOIN days d ON d.id = s.day_id ORDER BY d.position, s.position, e.created"
        ):
            ex_title = guard(ex["title"], Source(group, ex["id"], "title"))
            item = ExerciseItem(
                ex["id"],
                ex_title or "Exercise",
                sessions[ex["session_id"]].title
                if ex["session_id"] in sessions
                else guard(ex["session_title"], Source(group, ex["session_id"] or "", "title")),
                guard(ex["instructions"], Source(group, ex["id"], "instructions", ex_title)),
                prompts.get(ex["id"], []),
            )
            for t in db.query(
                "SELECT t.id, t.name, r.title AS round_title, r.position AS rp FROM teams t "
                "JOIN rounds r ON r.id = t.round_id JOIN team_sets ts ON ts.id = r.team_set_id "
                "WHERE ts.exercise_id = ? ORDER BY ts.created, r.position, t.position",
                [ex["id"]],
            ):
                team_name = guard(t["name"], Source(group, t["id"], "name", ex_title))
                item.teams.append(
                    TeamItem(
                        t["id"],
                        team_name or "Team",
                        guard(t["round_title"], Source(group, t["id"], "round", ex_title)),
                        members.get(t["id"], []),
                        guard(
                            team_summary.get(t["id"], ""),
                            Source(group, t["id"], "summary", team_name),
                        ),
                        {k: list(v) for k, v in answers.get(t["id"], {}).items()},
                        sizes.get(t["id"], 0),
                    )
                )
            data.exercises.append(item)

        # Participation.
        taking_part = [p for p in people.values() if (p["role"] or "") not in STAFF_ROLES]
        part = Participation(total=len(taking_part))
        # The categories and labels of the roster and the attendance tables ("Not given" once).
        order = self.ws.collation.sort_key
        part.by_country = people_dom.tally((p["country"] for p in taking_part), "country", order)
        part.by_sector = people_dom.tally((p["sector"] for p in taking_part), "sector", order)
        part.by_sex = people_dom.tally((p["gender"] for p in taking_part), "gender", order)
        ids = {p["id"] for p in taking_part}
        present: dict[str, set[str]] = defaultdict(set)
        for r in db.query("SELECT person_id, day_id FROM attendance WHERE present = 1"):
            if r["person_id"] in ids:
                present[r["day_id"]].add(r["person_id"])
        for day in data.days:
            part.per_day.append((day.title, len(present.get(day.id, ()))))
        uncounted = {people_dom.NOT_GIVEN, people_dom.INTERNATIONAL}

        def countries(rows: Iterable[Mapping[str, Any]]) -> int:
            return len(
                {c for c, _ in people_dom.tally((r["country"] for r in rows), "country", order)}
                - uncounted
            )

        part.countries = countries(taking_part)
        taken = {r["person_id"] for r in db.query("SELECT DISTINCT person_id FROM attendance")}
        if taken & ids:
            came = set().union(*present.values())
            part.attended = len(came)
            part.attended_countries = countries(p for p in taking_part if p["id"] in came)
        data.participation = part

        _venue_results(self.ws, data, guard, {d["id"]: d for d in day_rows})

        privacy = details["privacy"] or "full"
        if anon:
            data.participants_mode = "organisations"
            orgs = {(p["organisation"].strip(), p["country"].strip()) for p in taking_part}
            data.organisations = sorted(o for o in orgs if o[0])
        elif privacy == "none":
            data.participants_mode = "none"
        else:
            data.participants_mode = privacy
            for p in sorted(taking_part, key=lambda p: (p["country"], p["name"].lower())):
                data.participants.append(
                    ParticipantRow(
                        name=person_name(p["id"]),
                        title=p["job_title"] if privacy == "full" else "",
                        organisation=p["organisation"],
                        country=p["country"] if privacy == "full" else "",
                        email=p["email"] if privacy == "full" else "",
                    )
                )
        data.privacy = guard.findings
        return data

    def _note_counts(
        self,
        sessions: dict[str, SessionItem],
        settings: ReportSettings,
        progress: Callable[[float], None] | None,
    ) -> dict[str, dict[str, int]]:
        """How many notes of each kind every session shows: the report's headings, numbers
        and contents are known before a single note is read."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        with _stoppable(self.ws.db.conn, progress):
            for session_id, raw, starred, n in self.ws.db.execute(
                "SELECT n.session_id, n.kind, n.starred, count(*) FROM notes n "
                f"WHERE NOT {_ANSWER} GROUP BY n.session_id, n.kind, n.starred"
            ).fetchall():
                if session_id not in sessions:
                    continue
                kind = raw if raw in NOTE_KINDS else "key_point"
                if settings.starred_only and not starred and kind not in OUTCOME_KINDS:
                    continue
                counts[session_id][kind] += n
        return counts

    def _answers(
        self,
        answers: dict[str, dict[str, list[str]]],
        progress: Callable[[float], None] | None,
    ) -> None:
        """Worksheet answers by team and prompt, as typed (the report is not anonymised)."""
        with _stoppable(self.ws.db.conn, progress):
            for team_id, prompt_id, text in self.ws.db.execute(
                f"SELECT n.team_id, n.prompt_id, n.text {_IN_ORDER} AND {_ANSWER} {_ORDER}"
            ).fetchall():
                answers[team_id][prompt_id].append(text or "")

    def _scan_notes(
        self,
        sessions: dict[str, SessionItem],
        answers: dict[str, dict[str, list[str]]],
        guard: Any,
        settings: ReportSettings,
        printed: dict[tuple[str, str], str],
        progress: Callable[[float], None] | None,
    ) -> None:
        """Every note the report prints through the guard, in print order: its findings,
        and in ``printed`` the texts it changed (only those: the rest print as typed), so
        laying the notes out later scans nothing again. Worksheet answers go to their team.

        ``progress`` is called with the share of the notes read so far, every
        :data:`NOTES_PER_STEP` notes (a job's Cancel raises from there)."""
        db = self.ws.db
        total = db.execute("SELECT count(*) FROM notes").fetchone()[0] if progress else 0
        read = 0
        with _stoppable(db.conn, progress) as done:
            for nid, session_id, raw, starred, prompt_id, team_id, text, owner in db.execute(
                "SELECT n.id, n.session_id, n.kind, n.starred, n.prompt_id, n.team_id, n.text, "
                f"n.action_owner {_IN_ORDER} {_ORDER}"
            ):
                read += 1
                if progress is not None and read % NOTES_PER_STEP == 0:
                    done[0] = min(1.0, read / max(1, total))
                    progress(done[0])
                if prompt_id and team_id:
                    where = Source(SECTIONS["group_work"], nid, "text", "worksheet answer")
                    answers[team_id][prompt_id].append(guard(text, where))
                    continue
                session = sessions.get(session_id or "")
                if session is None:
                    continue
                kind = raw if raw in NOTE_KINDS else "key_point"
                if settings.starred_only and not starred and kind not in OUTCOME_KINDS:
                    continue
                shown = guard(text, Source(SECTIONS["sessions"], nid, "text", session.title))
                if shown != (text or ""):
                    printed[(nid, "text")] = shown
                where = Source(SECTIONS["action_plan"], nid, "action_owner", session.title)
                shown = guard(owner, where)
                if shown != (owner or ""):
                    printed[(nid, "action_owner")] = shown


# A worksheet answer: a note with a prompt and a team (both given), shown with its team.
_ANSWER = "(coalesce(n.prompt_id, '') != '' AND coalesce(n.team_id, '') != '')"
_IN_ORDER = (
    "FROM notes n LEFT JOIN sessions s ON s.id = n.session_id "
    "LEFT JOIN days d ON d.id = s.day_id WHERE 1"
)
_ORDER = "ORDER BY d.position, d.date, s.position, n.position, n.created"
_NOTE_COLUMNS = (
    "n.id, n.kind, n.text, n.attribution_person_id, n.attribution_text, n.starred, "
    "n.action_owner, n.action_due, n.action_status"
)


class _NoteReader:
    """Reads one session's notes of one kind as the report reaches them, as printed: through
    the guard's decisions (taken from the scan, nothing is scanned twice) and the filters."""

    def __init__(
        self,
        ws: Workshop,
        anon: bool,
        person_name: Callable[[str | None], str],
        settings: ReportSettings,
        printed: dict[tuple[str, str], str],
    ) -> None:
        self.ws, self.anon, self.person_name = ws, anon, person_name
        self.starred_only = settings.starred_only
        self.printed = printed

    def read(self, session_id: str, title: str, kind: str, first: int) -> Iterator[Note]:
        """The notes in order; a recommendation numbered from ``first`` + 1."""
        if kind == "key_point":  # and every kind the report does not know
            where, params = "(coalesce(n.kind, '') NOT IN (%s) OR n.kind = ?)", [*NOTE_KINDS]
            where %= ", ".join("?" * len(NOTE_KINDS))
            params.append(kind)
        else:
            where, params = "n.kind = ?", [kind]
        skip = self.starred_only and kind not in OUTCOME_KINDS
        printed, anon, number = self.printed, self.anon, first
        rows = self.ws.db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes n WHERE n.session_id = ? AND NOT {_ANSWER} "
            f"AND {where} ORDER BY n.position, n.created",
            [session_id, *params],
        )
        for nid, _raw, text, person, attributed, starred, owner, due, status in rows:
            starred = bool(starred)
            if skip and not starred:
                continue
            note = Note(
                id=nid,
                kind=kind,
                text=printed.get((nid, "text"), text or ""),
                attribution="" if anon else (self.person_name(person) or attributed),
                starred=starred,
                owner=printed.get((nid, "action_owner"), owner or ""),
                due=due or "",
                status=status or "",
                session_title=title,
            )
            if kind == "recommendation":
                number += 1
                note.number = number
            yield note


class NoteRun:
    """One session's notes of one kind: counted when the report is assembled, read from the
    file each time they are iterated, so the report holds one step of notes at a time."""

    __slots__ = ("count", "first", "kind", "reader", "session_id", "session_title")

    def __init__(
        self, reader: _NoteReader, session_id: str, title: str, kind: str, count: int, first: int
    ) -> None:
        self.reader, self.session_id, self.session_title = reader, session_id, title
        self.kind, self.count, self.first = kind, count, first

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Note]:
        return self.reader.read(self.session_id, self.session_title, self.kind, self.first)


class NoteChain:
    """Runs of notes one after the other (every session's recommendations, say)."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[NoteRun]) -> None:
        self.parts = parts

    def __len__(self) -> int:
        return sum(len(p) for p in self.parts)

    def __iter__(self) -> Iterator[Note]:
        for part in self.parts:
            yield from part


def _venue_results(ws: Workshop, data: ReportData, guard: Any, days: dict[str, DayRow]) -> None:
    """Dot-voting priorities and evaluations answered on phones: counts and texts only (no
    device, no name), through the privacy guard like every other text the report prints."""
    priorities_section, evaluation_section = SECTIONS["priorities"], SECTIONS["evaluation"]
    from facilitator.domain.venue import (
        EVALUATION_KINDS,
        pair_questions,
        summarise_question,
        tally,
    )
    from facilitator.store.venue import eval_spec

    v = ws.venue
    numbers = _numbers(v, data)
    titles = v.session_titles()
    for row in v.polls():
        if row["kind"] != "dots":
            continue
        spec = v.spec(row["id"])
        values = v.values(row["id"])
        if spec is None or not values:
            continue
        notes = {o["id"]: o["note_id"] for o in v.options(row["id"])}
        results = tally(spec, values)
        priorities = PriorityList(
            guard(row["question"], Source(priorities_section, row["id"], "question")),
            titles.get(row["session_id"] or "", "") or "",
            results.responses,
            spec.dots,
        )
        for rank, bar in enumerate(results.bars, 1):
            voters = int(bar.detail.split()[0]) if bar.detail else 0
            priorities.items.append(
                PriorityItem(
                    rank,
                    guard(bar.label, Source(priorities_section, row["id"], "option", bar.label)),
                    int(bar.value),
                    voters,
                    numbers.get(notes.get(bar.option_id) or "", 0),
                )
            )
        data.priorities.append(priorities)

    summaries: dict[str, list[Any]] = {}
    for ev in v.evaluations():
        questions = [eval_spec(q) for q in v.eval_questions(ev["id"])]
        answers = v.eval_values(ev["id"])
        respondents = len(v.eval_devices(ev["id"]))
        results = [summarise_question(q, answers.get(q.id, [])) for q in questions]
        summaries[ev["id"]] = results
        if not respondents:
            continue
        day = days.get(ev["day_id"] or "")
        item = EvaluationItem(
            guard(ev["title"], Source(evaluation_section, ev["id"], "title")),
            EVALUATION_KINDS.get(ev["kind"], ev["kind"]),
            (day["title"] or day["date"]) if day else "",
            respondents,
        )
        for r in results:
            item.questions.append(
                EvaluationQuestion(
                    guard(r.question.text, Source(evaluation_section, r.question.id, "text")),
                    r.question.kind,
                    r.responses,
                    list(r.distribution),
                    r.mean,
                    r.median,
                    _grouped(
                        guard(t, Source(evaluation_section, r.question.id, "answer", ev["title"]))
                        for t in r.texts
                    ),
                )
            )
        data.evaluations.append(item)
    by_id = {e["id"]: e for e in v.evaluations()}
    for ev in by_id.values():
        pre = by_id.get(ev["pair_id"] or "")
        if ev["kind"] != "post" or pre is None:
            continue
        pairs = pair_questions(summaries.get(pre["id"], []), summaries.get(ev["id"], []))
        rows = [
            LearningRow(
                guard(p.text, Source(evaluation_section, ev["id"], "question", p.text)),
                p.before.mean,
                p.after.mean,
                p.before.responses,
                p.after.responses,
                p.after.question.scale_max,
            )
            for p in pairs
            if p.before.responses or p.after.responses
        ]
        if rows:
            data.learning.append(
                LearningItem(
                    guard(pre["title"], Source(evaluation_section, pre["id"], "title")),
                    guard(ev["title"], Source(evaluation_section, ev["id"], "title")),
                    rows,
                )
            )


def _numbers(v: Any, data: ReportData) -> dict[str, int]:
    """The report's numbers of the recommendations dot-voting polls offer as options."""
    wanted = {
        o["note_id"]
        for row in v.polls()
        if row["kind"] == "dots"
        for o in v.options(row["id"])
        if o["note_id"]
    }
    if not wanted:
        return {}
    return {n.id: n.number for n in data.recommendations if n.id in wanted}


def _grouped(texts: Any) -> list[str]:
    """Open answers with repeats counted ("Longer breaks (8)"), most given first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for t in texts:
        key = " ".join(t.split()).casefold()
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, t)
    order = sorted(counts, key=lambda k: -counts[k])  # stable: first given first among equals
    return [shown[k] + (f" ({counts[k]})" if counts[k] > 1 else "") for k in order]
