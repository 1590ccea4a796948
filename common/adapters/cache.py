"""The Redis cache (ARCHITECTURE.md §6) behind the ``Cache`` port, and ``NoCache``
for ``ENABLE_REDIS_CACHE=false``, so callers never branch on configuration.

Keys and invalidation patterns come from ``common.cache_keys.CacheKeys`` and
always start with ``t:<tenant_id>:``; the adapter refuses anything else.

Values are JSON (compact, sorted keys, UTF-8). An entry's ETag is either the one
the caller gives (e.g. a database version number) or ``compute_etag(value)``:
the first 128 bits of SHA-256 over that serialisation, as 32 hex digits, so two
equal values always get the same ETag, with or without Redis.

Stale data: every entry is written with a TTL (default 300 s, at most 24 h), so
nothing outlives it; this is the architecture's "automatic stale data cleanup
(>24 hours)", with no sweeper job to run. Entries a write must never leave
readable are *guarded* (``get_guarded``/``set_guarded``/``fence``, see
``common.adapters.cache_guards``): they need no invalidation and no pattern
deletion, and a write that cannot fence them does not happen.

Redis is a cache, so its failures degrade reads and never fail them: ``get`` is a
miss, ``set``/``delete``/``invalidate_pattern`` are skipped with a warning;
``fence`` alone raises ``Unavailable``. After
a failure the adapter skips Redis for ``breaker_seconds`` (a circuit breaker), so
a dead Redis costs one socket timeout (0.5 s) per few seconds, not one per call.
Unguarded entries are only for data whose staleness for one TTL is harmless.

Locks (``SET NX PX`` + a Lua compare-and-delete) are a way to avoid duplicate
work, never the guarantee of correctness: every write they protect must also be
guarded by the database (ETag/version compare-and-set, unique constraints,
``FOR UPDATE SKIP LOCKED``). Without Redis (``NoCache``, or Redis down)
``acquire_lock`` raises ``Unavailable`` and ``lock(...)`` does what the caller
chose in ``if_unavailable``: ``"proceed"`` without a distributed lock (when the
database guard suffices) or ``"refuse"`` with ``Unavailable``. An in-process lock
would be a false promise across instances, so there is none.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from common.adapters.cache_guards import (
    FENCE_TTL_MS,
    GUARD_TTL_SECONDS,
    GuardedRead,
    GuardScripts,
    new_fence_token,
    split_read,
)
from common.adapters.cache_locks import HeldLock, LockPolicy, hold_lock
from common.errors import Unavailable

log = logging.getLogger("mirai.cache")

DEFAULT_TTL_SECONDS = 300
MAX_TTL_SECONDS = 24 * 3600
BREAKER_SECONDS = 5.0
SCAN_BATCH = 500
MAX_ETAG_CHARS = 128

_TENANT_KEY = re.compile(r"t:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:.+", re.DOTALL)
_RELEASE_LUA = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


@dataclass(frozen=True)
class CacheEntry:
    value: Any
    etag: str


def serialize(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False, allow_nan=False).encode("utf-8")


def compute_etag(value: Any) -> str:
    """The ETag ``Cache.set`` gives ``value`` when the caller passes none."""
    return _etag_of(serialize(value))


def _etag_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def _check_key(key: str) -> None:
    if not isinstance(key, str) or not _TENANT_KEY.fullmatch(key):
        raise ValueError("cache keys and patterns must come from CacheKeys (t:<tenant_id>:...)")


def _check_keys(*keys: str) -> None:
    if not keys:
        raise ValueError("at least one key is needed")
    for key in keys:
        _check_key(key)


def _check_ttl(ttl: int) -> None:
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= MAX_TTL_SECONDS:
        raise ValueError(f"ttl must be whole seconds between 1 and {MAX_TTL_SECONDS}")


def _check_lock_ttl(ttl_ms: int) -> None:
    if isinstance(ttl_ms, bool) or not isinstance(ttl_ms, int) or not 1 <= ttl_ms <= MAX_TTL_SECONDS * 1000:
        raise ValueError("ttl_ms must be positive whole milliseconds, at most 24 hours")


def _check_etag(etag: str) -> None:
    if not isinstance(etag, str) or not etag or len(etag) > MAX_ETAG_CHARS or not etag.isprintable():
        raise ValueError(f"etag must be 1 to {MAX_ETAG_CHARS} printable characters")


class Cache(Protocol):
    """The port. Keys and patterns come from ``CacheKeys``."""

    def get(self, key: str) -> CacheEntry | None:
        """The entry, or None on a miss (or when Redis is unavailable)."""

    def set(self, key: str, value: Any, *, etag: str | None = None, ttl: int = DEFAULT_TTL_SECONDS) -> str:
        """Store ``value`` for ``ttl`` seconds; returns its ETag (``etag`` or ``compute_etag(value)``)."""

    def delete(self, *keys: str) -> None:
        """Drop entries (UNLINK); missing keys are fine."""

    def invalidate_pattern(self, pattern: str) -> int:
        """Drop every key matching a ``CacheKeys`` pattern (SCAN + UNLINK in batches); returns how many.
        Never on a request path: its cost grows with every tenant's keys."""

    def get_guarded(self, key: str, guards: Sequence[str]) -> GuardedRead:
        """The entry if its guards have not moved since it was stored, and the stamp a fill must present."""

    def set_guarded(self, key: str, guards: Sequence[str], stamp: str, value: Any, *, etag: str,
                    ttl: int = DEFAULT_TTL_SECONDS) -> bool:
        """Store ``value`` only if ``guards`` still have ``stamp`` and no fence; False if refused or skipped."""

    def fence(self, *guards: str) -> str:
        """Make every entry under ``guards`` unusable and refuse fills until released; a token.
        ``Unavailable`` if Redis cannot take it (the write it protects must not happen)."""

    def release_fence(self, token: str, *guards: str) -> bool:
        """End a fence (moving the generations once more); False if Redis failed (the fence then expires)."""

    def acquire_lock(self, key: str, ttl_ms: int) -> str | None:
        """A lock id if acquired, None if someone else holds it; ``Unavailable`` without Redis."""

    def release_lock(self, key: str, lock_id: str) -> bool:
        """Release if still ours; False if it expired, was taken over, or Redis is unavailable."""

    def lock(
        self, key: str, *, ttl_ms: int, wait_ms: int, if_unavailable: LockPolicy
    ) -> AbstractContextManager[HeldLock]:
        """Context manager yielding ``HeldLock``; ``Conflict`` if not acquired within ``wait_ms``."""

    def ping(self) -> None:
        """``Unavailable`` unless Redis answers (health checks; bypasses the breaker)."""

    def close(self) -> None: ...


