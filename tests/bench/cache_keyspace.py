"""CreateCourse and UpdateCourse with 300,000 other tenants' keys in Redis vs with none.

Two redis-servers of the benchmark's own (never a shared one): one empty, one holding
300,000 course entries of other tenants. Two Containers differ only in ``REDIS_URL``
(same database, same S3), and the calls alternate between them (A, B, A, B, ...), so
drift on a shared machine hits both sides alike. A request path that SCANs shows here
as a ratio far above 1; one that does not stays at about 1.
"""

from __future__ import annotations

import logging
import statistics
import tempfile
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import redis

from common.cache_keys import CacheKeys
from common.db import Database
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call, Principal
from functions.bootstrap import Container
from functions.course.create_course import create_course
from functions.course.update_course import update_course
from tests.bench.harness import Row, interleaved_samples
from tests.bench.stack import migrated_settings
from tests.support.redis_process import RedisProcess
from tests.support.seed import seed_tenant

OTHER_KEYS = 300_000
RUNS = 40


def interleaved_medians(a: Callable[[], object], b: Callable[[], object], *, runs: int) -> tuple[float, float]:
    """Median seconds of ``a`` and of ``b``, timed alternately after one warm-up call each."""
    first, second = interleaved_samples(a, b, runs=runs)
    return statistics.median(first), statistics.median(second)


def _crowd(url: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        with client.pipeline(transaction=False) as pipe:
            for start in range(0, OTHER_KEYS, 10_000):
                tenant = CacheKeys(uuid.uuid4())
                for _ in range(min(10_000, OTHER_KEYS - start)):
                    pipe.set(tenant.course(uuid.uuid4()), b"etag\n{}", ex=3600)
                pipe.execute()
    finally:
        client.close()


def rows() -> list[Row]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with ExitStack() as stack:
        settings, owner_url = migrated_settings(stack, name="keyspace", env={"S3_BUCKET": "bench-keyspace"})
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mirai-bench-keyspace-")))
        servers = []
        for name in ("empty", "crowded"):
            (workdir / name).mkdir()
            server = RedisProcess(workdir / name)
            server.start()
            stack.callback(server.kill)
            servers.append(server)
        _crowd(servers[1].url)
        empty, crowded = (Container(replace(settings, redis_url=s.url)) for s in servers)
        stack.callback(empty.close)
        stack.callback(crowded.close)
        empty.storage.ensure_bucket()
        owner_db = Database(owner_url, pool_size=1)
        stack.callback(owner_db.dispose)
        with owner_db.engine.begin() as conn:
            ids = seed_tenant(conn, f"bench-{uuid.uuid4().hex[:6]}")
        principal = Principal(ids["owner"], ids["tenant"], "owner", "bench-owner", "owner@bench.example")
        calls = [Call(principal=principal, container=c, headers={}) for c in (empty, crowded)]

        def creating(call: Call) -> Callable[[], object]:
            return lambda: create_course(course_pb2.CreateCourseRequest(title="Bench"), call)

        def updating(call: Call) -> Callable[[], object]:
            course_id = create_course(course_pb2.CreateCourseRequest(title="Bench"), call).course.id
            return lambda: update_course(course_pb2.UpdateCourseRequest(course_id=course_id, description="x"), call)

        create_empty, create_crowded = interleaved_medians(creating(calls[0]), creating(calls[1]), runs=RUNS)
        update_empty, update_crowded = interleaved_medians(updating(calls[0]), updating(calls[1]), runs=RUNS)
        crowd = f"{OTHER_KEYS:,} other keys in Redis"
        return [
            Row(f"CreateCourse, {crowd}", create_crowded, "CreateCourse, empty Redis", create_empty),
            Row(f"UpdateCourse, {crowd}", update_crowded, "UpdateCourse, empty Redis", update_empty),
        ]
