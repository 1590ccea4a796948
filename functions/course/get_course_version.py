"""CourseService.GetCourseVersion: one version with its body."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, versions
from functions.course import validation as check


def get_course_version(request: course_pb2.GetCourseVersionRequest, call: Call) -> course_pb2.GetCourseVersionResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    version, body, users = versions.get_version(call, course_id, check.version_number(request.version))
    return course_pb2.GetCourseVersionResponse(version=convert.version_to_proto(version, users),
                                               content=convert.content_to_proto(body, users))
