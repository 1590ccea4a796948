"""CourseService.DeleteModule: removes a module and its lessons."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, edits
from functions.course import validation as check
from functions.course.model import content_etag


def delete_module(request: course_pb2.DeleteModuleRequest, call: Call) -> course_pb2.DeleteModuleResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    module_id = str(check.required_id(request.module_id, field="module_id"))
    saved, lessons = content.edit_content(call, course_id, edits.delete_module(module_id, if_match=request.if_match),
                                          source="structure_edit")
    return course_pb2.DeleteModuleResponse(deleted_lesson_count=lessons, content_etag=content_etag(saved.content),
                                           content_version=saved.content.version)
