"""Reading registration spreadsheets made by someone else: detect, parse, map, validate, plan.

Four steps, each usable on its own so the mapping dialog can show and correct them:

1. :func:`read_table` reads a CSV (any common encoding and delimiter) or XLSX into rows of text.
2. :func:`detect_mapping` finds the header row (even below title rows) and maps its columns to
   the app's fields from header names in English, French and Russian.
3. :func:`convert` turns rows into people, normalising country, gender, sector and role while
   keeping what was written, and lists every rejected row with its number and reason.
4. :func:`plan_import` matches them against people already present (same e-mail, or same
   normalised name and organisation) so duplicates update instead of doubling.

Pure Python (no Qt, no database): the store writes a plan in one transaction.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from facilitator.domain import people as dom
from facilitator.domain.errors import UserError
from facilitator.store import heap
from facilitator.store.people import PERSON_FIELDS

Progress = Callable[[float], None] | None

FIELDS: dict[str, str] = {
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "honorific": "Honorific",
    "job_title": "Job title",
    "organisation": "Organisation",
    "country": "Country",
    "sector": "Sector",
    "gender": "Gender",
    "role": "Role",
    "email": "E-mail",
    "phone": "Phone",
    "languages": "Languages",
    "notes": "Notes",
    "submitted": "Submitted at (time)",
}
IGNORE = ""
# Not a person's field: when the row was submitted (Google Forms "Timestamp", Microsoft Forms
# "Completion time", Kobo "_submission_time"…), which tells how old the row's values are.
SUBMITTED = "submitted"

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "full name",
        "name",
        "participant",
        "participant name",
        "nom complet",
        "nom et prénom",
        "prénom et nom",
        "nom prénom",
        "фио",
        "ф и о",
        "имя и фамилия",
        "фамилия имя",
        "фамилия имя отчество",
        "полное имя",
        "участник",
        "name surname",
        "names",
    ),
    "first_name": (
        "first name",
        "firstname",
        "given name",
        "given names",
        "forename",
        "prénom",
        "prenom",
        "prénoms",
        "имя",
    ),
    "last_name": (
        "last name",
        "lastname",
        "surname",
        "family name",
        "nom de famille",
        "nom",
        "фамилия",
    ),
    "honorific": (
        "title",
        "honorific",
        "salutation",
        "mr ms",
        "civilité",
        "titre",
        "обращение",
        "звание",
    ),
    "job_title": (
        "job title",
        "position",
        "function",
        "designation",
        "post",
        "fonction",
        "poste",
        "titre du poste",
        "должность",
        "позиция",
    ),
    "organisation": (
        "organisation",
        "organization",
        "institution",
        "agency",
        "affiliation",
        "ministry organisation",
        "company",
        "employer",
        "organisme",
        "structure",
        "организация",
        "учреждение",
        "ведомство",
        "место работы",
    ),
    "country": (
        "country",
        "nationality",
        "country of residence",
        "pays",
        "nationalité",
        "страна",
        "гражданство",
    ),
    "sector": (
        "sector",
        "type of organisation",
        "type of organization",
        "stakeholder group",
        "secteur",
        "catégorie",
        "сектор",
        "тип организации",
    ),
    "gender": ("gender", "sex", "genre", "sexe", "пол", "гендер"),
    "role": ("role", "participation", "capacity", "rôle", "роль", "статус"),
    "email": (
        "email",
        "e mail",
        "email address",
        "e mail address",
        "mail",
        "courriel",
        "adresse électronique",
        "adresse e mail",
        "электронная почта",
        "эл почта",
        "почта",
        "e mail адрес",
    ),
    "phone": (
        "phone",
        "telephone",
        "mobile",
        "phone number",
        "tel",
        "téléphone",
        "portable",
        "телефон",
        "моб телефон",
        "мобильный",
    ),
    "languages": (
        "languages",
        "language",
        "working languages",
        "langues",
        "langue",
        "языки",
        "язык",
    ),
    "submitted": (
        "timestamp",
        "horodateur",
        "horodatage",
        "отметка времени",
        "marca temporal",
        "zeitstempel",
        "completion time",
        "submission time",
        "submitted",
        "submitted at",
        "submission date",
        "submissiondate",
        "date submitted",
        "submission time utc",
        "order date",
        "registration time",
        "registration date",
        "время отправки",
    ),
    "notes": (
        "notes",
        "comments",
        "remarks",
        "dietary requirements",
        "remarques",
        "commentaires",
        "примечания",
        "комментарии",
    ),
}
_HEADER_INDEX: dict[str, str] = {}
for _field, _aliases in HEADER_ALIASES.items():
    for _alias in _aliases:
        _HEADER_INDEX.setdefault(dom.fold(_alias), _field)
_CONTAINS = sorted(
    ((a, f) for a, f in _HEADER_INDEX.items() if len(a) >= 4), key=lambda x: -len(x[0])
)


class RosterFileError(UserError):
    """A roster file that cannot be read; the message names the file and what to do."""


@dataclass
class Table:
    path: Path
    rows: list[list[str]]
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    # when the file was saved (a workbook's own "modified" property, else the file's time)
    saved_at: datetime | None = None
    # (row, column) → formula of cells that hold a formula but no saved value
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def describe(self) -> str:
        if self.sheet:
            return f"Excel workbook, sheet “{self.sheet}”, {len(self.rows)} rows"
        names = {",": "comma", ";": "semicolon", "\t": "tab"}
        return (
            f"text file, {self.encoding}, {names.get(self.delimiter, self.delimiter)}-separated, "
            f"{len(self.rows)} rows"
        )


@dataclass
class Mapping:
    header_row: int  # index into Table.rows; data starts on the next row
    columns: dict[int, str] = field(default_factory=dict)  # column index → field (or IGNORE)

    def fields(self) -> set[str]:
        return {f for f in self.columns.values() if f}

    def problem(self) -> str:
        """Why this mapping cannot import, or ''."""
        got = self.fields()
        if "name" not in got and not ({"first_name", "last_name"} & got):
            return "No column holds names: map a column to Full name, or First and Last name."
        dup = [f for f, n in Counter(f for f in self.columns.values() if f).items() if n > 1]
        if dup:
            return "Several columns are mapped to " + ", ".join(FIELDS[f] for f in dup) + "."
        return ""


@dataclass
class Row:
    row: int  # 1-based row number in the file (as a spreadsheet shows it)
    person: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    submitted: datetime | None = None  # the row's submitted-at time, when the file has one


@dataclass
class Rejected:
    row: int
    reason: str


# -- 1. reading --------------------------------------------------------------------------------
SAVE_AS_XLSX = "In Excel choose File ▸ Save As ▸ Excel Workbook (.xlsx) or CSV UTF-8, then import "
SAVE_AS_XLSX += "that file."
SAVE_FROM_CALC = (
    "In LibreOffice Calc choose File ▸ Save As ▸ Excel 2007-365 (.xlsx) or Text CSV, then "
    "import that file."
)
COPY_TO_SHEET = (
    "Copy its table into a spreadsheet (Excel or LibreOffice Calc), save that as .xlsx or CSV, "
    "and import it, or ask for the original spreadsheet."
)


def _unreadable(path: Path, what: str, how: str) -> RosterFileError:
    return RosterFileError(f"{path}: this is {what}, which cannot be imported. {how}")


def sniff(path: Path, data: bytes) -> str:
    """What a file is from its first bytes: "xlsx", "text", or raises with what to save it as.

    The content decides, not the name: a CSV named .xls is read, an HTML page named .xls is
    explained.
    """
    head = data[:8]
    if not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise RosterFileError(f"{path}: the file is empty.")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the Office 97–2003 container (also cut short)
    if head.startswith(cfb) or (len(data) < len(cfb) and cfb.startswith(data)):
        wide = data[:2_000_000]
        if "EncryptedPackage".encode("utf-16-le") in wide:
            raise _unreadable(
                path,
                "a password-protected Excel workbook",
                "Open it in Excel, remove the password (File ▸ Info ▸ Protect Workbook ▸ "
                "Encrypt with Password, clear the box), save it as .xlsx or CSV UTF-8, and "
                "import that file.",
            )
        if "WordDocument".encode("utf-16-le") in wide:
            raise _unreadable(path, "an old Word document (.doc)", COPY_TO_SHEET)
        raise _unreadable(path, "an old Excel workbook (.xls, Excel 97–2003)", SAVE_AS_XLSX)
    if head.startswith(b"%PDF"):
        raise _unreadable(path, "a PDF document", COPY_TO_SHEET)
    if head.startswith(b"{\\rtf"):
        raise _unreadable(path, "a rich-text document (.rtf)", COPY_TO_SHEET)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise _unreadable(path, "a picture", COPY_TO_SHEET)
    start = data[:2048].lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if start.startswith(b"\xff\xfe") or start.startswith(b"\xfe\xff"):
        start = data[:4096].decode("utf-16", "ignore").lstrip().lower().encode()
    xml_sheet = b"urn:schemas-microsoft-com:office:spreadsheet"
    if start.startswith(b"<?xml") and xml_sheet in data[:4096]:
        raise _unreadable(path, "an Excel 2003 XML spreadsheet", SAVE_AS_XLSX)
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head")) or (
        start.startswith(b"<?xml") and b"<html" in data[:4096].lower()
    ):
        raise _unreadable(
            path,
            "a web page (HTML) saved with a spreadsheet's name, as some registration sites export",
            "Open it in Excel or LibreOffice Calc and save it as .xlsx or CSV, then import that "
            "file.",
        )
    if start.startswith(b"mime-version:"):
        raise _unreadable(path, "a single-file web page (.mht)", SAVE_AS_XLSX)
    sample = data[:4000]
    if sample.count(0) > len(sample) // 4 and not _looks_utf16(sample):
        raise RosterFileError(
            f"{path}: this is not a spreadsheet or a text file. Import a CSV or an Excel "
            "workbook (.xlsx)."
        )
    return "text"


def _looks_utf16(sample: bytes) -> bool:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 4 and min(even, odd) < len(sample) // 20


def _sniff_zip(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "ignore") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise RosterFileError(
            f"{path}: the file is damaged (it cannot be unpacked). Open it in Excel or "
            "LibreOffice Calc, save it again as .xlsx, and import that file."
        ) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise _unreadable(path, "an Excel binary workbook (.xlsb)", SAVE_AS_XLSX)
    if "spreadsheet" in mimetype:
        raise _unreadable(path, "an OpenDocument spreadsheet (.ods)", SAVE_FROM_CALC)
    if "opendocument.text" in mimetype:
        raise _unreadable(path, "an OpenDocument text document (.odt)", COPY_TO_SHEET)
    if "word/document.xml" in names:
        raise _unreadable(path, "a Word document (.docx)", COPY_TO_SHEET)
    if any(n.startswith("ppt/") for n in names):
        raise _unreadable(path, "a PowerPoint presentation", COPY_TO_SHEET)
    if any(n.startswith("Index/") for n in names):
        raise _unreadable(
            path,
            "an Apple Numbers spreadsheet",
            "In Numbers choose File ▸ Export To ▸ Excel or CSV, then import that file.",
        )
    raise RosterFileError(
        f"{path}: this is a ZIP archive, not a spreadsheet. Unpack it and import the CSV or "
        ".xlsx file inside."
    )


@contextmanager
def bulk() -> Iterator[None]:
    """Cyclic garbage collection paused while a whole roster becomes objects.

    Every list and dict made per row is tracked by the collector; with tens of thousands of
    them alive its passes cost about 40% of reading and converting 50,000 rows, and find
    nothing (an import makes no reference cycles). Reference counting frees as usual.

    What was made meanwhile would still be young when the collector resumes: its next pass
    would walk all of it at once (0.1 s for 50,000 rows, holding the interpreter, so the
    window froze). It is moved to the oldest generation instead, without a pass (the heap
    held and let go, :mod:`facilitator.store.heap`), where only the collector's rare full
    passes look at it; while someone else holds the heap, it stays frozen with theirs.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            heap.hold()  # (constant time, as is letting go)
            heap.release()
            gc.enable()


