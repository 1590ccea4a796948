"""Reading a course body and committing a new version of it, with no S3 call
inside a database transaction.

A transaction holds a pooled connection; an S3 call inside one would tie that
connection up for as long as S3 takes, and a frozen S3 would starve every other
request of the instance. So a write runs in three steps:

1. a short transaction reads the course row (and checks visibility);
2. with no transaction open, the current body is read from S3, the edit is
   applied, and the new body is staged under a NEW key
   (``versions/<n>.json``, n = the next version) with a conditional put that
   never overwrites an existing object;
3. a second transaction locks the course row, checks that no other version was
   committed since step 1 (else everything starts over from step 1, so the
   edit re-checks its etags against the newer body: a stale one is ``aborted``),
   and writes the course, version, module and lesson rows that point at the
   staged body.

If anything fails before the commit, the staged object is deleted again; no
committed row ever points at an object that was overwritten, so a failed write
leaves the course exactly as it was. A failure of COMMIT itself is ambiguous
(the commit may have happened): then the database is asked, and the body is
kept unless the version row is certainly absent; an orphan is harmless, a lost
body is not. An orphan left at the next version's key (a kept or undeletable
body) is removed by the next writer once it is older than any transaction can
be. After the commit ``content.json`` is refreshed as a copy of the latest body
for tools that follow the storage layout; it is never read here (two racing
writers may leave it one version behind until the next write).
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from common import storage_keys
from common.adapters.storage import Storage
from common.errors import AlreadyExists, AppError, Conflict, FailedPrecondition, NotFound
from common.repos.course_content import CourseVersion, LessonRow, ModuleRow
from common.repos.courses import Course
from common.rpc.context import Call
from functions.course.convert import now_iso
from functions.course.course_cache import CourseCache
from functions.course.model import (
    Content,
    Lesson,
    Module,
    content_etag,
    content_from_json,
    content_to_json,
    empty_content,
    serialize,
)
from functions.course.visibility import Viewer, load_viewer, require_visible

log = logging.getLogger("mirai.course")

T = TypeVar("T")
R = TypeVar("R")
Edit = Callable[[Course, Content], tuple[Content, T]]
# Reads the course row in a transaction; ``lock`` is True in the transaction that writes.
ReadCourse = Callable[[Any, bool], Course]
# Writes the caller's own rows in the writing transaction, next to the version's.
Record = Callable[[Any, Course, Content, "Saved | None"], R]

# How long a write that keeps losing races to other writers of the same course
# retries before it is ``aborted``: a person waits for an RPC, a job can wait longer
# (twenty lessons of one course finish side by side).
RPC_RETRY_SECONDS = 10.0
JOB_RETRY_SECONDS = 60.0
# No transaction points at a staged body this old: a write transaction is a few
# statements, each bounded by DB_STATEMENT_TIMEOUT_MS.
ABANDONED_AFTER_SECONDS = 120


@dataclass(frozen=True)
class Saved:
    course: Course
    content: Content
    version: CourseVersion
    # Authors named in the response (creator, editor), loaded in the same transaction.
    users: dict[uuid.UUID, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    """A new body for version ``number`` of a course, serialized once, staged before the transaction."""

    course_id: uuid.UUID
    number: int
    key: str
    object_key: str  # the bucket key, as the version row records it
    content: Content
    body: bytes
    etag: str


class StaleRead(Exception):
    """Another version was committed after this write read the course: start over."""


@dataclass(frozen=True)
class Written(Generic[T, R]):
    saved: Saved | None  # None: no new version
    result: T  # what ``change`` returned
    recorded: R | None  # what ``record`` returned


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
        """A key no other writer uses: an upload that failed half-way is deleted too."""
        self.keys.append(key)
        self.storage.put(key, body, "application/json")

    def put_new(self, key: str, body: bytes) -> None:
        """A key racing writers share: ``AlreadyExists`` if taken, and then not ours to delete."""
        self.storage.put_new(key, body, "application/json")
        self.keys.append(key)

    def discard(self) -> None:
        if self._committed is not None and self._outcome_may_be_committed():
            return
        for key in self.keys:
            try:
                self.storage.delete(key)
            except AppError as err:
                # The object is unreferenced; the next writer or the course cleanup removes it.
                log.warning("could not delete an unreferenced course body (%s)", type(err).__name__)

    def _outcome_may_be_committed(self) -> bool:
        # An orphaned body is harmless; deleting one a committed row points at loses data.
        assert self._committed is not None
        try:
            return self._committed()
        except (AppError, SQLAlchemyError) as err:
            log.warning("could not tell whether a course write committed (%s); keeping its body", type(err).__name__)
            return True


@contextmanager
def staged_objects(storage: Storage) -> Iterator[StagedObjects]:
    """Wrap the ``tenant_session`` block: on any failure, including the commit, staged objects go."""
    staged = StagedObjects(storage)
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise


def _version_exists(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, course_id: uuid.UUID,
                    number: int) -> bool:
    """Asks, in a fresh transaction, whether version ``number`` of the course exists."""
    with container.db.tenant_session(tenant_id, user_id) as uow:
        try:
            uow.course_versions.get(course_id, number)
        except NotFound:
            return False
        return True


def draft(storage: Storage, *, tenant_id: uuid.UUID, course_id: uuid.UUID, number: int, content: Content,
          user_id: uuid.UUID) -> Draft:
    """Version ``number`` of the course with ``content`` as its body."""
    body_content = replace(content, course_id=str(course_id), version=number, updated_at=now_iso(),
                           updated_by=str(user_id))
    key = storage_keys.course_version(tenant_id, course_id, number)
    return Draft(course_id=course_id, number=number, key=key, object_key=storage.full_key(key), content=body_content,
                 body=serialize(content_to_json(body_content)), etag=content_etag(body_content))


def next_draft(storage: Storage, course: Course, content: Content, *, user_id: uuid.UUID) -> Draft:
    return draft(storage, tenant_id=course.tenant_id, course_id=course.id, number=course.content_version + 1,
                 content=content, user_id=user_id)


def stage(container: Any, staged: StagedObjects, new: Draft, *, tenant_id: uuid.UUID,
          user_id: uuid.UUID | None) -> None:
    """Uploads the draft's body; ``StaleRead`` when its key is taken (after clearing an abandoned orphan)."""
    try:
        staged.put_new(new.key, new.body)
    except AlreadyExists:
        if not _version_exists(container, tenant_id=tenant_id, user_id=user_id, course_id=new.course_id,
                               number=new.number) and _abandoned(container.storage, new.key):
            log.warning("course %s: removing an abandoned body of version %d", new.course_id, new.number)
            container.storage.delete(new.key)
        raise StaleRead from None


