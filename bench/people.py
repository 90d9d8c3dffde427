"""Roster import of 50,000 rows and filtering 5,000 people, against their baselines.

Run: ``python bench/people.py [--runs 5] [--rows 50000]``.

**Import** (target ≤ 8× the csv module), in paired runs, each side in its own forked
process: from the file on disk to the people committed to the workshop file, as ``facilitator
import`` and the import dialog do it (read and detect the encoding and delimiter, map the
columns, normalise, plan against the roster, write in one transaction, commit):

* **csv module**: ``csv.reader`` reading the same file (same encoding and delimiter);
* **bare INSERT** (a reference, not the target's baseline): the same rows, already made,
  written with one ``executemany`` into a fresh workshop's ``people`` table and committed;
  what SQLite itself costs, whatever the Python around it;
* **import** into an empty workshop, and **re-import** of the same file (every row matched
  and compared field by field, nothing added; no target, shown for scale).

**Filter**: the roster view's filter over 5,000 people, per keystroke, against a plain Python
substring scan of the same rows.
"""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import in_child, paired, parser, print_table, runs_of  # noqa: E402

FIRST = ["Aigerim", "Бакыт", "Chen", "Dilnoza", "Ерлан", "Hoa", "Nguyễn", "Olga", "Priya", "Siti"]
LAST = ["Abdullayev", "Бекова", "Tran", "Wong", "Rahman", "Петров", "Santoso", "Lê", "Sok"]
COUNTRIES = ["Kazakhstan", "Кыргызстан", "Ouzbékistan", "Viet Nam", "Thaïlande", "Cambodia"]
SECTORS = ["government", "NGO", "Société civile", "academia", "международная организация"]
TARGET = 8.0


def make_csv(path: Path, n: int) -> None:
    """A registration export as organisers get them: a title row, French headers, mixed
    scripts, countries and sexes written in several languages, ';' as delimiter, a BOM."""
    rng = random.Random(1)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Registration export"])
        w.writerow(["Prénom", "Nom", "Organisation", "Pays", "Sexe", "Secteur", "Courriel"])
        for i in range(n):
            w.writerow(
                [
                    rng.choice(FIRST),
                    f"{rng.choice(LAST)} {i}",
                    f"Organisation {i % 700}",
                    rng.choice(COUNTRIES),
                    rng.choice(["F", "M", "ж", "м"]),
                    rng.choice(SECTORS),
                    f"person{i}@example.org",
                ]
            )


def csv_only(src: str) -> None:
    with open(src, encoding="utf-8-sig", newline="") as fh:
        count = sum(1 for _ in csv.reader(fh, delimiter=";"))
    assert count > 2


def _fresh(folder: str, name: str) -> Path:
    path = Path(folder) / name
    for p in Path(folder).glob(name + "*"):
        p.unlink()
    return path


def import_file(src: str, target: str) -> float:
    """What ``facilitator import`` does, from the file to the commit (the workshop is open
    already, as it is in the app)."""
    from facilitator.edits.people import ImportRoster
    from facilitator.interchange import roster
    from facilitator.store.database import Workshop

    with Workshop(target) as ws:
        start = time.perf_counter()
        _table, _mapping, plan = roster.load_and_plan(
            src, ws.people.people(), history=ws.people.edit_history()
        )
        ImportRoster(ws, plan).apply()
        return time.perf_counter() - start


def bare_insert(target: str, rows: list[tuple], columns: list[str]) -> float:
    """executemany + commit of ready rows into the people table of a fresh workshop."""
    con = sqlite3.connect(target)
    con.execute("PRAGMA synchronous=NORMAL")
    sql = f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    start = time.perf_counter()
    with con:
        con.executemany(sql, rows)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def _ready_rows(src: Path, folder: Path) -> tuple[Path, list[tuple], list[str]]:
    """The rows an import of ``src`` writes, read back, and an empty workshop to write them to."""
    from facilitator.store.database import Workshop

    done = _fresh(str(folder), "ready.workshop")
    import_file(str(src), str(done))
    con = sqlite3.connect(done)
    cur = con.execute("SELECT * FROM people")
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    con.close()
    empty = _fresh(str(folder), "empty.workshop")
    Workshop(empty).close()
    return empty, rows, columns


def _copy(src: Path, dst: Path) -> Path:
    for p in dst.parent.glob(dst.name + "*"):
        p.unlink()
    dst.write_bytes(src.read_bytes())
    return dst


def main() -> None:
    p = parser(__doc__, runs=5)
    p.add_argument("--rows", type=int, default=50_000, help="rows in the roster file")
    args = p.parse_args()
    runs = runs_of(args)
    folder = Path(tempfile.mkdtemp(prefix="bench-people-"))
    src = folder / "roster.csv"
    make_csv(src, args.rows)
    empty, rows, columns = _ready_rows(src, folder)
    full = folder / "full.workshop"
    _copy(folder / "ready.workshop", full)

    def child(fn, *a: str):  # noqa: ANN001, ANN202 - a case for paired()
        return lambda: in_child(fn, *a)[0]

    def import_case() -> float:
        target = _copy(empty, folder / "import.workshop")
        return in_child(import_file, str(src), str(target))[0]

    def again_case() -> float:
        target = _copy(full, folder / "again.workshop")
        return in_child(import_file, str(src), str(target))[0]

    def bare_case() -> float:
        target = _copy(empty, folder / "bare.workshop")
        return in_child(bare_insert, str(target), rows, columns)[0]

    result = paired(
        {
            "csv module": child(csv_only, str(src)),
            "bare INSERT": bare_case,
            "import": import_case,
            "re-import": again_case,
        },
        runs,
    )
    print_table(
        f"roster import, {args.rows:,} rows, file to commit",
        result,
        "csv module",
        {"import": TARGET},
        scale=1.0,
        unit="s",
        # the bare INSERT has no target: it shows what SQLite alone costs
    )
    over = result.ratio("import", "bare INSERT")
    print(
        f"  import / bare INSERT: × {over.median:.2f} ({over.low:.2f}–{over.high:.2f}) "
        "(what the import adds to writing the rows)"
    )
    five_csv = folder / "five.csv"
    make_csv(five_csv, 5000)
    five = _fresh(str(folder), "five.workshop")
    import_file(str(five_csv), str(five))
    _filter_bench(five, runs)


def _filter_bench(path: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from facilitator.store.database import Workshop
    from facilitator.ui.people.models import PeopleFilter, PeopleModel

    app = QApplication.instance() or QApplication([])  # noqa: F841
    ws = Workshop(path, read_only=True)
    model = PeopleModel(ws)
    proxy = PeopleFilter()
    proxy.setSourceModel(model)
    five = model.rows
    queries = ["a", "ng", "kyrgyz", "org 12", "civil soc", "nguyen", "zzz", ""]
    texts = [" ".join(str(p[k]) for k in ("name", "organisation", "country")) for p in five]

    def filtering() -> None:
        for q in queries:
            proxy.set_text(q)

    def plain_scan() -> None:
        for q in queries:
            sum(1 for r in texts if q in r.lower())

    result = paired({"filter": filtering, "plain scan": plain_scan}, runs)
    print_table(
        f"filter 5,000 people, {len(queries)} keystrokes",
        result,
        "plain scan",
    )
    ws.close()


if __name__ == "__main__":
    main()
