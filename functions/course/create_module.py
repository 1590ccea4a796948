"""CourseService.CreateModule: adds a module (a new content version)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits, structure
from functions.course import validation as check
from functions.course.model import content_etag


def create_module(request: course_pb2.CreateModuleRequest, call: Call) -> course_pb2.CreateModuleResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    edit = edits.create_module(
        title=check.title(request.title), description=check.description(request.description),
        position=check.position(request.position) if request.HasField("position") else None, if_match=request.if_match,
    )
    saved, module_id = content.edit_content(call, course_id, edit, source="structure_edit")
    index, module = structure.find_module(saved.content, module_id)
    return course_pb2.CreateModuleResponse(module=convert.module_to_proto(module, position=index),
                                           content_etag=content_etag(saved.content),
                                           content_version=saved.content.version)