def _abandoned(storage: Storage, key: str) -> bool:
    try:
        return storage.age_seconds(key) > ABANDONED_AFTER_SECONDS
    except NotFound:
        return False  # gone already: the retry takes the key


def record_version(uow: Any, new: Draft, *, course: Course, user_id: uuid.UUID, source: str, message: str = "",
                   restored_from: int | None = None) -> Saved:
    """Writes every row that points at the staged body; ``course`` is the row read under the lock."""
    assert course.content_version + 1 == new.number, "the draft was made from an older version"
    body_content = new.content
    modules = [ModuleRow(uuid.UUID(m.id), m.title, m.description, i) for i, m in enumerate(body_content.modules)]
    lessons = [
        LessonRow(uuid.UUID(lesson.id), uuid.UUID(m.id), lesson.title, lesson.description, i, lesson.estimated_minutes,
                  list(lesson.objectives), lesson.content_status)
        for m in body_content.modules for i, lesson in enumerate(m.lessons)
    ]
    uow.course_structure.replace(course.id, modules, lessons)
    version = uow.course_versions.add(
        course_id=course.id, version=new.number, source=source, object_key=new.object_key,
        etag=new.etag, size_bytes=len(new.body), module_count=body_content.module_count,
        lesson_count=body_content.lesson_count, created_by=user_id, message=message, restored_from_version=restored_from,
    )
    updated = uow.courses.update(course.id, {
        "content_version": new.number, "content_etag": new.etag, "module_count": body_content.module_count,
        "lesson_count": body_content.lesson_count, "estimated_duration_minutes": body_content.estimated_minutes,
        "updated_by": user_id,
    }, expected_version=course.version)
    return Saved(course=updated, content=body_content, version=version)


def attempts(seconds: float = RPC_RETRY_SECONDS) -> Iterator[int]:
    """The tries of a write that may lose a race (``StaleRead``) for ``seconds``; then ``aborted``."""
    deadline = time.monotonic() + seconds
    attempt = 0
    while True:
        yield attempt
        attempt += 1
        # No transaction is open. Exponential backoff with full jitter, so writers that
        # collided spread out instead of colliding again.
        pause = random.uniform(0, min(0.5, 0.01 * 2**attempt))
        if time.monotonic() + pause > deadline:
            raise Conflict("the course changed while this change was being saved; try again")
        time.sleep(pause)


