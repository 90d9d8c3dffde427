"""Benchmark: a 50,000-row roster import and filtering 5,000 people, with ratios.

Baselines measured in the same run: reading the same CSV with the csv module alone, and a
plain Python scan over the same 5,000 rows. Run: ``python bench/people.py``.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.edits.people import ImportRoster  # noqa: E402
from facilitator.interchange import roster  # noqa: E402
from facilitator.store.database import Workshop  # noqa: E402

FIRST = ["Aigerim", "Бакыт", "Chen", "Dilnoza", "Ерлан", "Hoa", "Nguyễn", "Olga", "Priya", "Siti"]
LAST = ["Abdullayev", "Бекова", "Tran", "Wong", "Rahman", "Петров", "Santoso", "Lê", "Sok"]
COUNTRIES = ["Kazakhstan", "Кыргызстан", "Ouzbékistan", "Viet Nam", "Thaïlande", "Cambodia"]
SECTORS = ["government", "NGO", "Société civile", "academia", "международная организация"]


def make_csv(path: Path, n: int) -> None:
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


def timed(fn):  # noqa: ANN001, ANN201
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-people-"))
    src = folder / "roster.csv"
    make_csv(src, 50_000)

    def csv_only() -> int:
        with open(src, encoding="utf-8-sig", newline="") as fh:
            return sum(1 for _ in csv.reader(fh, delimiter=";"))

    t_csv, n = timed(csv_only)
    ws = Workshop(folder / "bench.workshop")
    t_plan, (table, mapping, plan) = timed(lambda: roster.load_and_plan(src, ws.people.people()))
    cmd = ImportRoster(ws, plan)
    t_write, _ = timed(cmd.apply)
    count = ws.db["people"].count
    # a second import of the same file: every row is matched, nothing doubles
    t_again, (_t, _m, again) = timed(lambda: roster.load_and_plan(src, ws.people.people()))
    assert ws.db["people"].count == count and not again.adds
    ws.close()
    print(f"rows in file: {n - 2:,}; imported people: {count:,}; rejected: {len(plan.rejected)}")
    print(f"csv module alone (read only)          {t_csv:7.3f} s   1.0x")
    print(f"detect + map + normalise + plan       {t_plan:7.3f} s  {t_plan / t_csv:5.1f}x")
    print(f"write in one transaction              {t_write:7.3f} s  {t_write / t_csv:5.1f}x")
    total = t_plan + t_write
    print(f"whole import                          {total:7.3f} s  {total / t_csv:5.1f}x")
    print(f"re-import (all duplicates → updates)  {t_again:7.3f} s  {t_again / t_csv:5.1f}x")

    # filtering 5,000 people in the roster view's proxy model
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.people.models import PeopleFilter, PeopleModel

    app = QApplication.instance() or QApplication([])  # noqa: F841
    ws5 = Workshop(folder / "five.workshop")
    small = roster.plan_import("five", plan.adds[:5000], [], [])
    ImportRoster(ws5, small).apply()
    model = PeopleModel(ws5)
    proxy = PeopleFilter()
    proxy.setSourceModel(model)
    queries = ["a", "ng", "kyrgyz", "org 12", "civil soc", "nguyen", "zzz", ""]
    t_filter, _ = timed(lambda: [proxy.set_text(q) for q in queries])
    rows = [" ".join(str(p[k]) for k in ("name", "organisation", "country")) for p in model.rows]

    def plain_scan() -> list[int]:
        return [sum(1 for r in rows if q in r.lower()) for q in queries]

    t_scan, _ = timed(plain_scan)
    per = t_filter / len(queries) * 1000
    print(
        f"filter 5,000 people, {len(queries)} queries: {per:6.2f} ms per keystroke "
        f"({t_filter / t_scan:4.1f}x a plain Python substring scan)"
    )
    ws5.close()


if __name__ == "__main__":
    main()
