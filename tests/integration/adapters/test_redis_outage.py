"""A Redis that dies mid-run degrades the cache; it never fails a call.

The server is a redis-server process of this test's own (never the shared one),
killed for real. The breaker's clock is injected so the test can tell "skipped"
from "tried" without measuring time.
"""

from __future__ import annotations

import logging
import uuid

import pytest
import redis

from common.adapters.cache import BREAKER_SECONDS, RedisCache
from common.adapters.cache_guards import GuardedRead
from common.cache_keys import CacheKeys
from common.errors import Unavailable
from tests.conftest import free_port
from tests.support.redis_process import RedisProcess

pytestmark = pytest.mark.integration


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_dead_redis_degrades_every_call_and_recovers_after_the_breaker(
    redis_process: RedisProcess, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="mirai.cache")
    clock = FakeClock()
    cache = RedisCache.from_url(redis_process.url, clock=clock)
    keys = CacheKeys(uuid.uuid4())
    course, lock_key = keys.course(uuid.uuid4()), keys.lock("course", uuid.uuid4())
    etag = cache.set(course, {"title": "before"})
    assert cache.get(course) is not None

    redis_process.kill()

    # Each call below first lets the breaker close again, so it really tries the dead server.
    def tried() -> None:
        clock.now += BREAKER_SECONDS + 0.1

    tried()
    assert cache.get(course) is None
    tried()
    assert cache.set(course, {"title": "during"}) != etag
    tried()
    cache.delete(course, keys.library())
    tried()
    assert cache.invalidate_pattern(keys.course_lists_pattern()) == 0
    tried()
    assert cache.release_lock(lock_key, "anything") is False
    tried()
    with pytest.raises(Unavailable):
        cache.acquire_lock(lock_key, 1000)
    tried()
    with cache.lock(lock_key, ttl_ms=1000, wait_ms=100, if_unavailable="proceed") as held:
        assert not held.distributed
    tried()
    with pytest.raises(Unavailable), cache.lock(lock_key, ttl_ms=1000, wait_ms=100, if_unavailable="refuse"):
        pytest.fail("entered a lock that was never taken")
    guards = [keys.course_guard(uuid.uuid4()), keys.library_guard()]
    tried()
    assert cache.get_guarded(course, guards) == GuardedRead(None, None)  # a miss that may not fill
    tried()
    assert cache.set_guarded(course, guards, "1,1", {"title": "during"}, etag="during") is False
    tried()
    with pytest.raises(Unavailable) as refused:
        cache.fence(*guards)  # the write it protects must not happen
    assert "retry" in str(refused.value) and str(redis_process.port) not in str(refused.value)
    tried()
    assert cache.release_fence("token", *guards) is False
    with pytest.raises(Unavailable):
        cache.fence(*guards)  # the breaker is open: refused at once
    with pytest.raises(Unavailable) as raised:
        cache.ping()
    assert str(redis_process.port) not in str(raised.value)
    assert sum("skipping Redis" in record.getMessage() for record in caplog.records) >= 11

    redis_process.start()
    direct = redis.Redis.from_url(redis_process.url)
    direct.set(course, b"v9\n" + b'{"title":"after"}', ex=60)

    assert cache.get(course) is None, "the breaker should still skip Redis"
    clock.now += BREAKER_SECONDS + 0.1
    entry = cache.get(course)
    assert entry is not None and entry.value == {"title": "after"} and entry.etag == "v9"
    lock_id = cache.acquire_lock(lock_key, 1000)
    assert lock_id is not None and cache.release_lock(lock_key, lock_id)

    direct.close()
    cache.close()


def test_unreachable_redis_at_start_is_a_cache_miss_not_an_error() -> None:
    cache = RedisCache.from_url(f"redis://127.0.0.1:{free_port()}/0")
    keys = CacheKeys(uuid.uuid4())

    assert cache.get(keys.library()) is None
    assert cache.set(keys.library(), [1]) == cache.set(keys.library(), [1])
    cache.delete(keys.library())
    assert cache.invalidate_pattern(keys.tenant_pattern()) == 0
    cache.close()
