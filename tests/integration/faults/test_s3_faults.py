"""S3 frozen or refusing: the calls that need it answer ``unavailable`` within the
configured timeouts, nothing stored changes, and no other request of the process
is starved (no S3 call holds a database connection)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest

from common.config import Settings
from common.errors import AppError, Unavailable
from common.gen.mirai.v1 import user_pb2
from functions.bootstrap import Container
from functions.user.get_profile import get_profile
from tests.integration.faults.conftest import container_on
from tests.support.course_actors import CourseApi, Tenant, error_of
from tests.support.s3_process import S3Process

pytestmark = pytest.mark.integration

HUNG = 5  # more than the pool's two connections


def _outcome(action: Callable[[], object]) -> tuple[str, float]:
    try:
        action()
        result = "ok"
    except AppError as err:
        result = err.code_name
    return result, time.monotonic()


@contextmanager
def _course_on(settings: Settings, s3: S3Process, tenant: Tenant, title: str,
               **s3_changes: object) -> Iterator[tuple[Container, Any, Any]]:
    """A container on the test's S3 (with ``s3_changes``), its course API and a new course;
    S3 is resumed and the container closed afterwards."""
    container = container_on(settings.with_overrides(s3=replace(settings.s3, **s3_changes)), s3)
    try:
        api = CourseApi(container, tenant.lead)
        yield container, api, api.create_course(title=title).course
    finally:
        s3.resume()
        container.close()


def test_a_frozen_s3_fails_its_requests_as_unavailable_and_starves_no_other(
        settings: Settings, s3_process: S3Process, tenant: Tenant) -> None:
    # One attempt with a long read timeout: the frozen requests surely outlast the others.
    with _course_on(settings, s3_process, tenant, "Frozen", read_timeout_seconds=12.0,
                    max_attempts=1) as (container, api, course):
        s3_process.pause()
        with ThreadPoolExecutor(max_workers=HUNG + 1) as pool:
            reads = [pool.submit(_outcome, lambda: api.get_course_content(course_id=course.id)) for _ in range(HUNG - 1)]
            save = pool.submit(_outcome, lambda: api.create_module(course_id=course.id, title="Never stored"))
            time.sleep(1.0)  # the frozen requests are waiting on S3 now
            # No S3 at all: answers while every S3 request still hangs, through a pool of two.
            profile = get_profile(user_pb2.GetProfileRequest(), tenant.lead.call(container))
            listed = api.list_courses()
            answered = time.monotonic()
            outcomes = [f.result(timeout=30) for f in [*reads, save]]
        assert profile.user.id == str(tenant.lead.principal.user_id)
        assert course.id in [c.id for c in listed.courses]
        assert [code for code, _ in outcomes] == ["unavailable"] * HUNG
        assert all(done > answered for _, done in outcomes), "a request without S3 waited for S3"
        s3_process.resume()
        after = api.get_course(course_id=course.id).course
        assert after.content_version == 1 and after.module_count == 0


def test_a_frozen_s3_answers_within_the_default_timeouts(settings: Settings, s3_process: S3Process,
                                                        tenant: Tenant) -> None:
    with _course_on(settings, s3_process, tenant, "Frozen") as (_, api, course):
        s3_process.pause()
        started = time.monotonic()
        err = error_of(lambda: api.get_course_content(course_id=course.id))
        # Two attempts of a 4 s read timeout (it took 40 s with the old client settings).
        assert isinstance(err, Unavailable) and time.monotonic() - started < 20


def test_a_refusing_s3_fails_fast_and_changes_nothing(settings: Settings, s3_process: S3Process,
                                                     tenant: Tenant) -> None:
    with _course_on(settings, s3_process, tenant, "Refused") as (container, api, course):
        s3_process.kill()
        assert isinstance(error_of(lambda: api.get_course_content(course_id=course.id)), Unavailable)
        assert isinstance(error_of(lambda: api.create_module(course_id=course.id, title="M")), Unavailable)
        assert isinstance(error_of(lambda: api.create_course(title="Never stored")), Unavailable)
        titles = [c.title for c in api.list_courses().courses]
        assert "Refused" in titles and "Never stored" not in titles
        assert api.get_course(course_id=course.id).course.content_version == 1
        assert get_profile(user_pb2.GetProfileRequest(), tenant.lead.call(container)).user.id


def test_many_writers_during_an_outage_leave_the_pool_usable(settings: Settings, s3_process: S3Process,
                                                            tenant: Tenant) -> None:
    """A connection is never lent to a request that waits on S3, so after the outage
    the same two pooled connections serve requests as before."""
    with _course_on(settings, s3_process, tenant, "Busy", read_timeout_seconds=2.0, max_attempts=1) as (_, api, course):
        s3_process.pause()
        threads = [threading.Thread(target=lambda: _outcome(lambda: api.create_module(course_id=course.id, title="M")))
                   for _ in range(HUNG)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        s3_process.resume()
        assert api.create_module(course_id=course.id, title="After").module.title == "After"
        assert api.get_course(course_id=course.id).course.module_count == 1
