"""Tenants for tests, made the way production makes them: through the system
functions (registration → paid → provisioned) as mirai_app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from common.db import Database


@dataclass(frozen=True)
class SeededTenant:
    tenant_id: uuid.UUID
    company_id: uuid.UUID
    owner_id: uuid.UUID
    owner_identity: str
    owner_email: str


def provision_tenant(db: Database, *, email: str | None = None, identity_id: str | None = None) -> SeededTenant:
    email = email or f"owner-{uuid.uuid4().hex[:8]}@example.com"
    identity_id = identity_id or str(uuid.uuid4())
    session_id = f"cs_test_{uuid.uuid4().hex}"
    with db.system_session() as uow:
        registration = uow.registrations.create(
            email=email, password_hash="x", company_name="Test Co", plan="pro", seat_count=5,
            checkout_session_id=session_id,
        )
        uow.registrations.mark_paid(checkout_session_id=session_id, customer_id=f"cus_{session_id}", subscription_id=f"sub_{session_id}")
        made = uow.registrations.provision(registration, kratos_id=identity_id, slug=f"t-{uuid.uuid4().hex[:12]}")
    return SeededTenant(made.tenant_id, made.company_id, made.user_id, identity_id, email)


def add_user(db: Database, tenant: SeededTenant, *, role: str, identity_id: str | None = None) -> tuple[uuid.UUID, str]:
    """A user of the tenant with the given role; returns (user id, identity id)."""
    identity_id = identity_id or str(uuid.uuid4())
    with db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        user = uow.users.add(company_id=tenant.company_id, email=f"{role}-{uuid.uuid4().hex[:8]}@example.com",
                             role=role, kratos_id=identity_id)
    return user.id, identity_id
