"""GetCourse is served from Redis after the first read; every write makes the entry
unusable; with the cache disabled every RPC works; with a Redis that dies mid-test
reads come from the database and writes answer ``unavailable`` without changing anything."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from common.adapters.cache import RedisCache
from common.cache_keys import CacheKeys
from common.config import Settings
from common.db import Database
from common.errors import Unavailable
from common.gen.mirai.v1 import course_pb2
from functions.bootstrap import Container
from tests.support.cache_probe import cached_course
from tests.support.course_actors import CourseApi, Tenant, error_of, every_course_rpc
from tests.support.redis_process import RedisProcess

pytestmark = pytest.mark.integration


def _rename_behind_the_apis_back(owner_db: Database, course_id: str, title: str) -> None:
    with owner_db.engine.begin() as conn:
        conn.execute(text("update courses set title = :t where id = :id"), {"t": title, "id": course_id})


def test_the_second_read_is_served_from_the_cache(container: Container, tenant: Tenant, owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Cached").course
    first = api.get_course(course_id=course.id).course
    assert cached_course(container.cache, tenant.id, course.id) == first
    _rename_behind_the_apis_back(owner_db, course.id, "Changed in the database only")
    assert api.get_course(course_id=course.id).course == first  # the database was not asked


def test_every_write_invalidates_the_entry(container: Container, tenant: Tenant, owner_db: Database) -> None:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Cached").course
    writes = [
        lambda: api.update_course(course_id=course.id, description="new"),
        lambda: api.create_module(course_id=course.id, title="M"),
        lambda: api.save_course_content(course_id=course.id, content=course_pb2.CourseContent()),
        lambda: api.delete_course(course_id=course.id),
        lambda: api.restore_course(course_id=course.id),
    ]
    for write in writes:
        api.get_course(course_id=course.id)
        assert cached_course(container.cache, tenant.id, course.id) is not None
        write()
        assert cached_course(container.cache, tenant.id, course.id) is None
    assert api.get_course(course_id=course.id).course.content_version == 3


def test_a_folder_move_invalidates_the_courses_inside_it(container: Container, tenant: Tenant) -> None:
    owner = CourseApi(container, tenant.owner)
    folder = owner.create_folder(name="Moving").folder
    course = owner.create_course(title="Inside", folder_id=folder.id).course
    owner.get_course(course_id=course.id)
    owner.move_folder(folder_id=folder.id, team_id=str(tenant.ids["team"]))
    assert owner.get_course(course_id=course.id).course.team_id == str(tenant.ids["team"])


def test_with_the_cache_disabled_every_rpc_works_and_nothing_is_cached(settings: Settings, tenant: Tenant) -> None:
    uncached = Container(replace(settings, cache_enabled=False))
    try:
        api = CourseApi(uncached, tenant.owner)
        every_course_rpc(api)
        course = api.create_course(title="Not cached").course
        api.get_course(course_id=course.id)
        assert settings.redis_url
        probe = RedisCache.from_url(settings.redis_url)
        assert probe.client.exists(CacheKeys(tenant.id).course(course.id)) == 0
        probe.close()
    finally:
        uncached.close()


def test_with_redis_dead_reads_come_from_the_database_and_writes_change_nothing(
    settings: Settings, tenant: Tenant, owner_db: Database, redis_process: RedisProcess
) -> None:
    own = Container(replace(settings, redis_url=redis_process.url))
    try:
        api = CourseApi(own, tenant.owner)
        course = api.create_course(title="Before the outage").course
        api.get_course(course_id=course.id)
        assert cached_course(own.cache, tenant.id, course.id) is not None

        redis_process.kill()

        _rename_behind_the_apis_back(owner_db, course.id, "Read from the database")
        assert api.get_course(course_id=course.id).course.title == "Read from the database"
        assert api.list_courses().courses
        err = error_of(lambda: api.update_course(course_id=course.id, title="Never written"))
        assert isinstance(err, Unavailable) and "retry" in err.message
        assert isinstance(error_of(lambda: api.create_module(course_id=course.id, title="M")), Unavailable)
        assert api.get_course(course_id=course.id).course.title == "Read from the database"
        assert api.get_course_content(course_id=course.id).content.modules == []
    finally:
        own.close()


def test_an_unreadable_entry_is_a_miss_and_the_database_answers(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.owner)
    course = api.create_course(title="Readable").course
    cache = container.cache
    keys = CacheKeys(tenant.id)
    guards = [keys.course_guard(course.id), keys.library_guard()]
    stamp = cache.get_guarded(keys.course(course.id), guards).stamp
    assert stamp is not None
    assert cache.set_guarded(keys.course(course.id), guards, stamp, {"course": "not base64!"}, etag=course.etag)
    assert api.get_course(course_id=course.id).course.title == "Readable"
    assert cached_course(cache, tenant.id, course.id) is not None  # dropped and filled again from the database
