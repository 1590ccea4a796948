"""What GetCourse would serve from the cache right now, read the way GetCourse reads it."""

from __future__ import annotations

import uuid

from common.adapters.cache import Cache
from common.gen.mirai.v1 import course_pb2
from functions.course.course_cache import CourseCache


def cached_course(cache: Cache, tenant_id: uuid.UUID, course_id: uuid.UUID | str) -> course_pb2.Course | None:
    return CourseCache(cache, tenant_id).get_course(str(course_id))[0]
