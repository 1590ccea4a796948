"""Guarded cache entries: served only while nothing they depend on was written since.

A *guard* is a small Redis hash (a ``CacheKeys.*_guard`` key) holding a
generation ``n`` and the write fences ``w:<token>`` in flight (each with its
expiry in Redis time, milliseconds). An entry is stored with the *stamp* of its
guards (their generations, joined) and is served only while

- no guard holds a live fence, and
- the stamp stored with the entry equals the guards' current stamp.

A writer fences every guard of what it changes BEFORE its transaction commits
(the fence moves each generation, so the old entry is unusable at once) and
releases the fence after the transaction ends (moving the generations again, so
a fill that read the database before the commit is refused). A fill is accepted
only if the stamp it read before its database read is still current and no
fence is live: the read-overlapping-write race cannot re-cache an old row.

When Redis cannot take the fence, ``fence`` raises ``Unavailable`` and the write
must not happen: the writer could not make the old entry unusable, and readers
(one Redis round trip, no database) would have no other way to know. When the
release fails after the commit, the fence stays until it expires
(``FENCE_TTL_MS``) and the entry is simply not cached until then.

Generations start at Redis' clock in microseconds and only grow (``max(n + 1,
now)``), so a guard that expired and is created again never repeats a value an
old entry was stamped with. Every script runs on one Redis (no cluster slots).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from common.adapters.cache import Cache, CacheEntry

log = logging.getLogger("mirai.cache")

# Longer than any write can take from its fence to its commit (statement timeout
# 15 s x the few statements of a write, plus the S3 timeouts of a body write).
FENCE_TTL_MS = 120_000
GUARD_TTL_SECONDS = 24 * 3600

_STATE_LUA = """
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function stamp_of(first, now)
  local parts = {}
  for i = first, #KEYS do
    local fields = redis.call('HGETALL', KEYS[i])
    local gen = '0'
    for j = 1, #fields, 2 do
      if fields[j] == 'n' then
        gen = fields[j + 1]
      elseif tonumber(fields[j + 1]) > now then
        return nil
      end
    end
    parts[#parts + 1] = gen
  end
  return table.concat(parts, ',')
end
local function bump(key, now)
  local fields = redis.call('HGETALL', key)
  local gen = 0
  for j = 1, #fields, 2 do
    if fields[j] == 'n' then
      gen = tonumber(fields[j + 1])
    elseif tonumber(fields[j + 1]) <= now then
      redis.call('HDEL', key, fields[j])
    end
  end
  gen = math.max(gen + 1, now * 1000)
  redis.call('HSET', key, 'n', string.format('%.0f', gen))
end
"""

# KEYS: entry, guards...  ->  {stamp or '' when fenced, raw entry or ''}
_READ_LUA = _STATE_LUA + """
local stamp = stamp_of(2, now_ms())
if not stamp then return {'', ''} end
return {stamp, redis.call('GET', KEYS[1]) or ''}
"""

# KEYS: entry, guards...  ARGV: stamp, payload, ttl seconds  ->  1 stored, 0 refused
_FILL_LUA = _STATE_LUA + """
if stamp_of(2, now_ms()) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1] .. '\\n' .. ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
"""

# KEYS: guards...  ARGV: token, fence ttl ms, guard ttl seconds
_FENCE_LUA = _STATE_LUA + """
local now = now_ms()
for i = 1, #KEYS do
  bump(KEYS[i], now)
  redis.call('HSET', KEYS[i], 'w:' .. ARGV[1], string.format('%.0f', now + tonumber(ARGV[2])))
  redis.call('EXPIRE', KEYS[i], tonumber(ARGV[3]))
end
return 1
"""

# KEYS: guards...  ARGV: token, guard ttl seconds
_RELEASE_LUA = _STATE_LUA + """
local now = now_ms()
for i = 1, #KEYS do
  redis.call('HDEL', KEYS[i], 'w:' .. ARGV[1])
  bump(KEYS[i], now)
  redis.call('EXPIRE', KEYS[i], tonumber(ARGV[2]))
end
return 1
"""


@dataclass(frozen=True)
class GuardedRead:
    """``entry``: a servable entry or None. ``stamp``: what a fill must present, None
    when nothing may be filled (a write in flight, Redis unavailable, no cache)."""

    entry: CacheEntry | None
    stamp: str | None


class GuardScripts:
    """The four scripts, registered once per client (EVALSHA: one round trip each)."""

    def __init__(self, client: Any) -> None:
        self.read = client.register_script(_READ_LUA)
        self.fill = client.register_script(_FILL_LUA)
        self.fence = client.register_script(_FENCE_LUA)
        self.release = client.register_script(_RELEASE_LUA)


def new_fence_token() -> str:
    return secrets.token_hex(8)


def split_read(result: Sequence[bytes]) -> tuple[str | None, bytes | None]:
    """The read script's answer as (current stamp or None if fenced, stored entry body or None if
    absent or stamped differently)."""
    stamp = bytes(result[0]).decode("ascii")
    if not stamp:
        return None, None
    stored_stamp, sep, rest = bytes(result[1]).partition(b"\n")
    if not sep or stored_stamp.decode("ascii", "replace") != stamp:
        return stamp, None
    return stamp, rest


@contextmanager
def fenced(cache: Cache, *guards: str) -> Iterator[None]:
    """Hold a fence on ``guards`` around a write: ``Unavailable`` before anything runs if
    Redis cannot take it; released after the block however it ends."""
    token = cache.fence(*guards)
    try:
        yield
    finally:
        if not cache.release_fence(token, *guards):
            log.warning("cache fence not released; the entries it guards stay uncached until it expires")
