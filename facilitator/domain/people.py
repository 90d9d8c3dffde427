"""People: the app's lists (countries, genders, sectors, roles) and how written values map to them.

Registration spreadsheets are typed by people in many languages; a country may arrive as
"Кыргызстан", "Kirghizistan" or "Kyrgyz Republic". Normalising maps such values to one key
so counts and team balancing work, while the importer keeps what was written in ``source``.
Pure Python, no I/O.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

ROLES: dict[str, str] = {
    "participant": "Participant",
    "speaker": "Speaker",
    "facilitator": "Facilitator",
    "rapporteur": "Rapporteur",
    "organiser": "Organiser",
    "observer": "Observer",
    "interpreter": "Interpreter",
}

# One "not given" everywhere: a person whose gender, sector or country is blank (or was
# stored as "unspecified" by older versions) is counted and shown as NOT_GIVEN.
NOT_GIVEN = "Not given"
_NOT_GIVEN_VALUES = frozenset({"", "unspecified", "not given", "not_given"})

GENDERS: dict[str, str] = {
    "female": "Female",
    "male": "Male",
    "other": "Other",
}

SECTORS: dict[str, str] = {
    "government": "Government",
    "civil_society": "Civil society",
    "academia": "Academia",
    "international": "International organisation",
    "private": "Private sector",
    "media": "Media",
}

# Countries come from ISO 3166 through pycountry: every country's English name, official and
# common name, alpha-2 and alpha-3 code, and its name in each of the ~150 languages pycountry
# translates into ("Camboya", "Kambodscha", "Камбоджа", "KHM", "KH" → Cambodia). What the
# app stores is the ISO short name in the United Nations' word order ("Republic of Korea",
# not "Korea, Republic of"). Below are only the names people write that ISO does not hold:
# colloquial and local forms, and spellings older files of this app stored.
COLLOQUIAL_COUNTRIES: dict[str, tuple[str, ...]] = {
    "BY": ("Белоруссия", "Belorussia", "Byelorussia"),
    "BN": ("Brunei", "Negara Brunei Darussalam"),
    "KH": ("Kampuchea", "Kingdom of Cambodia"),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "IN": ("Bharat",),
    "ID": ("Republik Indonesia",),
    "IR": ("Iran", "ایران"),
    "JP": ("Nippon", "Nihon"),
    "KG": ("Kirgizia", "Kirgizstan", "Кыргыз Республикасы", "Кыргызская Республика", "Кыргызстан"),
    "KZ": ("Qazaqstan", "Republic of Kazakhstan"),
    "LA": ("Lao PDR", "Laos"),
    "MN": ("Монгол Улс",),
    "MM": ("Burma", "Birmanie", "မြန်မာ"),
    "NL": ("Holland", "Голландия"),
    "PH": ("The Philippines", "Pilipinas"),
    "KR": ("Korea", "South Korea"),
    "RU": ("Russia", "Russie", "Россия", "Rusia", "Russland"),
    "SA": ("السعودية",),
    "TH": ("ประเทศไทย", "ไทย", "Kingdom of Thailand", "Тайланд"),
    "TL": ("East Timor", "Timor oriental", "Тимор-Лешти"),
    "TR": ("Turkey", "Turquie", "Türkei", "Türkiye Cumhuriyeti"),
    "AE": ("UAE", "ОАЭ", "Emirates"),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Великобритания",
    ),
    "US": ("USA", "U.S.A.", "U.S.", "America", "США"),
    "UZ": ("Oʻzbekiston", "O'zbekiston", "Ўзбекистон"),
    "VN": ("Việt Nam", "Socialist Republic of Viet Nam"),
}
# Not a country but what international organisations' staff write in the country column.
INTERNATIONAL = "International"
_INTERNATIONAL_ALIASES = (
    "Intl",
    "Intl.",
    "International organisation",
    "International organization",
    "Internationale",
    "Международная организация",
    "Международный",
    "N/A (international)",
)
# Translations looked at first, so that a name two languages give to different countries
# means what it means in the languages registration forms here are most often written in.
_FIRST_LANGUAGES = ("en", "fr", "ru", "es", "de", "pt", "ar", "zh_CN", "it", "tr", "uk", "kk")

_GENDER_ALIASES: dict[str, tuple[str, ...]] = {
    "female": (
        "f",
        "female",
        "woman",
        "women",
        "femme",
        "féminin",
        "f.",
        "ж",
        "жен",
        "женский",
        "женщина",
        "w",
        "frau",
        "nữ",
        "หญิง",
        "ស្រី",
    ),
    "male": (
        "m",
        "male",
        "man",
        "men",
        "homme",
        "masculin",
        "h",
        "м",
        "муж",
        "мужской",
        "мужчина",
        "mann",
        "nam",
        "ชาย",
        "ប្រុស",
    ),
    "other": ("other", "autre", "другое", "non-binary", "nonbinary", "x", "diverse"),
    "": (
        "prefer not to say",
        "prefer not to answer",
        "rather not say",
        "unspecified",
        "not given",
        "n/a",
        "-",
        "не указано",
        "non précisé",
        "je préfère ne pas répondre",
    ),
}

_SECTOR_ALIASES: dict[str, tuple[str, ...]] = {
    "government": (
        "government",
        "gov",
        "govt",
        "public sector",
        "ministry",
        "state",
        "gouvernement",
        "secteur public",
        "administration",
        "государство",
        "государственный сектор",
        "правительство",
        "госорган",
        "госорганы",
    ),
    "civil_society": (
        "civil society",
        "civil_society",
        "cso",
        "ngo",
        "ong",
        "csos",
        "ngos",
        "société civile",
        "гражданское общество",
        "нпо",
        "нко",
        "community organisation",
        "community organization",
    ),
    "academia": (
        "academia",
        "academic",
        "university",
        "research",
        "think tank",
        "université",
        "recherche",
        "milieu universitaire",
        "академия",
        "академическое сообщество",
        "наука",
        "университет",
    ),
    "international": (
        "international",
        "international organisation",
        "international organization",
        "io",
        "un",
        "united nations",
        "organisation internationale",
        "международная организация",
        "донор",
        "donor",
        "development partner",
    ),
    "private": (
        "private",
        "private sector",
        "business",
        "company",
        "secteur privé",
        "entreprise",
        "частный сектор",
        "бизнес",
    ),
    "media": ("media", "press", "journalist", "médias", "presse", "сми", "журналист", "пресса"),
}

_ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "participant": ("participant", "delegate", "attendee", "délégué", "участник", "участница"),
    "speaker": (
        "speaker",
        "presenter",
        "panelist",
        "panellist",
        "intervenant",
        "orateur",
        "докладчик",
        "спикер",
        "выступающий",
    ),
    "facilitator": ("facilitator", "moderator", "facilitateur", "модератор", "фасилитатор"),
    "rapporteur": ("rapporteur", "note taker", "note-taker", "докладчик-секретарь"),
    "organiser": ("organiser", "organizer", "staff", "organisateur", "организатор"),
    "observer": ("observer", "observateur", "наблюдатель"),
    "interpreter": ("interpreter", "interprète", "переводчик", "translator"),
}

# Letters NFKD does not split into base + accent, folded by hand ("Đức" matches "duc").
_LETTERS = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i", "ё": "е"})
# Combining accents (Latin, Cyrillic breve): removed so "Nguyễn" matches "nguyen". Thai and
# Khmer vowel signs are not in these ranges and are kept.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\s.,;:'’`\"()\-_/]+")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for matching written values."""
    text = str(text).casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LETTERS)
    return _PUNCT.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def _fold_cached(text: str) -> str:
    return fold(text)


