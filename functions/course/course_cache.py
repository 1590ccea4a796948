"""This area's Redis entries (ARCHITECTURE.md §6) and their invalidation.

GetCourse answers from ``t:<tenant>:course:<id>`` (the Course message as proto
JSON, with the course's etag as the entry's etag). Every write drops the course's
entry and every list this area may cache (course lists, folder course lists, the
folder hierarchy, the library index), after its transaction commits. Redis
failures degrade inside the adapter; with ``ENABLE_REDIS_CACHE=false`` the port
is ``NoCache`` and nothing here changes.
"""

from __future__ import annotations

import uuid
from typing import Any

from google.protobuf import json_format

from common.adapters.cache import Cache
from common.cache_keys import CacheKeys
from common.gen.mirai.v1 import course_pb2

COURSE_TTL_SECONDS = 300


class CourseCache:
    def __init__(self, cache: Cache, tenant_id: uuid.UUID) -> None:
        self._cache = cache
        self._keys = CacheKeys(tenant_id)

    def get_course(self, course_id: str) -> course_pb2.Course | None:
        entry = self._cache.get(self._keys.course(course_id))
        if entry is None:
            return None
        try:
            message = json_format.ParseDict(entry.value, course_pb2.Course())
        except (json_format.ParseError, TypeError, ValueError):
            self._cache.delete(self._keys.course(course_id))
            return None
        return message if message.etag == entry.etag else None

    def put_course(self, message: course_pb2.Course) -> None:
        value: dict[str, Any] = json_format.MessageToDict(message, preserving_proto_field_name=True)
        self._cache.set(self._keys.course(message.id), value, etag=message.etag, ttl=COURSE_TTL_SECONDS)

    def course_changed(self, *course_ids: uuid.UUID | str) -> None:
        if course_ids:
            self._cache.delete(*(self._keys.course(c) for c in course_ids))
        self.lists_changed()

    def lists_changed(self) -> None:
        self._cache.invalidate_pattern(self._keys.course_lists_pattern())
        self._cache.invalidate_pattern(self._keys.folder_course_lists_pattern())
        self._cache.delete(self._keys.library(), self._keys.folders())

    def library_changed(self) -> None:
        """Folders moved, were renamed or deleted: courses' team_id may have changed too."""
        self._cache.invalidate_pattern(self._keys.course_entries_pattern())
        self.lists_changed()
