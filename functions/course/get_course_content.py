"""CourseService.GetCourseContent: the latest body (optionally without components)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert
from functions.course import validation as check


def get_course_content(request: course_pb2.GetCourseContentRequest, call: Call) -> course_pb2.GetCourseContentResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    body, users = content.read_content(call, course_id)
    return course_pb2.GetCourseContentResponse(
        content=convert.content_to_proto(body, users, structure_only=request.structure_only))