def read_table(path: str | Path, progress: Progress = None) -> Table:
    """Read a roster file into rows of text, whatever its name says it is."""
    path = Path(path)
    if not path.is_file():
        raise RosterFileError(f"{path}: no such file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    kind = sniff(path, data)
    with bulk():
        table = _read_xlsx(path, progress) if kind == "xlsx" else parse_text(data, path)
    if table.saved_at is None:
        table.saved_at = _mtime(path)
    return table


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, ValueError, OverflowError):
        return None


def parse_text(data: bytes, path: Path = Path("roster.csv")) -> Table:
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise RosterFileError(f"{path}: the text encoding could not be recognised.") from exc
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise RosterFileError(f"{path}: the file is empty.")
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    if "'" in text:
        rows = [[unprotect(c) for c in r] for r in reader]
    else:  # no apostrophe anywhere: unprotect() is strip() for every cell
        rows = [[c.strip() for c in r] for r in reader]
    return Table(path, rows, _encoding_name(encoding), delimiter)


def unprotect(raw: str) -> str:
    """A CSV cell as written before a spreadsheet-safe export protected it, spaces trimmed.

    Our CSV export puts a tab before a value a spreadsheet would run as a formula (removed
    here with the other surrounding spaces); older exports put an apostrophe, removed when a
    formula character follows it, as nobody types "'+7 701…" on purpose. A value behind our
    tab is never touched further, so "'=x" written on purpose reads back as "'=x".
    """
    cell = raw.strip()
    if raw.startswith("\t") or len(cell) < 2:
        return cell
    if cell[0] == "'" and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


