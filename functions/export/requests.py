"""What the four export RPCs do: record an export (or reuse one), and read them back.

An export is seen by whoever can see its course (course visibility rules, including
courses in the trash); anything else answers ``not_found`` for the export, exactly like
an id that does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from common import storage_keys
from common.errors import FailedPrecondition, NotFound
from common.repos.exports import Export, ExportFilter
from common.repos.pagination import Page
from common.repos.user_summaries import UserSummaryRow
from common.rpc.context import Call
from functions.course.content import read_course
from functions.course.visibility import Viewer, load_viewer
from functions.export.formats import Format, file_name
from functions.export.options import checked_options, options_key, options_to_json
from functions.export.queueing import nudge, request_export

DOWNLOAD_URL_SECONDS = 900


@dataclass(frozen=True)
class Shown:
    export: Export
    people: dict[uuid.UUID, UserSummaryRow]


@dataclass(frozen=True)
class ExportRequest:
    course_id: uuid.UUID
    format: Format
    version: int  # 0: the course's current version
    options: Any  # course_pb2.ExportOptions, checked here (it needs the course's language)


def _visible(uow: Any, viewer: Viewer, export_id: uuid.UUID) -> Export:
    export: Export = uow.exports.get(export_id)
    try:
        read_course(uow, viewer, export.course_id, include_deleted=True)
    except NotFound:
        raise NotFound("export not found", field="export_id") from None
    return export


def export_course(call: Call, asked: ExportRequest) -> tuple[Shown, bool]:
    """The export of this course version, format and options: an existing one that is
    queued, running or succeeded (not expired), else a new one queued with its event in
    the same transaction. Answers it and whether it is new."""
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        course = read_course(uow, load_viewer(uow, principal), asked.course_id, include_deleted=True)
        if course.deleted_at is not None:
            raise FailedPrecondition("the course is in the trash; restore it before exporting it")
        version = asked.version or course.content_version
        if version < 1:
            raise FailedPrecondition("the course has no content to export yet")
        uow.course_versions.get(course.id, version)  # not_found for a version that never existed
        options = checked_options(asked.options, asked.format, course_language=course.language)
        key = options_key(course_version=version, fmt=asked.format, options=options)
        uow.exports.lock_request(key)
        export = uow.exports.reusable(course.id, key)
        created = export is None
        if export is None:
            export = uow.exports.add(
                course_id=course.id, format=asked.format.name, course_version=version, course_title=course.title,
                options=options_to_json(options), options_key=key, file_name=file_name(course.title, asked.format),
                requested_by=principal.user_id)
            request_export(uow, export)
        people = uow.user_summaries.by_ids([export.requested_by])
    if created:
        nudge(call.container)
    return Shown(export, people), created


def get_export(call: Call, export_id: uuid.UUID) -> Shown:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        export = _visible(uow, load_viewer(uow, principal), export_id)
        return Shown(export, uow.user_summaries.by_ids([export.requested_by]))


def list_exports(call: Call, where: ExportFilter, *, page_size: int, page_token: str) -> tuple[Page[Export], dict[uuid.UUID, UserSummaryRow]]:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if where.course_id is not None:
            try:
                read_course(uow, viewer, where.course_id, include_deleted=True)
            except NotFound:
                return Page(items=[], next_page_token=""), {}
        page = uow.exports.list(ExportFilter(visible_teams=viewer.visible_teams(), course_id=where.course_id,
                                             format=where.format, status=where.status),
                                page_size=page_size, page_token=page_token)
        return page, uow.user_summaries.by_ids([e.requested_by for e in page.items])


@dataclass(frozen=True)
class Download:
    url: str
    expires_at: datetime
    file_name: str
    size_bytes: int


def download(call: Call, export_id: uuid.UUID) -> Download:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        export = _visible(uow, load_viewer(uow, principal), export_id)
    now = datetime.now(UTC)
    if export.status != "succeeded" or export.object_key is None:
        raise FailedPrecondition(f"the export is {export.status}; it can be downloaded once it has succeeded")
    if export.file_expires_at is not None and export.file_expires_at <= now:
        raise FailedPrecondition("the export's file has expired; export the course again")
    name = export.file_name or "course.zip"
    url = call.container.storage.presigned_download_url(storage_keys.export_archive(export.tenant_id, export.id),
                                                        expires_in=DOWNLOAD_URL_SECONDS, file_name=name)
    return Download(url=url, expires_at=now + timedelta(seconds=DOWNLOAD_URL_SECONDS), file_name=name,
                    size_bytes=export.size_bytes or 0)