def _index(table: dict[str, tuple[str, ...]], with_key: bool = True) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, aliases in table.items():
        if with_key:
            out[fold(key)] = key
        for alias in aliases:
            out.setdefault(fold(alias), key)
    return out


_GENDER_INDEX = _index(_GENDER_ALIASES)
_SECTOR_INDEX = _index(_SECTOR_ALIASES)
for _k, _v in SECTORS.items():
    _SECTOR_INDEX.setdefault(fold(_v), _k)
_ROLE_INDEX = _index(_ROLE_ALIASES)
for _k, _v in ROLES.items():
    _ROLE_INDEX.setdefault(fold(_v), _k)


def iso_name(country: object) -> str:
    """The ISO short name in the UN's word order: "Korea, Republic of" → "Republic of Korea"."""
    name = str(getattr(country, "name", ""))
    if "," not in name:
        return name
    head, tail = (part.strip() for part in name.split(",", 1))
    if tail.endswith((" of", " of the")):
        inverted = f"{tail} {head}"
        return inverted[4:] if inverted.startswith("The ") else inverted
    return str(getattr(country, "common_name", "") or name)


class _CountryIndex:
    """Folded written form → stored name, filled as far as a lookup needs.

    English names and codes come first, then the colloquial forms, then the translations
    (the languages of ``_FIRST_LANGUAGES`` before the others): the first meaning wins. Reading
    all of pycountry's ~160 translation catalogues takes seconds, so they are read one
    language at a time, in that order, only until a written form is found: a roster in
    English, French or Russian never waits for the rest. The answers are those of the full
    index, since a language read later never overrides an earlier one.
    """

    def __init__(self) -> None:
        import pycountry

        self.index: dict[str, str] = {}
        self.countries = list(pycountry.countries)
        self.names = {c.alpha_2: iso_name(c) for c in self.countries}
        for c in self.countries:
            for value in (
                self.names[c.alpha_2],
                c.alpha_2,
                c.alpha_3,
                *(getattr(c, a, "") for a in _ENGLISH_FIELDS),
            ):
                if value:
                    self.index.setdefault(fold(value), self.names[c.alpha_2])
        for code, aliases in COLLOQUIAL_COUNTRIES.items():
            for alias in aliases:
                self.index.setdefault(fold(alias), self.names[code])
        for alias in (INTERNATIONAL, *_INTERNATIONAL_ALIASES):
            self.index.setdefault(fold(alias), INTERNATIONAL)
        self.folder = pycountry.LOCALES_DIR
        try:
            available = sorted(os.listdir(self.folder))
        except OSError:
            available = []
        order = [lang for lang in _FIRST_LANGUAGES if lang in available]
        self.pending = [*order, *(lang for lang in available if lang not in order)]
        self.pending.reverse()  # popped from the end
        self.lock = threading.Lock()  # languages are read in order, whichever thread asks

    def get(self, key: str) -> str | None:
        found = self.index.get(key)
        if found is not None or not self.pending:
            return found
        with self.lock:
            found = self.index.get(key)
            while found is None and self.pending:
                self._read(self.pending.pop())
                found = self.index.get(key)
        return found

    def _read(self, lang: str) -> None:
        import gettext

        try:
            tr = gettext.translation("iso3166-1", self.folder, languages=[lang])
        except OSError:
            return
        for c in self.countries:
            for attr in _ENGLISH_FIELDS:
                value = getattr(c, attr, "")
                if value:
                    written = tr.gettext(value)
                    if written != value:
                        self.index.setdefault(fold(written), self.names[c.alpha_2])


