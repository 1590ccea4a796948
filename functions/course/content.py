"""Reading a course body and committing a new version of it.

Atomicity between S3 and PostgreSQL: a new body is always written under a NEW
key (``versions/<n>.json``, n = the next version) while the transaction that
will point at it is open and holds the course row lock; the row, the version
row and the module/lesson rows commit after the object exists. If anything
fails before the commit, the staged object is deleted again, and no committed
row ever points at an object that was overwritten, so a failed write leaves the
course exactly as it was. A failure of COMMIT itself is ambiguous (the commit may
have happened): then the database is asked, and the body is kept unless the
version row is certainly absent; an orphan is harmless, a lost body is not. ``content.json`` is then refreshed as a copy of the
latest body for tools that follow the storage layout; it is never read here
(two racing writers may leave it one version behind until the next write).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from common import storage_keys
from common.adapters.storage import Storage
from common.errors import AppError, FailedPrecondition, NotFound
from common.repos.course_content import CourseVersion, LessonRow, ModuleRow
from common.repos.courses import Course
from common.rpc.context import Call
from functions.course.convert import now_iso
from functions.course.course_cache import CourseCache
from functions.course.model import Content, content_etag, content_from_json, content_to_json, empty_content, serialize
from functions.course.visibility import Viewer, load_viewer, require_visible

log = logging.getLogger("mirai.course")

T = TypeVar("T")
Edit = Callable[[Course, Content], tuple[Content, T]]


@dataclass(frozen=True)
class Saved:
    course: Course
    content: Content
    version: CourseVersion
    # Authors named in the response (creator, editor), loaded in the same transaction.
    users: dict[uuid.UUID, Any] = field(default_factory=dict)


class StagedObjects:
    """Objects written for a transaction that has not committed yet."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.keys: list[str] = []
        self._committed: Callable[[], bool] | None = None

    def committing(self, committed: Callable[[], bool]) -> None:
        """Call last inside the transaction block: from here on a failure may come from
        COMMIT itself, whose outcome the client cannot know; ``committed`` asks the database."""
        self._committed = committed

    def put(self, key: str, body: bytes) -> None:
        self.keys.append(key)
        self.storage.put(key, body, "application/json")

    def discard(self) -> None:
        if self._committed is not None and self._outcome_may_be_committed():
            return
        for key in self.keys:
            try:
                self.storage.delete(key)
            except AppError as err:
                # The object is unreferenced; the course cleanup sweep removes leftovers.
                log.warning("could not delete an unreferenced course body (%s)", type(err).__name__)


    def _outcome_may_be_committed(self) -> bool:
        # An orphaned body is harmless; deleting one a committed row points at loses data.
        assert self._committed is not None
        try:
            return self._committed()
        except (AppError, SQLAlchemyError) as err:
            log.warning("could not tell whether a course write committed (%s); keeping its body", type(err).__name__)
            return True


def _version_check(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, course_id: uuid.UUID,
                  number: int) -> Callable[[], bool]:
    """Asks, in a fresh transaction, whether version ``number`` of the course exists."""

    def check() -> bool:
        with container.db.tenant_session(tenant_id, user_id) as uow:
            try:
                uow.course_versions.get(course_id, number)
            except NotFound:
                return False
            return True

    return check


@contextmanager
def staged_objects(storage: Storage) -> Iterator[StagedObjects]:
    """Wrap the ``tenant_session`` block: on any failure, including the commit, staged objects go."""
    staged = StagedObjects(storage)
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise


class VersionWrite:
    """The open transaction of ``version_write`` and the one version it may commit.

    ``fence_course`` makes the course's cache entry unusable before the write (see
    ``CourseCache``); None when it was fenced before the transaction or is new."""

    def __init__(self, uow: Any, staged: StagedObjects, fence_course: Callable[[uuid.UUID], None] | None) -> None:
        self.uow = uow
        self.staged = staged
        self.saved: Saved | None = None
        self._fence_course = fence_course

    def write(self, *, course: Course, content: Content, user_id: uuid.UUID, source: str, message: str = "",
              restored_from: int | None = None) -> Saved:
        assert self.saved is None, "one transaction writes one version"
        if self._fence_course is not None:
            self._fence_course(course.id)
        self.saved = write_version(self.uow, self.staged, course=course, content=content, user_id=user_id,
                                   source=source, message=message, restored_from=restored_from)
        return self.saved


@contextmanager
def version_write(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None,
                  course_id: uuid.UUID | None = None, creates: bool = False) -> Iterator[VersionWrite]:
    """One transaction that may commit a new version of a course body (``writing.write``):
    staged objects go again on any failure, a failed COMMIT asks the database whether the
    version exists, and after the commit ``content.json`` is refreshed.

    The course's cache entry is fenced before the transaction when ``course_id`` names it,
    not at all when ``creates`` (a course added in this transaction has no entry), and
    otherwise inside the transaction when ``write`` learns which course it is."""
    cache = CourseCache(container.cache, tenant_id)
    with ExitStack() as fences:
        if course_id is not None:
            fences.enter_context(cache.course_write(course_id))

        def fence_inside(written: uuid.UUID) -> None:
            fences.enter_context(cache.course_write(written))

        late_fence = None if creates or course_id is not None else fence_inside
        with staged_objects(container.storage) as staged, container.db.tenant_session(tenant_id, user_id) as uow:
            writing = VersionWrite(uow, staged, late_fence)
            yield writing
            if writing.saved is not None:
                staged.committing(_version_check(container, tenant_id=tenant_id, user_id=user_id,
                                                 course_id=writing.saved.course.id,
                                                 number=writing.saved.version.version))
    if writing.saved is not None:
        mirror_latest(container.storage, writing.saved)


