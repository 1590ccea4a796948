"""CourseService.GetExportDownloadUrl: a short-lived presigned GET of a SUCCEEDED export,
saved under a name made of the course title (``safety-basics-scorm2004.zip``)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions import inputs
from functions.course.convert import timestamp
from functions.export import requests


def get_export_download_url(request: course_pb2.GetExportDownloadUrlRequest,
                            call: Call) -> course_pb2.GetExportDownloadUrlResponse:
    found = requests.download(call, inputs.required_id(request.export_id, field="export_id"))
    return course_pb2.GetExportDownloadUrlResponse(download_url=found.url, expires_at=timestamp(found.expires_at),
                                                   file_name=found.file_name, size_bytes=found.size_bytes)
