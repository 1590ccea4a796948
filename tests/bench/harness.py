"""Shared pieces of the benchmarks: repeated timing and the ratio table.

Every row is a measurement next to a baseline measured in the same run, on
the same machine, and reported as their ratio: absolute numbers on a noisy
shared machine mean little, ratios mean more.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    measured_s: float
    baseline_name: str
    baseline_s: float

    @property
    def ratio(self) -> float:
        return self.measured_s / self.baseline_s if self.baseline_s else float("inf")


def median_seconds(fn: Callable[[], object], *, runs: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def interleaved_samples(a: Callable[[], object], b: Callable[[], object], *,
                        runs: int) -> tuple[list[float], list[float]]:
    """Seconds of each call of ``a`` and of ``b``, timed alternately (A, B, A, B, …) after one
    warm-up call each, so drift on a shared machine hits both alike."""
    a(), b()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((a, samples[0]), (b, samples[1])):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return samples


def _fmt(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def render(rows: list[Row]) -> str:
    header = ("benchmark", "measured", "baseline", "baseline time", "ratio")
    lines = [(r.name, _fmt(r.measured_s), r.baseline_name, _fmt(r.baseline_s), f"{r.ratio:.2f}x") for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *lines, strict=True)]
    out = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out += [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(out)
