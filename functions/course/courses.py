"""Course metadata: create, read (cached), update, trash, restore, duplicate.

Every write runs in one unit of work, locks the row, compares the caller's
``if_match`` with the row's etag and then updates with a compare-and-set on the
row version, so a stale etag is ``aborted``, a concurrent writer cannot slip in
between, and an empty ``if_match`` never fails because of someone else's write.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import course_pb2
from common.repos.courses import Course
from common.repos.users import User
from common.rpc.context import Call
from functions.course import convert
from functions.course.content import create_with_body, load_content, read_course
from functions.course.course_cache import CourseCache
from functions.course.model import Content, Module, empty_content
from functions.course.structure import check_etag
from functions.course.visibility import (
    Viewer,
    load_viewer,
    require_can_trash_course,
    require_visible,
    sees_without_memberships,
)

UNSET: Any = object()


@dataclass(frozen=True)
class CourseView:
    course: Course
    users: dict[uuid.UUID, User]

    def to_proto(self) -> course_pb2.Course:
        return convert.course_to_proto(self.course, self.users)


def users_of(uow: Any, *user_ids: uuid.UUID | None) -> dict[uuid.UUID, User]:
    found: dict[uuid.UUID, User] = uow.users.summaries(user_ids)
    return found


def _view(uow: Any, course: Course) -> CourseView:
    return CourseView(course, users_of(uow, course.created_by, course.updated_by))


def require_folder(uow: Any, viewer: Viewer, folder_id: uuid.UUID | None) -> uuid.UUID | None:
    """The folder a course goes into must be one the caller can see."""
    if folder_id is not None:
        folder = uow.folders.get(folder_id)
        require_visible(viewer, folder.team_id, what="folder")
    return folder_id


def require_audience(uow: Any, audience_id: uuid.UUID | None) -> Any:
    """The target audience a course names must exist in the tenant (audiences are company-wide)."""
    return uow.target_audiences.get(audience_id) if audience_id is not None else None


def default_language(uow: Any, user_id: uuid.UUID, audience: Any) -> str:
    """course.proto: the target audience's language, then the caller's locale."""
    if audience is not None and audience.language:
        return str(audience.language)
    locale = uow.users.get(user_id).locale
    return locale or "en"


def create_course(call: Call, *, title: str, description: str, folder_id: uuid.UUID | None,
                  target_audience_id: uuid.UUID | None, tags: list[str], language: str | None) -> CourseView:
    """An empty draft with content version 1 (an empty body) in S3."""
    principal = call.require_principal()
    course_id = uuid.uuid4()

    def add(uow: Any) -> Course:
        require_folder(uow, load_viewer(uow, principal), folder_id)
        audience = require_audience(uow, target_audience_id)
        course: Course = uow.courses.add(
            course_id=course_id, title=title, description=description, folder_id=folder_id,
            target_audience_id=target_audience_id, tags=tags, created_by=principal.user_id,
            language=language or default_language(uow, principal.user_id, audience),
        )
        return course

    return create_with_body(call.container, tenant_id=principal.tenant_id, user_id=principal.user_id,
                            course_id=course_id, content=empty_content(str(course_id)), add=add, source="create",
                            message="", describe=lambda uow, saved: _view(uow, saved.course))


def get_course(call: Call, course_id: uuid.UUID) -> course_pb2.Course:
    """From the cache when possible; a cached team course still needs the caller's memberships."""
    principal = call.require_principal()
    cache = CourseCache(call.container.cache, principal.tenant_id)
    cached, stamp = cache.get_course(str(course_id))
    if cached is not None and sees_without_memberships(principal, uuid.UUID(cached.team_id) if cached.team_id else None):
        return cached
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if cached is not None:
            require_visible(viewer, uuid.UUID(cached.team_id), what="course")
            return cached
        message = _view(uow, read_course(uow, viewer, course_id, include_deleted=True)).to_proto()
    cache.put_course(message, stamp)
    return message


