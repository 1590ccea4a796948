"""CourseService.CreateLesson: adds a lesson to a module."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def create_lesson(request: course_pb2.CreateLessonRequest, call: Call) -> course_pb2.CreateLessonResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    edit = edits.create_lesson(
        str(check.required_id(request.module_id, field="module_id")),
        title=check.title(request.title), description=check.description(request.description),
        estimated_minutes=check.minutes(request.estimated_minutes),
        position=check.position(request.position) if request.HasField("position") else None,
        objectives=request.objectives, components=request.components, if_match=request.if_match,
    )
    saved, lesson_id = content.edit_content(call, course_id, edit, source="structure_edit")
    return _response(saved, lesson_id)


def _response(saved: content.Saved, lesson_id: str) -> course_pb2.CreateLessonResponse:
    _, module, position, lesson = structure.find_lesson(saved.content, lesson_id)
    return course_pb2.CreateLessonResponse(
        lesson=convert.lesson_to_proto(lesson, module_id=module.id, position=position),
        content_etag=content_etag(saved.content), content_version=saved.content.version,
    )
