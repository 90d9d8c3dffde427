"""Human order for names and titles: the locale's collation (ICU through Qt's ``QCollator``).

Sorting by character code puts "Đức Trần Văn" after "Yohanes" and "Ёлдошев" before "Бакыт";
a collation puts them where a reader looks for them. The locale is the workshop's first
working language (Overview ▸ Languages: "English", "Русский", "vi", …), else the system's.

Two ways in, with the same order:

- SQL: every workshop connection has a collation ``HUMAN``, so a store query orders with
  ``ORDER BY name COLLATE HUMAN``. It is registered on the connection only, never used in the
  schema (an index or view using it would not open in other SQLite tools).
- Python: :meth:`Collation.sort_key` for sorts outside SQL (reports, exports, counts), and
  :meth:`Collation.sorted`, which is faster than SQL for long lists (a sort key per value
  instead of a Python call per comparison).

The domain stays free of Qt: it takes the order as a key function from here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale

T = TypeVar("T")
NAME = "HUMAN"


def locale_for(languages: Iterable[str]) -> QLocale:
    """The locale of the first working language Qt or ISO 639 knows, else the system's."""
    for written in languages:
        text = str(written or "").strip()
        if not text:
            continue
        code = _language_code(text)
        if code:
            locale = QLocale(code)
            if locale.language() != QLocale.Language.C:
                return locale
    system = QLocale.system()
    # A system without a locale (C/POSIX) would compare code points; ICU's root order instead.
    return system if system.language() != QLocale.Language.C else QLocale(QLocale.Language.English)


def _language_code(text: str) -> str:
    """ "English", "en", "eng", "ru_RU", "Русский", "Tiếng Việt" → a code QLocale understands."""
    code = text.replace("-", "_")
    if len(code) <= 6 and QLocale(code).language() != QLocale.Language.C:
        return code
    try:
        import pycountry

        found = pycountry.languages.lookup(text)  # English names and ISO 639 codes
        return str(getattr(found, "alpha_2", "") or getattr(found, "alpha_3", ""))
    except LookupError:
        pass
    folded = text.casefold()
    for language in QLocale.Language:  # names in the language itself: "Русский", "ไทย"
        if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
            continue
        candidate = QLocale(language)
        if candidate.nativeLanguageName().casefold() == folded:
            return candidate.name()
    return ""


class Collation:
    """The workshop's collation; one ``QCollator`` per thread (they are not shared safely)."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self._locale: QLocale | None = locale
        # the languages the locale is worked out from; None: it was given
        self._languages: list[str] | None = None if locale else []
        self._local = threading.local()
        self._generation = 0

    @property
    def locale(self) -> QLocale:
        locale = self._locale
        if locale is None:
            locale = self._locale = locale_for(self._languages or [])
        return locale

    def set_locale(self, locale: QLocale) -> None:
        current = self.locale
        if locale.name() == current.name() and locale.bcp47Name() == current.bcp47Name():
            return
        self._locale = locale
        self._languages = None
        self._generation += 1

    def set_languages(self, languages: Iterable[str]) -> None:
        """Use the locale of the first of ``languages`` that is known, worked out when a
        sort first needs it (looking a name such as "English" up takes 0.1 s: not while a
        workshop opens)."""
        languages = list(languages)
        if languages == self._languages:
            return
        self._languages = languages
        self._locale = None
        self._generation += 1

    def _collator(self) -> QCollator:
        local = self._local
        if getattr(local, "generation", -1) != self._generation:
            collator = QCollator(self.locale)
            collator.setNumericMode(True)  # "Room 2" before "Room 10"
            collator.setCaseSensitivity(self._case_sensitivity())
            collator.compare("a", "b")  # initialise now, not inside the first sort
            local.collator, local.generation, local.keys = collator, self._generation, {}
        return local.collator

    @staticmethod
    def _case_sensitivity() -> Any:
        from PySide6.QtCore import Qt

        return Qt.CaseSensitivity.CaseSensitive  # case only breaks ties (ICU tertiary level)

    def compare(self, a: str | None, b: str | None) -> int:
        """-1, 0 or 1, as SQLite's collation callback wants; blanks sort first."""
        return self._collator().compare(a or "", b or "")

    def sort_key(self, text: str | None) -> QCollatorSortKey:
        """A key that sorts ``text`` in human order (``sorted(names, key=c.sort_key)``)."""
        collator = self._collator()
        keys: dict[str, QCollatorSortKey] = self._local.keys
        text = text or ""
        key = keys.get(text)
        if key is None:
            if len(keys) > 200_000:
                keys.clear()
            key = keys[text] = collator.sortKey(text)
        return key

    def sorted(self, items: Iterable[T], key: Callable[[T], str | None] | None = None) -> list[T]:
        """``items`` in human order of ``key(item)`` (the item itself by default)."""
        get = key or (lambda item: item)  # type: ignore[assignment,return-value]
        return sorted(items, key=lambda item: self.sort_key(get(item)))  # type: ignore[arg-type]

    def register(self, connection: sqlite3.Connection) -> None:
        """Make ``COLLATE HUMAN`` available on ``connection``."""
        connection.create_collation(NAME, self.compare)


def workshop_languages(value: Any) -> list[str]:
    """The workshop's ``languages`` column (a JSON list) as a list of names."""
    try:
        items = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return [str(i) for i in items if i] if isinstance(items, list) else []


def follow_workshop(collation: Collation, ws: Any) -> None:
    """Use the workshop's first working language, now and whenever the details change."""

    workshop = _workshop_table()  # looked up once: every edit's Changes comes here

    def refresh(changes: Any = None) -> None:
        if changes is not None and not changes.touches(workshop):
            return
        try:
            languages = workshop_languages(ws.info.details()["languages"])
        except (StopIteration, KeyError, sqlite3.Error):
            languages = []
        collation.set_languages(languages)

    refresh()
    ws.hub.listen(refresh)


def _workshop_table() -> Any:
    from facilitator.store.tables import Table

    return Table.WORKSHOP