FORMULA_STARTS = ("=", "+", "-", "@")


def _encoding_name(codec: str) -> str:
    return {
        "utf-8-sig": "UTF-8 with BOM",
        "utf-8": "UTF-8",
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16 LE",
        "utf-16-be": "UTF-16 BE",
        "cp1251": "Windows-1251 (Cyrillic)",
        "cp1252": "Windows-1252 (Western)",
    }.get(codec, codec)


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), else Windows-1251 or -1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4000]
    if sample and sample.count(0) > len(sample) // 4:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        return "utf-16-be" if even > odd else "utf-16-le"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = [b for b in data[:200_000] if b >= 0x80]
    if not high:
        return "cp1252"
    # Russian text in cp1251 is mostly high bytes in the letter range 0xC0–0xFF in runs;
    # Western text in cp1252 has isolated accented letters between ASCII letters.
    cyr = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8))
    runs = 0
    prev_high = False
    for b in data[:200_000]:
        is_high = b >= 0xC0
        if is_high and prev_high:
            runs += 1
        prev_high = is_high
    if cyr / len(high) > 0.9 and runs > len(high) / 4:
        return "cp1251"
    return "cp1252"


def _first_lines(text: str, n: int) -> list[str]:
    """``text.splitlines()[:n]`` without splitting the whole of a long file."""
    size = 1 << 16
    while True:
        head = text[:size].splitlines()
        if len(head) > n or size >= len(text):
            return head[:n]
        size *= 4