@contextmanager
def version_transaction(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, new: Draft | None,
                        objects: Iterable[tuple[str, bytes]] = (), creates: bool = False,
                        course_id: uuid.UUID | None = None) -> Iterator[Any]:
    """Uploads ``objects`` and the draft's body, then opens the transaction that points rows at
    them (``record_version``); on any failure, the commit included, the uploads go again.
    The caller locks the course row and raises ``StaleRead`` if its version moved.

    The course's cache entry (``course_id``, else the draft's) is fenced from before the
    transaction until after it (see ``CourseCache``), unless ``creates``: a course added in
    this transaction has no entry."""
    fenced = course_id or (new.course_id if new is not None and not creates else None)
    fence = CourseCache(container.cache, tenant_id).course_write(fenced) if fenced is not None else nullcontext()
    with staged_objects(container.storage) as staged:
        for key, body in objects:
            staged.put(key, body)
        if new is not None:
            stage(container, staged, new, tenant_id=tenant_id, user_id=user_id)
        with fence, container.db.tenant_session(tenant_id, user_id) as uow:
            yield uow
            if new is not None:
                staged.committing(lambda: _version_exists(container, tenant_id=tenant_id, user_id=user_id,
                                                          course_id=new.course_id, number=new.number))


def require_unchanged(locked: Course, base: Course) -> Course:
    """``locked`` (read under the row lock) still has the version the draft was made from."""
    if locked.content_version != base.content_version:
        raise StaleRead
    return locked


def commit_version(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, read: ReadCourse,
                   change: Callable[[Course, Content], tuple[Content | None, T]], author: Callable[[Course], uuid.UUID],
                   source: str, message: str | Callable[[T], str] = "", restored_from: int | None = None,
                   record: Record[R] | None = None, objects: Iterable[tuple[str, bytes]] = (),
                   lost_body: Callable[[Course], Content] | None = None,
                   retry_seconds: float = RPC_RETRY_SECONDS) -> Written[T, R]:
    """Applies ``change`` to the current body and commits what it returns as the next version
    (None: no new version), in the three steps of the module docstring.

    ``read(uow, lock)`` loads and checks the course row; ``change`` is pure and may raise
    (a stale etag); ``record(uow, course, body, saved)`` writes the caller's own rows in the
    writing transaction and returns what the caller needs; ``objects`` are uploaded first
    and deleted again if the write fails; ``lost_body`` stands in for a body missing from
    S3 (a full save repairs it), otherwise that read is ``not_found``."""
    for _ in attempts(retry_seconds):
        with container.db.tenant_session(tenant_id, user_id) as uow:
            base = read(uow, False)
        try:
            current = load_content(container.storage, base)
        except NotFound:
            if lost_body is None:
                raise
            log.warning("course %s: body of version %d missing; a full save replaces it", base.id,
                        base.content_version)
            current = lost_body(base)
        new_body, result = change(base, current)
        text = message(result) if callable(message) else message
        new = next_draft(container.storage, base, new_body, user_id=author(base)) if new_body is not None else None
        try:
            with version_transaction(container, tenant_id=tenant_id, user_id=user_id, new=new, objects=objects,
                                     course_id=base.id) as uow:
                course = require_unchanged(read(uow, True), base)
                saved = None
                if new is not None:
                    saved = record_version(uow, new, course=course, user_id=author(course), source=source,
                                           message=text, restored_from=restored_from)
                recorded = record(uow, course, current, saved) if record is not None else None
        except StaleRead:
            continue
        if saved is not None:
            after_write(container, saved)
        return Written(saved, result, recorded)
    raise AssertionError("unreachable")  # pragma: no cover


def create_with_body(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID, course_id: uuid.UUID,
                     content: Content, add: Callable[[Any], Course], source: str, message: str,
                     describe: Callable[[Any, Saved], T]) -> T:
    """A new course whose first version is ``content``: the body is staged under the new id,
    then ``add(uow)`` inserts the row and the version rows point at the body."""
    new = draft(container.storage, tenant_id=tenant_id, course_id=course_id, number=1, content=content, user_id=user_id)
    with version_transaction(container, tenant_id=tenant_id, user_id=user_id, new=new, creates=True) as uow:
        course = add(uow)
        saved = record_version(uow, new, course=course, user_id=user_id, source=source, message=message)
        result = describe(uow, saved)
    after_write(container, saved)
    return result


