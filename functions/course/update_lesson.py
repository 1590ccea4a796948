"""CourseService.UpdateLesson: partial edit of a lesson; lists are replaced when their wrapper is set."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def update_lesson(request: course_pb2.UpdateLessonRequest, call: Call) -> course_pb2.UpdateLessonResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    lesson_id = str(check.required_id(request.lesson_id, field="lesson_id"))
    changes = edits.LessonChanges(
        title=check.title(request.title) if request.HasField("title") else None,
        description=check.description(request.description) if request.HasField("description") else None,
        estimated_minutes=check.minutes(request.estimated_minutes) if request.HasField("estimated_minutes") else None,
        objectives=request.objectives.objectives if request.HasField("objectives") else None,
        components=request.components.components if request.HasField("components") else None,
    )
    saved, _ = content.edit_content(call, course_id, edits.update_lesson(lesson_id, changes, if_match=request.if_match),
                                    source="structure_edit")
    _, module, position, lesson = structure.find_lesson(saved.content, lesson_id)
    return course_pb2.UpdateLessonResponse(
        lesson=convert.lesson_to_proto(lesson, module_id=module.id, position=position),
        content_etag=content_etag(saved.content), content_version=saved.content.version,
    )