def detect_delimiter(text: str) -> str:
    """The candidate giving the most rows with the same number (>1) of fields."""
    lines = [ln for ln in _first_lines(text, 60) if ln.strip()]
    sample = "\n".join(lines)
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t"):
        counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        score = freq * 1000 + width
        if score > best_score:
            best, best_score = delim, score
    return best


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letter(index: int) -> str:
    """0 → "A", 27 → "AB": how a spreadsheet names column ``index``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _read_xlsx(path: Path, progress: Progress) -> Table:
    """Cached values of formula cells (as Excel and LibreOffice save them), merged cells filled.

    A formula cell without a saved value (a file written by a program that does not
    calculate) is remembered, and a row that needs it is rejected with the formula named.
    """
    import zipfile

    try:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for bad files
        raise RosterFileError(
            f"{path}: cannot be read as an Excel workbook; it may be damaged "
            f"({exc.__class__.__name__}). Open it in Excel or LibreOffice Calc, save it "
            "again as .xlsx, and import that file."
        ) from exc
    try:
        sheet = wb.active if wb.active is not None else wb.worksheets[0]
        for ws in [sheet, *wb.worksheets]:
            if ws.max_row and ws.max_row > 1:
                sheet = ws
                break
        total = sheet.max_row or 1
        rows: list[list[str]] = []
        for i, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True)):
            rows.append([_cell(v) for v in values])
            if progress and i % 5000 == 0:
                progress(min(0.5, 0.5 * i / total))
        saved_at = wb.properties.modified if wb.properties else None
        part = getattr(sheet, "_worksheet_path", "")
        title = sheet.title
    finally:
        wb.close()
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read(part) if part else b""
    except (KeyError, OSError, zipfile.BadZipFile):
        xml = b""
    _fill_merged(rows, xml)
    formulas = _uncalculated(path, title, rows) if _FORMULA_TAG.search(xml) else {}
    while rows and not any(rows[-1]):
        rows.pop()
    if isinstance(saved_at, datetime) and saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=UTC)  # core properties are written in UTC
    return Table(path, rows, sheet=title, saved_at=saved_at, formulas=formulas)


def _fill_merged(rows: list[list[str]], xml: bytes) -> None:
    """Give every cell of a merged range its value: a country merged down a delegation's rows,
    a header merged across the two columns it names."""
    for m in _MERGE.finditer(xml):
        c1, r1 = _column_number(m.group(1)) - 1, int(m.group(2)) - 1
        c2 = _column_number(m.group(3)) - 1 if m.group(3) else c1
        r2 = int(m.group(4)) - 1 if m.group(4) else r1
        if r1 >= len(rows) or (r2 - r1 + 1) * (c2 - c1 + 1) > 1_000_000:
            continue
        top = rows[r1]
        value = top[c1] if c1 < len(top) else ""
        if not value:
            continue
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                if not row[c]:
                    row[c] = value


def _uncalculated(path: Path, title: str, rows: list[list[str]]) -> dict[tuple[int, int], str]:
    """(row, column) → formula, for formula cells the file holds no saved value of."""
    from openpyxl import load_workbook

    out: dict[tuple[int, int], str] = {}
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = wb[title]
        for r, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True)):
            if r >= len(rows):
                break
            for c, v in enumerate(values):
                if (
                    isinstance(v, str)
                    and v.startswith("=")
                    and not (c < len(rows[r]) and rows[r][c])
                ):
                    out[(r, c)] = v
    finally:
        wb.close()
    return out


# -- 2. mapping --------------------------------------------------------------------------------
def field_for_header(header: str) -> str:
    key = dom.fold(header)
    if not key:
        return IGNORE
    if key in _HEADER_INDEX:
        return _HEADER_INDEX[key]
    for alias, fld in _CONTAINS:
        if f" {alias} " in f" {key} ":
            return fld
    return IGNORE


def map_header(cells: list[str]) -> dict[int, str]:
    columns: dict[int, str] = {}
    used: set[str] = set()
    for i, cell in enumerate(cells):
        fld = field_for_header(cell)
        if fld and fld not in used:
            columns[i] = fld
            used.add(fld)
        else:
            columns[i] = IGNORE
    return columns


def detect_mapping(table: Table) -> Mapping:
    """The row among the first 30 whose cells best match known header names."""
    best, best_score = 0, 0
    for i, row in enumerate(table.rows[:30]):
        score = sum(1 for f in map_header(row).values() if f)
        if score > best_score:
            best, best_score = i, score
    if best_score == 0:
        for i, row in enumerate(table.rows[:30]):
            if sum(1 for c in row if c) >= 2:
                best = i
                break
    return Mapping(best, map_header(table.rows[best]) if table.rows else {})


def headers(table: Table, mapping: Mapping) -> list[str]:
    row = table.rows[mapping.header_row] if table.rows else []
    width = max(
        (len(r) for r in table.rows[mapping.header_row : mapping.header_row + 200]),
        default=len(row),
    )
    return [row[i] if i < len(row) and row[i] else f"Column {i + 1}" for i in range(width)]


# -- 3. converting -----------------------------------------------------------------------------
def _split_languages(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace(";", ",").replace("/", ",").split(",")]
    return [p for p in parts if p]


_TIME_FORMATS = (
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d",
    "%m/%d/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%d/%m/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%m/%d/%y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M:%S",
    "%d %b %Y %H:%M",
)


def submission_times(texts: list[str]) -> list[datetime | None]:
    """The submitted-at column as times (UTC), or None where it cannot be read for sure.

    One format must read the whole column; a column that reads both day-first and
    month-first ("03/04/2026") is ambiguous and not used. Times without a zone are local.
    """
    values = [t.strip() for t in texts]
    present = [v for v in values if v]
    if not present:
        return [None] * len(values)
    fits = []
    for fmt in _TIME_FORMATS:
        try:
            parsed = [datetime.strptime(v, fmt) for v in present]
        except ValueError:
            continue
        fits.append((fmt, parsed))
    if not fits:
        return [None] * len(values)
    fmt, parsed = fits[0]
    if "%m/%d" in fmt or "%d/%m" in fmt:
        other = fmt.replace("%m/%d", "%D").replace("%d/%m", "%m/%d").replace("%D", "%d/%m")
        if any(f == other and p != parsed for f, p in fits):
            return [None] * len(values)
    times = iter(parsed)
    out: list[datetime | None] = []
    for v in values:
        if not v:
            out.append(None)
            continue
        t = next(times)
        out.append(t.astimezone(UTC) if t.tzinfo else t.astimezone().astimezone(UTC))
    return out


_LOOKS_LIKE_META = re.compile(r"^[\d\s:./\-+TZAPMapm,]+$")


def convert(
    table: Table, mapping: Mapping, progress: Progress = None
) -> tuple[list[Row], list[Rejected]]:
    """Rows of the file as people, and the rows that cannot be imported with why.

    A row without a value in any person column is skipped as empty when all it holds is a
    time or a number (a form submitted blank leaves only its timestamp); with other text it
    is rejected, as the mapping probably missed a column.
    """
    problem = mapping.problem()
    if problem:
        raise RosterFileError(f"{table.path}: {problem}")
    with bulk():
        return _convert(table, mapping, progress)


def _convert(
    table: Table, mapping: Mapping, progress: Progress
) -> tuple[list[Row], list[Rejected]]:
    cols = [(i, f) for i, f in sorted(mapping.columns.items()) if f and f != SUBMITTED]
    when_col = next((i for i, f in mapping.columns.items() if f == SUBMITTED), None)
    file_name = table.path.name
    rows: list[Row] = []
    rejected: list[Rejected] = []
    start = mapping.header_row + 1
    data = table.rows[start:]
    total = max(1, len(data))
    first_number = mapping.header_row + 2
    times: list[datetime | None] = [None] * len(data)
    if when_col is not None:
        times = submission_times([c[when_col] if when_col < len(c) else "" for c in data])
    formulas = table.formulas
    for k, cells in enumerate(data):
        number = first_number + k
        if progress and k % 5000 == 0:
            progress(0.5 + 0.4 * k / total)
        n = len(cells)
        values = {f: cells[i] for i, f in cols if i < n and cells[i]}
        missing = formulas and [
            f"{FIELDS[f]} (column {column_letter(i)}) holds the formula {formula}"
            for i, f in cols
            if (formula := formulas.get((start + k, i)))
        ]
        if missing:
            rejected.append(
                Rejected(
                    number,
                    "; ".join(missing) + " but no saved result. Open the file in Excel or "
                    "LibreOffice Calc, save it, and import it again.",
                )
            )
            continue
        if not values:
            other = [c for i, c in enumerate(cells) if c and i != when_col]
            if other and not all(_LOOKS_LIKE_META.match(c) for c in other):
                rejected.append(Rejected(number, "no value in any mapped column"))
            continue
        result = _person(values, number, file_name)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            result.submitted = times[k]
            rows.append(result)
    return rows, rejected


_NO_EMAIL = {"anonymous", "n a", "na", "none", "no", "нет", "aucun", "aucune"}


# the fields written as they are but for runs of spaces, and the fields normalised to a
# key (what was written is kept in the row's provenance), each with what an unknown value says
_SPACED = ("honorific", "job_title", "organisation", "phone")
_NORMALISED = (
    ("country", dom.normalise_country, "country “{}” is not in the list; kept as written"),
    ("gender", dom.normalise_gender, FIELDS["gender"].lower() + " “{}” not recognised"),
    ("sector", dom.normalise_sector, FIELDS["sector"].lower() + " “{}” not recognised"),
    ("role", dom.normalise_role, FIELDS["role"].lower() + " “{}” not recognised"),
)


def _person(values: dict[str, str], number: int, file_name: str) -> Row | Rejected:
    get = values.get
    name = " ".join(get("name", "").split())  # dom.clean_name, once per row of 50,000
    if not name:
        name = dom.join_name(get("first_name", ""), get("last_name", ""))
    if not name:
        return Rejected(number, "no name (the name columns are empty)")
    if len(name) > 200:
        return Rejected(number, f"name is {len(name)} characters long; is a column mis-mapped?")
    email = get("email", "").strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    # Microsoft Forms writes "anonymous" for anonymous forms (an address with "@" never folds
    # to one of these words, so it is not folded)
    if "@" not in email and dom.fold(email) in _NO_EMAIL:
        email = ""
    if email and not dom.valid_email(email):
        return Rejected(number, f"e-mail “{email}” is not a valid address")
    warnings: list[str] = []
    source: dict[str, Any] = {"row": number, "file": file_name}
    person: dict[str, Any] = {"name": name, "email": email}
    for key in _SPACED:
        value = get(key)
        if value is not None:
            person[key] = " ".join(value.split())
    if "notes" in values:
        person["notes"] = values["notes"]
    if "phone" in person and not any(ch.isdigit() for ch in person["phone"]):
        person["phone"] = ""  # "-", "нет", "n/a": no number given
    for key, normalise, unknown in _NORMALISED:
        written = get(key)
        if written is None:
            continue
        value, known = normalise(written)
        person[key] = value
        if value != written:
            source[key] = written
        if not known:
            warnings.append(unknown.format(written))
    if "languages" in values:
        person["languages"] = json.dumps(_split_languages(values["languages"]), ensure_ascii=False)
    person["source"] = source
    return Row(number, person, warnings)


# -- 4. planning against people already present ------------------------------------------------
# How a value in the file meets the value in the roster (see README, "Importing again"):
#
# 1. The same, or the same written worse (no accents, capitals, other word order, fewer name
#    parts): the roster keeps its value, improved word by word where the file writes a
#    word better ("Tran Van Duc" + "Đức Trần Văn" → "Trần Văn Đức").
# 2. The file says what it said when this field was last imported (``source["imported"]``
#    remembers that value): the roster's value is a correction made since; it is kept.
# 3. The person was edited here after the file's data was written — the row's submitted-at
#    time, else the file's saved time — (the row's edit history, ``row_history`` with
#    ``updated`` and ``created``, less the stamps the imports wrote): the roster is newer;
#    it is kept.
# 4. Otherwise the file's value is an update (notes and languages are combined).
#
# Every kept and every taken value is shown old → new in the preview, where the user can
# choose the other way for each field.
KEEP, TAKE, BEST, BOTH = "keep", "take", "best", "both"
CHOICES = {
    KEEP: "Keep the roster's",
    TAKE: "Take the file's",
    BEST: "Best of both",  # the roster's words with the file's better spelling, or the reverse
    BOTH: "Keep both",  # notes and languages: the roster's and the file's together
}
_TEXT_FIELDS = ("name", "honorific", "job_title", "organisation")
_COMBINED = ("notes", "languages")


@dataclass
class FieldChange:
    """One field where the file differs from the roster, and what the import does with it."""

    field: str
    current: str  # the roster's value
    incoming: str  # the file's value (normalised as the import stores it)
    proposed: str  # what BEST writes: the better written of both, word by word
    choice: str  # KEEP, TAKE, BEST or BOTH
    reason: str
    combined: str = ""  # what BOTH writes (notes, languages)

    def options(self) -> list[str]:
        out = [KEEP, TAKE]
        if self.proposed not in (self.current, self.incoming):
            out.append(BEST)
        if self.combined and self.combined not in (self.current, self.incoming):
            out.append(BOTH)
        return out

    def value(self) -> str | None:
        """What the import writes for this field, or None to leave it."""
        written = {
            TAKE: self.incoming,
            BEST: self.proposed,
            BOTH: self.combined,
        }.get(self.choice)
        return written if written and written != self.current else None


@dataclass
class Update:
    """A row of the file that matches someone in the roster."""

    person_id: str
    row: Row
    changes: list[FieldChange] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)  # the person's provenance, updated

    def values(self) -> dict[str, Any]:
        """The fields to write (the user's choices applied); empty when nothing changes."""
        return {c.field: v for c in self.changes if (v := c.value()) is not None}

    def kept(self) -> list[FieldChange]:
        return [c for c in self.changes if c.value() is None]


@dataclass
class ImportPlan:
    file: str
    adds: list[Row] = field(default_factory=list)
    matched: list[Update] = field(default_factory=list)
    merged: list[tuple[Row, int, str]] = field(default_factory=list)  # row, into row, why
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def updates(self) -> list[Update]:
        """Matched rows that change the roster, with the choices made so far."""
        return [u for u in self.matched if u.values()]

    @property
    def unchanged(self) -> list[Update]:
        return [u for u in self.matched if not u.values()]

    def summary(self) -> str:
        parts = [f"{len(self.adds)} to add", f"{len(self.updates)} to update"]
        unchanged = self.unchanged
        if unchanged:
            kept = sum(1 for u in unchanged if u.changes)
            text = f"{len(unchanged)} already up to date"
            if kept:
                text += f" ({kept} keeping the roster's better or newer values)"
            parts.append(text)
        if self.merged:
            parts.append(f"{len(self.merged)} repeated in the file (merged)")
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)


