"""Rebuild the roster corpus: files shaped like what each registration tool exports.

Run from the repository root: ``python tests/interchange/corpus/build.py``. Most files are
written byte by byte here; ``libreoffice_formulas.xlsx``, ``registration.ods`` and
``registration.xls`` are saved by LibreOffice Calc (``soffice``), as an organiser's copy
would be, and are kept in the repository so the tests never need LibreOffice. Each file has
an expected roster beside it (``NAME.expected.json``), written by hand, not by the importer.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _csv(rows: list[list[str]], delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def google_forms() -> None:
    """Google Forms ▸ Responses ▸ Download (.csv): UTF-8 without BOM, every field quoted,
    "Timestamp" first, checkbox answers joined with ", ", and a blank submission."""
    rows = [
        [
            "Timestamp",
            "Email address",
            "Full name (as it should appear on your badge)",
            "Organization",
            "Country",
            "Gender",
            "Which languages do you work in?",
            "Dietary requirements",
        ],
        [
            "3/2/2026 9:14:05",
            "ha.nguyen@mps.gov.vn",
            "Nguyen Thi Thu Ha",
            "Ministry of Public Security",
            "Vietnam",
            "Female",
            "English, Vietnamese",
            "Vegetarian",
        ],
        [
            "3/2/2026 10:01:44",
            "",
            "Đức Trần Văn",
            "Ministry of Public Security",
            "Viet Nam",
            "Male",
            "Vietnamese",
            "",
        ],
        [
            "3/3/2026 18:30:12",
            "sophal.chea@cypn.org.kh",
            "CHEA SOPHAL",
            "Cambodian Youth Peace Network",
            "Camboya",
            "Prefer not to say",
            "Khmer, English",
            "No pork, please",
        ],
        ["3/4/2026 7:02:59", "", "", "", "", "", "", ""],
        [
            "3/13/2026 22:45:01",
            "o'brien@example.ie",
            "Siobhán O'Brien",
            "Trinity College, Dublin",
            "IE",
            "Female",
            "English",
            "",
        ],
    ]
    (HERE / "google_forms.csv").write_text(_csv(rows, quoting=csv.QUOTE_ALL), "utf-8")


def microsoft_forms() -> None:
    """Microsoft Forms ▸ Open in Excel: ID, Start time, Completion time, Email ("anonymous"),
    Name (empty), then the questions; times are real date cells."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(
        [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "First name",
            "Last name",
            "Organisation",
            "Country of residence",
            "Sex",
            "Role in the workshop",
        ]
    )
    t = datetime(2026, 2, 20, 11, 3, 7)
    ws.append(
        [
            1,
            t,
            t,
            "anonymous",
            None,
            "Айгуль",
            "Жумабаева",
            "Министерство внутренних дел",
            "Казахстан",
            "Female",
            "Participant",
        ]
    )
    ws.append(
        [
            2,
            t,
            t,
            "anonymous",
            None,
            "Bakyt",
            "Toktogulov",
            "State Commission for Religious Affairs",
            "Kirghizistan",
            "Male",
            "Speaker",
        ]
    )
    ws.append(
        [
            3,
            t,
            t,
            "anonymous",
            None,
            "Farangis",
            "Rahimova",
            "Mahalla Dialogue Public Association",
            "Uzbekistan",
            "Female",
            "Panellist",
        ]
    )
    wb.save(HERE / "microsoft_forms.xlsx")


