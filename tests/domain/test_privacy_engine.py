"""The privacy engine on the demo roster: who it finds, how, and what it leaves alone."""

from __future__ import annotations

import json

import pytest

from facilitator.domain.privacy import (
    Choice,
    Decision,
    Guard,
    Kind,
    Person,
    PrivacyEngine,
    PrivacyPolicy,
    Source,
    declensions,
    fold,
    hit_key,
    name_parts,
    redact,
    transliterations,
)
from facilitator.resources import resource

ORGANISERS = [
    "UNODC Regional Office for South-East Asia",
    "Southeast Asia Regional Centre for Counter-Terrorism",
]


def demo_people() -> list[Person]:
    rows = json.loads(resource("demo", "people.json").read_text(encoding="utf-8"))
    return [
        Person(
            id=f"per_demo{i:03d}",
            name=r[0],
            organisation=r[1],
            country=r[2],
            sector=r[3],
            gender=r[4],
            role=r[5],
            email=f"delegate{i}@example.org",
        )
        for i, r in enumerate(rows)
    ]


PEOPLE = demo_people() + [Person("per_test", "Test", country="Kenya", role="participant")]
ENGINE = PrivacyEngine(PEOPLE, public=ORGANISERS)
BY_NAME = {p.name: p.id for p in PEOPLE}
SOURCE = Source("Sessions", "not_1", "text", "Opening")


def found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(h.text, h.kind.value, h.people) for h in ENGINE.find(text)]


def who(name: str) -> tuple[str, ...]:
    return (BY_NAME[name],)


# -- the variants -------------------------------------------------------------------


def test_free_texts_of_the_report_area_are_searched():
    assert found("The workshop was opened by Sarah Whitfield, who welcomed everyone.") == [
        ("Sarah Whitfield", "name", who("Sarah Whitfield"))
    ]
    text = "We thank Kenji Watanabe, our facilitator, and ปริญญา ศรีสุข for the field visit."
    assert found(text) == [
        ("Kenji Watanabe", "name", who("Kenji Watanabe")),
        ("ปริญญา ศรีสุข", "name", who("ปริญญา ศรีสุข")),
    ]


def test_title_and_family_name():
    assert found("Ms. Lestari stressed the point.") == [
        ("Ms. Lestari", "family name", who("Dewi Lestari"))
    ]
    assert found("As Dr Okafor put it") == [("Dr Okafor", "family name", who("David Okafor"))]
    assert found("H.E. Rahman opened") == [
        ("H.E. Rahman", "family name", who("Nur Aisyah binti Rahman"))
    ]
    assert found("г-жа Жумабаева сказала") == [
        ("г-жа Жумабаева", "family name", who("Айгуль Жумабаева"))
    ]


def test_family_name_alone_without_title():
    assert found("Lestari said that schools matter.") == [
        ("Lestari", "family name", who("Dewi Lestari"))
    ]


def test_vietnamese_without_diacritics_and_with_dj():
    assert found("Nguyen Thi Thu Ha presented.") == [
        ("Nguyen Thi Thu Ha", "name", who("Nguyễn Thị Thu Hà"))
    ]
    assert found("Mr. Tran Van Duc agreed") == [("Mr. Tran Van Duc", "name", who("Trần Văn Đức"))]
    assert found("NGUYỄN THỊ THU HÀ") == [("NGUYỄN THỊ THU HÀ", "name", who("Nguyễn Thị Thu Hà"))]


def test_word_order_does_not_matter():
    assert found("Жумабаева Айгуль выступила.") == [
        ("Жумабаева Айгуль", "name", who("Айгуль Жумабаева"))
    ]
    assert found("Watanabe Kenji") == [("Watanabe Kenji", "name", who("Kenji Watanabe"))]
    assert found("วงศ์สวัสดิ์ สมชาย") == [("วงศ์สวัสดิ์ สมชาย", "name", who("สมชาย วงศ์สวัสดิ์"))]


def test_distinctive_given_name_alone():
    assert found("สมชาย said that.") == [("สมชาย", "given name", who("สมชาย วงศ์สวัสดิ์"))]
    assert found("Kenji moderated.") == [("Kenji", "given name", who("Kenji Watanabe"))]


def test_a_participant_called_test_does_not_eat_the_word():
    text = "Test messages with the target audience before launch and measure engagement."
    assert found(text) == []
    assert found("We will test the messages; the test failed.") == []
    # written as a name, it is one
    assert found("We thank Test for the slides.") == [("Test", "family name", ("per_test",))]
    assert found("Mr Test agreed.") == [("Mr Test", "family name", ("per_test",))]