def _name_key(person: dict[str, Any]) -> str:
    return dom.name_key(person.get("name", ""), person.get("organisation", "") or "")


# fields an import compares with the roster (the import's own provenance is not one of them)
_COMPARED = tuple(f for f in PERSON_FIELDS if f != "source")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _languages(value: str) -> list[str]:
    try:
        items = json.loads(value or "[]")
    except ValueError:
        return [value] if value else []
    return [str(i) for i in items] if isinstance(items, list) else []


def _equivalent(key: str, current: str, incoming: str) -> tuple[str, str]:
    """(relation, best value) of a roster value and a file value of field ``key``."""
    if current == incoming:
        return dom.SAME, current
    if key in _TEXT_FIELDS:
        return dom.relate(current, incoming)
    if key == "email":
        same = dom.email_key(current) == dom.email_key(incoming)
        return (dom.SPELLING, current) if same else (dom.OTHER, incoming)
    if key == "phone":
        same = dom.phone_digits(current) == dom.phone_digits(incoming) != ""
        return (dom.SPELLING, current) if same else (dom.OTHER, incoming)
    if key == "languages":
        ours, theirs = _languages(current), _languages(incoming)
        folded = {dom.fold(x) for x in ours}
        if all(dom.fold(x) in folded for x in theirs):
            return dom.FEWER, current
        return dom.OTHER, incoming
    if key == "notes":
        if dom.fold(incoming) in dom.fold(current):
            return dom.FEWER, current
        return dom.OTHER, incoming
    if key == "gender" and dom.gender_key(current) == dom.gender_key(incoming):
        return dom.SAME, current
    return dom.OTHER, incoming


