"""Waiting for, holding and releasing a distributed lock of a ``Cache``.

See ``common.adapters.cache`` for why locks never replace database concurrency
control and what ``if_unavailable`` means.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from common.errors import Conflict, Unavailable

if TYPE_CHECKING:
    from common.adapters.cache import Cache

log = logging.getLogger("mirai.cache")

LockPolicy = Literal["proceed", "refuse"]


@dataclass(frozen=True)
class HeldLock:
    """What ``lock(...)`` yields. ``lock_id`` is None when no distributed lock was
    taken because Redis is unavailable and the caller chose ``"proceed"``."""

    key: str
    lock_id: str | None

    @property
    def distributed(self) -> bool:
        return self.lock_id is not None


@contextmanager
def hold_lock(cache: Cache, key: str, *, ttl_ms: int, wait_ms: int, if_unavailable: LockPolicy) -> Iterator[HeldLock]:
    """Acquire ``key`` within ``wait_ms`` (polling with jittered backoff), hold it, release it."""
    if if_unavailable not in ("proceed", "refuse"):
        raise ValueError("if_unavailable must be 'proceed' or 'refuse'")
    deadline = time.monotonic() + max(wait_ms, 0) / 1000
    delay = 0.005
    lock_id: str | None = None
    while lock_id is None:
        try:
            lock_id = cache.acquire_lock(key, ttl_ms)
        except Unavailable:
            if if_unavailable == "refuse":
                raise
            log.info("no distributed lock for %s: Redis unavailable, relying on database concurrency control", key)
            break
        if lock_id is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Conflict("another request is changing this resource; retry shortly")
            time.sleep(min(delay * (0.5 + random.random()), remaining))
            delay = min(delay * 2, 0.1)
    if lock_id is None:
        yield HeldLock(key, None)
        return
    try:
        yield HeldLock(key, lock_id)
    finally:
        if not cache.release_lock(key, lock_id):
            log.warning("lock %s was not released: it expired (ttl_ms too short for the work) or Redis failed", key)
