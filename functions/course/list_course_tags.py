"""CourseService.ListCourseTags: tags of visible courses, most used first."""

from __future__ import annotations

from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import library
from functions.course import validation as check


def list_course_tags(request: course_pb2.ListCourseTagsRequest, call: Call) -> course_pb2.ListCourseTagsResponse:
    if request.limit < 0:
        raise InvalidArgument("must not be negative", field="limit")
    prefix = request.prefix.strip()
    if len(prefix) > check.MAX_TAG:
        raise InvalidArgument(f"must be at most {check.MAX_TAG} characters", field="prefix")
    tags = library.list_tags(call, prefix=prefix or None, limit=request.limit)
    return course_pb2.ListCourseTagsResponse(tags=[course_pb2.TagCount(tag=t, course_count=n) for t, n in tags])
