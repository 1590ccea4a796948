"""The tenant's company (one per tenant). Created only by provisioning."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from common.db.tables import companies
from common.errors import Conflict, NotFound
from common.repos.base import TenantRepository
from common.repos.rows import to_record

_EDITABLE = frozenset({"name", "industry", "company_size", "website", "logo_object_key", "billing_email"})


@dataclass(frozen=True)
class Company:
    id: uuid.UUID
    tenant_id: uuid.UUID
    name: str
    industry: str | None
    company_size: str | None
    website: str | None
    logo_object_key: str | None
    plan: str
    subscription_status: str
    billing_interval: str | None
    seat_count: int
    billing_email: str | None
    stripe_customer_id: str | None
    stripe_subscription_id: str | None
    current_period_start: datetime | None
    current_period_end: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    trial_end: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class Companies(TenantRepository):
    def current(self) -> Company:
        row = self._session.execute(select(companies).where(companies.c.tenant_id == self.tenant_id)).first()
        if row is None:
            raise NotFound("company not found")
        return to_record(Company, row)

    def update_profile(self, changes: dict[str, Any], *, expected_version: int | None = None) -> Company:
        """Applies the profile fields in ``changes``; ``expected_version`` guards against lost updates."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable here: {sorted(unknown)}")
        stmt = update(companies).where(companies.c.tenant_id == self.tenant_id)
        if expected_version is not None:
            stmt = stmt.where(companies.c.version == expected_version)
        row = self._session.execute(
            stmt.values(**changes, version=companies.c.version + 1).returning(*companies.c)
        ).first()
        if row is None:
            self.current()  # NotFound when there is none at all
            raise Conflict("the company was changed by someone else; reload and retry")
        return to_record(Company, row)