def _combine(key: str, current: str, incoming: str) -> str:
    if key == "languages":
        ours = _languages(current)
        folded = {dom.fold(x) for x in ours}
        extra = [x for x in _languages(incoming) if dom.fold(x) not in folded]
        return json.dumps([*ours, *extra], ensure_ascii=False)
    if not current.strip():
        return incoming
    if dom.fold(current) in dom.fold(incoming):
        return incoming
    return f"{current}\n{incoming}"


def _stamp_time(stamp: str) -> datetime | None:
    try:
        t = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _day(t: datetime | str) -> str:
    when = _stamp_time(t) if isinstance(t, str) else t
    return when.astimezone().strftime("%d %b %Y %H:%M") if when else str(t)


def _edited_after(
    person: dict[str, Any],
    history: dict[str, list[str]],
    source: dict[str, Any],
    when: datetime | None,
) -> datetime | None:
    """The latest edit made here (not by an import) after ``when``, if any."""
    if when is None:
        return None
    machine = set(source.get("import_stamps", []))
    stamps = {
        *history.get(person["id"], []),
        person.get("updated") or "",
        person.get("created") or "",
    }
    latest = None
    for stamp in stamps - machine:
        t = _stamp_time(stamp)
        if t is not None and t > when and (latest is None or t > latest):
            latest = t
    return latest


