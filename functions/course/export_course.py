"""CourseService.ExportCourse: records an export (or answers the same one already queued,
running or built) and returns at once; the export_course job builds the file."""

from __future__ import annotations

from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions import inputs
from functions.export import requests
from functions.export.formats import format_of
from functions.export.rows import export_to_proto


def export_course(request: course_pb2.ExportCourseRequest, call: Call) -> course_pb2.ExportCourseResponse:
    course_id = inputs.required_id(request.course_id, field="course_id")
    try:
        fmt = format_of(request.format)
    except ValueError:
        raise InvalidArgument("must be one of the defined ExportFormat values", field="format") from None
    if request.version < 0:
        raise InvalidArgument("must be a version number, or 0 for the current version", field="version")
    shown, _ = requests.export_course(call, requests.ExportRequest(
        course_id=course_id, format=fmt, version=request.version, options=request.options))
    return course_pb2.ExportCourseResponse(export=export_to_proto(shown.export, shown.people,
                                                                  storage=call.container.storage))
