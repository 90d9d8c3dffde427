"""The bundled demo workshop, and stress workshops for benchmarks (``large``, ``huge``).

The demo is modelled on regional workshops on preventing violent extremism: three days,
government, civil-society, academic and international participants from eight countries,
themed plenaries, a panel, country presentations and two group exercises with worksheets.
All names and organisations' staff are fictional.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from facilitator.resources import resource
from facilitator.store.database import Workshop
from facilitator.store.errors import StorageError
from facilitator.store.tables import Table

Progress = Callable[[float], None] | None

START = date(2026, 3, 10)

# (kind, title, minutes, fixed_start, room, speakers by demo index, description, objectives)
AGENDA: list[list[tuple]] = [
    [
        (
            "opening",
            "Opening remarks",
            30,
            "09:00",
            "Plenary Hall",
            [30, 22],
            "Welcome by the organisers and the host; purpose of the workshop and Chatham House "
            "Rule reminder.",
            "Set expectations; agree ground rules.",
        ),
        (
            "plenary",
            "Partnerships between governments and civil society",
            75,
            None,
            "Plenary Hall",
            [3, 32],
            "How ministries and community organisations can work together on prevention without "
            "compromising the independence or safety of civil society.",
            "Identify conditions for trust; map existing coordination mechanisms.",
        ),
        ("break", "Coffee break", 15, None, "Foyer", [], "", ""),
        (
            "country",
            "Country experiences: Central Asia",
            90,
            None,
            "Plenary Hall",
            [0, 4, 8],
            "Short presentations from Kazakhstan, Kyrgyzstan and Uzbekistan on national "
            "prevention programmes, followed by questions.",
            "Share lessons learned.",
        ),
        ("meal", "Lunch", 60, "12:30", "Restaurant", [], "", ""),
        (
            "panel",
            "Panel: the role of women and youth in prevention",
            90,
            None,
            "Plenary Hall",
            [24, 2, 17, 10],
            "Moderated panel with practitioners working with women's groups and youth networks.",
            "Surface practical entry points for inclusive programming.",
        ),
        ("break", "Coffee break", 15, None, "Foyer", [], "", ""),
    ],
    [
        ("plenary", "Recap of day one", 15, "09:00", "Plenary Hall", [34], "", ""),
        (
            "presentation",
            "How violent extremists use micro-platforms",
            60,
            None,
            "Plenary Hall",
            [33],
            "Research findings on the use of pasting sites, file-sharing and content "
            "storage services to spread propaganda to Central and South-East Asian audiences.",
            "Understand the online threat landscape.",
        ),
        (
            "country",
            "Country experiences: South-East Asia",
            90,
            None,
            "Plenary Hall",
            [11, 15, 19, 22, 25],
            "Viet Nam, Thailand, Cambodia, Malaysia and Indonesia present national strategic "
            "communication initiatives targeting youth.",
            "Compare approaches across the region.",
        ),
        ("meal", "Lunch", 60, "12:30", "Restaurant", [], "", ""),
        (
            "group",
            "Group exercise 1: design a prevention campaign",
            120,
            None,
            "Breakout rooms",
            [31],
            "Teams design a communication campaign for a target audience of their choice, "
            "using the worksheet.",
            "Apply the guiding principles for tailored campaigns.",
        ),
        ("break", "Coffee break", 15, None, "Foyer", [], "", ""),
        ("plenary", "Team presentations and feedback", 60, None, "Plenary Hall", [31], "", ""),
    ],
    [
        (
            "presentation",
            "Developing counter-narratives and alternative narratives",
            75,
            "09:00",
            "Plenary Hall",
            [32, 18],
            "Principles of credible messengers, tone and channel choice; case studies of offline "
            "and online campaigns.",
            "Learn what made past campaigns effective.",
        ),
        ("break", "Coffee break", 15, None, "Foyer", [], "", ""),
        (
            "group",
            "Group exercise 2: recommendations for states",
            90,
            None,
            "Breakout rooms",
            [31],
            "Mixed teams draft recommendations for governments on the way forward.",
            "Agree priority recommendations.",
        ),
        ("meal", "Lunch", 60, "12:30", "Restaurant", [], "", ""),
        (
            "plenary",
            "The way forward: regional cooperation",
            60,
            None,
            "Plenary Hall",
            [30, 14],
            "",
            "Agree next steps for the regional network.",
        ),
        ("closing", "Closing and certificates", 30, None, "Plenary Hall", [30, 22], "", ""),
    ],
]

EXERCISES = [
    (
        "Design a prevention campaign",
        4,
        [
            "Target audience",
            "Key message",
            "Channels",
            "Credible messengers",
            "Risks and how to mitigate them",
            "How to measure success",
        ],
    ),
    (
        "Recommendations for states",
        2,
        ["Priority recommendation", "Who should act", "Resources needed"],
    ),
]

NOTES: dict[str, list[tuple[str, str]]] = {
    "Partnerships between governments and civil society": [
        (
            "key_point",
            "Trust between ministries and community organisations is built through "
            "small joint projects before large programmes.",
        ),
        (
            "challenge",
            "Registration rules for NGOs in several countries limit the ability of "
            "civil society to receive funding for prevention work.",
        ),
        (
            "recommendation",
            "Establish a national coordination platform where civil society "
            "sits as a full member, not an observer.",
        ),
        ("quote", "We cannot prevent what we are not allowed to talk about."),
        (
            "action_item",
            "Circulate the mapping of national coordination mechanisms to all participants.",
        ),
    ],
    "Country experiences: Central Asia": [
        (
            "lesson_learned",
            "Programmes that work through local mahalla and village councils "
            "reach families that national campaigns miss.",
        ),
        (
            "key_point",
            "Returnees and their families need long-term reintegration support, not "
            "one-off events.",
        ),
        (
            "question",
            "How can prevention programmes be evaluated when success means that nothing happens?",
        ),
        (
            "key_point",
            "По словам Жумабаевой, программы профилактики в Казахстане работают лучше всего "
            "через местные акиматы и школы.",
        ),
    ],
    "Panel: the role of women and youth in prevention": [
        (
            "key_point",
            "Women are often the first to notice changes in behaviour but the last "
            "to be consulted.",
        ),
        (
            "recommendation",
            "Fund youth-led initiatives directly, with simple reporting requirements.",
        ),
        ("quote", "Young people are not the problem to be solved; they are the partners."),
        ("decision", "The network will add a youth representative to its advisory board."),
    ],
    "How violent extremists use micro-platforms": [
        (
            "key_point",
            "A significant share of propaganda is hosted on micro-platforms such as "
            "pasting and file-sharing sites rather than on large social networks.",
        ),
        (
            "recommendation",
            "Include digital literacy and online security training in every "
            "civil-society capacity-building programme.",
        ),
        ("action_item", "Share the list of free online resources on counter-narrative evaluation."),
    ],
    "Country experiences: South-East Asia": [
        (
            "lesson_learned",
            "Campaigns in local languages, with local messengers, outperform "
            "translated regional material.",
        ),
        (
            "key_point",
            "Social media engagement in the region exceeds global averages; youth "
            "spend most of their online time on video platforms.",
        ),
        (
            "key_point",
            "Ms. Lestari described the school-based programme in Indonesia; D. Lestari offered "
            "to share its toolkit (dewi.lestari@example.org).",
        ),
        (
            "lesson_learned",
            "Nguyen Thi Thu Ha noted that campaigns voiced by former teachers were trusted "
            "more than official spokespeople, and สมชาย agreed from the Thai experience.",
        ),
    ],
    "Developing counter-narratives and alternative narratives": [
        (
            "key_point",
            "Alternative narratives that offer belonging and purpose work better "
            "than direct rebuttal of extremist claims.",
        ),
        (
            "recommendation",
            "Test messages with the target audience before launch and measure "
            "engagement, not only reach.",
        ),
    ],
    "Group exercise 2: recommendations for states": [
        (
            "recommendation",
            "Adopt whole-of-society national action plans with a budget line "
            "for civil-society partners.",
        ),
        (
            "recommendation",
            "Facilitate regular events that bring together law enforcement, "
            "civil society, researchers and technology companies.",
        ),
        (
            "action_item",
            "Draft a regional statement on the way forward for the next network meeting.",
        ),
    ],
    "The way forward: regional cooperation": [
        ("decision", "The thematic working group will meet again in six months."),
        (
            "action_item",
            "Set up a shared online library of campaign materials for network members.",
        ),
    ],
}

WORKSHEET_ANSWERS = [
    [
        "Secondary-school students in border districts",
        "You belong here; your voice matters",
        "Short videos, school radio, messaging groups",
        "Former teachers, sports coaches",
        "Backlash if seen as government messaging; mitigate with NGO-led branding",
        "Engagement, survey of attitudes before and after",
    ],
    [
        "University students studying abroad",
        "Faith and peace go together",
        "Instagram, podcasts, student unions",
        "Religious scholars, alumni",
        "Trolling and harassment of messengers",
        "Shares, comments, requests for mentoring",
    ],
    [
        "Young unemployed men in cities",
        "Skills and jobs, not violence",
        "Job fairs, Telegram channels, mosques",
        "Local entrepreneurs",
        "Raising expectations that cannot be met",
        "Number enrolled in skills programmes",
    ],
    [
        "Mothers of teenagers",
        "Recognise the signs, talk early",
        "Community meetings, WhatsApp",
        "Women's associations, health workers",
        "Stigma for families who seek help",
        "Calls to helpline, attendance at sessions",
    ],
]


# The polls the facilitator prepared for the sessions (drafts: nothing reaches a phone until
# one is opened): session title -> (kind, question, options, max choices).
POLLS = [
    (
        "Opening remarks",
        "single",
        "Which sector do you work in?",
        [
            "Government",
            "Civil society",
            "International organisation",
            "Academia or research",
            "Media",
        ],
        0,
    ),
    (
        "Partnerships between governments and civil society",
        "multiple",
        "What most often holds back partnerships between government and civil society in "
        "your country? (up to two)",
        [
            "Lack of trust on both sides",
            "No funding for civil-society partners",
            "Legal or registration restrictions",
            "No shared coordination platform",
            "Concerns about sharing sensitive information",
        ],
        2,
    ),
    (
        "Panel: the role of women and youth in prevention",
        "scale",
        "How far are women and young people involved in designing prevention programmes in "
        "your country today? (1 not at all, 5 fully)",
        [],
        0,
    ),
    (
        "Developing counter-narratives and alternative narratives",
        "words",
        "In one word: what makes a message credible to young people?",
        [],
        0,
    ),
]
# The last session's dot vote: three dots over the recommendations captured so far.
DOT_VOTE = (
    "The way forward: regional cooperation",
    "Spend your three dots on the recommendations the region should act on first",
)
# The evaluations prepared for the phones: (title, kind, day index or None, questions).
EVALUATIONS = [
    (
        "Day 1 evaluation",
        "day",
        0,
        [
            ("scale5", "The sessions met their stated objectives"),
            ("scale5", "I had enough time to contribute"),
            ("text", "What should we change for tomorrow?"),
        ],
    ),
    (
        "Final evaluation",
        "final",
        None,
        [
            ("scale10", "Overall, how useful was this workshop for your work?"),
            ("scale5", "The group exercises helped me design practical actions"),
            ("scale5", "I made contacts I will follow up with"),
            ("text", "What will you do differently after this workshop?"),
            ("text", "What should the next workshop cover?"),
        ],
    ),
]


def _venue_rows(
    sessions_by_title: dict[str, str], day_ids: list[str], notes: list[dict[str, Any]]
) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The demo's polls (one per themed session, and a dot vote on the recommendations in
    the last one) and its day and final evaluations, all drafts."""
    polls, options, evaluations, questions = [], [], [], []
    for k, (title, kind, question, texts, max_choices) in enumerate(POLLS):
        poll_id = f"pol_demo{k}"
        polls.append(
            {
                "id": poll_id,
                "session_id": sessions_by_title[title],
                "kind": kind,
                "question": question,
                "max_choices": max_choices,
            }
        )
        options.extend(
            {"id": f"opt_demo{k}{j}", "poll_id": poll_id, "position": j, "text": text}
            for j, text in enumerate(texts)
        )
    title, question = DOT_VOTE
    poll_id = f"pol_demo{len(POLLS)}"
    polls.append(
        {
            "id": poll_id,
            "session_id": sessions_by_title[title],
            "kind": "dots",
            "question": question,
            "dots": 3,
        }
    )
    recommendations = [n for n in notes if n.get("kind") == "recommendation"]
    options.extend(
        {
            "id": f"opt_demo{len(POLLS)}{j}",
            "poll_id": poll_id,
            "position": j,
            "text": note["text"],
            "note_id": note["id"],
        }
        for j, note in enumerate(recommendations)
    )
    for k, (title, kind, day, items) in enumerate(EVALUATIONS):
        evaluation_id = f"vev_demo{k}"
        evaluations.append(
            {
                "id": evaluation_id,
                "title": title,
                "kind": kind,
                "day_id": None if day is None else day_ids[day],
                "position": k,
            }
        )
        questions.extend(
            {
                "id": f"veq_demo{k}{j}",
                "evaluation_id": evaluation_id,
                "position": j,
                "kind": question_kind,
                "text": text,
            }
            for j, (question_kind, text) in enumerate(items)
        )
    return [
        (Table.VENUE_POLLS, polls),
        (Table.VENUE_POLL_OPTIONS, options),
        (Table.VENUE_EVALUATIONS, evaluations),
        (Table.VENUE_EVAL_QUESTIONS, questions),
    ]


