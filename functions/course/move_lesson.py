"""CourseService.MoveLesson: moves a lesson to a position in any module of the same course."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def move_lesson(request: course_pb2.MoveLessonRequest, call: Call) -> course_pb2.MoveLessonResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    lesson_id = str(check.required_id(request.lesson_id, field="lesson_id"))
    edit = edits.move_lesson(
        lesson_id, target_module_id=str(check.required_id(request.target_module_id, field="target_module_id")),
        position=check.position(request.position) if request.HasField("position") else None, if_match=request.if_match,
    )
    saved, _ = content.edit_content(call, course_id, edit, source="structure_edit")
    _, module, position, lesson = structure.find_lesson(saved.content, lesson_id)
    return course_pb2.MoveLessonResponse(
        lesson=convert.lesson_to_proto(lesson, module_id=module.id, position=position),
        content_etag=content_etag(saved.content), content_version=saved.content.version,
    )
