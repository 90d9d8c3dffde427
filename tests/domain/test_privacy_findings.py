"""What the Privacy check needs from the engine: where a hit is in its snippet, a finding
re-decided without a new scan, and what lists show beside a name."""

from __future__ import annotations

from facilitator.domain.privacy import (
    Choice,
    Decision,
    Guard,
    Person,
    PrivacyEngine,
    PrivacyPolicy,
    Source,
    listed_detail,
    snippet,
    snippet_span,
)

DEWI = Person("p1", "Dewi Lestari", country="Indonesia")
SOURCE = Source("Sessions", "n1", "text", "Country experiences")


def _findings(text: str, policy: PrivacyPolicy | None = None) -> list:
    guard = Guard(PrivacyEngine([DEWI]), policy)
    guard(text, SOURCE)
    return guard.findings


def test_the_snippet_marks_the_hit_even_across_collapsed_spaces() -> None:
    text = "A long   opening sentence\nabout   prevention work in   schools, then Ms.  Lestari\n"
    text += "described the   programme in some detail for everyone."
    (finding,) = _findings(text)
    piece, a, b = finding.snippet, *finding.mark
    assert piece[a:b] == "Ms. Lestari"  # the spaces inside the hit collapse too
    assert piece == snippet(text, finding.hit.start, finding.hit.end)
    assert piece.startswith("…") and piece.endswith("…") and "  " not in piece


def test_snippet_span_at_the_start_and_end_of_a_text() -> None:
    assert snippet_span("Lestari spoke.", 0, 7) == ("Lestari spoke.", 0, 7)
    assert snippet_span("We thank Lestari", 9, 16) == ("We thank Lestari", 9, 16)


def test_a_finding_is_decided_again_without_scanning() -> None:
    (finding,) = _findings("Ms. Lestari described the programme.")
    assert finding.unresolved and finding.initial and finding.printed == "[name withheld]"
    people = {DEWI.id: DEWI}
    kept = finding.decided(
        PrivacyPolicy().deciding(hits={finding.key: Decision(Choice.KEEP)}), people, {}
    )
    assert kept.printed == "Ms. Lestari" and not kept.unresolved
    styled = PrivacyPolicy(replacement="country").deciding(
        people={DEWI.id: Decision(Choice.WITHHOLD)}
    )
    again = finding.decided(styled, people, {})
    # The same text a new scan would print: capitalised, as it starts the sentence.
    assert again.printed == "A participant from Indonesia"
    assert again.printed == _findings("Ms. Lestari described the programme.", styled)[0].printed


def test_decided_by_says_which_decision_applies() -> None:
    (finding,) = _findings("Then D. Lestari spoke.")
    key, hit = finding.key, finding.hit
    policy = PrivacyPolicy()
    assert policy.decided_by(key, hit) == ""
    policy = policy.deciding(people={DEWI.id: Decision(Choice.KEEP)})
    assert policy.decided_by(key, hit) == "person"
    policy = policy.deciding(hits={key: Decision(Choice.WITHHOLD)})
    assert policy.decided_by(key, hit) == "hit"


def test_listed_detail_follows_lists_show() -> None:
    assert listed_detail("BNPT", "Indonesia", "full") == "BNPT · Indonesia"
    assert listed_detail("", "Indonesia", "full") == "Indonesia"
    assert listed_detail("BNPT", "Indonesia", "name_org") == "BNPT"
    assert listed_detail("BNPT", "Indonesia", "none") == ""
