"""Finding people in text, and applying the organiser's decisions about them.

Participants of these workshops can be put at risk by a name in the wrong document, so every
output that can be anonymous passes each text it prints through one :class:`Guard`: the
:class:`PrivacyEngine` finds the people (and, if asked, the organisations) a text mentions,
and :func:`redact` applies what the organiser decided for each hit. Nothing else in the
program withholds names.

The engine is compiled once per roster. It matches every roster name and its parts
ignoring case, diacritics and word order (NFKC; Vietnamese đ; Cyrillic ё/е), family names
alone with or without a title, initials ("D. Lestari"), distinctive given names, the common
case endings of Russian names ("Жумабаевой"), Latin transliterations of Cyrillic names,
names inside e-mail addresses, and e-mail addresses and phone numbers in general. Thai and
Khmer are written without spaces between words, so their names are matched as whole
grapheme clusters. A name part that is also an ordinary word of the language ("Test",
"Grace", "Вера", "ใจดี") counts only when it is written as a name: capitalised and not at the
start of a sentence, next to a title, an initial or another part of the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).resolve().parent / "data"
WITHHELD = "[name withheld]"

# -- folding --------------------------------------------------------------------------------

_SPECIAL = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "ł": "l",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "ё": "е",
    }
)


def _strippable(ch: str) -> bool:
    """Scripts whose accents are dropped when comparing: Latin, Greek, Cyrillic."""
    o = ord(ch)
    return o < 0x0530 or 0x1E00 <= o <= 0x1FFF


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, Latin and Cyrillic accents dropped.

    Thai and Khmer marks are kept: they are letters of the word there, not accents.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL)
    if text.isascii():
        return text
    out: list[str] = []
    strip = True
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not strip:
                out.append(ch)
        else:
            strip = _strippable(ch)
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# -- scripts and tokens ----------------------------------------------------------------------

_SEA = "\u0e00-\u0e7f\u1780-\u17ff\u19e0-\u19ff"  # Thai, Khmer, Khmer symbols
_LETTER = rf"[^\W\d_{_SEA}]"
_MARKS = "\u0300-\u036f\u0483-\u0489"
WORD_RE = re.compile(rf"{_LETTER}(?:{_LETTER}|[{_MARKS}]|['’](?={_LETTER}))*")
# The same words in composed (NFC) text, where no accent stands apart: about twice as fast.
_NFC_WORD_RE = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*")
_SEA_LETTER_RE = re.compile(rf"[{_SEA}]")
_THAI_LEADING = "\u0e40\u0e41\u0e42\u0e43\u0e44"
_KHMER_COENG = "\u17d2"
_FOLLOWING = "\u0e30\u0e32\u0e33\u0e45\u200c\u200d"


def _is_sea(ch: str) -> bool:
    o = ord(ch)
    return 0x0E00 <= o <= 0x0E7F or 0x1780 <= o <= 0x17FF or 0x19E0 <= o <= 0x19FF


def _is_mark(ch: str) -> bool:
    return ch in _FOLLOWING or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _cluster_start(text: str, i: int) -> bool:
    """Whether a Thai or Khmer match may begin at ``i`` (not inside a cluster or syllable)."""
    if i <= 0:
        return True
    if _is_mark(text[i]):
        return False
    return text[i - 1] not in _THAI_LEADING and text[i - 1] != _KHMER_COENG


def _cluster_end(text: str, j: int) -> bool:
    """Whether a Thai or Khmer match may end at ``j``."""
    if j >= len(text):
        return True
    if _is_mark(text[j]):
        return False
    return text[j - 1] not in _THAI_LEADING and text[j - 1] != _KHMER_COENG


def _script(word: str) -> str:
    """The language whose ordinary words ``word`` is checked against."""
    for ch in word:
        o = ord(ch)
        if 0x0400 <= o <= 0x052F:
            return "ru"
        if 0x0E00 <= o <= 0x0E7F:
            return "th"
        if 0x1780 <= o <= 0x17FF:
            return "km"
        if ch.isalpha():
            return "en"
    return "en"


@lru_cache(maxsize=8)
def common_words(lang: str) -> frozenset[str]:
    """The bundled list of ordinary words of ``lang`` (folded); empty when none is bundled."""
    path = DATA / f"common_{lang}.txt"
    if not path.exists():
        return frozenset()
    words = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w.strip()) for w in words if w.strip() and not w.startswith("#"))


def is_common(word: str) -> bool:
    """Whether ``word`` is an ordinary word of its script's language (or one or two letters)."""
    folded = fold(word)
    if len(folded) <= 2:
        return True
    return folded in common_words(_script(word))


# -- titles ---------------------------------------------------------------------------------

_TITLES = [
    r"mr",
    r"mrs",
    r"ms",
    r"miss",
    r"mx",
    r"mister",
    r"madam",
    r"madame",
    r"mme",
    r"mlle",
    r"m",
    r"dr",
    r"doctor",
    r"prof",
    r"professor",
    r"sir",
    r"dame",
    r"lord",
    r"lady",
    r"hon",
    r"honourable",
    r"honorable",
    r"rt\.?\s?hon",
    r"h\.\s?e",
    r"his excellency",
    r"her excellency",
    r"excellency",
    r"amb",
    r"ambassador",
    r"minister",
    r"deputy minister",
    r"col",
    r"colonel",
    r"gen",
    r"general",
    r"lt",
    r"maj",
    r"major",
    r"capt",
    r"captain",
    r"brig",
    r"sgt",
    r"insp",
    r"inspector",
    r"judge",
    r"justice",
    r"rev",
    r"imam",
    r"sheikh",
    r"ustaz",
    r"ustazah",
    r"pak",
    r"bapak",
    r"ibu",
    r"encik",
    r"puan",
    r"cik",
    r"datuk",
    r"dato'?",
    r"datin",
    r"tan sri",
    r"puan sri",
    r"tun",
    r"haji",
    r"hajjah",
    r"hj",
    r"ông",
    r"bà",
    r"г-н[уа]?",
    r"г-ж[аиеу]",
    r"гн",
    r"гжа",
    r"господин[ауе]?",
    r"господином",
    r"госпож[аиеу]",
    r"госпожой",
    r"д-р",
    r"проф",
    r"профессор[ауе]?",
    r"профессором",
    r"доктор[ауе]?",
    r"доктором",
    r"посол",
    r"посла",
    r"послу",
    r"министр[ауе]?",
    r"министром",
    r"уважаем(?:ый|ая|ого|ой|ому|ую)",
    r"его превосходительств[оау]",
    r"е[её] превосходительств[оау]",
]
_SEA_TITLES = [
    "คุณ",
    "นางสาว",
    "นาง",
    "นาย",
    "น.ส.",
    "ดร.",
    "ดร",
    "ศ.",
    "รศ.",
    "ผศ.",
    "ท่าน",
    "លោកស្រី",
    "លោកជំទាវ",
    "លោក",
    "អ្នកស្រី",
    "ឯកឧត្តម",
    "បណ្ឌិត",
]