class RedisCache:
    def __init__(
        self, client: Any, *, breaker_seconds: float = BREAKER_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        import redis

        self.client = client
        self._redis_error = redis.RedisError
        self._breaker_seconds = breaker_seconds
        self._clock = clock
        self._skip_until = 0.0
        self._release_script: Any = None
        self._guards: GuardScripts | None = None

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisCache:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        client = redis.Redis.from_url(
            url,
            socket_timeout=0.5,
            socket_connect_timeout=0.5,
            health_check_interval=30,
            # One immediate retry heals a pooled connection Redis closed; more would
            # multiply the timeout a dead Redis adds before the breaker opens.
            retry=Retry(NoBackoff(), 1),
        )
        return cls(client, **options)

    def _run(self, operation: str, action: Callable[[], Any]) -> tuple[bool, Any]:
        """(True, result), or (False, None) when Redis failed or the breaker is open."""
        if self._clock() < self._skip_until:
            return False, None
        try:
            return True, action()
        except self._redis_error as err:
            self._skip_until = self._clock() + self._breaker_seconds
            log.warning(
                "redis %s failed (%s); skipping Redis for %.1f s", operation, type(err).__name__, self._breaker_seconds
            )
            return False, None

    def get(self, key: str) -> CacheEntry | None:
        _check_key(key)
        ok, raw = self._run("get", lambda: self.client.get(key))
        if not ok or raw is None:
            return None
        return self._parse(key, bytes(raw))

    def _parse(self, key: str, raw: bytes) -> CacheEntry | None:
        etag, sep, body = raw.partition(b"\n")
        try:
            if not sep:
                raise ValueError("no etag separator")
            return CacheEntry(json.loads(body), etag.decode("utf-8"))
        except ValueError:
            log.warning("dropping unreadable cache entry %s", key)
            self.delete(key)
            return None

    def set(self, key: str, value: Any, *, etag: str | None = None, ttl: int = DEFAULT_TTL_SECONDS) -> str:
        _check_key(key)
        _check_ttl(ttl)
        body = serialize(value)
        tag = _etag_of(body) if etag is None else etag
        _check_etag(tag)
        self._run("set", lambda: self.client.set(key, tag.encode("utf-8") + b"\n" + body, ex=ttl))
        return tag

    def delete(self, *keys: str) -> None:
        for key in keys:
            _check_key(key)
        if keys:
            self._run("delete", lambda: self.client.unlink(*keys))

    def invalidate_pattern(self, pattern: str) -> int:
        _check_key(pattern)

        def sweep() -> int:
            removed = 0
            batch: list[bytes] = []
            for key in self.client.scan_iter(match=pattern, count=SCAN_BATCH):
                batch.append(key)
                if len(batch) >= SCAN_BATCH:
                    removed += int(self.client.unlink(*batch))
                    batch = []
            if batch:
                removed += int(self.client.unlink(*batch))
            return removed

        ok, removed = self._run("invalidate", sweep)
        return int(removed) if ok else 0

    def _guard_scripts(self) -> GuardScripts:
        if self._guards is None:
            self._guards = GuardScripts(self.client)
        return self._guards

    def get_guarded(self, key: str, guards: Sequence[str]) -> GuardedRead:
        _check_keys(key, *guards)
        ok, result = self._run("get", lambda: self._guard_scripts().read(keys=[key, *guards]))
        if not ok:
            return GuardedRead(None, None)
        stamp, raw = split_read(result)
        entry = None if raw is None else self._parse(key, raw)
        return GuardedRead(entry, stamp)

    def set_guarded(self, key: str, guards: Sequence[str], stamp: str, value: Any, *, etag: str,
                    ttl: int = DEFAULT_TTL_SECONDS) -> bool:
        _check_keys(key, *guards)
        _check_ttl(ttl)
        _check_etag(etag)
        payload = etag.encode("utf-8") + b"\n" + serialize(value)
        ok, stored = self._run("set", lambda: self._guard_scripts().fill(keys=[key, *guards],
                                                                        args=[stamp, payload, ttl]))
        return bool(ok and stored)

    def fence(self, *guards: str) -> str:
        _check_keys(*guards)
        token = new_fence_token()
        ok, _ = self._run("fence", lambda: self._guard_scripts().fence(
            keys=list(guards), args=[token, FENCE_TTL_MS, GUARD_TTL_SECONDS]))
        if not ok:
            raise Unavailable("the cache cannot be updated right now, so nothing was changed; retry shortly")
        return token

    def release_fence(self, token: str, *guards: str) -> bool:
        _check_keys(*guards)
        ok, _ = self._run("release fence", lambda: self._guard_scripts().release(
            keys=list(guards), args=[token, GUARD_TTL_SECONDS]))
        return ok

    def acquire_lock(self, key: str, ttl_ms: int) -> str | None:
        _check_key(key)
        _check_lock_ttl(ttl_ms)
        lock_id = secrets.token_hex(16)
        ok, acquired = self._run("lock", lambda: self.client.set(key, lock_id, nx=True, px=ttl_ms))
        if not ok:
            raise Unavailable("distributed locks are unavailable")
        return lock_id if acquired else None

    def release_lock(self, key: str, lock_id: str) -> bool:
        _check_key(key)
        if self._release_script is None:
            self._release_script = self.client.register_script(_RELEASE_LUA)
        ok, released = self._run("unlock", lambda: self._release_script(keys=[key], args=[lock_id]))
        return bool(ok and released)

    def lock(
        self, key: str, *, ttl_ms: int, wait_ms: int, if_unavailable: LockPolicy
    ) -> AbstractContextManager[HeldLock]:
        return hold_lock(self, key, ttl_ms=ttl_ms, wait_ms=wait_ms, if_unavailable=if_unavailable)

    def ping(self) -> None:
        try:
            self.client.ping()
        except self._redis_error as err:
            raise Unavailable(f"redis unreachable: {type(err).__name__}") from None

    def close(self) -> None:
        self.client.close()


class NoCache:
    """``ENABLE_REDIS_CACHE=false``: every read misses, writes are dropped, and
    locks follow the caller's ``if_unavailable`` choice. Input is checked exactly
    as ``RedisCache`` checks it, so a bad key fails in both configurations."""

    def get(self, key: str) -> CacheEntry | None:
        _check_key(key)
        return None

    def set(self, key: str, value: Any, *, etag: str | None = None, ttl: int = DEFAULT_TTL_SECONDS) -> str:
        _check_key(key)
        _check_ttl(ttl)
        tag = compute_etag(value) if etag is None else etag
        _check_etag(tag)
        return tag

    def delete(self, *keys: str) -> None:
        for key in keys:
            _check_key(key)

    def invalidate_pattern(self, pattern: str) -> int:
        _check_key(pattern)
        return 0

    def get_guarded(self, key: str, guards: Sequence[str]) -> GuardedRead:
        _check_keys(key, *guards)
        return GuardedRead(None, None)

    def set_guarded(self, key: str, guards: Sequence[str], stamp: str, value: Any, *, etag: str,
                    ttl: int = DEFAULT_TTL_SECONDS) -> bool:
        _check_keys(key, *guards)
        _check_ttl(ttl)
        _check_etag(etag)
        return False

    def fence(self, *guards: str) -> str:
        """Nothing is cached, so there is nothing a write could leave stale."""
        _check_keys(*guards)
        return new_fence_token()

    def release_fence(self, token: str, *guards: str) -> bool:
        _check_keys(*guards)
        return True

    def acquire_lock(self, key: str, ttl_ms: int) -> str | None:
        _check_key(key)
        _check_lock_ttl(ttl_ms)
        raise Unavailable("distributed locks need Redis (ENABLE_REDIS_CACHE=false)")

    def release_lock(self, key: str, lock_id: str) -> bool:
        _check_key(key)
        return False

    def lock(
        self, key: str, *, ttl_ms: int, wait_ms: int, if_unavailable: LockPolicy
    ) -> AbstractContextManager[HeldLock]:
        return hold_lock(self, key, ttl_ms=ttl_ms, wait_ms=wait_ms, if_unavailable=if_unavailable)

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None
