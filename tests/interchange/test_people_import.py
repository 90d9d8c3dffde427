"""Roster import: encodings, delimiters, header position, languages, rejects, duplicates, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.domain import people as dom
from facilitator.interchange import roster
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

EN = "First name,Last name,Organization,Country,Gender,Sector,Email\n"
ROWS_EN = [
    "Ana,Lopez,Ministry of Justice,Kirghizistan,F,NGO,ana@example.org",
    "Иван,Петров,МВД,Кыргызстан,м,государство,ivan@example.org",
    "Nguyễn,Văn An,Trung tâm,Vietnam,Male,academia,an@example.org",
]


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _people(path: Path) -> list[roster.Row]:
    table = roster.read_table(path)
    rows, rejected = roster.convert(table, roster.detect_mapping(table))
    assert rejected == []
    return rows


@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16 LE"),
    ],
)
def test_unicode_encodings_read_every_script(tmp_path: Path, encoding: str, expected: str) -> None:
    path = _write(tmp_path, "reg.csv", EN + "\n".join(ROWS_EN) + "\n", encoding)
    table = roster.read_table(path)
    assert table.encoding == expected
    names = [r.person["name"] for r in _people(path)]
    assert names == ["Ana Lopez", "Иван Петров", "Nguyễn Văn An"]


def test_windows_1251_cyrillic_file(tmp_path: Path) -> None:
    text = "Имя;Фамилия;Организация;Страна;Пол\nАйгуль;Жумабаева;Министерство;Казахстан;ж\n"
    path = _write(tmp_path, "reg.csv", text, "cp1251")
    table = roster.read_table(path)
    assert table.encoding.startswith("Windows-1251") and table.delimiter == ";"
    (row,) = _people(path)
    assert row.person["name"] == "Айгуль Жумабаева"
    assert row.person["country"] == "Kazakhstan" and row.person["gender"] == "female"
    assert row.person["source"]["country"] == "Казахстан"


def test_windows_1252_french_file(tmp_path: Path) -> None:
    text = (
        "Prénom;Nom;Organisation;Pays;Sexe\n"
        "Amélie;Durand;Société civile;Côte d'Ivoire;Femme\n"
        "Jean;Martin;ONG;Atlantide;Homme\n"
    )
    path = _write(tmp_path, "inscription.csv", text, "cp1252")
    table = roster.read_table(path)
    assert table.encoding.startswith("Windows-1252")
    row, unknown = _people(path)
    assert row.person["name"] == "Amélie Durand"
    assert row.person["organisation"] == "Société civile"
    assert row.person["country"] == "Côte d'Ivoire" and not row.warnings  # ISO 3166 name
    assert unknown.person["country"] == "Atlantide"  # unknown country kept as written
    assert any("not in the list" in w for w in unknown.warnings)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    lines = [EN.strip().replace(",", delimiter)] + [r.replace(",", delimiter) for r in ROWS_EN]
    path = _write(tmp_path, "reg.csv", "\n".join(lines), "utf-8")
    assert roster.read_table(path).delimiter == delimiter
    assert len(_people(path)) == 3


def test_comma_delimiter_with_semicolons_inside_quotes(tmp_path: Path) -> None:
    text = 'Full name,Organisation,Notes\n"Ana Lopez","A; B; C","x; y"\nBo Li,Org,\n'
    path = _write(tmp_path, "reg.csv", text, "utf-8")
    assert roster.read_table(path).delimiter == ","
    assert [r.person["organisation"] for r in _people(path)] == ["A; B; C", "Org"]


def test_header_below_title_rows_and_row_numbers(tmp_path: Path) -> None:
    text = (
        "Regional workshop – registrations,,,\n"
        "Exported 3 March 2026,,,\n"
        ",,,\n"
        "ФИО,Организация,Страна,Эл. почта\n"
        "Бакыт Токтогулов,ГКДР,Киргизия,bakyt@example.kg\n"
        ",,,\n"
        "Нурзат Абдыкадырова,SFCG,Кыргыз Республикасы,nurzat@example.kg\n"
    )
    path = _write(tmp_path, "reg.csv", text, "utf-8")
    table = roster.read_table(path)
    mapping = roster.detect_mapping(table)
    assert mapping.header_row == 3
    assert set(mapping.columns.values()) >= {"name", "organisation", "country", "email"}
    rows, rejected = roster.convert(table, mapping)
    assert [r.row for r in rows] == [5, 7]  # as a spreadsheet numbers them
    assert {r.person["country"] for r in rows} == {"Kyrgyzstan"}
    assert rejected == []


@pytest.mark.parametrize(
    "headers",
    [
        ["Full name", "Organization", "Country", "Gender", "E-mail address"],
        ["Nom complet", "Organisme", "Pays", "Sexe", "Courriel"],
        ["ФИО", "Организация", "Страна", "Пол", "Электронная почта"],
    ],
)
def test_header_names_in_three_languages(tmp_path: Path, headers: list[str]) -> None:
    text = ",".join(headers) + "\nDana Omarova,Youth Centre,Казахстан,Female,dana@example.org\n"
    path = _write(tmp_path, "reg.csv", text, "utf-8")
    table = roster.read_table(path)
    mapping = roster.detect_mapping(table)
    assert [mapping.columns[i] for i in range(5)] == [
        "name",
        "organisation",
        "country",
        "gender",
        "email",
    ]


def test_xlsx_with_title_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Participants"])
    ws.append([])
    ws.append(["Prénom", "Nom", "Organisation", "Pays", "Téléphone"])
    ws.append(["Amélie", "Durand", "UNODC", "International", 66812345678])
    ws.append(["สมชาย", "วงศ์สวัสดิ์", "ISOC", "Thaïlande", None])
    path = tmp_path / "reg.xlsx"
    wb.save(path)
    table = roster.read_table(path)
    assert table.sheet
    rows = _people(path)
    assert [r.person["name"] for r in rows] == ["Amélie Durand", "สมชาย วงศ์สวัสดิ์"]
    assert rows[0].person["phone"] == "66812345678"
    assert rows[1].person["country"] == "Thailand"
    assert rows[1].person["source"] == {"row": 5, "file": "reg.xlsx", "country": "Thaïlande"}


def test_rejected_rows_name_the_row_and_reason(tmp_path: Path) -> None:
    text = "Name,Organisation,Email\nAna,Org,ana@example.org\n,Org,x@example.org\nBo,Org,not-mail\n"
    path = _write(tmp_path, "reg.csv", text, "utf-8")
    table = roster.read_table(path)
    rows, rejected = roster.convert(table, roster.detect_mapping(table))
    assert [r.person["name"] for r in rows] == ["Ana"]
    assert [(r.row, r.reason) for r in rejected] == [
        (3, "no name (the name columns are empty)"),
        (4, "e-mail “not-mail” is not a valid address"),
    ]


def test_mapping_without_names_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "reg.csv", "Organisation,Country\nOrg,Laos\n", "utf-8")
    table = roster.read_table(path)
    mapping = roster.detect_mapping(table)
    assert "No column holds names" in mapping.problem()
    with pytest.raises(roster.RosterFileError):
        roster.convert(table, mapping)


def test_duplicates_within_file_and_against_roster(workshop: Workshop, tmp_path: Path) -> None:
    text = (
        "Full name,Organisation,Country,Email,Phone\n"
        "Dana Omarova,Youth Initiatives Centre,Kazakhstan,,+7 700 000\n"  # same name+org
        "New Person,Org A,Laos,new@example.org,\n"
        "Person New,Org A,Laos,,+856 20\n"  # same normalised name and org as row 3
        "Someone,Org B,Laos,SARAH.WHITFIELD@example.org,\n"  # same e-mail as a demo person
    )
    path = _write(tmp_path, "reg.csv", text, "utf-8")
    _table, _mapping, plan = roster.load_and_plan(path, workshop.people.people())
    assert [r.person["name"] for r in plan.adds] == ["New Person"]
    assert plan.adds[0].person["phone"] == "+856 20"
    assert [(r.row, into) for r, into, _why in plan.merged] == [(4, 3)]
    updated = {u.person_id: u.values() for u in plan.updates}
    assert updated["per_demo002"]["phone"] == "+7 700 000"
    assert "name" in updated["per_demo030"]
    before = workshop.db["people"].count
    from facilitator.edits.people import ImportRoster

    cmd = ImportRoster(workshop, plan)
    cmd.apply()
    assert workshop.db["people"].count == before + 1
    assert workshop.rows.get(Table.PEOPLE, "per_demo002")["phone"] == "+7 700 000"
    # importing the same file again changes nothing
    _t, _m, again = roster.load_and_plan(path, workshop.people.people())
    assert not again.adds and not again.updates
    cmd.revert()
    assert workshop.db["people"].count == before
    assert workshop.rows.get(Table.PEOPLE, "per_demo002")["phone"] == ""


def test_normalisation_keeps_what_was_written() -> None:
    assert dom.normalise_country("  кыргызстан ") == ("Kyrgyzstan", True)
    assert dom.normalise_country("Việt Nam") == ("Viet Nam", True)
    assert dom.normalise_country("Atlantis") == ("Atlantis", False)
    assert dom.normalise_gender("Ж")[0] == "female"
    assert dom.normalise_sector("Société civile")[0] == "civil_society"
    assert dom.normalise_role("Intervenant")[0] == "speaker"
    assert dom.name_key("Ivanov Ivan", "MVD") == dom.name_key("ivan  IVANOV", "mvd")


# -- CLI ----------------------------------------------------------------------------------------
BAD = "Full name,Email\nAna Lopez,ana@example.org\nBo Li,broken\n"


def test_cli_rejects_and_changes_nothing(demo_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = _write(tmp_path, "reg.csv", BAD, "utf-8")
    assert main(["import", str(demo_path), str(path)]) == 1
    out, err = capsys.readouterr()
    assert "added    row 2: Ana Lopez" in out
    assert "rejected row 3: e-mail “broken” is not a valid address" in err
    assert "nothing written" in err
    with Workshop(demo_path, read_only=True) as ws:
        assert ws.db["people"].count == 36


def test_cli_skip_invalid_writes_valid_rows(demo_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = _write(tmp_path, "reg.csv", BAD, "utf-8")
    assert main(["import", str(demo_path), str(path), "--dry-run", "--skip-invalid"]) == 1
    with Workshop(demo_path, read_only=True) as ws:
        assert ws.db["people"].count == 36
    assert main(["import", str(demo_path), str(path), "--skip-invalid"]) == 1
    with Workshop(demo_path, read_only=True) as ws:
        names = [p["name"] for p in ws.people.people()]
        assert "Ana Lopez" in names and "Bo Li" not in names
        ana = next(p for p in ws.people.people() if p["name"] == "Ana Lopez")
        source = json.loads(ana["source"])
        assert (source["row"], source["file"]) == (2, "reg.csv")
        assert source["imported"] == {"name": "Ana Lopez", "email": "ana@example.org"}


def test_cli_clean_file_exit_zero_and_bad_file(demo_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = _write(tmp_path, "reg.csv", "Name\nAna Lopez\n", "utf-8")
    assert main(["import", str(demo_path), str(path)]) == 0
    assert main(["import", str(demo_path), str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["import", str(demo_path), str(old)]) == 2


# -- merging never makes a person worse ---------------------------------------------------------
@pytest.mark.parametrize(
    ("current", "incoming", "relation", "best"),
    [
        ("Nguyễn Thị Thu Hà", "Nguyen Thi Thu Ha", dom.SPELLING, "Nguyễn Thị Thu Hà"),
        ("Nguyen Thi Thu Ha", "Nguyễn Thị Thu Hà", dom.SPELLING, "Nguyễn Thị Thu Hà"),
        ("NGUYỄN THỊ THU HÀ", "Nguyen Thi Thu Ha", dom.SPELLING, "Nguyễn Thị Thu Hà"),
        ("Trần Văn Đức", "Đức Trần Văn", dom.ORDER, "Trần Văn Đức"),
        ("Tran Van Duc", "Đức Trần Văn", dom.ORDER, "Trần Văn Đức"),
        ("Nguyễn Thị Thu Hà", "Nguyen Ha", dom.FEWER, "Nguyễn Thị Thu Hà"),
        ("Иван Иванов", "Иван Петрович Иванов", dom.MORE, "Иван Петрович Иванов"),
        ("айгуль жумабаева", "Айгуль Жумабаева", dom.SPELLING, "Айгуль Жумабаева"),
        ("Ministry of Finance", "Ministry of Economy", dom.OTHER, "Ministry of Economy"),
    ],
)
def test_relate_finds_the_better_written_value(
    current: str, incoming: str, relation: str, best: str
) -> None:
    assert dom.relate(current, incoming) == (relation, best)


def _plan(rows: list[dict], existing: list[dict]) -> roster.ImportPlan:
    converted = [roster.Row(i + 2, {**r, "source": {}}) for i, r in enumerate(rows)]
    return roster.plan_import("f.csv", converted, [], existing)


def test_a_repeated_row_keeps_the_better_spelling() -> None:
    plan = _plan(
        [
            {"name": "Nguyễn Thị Thu Hà", "email": "ha@mps.vn", "phone": "+84 90"},
            {"name": "Nguyen Thi Thu Ha", "email": "HA@mps.vn", "organisation": "MPS"},
        ],
        [],
    )
    (row,) = plan.adds
    assert row.person["name"] == "Nguyễn Thị Thu Hà" and row.person["organisation"] == "MPS"
    assert row.person["phone"] == "+84 90" and len(plan.merged) == 1


def test_same_name_but_own_addresses_are_two_people() -> None:
    plan = _plan(
        [
            {"name": "Ivan Ivanov", "organisation": "MVD", "email": "ivan1@mvd.ru"},
            {"name": "Ivan Ivanov", "organisation": "MVD", "email": "ivan2@mvd.ru"},
        ],
        [],
    )
    assert len(plan.adds) == 2 and not plan.merged


def test_fill_ins_are_taken_and_notes_combined() -> None:
    existing = [
        {
            "id": "per1",
            "name": "Ana Lopez",
            "email": "ana@x.org",
            "notes": "Vegetarian",
            "languages": '["English"]',
            "phone": "",
            "source": "{}",
        }
    ]
    plan = _plan(
        [
            {
                "name": "ANA LOPEZ",
                "email": "ana@x.org",
                "phone": "+34 600",
                "notes": "Needs a visa",
                "languages": '["Spanish", "english"]',
            }
        ],
        existing,
    )
    (update,) = plan.matched
    assert update.values() == {
        "phone": "+34 600",
        "notes": "Vegetarian\nNeeds a visa",
        "languages": '["English", "Spanish"]',
    }
    name = next(c for c in update.changes if c.field == "name")
    assert name.choice == roster.KEEP and name.reason == "written better here"


def test_what_a_bulk_read_made_is_not_left_young_for_the_collector() -> None:
    """The collector's first pass after a bulk read walked all it made (0.1 s for 50,000
    rows, holding the interpreter): it leaves the young generation empty, and what others
    froze stays frozen."""
    import gc

    from facilitator.interchange.roster import bulk
    from facilitator.store.heap import long_lived

    gc.collect()
    with bulk():
        made = [[str(i)] for i in range(50_000)]
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_count()[0] < 1000  # not 50,000 objects waiting for a pass
    assert gc.get_freeze_count() == 0
    assert any(obj is made[0] for obj in gc.get_objects(generation=2))

    with long_lived():  # someone else's (a report's, the venue server's)
        frozen = gc.get_freeze_count()
        with bulk():
            more = [[str(i)] for i in range(10_000)]
        assert gc.get_freeze_count() >= frozen + len(more)