def _title_pattern(extra: Iterable[str]) -> re.Pattern[str]:
    alts = sorted(set(_TITLES) | {re.escape(fold(e).rstrip(".")) for e in extra if e}, key=len)
    body = "|".join(reversed(alts))
    return re.compile(
        rf"(?:(?<![^\W\d_])(?:{body})(?:\.[ \t\u00a0]*|[ \t\u00a0]+)"
        rf"|(?:{'|'.join(re.escape(t) for t in _SEA_TITLES)})[ \t\u00a0]*)$",
        re.IGNORECASE,
    )


# -- the roster ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One roster entry, as far as privacy is concerned."""

    id: str
    name: str
    honorific: str = ""
    organisation: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    role: str = ""
    sector: str = ""
    gender: str = ""


class Kind(StrEnum):
    NAME = "name"
    FAMILY = "family name"
    GIVEN = "given name"
    INITIALS = "initials"
    EMAIL = "email"
    PHONE = "phone"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Hit:
    """One mention found in a text: where, what, whom it points to, and why it counts."""

    start: int
    end: int
    text: str
    kind: Kind
    people: tuple[str, ...] = ()  # person ids it may mean; several when the roster shares it
    organisation: str = ""  # organisation key (folded name) for organisation hits
    confidence: float = 1.0
    reason: str = ""

    @property
    def person(self) -> str | None:
        """The one person this hit points to, when it is unambiguous."""
        return self.people[0] if len(self.people) == 1 else None


class _Part(NamedTuple):
    person: int  # index into the roster
    role: str  # family | given | middle | particle
    word: str  # the roster's spelling of the part
    variant: str  # "" | declined | transliterated


_FAMILY_FIRST = {
    "viet nam",
    "vietnam",
    "cambodia",
    "china",
    "taiwan",
    "hong kong",
    "macao",
    "japan",
    "korea",
    "republic of korea",
    "south korea",
    "north korea",
    "hungary",
}
_PARTICLES_ANYWHERE = {"bin", "binti", "binte", "bte", "bt", "ibn", "a/l", "a/p", "ben", "bint"}
_PARTICLES_MIDDLE = {
    "thi",
    "van",
    "von",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "dos",
    "das",
    "del",
    "della",
    "la",
    "al",
    "el",
    "ter",
    "ten",
}
_PATRONYMIC = {"bin", "binti", "binte", "bte", "bt", "ibn", "a/l", "a/p", "ben", "bint"}


def _name_tokens(name: str) -> list[str]:
    """The parts of a roster name in writing order: words, and Thai/Khmer runs."""
    out: list[str] = []
    for piece in re.split(r"[\s,]+", name.strip()):
        if not piece:
            continue
        if _SEA_LETTER_RE.search(piece):
            out += [p for p in re.findall(rf"[{_SEA}\u200b-\u200d]+", piece) if p]
            out += [m.group() for m in WORD_RE.finditer(piece)]
        else:
            out += [m.group() for m in WORD_RE.finditer(piece)]
    return out


def name_parts(person: Person) -> list[tuple[str, str]]:
    """Each part of the person's name with its role: family, given, middle or particle."""
    tokens = _name_tokens(person.name)
    return list(zip(tokens, _roles(person, tokens), strict=True))


def _roles(person: Person, tokens: list[str]) -> list[str]:
    """Family, given, middle or particle for each token of the name."""
    n = len(tokens)
    if n == 1:
        return ["family"]
    folded = [fold(t) for t in tokens]
    roles = ["given"] * n
    if any(f in _PATRONYMIC for f in folded):
        marker = next(i for i, f in enumerate(folded) if f in _PATRONYMIC)
        for i in range(n):
            roles[i] = "particle" if i == marker else ("given" if i < marker else "family")
        return roles
    upper = [i for i, t in enumerate(tokens) if len(t) > 1 and t.isupper()]
    family_first = (
        fold(person.country) in _FAMILY_FIRST
        or any("\u1780" <= c <= "\u17ff" for c in person.name)
        or ("," in person.name and person.name.index(",") < len(person.name) - 1)
    )
    if len(upper) == 1 and len(upper) < n:
        family = upper[0]
    elif family_first:
        family = 0
    else:
        family = n - 1
    vietnamese = fold(person.country) in ("viet nam", "vietnam")
    for i in range(n):
        if i == family:
            roles[i] = "family"
        elif folded[i] in _PARTICLES_ANYWHERE:
            roles[i] = "particle"
        elif 0 < i < n - 1 and folded[i] in _PARTICLES_MIDDLE:
            roles[i] = "particle"
        elif vietnamese and family == 0 and 0 < i < n - 1:
            roles[i] = "middle"  # Vietnamese are called by the last given name
    return roles


