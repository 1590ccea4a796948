"""CourseService.CreateCourse: an empty draft, at the library root or in a visible folder."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import courses
from functions.course import validation as check


def create_course(request: course_pb2.CreateCourseRequest, call: Call) -> course_pb2.CreateCourseResponse:
    view = courses.create_course(
        call,
        title=check.title(request.title),
        description=check.description(request.description),
        folder_id=check.optional_id(request.folder_id, field="folder_id"),
        target_audience_id=check.optional_id(request.target_audience_id, field="target_audience_id"),
        tags=check.tags(request.tags),
        language=check.language(request.language) if request.language else None,
    )
    return course_pb2.CreateCourseResponse(course=view.to_proto())
