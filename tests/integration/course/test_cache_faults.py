"""The course cache under a Redis of this test's own that stalls (SIGSTOP) or dies,
and with many other keys in it.

Documented behaviour (docs/design.md, caching):
- a write whose fence Redis cannot take answers ``unavailable`` within the client
  timeouts and changes nothing;
- a write whose fence was taken commits even if Redis stalls before the release;
  the old entry is then never served again, to anyone;
- reads and other RPCs of the same process keep answering from the database;
- no request path issues SCAN or KEYS, however many keys Redis holds.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
import redis
from sqlalchemy import text

from common.cache_keys import CacheKeys
from common.config import Settings
from common.db import Database
from common.errors import NotFound, Unavailable
from functions.bootstrap import Container
from functions.course.course_cache import CourseCache
from tests.support.cache_probe import cached_course
from tests.support.course_actors import Actor, CourseApi, Tenant, error_of, every_course_rpc
from tests.support.redis_process import RedisProcess

pytestmark = pytest.mark.integration


@pytest.fixture
def own(container: Container, settings: Settings, redis_process: RedisProcess) -> Iterator[Container]:
    """A Container on this test's Redis: one instance of a function (``container`` made the bucket)."""
    built = Container(replace(settings, redis_url=redis_process.url))
    yield built
    built.close()


@contextmanager
def another_instance(settings: Settings, redis_process: RedisProcess) -> Iterator[Container]:
    """A second instance on the same Redis that never saw the stall (its breaker is closed)."""
    built = Container(replace(settings, redis_url=redis_process.url))
    try:
        yield built
    finally:
        built.close()


def _hidden_from(container: Container, actor: Actor, course_id: str) -> bool:
    return isinstance(error_of(lambda: CourseApi(container, actor).get_course(course_id=course_id)), NotFound)


def _company_course_the_outsider_reads(own: Container, tenant: Tenant) -> tuple[Any, Any]:
    owner = CourseApi(own, tenant.owner)
    team_folder = owner.create_folder(name=f"Team only {uuid.uuid4().hex[:6]}", team_id=str(tenant.ids["team"])).folder
    course = owner.create_course(title="Company-wide").course
    assert CourseApi(own, tenant.outsider).get_course(course_id=course.id).course.title == "Company-wide"
    assert cached_course(own.cache, tenant.id, course.id) is not None
    return course, team_folder


def _wait_for_fence(client: Any, guard: str) -> None:
    """Until the writer's fence is in Redis (a condition, not a timing)."""
    waited = threading.Event()
    for _ in range(400):
        if any(field.startswith(b"w:") for field in client.hkeys(guard)):
            return
        waited.wait(0.025)
    raise AssertionError("the writer never fenced")


def test_redis_stalling_between_fence_and_release_never_leaves_the_old_entry_readable(
    own: Container, settings: Settings, tenant: Tenant, owner_db: Database, redis_process: RedisProcess
) -> None:
    """The issue's scenario: the write commits while Redis is stopped; afterwards the member who
    lost access gets not_found, everybody reads the new title, and other RPCs answered meanwhile."""
    course, team_folder = _company_course_the_outsider_reads(own, tenant)
    unrelated = CourseApi(own, tenant.owner).create_course(title="Unrelated").course
    probe = redis.Redis.from_url(redis_process.url)
    outcome: dict[str, Any] = {}

    def move() -> None:
        try:
            outcome["course"] = CourseApi(own, tenant.owner).update_course(
                course_id=course.id, title="Moved into a team", folder_id=team_folder.id).course
        except Exception as err:  # reported to the main thread
            outcome["error"] = err

    # Hold the row lock, so the writer fences and then waits inside its transaction.
    with owner_db.engine.connect() as blocker:
        blocker.execute(text("select 1 from courses where id = :id for update"), {"id": course.id})
        writer = threading.Thread(target=move)
        writer.start()
        _wait_for_fence(probe, CacheKeys(tenant.id).course_guard(course.id))
        redis_process.pause()
        blocker.rollback()
        # Other RPCs of the same process answer while Redis is stopped and the writer is stuck on it.
        assert CourseApi(own, tenant.lead).get_course(course_id=unrelated.id).course.title == "Unrelated"
        assert CourseApi(own, tenant.owner).list_courses().courses
    writer.join(timeout=30)
    assert not writer.is_alive()
    redis_process.resume()

    assert "error" not in outcome, outcome.get("error")
    assert outcome["course"].folder_id == team_folder.id  # committed despite the failed release
    assert probe.exists(CacheKeys(tenant.id).course(course.id)) == 1  # the old entry is still stored...
    probe.close()
    with another_instance(settings, redis_process) as other:
        # ...and never served: not to the member who lost access, not as the old title.
        assert _hidden_from(other, tenant.outsider, course.id)
        assert CourseApi(other, tenant.owner).get_course(course_id=course.id).course.title == "Moved into a team"
        assert CourseApi(other, tenant.lead).get_course(course_id=course.id).course.title == "Moved into a team"
        assert cached_course(other.cache, tenant.id, course.id) is None  # the fence outlives the failed release


