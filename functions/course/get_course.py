"""CourseService.GetCourse: course metadata, served from Redis after the first read."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import courses
from functions.course import validation as check


def get_course(request: course_pb2.GetCourseRequest, call: Call) -> course_pb2.GetCourseResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    return course_pb2.GetCourseResponse(course=courses.get_course(call, course_id))
