"""Countries written in any language: the index reads translations only as far as needed."""

from __future__ import annotations

from facilitator.domain import people as dom


def _full() -> dict[str, str]:
    index = dom._CountryIndex()
    while index.pending:
        index._read(index.pending.pop())
    return index.index


def test_a_name_in_an_early_language_is_found_without_reading_the_others():
    index = dom._CountryIndex()
    languages = len(index.pending)
    assert index.get(dom.fold("Allemagne")) == "Germany"
    assert index.get(dom.fold("Германия")) == "Germany"
    assert len(index.pending) > languages - 10  # a few catalogues read, not ~160


def test_lookups_give_what_the_whole_index_gives_in_any_order():
    full = _full()
    written = ["Ouzbékistan", "Кыргызстан", "Thaïlande", "Viet Nam", "Deutschland", "Atlantis"]
    keys = [dom.fold(w) for w in written] + list(full)[::997]
    for order in (keys, keys[::-1]):
        index = dom._CountryIndex()
        assert [index.get(k) for k in order] == [full.get(k) for k in order]
    index = dom._CountryIndex()
    assert index.get(dom.fold("Atlantis")) is None  # unknown: every language was read
    assert index.index == full