_SURNAME_RE = re.compile(
    "(?:ов|ев|ин|ын)(?:а|у|ым|е|ой|ою)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую)$"
)
# Russian case endings: (nominative ending, replacement endings) by the word's shape.
_RU_SURNAME = [
    (("ский", "цкий"), ("ого", "ому", "им", "ом")),
    (("ская", "цкая"), ("ой", "ую")),
    (("ова", "ева", "ёва", "ина", "ына"), ("ой", "у", "ою")),
    (("ов", "ев", "ёв", "ин", "ын"), ("а", "у", "ым", "е")),
    (("ой",), ("ого", "ому", "ым", "ом")),
]


def declensions(word: str, role: str, gender: str = "") -> set[str]:
    """Common case forms of a Russian name or surname (its nominative excluded)."""
    if not re.search("[а-яё]", word, re.I):
        return set()
    w = word
    low = w.lower()
    out: set[str] = set()
    if role == "family":
        for endings, repl in _RU_SURNAME:
            for e in endings:
                if low.endswith(e):
                    if e in ("ов", "ев", "ёв", "ин", "ын", "ой"):
                        out |= {w + r for r in repl} if e != "ой" else {w[:-2] + r for r in repl}
                    elif e in ("ова", "ева", "ёва", "ина", "ына"):
                        out |= {w[:-1] + r for r in repl}
                    else:
                        out |= {w[:-2] + r for r in repl}
                    return out
    last = low[-1:]
    stem = w[:-1]
    soft = low[-2:-1] in ("г", "к", "х", "ж", "ш", "щ", "ч")
    if last == "а":
        out |= {stem + ("и" if soft else "ы"), stem + "е", stem + "у", stem + "ой", stem + "ою"}
    elif last == "я":
        out |= {stem + "и", stem + "е", stem + "ю", stem + "ей"}
    elif last == "й":
        out |= {stem + "я", stem + "ю", stem + "ем", stem + "е"}
    elif last == "ь":
        if gender == "male":
            out |= {stem + "я", stem + "ю", stem + "ем", stem + "е"}
        else:
            out |= {stem + "и", stem + "ью"}
    elif re.match("[бвгджзклмнпрстфхцчшщ]", last) and gender != "female":
        out |= {w + "а", w + "у", w + "ом", w + "е"}
        if last in ("ж", "ш", "щ", "ч", "ц"):
            out.add(w + "ем")
    return out


_TRANSLIT: dict[str, tuple[str, ...]] = {
    "а": ("a",),
    "б": ("b",),
    "в": ("v",),
    "г": ("g",),
    "д": ("d",),
    "е": ("e", "ye"),
    "ё": ("e", "yo"),
    "ж": ("zh", "j"),
    "з": ("z",),
    "и": ("i",),
    "й": ("y", "i"),
    "к": ("k",),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("kh", "h"),
    "ц": ("ts",),
    "ч": ("ch",),
    "ш": ("sh",),
    "щ": ("shch",),
    "ъ": ("",),
    "ы": ("y",),
    "ь": ("",),
    "э": ("e",),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    "қ": ("k", "q"),
    "ғ": ("g", "gh"),
    "ң": ("n", "ng"),
    "ү": ("u", "ü"),
    "ұ": ("u",),
    "ө": ("o", "ö"),
    "һ": ("h",),
    "і": ("i",),
    "ә": ("a", "ä"),
    "ў": ("u", "o'"),
}


def transliterations(word: str, limit: int = 8) -> set[str]:
    """Latin spellings a Cyrillic name is commonly given in English text (folded)."""
    low = fold(word)
    if not re.search("[а-я]", low):
        return set()
    variants = [""]
    for i, ch in enumerate(low):
        options = _TRANSLIT.get(ch, (ch,))
        if ch == "е" and i > 0 and low[i - 1] not in "аеиоуыэюяъь":
            options = ("e",)
        if ch == "и" and i > 0 and low[i - 1] == "ь":
            options = ("yi", "i")
        grown = [v + o for v in variants for o in options]
        variants = grown[:limit] if len(grown) > limit else grown
    return {fold(v) for v in variants if v and not re.search("[а-я]", v)}


# -- organisations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    key: str  # folded name: how decisions refer to it
    name: str
    sector: str = ""


# -- the engine ------------------------------------------------------------------------------

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-.()/\u00a0]{5,}\d(?![\w])")
_DATE_LIKE = re.compile(
    r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$"
    r"|^(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d$"
)
_DIGITS_RE = re.compile(r"\d[\d \-.()/\u00a0]{5,}\d")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[ ,.\u00a0]\d{3})+$")
_JOIN = re.compile(r"^(?:[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[ \t\u00a0]*[-‐‑][ \t\u00a0]*)$")
_JOIN_AFTER_DOT = re.compile(r"^\.[ \t\u00a0]*\r?\n?[ \t\u00a0]*$")
_JOIN_COMMA = re.compile(r"^,[ \t\u00a0]+$")
_OPENERS = set(" \t\u00a0\"'“”‘’«»„([{*•·–—-")
_POSSESSIVE = ("'s", "’s")


def sentence_initial(text: str, i: int) -> bool:
    """Whether a word at ``i`` starts a sentence, line or list item (so capitals mean little)."""
    j = i - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in "\n\r.!?…:"


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


class _Token(NamedTuple):
    start: int
    end: int
    raw: str
    folded: str


