"""People: the app's lists (countries, genders, sectors, roles) and how written values map to them.

Registration spreadsheets are typed by people in many languages; a country may arrive as
"Кыргызстан", "Kirghizistan" or "Kyrgyz Republic". Normalising maps such values to one key
so counts and team balancing work, while the importer keeps what was written in ``source``.
Pure Python, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ROLES: dict[str, str] = {
    "participant": "Participant",
    "speaker": "Speaker",
    "facilitator": "Facilitator",
    "rapporteur": "Rapporteur",
    "organiser": "Organiser",
    "observer": "Observer",
    "interpreter": "Interpreter",
}

GENDERS: dict[str, str] = {
    "female": "Female",
    "male": "Male",
    "other": "Other",
    "unspecified": "Not given",
}

SECTORS: dict[str, str] = {
    "government": "Government",
    "civil_society": "Civil society",
    "academia": "Academia",
    "international": "International organisation",
    "private": "Private sector",
    "media": "Media",
}

# Canonical English name → aliases (EN, FR, RU and local spellings). The canonical name is
# what the app stores; every alias and the canonical name itself are matched after folding.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghanistan", "Афганистан", "افغانستان"),
    "Armenia": ("Arménie", "Армения", "Հայաստան"),
    "Australia": ("Australie", "Австралия"),
    "Austria": ("Autriche", "Австрия", "Österreich"),
    "Azerbaijan": ("Azerbaïdjan", "Азербайджан", "Azərbaycan"),
    "Bangladesh": ("Бангладеш", "বাংলাদেশ"),
    "Belarus": ("Biélorussie", "Беларусь", "Белоруссия", "Belorussia"),
    "Belgium": ("Belgique", "Бельгия", "België"),
    "Bhutan": ("Bhoutan", "Бутан"),
    "Brunei Darussalam": ("Brunei", "Brunéi", "Бруней", "Negara Brunei Darussalam"),
    "Cambodia": ("Cambodge", "Камбоджа", "Kampuchea", "កម្ពុជា", "Kingdom of Cambodia"),
    "Canada": ("Канада",),
    "China": ("Chine", "Китай", "中国", "PRC", "People's Republic of China"),
    "Denmark": ("Danemark", "Дания", "Danmark"),
    "Egypt": ("Égypte", "Египет", "مصر"),
    "Finland": ("Finlande", "Финляндия", "Suomi"),
    "France": ("Франция",),
    "Georgia": ("Géorgie", "Грузия", "საქართველო"),
    "Germany": ("Allemagne", "Германия", "Deutschland"),
    "India": ("Inde", "Индия", "भारत", "Bharat"),
    "Indonesia": ("Indonésie", "Индонезия", "Republik Indonesia"),
    "Iran": ("Iran", "Иран", "Islamic Republic of Iran", "ایران"),
    "Iraq": ("Irak", "Ирак", "العراق"),
    "Italy": ("Italie", "Италия", "Italia"),
    "Japan": ("Japon", "Япония", "日本", "Nippon"),
    "Jordan": ("Jordanie", "Иордания", "الأردن"),
    "Kazakhstan": ("Казахстан", "Қазақстан", "Qazaqstan", "Republic of Kazakhstan"),
    "Kenya": ("Кения",),
    "Kyrgyzstan": (
        "Kirghizistan",
        "Кыргызстан",
        "Киргизия",
        "Kyrgyz Republic",
        "Kirgizstan",
        "Kirgizia",
        "Кыргыз Республикасы",
        "Кыргызская Республика",
    ),
    "Lao PDR": ("Laos", "Лаос", "ລາວ", "Lao People's Democratic Republic"),
    "Malaysia": ("Malaisie", "Малайзия"),
    "Maldives": ("Мальдивы",),
    "Mongolia": ("Mongolie", "Монголия", "Монгол Улс"),
    "Myanmar": ("Мьянма", "Burma", "Birmanie", "မြန်မာ"),
    "Nepal": ("Népal", "Непал", "नेपाल"),
    "Netherlands": ("Pays-Bas", "Нидерланды", "Голландия", "Holland", "Nederland"),
    "New Zealand": ("Nouvelle-Zélande", "Новая Зеландия"),
    "Nigeria": ("Nigéria", "Нигерия"),
    "Norway": ("Norvège", "Норвегия", "Norge"),
    "Pakistan": ("Пакистан", "پاکستان"),
    "Philippines": ("Филиппины", "Pilipinas", "The Philippines"),
    "Qatar": ("Катар", "قطر"),
    "Republic of Korea": (
        "South Korea",
        "Korea",
        "Corée du Sud",
        "Южная Корея",
        "Республика Корея",
        "대한민국",
    ),
    "Russian Federation": ("Russia", "Russie", "Россия", "Российская Федерация"),
    "Saudi Arabia": ("Arabie saoudite", "Саудовская Аравия", "السعودية"),
    "Singapore": ("Singapour", "Сингапур"),
    "Spain": ("Espagne", "Испания", "España"),
    "Sri Lanka": ("Шри-Ланка",),
    "Sweden": ("Suède", "Швеция", "Sverige"),
    "Switzerland": ("Suisse", "Швейцария", "Schweiz", "Svizzera"),
    "Tajikistan": ("Tadjikistan", "Таджикистан", "Тоҷикистон", "Tojikiston"),
    "Thailand": ("Thaïlande", "Таиланд", "Тайланд", "ประเทศไทย", "ไทย", "Kingdom of Thailand"),
    "Timor-Leste": ("East Timor", "Timor oriental", "Восточный Тимор", "Тимор-Лешти"),
    "Türkiye": ("Turkey", "Turquie", "Турция", "Türkiye Cumhuriyeti"),
    "Turkmenistan": ("Turkménistan", "Туркменистан", "Türkmenistan"),
    "Ukraine": ("Украина", "Україна"),
    "United Arab Emirates": ("UAE", "Émirats arabes unis", "ОАЭ", "Объединённые Арабские Эмираты"),
    "United Kingdom": (
        "UK",
        "Great Britain",
        "Britain",
        "England",
        "Royaume-Uni",
        "Великобритания",
        "Соединённое Королевство",
    ),
    "United States": (
        "USA",
        "US",
        "United States of America",
        "États-Unis",
        "Etats-Unis",
        "США",
        "Соединённые Штаты Америки",
    ),
    "Uzbekistan": ("Ouzbékistan", "Узбекистан", "Oʻzbekiston", "O'zbekiston", "Ўзбекистон"),
    "Viet Nam": ("Vietnam", "Việt Nam", "Вьетнам", "Socialist Republic of Viet Nam"),
    "International": (
        "Intl",
        "Intl.",
        "International organisation",
        "International organization",
        "Internationale",
        "Международная организация",
        "Международный",
        "N/A (international)",
    ),
}

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
    "unspecified": (
        "prefer not to say",
        "not given",
        "unspecified",
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


_COUNTRY_INDEX = _index(COUNTRIES)
_GENDER_INDEX = _index(_GENDER_ALIASES)
_SECTOR_INDEX = _index(_SECTOR_ALIASES)
for _k, _v in SECTORS.items():
    _SECTOR_INDEX.setdefault(fold(_v), _k)
_ROLE_INDEX = _index(_ROLE_ALIASES)
for _k, _v in ROLES.items():
    _ROLE_INDEX.setdefault(fold(_v), _k)


@lru_cache(maxsize=4096)
def normalise_country(written: str) -> tuple[str, bool]:
    """(stored value, recognised). An unknown country is kept as written, tidied."""
    text = _SPACES.sub(" ", str(written)).strip()
    if not text:
        return "", True
    key = _COUNTRY_INDEX.get(fold(text))
    return (key, True) if key else (text, False)


@lru_cache(maxsize=512)
def normalise_gender(written: str) -> tuple[str, bool]:
    text = str(written).strip()
    if not text:
        return "", True
    key = _GENDER_INDEX.get(fold(text))
    return (key, True) if key else ("", False)


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


def sector_label(key: str) -> str:
    return SECTORS.get(key, key)


def gender_label(key: str) -> str:
    return GENDERS.get(key, key)


def role_label(key: str) -> str:
    return ROLES.get(key, key)


def country_names() -> list[str]:
    return sorted(COUNTRIES)


PRIVACY: dict[str, str] = {
    "full": "Full details",
    "name_org": "Name and organisation only",
    "none": "Nothing personal",
}
