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
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.domain import people as dom
from facilitator.domain.errors import UserError
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
}
IGNORE = ""

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


@dataclass
class Rejected:
    row: int
    reason: str


@dataclass
class ImportPlan:
    file: str
    adds: list[Row] = field(default_factory=list)
    updates: list[tuple[str, Row, dict[str, Any]]] = field(default_factory=list)  # id, row, new
    unchanged: list[tuple[str, Row]] = field(default_factory=list)
    merged: list[tuple[Row, int, str]] = field(default_factory=list)  # row, into row, why
    rejected: list[Rejected] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.adds)} to add", f"{len(self.updates)} to update"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} already up to date")
        if self.merged:
            parts.append(f"{len(self.merged)} repeated in the file (merged)")
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)


# -- 1. reading --------------------------------------------------------------------------------
def read_table(path: str | Path, progress: Progress = None) -> Table:
    path = Path(path)
    if not path.is_file():
        raise RosterFileError(f"{path}: no such file.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, progress)
    if suffix == ".xls":
        raise RosterFileError(
            f"{path}: old Excel (.xls) files cannot be read. In Excel choose File ▸ Save As ▸ "
            "Excel Workbook (.xlsx) or CSV, then import that file."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, progress)
    return parse_text(data, path)


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
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Table(path, rows, _encoding_name(encoding), delimiter)


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


def detect_delimiter(text: str) -> str:
    """The candidate giving the most rows with the same number (>1) of fields."""
    lines = [ln for ln in text.splitlines()[:60] if ln.strip()]
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
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path, progress: Progress) -> Table:
    try:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for bad files
        raise RosterFileError(
            f"{path}: cannot be read as an Excel workbook ({exc.__class__.__name__}: {exc})."
        ) from exc
    try:
        sheet = wb.active if wb.active is not None else wb.worksheets[0]
        for ws in [sheet, *wb.worksheets]:
            if ws.max_row and ws.max_row > 1:
                sheet = ws
                break
        total = sheet.max_row or 1
        rows: list[list[str]] = []
        for i, values in enumerate(sheet.iter_rows(values_only=True)):
            rows.append([_cell(v) for v in values])
            if progress and i % 5000 == 0:
                progress(min(0.5, 0.5 * i / total))
        while rows and not any(rows[-1]):
            rows.pop()
        return Table(path, rows, sheet=sheet.title)
    finally:
        wb.close()


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


def convert(
    table: Table, mapping: Mapping, progress: Progress = None
) -> tuple[list[Row], list[Rejected]]:
    problem = mapping.problem()
    if problem:
        raise RosterFileError(f"{table.path}: {problem}")
    cols = [(i, f) for i, f in sorted(mapping.columns.items()) if f]
    file_name = table.path.name
    rows: list[Row] = []
    rejected: list[Rejected] = []
    data = table.rows[mapping.header_row + 1 :]
    total = max(1, len(data))
    first_number = mapping.header_row + 2
    for k, cells in enumerate(data):
        number = first_number + k
        if progress and k % 5000 == 0:
            progress(0.5 + 0.4 * k / total)
        n = len(cells)
        values = {f: cells[i] for i, f in cols if i < n and cells[i]}
        if not values:
            if any(cells):
                rejected.append(Rejected(number, "no value in any mapped column"))
            continue
        result = _person(values, number, file_name)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            rows.append(result)
    return rows, rejected


def _person(values: dict[str, str], number: int, file_name: str) -> Row | Rejected:
    name = dom.clean_name(values.get("name", ""))
    if not name:
        name = dom.join_name(values.get("first_name", ""), values.get("last_name", ""))
    if not name:
        return Rejected(number, "no name (the name columns are empty)")
    if len(name) > 200:
        return Rejected(number, f"name is {len(name)} characters long; is a column mis-mapped?")
    email = values.get("email", "").strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    if email and not dom.valid_email(email):
        return Rejected(number, f"e-mail “{email}” is not a valid address")
    warnings: list[str] = []
    source: dict[str, Any] = {"row": number, "file": file_name}
    person: dict[str, Any] = {"name": name, "email": email}
    for key in ("honorific", "job_title", "organisation", "phone", "notes"):
        if key in values:
            person[key] = dom.clean_name(values[key]) if key != "notes" else values[key]
    if "country" in values:
        written = values["country"]
        person["country"], known = dom.normalise_country(written)
        if person["country"] != written:
            source["country"] = written
        if not known:
            warnings.append(f"country “{written}” is not in the list; kept as written")
    for key, fn in (
        ("gender", dom.normalise_gender),
        ("sector", dom.normalise_sector),
        ("role", dom.normalise_role),
    ):
        if key in values:
            written = values[key]
            person[key], known = fn(written)
            if person[key] != written:
                source[key] = written
            if not known:
                warnings.append(f"{FIELDS[key].lower()} “{written}” not recognised")
    if "languages" in values:
        person["languages"] = json.dumps(_split_languages(values["languages"]), ensure_ascii=False)
    person["source"] = source
    return Row(number, person, warnings)


