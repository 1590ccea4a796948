"""Helpers of the SME integration tests: SMEService handlers in-process through the real
Container (PostgreSQL as mirai_app with RLS, moto S3), actors from tests/support/course_actors;
the ``tenant`` and ``other_tenant`` fixtures are the course tests'."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from cloudevents.http import CloudEvent
from sqlalchemy import text

from common.db import Database
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.integration.course.conftest import other_tenant, tenant  # noqa: F401  (fixtures)
from tests.support.course_actors import Actor, ServiceApi, Tenant


@pytest.fixture(autouse=True)
def _no_outbox_backlog(request: pytest.FixtureRequest, owner_db: Database) -> Iterator[None]:
    """These tests queue mail and ingestion events that no relay publishes here; they are
    removed after each test so the shared database's due outbox stays small (the relay's
    claim tests take the first 100 due rows of every tenant)."""
    tenants = [request.getfixturevalue(name).id for name in ("tenant", "other_tenant") if name in request.fixturenames]
    yield
    if tenants:
        with owner_db.engine.begin() as conn:
            conn.execute(text("delete from outbox where tenant_id = any(:t)"), {"t": tenants})


def sme_api(container: Container, actor: Actor) -> ServiceApi:
    return ServiceApi(container, actor, "sme")


def add_team_member(owner_db: Database, kratos: FakeKratos, of: Tenant, *, role: str = "member") -> Actor:
    """A company member who belongs to the seeded team with ``role`` ("member" or "lead")."""
    from common.rpc.context import Principal

    user_id, slug = uuid.uuid4(), uuid.uuid4().hex[:8]
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "insert into users (id, tenant_id, company_id, kratos_id, email, role, first_name)"
            " values (:id, :tenant, :company, :kratos, :email, 'member', 'Mia')"),
            {"id": user_id, "tenant": of.id, "company": of.ids["company"], "kratos": f"kratos-{slug}",
             "email": f"{slug}@team.example"})
        conn.execute(text("insert into team_members (tenant_id, team_id, user_id, role) values (:t, :team, :u, :r)"),
                     {"t": of.id, "team": of.ids["team"], "u": user_id, "r": role})
    token, _ = kratos.add_session(identity_id=f"kratos-{slug}", email=f"{slug}@team.example")
    return Actor(Principal(user_id, of.id, "member", f"kratos-{slug}", f"{slug}@team.example"), token)


def rows(owner_db: Database, sql: str, **params: Any) -> list[Any]:
    with owner_db.engine.connect() as conn:
        return list(conn.execute(text(sql), params))


def add_chunk(owner_db: Database, tenant_id: uuid.UUID, sme_id: str, *, title: str, content: str,
              language: str = "simple", submission_id: str | None = None, position: int = 0) -> uuid.UUID:
    """A chunk as ingestion (not this area) writes it."""
    with owner_db.engine.begin() as conn:
        return uuid.UUID(str(conn.execute(text(
            "insert into sme_knowledge_chunks (tenant_id, sme_id, submission_id, title, content, language, position,"
            " source_file_name) values (:t, :s, :sub, :title, :content, cast(:lang as regconfig), :pos, 'doc.pdf')"
            " returning id"),
            {"t": tenant_id, "s": sme_id, "sub": submission_id, "title": title, "content": content, "lang": language,
             "pos": position}).scalar_one()))


def object_created(container: Container, key: str, *, size: int, content_type: str | None) -> CloudEvent:
    """The io.minio.object.created event S3 sends for ``key`` (relative, as storage_keys builds it)."""
    storage = container.storage
    data: dict[str, Any] = {"bucket": storage.bucket, "key": storage.full_key(key), "size": size, "etag": "e"}
    if content_type is not None:
        data["content_type"] = content_type
    return CloudEvent({"id": str(uuid.uuid4()), "type": "io.minio.object.created", "source": "s3://test"}, data)
