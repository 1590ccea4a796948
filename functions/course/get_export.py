"""CourseService.GetExport: one export and its status (clients poll it)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions import inputs
from functions.export import requests
from functions.export.rows import export_to_proto


def get_export(request: course_pb2.GetExportRequest, call: Call) -> course_pb2.GetExportResponse:
    shown = requests.get_export(call, inputs.required_id(request.export_id, field="export_id"))
    return course_pb2.GetExportResponse(export=export_to_proto(shown.export, shown.people, storage=call.container.storage))
