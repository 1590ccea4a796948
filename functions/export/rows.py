"""scorm_packages rows ↔ the contract's Export."""

from __future__ import annotations

import uuid
from typing import Any

from common.gen.mirai.v1 import common_pb2, course_pb2
from common.repos.exports import Export
from common.repos.user_summaries import UserSummaryRow
from functions.enum_names import enum_number
from functions.export.options import options_from_json, options_to_proto
from functions.user_summary import user_summary

_FORMAT = common_pb2.ExportFormat.DESCRIPTOR
_STATUS = common_pb2.JobStatus.DESCRIPTOR


def export_to_proto(row: Export, people: dict[uuid.UUID, UserSummaryRow], *, storage: Any) -> course_pb2.Export:
    message = course_pb2.Export(
        id=str(row.id), course_id=str(row.course_id),
        format=common_pb2.ExportFormat.ValueType(enum_number(_FORMAT, row.format)),
        status=common_pb2.JobStatus.ValueType(enum_number(_STATUS, row.status)),
        course_version=row.course_version, course_title=row.course_title,
        options=options_to_proto(options_from_json(row.options)), file_name=row.file_name or "",
        size_bytes=row.size_bytes or 0, error_message=row.error_message or "",
        checksum_sha256=row.checksum_sha256 or "", validation_findings=row.validation,
    )
    for name, moment in (("created_at", row.created_at), ("started_at", row.started_at),
                         ("completed_at", row.completed_at), ("file_expires_at", row.file_expires_at)):
        if moment is not None:
            getattr(message, name).FromDatetime(moment)
    requester = user_summary(row.requested_by, people, storage=storage)
    if requester is not None:
        message.requested_by.CopyFrom(requester)
    return message
