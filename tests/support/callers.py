"""Signed-in callers for end-to-end tests: a user of a tenant plus the
``Authorization`` header of a session the Kratos fake knows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.tenants import SeededTenant, add_user


@dataclass(frozen=True)
class Caller:
    user_id: uuid.UUID
    tenant: SeededTenant
    headers: dict[str, str]


def owner(kratos: FakeKratos, tenant: SeededTenant) -> Caller:
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
    return Caller(tenant.owner_id, tenant, {"Authorization": f"Bearer {token}"})


def new_user(container: Container, kratos: FakeKratos, tenant: SeededTenant, *, role: str) -> Caller:
    user_id, identity = add_user(container.db, tenant, role=role)
    token, _ = kratos.add_session(identity_id=identity)
    return Caller(user_id, tenant, {"Authorization": f"Bearer {token}"})
