"""CourseService.UpdateCourse: partial update of metadata (proto3 ``optional`` = leave unchanged)."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import courses
from functions.course import validation as check


def update_course(request: course_pb2.UpdateCourseRequest, call: Call) -> course_pb2.UpdateCourseResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    changes: dict[str, Any] = {}
    if request.HasField("title"):
        changes["title"] = check.title(request.title)
    if request.HasField("description"):
        changes["description"] = check.description(request.description)
    if request.HasField("status"):
        changes["status"] = check.status(request.status)
    if request.HasField("tags"):
        changes["tags"] = check.tags(request.tags.values, field="tags.values")
    if request.HasField("folder_id"):
        changes["folder_id"] = check.optional_id(request.folder_id, field="folder_id")
    if request.HasField("target_audience_id"):
        changes["target_audience_id"] = check.optional_id(request.target_audience_id, field="target_audience_id")
    if request.HasField("language"):
        changes["language"] = check.language(request.language)
    view = courses.update_course(call, course_id, changes, if_match=request.if_match)
    return course_pb2.UpdateCourseResponse(course=view.to_proto())
