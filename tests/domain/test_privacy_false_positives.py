"""Ordinary sentences come through the privacy guard unchanged.

The corpus (``privacy_corpus/``) holds English and Russian sentences full of words that are
also name parts in the roster: the demo's people and a few whose names are ordinary words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.domain.privacy import Guard, Person, PrivacyEngine, Source, is_common
from facilitator.resources import resource

CORPUS = Path(__file__).resolve().parent / "privacy_corpus"
EXTRA = [
    ("Test", "male"),
    ("Grace Hope", "female"),
    ("Will Young", "male"),
    ("Mark Bishop", "male"),
    ("Rose Baker", "female"),
    ("Joy Hunter", "female"),
    ("Вера Мороз", "female"),
    ("Роман Зима", "male"),
    ("Надежда Лебедь", "female"),
    ("Лев Соловей", "male"),
    ("Любовь Мир", "female"),
    ("Слава Волк", "male"),
]


def roster() -> list[Person]:
    rows = json.loads(resource("demo", "people.json").read_text(encoding="utf-8"))
    people = [
        Person(f"d{i}", r[0], organisation=r[1], country=r[2], sector=r[3], gender=r[4])
        for i, r in enumerate(rows)
    ]
    return people + [Person(f"x{i}", n, gender=g) for i, (n, g) in enumerate(EXTRA)]


ENGINE = PrivacyEngine(roster())


def sentences(name: str) -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


ALL = sentences("ordinary_en.txt") + sentences("ordinary_ru.txt")


def test_the_corpus_is_large_and_uses_the_name_words():
    assert len(ALL) >= 200
    words = {w.casefold() for n, _ in EXTRA for w in n.split()} | {"ha", "le", "thu", "van"}
    assert all(is_common(w) for w in words)  # the words the gate is about
    text = " ".join(ALL).casefold()
    missing = [w for w in words if w not in text]
    assert not missing


@pytest.mark.parametrize("sentence", ALL)
def test_ordinary_sentence_comes_through_unchanged(sentence: str):
    guard = Guard(ENGINE)
    assert guard(sentence, Source("Sessions", "n", "text")) == sentence, ENGINE.find(sentence)


def test_the_same_words_written_as_names_are_found():
    # the check above could fail: written as names, the same words are hits
    for text in (
        "We thank Grace Hope and Mr Young.",
        "Материалы подготовила Вера Мороз.",
        "Слово предоставили г-ну Зиме.",
        "Выступила Надежда Лебедь.",
        "The slides came from Test, who could not attend.",
    ):
        assert ENGINE.find(text), text
