"""Privacy check speed: scanning every note of a large workshop for the roster's people.

Run: ``python bench/privacy.py``. Builds the engine from a 636-person roster (the demo's
36 people in five scripts and the large workshop's 600), then scans 20,000 notes: the large
workshop's generated notes with one in ten carrying a name variant, a title, an e-mail or a
phone number. Prints the compile time, the scan time, and the ratio to the least work a scan
can do (tokenising and case-folding the same texts), all measured in this one run.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.domain.privacy import Person, PrivacyEngine, fold  # noqa: E402
from facilitator.interchange.demo import FIRST, LAST, WORDS  # noqa: E402
from facilitator.resources import resource  # noqa: E402

NOTES = 20_000
EXTRAS = [
    "as Ms. Lestari said",
    "according to Nguyen Thi Thu Ha",
    "по словам Жумабаевой",
    "with สมชาย and the team",
    "contact dewi.lestari@bnpt.go.id",
    "call +62 21 555 1234",
    "D. Lestari agreed",
    "the Test messages",
]


def roster() -> list[Person]:
    rows = json.loads(resource("demo", "people.json").read_text(encoding="utf-8"))
    people = [
        Person(f"d{i}", r[0], organisation=r[1], country=r[2], sector=r[3], gender=r[4], role=r[5])
        for i, r in enumerate(rows)
    ]
    rng = random.Random(500)
    people += [
        Person(
            f"l{i}",
            f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            organisation=f"Organisation {rng.randrange(120)}",
        )
        for i in range(600)
    ]
    return people


def notes() -> list[str]:
    rng = random.Random(7)
    out = []
    for i in range(NOTES):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 40))]
        if i % 10 == 0:
            words.insert(rng.randrange(len(words)), rng.choice(EXTRAS))
        out.append(" ".join(words).capitalize() + ".")
    return out


def main() -> None:
    people, texts = roster(), notes()
    word = re.compile(r"\w+")
    start = time.perf_counter()
    baseline_tokens = sum(len([fold(m.group()) for m in word.finditer(t)]) for t in texts)
    baseline = time.perf_counter() - start
    fold.cache_clear()
    start = time.perf_counter()
    engine = PrivacyEngine(people)
    compiled = time.perf_counter() - start
    start = time.perf_counter()
    hits = sum(len(engine.find(t)) for t in texts)
    scan = time.perf_counter() - start
    print(f"roster {len(people)} people, {len(texts)} notes, {baseline_tokens} words")
    print(f"compile  {compiled * 1000:8.1f} ms")
    print(f"scan     {scan:8.2f} s   ({hits} hits)")
    print(f"baseline {baseline:8.2f} s   (tokenise and fold only)")
    print(f"ratio    {scan / baseline:8.2f}")


if __name__ == "__main__":
    main()