def test_initials():
    assert found("D. Lestari agreed") == [("D. Lestari", "initials", who("Dewi Lestari"))]
    assert found("Lestari, D. agreed") == [("Lestari, D.", "initials", who("Dewi Lestari"))]
    assert found("А. Жумабаева") == [("А. Жумабаева", "initials", who("Айгуль Жумабаева"))]
    assert found("A. Zhumabaeva") == [("A. Zhumabaeva", "initials", who("Айгуль Жумабаева"))]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("По словам Жумабаевой, программа работает.", "Айгуль Жумабаева"),
        ("Мы благодарим Жумабаеву за доклад.", "Айгуль Жумабаева"),
        ("Вместе с Жумабаевой работали коллеги.", "Айгуль Жумабаева"),
        ("Письмо Сапарову отправлено.", "Ерлан Сапаров"),
        ("Доклад Сапарова был коротким.", "Ерлан Сапаров"),
        ("Мы встретились с Сапаровым.", "Ерлан Сапаров"),
        ("О Токтогулове говорили все.", "Бакыт Токтогулов"),
        ("Встреча с Шахнозой Каримовой", "Шахноза Каримова"),
        ("Подарок для Ольги Петровой", "Ольга Петрова"),
        ("Спасибо Ерлану!", "Ерлан Сапаров"),
    ],
)
def test_declined_russian_names(text: str, person: str):
    hits = ENGINE.find(text)
    assert [h.people for h in hits] == [who(person)], hits
    assert fold(hits[0].text) in fold(text)


def test_declensions_of_surnames_and_given_names():
    assert {"Жумабаевой", "Жумабаеву"} <= declensions("Жумабаева", "family")
    assert {"Сапарова", "Сапарову", "Сапаровым", "Сапарове"} <= declensions("Сапаров", "family")
    assert {"Ольги", "Ольгой", "Ольгу"} <= declensions("Ольга", "given")
    assert {"Айгули"} <= declensions("Айгуль", "given", "female")
    assert declensions("Lestari", "family") == set()


def test_transliterated_cyrillic_names():
    assert "zhumabaeva" in transliterations("Жумабаева")
    assert "aigul" in transliterations("Айгуль")
    assert found("Ms Zhumabaeva said") == [
        ("Ms Zhumabaeva", "family name", who("Айгуль Жумабаева"))
    ]


def test_names_inside_email_addresses_and_emails_in_general():
    assert found("write to dewi.lestari@bnpt.go.id today") == [
        ("dewi.lestari@bnpt.go.id", "email", who("Dewi Lestari"))
    ]
    assert found("aigul.zhumabaeva@mvd.kz") == [
        ("aigul.zhumabaeva@mvd.kz", "email", who("Айгуль Жумабаева"))
    ]
    assert found("the roster address delegate25@example.org.") == [
        ("delegate25@example.org", "email", who("Dewi Lestari"))
    ]
    assert found("info@some-ngo.org") == [("info@some-ngo.org", "email", ())]


def test_phone_numbers_but_not_dates_years_or_amounts():
    assert found("call +62 21 555 1234 or 0812-3456-7890") == [
        ("+62 21 555 1234", "phone", ()),
        ("0812-3456-7890", "phone", ()),
    ]
    assert found("In 2026-2030, on 2026-03-10, a budget of 12 000 000 tenge, 20,500 notes") == []


def test_phone_from_the_roster_points_to_its_person():
    engine = PrivacyEngine([Person("p1", "Dewi Lestari", phone="+62 812 3456 7890")])
    hits = engine.find("Her number is 0812-3456-7890.")
    assert [(h.kind, h.people) for h in hits] == [(Kind.PHONE, ("p1",))]


def test_thai_and_khmer_as_whole_clusters():
    # no spaces in Thai: found inside a run, but never splitting a cluster or a syllable
    assert found("คุณสมชายกล่าวว่า") == [("คุณสมชาย", "given name", who("สมชาย วงศ์สวัสดิ์"))]
    assert found("สมชายกล่าว") == [("สมชาย", "given name", who("สมชาย วงศ์สวัสดิ์"))]
    assert found("เสมชาย") == []  # a leading vowel belongs to the next consonant
    assert found("สมชายั") == []  # a mark would be cut off
    assert found("សុខ ចាន់ដារា បាននិយាយ") == [("សុខ ចាន់ដារា", "name", who("សុខ ចាន់ដារា"))]
    assert found("លោក ហេង") == [("លោក ហេង", "family name", who("ហេង វិចិត្រ"))]