_ENGLISH_FIELDS = ("name", "official_name", "common_name")


@lru_cache(maxsize=1)
def _countries() -> tuple[_CountryIndex, tuple[str, ...]]:
    """The country index and every stored name; built once, on first use."""
    index = _CountryIndex()
    return index, tuple(sorted(set(index.names.values())))


@lru_cache(maxsize=4096)
def normalise_country(written: str) -> tuple[str, bool]:
    """(stored value, recognised). An unknown country is kept as written, tidied."""
    text = _SPACES.sub(" ", str(written)).strip()
    if not text:
        return "", True
    key = _countries()[0].get(fold(text))
    return (key, True) if key else (text, False)


@lru_cache(maxsize=512)
def normalise_gender(written: str) -> tuple[str, bool]:
    text = str(written).strip()
    if not text:
        return "", True
    key = _GENDER_INDEX.get(fold(text))
    return (key, True) if key is not None else ("", False)


@lru_cache(maxsize=1024)
def normalise_sector(written: str) -> tuple[str, bool]:
    text = str(written).strip()
    if not text:
        return "", True
    key = _SECTOR_INDEX.get(fold(text))
    return (key, True) if key else ("", False)


@lru_cache(maxsize=512)
def normalise_role(written: str) -> tuple[str, bool]:
    text = str(written).strip()
    if not text:
        return "participant", True
    key = _ROLE_INDEX.get(fold(text))
    return (key, True) if key else ("participant", False)