class PrivacyEngine:
    """Finds the roster's people (and organisations) in any text. Compile once per roster."""

    def __init__(
        self,
        people: Iterable[Person],
        *,
        organisations: bool = True,
        public: Iterable[str] = (),
    ) -> None:
        self.people: list[Person] = [p for p in people if (p.name or "").strip()]
        self.by_id: dict[str, Person] = {p.id: p for p in self.people}
        self.find_organisations = organisations
        self._parts: dict[str, list[_Part]] = {}
        self._sea: dict[str, list[_Part]] = {}
        self._owners: dict[str, set[int]] = {}  # folded part → people having it
        self._initials: list[set[str]] = []
        self._emails: dict[str, int] = {}
        self._phones: dict[str, int] = {}
        honorifics: set[str] = set()
        for index, person in enumerate(self.people):
            self._add_person(index, person)
            if person.honorific:
                honorifics.add(person.honorific)
        self._title_re = _title_pattern(honorifics)
        sea = sorted(self._sea, key=len, reverse=True)
        self._sea_re = re.compile("|".join(re.escape(s) for s in sea)) if sea else None
        self.organisations: dict[str, Organisation] = {}
        self._org_seqs: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        if organisations:
            self._add_organisations([fold(p) for p in public if p])

    # compile ----------------------------------------------------------------------------
    def _add_person(self, index: int, person: Person) -> None:
        tokens = _name_tokens(person.name)
        roles = _roles(person, tokens)
        initials: set[str] = set()
        for token, role in zip(tokens, roles, strict=True):
            if _is_sea(token[0]):
                form = unicodedata.normalize("NFC", token)
                self._sea.setdefault(form, []).append(_Part(index, role, token, ""))
                self._owners.setdefault(form, set()).add(index)
                continue
            folded = fold(token)
            if not folded or folded.isdigit():
                continue
            initials.add(folded[0])
            self._add(folded, _Part(index, role, token, ""))
            if role == "particle":
                continue
            for form in declensions(token, role, person.gender):
                self._add(fold(form), _Part(index, role, token, "declined"))
            for form in transliterations(token):
                self._add(form, _Part(index, role, token, "transliterated"))
                initials.add(form[0])
        self._initials.append(initials)
        if person.email.strip():
            self._emails[person.email.strip().casefold()] = index
        digits = re.sub(r"\D", "", person.phone or "")
        if len(digits) >= 7:
            self._phones[digits[-8:]] = index

    def _add(self, folded: str, part: _Part) -> None:
        parts = self._parts.setdefault(folded, [])
        if not any(p.person == part.person and p.role == part.role for p in parts):
            parts.append(part)
        self._owners.setdefault(folded, set()).add(part.person)

    def _add_organisations(self, public: list[str]) -> None:
        countries = {fold(p.country) for p in self.people if p.country}
        sectors: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for p in self.people:
            org = " ".join((p.organisation or "").split())
            if not org:
                continue
            key = fold(org)
            names.setdefault(key, org)
            counts = sectors.setdefault(key, {})
            counts[p.sector] = counts.get(p.sector, 0) + 1
        for key, name in names.items():
            if any(key in pub or pub in key for pub in public):
                continue  # the organisers' and funders' own: printed on the cover anyway
            sector = max(sectors[key].items(), key=lambda kv: kv[1])[0] if sectors[key] else ""
            self.organisations[key] = Organisation(key, name, sector)
            acronyms = re.findall(r"\(([^()]{2,12})\)", name)
            bare = re.sub(r"\s*\([^()]*\)", "", name).strip()
            seqs = {tuple(fold(t) for t in WORD_RE.findall(bare))}
            words = WORD_RE.findall(bare)
            while len(words) > 2 and fold(words[-1]) in countries:
                words = words[:-1]
                seqs.add(tuple(fold(t) for t in words))
            for seq in seqs:
                if len(seq) >= 2 or (len(seq) == 1 and not is_common(seq[0])):
                    self._org_seqs.setdefault(seq[0], []).append((seq, key, False))
            for acronym in acronyms:
                if acronym.isupper() and len(acronym) >= 3:
                    self._org_seqs.setdefault(fold(acronym), []).append(
                        ((fold(acronym),), key, True)
                    )
        for seqs in self._org_seqs.values():
            seqs.sort(key=lambda s: len(s[0]), reverse=True)

    # find -------------------------------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """Every mention of a person, e-mail, phone number (and organisation) in ``text``."""
        if not text:
            return []
        hits: list[Hit] = []
        if "@" in text:
            hits += self._find_emails(text)
        if _DIGITS_RE.search(text):
            hits += self._find_phones(text)
        pattern = _NFC_WORD_RE if unicodedata.is_normalized("NFC", text) else WORD_RE
        matches = list(pattern.finditer(text))
        words = [fold(m.group()) for m in matches]
        present = set(words)
        if "'" in text or "’" in text:
            present |= {w[:-2] for w in present if w.endswith(_POSSESSIVE)}
        names = not self._parts.keys().isdisjoint(present)
        orgs = bool(self._org_seqs) and not self._org_seqs.keys().isdisjoint(present)
        if names or orgs:
            tokens = [
                _Token(m.start(), m.end(), m.group(), w)
                for m, w in zip(matches, words, strict=True)
            ]
            if orgs:
                hits += self._find_organisations(text, tokens)
            if names:
                hits += self._find_names(text, tokens)
        if self._sea_re is not None and _SEA_LETTER_RE.search(text):
            hits += self._find_sea(text)
        return _without_overlaps(hits)

    def _candidates(self, token: _Token) -> list[_Part]:
        parts = self._parts.get(token.folded)
        if parts is None and token.folded.endswith(_POSSESSIVE):
            parts = self._parts.get(token.folded[:-2])
        return parts or []

    @staticmethod
    def _is_initial(token: _Token, text: str) -> bool:
        return (
            len(token.raw) == 1
            and token.raw.isupper()
            and token.end < len(text)
            and text[token.end] == "."
        )

    def _joined(self, text: str, a: _Token, b: _Token, a_is_short: bool) -> bool:
        gap = text[a.end : b.start]
        if len(gap) > 4:
            return False
        if _JOIN.match(gap):
            return True
        if a_is_short and _JOIN_AFTER_DOT.match(gap):
            return True
        return bool(_JOIN_COMMA.match(gap))

    def _title_before(self, text: str, start: int) -> int:
        """Where a run of titles right before ``start`` begins (``start`` when there is none)."""
        while True:
            window = text[max(0, start - 40) : start]
            m = self._title_re.search(window)
            if not m or m.start() == m.end():
                return start
            start = start - (len(window) - m.start())

    def _find_names(self, text: str, tokens: list[_Token]) -> list[Hit]:
        out: list[Hit] = []
        n = len(tokens)
        i = 0
        while i < n:
            cands = self._candidates(tokens[i])
            if not cands:
                i += 1
                continue
            persons = {c.person for c in cands}
            run: list[tuple[_Token, list[_Part]]] = [(tokens[i], cands)]
            initials: list[_Token] = []
            j = i + 1
            while j < n:
                prev = tokens[j - 1]
                tok = tokens[j]
                if not self._joined(text, prev, tok, self._is_initial(prev, text)):
                    break
                more = self._candidates(tok)
                shared = persons & {c.person for c in more}
                if more and shared:
                    persons = shared
                    run.append((tok, more))
                    j += 1
                    continue
                if self._is_initial(tok, text):
                    letter = tok.folded
                    matching = {p for p in persons if letter in self._initials[p]}
                    if matching:
                        persons = matching
                        initials.append(tok)
                        j += 1
                        continue
                break
            k = i - 1
            while k >= 0 and self._is_initial(tokens[k], text):
                nxt = tokens[k + 1]
                if not self._joined(text, tokens[k], nxt, True):
                    break
                letter = tokens[k].folded
                matching = {p for p in persons if letter in self._initials[p]}
                if not matching:
                    break
                persons = matching
                initials.insert(0, tokens[k])
                k -= 1
            hit = self._judge(text, run, initials, persons)
            if hit is not None:
                out.append(hit)
            i = j
        return out

    def _judge(
        self,
        text: str,
        run: list[tuple[_Token, list[_Part]]],
        initials: list[_Token],
        persons: set[int],
    ) -> Hit | None:
        """Whether a run of name-like words is a mention, and of what kind."""
        first = min([run[0][0].start] + [t.start for t in initials])
        last = run[-1][0]
        end = last.end
        if last.folded.endswith(_POSSESSIVE) and last.folded not in self._parts:
            end -= 2
        after = [t for t in initials if t.start > last.start]
        if after:
            end = after[-1].end + 1  # the initial and its full stop
        start = self._title_before(text, first)
        if initials and initials[0].start == first:
            # the "initial" may end a title ("H.E. Lindqvist")
            behind = initials[0].end + 1
            while behind < len(text) and text[behind] in " \t\u00a0":
                behind += 1
            titled_at = self._title_before(text, behind)
            if titled_at < first:
                start = min(start, titled_at)
                initials = initials[1:]
        titled = start < first
        words = {tok.folded for tok, _ in run}
        variants = {
            c.variant for tok, cands in run for c in cands if c.person in persons and c.variant
        }
        how = f" ({', '.join(sorted(variants))})" if variants else ""
        if len(words) >= 2 or (len(run) >= 2 and initials):
            plain = [tok for tok, _ in run]
            if not titled and not initials and all(is_common(t.raw) for t in plain):
                if not all(_capitalised(t.raw) for t in plain):
                    return None
            return self._hit(text, start, end, Kind.NAME, persons, 0.97, "full name" + how)
        token, cands = run[0]
        if initials:
            return self._hit(text, start, end, Kind.INITIALS, persons, 0.9, "initials" + how)
        as_name = titled or (_capitalised(token.raw) and not sentence_initial(text, token.start))
        word = token.raw[:-2] if token.folded.endswith(_POSSESSIVE) else token.raw
        common = is_common(token.raw) or is_common(word)
        if common and _SURNAME_RE.search(token.folded) and all(c.role == "family" for c in cands):
            common = False  # "Петрова": shaped like a surname, so written as one
        kept: list[_Part] = []
        for c in cands:
            if c.person not in persons or c.role == "particle":
                continue
            if c.role == "middle" and not titled:
                continue
            if c.role == "given" and len(self._owners.get(token.folded, ())) > 1 and not titled:
                continue
            if common and not as_name:
                continue
            kept.append(c)
        if not kept:
            return None
        family = [c for c in kept if c.role == "family"]
        kind = Kind.FAMILY if family else Kind.GIVEN
        chosen = family or kept
        why = ("family name" if family else "given name") + (" with title" if titled else "")
        if common:
            why += ", an ordinary word written as a name"
        confidence = (0.95 if titled else 0.8) if family else (0.9 if titled else 0.7)
        if common and not titled:
            confidence -= 0.2
        return self._hit(text, start, end, kind, {c.person for c in chosen}, confidence, why + how)

    def _hit(
        self,
        text: str,
        start: int,
        end: int,
        kind: Kind,
        persons: Iterable[int],
        confidence: float,
        reason: str,
    ) -> Hit:
        ids = tuple(sorted(self.people[p].id for p in persons))
        return Hit(start, end, text[start:end], kind, ids, "", round(confidence, 2), reason)

    def _find_sea(self, text: str) -> list[Hit]:
        assert self._sea_re is not None
        found: list[tuple[int, int, list[_Part]]] = []
        for m in self._sea_re.finditer(text):
            s, e = m.start(), m.end()
            if _cluster_start(text, s) and _cluster_end(text, e):
                found.append((s, e, self._sea[m.group()]))
        out: list[Hit] = []
        i = 0
        while i < len(found):
            s, e, parts = found[i]
            persons = {p.person for p in parts}
            words = {text[s:e]}
            j = i + 1
            while j < len(found):
                s2, e2, more = found[j]
                shared = persons & {p.person for p in more}
                if not shared or text[e:s2].strip(" \t\u00a0") or s2 - e > 3:
                    break
                persons, e = shared, e2
                words.add(text[s2:e2])
                j += 1
            start = self._title_before(text, s)
            titled = start < s
            if len(words) >= 2:
                out.append(self._hit(text, start, e, Kind.NAME, persons, 0.97, "full name"))
            else:
                word = text[s:e]
                delimited = (s == 0 or not _is_sea(text[s - 1])) and (
                    e >= len(text) or not _is_sea(text[e])
                )
                common = fold(word) in common_words(_script(word)) or len(word) <= 3
                kept = [
                    p
                    for p in parts
                    if p.role != "particle"
                    and (p.role != "given" or len(self._owners.get(word, ())) == 1 or titled)
                    and (not common or titled or delimited)
                ]
                if kept:
                    family = [p for p in kept if p.role == "family"]
                    kind = Kind.FAMILY if family else Kind.GIVEN
                    why = ("family name" if family else "given name") + (
                        " with title" if titled else ""
                    )
                    chosen = {p.person for p in (family or kept)}
                    out.append(self._hit(text, start, e, kind, chosen, 0.85, why))
            i = j
        return out

    def _find_emails(self, text: str) -> list[Hit]:
        out = []
        for m in EMAIL_RE.finditer(text):
            address = m.group().rstrip(".")
            end = m.start() + len(address)
            who = self._emails.get(address.casefold())
            if who is not None:
                out.append(
                    self._hit(text, m.start(), end, Kind.EMAIL, [who], 1.0, "a roster e-mail")
                )
                continue
            local = address.split("@")[0]
            counts: dict[int, set[str]] = {}
            for word in re.split(r"[._+\-\d]+", local):
                for part in self._parts.get(fold(word), []) if len(word) >= 3 else []:
                    if part.role != "particle":
                        counts.setdefault(part.person, set()).add(fold(word))
            best = max((len(v) for v in counts.values()), default=0)
            persons = [p for p, v in counts.items() if len(v) == best and best]
            reason = "an e-mail address with a roster name" if persons else "an e-mail address"
            out.append(self._hit(text, m.start(), end, Kind.EMAIL, persons, 1.0, reason))
        return out

    def _find_phones(self, text: str) -> list[Hit]:
        out = []
        for m in PHONE_RE.finditer(text):
            raw = m.group().rstrip(" -.(/")
            digits = re.sub(r"\D", "", raw)
            if not 8 <= len(digits) <= 15:
                continue
            if _DATE_LIKE.match(raw) or (_THOUSANDS.match(raw) and not raw.startswith("+")):
                continue
            who = self._phones.get(digits[-8:])
            persons = [] if who is None else [who]
            reason = "a roster phone number" if persons else "a phone number"
            out.append(
                self._hit(text, m.start(), m.start() + len(raw), Kind.PHONE, persons, 0.9, reason)
            )
        return out

    def _find_organisations(self, text: str, tokens: list[_Token]) -> list[Hit]:
        out = []
        i = 0
        while i < len(tokens):
            seqs = self._org_seqs.get(tokens[i].folded)
            matched = False
            for seq, key, acronym in seqs or ():
                size = len(seq)
                window = tokens[i : i + size]
                if len(window) < size or tuple(t.folded for t in window) != seq:
                    continue
                if acronym and not window[0].raw.isupper():
                    continue
                if any(text[a.end : b.start].strip(" \t\u00a0-") for a, b in pairwise(window)):
                    continue
                if not acronym and all(is_common(t.raw) for t in window):
                    if not any(t.raw[:1].isupper() for t in window):
                        continue
                start, end = window[0].start, window[-1].end
                if not acronym and end < len(text):
                    tail = re.match(r"\s*\(([^()]{2,12})\)", text[end:])
                    if tail and fold(tail.group(1)) in self._org_seqs:
                        end += tail.end()
                out.append(
                    Hit(
                        start, end, text[start:end], Kind.ORGANISATION, (), key, 0.9, "organisation"
                    )
                )
                i += size
                matched = True
                break
            if not matched:
                i += 1
        return out


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits keep the longest (an e-mail over the name inside it)."""
    if len(hits) <= 1:
        return hits
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in ordered:
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


# -- decisions ---------------------------------------------------------------------------------


class Choice(StrEnum):
    WITHHOLD = "withhold"  # print a replacement instead
    KEEP = "keep"  # print as written (a public speaker who agreed, say)
    NOT_A_NAME = "not_a_name"  # the engine was wrong; print as written


@dataclass(frozen=True)
class Decision:
    choice: Choice
    replacement: str = ""  # for withhold: what to print; "" = the policy's default

    def to_value(self) -> dict[str, str]:
        value = {"choice": self.choice.value}
        if self.replacement:
            value["replacement"] = self.replacement
        return value

    @classmethod
    def from_value(cls, value: Any) -> Decision | None:
        if isinstance(value, str):
            value = {"choice": value}
        if not isinstance(value, dict):
            return None
        try:
            choice = Choice(value.get("choice"))
        except ValueError:
            return None
        text = value.get("replacement")
        return cls(choice, text.strip() if isinstance(text, str) else "")


# Default replacements: how a withheld person is described.
REPLACEMENT_STYLES: dict[str, str] = {
    "withheld": "“[name withheld]”",
    "country": "their role and country (“a participant from Thailand”)",
    "sector": "their role and sector (“a representative of a civil-society organisation”)",
}


@dataclass
class PrivacyPolicy:
    """The organiser's privacy choices, remembered per workshop under the ``privacy`` setting."""

    replacement: str = "withheld"  # a key of REPLACEMENT_STYLES
    organisations: bool = True  # also find organisation names (Chatham House protects them)
    hits: dict[str, Decision] = field(default_factory=dict)  # hit key → decision
    people: dict[str, Decision] = field(default_factory=dict)  # person id → every hit of theirs
    organisation_decisions: dict[str, Decision] = field(default_factory=dict)  # org key → …

    @classmethod
    def from_value(cls, value: Any) -> PrivacyPolicy:
        """Read a stored setting, ignoring anything unknown or of the wrong type."""
        policy = cls()
        if not isinstance(value, dict):
            return policy
        if value.get("replacement") in REPLACEMENT_STYLES:
            policy.replacement = value["replacement"]
        if isinstance(value.get("organisations"), bool):
            policy.organisations = value["organisations"]
        for target, items in (
            (policy.hits, value.get("hits")),
            (policy.people, value.get("people")),
            (policy.organisation_decisions, value.get("organisation_decisions")),
        ):
            if isinstance(items, dict):
                for key, raw in items.items():
                    decision = Decision.from_value(raw)
                    if isinstance(key, str) and decision is not None:
                        target[key] = decision
        return policy

    def to_value(self) -> dict[str, Any]:
        return {
            "replacement": self.replacement,
            "organisations": self.organisations,
            "hits": {k: d.to_value() for k, d in sorted(self.hits.items())},
            "people": {k: d.to_value() for k, d in sorted(self.people.items())},
            "organisation_decisions": {
                k: d.to_value() for k, d in sorted(self.organisation_decisions.items())
            },
        }

    def decision(self, key: str, hit: Hit) -> Decision | None:
        """What was decided for this hit: for it alone, else for its person or organisation.

        A person's decision covers their e-mail address and phone number only to withhold
        them (with the plain replacement): agreeing to be named is not agreeing to be mailed.
        """
        own = self.hits.get(key)
        if own is not None:
            return own
        if hit.organisation:
            return self.organisation_decisions.get(hit.organisation)
        if hit.people:
            decided = {self.people.get(p) for p in hit.people}
            if len(decided) != 1:
                return None
            bulk = decided.pop()  # every person it may mean had the same decision
            if bulk is not None and hit.kind in (Kind.EMAIL, Kind.PHONE):
                return Decision(Choice.WITHHOLD) if bulk.choice == Choice.WITHHOLD else None
            return bulk
        return None

    def decided_by(self, key: str, hit: Hit) -> str:
        """Which decision :meth:`decision` applies: "hit", "person", "organisation" or ""."""
        if key in self.hits:
            return "hit"
        if self.decision(key, hit) is None:
            return ""
        return "organisation" if hit.organisation else "person"

    def deciding(
        self,
        *,
        hits: Mapping[str, Decision | None] | None = None,
        people: Mapping[str, Decision | None] | None = None,
        organisations: Mapping[str, Decision | None] | None = None,
    ) -> PrivacyPolicy:
        """A copy with these decisions made (``None`` forgets one)."""
        out = replace(
            self,
            hits=dict(self.hits),
            people=dict(self.people),
            organisation_decisions=dict(self.organisation_decisions),
        )
        for target, changes in (
            (out.hits, hits),
            (out.people, people),
            (out.organisation_decisions, organisations),
        ):
            for key, decision in (changes or {}).items():
                if decision is None:
                    target.pop(key, None)
                else:
                    target[key] = decision
        return out


