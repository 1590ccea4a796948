"""CourseService.DeleteCourse: moves a course to the trash (restorable for 30 days)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, courses
from functions.course import validation as check


def delete_course(request: course_pb2.DeleteCourseRequest, call: Call) -> course_pb2.DeleteCourseResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    view = courses.delete_course(call, course_id, if_match=request.if_match)
    return course_pb2.DeleteCourseResponse(course=view.to_proto(), purge_at=convert.purge_at(view.course))