def clean_name(text: str) -> str:
    return " ".join(str(text).split())


def join_name(first: str, last: str) -> str:
    return clean_name(f"{first} {last}")


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def email_key(email: str) -> str:
    return email.strip().casefold()


def name_key(name: str, organisation: str) -> str:
    """Same person whatever the order of names ("Ivanov Ivan" = "Ivan Ivanov") or accents."""
    tokens = sorted(fold(name).split())
    return " ".join(tokens) + "|" + _fold_cached(organisation)


def gender_key(value: str | None) -> str:
    """The gender a stored value counts as: "" (not given) for blanks and "unspecified"."""
    value = (value or "").strip()
    return "" if value.casefold() in _NOT_GIVEN_VALUES else value


def sector_label(key: str | None) -> str:
    """ "civil_society" → "Civil society"; "" when not given (see :func:`category_label`)."""
    key = (key or "").strip()
    return "" if key.casefold() in _NOT_GIVEN_VALUES else SECTORS.get(key, key)


def gender_label(key: str | None) -> str:
    key = gender_key(key)
    return GENDERS.get(key, key)


def role_label(key: str) -> str:
    return ROLES.get(key, key)


def country_label(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.casefold() in _NOT_GIVEN_VALUES else value


# The dimensions people are counted by, with the one label function each: the roster, the
# check-in and attendance tables, the Overview, the print kit and the outcome report all
# count through :func:`tally` so they show the same categories under the same names.
DIMENSIONS: dict[str, tuple[str, Callable[[str | None], str]]] = {
    "country": ("Country", country_label),
    "sector": ("Sector", sector_label),
    "gender": ("Gender", gender_label),
    "role": ("Role", lambda v: role_label(v or "participant")),
}


def category_label(dimension: str, value: str | None) -> str:
    """How a stored value of ``dimension`` is counted ("" → "Not given")."""
    return DIMENSIONS[dimension][1](value) or NOT_GIVEN


def tally(
    values: Iterable[str | None],
    dimension: str,
    order: Callable[[str], Any] | None = None,
) -> list[tuple[str, int]]:
    """(label, count) largest first, ties in ``order`` (the store's collation), "Not given" last.

    Values counted as weighted pairs are accepted too: ``[(value, n), …]``.
    """
    counts: Counter[str] = Counter()
    for item in values:
        value, n = item if isinstance(item, tuple) else (item, 1)
        counts[category_label(dimension, value)] += n
    key = order or str.casefold
    return sorted(counts.items(), key=lambda kv: (kv[0] == NOT_GIVEN, -kv[1], key(kv[0])))


def country_names() -> list[str]:
    """Every country the app knows (ISO 3166) and the International pseudo-country."""
    return [*_countries()[1], INTERNATIONAL]


PRIVACY: dict[str, str] = {
    "full": "Full details",
    "name_org": "Name and organisation only",
    "none": "Nothing personal",
}


# -- merging what a file says into what the roster holds ---------------------------------------
# A registration export often holds a person again, written worse: without diacritics
# ("Nguyen Thi Thu Ha" for "Nguyễn Thị Thu Hà"), in capitals, in another name order
# ("Đức Trần Văn" for "Trần Văn Đức") or with fewer name parts. Such a value never replaces
# the better one; it may still improve it token by token (accents from one, order from the
# other). Only a value that says something else is an update.
SAME, SPELLING, ORDER, FEWER, MORE, OTHER = "same", "spelling", "order", "fewer", "more", "other"


def _diacritics(text: str) -> int:
    """How many letters carry an accent or are letters plain ASCII lacks (đ, ø, ı…)."""
    n = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        if len(decomposed) > 1 or ch.casefold() in "đøłħıё":
            n += 1
    return n


def _case_score(text: str) -> int:
    """2 for mixed case ("Trần Văn"), 1 for all lower case, 0 for ALL CAPITALS (or no case)."""
    letters = [c for c in text if c.isalpha() and c.upper() != c.lower()]
    if not letters:
        return 1
    upper = sum(1 for c in letters if c.isupper())
    if upper == len(letters):
        return 0 if len(letters) > 1 else 2
    return 1 if upper == 0 else 2


def _with_case_of(letters: str, case: str) -> str:
    """``letters`` (the better accents) in the capitalisation of ``case``, letter by letter."""
    if len(letters) != len(case):
        return letters
    out = []
    for a, b in zip(letters, case, strict=True):
        changed = a.upper() if b.isupper() else a.lower() if b.islower() else a
        out.append(changed if len(changed) == 1 else a)
    return "".join(out)


def better_spelling(current: str, incoming: str) -> str:
    """Of two spellings of the same word(s), the better written: diacritics, then capitals.

    Ties keep ``current``; accents of one and capitals of the other are combined when they
    differ ("NGUYỄN" and "Nguyen" give "Nguyễn").
    """
    if current == incoming:
        return current
    da, db = _diacritics(current), _diacritics(incoming)
    ca, cb = _case_score(current), _case_score(incoming)
    accents = current if da >= db else incoming
    case = current if ca >= cb else incoming
    if accents is case:
        return accents
    combined = _with_case_of(unicodedata.normalize("NFC", accents), case)
    return combined if fold(combined) == fold(accents) else accents


def _tokens(text: str) -> list[str]:
    return str(text).split()


def relate(current: str, incoming: str) -> tuple[str, str]:
    """How ``incoming`` relates to ``current``, and the best value both together give.

    - SAME: identical.
    - SPELLING: the same letters ignoring accents, capitals and punctuation.
    - ORDER: the same words in another order (the roster's order is kept).
    - FEWER: ``incoming`` holds only some of the words (the roster has more name parts).
    - MORE: ``incoming`` adds words to those of the roster.
    - OTHER: something else.

    The value is what an update should write: for SAME, SPELLING, ORDER and FEWER the
    roster's value improved word by word (never fewer words); for MORE the file's value
    improved the same way; for OTHER the file's value as it is.
    """
    current, incoming = clean_name(current), clean_name(incoming)
    if current == incoming:
        return SAME, current
    if fold(current) == fold(incoming):
        if len(_tokens(current)) == len(_tokens(incoming)):
            pairs = zip(_tokens(current), _tokens(incoming), strict=True)
            words = [better_spelling(a, b) for a, b in pairs]
            return SPELLING, " ".join(words)
        return SPELLING, better_spelling(current, incoming)
    ours, theirs = _tokens(current), _tokens(incoming)
    by_fold: dict[str, list[str]] = {}
    for word in theirs:
        by_fold.setdefault(fold(word), []).append(word)
    ours_folded = [fold(w) for w in ours]
    theirs_folded = [fold(w) for w in theirs]
    if not all(ours_folded) or not all(theirs_folded):
        return OTHER, incoming

    def improved(words: list[str], other: dict[str, list[str]]) -> str:
        pool = {k: list(v) for k, v in other.items()}
        out = []
        for w in words:
            match = pool.get(fold(w))
            out.append(better_spelling(w, match.pop(0)) if match else w)
        return " ".join(out)

    if sorted(ours_folded) == sorted(theirs_folded):
        return ORDER, improved(ours, by_fold)
    if _contains(ours_folded, theirs_folded):
        return FEWER, improved(ours, by_fold)
    if _contains(theirs_folded, ours_folded):
        mine: dict[str, list[str]] = {}
        for word in ours:
            mine.setdefault(fold(word), []).append(word)
        return MORE, improved(theirs, mine)
    return OTHER, incoming


def _contains(bigger: list[str], smaller: list[str]) -> bool:
    """Every word of ``smaller`` (with repeats) is among those of ``bigger``, and fewer."""
    if len(smaller) >= len(bigger):
        return False
    counts = Counter(bigger)
    counts.subtract(Counter(smaller))
    return all(n >= 0 for n in counts.values())


def phone_digits(text: str) -> str:
    """The digits of a phone number, "+" and "00" alike: "+7 701…" = "007701…" = "7701…"."""
    digits = re.sub(r"\D", "", text)
    return digits[2:] if digits.startswith("00") else digits
