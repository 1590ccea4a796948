"""S3 and PostgreSQL fail together or not at all: a failed write leaves no
half-made course, no changed row and no orphaned body."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from common import storage_keys
from common.config import Settings
from common.db import Database
from common.errors import InvalidArgument, NotFound, Unavailable
from common.gen.mirai.v1 import common_pb2, course_pb2
from functions.bootstrap import Container
from tests.support.course_actors import CourseApi, Tenant, error_of

pytestmark = pytest.mark.integration


@pytest.fixture
def broken_s3(settings: Settings) -> Iterator[Container]:
    """The same database, but an S3 bucket that does not exist: every object write fails."""
    built = Container(replace(settings, s3=replace(settings.s3, bucket="no-such-bucket")))
    yield built
    built.close()


def _count(owner_db: Database, sql: str, **params: object) -> int:
    with owner_db.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def test_create_with_s3_failing_leaves_no_course(broken_s3: Container, tenant: Tenant, owner_db: Database) -> None:
    before = _count(owner_db, "select count(*) from courses where tenant_id = :t", t=tenant.id)
    err = error_of(lambda: CourseApi(broken_s3, tenant.lead).create_course(title="Never stored"))
    assert isinstance(err, Unavailable)
    assert _count(owner_db, "select count(*) from courses where tenant_id = :t", t=tenant.id) == before
    assert _count(owner_db, "select count(*) from courses where title = 'Never stored'") == 0


def test_an_edit_with_s3_failing_changes_nothing(container: Container, broken_s3: Container, tenant: Tenant,
                                                 owner_db: Database) -> None:
    course = CourseApi(container, tenant.lead).create_course(title="Stable").course
    err = error_of(lambda: CourseApi(broken_s3, tenant.lead).create_module(course_id=course.id, title="M"))
    assert isinstance(err, Unavailable)
    assert CourseApi(container, tenant.lead).get_course(course_id=course.id).course.content_version == 1
    assert _count(owner_db, "select count(*) from course_modules where course_id = :c", c=course.id) == 0
    assert _count(owner_db, "select count(*) from course_versions where course_id = :c", c=course.id) == 1


def test_a_database_failure_after_the_body_was_written_deletes_the_orphan(
    settings: Settings, container: Container, tenant: Tenant, owner_db: Database
) -> None:
    course = CourseApi(container, tenant.lead).create_course(title="Guarded").course
    impatient = Container(replace(settings, db_statement_timeout_ms=300))
    locked, release = threading.Event(), threading.Event()

    def hold_version_table() -> None:
        # The version row is written after the body is staged in S3: blocking it makes
        # the transaction fail (statement timeout) with the body already uploaded.
        with owner_db.engine.begin() as conn:
            conn.execute(text("lock table course_versions in exclusive mode"))
            locked.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=hold_version_table)
    holder.start()
    try:
        assert locked.wait(timeout=10)
        with pytest.raises(DBAPIError, match="statement timeout"):
            CourseApi(impatient, tenant.lead).create_module(course_id=course.id, title="M")
    finally:
        release.set()
        holder.join(timeout=30)
        impatient.close()
    with pytest.raises(NotFound):
        container.storage.get(storage_keys.course_version(tenant.id, course.id, 2))
    assert CourseApi(container, tenant.lead).get_course_content(course_id=course.id).content.version == 1
    assert _count(owner_db, "select count(*) from course_modules where course_id = :c", c=course.id) == 0


def test_a_body_over_the_size_limit_is_invalid_argument_and_not_stored(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Big").course
    limit = container.settings.s3.max_body_bytes
    huge = common_pb2.LessonComponent(type=common_pb2.COMPONENT_TYPE_TEXT,
                                      text=common_pb2.TextBlock(markdown="x" * (limit // 4)))
    body = course_pb2.CourseContent(modules=[course_pb2.CourseModule(title="M", lessons=[
        course_pb2.Lesson(title=f"L{i}", components=[huge]) for i in range(5)])])
    err = error_of(lambda: api.save_course_content(course_id=course.id, content=body))
    assert isinstance(err, InvalidArgument) and err.field == "content"
    assert api.get_course(course_id=course.id).course.content_version == 1
    assert container.storage.list_keys(storage_keys.course_versions_prefix(tenant.id, course.id)) == [
        storage_keys.course_version(tenant.id, course.id, 1)]


def test_a_body_lost_in_s3_is_repaired_by_a_full_save(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Lost").course
    module = api.create_module(course_id=course.id, title="Kept module").module
    before = api.get_course_content(course_id=course.id).content
    container.storage.delete(storage_keys.course_version(tenant.id, course.id, 2))
    assert isinstance(error_of(lambda: api.get_course_content(course_id=course.id)), NotFound)
    # An edit of a part of the body still needs the body.
    assert isinstance(error_of(lambda: api.create_lesson(course_id=course.id, module_id=module.id, title="L")), NotFound)
    body = course_pb2.CourseContent(modules=[course_pb2.CourseModule(id=module.id, title="Kept module", lessons=[
        course_pb2.Lesson(title="Rewritten")])])
    saved = api.save_course_content(course_id=course.id, content=body, if_match=before.etag)
    assert saved.content.version == 3 and saved.content.modules[0].id == module.id
    repaired = api.get_course_content(course_id=course.id).content
    assert [lesson.title for lesson in repaired.modules[0].lessons] == ["Rewritten"]


def test_a_stale_etag_is_still_aborted_when_the_body_is_lost(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Lost too").course
    api.create_module(course_id=course.id, title="M")
    container.storage.delete(storage_keys.course_version(tenant.id, course.id, 2))
    err = error_of(lambda: api.save_course_content(course_id=course.id, content=course_pb2.CourseContent(),
                                                   if_match="stale"))
    assert err.code_name == "aborted"
    assert api.get_course(course_id=course.id).course.content_version == 2


def test_an_abandoned_body_at_the_next_version_does_not_block_writes(container: Container, tenant: Tenant,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from functions.course import content

    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Orphaned").course
    orphan = storage_keys.course_version(tenant.id, course.id, 2)
    container.storage.put(orphan, b'{"left": "by a crashed writer"}', "application/json")
    # The age after which nothing can still commit a staged body; zero stands for "long ago".
    monkeypatch.setattr(content, "ABANDONED_AFTER_SECONDS", 0)
    api.create_module(course_id=course.id, title="After the crash")
    body = api.get_course_content(course_id=course.id).content
    assert body.version == 2 and [m.title for m in body.modules] == ["After the crash"]
