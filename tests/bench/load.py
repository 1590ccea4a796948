"""A load test of the local runner (``make bench``, never ``make test``): N clients for T seconds.

Each client is a generated Connect client over real HTTP to the runner's dispatcher (the same
one ``make run`` serves), with a Kratos-faked session of one tenant's owner, running a mix of
reads and writes on the course library: GetCourse 40 %, ListCourses 20 %, CreateCourse 25 %,
UpdateCourse 15 % (with If-Match, so concurrent renames of one course race and some answer
``aborted``). It reports throughput, p50/p99 per RPC and errors by code, then checks what was
acknowledged: every created course is in PostgreSQL with its body in S3, every acknowledged
rename is what PostgreSQL holds unless a later acknowledged rename replaced it, and the course
cache never holds an entry that disagrees with the database.

``MIRAI_LOAD_CLIENTS`` (default 8) and ``MIRAI_LOAD_SECONDS`` (default 20) size it. Services:
``DATABASE_URL`` / ``REDIS_URL`` when set, embedded ones otherwise; S3 is a local moto server.
"""

from __future__ import annotations

import os
import random
import statistics
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field

from connectrpc.errors import ConnectError

from common import storage_keys
from common.gen.mirai.v1 import course_connect, course_pb2
from functions.course.course_cache import CourseCache
from tests.bench.stack import migrated_settings
from tests.fakes.kratos import FakeKratos
from tests.support.runner import running_runner
from tests.support.tenants import provision_tenant

MIX: tuple[tuple[str, float], ...] = (("GetCourse", 0.40), ("ListCourses", 0.20), ("CreateCourse", 0.25),
                                      ("UpdateCourse", 0.15))
SEED_COURSES = 20


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    codes: Counter[tuple[str, str]] = field(default_factory=Counter)
    created: list[str] = field(default_factory=list)
    renamed: list[tuple[float, str, str]] = field(default_factory=list)
    """(acknowledged at, course id, title) of every rename the runner acknowledged."""

    def record(self, rpc: str, seconds: float, code: str) -> None:
        with self.lock:
            self.latencies[rpc].append(seconds)
            self.codes[(rpc, code)] += 1


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _client_loop(url: str, token: str, courses: list[str], tally: Tally, deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    client = course_connect.CourseServiceClientSync(url)
    headers = {"Authorization": f"Bearer {token}"}
    names, weights = zip(*MIX, strict=True)
    while time.monotonic() < deadline:
        rpc = rng.choices(names, weights)[0]
        started = time.perf_counter()
        try:
            _call(rpc, client, headers, courses, tally, rng)
            code = "ok"
        except ConnectError as err:
            code = err.code.name.lower()
        tally.record(rpc, time.perf_counter() - started, code)


def _call(rpc: str, client: course_connect.CourseServiceClientSync, headers: dict[str, str], courses: list[str],
          tally: Tally, rng: random.Random) -> None:
    if rpc == "GetCourse":
        client.get_course(course_pb2.GetCourseRequest(course_id=rng.choice(courses)), headers=headers)
    elif rpc == "ListCourses":
        client.list_courses(course_pb2.ListCoursesRequest(page_size=20), headers=headers)
    elif rpc == "CreateCourse":
        made = client.create_course(course_pb2.CreateCourseRequest(title=f"Load {uuid.uuid4().hex[:8]}"), headers=headers)
        with tally.lock:
            tally.created.append(made.course.id)
    else:
        course_id = rng.choice(courses)
        etag = client.get_course(course_pb2.GetCourseRequest(course_id=course_id), headers=headers).course.etag
        title = f"Renamed {uuid.uuid4().hex[:8]}"
        client.update_course(course_pb2.UpdateCourseRequest(course_id=course_id, title=title, if_match=etag),
                             headers=headers)
        with tally.lock:
            tally.renamed.append((time.monotonic(), course_id, title))


def _verify(container: object, tenant_id: uuid.UUID, tally: Tally, courses: list[str]) -> dict[str, int]:
    db = container.db  # type: ignore[attr-defined]
    storage = container.storage  # type: ignore[attr-defined]
    cache = CourseCache(container.cache, tenant_id)  # type: ignore[attr-defined]
    with db.tenant_session(tenant_id) as uow:
        rows = {str(c.id): c for c in (uow.courses.get(uuid.UUID(i)) for i in [*tally.created, *courses])}
    missing_bodies = sum(1 for course_id in tally.created
                         if not storage.get(storage_keys.course_version(tenant_id, course_id, 1)))
    # Concurrent renames of one course may be acknowledged in either order; what PostgreSQL holds
    # must be one of the acknowledged titles, never one nobody was told of (nor the old one).
    acknowledged: dict[str, set[str]] = defaultdict(set)
    for _, course_id, title in tally.renamed:
        acknowledged[course_id].add(title)
    lost_renames = sum(1 for course_id, titles in acknowledged.items() if rows[course_id].title not in titles)
    stale_cache = 0
    for course_id, row in rows.items():
        cached, _ = cache.get_course(course_id)
        if cached is not None and cached.title != row.title:
            stale_cache += 1
    return {"created acknowledged": len(tally.created), "created missing in PostgreSQL": len(tally.created) + len(courses)
            - len(rows), "created without a body in S3": missing_bodies, "renames acknowledged": len(tally.renamed),
            "renames lost": lost_renames, "cache entries disagreeing with PostgreSQL": stale_cache}


def run(*, clients: int, seconds: float) -> str:
    with ExitStack() as stack:
        kratos = FakeKratos().start()
        stack.callback(kratos.stop)
        settings, _ = migrated_settings(stack, name="load", env={"S3_BUCKET": "bench-load", "KRATOS_URL": kratos.url})
        runner = stack.enter_context(running_runner(settings))
        tenant = provision_tenant(runner.container.db)
        token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
        client = course_connect.CourseServiceClientSync(runner.url)
        headers = {"Authorization": f"Bearer {token}"}
        courses = [client.create_course(course_pb2.CreateCourseRequest(title=f"Seed {i}"), headers=headers).course.id
                   for i in range(SEED_COURSES)]
        tally = Tally()
        deadline = time.monotonic() + seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=_client_loop, args=(runner.url, token, courses, tally, deadline, i))
                   for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 120)
        elapsed = time.perf_counter() - started
        checks = _verify(runner.container, tenant.tenant_id, tally, courses)
        return _report(tally, checks, clients=clients, elapsed=elapsed)


def _report(tally: Tally, checks: dict[str, int], *, clients: int, elapsed: float) -> str:
    total = sum(len(v) for v in tally.latencies.values())
    lines = [f"load: {clients} clients for {elapsed:.1f} s, {total} calls, {total / elapsed:.1f} calls/s"]
    for rpc, samples in sorted(tally.latencies.items()):
        lines.append(f"  {rpc:<13} N={len(samples):<6} p50={statistics.median(samples) * 1000:8.2f} ms"
                     f"  p99={_percentile(samples, 0.99) * 1000:8.2f} ms")
    lines.append("  answers: " + ", ".join(f"{rpc} {code} {n}" for (rpc, code), n in sorted(tally.codes.items())))
    lines += [f"  {name}: {value}" for name, value in checks.items()]
    return "\n".join(lines)


def report(run_load: Callable[..., str] = run) -> str:
    return run_load(clients=int(os.environ.get("MIRAI_LOAD_CLIENTS", "8")),
                    seconds=float(os.environ.get("MIRAI_LOAD_SECONDS", "20")))
