"""CourseService.ReorderLessons: sets the order of all lessons of one module."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def reorder_lessons(request: course_pb2.ReorderLessonsRequest, call: Call) -> course_pb2.ReorderLessonsResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    module_id = str(check.required_id(request.module_id, field="module_id"))
    ids = [str(check.required_id(x, field=f"lesson_ids[{i}]")) for i, x in enumerate(request.lesson_ids)]
    saved, _ = content.edit_content(call, course_id, edits.reorder_lessons(module_id, ids, if_match=request.if_match),
                                    source="structure_edit")
    index, module = structure.find_module(saved.content, module_id)
    return course_pb2.ReorderLessonsResponse(
        module=convert.module_to_proto(module, position=index, structure_only=True),
        content_etag=content_etag(saved.content), content_version=saved.content.version,
    )
