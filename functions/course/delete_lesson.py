"""CourseService.DeleteLesson: removes a lesson; the module's positions close up."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, edits
from functions.course import validation as check
from functions.course.model import content_etag


def delete_lesson(request: course_pb2.DeleteLessonRequest, call: Call) -> course_pb2.DeleteLessonResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    lesson_id = str(check.required_id(request.lesson_id, field="lesson_id"))
    saved, _ = content.edit_content(call, course_id, edits.delete_lesson(lesson_id, if_match=request.if_match),
                                    source="structure_edit")
    return course_pb2.DeleteLessonResponse(content_etag=content_etag(saved.content),
                                           content_version=saved.content.version)
