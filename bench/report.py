"""Outcome report speed: the large workshop's report against bare reportlab paragraphs.

Run: ``python bench/report.py [--keep DIR]``. Writes the large demo workshop (20,500 notes),
then, each in its own child process so that peak memory is measured separately:

* baseline: every note's text as a bare ``Paragraph`` in ``SimpleDocTemplate`` (the least
  work reportlab can do to lay out the same text);
* report: ``facilitator export FILE report`` (queries, sections, contents, charts, tables).

Prints both times, their ratio (target ≤ 2.0) and the report's peak memory (target < 1 GiB).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _baseline(path: str, out: str, queue: mp.Queue) -> None:
    import sqlite3

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from facilitator.reports.fonts import BODY, register

    register()
    start = time.perf_counter()
    con = sqlite3.connect(path)
    texts = [r[0] for r in con.execute("SELECT text FROM notes ORDER BY session_id, position")]
    con.close()
    style = ParagraphStyle("bare", fontName=BODY, fontSize=10, leading=13.5)
    doc = SimpleDocTemplate(out, pagesize=A4)
    doc.build([Paragraph(escape(t), style) for t in texts])
    queue.put((time.perf_counter() - start, _peak_mib()))


def _report(path: str, out: str, queue: mp.Queue) -> None:
    from facilitator.exports import ExportOptions, run_export

    start = time.perf_counter()
    run_export("report", path, out, ExportOptions())
    queue.put((time.perf_counter() - start, _peak_mib()))


def _run(target, *args: str) -> tuple[float, float]:  # noqa: ANN001 - a process target
    queue: mp.Queue = mp.Queue()
    proc = mp.get_context("fork").Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="folder to keep the workshop and PDFs in")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-report-"))
    folder.mkdir(parents=True, exist_ok=True)
    from facilitator.interchange.demo import write_demo

    workshop = folder / "large.workshop"
    write_demo(workshop, size="large", overwrite=True)
    # Alternate the two and keep each one's best time, so that other load on the machine
    # during one run does not decide the ratio.
    base_t = rep_t = float("inf")
    base_mem = rep_mem = 0.0
    for _ in range(args.rounds):
        t, m = _run(_baseline, str(workshop), str(folder / "baseline.pdf"))
        base_t, base_mem = min(base_t, t), max(base_mem, m)
        t, m = _run(_report, str(workshop), str(folder / "report.pdf"))
        rep_t, rep_mem = min(rep_t, t), max(rep_mem, m)
    from pypdf import PdfReader

    pages = len(PdfReader(folder / "report.pdf").pages)
    base_pages = len(PdfReader(folder / "baseline.pdf").pages)
    print(f"baseline (bare paragraphs): {base_t:6.2f} s  {base_pages} pages  {base_mem:6.0f} MiB")
    print(f"outcome report            : {rep_t:6.2f} s  {pages} pages  {rep_mem:6.0f} MiB")
    ratio = rep_t / base_t
    print(f"ratio report / baseline   : {ratio:.2f} (target ≤ 2.00)")
    print(f"report peak memory        : {rep_mem:.0f} MiB (target < 1024 MiB)")
    ok = ratio <= 2.0 and rep_mem < 1024
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
