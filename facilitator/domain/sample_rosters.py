"""Generated rosters for the team engine's tests and benchmark.

Realistic in the ways that make team formation hard: uneven country counts, several people per
organisation, a few people without the common working language.  :func:`make_constrained_problem`
adds what a real workshop brings on top: a minority gender, mixed working languages, pins,
absences in every round, keep-together and keep-apart groups.
"""

from __future__ import annotations

import random

from facilitator.domain.teams import Person, Pin, Problem, RoundSpec, teams_for_size

COUNTRIES = [
    "Kazakhstan",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Mongolia",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "Turkey",
    "Ukraine",
]
SECTORS = ["Government", "Civil society", "Academia", "Private sector", "Media"]
# working languages of a mixed roster and how often each set occurs: most people work in
# English, some only in Russian, French or Spanish, a few bridge two of them
LANGUAGE_SETS: list[tuple[tuple[str, ...], float]] = [
    (("en",), 0.60),
    (("ru",), 0.12),
    (("en", "ru"), 0.10),
    (("fr",), 0.06),
    (("en", "fr"), 0.05),
    (("es",), 0.04),
    (("en", "es"), 0.03),
]


def make_roster(n: int, seed: int) -> list[Person]:
    """A realistic roster: uneven country counts, several people per organisation."""
    rng = random.Random(seed)
    weights = [rng.random() ** 2 + 0.05 for _ in COUNTRIES]
    people = []
    orgs: dict[str, list[str]] = {}
    for i in range(n):
        country = rng.choices(COUNTRIES, weights)[0]
        national = orgs.setdefault(country, [])
        if national and rng.random() < 0.5:
            org = rng.choice(national)
        else:
            org = f"Ministry {len(national) + 1} of {country}"
            national.append(org)
        roll = rng.random()
        langs = ("en",) if roll < 0.8 else ("ru",) if roll < 0.92 else ("fr", "ru")
        people.append(
            Person(
                id=f"P{i + 1:03d}",
                name=f"Person {i + 1}",
                attributes={
                    "country": country,
                    "sector": rng.choice(SECTORS),
                    "gender": "F" if rng.random() < 0.45 else "M",
                },
                organisation=org,
                languages=langs,
            )
        )
    return people


def make_constrained_problem(n: int, seed: int, effort: float = 1.0) -> Problem:
    """A rotation problem as a real workshop brings it, different for every ``seed``.

    Women are a minority (12 to 30 %), working languages are mixed (:data:`LANGUAGE_SETS`),
    team size 4 to 6 over 3 to 5 rounds; in every round a few people are absent; pairs and a
    trio are kept together, pairs kept apart, and a few people (say, the rapporteurs) pinned
    to a team for all or some rounds.  Every constraint is satisfiable by construction.
    """
    rng = random.Random(f"constrained {n} {seed}")
    people = make_roster(n, rng.randrange(10**9))
    women = rng.uniform(0.12, 0.30)
    sets, freq = zip(*LANGUAGE_SETS, strict=True)
    for p in people:
        p.attributes["gender"] = "F" if rng.random() < women else "M"
        p.languages = rng.choices(sets, freq)[0]
    size = rng.choice((4, 5) if n < 40 else (4, 5, 6))
    k = teams_for_size(n, size=size)
    n_rounds = rng.choice((3, 4, 5))
    team_ids = tuple(f"T{j + 1}" for j in range(k))
    rounds = [RoundSpec(str(r + 1), team_ids) for r in range(n_rounds)]
    ids = [p.id for p in people]
    order = ids[:]
    rng.shuffle(order)
    # pins: distinct people to distinct teams, for every round or some of them
    n_pins = max(1, min(k, n // 30))
    pinned = order[:n_pins]
    pins = []
    for j, pid in enumerate(pinned):
        team = team_ids[j]
        if rng.random() < 0.5:
            pins.append(Pin(pid, team))
        else:
            some = sorted(rng.sample([r.round_id for r in rounds], rng.randint(1, n_rounds)))
            pins.append(Pin(pid, team, tuple(some)))
    rest = order[n_pins:]
    # keep-together: pairs (an interpreter and a delegate), and a trio on bigger rosters
    n_groups = max(1, n // 25)
    groups: list[tuple[str, ...]] = []
    pos = 0
    for g in range(n_groups):
        width = 3 if g == 0 and n >= 60 else 2
        groups.append(tuple(rest[pos : pos + width]))
        pos += width
    # keep-apart: pairs among everybody not pinned, never two of one group
    grouped = {p: g for g, members in enumerate(groups) for p in members}
    apart: list[tuple[str, str]] = []
    candidates = rest[:]
    while len(apart) < max(1, n // 25):
        a, b = rng.sample(candidates, 2)
        if a in grouped and grouped.get(b) == grouped[a]:
            continue
        if (a, b) in apart or (b, a) in apart:
            continue
        apart.append((a, b))
    # absences: a few people (never a pinned one) miss each round
    absent: dict[str, set[str]] = {}
    for spec in rounds:
        gone = set(rng.sample(rest, rng.randint(0, max(1, n // 20))))
        if gone:
            absent[spec.round_id] = gone
    return Problem(
        people=people,
        rounds=rounds,
        keep_together=groups,
        keep_apart=apart,
        pins=pins,
        absent=absent,
        seed=seed,
        effort=effort,
    )
