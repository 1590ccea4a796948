"""Probes PostgreSQL, Redis and S3 for real and reports each one's status."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from common.adapters.cache import NoCache


@dataclass(frozen=True)
class Probe:
    name: str
    ok: bool
    latency_ms: int
    message: str
    critical: bool
    disabled: bool = False


@dataclass(frozen=True)
class Report:
    probes: tuple[Probe, ...]

    @property
    def serving(self) -> bool:
        return all(p.ok for p in self.probes if p.critical)

    @property
    def degraded(self) -> bool:
        return self.serving and not all(p.ok or p.disabled for p in self.probes)

    def as_dict(self) -> dict[str, Any]:
        status = "NOT_SERVING" if not self.serving else "DEGRADED" if self.degraded else "SERVING"
        return {
            "status": status,
            "dependencies": [
                {"name": p.name, "ok": p.ok, "latency_ms": p.latency_ms, "message": p.message} for p in self.probes
            ],
        }


def _probe(name: str, check: Callable[[], None], *, critical: bool) -> Probe:
    started = time.perf_counter()
    try:
        check()
        ok, message = True, ""
    except Exception as err:  # noqa: BLE001 - a failing dependency is the answer, not an error
        ok, message = False, _describe(err)
    return Probe(name, ok, int((time.perf_counter() - started) * 1000), message, critical)


def _describe(err: Exception) -> str:
    """Class name and first line only: driver messages can carry hosts or user names."""
    from common.errors import AppError

    if isinstance(err, AppError):
        return err.message
    return f"{type(err).__name__}: unreachable"


def check_dependencies(container: Any) -> Report:
    """Every dependency at once, in parallel, so the answer takes as long as the slowest probe."""
    checks: list[tuple[str, Callable[[], None], bool]] = [
        ("postgres", lambda: container.db.ping(), True),
        ("s3", lambda: container.storage.ping(), True),
    ]
    cache = container.cache
    probes: list[Probe] = []
    if isinstance(cache, NoCache):
        probes.append(Probe("redis", True, 0, "cache disabled", critical=False, disabled=True))
    else:
        # Redis is a cache: when it is down RPCs fall back to the database, so it is not critical.
        checks.append(("redis", cache.ping, False))
    with ThreadPoolExecutor(max_workers=len(checks)) as pool:
        futures = [pool.submit(_probe, name, fn, critical=critical) for name, fn, critical in checks]
        probes.extend(f.result() for f in futures)
    return Report(tuple(sorted(probes, key=lambda p: p.name)))
