"""Content versions: every body a course ever had, immutable in S3, listed
newest first; restoring one writes its body again as a NEW version."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from common import storage_keys
from common.repos.course_content import CourseVersion
from common.repos.pagination import Page
from common.repos.users import User
from common.rpc.context import Call
from functions.course.content import Saved, edit_content, read_course
from functions.course.model import Content, content_from_json
from functions.course.structure import check_content_etag
from functions.course.visibility import load_viewer


@dataclass(frozen=True)
class VersionPage:
    page: Page[CourseVersion]
    users: dict[uuid.UUID, User]


def list_versions(call: Call, course_id: uuid.UUID, *, page_size: int, page_token: str) -> VersionPage:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True)
        page = uow.course_versions.list(course_id, page_size=page_size, page_token=page_token)
        users = uow.users.summaries([v.created_by for v in page.items])
    return VersionPage(page, users)


def get_version(call: Call, course_id: uuid.UUID, number: int) -> tuple[CourseVersion, Content, dict[uuid.UUID, User]]:
    principal = call.require_principal()
    db = call.container.db
    with db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True)
        version = uow.course_versions.get(course_id, number)
    content = read_version_body(call, course_id, number)  # immutable once committed; read with no transaction open
    with db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        users = uow.users.summaries([version.created_by, uuid.UUID(content.updated_by) if content.updated_by else None])
    return version, content, users


def read_version_body(call: Call, course_id: uuid.UUID, number: int) -> Content:
    key = storage_keys.course_version(call.require_principal().tenant_id, course_id, number)
    return content_from_json(call.container.storage.get_json(key))


def restore_version(call: Call, course_id: uuid.UUID, number: int, *, if_match: str, message: str) -> Saved:
    """``edit_content`` checks that version ``number`` exists before calling ``restore``."""

    def restore(course: object, current: Content) -> tuple[Content, None]:
        check_content_etag(current, if_match)
        return read_version_body(call, course_id, number), None

    saved, _ = edit_content(call, course_id, restore, source="restore", message=message, restored_from=number)
    return saved
