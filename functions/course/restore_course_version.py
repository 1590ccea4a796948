"""CourseService.RestoreCourseVersion: an old body becomes the current one, as a new version."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, versions
from functions.course import validation as check


def restore_course_version(request: course_pb2.RestoreCourseVersionRequest,
                           call: Call) -> course_pb2.RestoreCourseVersionResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    saved = versions.restore_version(call, course_id, check.version_number(request.version), if_match=request.if_match,
                                     message=check.message(request.version_message))
    return course_pb2.RestoreCourseVersionResponse(content=convert.content_to_proto(saved.content, saved.users),
                                                   version=convert.version_to_proto(saved.version, saved.users))
