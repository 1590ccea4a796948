"""The caller's tenant (RLS shows a tenant session its own row only)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from common.db.tables import tenants
from common.repos.base import TenantRepository
from common.repos.rows import to_record


@dataclass(frozen=True)
class Tenant:
    id: uuid.UUID
    slug: str
    name: str
    status: str
    suspension_reason: str | None
    created_at: datetime
    updated_at: datetime


class Tenants(TenantRepository):
    def current(self) -> Tenant | None:
        row = self._session.execute(select(tenants).where(tenants.c.id == self.tenant_id)).first()
        return to_record(Tenant, row) if row else None

    def get(self, tenant_id: uuid.UUID) -> Tenant | None:
        row = self._session.execute(select(tenants).where(tenants.c.id == tenant_id)).first()
        return to_record(Tenant, row) if row else None
