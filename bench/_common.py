"""Timing shared by the benchmarks: paired runs, medians with min–max, ratios to a baseline.

A benchmark measures the app and its baseline side by side in one run, in pairs (the app,
then its baseline, then the app again…; the order alternates so that neither always runs
first), and reports for each the median of at least five runs with the lowest and highest.
Each ratio is the median of the per-pair ratios, so that load on the machine during one
pair moves both sides of that pair alike instead of deciding the result.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing as mp
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MIN_RUNS = 5


def parser(doc: str | None, runs: int = 7) -> argparse.ArgumentParser:
    """An argument parser with ``--runs`` (never fewer than :data:`MIN_RUNS`)."""
    p = argparse.ArgumentParser(
        description=(doc or "").strip().splitlines()[0] if doc else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--runs", type=int, default=runs, help=f"paired runs (at least {MIN_RUNS})")
    return p


def runs_of(args: argparse.Namespace) -> int:
    return max(MIN_RUNS, int(args.runs))


@dataclass
class Spread:
    """The median of some samples, with the lowest and highest."""

    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def text(self, scale: float = 1000.0, unit: str = "ms", digits: int = 2) -> str:
        f = f"{{:.{digits}f}}"
        m, lo, hi = (f.format(v * scale) for v in (self.median, self.low, self.high))
        return f"{m} {unit} ({lo}–{hi})"


@dataclass
class Paired:
    """Samples of several cases measured in the same rounds (index i = round i)."""

    cases: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.cases.setdefault(name, []).append(value)

    def spread(self, name: str) -> Spread:
        return Spread(self.cases[name])

    def ratio(self, name: str, base: str) -> Spread:
        """Per-round ratios ``name / base``."""
        pairs = zip(self.cases[name], self.cases[base], strict=True)
        return Spread([a / b for a, b in pairs])


def paired(cases: dict[str, Callable[[], float | None]], runs: int, warmup: int = 1) -> Paired:
    """Run every case once per round, alternating the order each round.

    A case returns the seconds it measured itself (the user's moment, not the harness
    around it) or None to be timed from call to return. The warm-up rounds are not kept.
    """
    names = list(cases)
    out = Paired({name: [] for name in names})
    for round_ in range(warmup + runs):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            start = time.perf_counter()
            value = cases[name]()
            elapsed = time.perf_counter() - start if value is None else value
            if round_ >= warmup:
                out.add(name, elapsed)
    return out


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "within target" if value <= target else "OVER TARGET"


def print_table(
    title: str,
    result: Paired,
    base: str,
    targets: dict[str, float] | None = None,
    scale: float = 1000.0,
    unit: str = "ms",
) -> dict[str, Spread]:
    """Each case's median (min–max) and its ratio to ``base``; returns the ratios."""
    targets = targets or {}
    runs = len(result.cases[base])
    print(f"\n{title}  (median of {runs} paired runs, min–max in brackets)")
    width = max(len(n) for n in result.cases) + 2
    ratios: dict[str, Spread] = {}
    for name in result.cases:
        line = f"  {name:<{width}}{result.spread(name).text(scale, unit):>28}"
        if name != base:
            r = result.ratio(name, base)
            ratios[name] = r
            target = targets.get(name)
            goal = f"  target ≤ {target:g}×  {verdict(r.median, target)}" if target else ""
            line += f"   × {r.median:5.2f} ({r.low:.2f}–{r.high:.2f}){goal}"
        else:
            line += "   (baseline)"
        print(line)
    return ratios


def print_value(label: str, spread: Spread, target: float | None = None, **fmt: Any) -> None:
    goal = f"  target ≤ {target:g}  {verdict(spread.median, target)}" if target else ""
    print(f"  {label}: {spread.text(**fmt)}{goal}")


# -- work in a child process (peak memory of one side only) -------------------------------


def peak_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(target: Callable[..., float | None], args: Sequence[Any], queue: mp.Queue) -> None:
    try:
        start = time.perf_counter()
        value = target(*args)
        elapsed = time.perf_counter() - start if value is None else value
        queue.put((elapsed, peak_mib(), None))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        queue.put((0.0, peak_mib(), repr(exc)))


def in_child(target: Callable[..., float | None], *args: Any) -> tuple[float, float]:
    """Run ``target(*args)`` in a fresh forked process: (seconds, peak MiB of that process)."""
    queue: mp.Queue = mp.get_context("fork").Queue()
    proc = mp.get_context("fork").Process(target=_child, args=(target, args, queue))
    proc.start()
    seconds, mib, error = queue.get()
    proc.join()
    if error:
        raise SystemExit(f"{getattr(target, '__name__', target)} failed: {error}")
    return seconds, mib


def workshop(size: str, folder: Path) -> Path:
    """The demo workshop of ``size`` (normal, large, huge) written into ``folder``, once."""
    from facilitator.interchange.demo import write_demo

    path = folder / f"{size}.workshop"
    if not path.exists():
        start = time.perf_counter()
        write_demo(path, size=size)
        print(f"{size} workshop written in {time.perf_counter() - start:.1f} s: {path}")
    return path
