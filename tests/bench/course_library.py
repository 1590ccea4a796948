"""CourseService in-process (the real Container, no HTTP) against the raw I/O each call needs.

    GetCourse, cached        vs one raw Redis GET of the same entry
    GetCourse, uncached      vs one raw SELECT by primary key (its own transaction)
    CreateCourse             vs one raw INSERT + COMMIT, and vs one raw S3 PUT of the body
    ListCourses, 10,000      vs one raw SELECT of the same first page

The tenant gets 10,000 courses from one multi-row INSERT through the repository.
Services: ``DATABASE_URL`` / ``REDIS_URL`` when set, embedded ones otherwise; S3 is
a local moto server. A database of its own is created and dropped.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from sqlalchemy import text

from common import storage_keys
from common.cache_keys import CacheKeys
from common.db import Database
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call, Principal
from functions.bootstrap import Container
from functions.course.create_course import create_course
from functions.course.get_course import get_course
from functions.course.list_courses import list_courses
from functions.course.model import content_to_json, empty_content, serialize
from tests.bench.harness import Row, median_seconds
from tests.bench.stack import migrated_settings
from tests.support.seed import seed_tenant

COURSES = 10_000


@contextmanager
def bench_container() -> Iterator[tuple[Container, Database]]:
    with ExitStack() as stack:
        settings, owner_url = migrated_settings(stack, name="course", env={"S3_BUCKET": "bench-courses", "DB_POOL_SIZE": "4"})
        container = Container(settings)
        stack.callback(container.close)
        container.storage.ensure_bucket()
        owner_db = Database(owner_url, pool_size=1)
        stack.callback(owner_db.dispose)
        yield container, owner_db


def seed_with_outsider(owner_db: Database) -> tuple[dict[str, uuid.UUID], Principal, Principal]:
    """A seeded tenant's ids, its owner and a member outside the seeded team (so its team
    library and team-scoped SME are hidden from them)."""
    member_id = uuid.uuid4()
    with owner_db.engine.begin() as conn:
        ids = seed_tenant(conn, f"bench-{uuid.uuid4().hex[:6]}")
        conn.execute(text("insert into users (id, tenant_id, company_id, email, role)"
                          " values (:id, :t, :c, 'outsider@bench.example', 'member')"),
                     {"id": member_id, "t": ids["tenant"], "c": ids["company"]})
    member = Principal(member_id, ids["tenant"], "member", "bench-member", "outsider@bench.example")
    principal = Principal(ids["owner"], ids["tenant"], "owner", "bench-owner", "owner@bench.example")
    return ids, principal, member


def _seed(container: Container, owner_db: Database) -> tuple[Call, Call]:
    """The owner's call and a member's (outside the seeded team, so one team library is hidden)."""
    ids, principal, member = seed_with_outsider(owner_db)
    with container.db.tenant_session(ids["tenant"], ids["owner"]) as uow:
        uow.courses.bulk_add([
            {"title": f"Course {i:05d}", "description": "seeded", "tags": ["bench"], "created_by": ids["owner"]}
            for i in range(COURSES)
        ])
    # What autovacuum would have done by now on a real 10,000-course tenant.
    with owner_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("vacuum analyze courses"))
    return (Call(principal=principal, container=container, headers={}),
            Call(principal=member, container=container, headers={}))


def _raw_insert_commit(container: Container, tenant_id: uuid.UUID) -> None:
    with container.db.engine.begin() as conn:
        conn.execute(text("select set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})
        conn.execute(text("insert into courses (tenant_id, title) values (:t, 'raw')"), {"t": tenant_id})


def _raw_select(container: Container, tenant_id: uuid.UUID, sql: str, **params: object) -> None:
    with container.db.engine.begin() as conn:
        conn.execute(text("select set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})
        conn.execute(text(sql), params).all()


def rows() -> list[Row]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with bench_container() as (container, owner_db):
        call, member_call = _seed(container, owner_db)
        tenant = call.principal.tenant_id  # type: ignore[union-attr]
        course = create_course(course_pb2.CreateCourseRequest(title="Measured"), call).course
        request = course_pb2.GetCourseRequest(course_id=course.id)
        key = CacheKeys(tenant).course(course.id)
        redis = container.cache.client  # type: ignore[union-attr]

        get_course(request, call)
        cached = median_seconds(lambda: get_course(request, call), runs=300)
        raw_get = median_seconds(lambda: redis.get(key), runs=300)

        def uncached_read() -> None:
            redis.delete(key)
            get_course(request, call)

        uncached = median_seconds(uncached_read, runs=50)
        raw_pk = median_seconds(lambda: _raw_select(container, tenant, "select * from courses where id = :id",
                                                    id=course.id), runs=50)

        create = median_seconds(lambda: create_course(course_pb2.CreateCourseRequest(title="Bench"), call), runs=30)
        raw_insert = median_seconds(lambda: _raw_insert_commit(container, tenant), runs=30)
        body = serialize(content_to_json(empty_content(str(uuid.uuid4()))))
        put_key = storage_keys.course_content(tenant, uuid.uuid4())
        raw_put = median_seconds(lambda: container.storage.client.put_object(
            Bucket=container.storage.bucket, Key=container.storage.full_key(put_key), Body=body), runs=30)

        listing = median_seconds(lambda: list_courses(course_pb2.ListCoursesRequest(), call), runs=20)
        member_listing = median_seconds(lambda: list_courses(course_pb2.ListCoursesRequest(), member_call), runs=20)
        raw_page = median_seconds(lambda: _raw_select(
            container, tenant, "select * from courses where deleted_at is null"
            " order by updated_at desc, id desc limit 51"), runs=20)
        return [
            Row("GetCourse, cached", cached, "raw redis GET", raw_get),
            Row("GetCourse, uncached (DB + cache fill)", uncached, "raw SELECT by id + COMMIT", raw_pk),
            Row("CreateCourse (row + version + S3 body)", create, "raw INSERT + COMMIT", raw_insert),
            Row("CreateCourse (row + version + S3 body)", create, "raw S3 PUT", raw_put),
            Row(f"ListCourses, first page of {COURSES:,} (owner)", listing, "raw SELECT of the page", raw_page),
            Row(f"ListCourses, first page of {COURSES:,} (member)", member_listing, "raw SELECT of the page",
                raw_page),
        ]