def test_thai_name_that_is_a_word_counts_only_standing_alone():
    # ใจดี ("kind") is นภัสสร's family name and an ordinary word
    assert found("เขาใจดีมาก") == []
    assert found("นภัสสร ใจดี พูด") == [("นภัสสร ใจดี", "name", who("นภัสสร ใจดี"))]
    assert found("Thanks to ใจดี.") == [("ใจดี", "family name", who("นภัสสร ใจดี"))]


def test_organisations_are_their_own_class_and_can_be_switched_off():
    text = "The Ministry of Justice and Search for Common Ground presented; BNPT too."
    hits = ENGINE.find(text)
    assert [(h.text, h.kind) for h in hits] == [
        ("Ministry of Justice", Kind.ORGANISATION),
        ("Search for Common Ground", Kind.ORGANISATION),
        ("BNPT", Kind.ORGANISATION),
    ]
    assert hits[0].organisation == fold("Ministry of Justice") and not hits[0].people
    assert PrivacyEngine(PEOPLE, organisations=False).find(text) == []
    # the organisers' own are on the cover: never hits
    assert ENGINE.find("The UNODC Regional Office will follow up.") == []
    assert ENGINE.find("a ministry of justice anywhere") == []


def test_possessive_and_overlaps():
    assert found("Lestari's idea") == [("Lestari", "family name", who("Dewi Lestari"))]
    hits = ENGINE.find("mail dewi.lestari@example.org")
    assert [h.kind for h in hits] == [Kind.EMAIL]


def test_short_and_shared_parts_need_to_be_written_as_names():
    # "Le" (Lê Hoàng Anh) and "Ha" (Hà) are short or English words; "Thu", "Văn" are middle
    assert found("Ha ha, le mot juste on Thu 12 March, in a van.") == []
    assert found("Dr Le answered.") == [("Dr Le", "family name", who("Lê Hoàng Anh"))]
    shared = PrivacyEngine([Person("a", "Muhammad Ali"), Person("b", "Muhammad Hafiz Ismail")])
    assert shared.find("Muhammad said") == []  # given name shared in the roster
    assert [h.people for h in shared.find("Mr Muhammad said")] == [("a", "b")]


def test_hits_say_why():
    (hit,) = ENGINE.find("Ms. Lestari")
    assert hit.reason == "family name with title" and 0.5 < hit.confidence <= 1
    (hit,) = ENGINE.find("По словам Жумабаевой")
    assert "declined" in hit.reason
    (hit,) = ENGINE.find("We thank Test.")
    assert "ordinary word" in hit.reason


def test_name_parts_know_the_family_name():
    roles = dict(name_parts(next(p for p in PEOPLE if p.name == "Nguyễn Thị Thu Hà")))
    assert roles == {"Nguyễn": "family", "Thị": "particle", "Thu": "middle", "Hà": "given"}
    roles = dict(name_parts(next(p for p in PEOPLE if p.name == "Nur Aisyah binti Rahman")))
    assert roles["Rahman"] == "family" and roles["binti"] == "particle"
    assert dict(name_parts(Person("x", "Dewi Lestari"))) == {"Dewi": "given", "Lestari": "family"}


# -- decisions ---------------------------------------------------------------------------


def _redact(text: str, policy: PrivacyPolicy, unresolved: Choice = Choice.WITHHOLD):
    return redact(
        text,
        ENGINE.find(text),
        SOURCE,
        policy,
        ENGINE.by_id,
        ENGINE.organisations,
        unresolved,
    )


def test_undecided_hits_are_withheld_and_listed():
    out, findings = _redact("Ms. Lestari and Kenji Watanabe agreed.", PrivacyPolicy())
    assert out == "[name withheld] and [name withheld] agreed."
    assert [f.unresolved for f in findings] == [True, True]
    assert findings[0].snippet == "Ms. Lestari and Kenji Watanabe agreed."


def test_role_descriptions_replace_people():
    text = "Ms. Lestari agreed with Kenji Watanabe and Search for Common Ground."
    out, _ = _redact(text, PrivacyPolicy(replacement="country"))
    assert out == (
        "A participant from Indonesia agreed with a facilitator and a civil-society organisation."
    )
    out, _ = _redact("We thank Ms. Lestari.", PrivacyPolicy(replacement="sector"))
    assert out == "We thank a government representative."