def _resolve(
    person: dict[str, Any],
    row: Row,
    history: dict[str, list[str]],
    saved_at: datetime | None,
) -> Update:
    source = dict(_load_json(person.get("source")))
    baseline: dict[str, Any] = dict(source.get("imported") or {})
    when = row.submitted or saved_at
    edited = _edited_after(person, history, source, when)
    update = Update(person["id"], row)
    for key in _COMPARED:
        if key not in row.person:
            continue
        incoming = _text(row.person[key])
        if incoming in ("", "[]"):
            continue
        current = _text(person.get(key))
        relation, best = _equivalent(key, current, incoming)
        if relation == dom.SAME:
            continue
        combined = _combine(key, current, incoming) if key in _COMBINED else ""
        if combined in (current, incoming):
            combined = ""
        default = BOTH if combined else BEST if best not in (current, incoming) else TAKE
        if current in ("", "[]"):
            choice, reason, combined = TAKE, "not in the roster yet", ""
        elif relation in (dom.SPELLING, dom.ORDER, dom.FEWER):
            reasons = {
                dom.SPELLING: "written better here" if best == current else "better written",
                dom.ORDER: "the same name in another order",
                dom.FEWER: "the roster holds more",
            }
            choice = KEEP if best == current else TAKE if best == incoming else BEST
            reason = reasons[relation]
            if choice == BEST:
                reason += "; the roster's words, improved by the file's spelling"
        elif key in baseline and _text(baseline[key]) == incoming:
            choice = KEEP
            reason = "corrected here since this value was imported"
        elif edited is not None:
            choice = KEEP
            reason = f"edited here on {_day(edited)}, after the file's data ({_day(when)})"
        else:
            choice = default
            reason = "changed in the file"
        update.changes.append(FieldChange(key, current, incoming, best, choice, reason, combined))
    update.source = source
    return update


def plan_import(
    file: str,
    rows: Iterable[Row],
    rejected: list[Rejected],
    existing: Iterable[dict[str, Any]],
    progress: Progress = None,
    *,
    history: dict[str, list[str]] | None = None,
    saved_at: datetime | None = None,
) -> ImportPlan:
    """Decide, row by row, whether it adds a person, updates one, or repeats an earlier row.

    ``history``: person id → earlier ``updated`` stamps (the store's ``row_history``);
    ``saved_at``: when the file was saved. Both tell a file older than a correction.
    """
    with bulk():
        return _plan(file, rows, rejected, existing, progress, history or {}, saved_at)


def _plan(
    file: str,
    rows: Iterable[Row],
    rejected: list[Rejected],
    existing: Iterable[dict[str, Any]],
    progress: Progress,
    history: dict[str, list[str]],
    saved_at: datetime | None,
) -> ImportPlan:
    plan = ImportPlan(file, rejected=list(rejected))
    rows = list(rows)
    existing = list(existing)
    email_key = dom.email_key
    row_emails = [email_key(r.person.get("email", "") or "") for r in rows]
    old_emails = [email_key(p.get("email", "") or "") for p in existing]
    # Two people of one name and organisation are the same only when one of them has no
    # e-mail (equal addresses match first): where everyone has one, names never decide,
    # and folding 50,000 names for nothing is a third of planning.
    by_names = not (all(row_emails) and all(old_emails))
    by_email: dict[str, dict[str, Any]] = {}
    by_name: dict[str, list[dict[str, Any]]] = {}
    current: dict[str, dict[str, Any]] = {}
    for p, email in zip(existing, old_emails, strict=True):
        current[p["id"]] = p
        if email:
            by_email.setdefault(email, p)
        if by_names:
            by_name.setdefault(_name_key(p), []).append(p)
    seen_email: dict[str, Row] = {}
    seen_name: dict[str, list[Row]] = {}
    targets: dict[int, str] = {}  # id(row) → existing person id, for rows that update
    taken: set[str] = set()  # people already matched by an earlier row
    kept: list[Row] = []
    for row, email in zip(rows, row_emails, strict=True):
        nk = _name_key(row.person) if by_names else ""
        earlier = seen_email.get(email) if email else None
        why = "same e-mail" if earlier else ""
        if earlier is None and by_names:
            earlier = _same_name(seen_name.get(nk, []), email, lambda r: r.person)
            why = "same name and organisation" if earlier else ""
        if earlier is not None:
            _merge_into(earlier.person, row.person)
            plan.merged.append((row, earlier.row, why))
            e2 = dom.email_key(earlier.person.get("email", "") or "")
            if e2:
                seen_email.setdefault(e2, earlier)
            continue
        if email:
            seen_email[email] = row
        if by_names:
            seen_name.setdefault(nk, []).append(row)
        match = by_email.get(email) if email else None
        if match is None and by_names:
            match = _same_name(by_name.get(nk, []), email, lambda p: p)
        if match is not None and match["id"] not in taken:
            targets[id(row)] = match["id"]
            taken.add(match["id"])
        kept.append(row)
    for row in kept:
        pid = targets.get(id(row))
        if pid is None:
            plan.adds.append(row)
        else:
            plan.matched.append(_resolve(current[pid], row, history, saved_at))
    if progress:
        progress(1.0)
    return plan