@dataclass(frozen=True)
class Source:
    """Where a text comes from: the report section it prints in, its row and field."""

    section: str  # "Sessions", "Executive summary", "Team lists"…
    row: str  # the row's id, or the setting it lives in
    field: str  # which text of the row: "text", "summary", "acknowledgements"…
    label: str = ""  # what the user knows it by: the session's title, say

    @property
    def key(self) -> str:
        return f"{self.row}/{self.field}"


def hit_key(source: Source, hit: Hit) -> str:
    """The stable key of a hit: its text's source and what it says, not where in the text.

    An edit elsewhere in the same text moves the hit but keeps its key, so the decision
    stays; the same words twice in one text share one decision.
    """
    return f"{source.key}|{' '.join(fold(hit.text).split())}"


@dataclass(frozen=True)
class Finding:
    """A hit in a text an output prints, with its source, context and what was printed."""

    source: Source
    hit: Hit
    decision: Decision | None  # None: nobody decided yet
    printed: str  # what the output shows in its place
    snippet: str  # the hit in context, as written
    mark: tuple[int, int] = (0, 0)  # where the hit is in ``snippet``
    initial: bool = False  # the hit starts a sentence (a replacement is capitalised)

    @cached_property
    def key(self) -> str:
        return hit_key(self.source, self.hit)

    @property
    def unresolved(self) -> bool:
        return self.decision is None

    def decided(
        self,
        policy: PrivacyPolicy,
        people: Mapping[str, Person],
        organisations: Mapping[str, Organisation],
        unresolved: Choice = Choice.WITHHOLD,
    ) -> Finding:
        """This finding under another set of decisions, without scanning the text again.

        The Privacy check applies each decision the moment it is made this way; only an
        edit of the texts or the roster needs a new scan.
        """
        decision = policy.decision(self.key, self.hit)
        printed = printed_as(
            self.hit, decision, policy, people, organisations, self.initial, unresolved
        )
        if decision == self.decision and printed == self.printed:
            return self
        return replace(self, decision=decision, printed=printed)


