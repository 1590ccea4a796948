"""Fixtures the integration tests share across their folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from common.db import Database
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Tenant, make_tenant
from tests.support.redis_process import RedisProcess


@pytest.fixture
def redis_process(tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.kill()


@pytest.fixture
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    """A seeded tenant with an owner, a team lead and a member of no team (course and SME tests)."""
    return make_tenant(owner_db, kratos)


@pytest.fixture
def other_tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)