def load_content(storage: Storage, course: Course) -> Content:
    if course.content_version == 0:
        return empty_content(str(course.id))
    key = storage_keys.course_version(course.tenant_id, course.id, course.content_version)
    return content_from_json(storage.get_json(key))


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
                 restored_from: int | None = None, replaces_body: bool = False) -> tuple[Saved, T]:
    """Runs ``edit`` on the current body and commits the result as a new version.

    ``edit`` is pure: it checks the request's etags against the body it is given
    and returns the new body plus whatever the handler needs back. An edit that
    ``replaces_body`` (a full save) also works when the stored body is lost: it is
    given the structure the database still holds, so the save repairs the course."""
    principal = call.require_principal()
    container = call.container

    def read(uow: Any, lock: bool) -> Course:
        course = read_course(uow, load_viewer(uow, principal), course_id, for_update=lock, include_deleted=True)
        if course.deleted_at is not None:
            raise FailedPrecondition("the course is in the trash; restore it first")
        if restored_from is not None and not lock:
            uow.course_versions.get(course.id, restored_from)  # not_found for a version that never existed
        return course

    def authors(uow: Any, course: Course, body: Content, saved: Saved | None) -> dict[uuid.UUID, Any]:
        return dict(uow.users.summaries([course.created_by, principal.user_id]))

    def lost_body(course: Course) -> Content:
        with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
            modules, lessons = uow.course_structure.rows(course.id)
        return body_from_rows(course, modules, lessons)

    written = commit_version(
        container, tenant_id=principal.tenant_id, user_id=principal.user_id, read=read, change=edit,
        author=lambda _: principal.user_id, source=source, message=message, restored_from=restored_from,
        record=authors, lost_body=lost_body if replaces_body else None,
    )
    assert written.saved is not None and written.recorded is not None
    return replace(written.saved, users=written.recorded), written.result


def body_from_rows(course: Course, modules: list[ModuleRow], lessons: list[LessonRow]) -> Content:
    """What the database knows of a body (structure, no components): the ids a full save may keep."""
    by_module: dict[uuid.UUID, list[Lesson]] = {}
    for row in lessons:
        by_module.setdefault(row.module_id, []).append(Lesson(
            id=str(row.id), title=row.title, description=row.description, estimated_minutes=row.estimated_minutes,
            objectives=tuple(row.objectives), content_status=row.content_status))
    return Content(course_id=str(course.id), version=course.content_version,
                   modules=tuple(Module(id=str(m.id), title=m.title, description=m.description,
                                        lessons=tuple(by_module.get(m.id, ()))) for m in modules))


def write_course(container: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, course_id: uuid.UUID,
                 change: Callable[[Course, Content], tuple[Content | None, T]], record: Record[R] | None = None,
                 source: str, message: str, staged_keys: Iterable[tuple[str, bytes]] = ()) -> Written[T, R]:
    """Background work on a course (no caller to check visibility for): ``change`` (pure) turns
    the current body into a new one (None writes no version); ``record(uow, course, body, saved)``
    writes the job's own rows in the same transaction. Objects in ``staged_keys`` are
    uploaded first and deleted again if the transaction fails."""

    def read(uow: Any, lock: bool) -> Course:
        course: Course = uow.courses.get(course_id, for_update=lock, include_deleted=True)
        return course

    def author(course: Course) -> uuid.UUID:
        chosen = user_id or course.created_by
        assert chosen is not None, "a course body needs an author"
        return chosen

    return commit_version(container, tenant_id=tenant_id, user_id=user_id, read=read, change=change, author=author,
                          source=source, message=message, record=record, objects=staged_keys,
                          retry_seconds=JOB_RETRY_SECONDS)


def after_write(container: Any, saved: Saved) -> None:
    """The cache needs nothing here: the write's fence already retired the old entry."""
    mirror_latest(container.storage, saved)


def read_content(call: Call, course_id: uuid.UUID) -> tuple[Content, dict[uuid.UUID, Any]]:
    """The latest body of a visible course (trashed ones too: the trash view previews them).
    The body is read between two short transactions, never inside one."""
    principal = call.require_principal()
    db = call.container.db
    with db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        course = read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True)
    body = load_content(call.container.storage, course)
    if not body.updated_by:
        return body, {}
    with db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        return body, uow.users.summaries([uuid.UUID(body.updated_by)])
