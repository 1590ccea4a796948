"""CourseService.GetLesson: one lesson of the latest body, with the body's etag."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, structure
from functions.course import validation as check
from functions.course.model import content_etag


def get_lesson(request: course_pb2.GetLessonRequest, call: Call) -> course_pb2.GetLessonResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    lesson_id = str(check.required_id(request.lesson_id, field="lesson_id"))
    body, _ = content.read_content(call, course_id)
    _, module, position, lesson = structure.find_lesson(body, lesson_id)
    return course_pb2.GetLessonResponse(
        lesson=convert.lesson_to_proto(lesson, module_id=module.id, position=position),
        content_etag=content_etag(body),
    )