def _load_people() -> list[list[Any]]:
    return json.loads(resource("demo", "people.json").read_text(encoding="utf-8"))


def _load_teams() -> dict[str, dict[str, list[str]]]:
    """Each demo team set's planned teams: team name → the ids of its members."""
    return json.loads(resource("demo", "teams.json").read_text(encoding="utf-8"))


def plan_demo_teams(out: Path) -> dict[str, dict[str, list[str]]]:
    """Plan the demo's teams with the engine, as Generate teams does at the default effort,
    and write them to ``out`` (``resources/demo/teams.json``).

    Run after changing the demo's people, attendance or exercises:
    ``python -m facilitator.interchange.demo --plan-teams``."""
    import tempfile

    from facilitator.domain import teams as engine

    with tempfile.TemporaryDirectory() as folder:
        path = _build(Path(folder) / "plan.workshop")
        ws = Workshop(path, lock=False)
        try:
            planned: dict[str, dict[str, list[str]]] = {}
            for ts in ws.teams.team_sets():
                tp = ws.teams.build_problem(ts["id"], for_generation=True)
                result = engine.plan(tp.problem)
                if result.evaluation.hard_violations:
                    raise ValueError(f"{ts['id']}: {result.evaluation.hard_violations}")
                (teams,) = result.assignment.values()
                planned[ts["id"]] = {name: list(ids) for name, ids in teams.items()}
        finally:
            ws.close()
    out.write_text(json.dumps(planned, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return planned


def _slug(name: str) -> str:
    import unicodedata

    name = name.replace("Đ", "D").replace("đ", "d")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = [p for p in "".join(c if c.isalnum() else " " for c in ascii_name).split() if p]
    return ".".join(parts).lower()


# Size presets: None is the demo; otherwise (notes, people) as multiples of the large
# workshop's 20,500 notes and 600 people. "huge" is what the benchmarks and the
# responsiveness test run at: twenty times the notes, five times the people.
SIZES: dict[str, tuple[int, int] | None] = {"normal": None, "large": (1, 1), "huge": (20, 5)}


def write_demo(
    path: str | Path, size: str = "normal", progress: Progress = None, overwrite: bool = False
) -> Path:
    """Write a fresh demo workshop at ``path``; an existing file is kept unless ``overwrite``.

    ``size`` is a key of :data:`SIZES`: the demo, or a stress workshop for benchmarks. The
    demo is a copy of the bundled one (:data:`TEMPLATE`) with a workshop id of its own, so
    two fresh demos are two workshops; it is written from scratch if that file is missing
    or of another format version.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise StorageError(path, f"cannot be written: the folder {path.parent} does not exist.")
    if path.exists() and not overwrite:
        raise StorageError(path, "already exists; choose another name (or --force to replace it).")
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; choose one of {', '.join(SIZES)}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if SIZES[size] is None and _copy_template(path):
        if progress is not None:
            progress(1.0)
        return path
    return _build(path, size, progress)


# The demo as _fill_demo writes it, bundled beside its people and teams: a fresh demo is
# this file copied (a millisecond) where writing it takes a tenth of a second and imports
# sqlite-utils before the window can show. Rebuilt by
# ``python -m facilitator.interchange.demo --template``; a test checks it is current.
TEMPLATE = ("demo", "demo.workshop")


def _copy_template(path: Path) -> bool:
    """Copy the bundled demo to ``path`` as a workshop of its own; False (nothing written)
    if there is no bundled demo in this build's format to copy."""
    from facilitator.store import template

    try:
        data = resource(*TEMPLATE).read_bytes()
    except OSError:
        return False
    if not template.is_current(data):
        return False
    template.write_copy(data, path)
    return True


def _build(path: Path, size: str = "normal", progress: Progress = None) -> Path:
    """Write the demo (or a stress workshop) at ``path`` from scratch."""
    ws = Workshop(path, lock=False)
    try:
        scale = SIZES[size]
        if scale is None:
            _fill_demo(ws, progress)
        else:
            _fill_large(ws, progress, *scale)
    finally:
        ws.close()
    return path


def build_template(out: Path) -> Path:
    """Write the bundled demo to ``out`` from scratch (``resources/demo/demo.workshop``)."""
    import tempfile

    from facilitator.store import template

    with tempfile.TemporaryDirectory() as folder:
        return template.compact(_build(Path(folder) / "template.workshop"), out)


def _details(ws: Workshop, days: int, title: str) -> None:
    ws.info.set_details(
        {
            "title": title,
            "subtitle": "Strategic communications, civil society and the prevention of "
            "violent extremism",
            "venue": "Hotel Sunrise Conference Centre",
            "city": "Bangkok",
            "country": "Thailand",
            "start_date": START.isoformat(),
            "end_date": (START + timedelta(days=days - 1)).isoformat(),
            "timezone": "Asia/Bangkok",
            "organisers": json.dumps(
                [
                    "UNODC Regional Office for South-East Asia",
                    "Southeast Asia Regional Centre for Counter-Terrorism",
                ]
            ),
            "funders": json.dumps(["Government of Japan", "European Union"]),
            "languages": json.dumps(["en", "ru"]),
            "signatories": json.dumps(
                [
                    ["Sarah Whitfield", "Programme Officer, UNODC"],
                    ["Nur Aisyah binti Rahman", "Director, SEARCCT"],
                ]
            ),
            "chatham_house": 1,
            "privacy": "full",
            "description": "Three-day regional workshop bringing together government "
            "officials, civil-society organisations, researchers and international "
            "experts to share practice on preventing violent extremism.",
        },
    )


def _fill_demo(ws: Workshop, progress: Progress) -> None:
    rng = random.Random(2018)
    _details(ws, 3, "Regional Workshop on Preventing Violent Extremism")
    people = []
    for i, (name, org, country, sector, gender, role, langs) in enumerate(_load_people()):
        people.append(
            {
                "id": f"per_demo{i:03d}",
                "name": name,
                "organisation": org,
                "country": country,
                "sector": sector,
                "gender": gender,
                "role": role,
                "languages": json.dumps(langs),
                "email": f"{_slug(name) or f'delegate{i:02d}'}@example.org",
            }
        )
    day_rows, session_rows, speaker_rows, sessions_by_title = [], [], [], {}
    for d, sessions in enumerate(AGENDA):
        day_id = f"day_demo{d}"
        day_rows.append(
            {
                "id": day_id,
                "date": (START + timedelta(days=d)).isoformat(),
                "title": f"Day {d + 1}",
                "day_start": "09:00",
                "planned_end": "17:30",
                "position": d,
            }
        )
        for pos, (kind, title, minutes, fixed, room, spk, desc, obj) in enumerate(sessions):
            sid = f"ses_demo{d}{pos:02d}"
            sessions_by_title[title] = sid
            session_rows.append(
                {
                    "id": sid,
                    "day_id": day_id,
                    "position": pos,
                    "kind": kind,
                    "title": title,
                    "duration_min": minutes,
                    "fixed_start": fixed,
                    "room": room,
                    "description": desc,
                    "objectives": obj,
                }
            )
            for k, idx in enumerate(spk):
                speaker_rows.append(
                    {
                        "id": f"spk_{sid}_{idx}",
                        "session_id": sid,
                        "person_id": f"per_demo{idx:03d}",
                        "role": "moderator" if k == 0 and kind == "panel" else "speaker",
                        "position": k,
                    }
                )
    # Day one ran on time; the morning of day two is running late.
    first = session_rows[0]
    first["actual_start"], first["actual_end"] = "2026-03-10T09:00:00", "2026-03-10T09:34:00"
    attendance = []
    for d, day in enumerate(day_rows):
        for p in people:
            if rng.random() < (0.97 if d == 0 else 0.9):
                attendance.append(
                    {
                        "id": f"att_{p['id']}_{d}",
                        "person_id": p["id"],
                        "day_id": day["id"],
                        "slot": "day",
                        "checked_in_at": f"{day['date']}T08:{rng.randint(10, 59)}:00",
                    }
                )
    exercises, prompts, team_sets, rounds, teams, members, notes = [], [], [], [], [], [], []
    group_sessions = [s for s in session_rows if s["kind"] == "group"]
    stored_teams = _load_teams()
    colours = ["#E15759", "#4E79A7", "#59A14F", "#F28E2B"]
    for e, (title, n_teams, prompt_texts) in enumerate(EXERCISES):
        session = group_sessions[e]
        ex_id = f"exe_demo{e}"
        exercises.append(
            {
                "id": ex_id,
                "session_id": session["id"],
                "title": title,
                "instructions": session["description"],
            }
        )
        pids = []
        for k, text in enumerate(prompt_texts):
            pid = f"prm_demo{e}{k}"
            pids.append(pid)
            prompts.append({"id": pid, "exercise_id": ex_id, "position": k, "text": text})
        ts_id = f"tms_demo{e}"
        team_sets.append(
            {
                "id": ts_id,
                "exercise_id": ex_id,
                "title": title,
                "team_count": n_teams,
                "criteria": json.dumps({"balance": ["country", "sector", "gender"]}),
                "seed": 1,
            }
        )
        rid = f"rnd_demo{e}"
        rounds.append(
            {
                "id": rid,
                "team_set_id": ts_id,
                "position": 0,
                "title": "Round 1",
                "session_id": session["id"],
                "day_id": session["day_id"],
            }
        )
        # The teams the engine planned for this round (``resources/demo/teams.json``, made by
        # ``python -m facilitator.interchange.demo --plan-teams``): a demo opens on well-mixed
        # teams of the people present that day, without planning them each time it is written.
        planned = stored_teams.get(ts_id, {})
        for t in range(n_teams):
            tid = f"tea_demo{e}{t}"
            teams.append(
                {
                    "id": tid,
                    "round_id": rid,
                    "name": f"Team {t + 1}",
                    "colour": colours[t],
                    "room": f"Breakout room {chr(65 + t)}",
                    "rapporteur_id": None,
                    "position": t,
                }
            )
            for k, person_id in enumerate(planned.get(f"Team {t + 1}", [])):
                members.append(
                    {
                        "id": f"mem_{tid}_{person_id}",
                        "team_id": tid,
                        "person_id": person_id,
                        "position": k,
                    }
                )
            if e == 0:
                for k, text in enumerate(WORKSHEET_ANSWERS[t]):
                    notes.append(
                        {
                            "id": f"not_ws{e}{t}{k}",
                            "session_id": session["id"],
                            "team_id": tid,
                            "prompt_id": pids[k],
                            "kind": "answer",
                            "text": text,
                            "author": "Team rapporteur",
                            "position": k,
                        }
                    )
    by_title = {s["title"]: s for s in session_rows}
    for title, items in NOTES.items():
        sid = by_title[title]["id"]
        for k, (kind, text) in enumerate(items):
            note = {
                "id": f"not_{sid}_{k}",
                "session_id": sid,
                "kind": kind,
                "text": text,
                "author": "Amélie Durand",
                "position": k,
                "starred": int(k == 0),
            }
            if kind == "quote":
                note["attribution_text"] = "a civil-society participant"
            if kind == "action_item":
                note.update(
                    action_owner="UNODC Regional Office",
                    action_due=(START + timedelta(days=30 + 7 * k)).isoformat(),
                    action_status="open",
                )
            if kind == "key_point" and k == 0:
                note["attribution_person_id"] = people[rng.randrange(len(people))]["id"]
            notes.append(note)
    summaries = [
        {"id": f"sum_{sessions_by_title[t]}", "session_id": sessions_by_title[t], "text": text}
        for t, text in [
            (
                "Opening remarks",
                "The workshop was opened by Sarah Whitfield, who recalled the Chatham House Rule "
                "and thanked the host, and by H.E. Nur Aisyah binti Rahman for the co-organisers.",
            ),
            (
                "Country experiences: Central Asia",
                "Жумабаева Айгуль представила национальную программу; участники из Кыргызстана "
                "и Узбекистана рассказали о работе с семьями возвращенцев.",
            ),
            (
                "Partnerships between governments and civil society",
                "Participants agreed that partnerships work when both sides share information "
                "early and when civil society keeps its independence. Several countries described "
                "coordination platforms; few include civil society as full members.",
            ),
            (
                "Panel: the role of women and youth in prevention",
                "The panel stressed that women and young people should be designers of prevention "
                "programmes, not only their audience, and called for direct, flexible funding.",
            ),
        ]
    ]
    plan = [
        (Table.PEOPLE, people),
        (Table.DAYS, day_rows),
        (Table.SESSIONS, session_rows),
        (Table.SESSION_SPEAKERS, speaker_rows),
        (Table.ATTENDANCE, attendance),
        (Table.EXERCISES, exercises),
        (Table.EXERCISE_PROMPTS, prompts),
        (Table.TEAM_SETS, team_sets),
        (Table.ROUNDS, rounds),
        (Table.TEAMS, teams),
        (Table.TEAM_MEMBERS, members),
        (Table.NOTES, notes),
        (Table.SUMMARIES, summaries),
        *_venue_rows(sessions_by_title, [d["id"] for d in day_rows], notes),
    ]
    ws.rows.load(plan, progress)
    # What the organisers typed in the Report area (the executive summary is left to the app).
    ws.info.set_setting(
        "report",
        {
            "way_forward": "The regional network will meet again in six months. Mr. Trần and "
            "Ms Omarova offered to host the thematic working group, and Жумабаева Айгуль will "
            "circulate the draft regional statement before then.",
            "acknowledgements": "We thank Kenji Watanabe, who facilitated the group work, "
            "Amélie Durand, our rapporteur, the interpreters, and ปริญญา ศรีสุข and the Thai "
            "delegation for hosting the field visit.",
        },
    )


FIRST = [
    "Aigerim",
    "Bakyt",
    "Chen",
    "Dilnoza",
    "Erlan",
    "Farida",
    "Hoa",
    "Ivan",
    "Jamal",
    "Kanat",
    "Lan",
    "Malika",
    "Nurlan",
    "Olga",
    "Priya",
    "Quang",
    "Rustam",
    "Siti",
    "Thanh",
    "Umida",
    "Wei",
    "Yusuf",
    "Zarina",
    "Somchai",
    "Dara",
    "Sophea",
    "Agus",
]
LAST = [
    "Abdullayev",
    "Bekova",
    "Nguyen",
    "Tran",
    "Wong",
    "Rahman",
    "Ismailova",
    "Petrov",
    "Santoso",
    "Pratama",
    "Chan",
    "Sok",
    "Boonmee",
    "Karimov",
    "Omarova",
    "Le",
    "Pham",
]
COUNTRIES = [
    "Kazakhstan",
    "Kyrgyzstan",
    "Uzbekistan",
    "Tajikistan",
    "Viet Nam",
    "Thailand",
    "Cambodia",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "International",
]
SECTORS = ["government", "civil_society", "academia", "international", "private", "media"]
KINDS = [
    "key_point",
    "recommendation",
    "action_item",
    "decision",
    "question",
    "quote",
    "challenge",
    "lesson_learned",
]
WORDS = (
    "prevention community youth women partnership campaign narrative online platform "
    "trust dialogue government civil society research evaluation funding resilience "
    "message audience school family religious leaders media literacy reintegration "
    "cooperation regional network training capacity local"
).split()


def _texts(rng: random.Random, count: int, shortest: int, longest: int) -> list[str]:
    """``count`` texts of random words, drawn in bulk (a word at a time is most of the time
    it takes to write the huge workshop)."""
    lengths = [rng.randint(shortest, longest) for _ in range(count)]
    words = rng.choices(WORDS, k=sum(lengths))
    out, at = [], 0
    for n in lengths:
        out.append(" ".join(words[at : at + n]))
        at += n
    return out


def _fill_large(
    ws: Workshop, progress: Progress, notes_scale: int = 1, people_scale: int = 1
) -> None:
    """Stress workshop: 600 people, 10 days × 16 sessions, 48 teams, 20,500 notes, each
    count but the agenda's multiplied by the scales (notes by ``notes_scale``; people and
    teams by ``people_scale``)."""
    rng = random.Random(500)
    _details(ws, 10, "Large stress-test workshop")
    people = [
        {
            "id": f"per_l{i:05d}",
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            "organisation": f"Organisation {rng.randrange(120 * people_scale)}",
            "country": rng.choice(COUNTRIES),
            "sector": rng.choice(SECTORS),
            "gender": rng.choice(["female", "male"]),
            "role": "participant",
            "languages": json.dumps(["en"]),
            "email": f"person{i}@example.org",
        }
        for i in range(600 * people_scale)
    ]
    days, sessions = [], []
    kinds = ["plenary", "presentation", "panel", "country", "group", "break", "meal"]
    for d in range(10):
        days.append(
            {
                "id": f"day_l{d}",
                "date": (START + timedelta(days=d)).isoformat(),
                "title": f"Day {d + 1}",
                "position": d,
            }
        )
        for s in range(16):
            sessions.append(
                {
                    "id": f"ses_l{d:02d}{s:02d}",
                    "day_id": f"day_l{d}",
                    "position": s,
                    "kind": rng.choice(kinds),
                    "title": f"Session {d + 1}.{s + 1}",
                    "duration_min": rng.choice([15, 30, 45, 60]),
                    "room": f"Room {rng.randrange(6)}",
                }
            )
    attendance = [
        {"id": f"att_{p['id']}_{d['id']}", "person_id": p["id"], "day_id": d["id"]}
        for d in days
        for p in people
        if rng.random() < 0.9
    ]
    team_count = 12 * people_scale
    exercises = [{"id": "exe_l0", "session_id": sessions[4]["id"], "title": "Large exercise"}]
    team_sets = [
        {
            "id": "tms_l0",
            "exercise_id": "exe_l0",
            "title": "Large exercise",
            "team_count": team_count,
        }
    ]
    rounds = [
        {"id": f"rnd_l{r}", "team_set_id": "tms_l0", "position": r, "title": f"Round {r + 1}"}
        for r in range(4)
    ]
    teams, members = [], []
    for r in range(4):
        order = people[:]
        rng.shuffle(order)
        for t in range(team_count):
            tid = f"tea_l{r}{t:02d}"
            teams.append(
                {"id": tid, "round_id": f"rnd_l{r}", "name": f"Team {t + 1}", "position": t}
            )
            members += [
                {"id": f"mem_{tid}_{p['id']}", "team_id": tid, "person_id": p["id"]}
                for p in order[t::team_count]
            ]
    count = 20_500 * notes_scale
    texts = _texts(rng, min(count, 41_000), 8, 40)
    if count > len(texts):  # the huge workshop repeats texts: each one costs time to draw
        texts = rng.choices(texts, k=count)
    note_kinds = rng.choices(KINDS, k=count)
    stars = [rng.random() < 0.05 for _ in range(count)]
    notes = [
        {
            "id": f"not_l{i:06d}",
            "session_id": sessions[i % len(sessions)]["id"],
            "kind": note_kinds[i],
            "text": texts[i],
            "position": i // len(sessions),
            "starred": int(stars[i]),
            "author": "Rapporteur",
        }
        for i in range(count)
    ]
    del texts
    plan = [
        (Table.PEOPLE, people),
        (Table.DAYS, days),
        (Table.SESSIONS, sessions),
        (Table.ATTENDANCE, attendance),
        (Table.EXERCISES, exercises),
        (Table.TEAM_SETS, team_sets),
        (Table.ROUNDS, rounds),
        (Table.TEAMS, teams),
        (Table.TEAM_MEMBERS, members),
        (Table.NOTES, notes),
    ]
    ws.rows.load(plan, progress)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] not in (["--plan-teams"], ["--template"]):
        raise SystemExit("usage: python -m facilitator.interchange.demo --plan-teams|--template")
    if sys.argv[1:] == ["--plan-teams"]:
        for team_set, teams in plan_demo_teams(resource("demo", "teams.json")).items():
            print(team_set, {name: len(ids) for name, ids in teams.items()})
    # the bundled demo holds the planned teams: rebuilt after them
    print(build_template(resource(*TEMPLATE)))