def excel_title_rows() -> None:
    """A hand-made Excel list: two title rows merged across, a two-row header ("Contact"
    merged over E-mail and Phone, "Full name" merged down), a delegation's country merged
    down its rows, and a total row at the end."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Participants"
    ws.append(["Regional Workshop on Preventing Violent Extremism"])
    ws.append(["List of participants – Bangkok, 10–12 March 2026"])
    ws.append([])
    ws.append(["No.", "Full name", "Organisation", "Country", "Contact", None])
    ws.append([None, None, None, None, "E-mail", "Phone"])
    ws.append(
        [
            1,
            "Somchai Wongsawat",
            "Office of the National Security Council",
            "Thailand",
            "somchai@nsc.go.th",
            "+66 2 123 4567",
        ]
    )
    ws.append([2, "Parinya Srisuk", "Chulalongkorn University", None, "", "+66 81 234 5678"])
    ws.append([3, "Napatsorn Jaidee", "Ministry of Interior", None, "napatsorn@moi.go.th", ""])
    ws.append(
        [
            4,
            "Dewi Lestari",
            "National Counter Terrorism Agency (BNPT)",
            "Indonesia",
            "dewi@bnpt.go.id",
            "+62 21 555 0101",
        ]
    )
    for ref in ("A1:F1", "A2:F2", "E4:F4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "D6:D8"):
        ws.merge_cells(ref)
    wb.save(HERE / "excel_title_rows.xlsx")


def cp1251_russian() -> None:
    """A CSV saved by Russian Excel: Windows-1251, semicolons, Russian headers."""
    rows = [
        ["№", "ФИО", "Должность", "Организация", "Страна", "Пол", "Телефон", "Эл. почта"],
        [
            "1",
            "Сапаров Ерлан",
            "Главный специалист",
            "Агентство по делам религий",
            "Казахстан",
            "м",
            "+7 701 234 5678",
            "saparov@din.gov.kz",
        ],
        [
            "2",
            "Абдыкадырова Нурзат",
            "Эксперт",
            "Общественный фонд «Поиск общих решений»",
            "Кыргызстан",
            "ж",
            "",
            "",
        ],
        [
            "3",
            "Назаров Далер",
            "Советник",
            "Комитет по делам религии",
            "Таджикистан",
            "М",
            "-",
            "daler.nazarov@mail.tj",
        ],
    ]
    (HERE / "cp1251_russian.csv").write_bytes(_csv(rows, ";").encode("cp1251"))


def european_semicolon_bom() -> None:
    """Excel in French ▸ CSV UTF-8: BOM, semicolons, French headers and country names."""
    rows = [
        [
            "Civilité",
            "Prénom",
            "Nom",
            "Structure",
            "Fonction",
            "Pays",
            "Sexe",
            "Courriel",
            "Secteur",
        ],
        [
            "Mme",
            "Amélie",
            "Durand",
            "Institut d'études de sécurité",
            "Chercheuse",
            "France",
            "F",
            "a.durand@ies.fr",
            "Recherche",
        ],
        [
            "M.",
            "Kenji",
            "Watanabe",
            "Bureau régional de l'ONUDC",
            "Conseiller",
            "Japon",
            "H",
            "kenji.watanabe@un.org",
            "Organisation internationale",
        ],
        [
            "Dr",
            "Elin",
            "Lindqvist",
            "Institut pour le dialogue stratégique",
            "Analyste",
            "Suède",
            "Femme",
            "elin@isd.org",
            "ONG",
        ],
    ]
    (HERE / "european_semicolon_bom.csv").write_bytes(b"\xef\xbb\xbf" + _csv(rows, ";").encode())


def excel_unicode_text() -> None:
    """Excel ▸ Save As ▸ Unicode Text (.txt): UTF-16 LE with BOM, tab-separated."""
    rows = [
        ["Name", "Organisation", "Country", "Gender", "Languages"],
        ["สมชาย วงศ์สวัสดิ์", "สำนักงานสภาความมั่นคงแห่งชาติ", "ประเทศไทย", "ชาย", "Thai; English"],
        ["សុខ ចាន់ដារា", "ក្រសួងមហាផ្ទៃ", "កម្ពុជា", "ស្រី", "Khmer"],
        ["Phạm Minh Khôi", "Học viện An ninh Nhân dân", "Việt Nam", "Nam", "Vietnamese/English"],
    ]
    text = _csv(rows, "\t")
    (HERE / "excel_unicode_text.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


def eventbrite() -> None:
    """Eventbrite ▸ Attendee summary (CSV): order columns, Company, Job Title, Home Country."""
    rows = [
        [
            "Order #",
            "Order Date",
            "First Name",
            "Last Name",
            "Email",
            "Quantity",
            "Ticket Type",
            "Attendee #",
            "Barcode #",
            "Job Title",
            "Company",
            "Home Country",
            "Attendee Status",
        ],
        [
            "1234567890",
            "2026-02-11 14:03:55+07:00",
            "David",
            "Okafor",
            "david@techagainstterrorism.org",
            "1",
            "General Admission",
            "2233445566",
            "2233445566001",
            "Head of Policy",
            "Tech Against Terrorism",
            "United Kingdom",
            "Attending",
        ],
        [
            "1234567891",
            "2026-02-12 09:30:00+07:00",
            "Sarah",
            "Whitfield",
            "sarah.whitfield@un.org",
            "1",
            "Speaker",
            "2233445567",
            "2233445567001",
            "Programme Officer",
            "UNODC Regional Office",
            "TH",
            "Attending",
        ],
        [
            "1234567892",
            "2026-02-12 09:31:12+07:00",
            "Rizky",
            "Pratama",
            "rizky@damai.or.id",
            "1",
            "General Admission",
            "2233445568",
            "2233445568001",
            "Coordinator",
            "Peace Generation Indonesia",
            "Indonesia",
            "Attending",
        ],
    ]
    (HERE / "eventbrite.csv").write_text(_csv(rows), "utf-8")


def zoom_registration() -> None:
    """Zoom ▸ Reports ▸ Registration report: a report header block above the attendees."""
    head = [
        ["Registration Report"],
        ["Report Generated:", "Mar 1, 2026 08:12 AM"],
        ["Topic", "Webinar ID", "Scheduled Time"],
        ["Regional Workshop – online participants", "812 3456 7890", "Mar 10, 2026 09:00 AM"],
        [],
        ["Registrants"],
    ]
    rows = [
        [
            "First Name",
            "Last Name",
            "Email",
            "Registration Time",
            "Approval Status",
            "Organization",
            "Job Title",
            "Country/Region",
        ],
        [
            "Malika",
            "Tursunova",
            "malika@tsuos.uz",
            "Feb 25, 2026 10:12 AM",
            "approved",
            "Tashkent Institute of Oriental Studies",
            "Lecturer",
            "Uzbekistan",
        ],
        [
            "Rustam",
            "Yusupov",
            "r.yusupov@minjust.uz",
            "Feb 26, 2026 04:40 PM",
            "approved",
            "Ministry of Justice",
            "Head of Department",
            "Uzbekistan",
        ],
    ]
    (HERE / "zoom_registration.csv").write_text(_csv(head) + _csv(rows), "utf-8")


def kobo_export() -> None:
    """KoboToolbox ▸ Downloads ▸ CSV (XML values): semicolons, start/end metadata, ISO codes
    in a select list, _id/_uuid/_submission_time columns."""
    rows = [
        [
            "start",
            "end",
            "today",
            "deviceid",
            "participant_name",
            "organisation",
            "country",
            "sex",
            "sector",
            "_id",
            "_uuid",
            "_submission_time",
            "_index",
        ],
        [
            "2026-03-10T08:55:01.000+07:00",
            "2026-03-10T08:57:40.000+07:00",
            "2026-03-10",
            "enketo.ee:abc",
            "Agus Santoso",
            "BNPT",
            "IDN",
            "male",
            "government",
            "101",
            "5f0c-aa",
            "2026-03-10T01:57:41",
            "1",
        ],
        [
            "2026-03-10T09:01:15.000+07:00",
            "2026-03-10T09:03:02.000+07:00",
            "2026-03-10",
            "enketo.ee:abd",
            "Siti Mariam Abdullah",
            "Institut Wanita Berdaya",
            "MYS",
            "female",
            "civil_society",
            "102",
            "5f0c-ab",
            "2026-03-10T02:03:03",
            "2",
        ],
        [
            "2026-03-10T09:05:00.000+07:00",
            "2026-03-10T09:06:10.000+07:00",
            "2026-03-10",
            "enketo.ee:abe",
            "Chea Sophal",
            "Cambodian Youth Peace Network",
            "KHM",
            "male",
            "civil_society",
            "103",
            "5f0c-ac",
            "2026-03-10T02:06:11",
            "3",
        ],
    ]
    (HERE / "kobo_export.csv").write_text(_csv(rows, ";"), "utf-8")


def _soffice() -> str:
    exe = shutil.which("soffice")
    if not exe:
        sys.exit("LibreOffice (soffice) is needed to rebuild the files it saves.")
    return exe


def _convert(source: Path, target_ext: str, filter_name: str) -> Path:
    out = Path(tempfile.mkdtemp())
    profile = Path(tempfile.mkdtemp()).as_uri()
    subprocess.run(
        [
            _soffice(),
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            f"{target_ext}:{filter_name}",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return out / (source.stem + "." + target_ext)


def libreoffice_formulas() -> None:
    """Full names and e-mails made by formulas, saved by LibreOffice (which stores each
    formula's result), and the same sheet as openpyxl writes it (formulas without results)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Registrations"
    ws.append(["First name", "Last name", "Full name", "Organisation", "Country", "E-mail"])
    people = [
        ("Azamat", "Isakov", "Search for Common Ground Kyrgyzstan", "Kyrgyzstan", "aisakov"),
        ("Dana", "Omarova", "Youth Initiatives Centre", "Kazakhstan", "domarova"),
        ("Shakhnoza", "Karimova", "Ministry of Internal Affairs", "Uzbekistan", "skarimova"),
    ]
    for i, (first, last, org, country, user) in enumerate(people, start=2):
        ws.append(
            [first, last, f'=A{i}&" "&B{i}', org, country, f'=LOWER("{user}")&"@example.org"']
        )
    raw = HERE / "generated_formulas.xlsx"
    wb.save(raw)
    saved = _convert(raw, "xlsx", "Calc MS Excel 2007 XML")
    shutil.copy(saved, HERE / "libreoffice_formulas.xlsx")


def unreadable() -> None:
    """Formats a roster arrives in that cannot be read, each to be named in the message."""
    source = HERE / "cp1251_russian.csv"
    tmp = Path(tempfile.mkdtemp()) / "registration.csv"
    tmp.write_bytes(source.read_bytes().decode("cp1251").encode("utf-8"))
    shutil.copy(_convert(tmp, "ods", "calc8"), HERE / "unreadable" / "registration.ods")
    shutil.copy(_convert(tmp, "xls", "MS Excel 97"), HERE / "unreadable" / "registration.xls")


def our_exports() -> None:
    """Our own CSV and XLSX export of a roster with values spreadsheets like to mangle."""
    sys.path.insert(0, str(HERE.parents[2]))
    from facilitator.exports import ExportOptions
    from facilitator.interchange.roster_export import export_csv, export_xlsx
    from facilitator.store.database import Workshop

    people = [
        {
            "name": "-Minus Start",
            "organisation": "=Equals Foundation",
            "country": "Kyrgyzstan",
            "phone": "+7 701 234 5678",
            "email": "minus@example.org",
            "role": "speaker",
            "sector": "civil_society",
            "gender": "other",
            "languages": '["English", "Русский"]',
            "notes": "Arrives late on day 1\nNeeds a visa letter",
        },
        {
            "name": "Nguyễn Thị Thu Hà",
            "honorific": "Dr",
            "job_title": "@Deputy Director",
            "organisation": "Ministry of Public Security",
            "country": "Viet Nam",
            "gender": "female",
            "sector": "government",
            "role": "participant",
        },
        {
            "name": "Siobhán O'Brien",
            "organisation": "'+Quoted on purpose",
            "country": "Ireland",
            "role": "observer",
        },
    ]
    with tempfile.TemporaryDirectory() as folder, Workshop(Path(folder) / "w.workshop") as ws:
        ws.people.write_import(people, [])
        export_csv(ws, HERE / "ours.csv", ExportOptions())
        export_xlsx(ws, HERE / "ours.xlsx", ExportOptions())


def main() -> None:
    (HERE / "unreadable").mkdir(exist_ok=True)
    google_forms()
    microsoft_forms()
    excel_title_rows()
    cp1251_russian()
    european_semicolon_bom()
    excel_unicode_text()
    eventbrite()
    zoom_registration()
    kobo_export()
    our_exports()
    if "--no-libreoffice" not in sys.argv:
        libreoffice_formulas()
        unreadable()


if __name__ == "__main__":
    main()