def update_course(call: Call, course_id: uuid.UUID, changes: dict[str, Any], *, if_match: str) -> CourseView:
    """``changes``: validated column values; ``folder_id`` may be None (the library root)."""
    principal = call.require_principal()
    with CourseCache(call.container.cache, principal.tenant_id).course_write(course_id), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        course = _live(read_course(uow, viewer, course_id, include_deleted=True, for_update=True))
        check_etag(if_match, course.etag, what="course")
        if "folder_id" in changes:
            require_folder(uow, viewer, changes["folder_id"])
            if changes["folder_id"] is None:
                # course.proto: no folder is the company library's root (a folder brings its own team).
                changes = {**changes, "team_id": None}
        if "target_audience_id" in changes:
            require_audience(uow, changes["target_audience_id"])
        if changes.get("status") == "published" and course.status != "published":
            changes = {**changes, "published_at": datetime.now(UTC)}
        updated = uow.courses.update(course_id, {**changes, "updated_by": principal.user_id},
                                     expected_version=course.version)
        view = _view(uow, updated)
    return view


def delete_course(call: Call, course_id: uuid.UUID, *, if_match: str) -> CourseView:
    principal = call.require_principal()
    with CourseCache(call.container.cache, principal.tenant_id).course_write(course_id), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        course = _live(read_course(uow, viewer, course_id, include_deleted=True, for_update=True))
        require_can_trash_course(viewer, created_by=course.created_by, team_id=course.team_id)
        check_etag(if_match, course.etag, what="course")
        view = _view(uow, uow.courses.trash(course_id, expected_version=course.version))
    return view


def restore_course(call: Call, course_id: uuid.UUID) -> CourseView:
    principal = call.require_principal()
    with CourseCache(call.container.cache, principal.tenant_id).course_write(course_id), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        course = read_course(uow, viewer, course_id, include_deleted=True, for_update=True)
        if course.deleted_at is None:
            raise FailedPrecondition("the course is not in the trash")
        require_can_trash_course(viewer, created_by=course.created_by, team_id=course.team_id)
        view = _view(uow, uow.courses.restore(course_id))
    return view


def duplicate_course(call: Call, course_id: uuid.UUID, *, title: str | None, folder_id: Any = UNSET) -> CourseView:
    """A new draft with the source's metadata and latest body (new module and lesson ids)."""
    principal = call.require_principal()
    container = call.container
    with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        source = _live(read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True))
    # The body of a committed version never changes, so it needs no lock while it is copied.
    body = with_new_ids(load_content(container.storage, source))
    copy_id = uuid.uuid4()

    def add(uow: Any) -> Course:
        viewer = load_viewer(uow, principal)
        # Checked again where the copy is made: the source may have been trashed or hidden since.
        _live(read_course(uow, viewer, course_id, include_deleted=True))
        if folder_id is UNSET:  # beside the source, in its library (a team's root included)
            destination, team = source.folder_id, source.team_id
        else:
            destination, team = require_folder(uow, viewer, folder_id), None
        course: Course = uow.courses.add(
            course_id=copy_id, title=title or copy_title(source.title), description=source.description,
            folder_id=destination, target_audience_id=source.target_audience_id, tags=list(source.tags),
            language=source.language, created_by=principal.user_id, team_id=team,
        )
        return course

    return create_with_body(container, tenant_id=principal.tenant_id, user_id=principal.user_id, course_id=copy_id,
                            content=body, add=add, source="create",
                            message=f"duplicated from version {source.content_version}",
                            describe=lambda uow, saved: _view(uow, saved.course))


def copy_title(title: str) -> str:
    suffix = " (copy)"
    return title[: 300 - len(suffix)] + suffix


def with_new_ids(content: Content) -> Content:
    """Module and lesson ids are row ids, unique across courses: a copy gets fresh ones."""
    return replace(content, modules=tuple(
        Module(id=str(uuid.uuid4()), title=m.title, description=m.description,
               lessons=tuple(replace(lesson, id=str(uuid.uuid4())) for lesson in m.lessons))
        for m in content.modules
    ))


def _live(course: Course) -> Course:
    if course.deleted_at is not None:
        raise FailedPrecondition("the course is in the trash; restore it first")
    return course