def _same_name(candidates: list[Any], email: str, person: Callable[[Any], dict]) -> Any:
    """The first candidate of the same name and organisation whose e-mail does not differ:
    two people with one name at one organisation but their own addresses are two people."""
    for c in candidates:
        other = dom.email_key(person(c).get("email", "") or "")
        if not email or not other or other == email:
            return c
    return None


def _merge_into(target: dict[str, Any], later: dict[str, Any]) -> None:
    """A later row repeating a person fills in and corrects what the earlier row gave,
    keeping the better written of two spellings of the same value."""
    for k, v in later.items():
        if k == "source":
            src = dict(target.get("source", {}))
            rows = src.get("rows", [src.get("row")])
            src.update({kk: vv for kk, vv in v.items() if kk not in ("row", "file")})
            src["rows"] = [*rows, v.get("row")]
            target["source"] = src
            continue
        if v in ("", None, "[]"):
            continue
        have = _text(target.get(k))
        if not have:
            target[k] = v
            continue
        relation, best = _equivalent(k, have, _text(v))
        if relation in (dom.SPELLING, dom.ORDER, dom.FEWER, dom.MORE):
            target[k] = best
        elif k in _COMBINED:
            target[k] = _combine(k, have, _text(v))
        else:
            target[k] = v


def imported_source(update_or_row: Update | Row, stamp: str) -> dict[str, Any]:
    """The provenance to store with a person an import writes: where the row came from,
    what the file said for each field (the baseline of the next import), and the stamp.
    """
    if isinstance(update_or_row, Update):
        source = dict(update_or_row.source)
        row = update_or_row.row
    else:
        source, row = {}, update_or_row
    written = dict(row.person.get("source") or {})
    source.update(written)
    baseline = dict(source.get("imported") or {})
    person = row.person
    for key in _COMPARED:
        if key in person:
            value = _text(person[key])
            if value not in ("", "[]"):
                baseline[key] = value
    source["imported"] = baseline
    source["imported_at"] = stamp
    source["import_stamps"] = [*source.get("import_stamps", []), stamp][-20:]
    return source


_ENCODE = json.encoder.encode_basestring  # a str as json.dumps(…, ensure_ascii=False) writes it
_BASELINE_KEYS = {key: _ENCODE(key) + ": " for key in _COMPARED}
_IMPORT_KEYS = frozenset(("imported", "imported_at", "import_stamps"))
_OWN_KEYS = {key: _ENCODE(key) + ": " for key in ("row", "file", *_COMPARED)}


def imported_source_text(row: Row, stamp: str, fields: Iterable[str] = _COMPARED) -> str:
    """``json.dumps(imported_source(row, stamp), ensure_ascii=False)`` for a row the import
    adds, written straight to text (see :class:`ImportedSource`)."""
    return ImportedSource(stamp, fields)(row)


class ImportedSource:
    """The provenance of each row an import adds, as the text ``json.dumps(imported_source(
    row, stamp), ensure_ascii=False)`` writes, made without the dicts and the encoder's walk:
    an import of 50,000 rows makes one per row, and they cost more than writing the rows.

    ``fields``: the compared fields any row of the import gives, in :data:`_COMPARED` order
    (the others are looked at for nothing). A row whose values or own provenance hold
    anything but text and numbers (a row merged from repeats lists their rows) takes the
    general way; the text is the same either way.
    """

    def __init__(self, stamp: str, fields: Iterable[str] = _COMPARED) -> None:
        self.stamp = stamp
        self.prefixes = [(key, _BASELINE_KEYS[key]) for key in fields]
        when = _ENCODE(stamp)
        self.tail = f'}}, "imported_at": {when}, "import_stamps": [{when}]}}'
        self.encoded: dict[str, str] = {}  # the file's name and the values it spells otherwise

    def _general(self, row: Row) -> str:
        return json.dumps(imported_source(row, self.stamp), ensure_ascii=False)

    def __call__(self, row: Row) -> str:
        person = row.person
        get = person.get
        head: list[str] = []
        own = get("source")
        if own:
            encoded = self.encoded
            for key, value in own.items():
                kind = type(value)
                if kind is str:
                    text = encoded.get(value) or encoded.setdefault(value, _ENCODE(value))
                elif kind is int:
                    text = str(value)
                else:
                    return self._general(row)
                if key in _IMPORT_KEYS:
                    return self._general(row)
                head.append((_OWN_KEYS.get(key) or f"{_ENCODE(key)}: ") + text)
        try:  # a value that is not text (a number, even 0) raises: the general way
            baseline = [
                prefix + _ENCODE(value)
                for key, prefix in self.prefixes
                if (value := get(key)) is not None and value != "" and value != "[]"
            ]
        except TypeError:
            return self._general(row)
        head.append('"imported": {' + ", ".join(baseline))
        return "{" + ", ".join(head) + self.tail


def _load_json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        out = json.loads(value or "{}")
    except (TypeError, ValueError):
        return {}
    return out if isinstance(out, dict) else {}


def load_and_plan(
    path: str | Path,
    existing: Iterable[dict[str, Any]],
    progress: Progress = None,
    history: dict[str, list[str]] | None = None,
) -> tuple[Table, Mapping, ImportPlan]:
    """Everything the CLI needs in one call; the dialog calls the steps itself."""
    table = read_table(path, progress)
    mapping = detect_mapping(table)
    rows, rejected = convert(table, mapping, progress)
    plan = plan_import(
        Path(path).name,
        rows,
        rejected,
        existing,
        progress,
        history=history,
        saved_at=table.saved_at,
    )
    return table, mapping, plan
