"""Generated rosters for the team engine's tests and benchmark.

Realistic in the ways that make team formation hard: uneven country counts, several people per
organisation, a few people without the common working language.
"""

from __future__ import annotations

import random

from facilitator.domain.teams import Person

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
