"""CourseService.RestoreCourse: takes a course out of the trash."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import courses
from functions.course import validation as check


def restore_course(request: course_pb2.RestoreCourseRequest, call: Call) -> course_pb2.RestoreCourseResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    return course_pb2.RestoreCourseResponse(course=courses.restore_course(call, course_id).to_proto())
