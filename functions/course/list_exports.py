"""CourseService.ListExports: exports of visible courses, newest first, filtered, keyset-paged."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2, course_pb2
from common.repos.exports import ExportFilter
from common.rpc.context import Call
from functions import inputs
from functions.enum_names import stored_name
from functions.export import requests
from functions.export.rows import export_to_proto


def list_exports(request: course_pb2.ListExportsRequest, call: Call) -> course_pb2.ListExportsResponse:
    where = ExportFilter(
        course_id=inputs.required_id(request.course_id, field="course_id") if request.course_id else None,
        format=stored_name(common_pb2.ExportFormat.DESCRIPTOR, inputs.enum_value(
            request.format, common_pb2.ExportFormat.DESCRIPTOR, field="format")) if request.HasField("format") else None,
        status=stored_name(common_pb2.JobStatus.DESCRIPTOR, inputs.enum_value(
            request.status, common_pb2.JobStatus.DESCRIPTOR, field="status")) if request.HasField("status") else None,
    )
    page, people = requests.list_exports(call, where, page_size=request.page_size, page_token=request.page_token)
    storage = call.container.storage
    return course_pb2.ListExportsResponse(exports=[export_to_proto(e, people, storage=storage) for e in page.items],
                                          next_page_token=page.next_page_token)
