"""CourseService.ReorderModules: sets the order of all modules of a course."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits
from functions.course import validation as check
from functions.course.model import content_etag


def reorder_modules(request: course_pb2.ReorderModulesRequest, call: Call) -> course_pb2.ReorderModulesResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    ids = [str(check.required_id(m, field=f"module_ids[{i}]")) for i, m in enumerate(request.module_ids)]
    saved, _ = content.edit_content(call, course_id, edits.reorder_modules(ids, if_match=request.if_match),
                                    source="structure_edit")
    return course_pb2.ReorderModulesResponse(
        modules=[convert.module_to_proto(m, position=i, with_lessons=False) for i, m in enumerate(saved.content.modules)],
        content_etag=content_etag(saved.content), content_version=saved.content.version,
    )
