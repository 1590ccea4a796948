from __future__ import annotations

import uuid

import pytest

from common.adapters.cache import NoCache, compute_etag
from common.cache_keys import CacheKeys
from common.errors import Unavailable

KEYS = CacheKeys(uuid.uuid4())


def test_no_cache_always_misses_but_returns_the_same_etags_as_redis() -> None:
    cache = NoCache()
    value = {"b": 1, "a": [1, 2]}

    assert cache.set(KEYS.library(), value) == compute_etag({"a": [1, 2], "b": 1})
    assert cache.set(KEYS.library(), value, etag="v3") == "v3"
    assert cache.get(KEYS.library()) is None
    assert cache.invalidate_pattern(KEYS.tenant_pattern()) == 0


def test_no_cache_locks_follow_the_callers_choice() -> None:
    cache = NoCache()
    key = KEYS.lock("course", uuid.uuid4())

    with pytest.raises(Unavailable):
        cache.acquire_lock(key, 1000)
    with cache.lock(key, ttl_ms=1000, wait_ms=0, if_unavailable="proceed") as held:
        assert held.lock_id is None and not held.distributed
    with pytest.raises(Unavailable), cache.lock(key, ttl_ms=1000, wait_ms=0, if_unavailable="refuse"):
        pytest.fail("entered a lock that was never taken")


def test_no_cache_checks_keys_like_redis_does() -> None:
    cache = NoCache()
    with pytest.raises(ValueError):
        cache.get("course:1")
    with pytest.raises(ValueError):
        cache.set(KEYS.library(), [1], ttl=0)
    with pytest.raises(ValueError):
        cache.invalidate_pattern("*")


def test_etag_depends_on_content_not_key_order() -> None:
    assert compute_etag({"a": 1, "b": 2}) == compute_etag({"b": 2, "a": 1})
    assert compute_etag({"a": 1}) != compute_etag({"a": 2})
    assert len(compute_etag([])) == 32


def test_values_that_are_not_strict_json_are_refused() -> None:
    with pytest.raises(ValueError):
        NoCache().set(KEYS.library(), {"score": float("nan")})


def test_without_a_cache_nothing_is_served_or_filled_and_fences_always_succeed() -> None:
    cache = NoCache()
    course = uuid.uuid4()
    guards = [KEYS.course_guard(course), KEYS.library_guard()]
    read = cache.get_guarded(KEYS.course(course), guards)
    assert read.entry is None and read.stamp is None  # nothing to fill with
    assert cache.set_guarded(KEYS.course(course), guards, "1,1", {"title": "x"}, etag="1") is False
    token = cache.fence(*guards)
    assert token and cache.release_fence(token, *guards)
    with pytest.raises(ValueError):
        cache.fence("guard:library")


def test_a_fence_needs_guards() -> None:
    with pytest.raises(ValueError):
        NoCache().fence()
    with pytest.raises(ValueError):
        NoCache().release_fence("token")
