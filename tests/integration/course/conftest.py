"""Fixtures of the course integration tests: in-process calls through the real Container."""

from __future__ import annotations

import pytest

from common.db import Database
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Tenant, make_tenant


@pytest.fixture
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)


@pytest.fixture
def other_tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)
