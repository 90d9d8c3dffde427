"""The phone pages' text: one JSON catalogue per language in ``static/i18n/``.

``en.json`` is the source; a translator copies it to ``xx.json`` and translates the values
(keys stay). The server picks the catalogue from the phone's Accept-Language and fills any
key a translation lacks from English, so a half-done translation never shows a blank.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

CATALOGUES = Path(__file__).resolve().parent / "static" / "i18n"
SOURCE = "en"


def languages() -> list[str]:
    return sorted(p.stem for p in CATALOGUES.glob("*.json"))


@cache
def _load(lang: str) -> dict[str, str]:
    data = json.loads((CATALOGUES / f"{lang}.json").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items() if not str(k).startswith("_")}


def catalogue(lang: str) -> dict[str, str]:
    """Every string of the pages in ``lang`` (English where it has no translation)."""
    out = dict(_load(SOURCE))
    if lang != SOURCE and lang in languages():
        out.update({k: v for k, v in _load(lang).items() if k in out and v.strip()})
    return out


def negotiate(accept_language: str | None, available: list[str] | None = None) -> str:
    """The best catalogue for an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8")."""
    have = available if available is not None else languages()
    choices: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")[:20]):
        m = re.match(r"\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q=([0-9.]+))?", part)
        if not m:
            continue
        try:
            q = float(m.group(2)) if m.group(2) else 1.0
        except ValueError:
            q = 0.0
        choices.append((q, -i, m.group(1).lower()))
    for q, _, lang in sorted(choices, reverse=True):
        if q > 0 and lang in have:
            return lang
    return SOURCE