# -- 4. planning against people already present ------------------------------------------------
def _keys(person: dict[str, Any]) -> tuple[str, str]:
    email = dom.email_key(person.get("email", "") or "")
    return email, dom.name_key(person.get("name", ""), person.get("organisation", "") or "")


# fields an import compares with the roster (the import's own provenance is not one of them)
_COMPARED = tuple(f for f in PERSON_FIELDS if f != "source")


def plan_import(
    file: str,
    rows: Iterable[Row],
    rejected: list[Rejected],
    existing: Iterable[dict[str, Any]],
    progress: Progress = None,
) -> ImportPlan:
    """Decide, row by row, whether it adds a person, updates one, or repeats an earlier row."""
    plan = ImportPlan(file, rejected=list(rejected))
    by_email: dict[str, dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    current: dict[str, dict[str, Any]] = {}
    for p in existing:
        email, nk = _keys(p)
        current[p["id"]] = p
        if email:
            by_email.setdefault(email, p)
        by_name.setdefault(nk, p)
    seen_email: dict[str, Row] = {}
    seen_name: dict[str, Row] = {}
    targets: dict[int, str] = {}  # id(row) → existing person id, for rows that update
    kept: list[Row] = []
    for row in rows:
        email, nk = _keys(row.person)
        earlier = seen_email.get(email) if email else None
        why = "same e-mail" if earlier else ""
        if earlier is None and nk in seen_name:
            earlier, why = seen_name[nk], "same name and organisation"
        if earlier is not None:
            _merge_into(earlier.person, row.person)
            plan.merged.append((row, earlier.row, why))
            e2, n2 = _keys(earlier.person)
            if e2:
                seen_email.setdefault(e2, earlier)
            continue
        if email:
            seen_email[email] = row
        seen_name[nk] = row
        match = by_email.get(email) if email else None
        if match is None:
            match = by_name.get(nk)
        if match is not None:
            targets[id(row)] = match["id"]
        kept.append(row)
    for row in kept:
        pid = targets.get(id(row))
        if pid is None:
            plan.adds.append(row)
            continue
        old = current[pid]
        new = {
            k: v
            for k, v in row.person.items()
            if k in _COMPARED and v not in ("", None, "[]") and str(v) != str(old.get(k, ""))
        }
        if new:
            source = dict(_load_json(old.get("source")))
            source.update(row.person.get("source", {}))
            new["source"] = source
            plan.updates.append((pid, row, new))
        else:
            plan.unchanged.append((pid, row))
    if progress:
        progress(1.0)
    return plan


def _merge_into(target: dict[str, Any], later: dict[str, Any]) -> None:
    """A later row repeating a person fills in and corrects what the earlier row gave."""
    for k, v in later.items():
        if k == "source":
            src = dict(target.get("source", {}))
            rows = src.get("rows", [src.get("row")])
            src.update({kk: vv for kk, vv in v.items() if kk not in ("row", "file")})
            src["rows"] = [*rows, v.get("row")]
            target["source"] = src
        elif v not in ("", None, "[]") and not (k == "name" and target.get("name")):
            target[k] = v


def _load_json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        out = json.loads(value or "{}")
    except (TypeError, ValueError):
        return {}
    return out if isinstance(out, dict) else {}


def load_and_plan(
    path: str | Path, existing: Iterable[dict[str, Any]], progress: Progress = None
) -> tuple[Table, Mapping, ImportPlan]:
    """Everything the CLI needs in one call; the dialog calls the steps itself."""
    table = read_table(path, progress)
    mapping = detect_mapping(table)
    rows, rejected = convert(table, mapping, progress)
    return table, mapping, plan_import(Path(path).name, rows, rejected, existing, progress)
