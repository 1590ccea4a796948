"""CourseService.UpdateModule: edits a module's title and description."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def update_module(request: course_pb2.UpdateModuleRequest, call: Call) -> course_pb2.UpdateModuleResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    module_id = str(check.required_id(request.module_id, field="module_id"))
    edit = edits.update_module(
        module_id, title=check.title(request.title) if request.HasField("title") else None,
        description=check.description(request.description) if request.HasField("description") else None,
        if_match=request.if_match,
    )
    saved, _ = content.edit_content(call, course_id, edit, source="structure_edit")
    index, module = structure.find_module(saved.content, module_id)
    return course_pb2.UpdateModuleResponse(module=convert.module_to_proto(module, position=index),
                                           content_etag=content_etag(saved.content),
                                           content_version=saved.content.version)