def test_decisions_per_hit_per_person_and_per_organisation():
    text = "Sarah Whitfield opened; Ms. Lestari spoke; BNPT hosted."
    hits = ENGINE.find(text)
    keep_sarah = {hit_key(SOURCE, hits[0]): Decision(Choice.KEEP)}
    lestari = {BY_NAME["Dewi Lestari"]: Decision(Choice.WITHHOLD, "a delegate")}
    bnpt = {hits[2].organisation: Decision(Choice.NOT_A_NAME)}
    policy = PrivacyPolicy().deciding(hits=keep_sarah, people=lestari, organisations=bnpt)
    out, findings = _redact(text, policy)
    assert out == "Sarah Whitfield opened; a delegate spoke; BNPT hosted."
    assert not any(f.unresolved for f in findings)
    # a hit's own decision wins over its person's
    own = {hit_key(SOURCE, hits[1]): Decision(Choice.KEEP)}
    out, _ = _redact(text, policy.deciding(hits=own))
    assert "Ms. Lestari spoke" in out


def test_decision_keys_survive_edits_elsewhere_in_the_text():
    first = ENGINE.find("Ms. Lestari agreed.")[0]
    moved = ENGINE.find("After a long debate, ms.  lestari agreed.")[0]
    assert first.start != moved.start
    assert hit_key(SOURCE, first) == hit_key(SOURCE, moved)
    other = Source("Sessions", "not_2", "text")
    assert hit_key(other, first) != hit_key(SOURCE, first)


def test_policy_round_trips_and_ignores_junk():
    policy = PrivacyPolicy(replacement="country", organisations=False).deciding(
        hits={"a/text|x": Decision(Choice.KEEP)},
        people={"per_1": Decision(Choice.WITHHOLD, "a delegate")},
        organisations={"bnpt": Decision(Choice.NOT_A_NAME)},
    )
    again = PrivacyPolicy.from_value(json.loads(json.dumps(policy.to_value())))
    assert again == policy
    junk = {"replacement": "rude", "organisations": "yes", "hits": {"k": {"choice": "maybe"}}}
    assert PrivacyPolicy.from_value(junk) == PrivacyPolicy()
    assert PrivacyPolicy.from_value(None) == PrivacyPolicy()


def test_guard_collects_findings_and_an_off_guard_prints_as_written():
    guard = Guard(ENGINE)
    assert guard("Ms. Lestari spoke.", SOURCE) == "[name withheld] spoke."
    assert guard("Ms. Lestari spoke again.", SOURCE) == "[name withheld] spoke again."
    assert len(guard.findings) == 2 and len(guard.unresolved()) == 1  # one key
    off = Guard.off()
    assert off("Ms. Lestari spoke.", SOURCE) == "Ms. Lestari spoke." and not off.findings


def test_fold_is_case_diacritic_and_width_insensitive():
    assert fold("Nguyễn") == fold("NGUYEN") == "nguyen"
    assert fold("Đức") == "duc"
    assert fold("Пётр") == fold("Петр")
    assert fold("Ｄｅｗｉ") == "dewi"  # NFKC: full-width letters
    assert fold("สมชาย") == "สมชาย"  # Thai marks are letters, not accents


def test_a_persons_decision_covers_their_address_only_to_withhold_it():
    text = "Dewi Lestari (dewi.lestari@example.org) presented."
    dewi = BY_NAME["Dewi Lestari"]
    keep = PrivacyPolicy().deciding(people={dewi: Decision(Choice.KEEP)})
    out, findings = _redact(text, keep)
    assert out == "Dewi Lestari ([e-mail withheld]) presented."
    assert [f.unresolved for f in findings] == [False, True]  # the address still needs asking
    withhold = PrivacyPolicy().deciding(people={dewi: Decision(Choice.WITHHOLD, "a delegate")})
    out, findings = _redact(text, withhold)
    assert out == "A delegate ([e-mail withheld]) presented."
    assert not any(f.unresolved for f in findings)


def test_decomposed_text_is_searched_too():
    import unicodedata

    text = unicodedata.normalize("NFD", "Báo cáo của Nguyễn Thị Thu Hà, và Đức.")
    hits = ENGINE.find(text)
    assert [h.people for h in hits] == [who("Nguyễn Thị Thu Hà"), who("Trần Văn Đức")]
    assert hits[0].text == unicodedata.normalize("NFD", "Nguyễn Thị Thu Hà")