def test_a_write_while_redis_is_stopped_is_refused_and_changes_nothing(
    own: Container, settings: Settings, tenant: Tenant, redis_process: RedisProcess
) -> None:
    course, team_folder = _company_course_the_outsider_reads(own, tenant)
    redis_process.pause()
    try:
        err = error_of(lambda: CourseApi(own, tenant.owner).update_course(
            course_id=course.id, title="Never written", folder_id=team_folder.id))
        assert isinstance(err, Unavailable)
        assert isinstance(error_of(lambda: CourseApi(own, tenant.owner).move_folder(
            folder_id=team_folder.id, team_id="")), Unavailable)
        # Reads fall back to the database and still see the unchanged course.
        assert CourseApi(own, tenant.outsider).get_course(course_id=course.id).course.title == "Company-wide"
    finally:
        redis_process.resume()
    with another_instance(settings, redis_process) as other:
        read = CourseApi(other, tenant.outsider).get_course(course_id=course.id).course
        assert read.title == "Company-wide" and read.folder_id == ""
        moved = CourseApi(other, tenant.owner).update_course(course_id=course.id, folder_id=team_folder.id).course
        assert moved.folder_id == team_folder.id  # with Redis back, writes work again
        assert _hidden_from(other, tenant.outsider, course.id)


def test_after_redis_is_killed_and_restarted_writes_work_and_reads_are_current(
    own: Container, settings: Settings, tenant: Tenant, redis_process: RedisProcess
) -> None:
    course, team_folder = _company_course_the_outsider_reads(own, tenant)
    redis_process.kill()
    assert isinstance(error_of(lambda: CourseApi(own, tenant.owner).delete_course(course_id=course.id)), Unavailable)
    redis_process.start()
    with another_instance(settings, redis_process) as other:
        CourseApi(other, tenant.owner).update_course(course_id=course.id, folder_id=team_folder.id)
        assert _hidden_from(other, tenant.outsider, course.id)
        assert CourseApi(other, tenant.lead).get_course(course_id=course.id).course.folder_id == team_folder.id


def test_a_read_that_overlaps_a_write_cannot_cache_the_old_course(own: Container, tenant: Tenant) -> None:
    """The race of the last closing note: the reader's DB read happens before the write commits and
    its fill lands after the write; the fill is refused and the next read is current."""
    owner = CourseApi(own, tenant.owner)
    course = owner.create_course(title="Old").course
    reader_cache = CourseCache(own.cache, tenant.id)
    missed, stamp = reader_cache.get_course(course.id)
    assert missed is None and stamp is not None
    old = owner.get_course(course_id=course.id).course  # what the reader's database read returned
    own.cache.delete(CacheKeys(tenant.id).course(course.id))
    owner.update_course(course_id=course.id, title="New")
    reader_cache.put_course(old, stamp)  # the overlapping reader's late fill
    assert cached_course(own.cache, tenant.id, course.id) is None
    assert owner.get_course(course_id=course.id).course.title == "New"


def test_no_request_path_scans_redis_however_many_other_keys_it_holds(
    own: Container, tenant: Tenant, redis_process: RedisProcess
) -> None:
    probe = redis.Redis.from_url(redis_process.url)
    try:
        with probe.pipeline(transaction=False) as pipe:
            for _ in range(20):
                other = CacheKeys(uuid.uuid4())
                for _ in range(1000):
                    pipe.set(other.course(uuid.uuid4()), b"x", ex=600)
            pipe.execute()
        probe.config_resetstat()

        api = CourseApi(own, tenant.owner)
        every_course_rpc(api)
        every_course_rpc(CourseApi(own, tenant.lead))

        stats = probe.info("commandstats")
        assert not {"cmdstat_scan", "cmdstat_keys"} & set(stats), sorted(stats)
        assert "cmdstat_evalsha" in stats  # the calls above did reach this Redis
        assert probe.dbsize() > 20_000
    finally:
        probe.close()