_STAFF = {
    "organiser": "an organiser",
    "facilitator": "a facilitator",
    "rapporteur": "a rapporteur",
    "interpreter": "an interpreter",
    "staff": "a member of staff",
}
_SECTOR_PERSON = {
    "government": "a government representative",
    "civil_society": "a representative of a civil-society organisation",
    "academia": "a researcher",
    "international": "a representative of an international organisation",
    "private": "a representative of the private sector",
    "media": "a media representative",
}
_SECTOR_ORG = {
    "government": "a government institution",
    "civil_society": "a civil-society organisation",
    "academia": "an academic institution",
    "international": "an international organisation",
    "private": "a private company",
    "media": "a media organisation",
}


def describe(person: Person | None, style: str) -> str:
    """The role description that replaces a withheld person in the given style."""
    if person is None or style == "withheld":
        return WITHHELD
    if person.role in _STAFF:
        return _STAFF[person.role]
    who = "a speaker" if person.role == "speaker" else "a participant"
    if style == "country":
        country = (person.country or "").strip()
        if not country:
            return who
        if country.lower() == "international":
            return "an international " + who.split(" ", 1)[1]
        return f"{who} from {country}"
    if style == "sector":
        return _SECTOR_PERSON.get(person.sector, who)
    return WITHHELD


