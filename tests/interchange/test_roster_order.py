"""Human order: lists, exports and printouts sort names with the locale's collation."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from facilitator.exports import ExportOptions
from facilitator.interchange.roster_export import export_csv
from facilitator.store.collation import Collation, locale_for
from facilitator.store.database import Workshop
from facilitator.store.tables import Table

EN = Collation(QLocale("en_GB"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Dana Omarova", "Đức Trần Văn"),  # Vietnamese: Đ with the D's …
        ("Đức Trần Văn", "Yohanes Sitompul"),  # … not after Y
        ("Ẩn Nguyễn", "Bảo Lê"),  # accents are a second-level difference
        ("Бакыт Токтогулов", "Ёлдошев Рустам"),  # Cyrillic: Ё with the Е's, after Б
        ("กมล", "เกศินี"),  # Thai: the leading vowel เ does not count first
        ("เกศินี", "สมชาย วงศ์สวัสดิ์"),
        ("ស៊ីណា", "សុខ ចាន់ដារា"),  # Khmer: the sign ៊ belongs to its consonant
        ("Room 2", "Room 10"),  # numbers in titles as numbers
    ],
)
def test_collation_puts_names_where_readers_look(before: str, after: str) -> None:
    assert EN.sorted([after, before]) == [before, after]
    assert EN.compare(before, after) < 0


def test_code_point_order_would_get_them_wrong() -> None:
    names = ["Yohanes", "Đức Trần Văn", "Ёлдошев", "Бакыт", "สมชาย", "เกศินี"]
    assert sorted(names) == ["Yohanes", "Đức Trần Văn", "Ёлдошев", "Бакыт", "สมชาย", "เกศินี"]
    assert EN.sorted(names) == ["Đức Trần Văn", "Yohanes", "Бакыт", "Ёлдошев", "เกศินี", "สมชาย"]


def test_locale_is_the_first_working_language() -> None:
    assert locale_for(["Russian", "English"]).name() == "ru_RU"
    assert locale_for(["Русский"]).name() == "ru_RU"
    assert locale_for(["Tiếng Việt"]).name() == "vi_VN"
    assert locale_for(["", "km"]).name() == "km_KH"
    assert locale_for(["not a language"]).language() != QLocale.Language.C
    # in Russian order Cyrillic comes before Latin
    ru = Collation(locale_for(["Russian"]))
    assert ru.sorted(["Anna", "Бакыт"]) == ["Бакыт", "Anna"]


def test_store_orders_people_in_sql_and_python_alike(workshop: Workshop) -> None:
    names = [p["name"] for p in workshop.people.people()]
    assert names == workshop.collation.sorted(names)
    assert names.index("Trần Văn Đức") < names.index("Yohanes Sitompul")
    sql = [r[0] for r in workshop.db.execute("SELECT name FROM people ORDER BY name COLLATE HUMAN")]
    assert sql == names
    # the demo's names: the D's, then E; Cyrillic after Latin; Thai and Khmer after that
    assert names.index("Dewi Lestari") < names.index("Elin Lindqvist")
    assert names.index("Yohanes Sitompul") < names.index("Айгуль Жумабаева")
    assert names.index("Бакыт Токтогулов") < names.index("Ерлан Сапаров")
    assert names.index("ปริญญา ศรีสุข") < names.index("สมชาย วงศ์สวัสดิ์")


def test_working_language_changes_the_order(workshop: Workshop) -> None:
    wid = workshop.info.details()["id"]
    with workshop.operation() as op:
        workshop.rows.update(Table.WORKSHOP, wid, {"languages": json.dumps(["Русский"])})
        op.touch(Table.WORKSHOP, [wid])
    names = [p["name"] for p in workshop.people.people()]
    assert names.index("Айгуль Жумабаева") < names.index("Agus Santoso")


def test_exports_and_attendance_follow_human_order(workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "roster.csv"
    export_csv(workshop, out, ExportOptions())
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    names = [r[0] for r in rows[1:]]
    assert names == workshop.collation.sorted(names)
    day = workshop.people.days()[0]["id"]
    attendees = [p["name"] for p in workshop.people.attendees(day)]
    assert attendees == workshop.collation.sorted(attendees)
