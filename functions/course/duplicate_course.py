"""CourseService.DuplicateCourse: a new draft with the source's metadata and latest body."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import courses
from functions.course import validation as check


def duplicate_course(request: course_pb2.DuplicateCourseRequest, call: Call) -> course_pb2.DuplicateCourseResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    folder = check.optional_id(request.folder_id, field="folder_id") if request.HasField("folder_id") else courses.UNSET
    view = courses.duplicate_course(call, course_id, title=check.title(request.title) if request.title else None,
                                    folder_id=folder)
    return course_pb2.DuplicateCourseResponse(course=view.to_proto())