def replacement_for(
    hit: Hit,
    style: str,
    people: Mapping[str, Person],
    organisations: Mapping[str, Organisation],
) -> str:
    """The default text printed instead of a withheld hit."""
    if hit.kind == Kind.EMAIL:
        return "[e-mail withheld]"
    if hit.kind == Kind.PHONE:
        return "[phone number withheld]"
    if hit.kind == Kind.ORGANISATION:
        org = organisations.get(hit.organisation)
        if style == "withheld" or org is None:
            return "[organisation withheld]"
        return _SECTOR_ORG.get(org.sector, "an organisation")
    options = {describe(people.get(p), style) for p in hit.people}
    return options.pop() if len(options) == 1 else WITHHELD


def listed_detail(organisation: str | None, country: str | None, privacy: str) -> str:
    """What a list of people shows beside a name under the workshop's *Lists show* setting:
    organisation and country (full), the organisation (name_org), or nothing."""
    if privacy == "full":
        return " · ".join(x for x in (organisation, country) if x)
    if privacy == "name_org":
        return organisation or ""
    return ""


def snippet(text: str, start: int, end: int, room: int = 30) -> str:
    """The hit with a few words either side, on one line."""
    return snippet_span(text, start, end, room)[0]


_SPACES = re.compile(r"\s+")


