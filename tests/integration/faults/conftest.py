"""Fixtures of the fault tests: servers of the test's own that it may pause or kill."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from common.config import Settings
from common.db import Database
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Tenant, make_tenant
from tests.support.s3_process import S3Process


@pytest.fixture
def s3_process() -> Iterator[S3Process]:
    server = S3Process()
    server.start()
    yield server
    server.kill()


@pytest.fixture
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)


def container_on(settings: Settings, s3: S3Process, **changes: object) -> Container:
    """The shared database with a small pool, and an S3 endpoint the test controls."""
    built = Container(settings.with_overrides(
        s3=replace(settings.s3, endpoint=s3.url), db_pool_size=2, db_pool_max_overflow=0, **changes))
    built.storage.ensure_bucket()
    return built
