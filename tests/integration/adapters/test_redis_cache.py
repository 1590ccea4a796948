"""RedisCache against a real Redis (REDIS_URL, or embedded). Every test works only
on keys of fresh random tenants, so it is safe on a shared server."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

import pytest

from common.adapters.cache import DEFAULT_TTL_SECONDS, SCAN_BATCH, RedisCache, compute_etag
from common.cache_keys import CacheKeys
from common.errors import Conflict

pytestmark = pytest.mark.integration

NewTenant = Callable[[], CacheKeys]
COURSE = {"id": "c1", "title": "Forklift safety", "tags": ["safety"], "modules": [{"title": "Intro"}]}


def test_set_then_get_returns_the_value_and_its_content_etag(cache: RedisCache, new_tenant: NewTenant) -> None:
    key = new_tenant().course(uuid.uuid4())

    etag = cache.set(key, COURSE)
    entry = cache.get(key)

    assert entry is not None
    assert entry.value == COURSE
    assert entry.etag == etag == compute_etag(COURSE)
    assert compute_etag({**COURSE, "title": "Other"}) != etag


def test_caller_etag_is_kept_and_every_entry_expires(cache: RedisCache, new_tenant: NewTenant) -> None:
    keys = new_tenant()

    course_key = keys.course(uuid.uuid4())
    assert cache.set(course_key, COURSE, etag="v7", ttl=60) == "v7"
    cache.set(keys.library(), [1, 2])

    entry = cache.get(course_key)
    assert entry is not None and entry.etag == "v7"
    assert 0 < cache.client.ttl(course_key) <= 60
    assert 0 < cache.client.ttl(keys.library()) <= DEFAULT_TTL_SECONDS
    with pytest.raises(ValueError):
        cache.set(keys.library(), [1], ttl=24 * 3600 + 1)
    with pytest.raises(ValueError):
        cache.set(keys.library(), [1], etag="bad\netag")


def test_miss_returns_none(cache: RedisCache, new_tenant: NewTenant) -> None:
    assert cache.get(new_tenant().course(uuid.uuid4())) is None


def test_delete_drops_several_keys(cache: RedisCache, new_tenant: NewTenant) -> None:
    keys = new_tenant()
    cache.set(keys.library(), {"a": 1})
    cache.set(keys.folders(), {"b": 2})
    cache.set(keys.all_courses(), [3])

    cache.delete(keys.library(), keys.folders())

    assert cache.get(keys.library()) is None
    assert cache.get(keys.folders()) is None
    assert cache.get(keys.all_courses()) is not None


def test_unreadable_entry_is_a_miss_and_is_dropped(cache: RedisCache, new_tenant: NewTenant) -> None:
    key = new_tenant().course(uuid.uuid4())
    cache.client.set(key, b"no separator here", ex=60)

    assert cache.get(key) is None
    assert cache.client.exists(key) == 0


def test_keys_not_built_by_cache_keys_are_refused(cache: RedisCache) -> None:
    for key in ("course:1", "t:*:course:1", "t::x", f"t:{str(uuid.uuid4()).upper()}:x", "*"):
        with pytest.raises(ValueError):
            cache.get(key)
        with pytest.raises(ValueError):
            cache.invalidate_pattern(key)


def test_invalidating_course_lists_never_touches_another_tenant(cache: RedisCache, new_tenant: NewTenant) -> None:
    mine, theirs = new_tenant(), new_tenant()
    course_id, folder_id = uuid.uuid4(), uuid.uuid4()
    for keys in (mine, theirs):
        cache.set(keys.course(course_id), COURSE)
        cache.set(keys.all_courses(), [1])
        cache.set(keys.courses_by_status("draft"), [1])
        cache.set(keys.courses_by_tag("safety"), [1])
        cache.set(keys.folder_courses(folder_id), [1])

    removed = cache.invalidate_pattern(mine.course_lists_pattern())
    removed += cache.invalidate_pattern(mine.folder_course_lists_pattern())

    assert removed == 4
    assert cache.get(mine.course(course_id)) is not None
    assert cache.get(mine.all_courses()) is None
    assert cache.get(mine.courses_by_tag("safety")) is None
    assert cache.get(mine.folder_courses(folder_id)) is None
    for key in (theirs.all_courses(), theirs.courses_by_status("draft"), theirs.courses_by_tag("safety")):
        assert cache.get(key) is not None
    assert cache.get(theirs.folder_courses(folder_id)) is not None

    assert cache.invalidate_pattern(mine.tenant_pattern()) == 1
    assert cache.get(theirs.course(course_id)) is not None


def test_glob_characters_in_a_tag_do_not_widen_an_invalidation(cache: RedisCache, new_tenant: NewTenant) -> None:
    keys = new_tenant()
    for tag in ("*", "python", "[a-z]*", "c?", "a\\*"):
        cache.set(keys.courses_by_tag(tag), [tag])

    assert cache.invalidate_pattern(keys.courses_by_tag("*")) == 1

    assert cache.get(keys.courses_by_tag("*")) is None
    for tag in ("python", "[a-z]*", "c?", "a\\*"):
        entry = cache.get(keys.courses_by_tag(tag))
        assert entry is not None and entry.value == [tag]


def test_invalidation_sweeps_more_keys_than_one_batch(cache: RedisCache, new_tenant: NewTenant) -> None:
    keys = new_tenant()
    count = SCAN_BATCH * 2 + 17
    with cache.client.pipeline(transaction=False) as pipe:
        for _ in range(count):
            pipe.set(keys.course(uuid.uuid4()), b"e\n1", ex=60)
        pipe.execute()

    assert cache.invalidate_pattern(keys.tenant_pattern()) == count
    assert cache.invalidate_pattern(keys.tenant_pattern()) == 0


def test_lock_is_exclusive_and_released_only_by_its_holder(cache: RedisCache, new_tenant: NewTenant) -> None:
    key = new_tenant().lock("course", uuid.uuid4())

    first = cache.acquire_lock(key, 5000)
    assert first is not None
    assert cache.acquire_lock(key, 5000) is None
    assert 0 < cache.client.pttl(key) <= 5000

    assert cache.release_lock(key, "not-the-holder") is False
    assert cache.acquire_lock(key, 5000) is None
    assert cache.release_lock(key, first) is True
    assert cache.release_lock(key, first) is False

    second = cache.acquire_lock(key, 5000)
    assert second is not None and second != first
    assert cache.release_lock(key, second)


def test_lock_context_raises_conflict_when_the_lock_stays_taken(cache: RedisCache, new_tenant: NewTenant) -> None:
    key = new_tenant().lock("course", uuid.uuid4())

    with cache.lock(key, ttl_ms=5000, wait_ms=0, if_unavailable="refuse") as held:
        assert held.distributed
        with pytest.raises(Conflict), cache.lock(key, ttl_ms=5000, wait_ms=30, if_unavailable="refuse"):
            pytest.fail("a second holder entered the lock")

    assert cache.client.exists(key) == 0
    with cache.lock(key, ttl_ms=5000, wait_ms=0, if_unavailable="refuse") as again:
        assert again.distributed


def test_lock_context_waits_for_the_holder_to_release(cache: RedisCache, new_tenant: NewTenant) -> None:
    key = new_tenant().lock("course", uuid.uuid4())
    holder = cache.acquire_lock(key, 10_000)
    assert holder is not None
    releaser = threading.Timer(0.05, cache.release_lock, args=(key, holder))
    releaser.start()

    try:
        with cache.lock(key, ttl_ms=5000, wait_ms=5000, if_unavailable="refuse") as held:
            assert held.lock_id != holder
            assert cache.client.get(key) == held.lock_id.encode()
    finally:
        releaser.join()
