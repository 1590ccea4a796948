"""This area's Redis entries (ARCHITECTURE.md §6): guarded, never invalidated by pattern.

GetCourse answers from ``t:<tenant>:course:<id>``: ``{"course": <the Course message,
binary protobuf, base64>}`` with the course's etag as the entry's etag (binary because
parsing proto JSON cost more than the Redis round trip of a hit). The entry is guarded
(``common.adapters.cache_guards``) by the course's guard and the tenant's library
guard, so one Redis round trip tells whether it is still true, and its
``team_id`` (what decides visibility) is never older than the last write:

- a write to one course (``course_write``) fences that course's guard;
- a write that may change many courses' team or metadata at once (a folder moves
  or is deleted, a target audience is deleted) fences the library guard
  (``library_write``).

The fence is taken before the transaction and released after it; a write whose
fence Redis refuses answers ``unavailable`` before it changes anything. No list
is cached, so nothing else needs invalidating; a list cached one day must be a
guarded entry too. With ``ENABLE_REDIS_CACHE=false`` the port is ``NoCache``:
nothing is cached and fences always succeed.
"""

from __future__ import annotations

import base64
import uuid
from contextlib import AbstractContextManager

from google.protobuf.message import DecodeError

from common.adapters.cache import Cache
from common.adapters.cache_guards import fenced
from common.cache_keys import CacheKeys
from common.gen.mirai.v1 import course_pb2

COURSE_TTL_SECONDS = 300


class CourseCache:
    def __init__(self, cache: Cache, tenant_id: uuid.UUID) -> None:
        self._cache = cache
        self._keys = CacheKeys(tenant_id)

    def _guards(self, course_id: uuid.UUID | str) -> list[str]:
        return [self._keys.course_guard(course_id), self._keys.library_guard()]

    def get_course(self, course_id: str) -> tuple[course_pb2.Course | None, str | None]:
        """(the cached course or None, the stamp ``put_course`` needs or None when it must not fill)."""
        read = self._cache.get_guarded(self._keys.course(course_id), self._guards(course_id))
        if read.entry is None:
            return None, read.stamp
        try:
            message = course_pb2.Course.FromString(base64.b64decode(read.entry.value["course"], validate=True))
        except (DecodeError, KeyError, TypeError, ValueError):
            self._cache.delete(self._keys.course(course_id))
            return None, read.stamp
        return (message, read.stamp) if message.etag == read.entry.etag else (None, read.stamp)

    def put_course(self, message: course_pb2.Course, stamp: str | None) -> None:
        """Fill with what the database said, unless a write started since ``get_course`` read ``stamp``."""
        if stamp is None:
            return
        value = {"course": base64.b64encode(message.SerializeToString()).decode("ascii")}
        self._cache.set_guarded(self._keys.course(message.id), self._guards(message.id), stamp, value,
                                etag=message.etag, ttl=COURSE_TTL_SECONDS)

    def course_write(self, course_id: uuid.UUID | str) -> AbstractContextManager[None]:
        """Wrap the transaction of a write to one course."""
        return fenced(self._cache, self._keys.course_guard(course_id))

    def library_write(self) -> AbstractContextManager[None]:
        """Wrap the transaction of a write that may change many courses (their team, their metadata)."""
        return fenced(self._cache, self._keys.library_guard())