def snippet_span(text: str, start: int, end: int, room: int = 30) -> tuple[str, int, int]:
    """:func:`snippet`, and where in it the hit is (so a view can mark it)."""
    a = max(0, start - room)
    b = min(len(text), end + room)
    if a > 0:
        a = text.find(" ", a, start) + 1 or a
    if b < len(text):
        b = text.rfind(" ", end, b) if text.rfind(" ", end, b) > end else b
    before = _SPACES.sub(" ", text[a:start]).lstrip()
    found = _SPACES.sub(" ", text[start:end])
    after = _SPACES.sub(" ", text[end:b]).rstrip()
    lead = "…" if a > 0 else ""
    piece = lead + before + found + after + ("…" if b < len(text) else "")
    at = len(lead) + len(before)
    return piece, at, at + len(found)


def printed_as(
    hit: Hit,
    decision: Decision | None,
    policy: PrivacyPolicy,
    people: Mapping[str, Person],
    organisations: Mapping[str, Organisation],
    initial: bool = False,
    unresolved: Choice = Choice.WITHHOLD,
) -> str:
    """What an output prints for ``hit`` under ``decision`` (``None``: as ``unresolved``)."""
    choice = decision.choice if decision is not None else unresolved
    if choice != Choice.WITHHOLD:
        return hit.text
    printed = (decision.replacement if decision is not None else "") or replacement_for(
        hit, policy.replacement, people, organisations
    )
    if initial and printed[:1].islower():
        printed = printed[0].upper() + printed[1:]
    return printed


def redact(
    text: str,
    hits: Iterable[Hit],
    source: Source,
    policy: PrivacyPolicy,
    people: Mapping[str, Person],
    organisations: Mapping[str, Organisation],
    unresolved: Choice = Choice.WITHHOLD,
) -> tuple[str, list[Finding]]:
    """Apply the organiser's decisions to ``text``: the one place names are replaced.

    Hits nobody decided are treated as ``unresolved`` says (withheld, unless a caller that
    asks the user first passes something else). Returns the text to print and what was found.
    """
    out: list[str] = []
    findings: list[Finding] = []
    pos = 0
    for hit in sorted(hits, key=lambda h: h.start):
        key = hit_key(source, hit)
        decision = policy.decision(key, hit)
        initial = sentence_initial(text, hit.start)
        printed = printed_as(hit, decision, policy, people, organisations, initial, unresolved)
        context, a, b = snippet_span(text, hit.start, hit.end)
        findings.append(Finding(source, hit, decision, printed, context, (a, b), initial))
        out.append(text[pos : hit.start])
        out.append(printed)
        pos = hit.end
    out.append(text[pos:])
    return "".join(out), findings


class Guard:
    """Every text an anonymous output prints passes through here, once, with its source.

    It finds the hits, applies the decisions and remembers what it found so the output can
    list (or refuse on) the hits nobody decided. A guard that is ``off`` prints text as is.
    """

    def __init__(
        self,
        engine: PrivacyEngine | None,
        policy: PrivacyPolicy | None = None,
        unresolved: Choice = Choice.WITHHOLD,
    ) -> None:
        self.engine = engine
        self.policy = policy or PrivacyPolicy()
        self.unresolved_choice = unresolved
        self.findings: list[Finding] = []

    @classmethod
    def off(cls) -> Guard:
        return cls(None)

    @property
    def on(self) -> bool:
        return self.engine is not None

    def __call__(self, text: str | None, source: Source) -> str:
        if not text or self.engine is None:
            return text or ""
        hits = self.engine.find(text)
        if not hits:
            return text
        printed, found = redact(
            text,
            hits,
            source,
            self.policy,
            self.engine.by_id,
            self.engine.organisations,
            self.unresolved_choice,
        )
        self.findings += found
        return printed

    def unresolved(self) -> list[Finding]:
        return unresolved(self.findings)


def unresolved(findings: Iterable[Finding]) -> list[Finding]:
    """Hits nobody decided, once per key, in the order the output prints them."""
    seen: set[str] = set()
    out = []
    for f in findings:
        if f.unresolved and f.key not in seen:
            seen.add(f.key)
            out.append(f)
    return out
