"""Guarded entries on a real Redis: served only while their guards have not moved,
refused fills after a write started, fences that outlive a failed release."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from common.adapters.cache import RedisCache
from common.adapters.cache_guards import fenced
from common.cache_keys import CacheKeys

pytestmark = pytest.mark.integration


def _entry(keys: CacheKeys) -> tuple[str, list[str]]:
    course = uuid.uuid4()
    return keys.course(course), [keys.course_guard(course), keys.library_guard()]


def _fill(cache: RedisCache, key: str, guards: list[str], title: str) -> bool:
    stamp = cache.get_guarded(key, guards).stamp
    assert stamp is not None
    return cache.set_guarded(key, guards, stamp, {"title": title}, etag=title)


def test_a_filled_entry_is_served_until_a_guard_moves(cache: RedisCache, new_tenant: Callable[[], CacheKeys]) -> None:
    key, guards = _entry(new_tenant())
    assert _fill(cache, key, guards, "v1")
    read = cache.get_guarded(key, guards)
    assert read.entry is not None and read.entry.value == {"title": "v1"} and read.entry.etag == "v1"

    with fenced(cache, guards[0]):  # a write to this course
        pass
    assert cache.get_guarded(key, guards).stamp is not None  # released: fills may come again
    assert cache.get_guarded(key, guards).entry is None
    assert cache.client.exists(key) == 1  # still stored, but never served again


def test_the_library_guard_makes_every_course_entry_of_the_tenant_unusable(
    cache: RedisCache, new_tenant: Callable[[], CacheKeys]
) -> None:
    keys = new_tenant()
    entries = [_entry(keys) for _ in range(3)]
    for key, guards in entries:
        assert _fill(cache, key, guards, "before")
    with fenced(cache, keys.library_guard()):
        pass
    assert [cache.get_guarded(key, guards).entry for key, guards in entries] == [None, None, None]


def test_a_fill_that_read_before_a_write_is_refused(cache: RedisCache, new_tenant: Callable[[], CacheKeys]) -> None:
    """The read-overlapping-write race: the stamp is read before the database read."""
    key, guards = _entry(new_tenant())
    stamp_before_db_read = cache.get_guarded(key, guards).stamp
    assert stamp_before_db_read is not None
    with fenced(cache, guards[0]):
        # While the write is in flight nobody may fill, not even with a fresh stamp.
        during = cache.get_guarded(key, guards)
        assert during.entry is None and during.stamp is None
        assert not cache.set_guarded(key, guards, stamp_before_db_read, {"title": "old"}, etag="old")
    assert not cache.set_guarded(key, guards, stamp_before_db_read, {"title": "old"}, etag="old")
    assert cache.get_guarded(key, guards).entry is None
    assert _fill(cache, key, guards, "new")
    read = cache.get_guarded(key, guards).entry
    assert read is not None and read.value == {"title": "new"}


def test_a_fence_never_released_keeps_the_old_entry_unusable(
    cache: RedisCache, new_tenant: Callable[[], CacheKeys]
) -> None:
    """The writer lost Redis after its commit: its fence stays until it expires, the old entry never returns."""
    key, guards = _entry(new_tenant())
    assert _fill(cache, key, guards, "old")
    cache.fence(guards[0])  # no release
    read = cache.get_guarded(key, guards)
    assert read.entry is None and read.stamp is None
    ttl_ms = cache.client.pttl(guards[0])
    assert ttl_ms > 0


def test_a_guard_that_expired_never_revives_an_entry_stamped_before(
    cache: RedisCache, new_tenant: Callable[[], CacheKeys]
) -> None:
    key, guards = _entry(new_tenant())
    with fenced(cache, guards[0]):
        pass
    assert _fill(cache, key, guards, "stamped with a generation")
    cache.client.delete(guards[0])  # what its TTL does one day
    assert cache.get_guarded(key, guards).entry is None


def test_concurrent_writers_each_hold_their_own_fence(cache: RedisCache, new_tenant: Callable[[], CacheKeys]) -> None:
    key, guards = _entry(new_tenant())
    first, second = cache.fence(guards[0]), cache.fence(guards[0])
    cache.release_fence(first, guards[0])
    assert cache.get_guarded(key, guards).stamp is None  # the second writer is still in flight
    cache.release_fence(second, guards[0])
    assert _fill(cache, key, guards, "after both")


def test_another_tenants_fences_change_nothing_of_mine(cache: RedisCache, new_tenant: Callable[[], CacheKeys]) -> None:
    mine, theirs = new_tenant(), new_tenant()
    key, guards = _entry(mine)
    assert _fill(cache, key, guards, "mine")
    with fenced(cache, theirs.library_guard()):
        assert cache.get_guarded(key, guards).entry is not None
    assert all(g.startswith(mine.prefix) for g in guards)
    with pytest.raises(ValueError):
        cache.fence("guard:library")  # a guard outside every tenant is refused