def load_content(storage: Storage, course: Course) -> Content:
    if course.content_version == 0:
        return empty_content(str(course.id))
    key = storage_keys.course_version(course.tenant_id, course.id, course.content_version)
    return content_from_json(storage.get_json(key))


def write_version(uow: Any, staged: StagedObjects, *, course: Course, content: Content, user_id: uuid.UUID,
                  source: str, message: str = "", restored_from: int | None = None) -> Saved:
    """Stages the body as the course's next version and writes every row that points at it."""
    number = course.content_version + 1
    body_content = replace(content, course_id=str(course.id), version=number, updated_at=now_iso(),
                           updated_by=str(user_id))
    body = serialize(content_to_json(body_content))
    key = storage_keys.course_version(course.tenant_id, course.id, number)
    staged.put(key, body)
    etag = content_etag(body_content)
    modules = [ModuleRow(uuid.UUID(m.id), m.title, m.description, i) for i, m in enumerate(body_content.modules)]
    lessons = [
        LessonRow(uuid.UUID(lesson.id), uuid.UUID(m.id), lesson.title, lesson.description, i, lesson.estimated_minutes,
                  list(lesson.objectives), lesson.content_status)
        for m in body_content.modules for i, lesson in enumerate(m.lessons)
    ]
    uow.course_structure.replace(course.id, modules, lessons)
    version = uow.course_versions.add(
        course_id=course.id, version=number, source=source, object_key=staged.storage.full_key(key),
        etag=etag, size_bytes=len(body), module_count=body_content.module_count,
        lesson_count=body_content.lesson_count, created_by=user_id, message=message, restored_from_version=restored_from,
    )
    updated = uow.courses.update(course.id, {
        "content_version": number, "content_etag": etag, "module_count": body_content.module_count,
        "lesson_count": body_content.lesson_count, "estimated_duration_minutes": body_content.estimated_minutes,
        "updated_by": user_id,
    }, expected_version=course.version)
    return Saved(course=updated, content=body_content, version=version)


def mirror_latest(storage: Storage, saved: Saved) -> None:
    """Refreshes ``content.json`` after the commit; best effort (see the module docstring)."""
    key = storage_keys.course_content(saved.course.tenant_id, saved.course.id)
    try:
        storage.put(key, serialize(content_to_json(saved.content)), "application/json")
    except AppError as err:
        log.warning("course %s: content.json not refreshed (%s)", saved.course.id, type(err).__name__)


def read_course(uow: Any, viewer: Viewer, course_id: uuid.UUID, *, for_update: bool = False,
                include_deleted: bool = False) -> Course:
    course: Course = uow.courses.get(course_id, include_deleted=include_deleted, for_update=for_update)
    require_visible(viewer, course.team_id, what="course")
    return course


def edit_content(call: Call, course_id: uuid.UUID, edit: Edit[T], *, source: str, message: str = "",
                 restored_from: int | None = None) -> tuple[Saved, T]:
    """Runs ``edit`` on the current body under the course row lock and commits the result as a new version.

    ``edit`` is pure: it checks the request's etags against the body it is given
    and returns the new body plus whatever the handler needs back."""
    principal = call.require_principal()
    container = call.container
    with version_write(container, tenant_id=principal.tenant_id, user_id=principal.user_id,
                       course_id=course_id) as writing:
        uow = writing.uow
        viewer = load_viewer(uow, principal)
        course = read_course(uow, viewer, course_id, for_update=True, include_deleted=True)
        if course.deleted_at is not None:
            raise FailedPrecondition("the course is in the trash; restore it first")
        if restored_from is not None:
            uow.course_versions.get(course.id, restored_from)  # not_found for a version that never existed
        current = load_content(container.storage, course)
        new_body, result = edit(course, current)
        saved = writing.write(course=course, content=new_body, user_id=principal.user_id, source=source,
                              message=message, restored_from=restored_from)
        saved = replace(saved, users=uow.users.summaries([saved.course.created_by, principal.user_id]))
    return saved, result


def write_course(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, course_id: uuid.UUID,
                 edit: Callable[[Any, Course, Content], tuple[Content | None, T]], source: str, message: str,
                 staged_keys: Iterable[tuple[str, bytes]] = ()) -> tuple[Saved | None, T]:
    """Runs ``edit(uow, course, body)`` under the course row lock for background work (no
    caller to check visibility for); a new body it returns becomes the next version, None
    writes no version. Objects in ``staged_keys`` are written first and deleted again if
    the transaction fails."""
    with version_write(container, tenant_id=tenant_id, user_id=user_id, course_id=course_id) as writing:
        for key, body in staged_keys:
            writing.staged.put(key, body)
        course = writing.uow.courses.get(course_id, for_update=True, include_deleted=True)
        new_body, result = edit(writing.uow, course, load_content(container.storage, course))
        if new_body is not None:
            author = user_id or course.created_by
            assert author is not None, "a course body needs an author"
            writing.write(course=course, content=new_body, user_id=author, source=source, message=message)
    return writing.saved, result


def read_content(call: Call, course_id: uuid.UUID) -> tuple[Content, dict[uuid.UUID, Any]]:
    """The latest body of a visible course (trashed ones too: the trash view previews them)."""
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        course = read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True)
        body = load_content(call.container.storage, course)
        users = uow.users.summaries([uuid.UUID(body.updated_by)] if body.updated_by else [])
    return body, users

