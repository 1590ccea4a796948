"""More people in a ``make_tenant`` tenant, for the team tests: company users with a
Kratos session in the fake, optionally placed in a team (rows written as the migration owner)."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from common.db import Database
from common.rpc.context import Principal
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Actor, Tenant


def add_user(owner_db: Database, kratos: FakeKratos, tenant: Tenant, name: str, *, role: str = "member",
             team_id: uuid.UUID | None = None, team_role: str = "member", status: str = "active") -> Actor:
    user_id = uuid.uuid4()
    identity = f"kratos-{tenant.id.hex[:8]}-{name}-{user_id.hex[:6]}"
    email = f"{name}-{user_id.hex[:6]}@{tenant.id.hex[:8]}.example"
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "insert into users (id, tenant_id, company_id, kratos_id, email, first_name, role, status, disabled_at)"
            " values (:id, :tenant, :company, :kratos, :email, :name, :role, :status,"
            " case when :status = 'disabled' then now() end)"),
            {"id": user_id, "tenant": tenant.id, "company": tenant.ids["company"], "kratos": identity, "email": email,
             "name": name.title(), "role": role, "status": status})
        if team_id is not None:
            conn.execute(text("insert into team_members (tenant_id, team_id, user_id, role) values (:t, :team, :u, :r)"),
                         {"t": tenant.id, "team": team_id, "u": user_id, "r": team_role})
    token, _ = kratos.add_session(identity_id=identity, email=email)
    return Actor(Principal(user_id, tenant.id, role, identity, email), token)
