"""Pending registrations and tenant provisioning: system data, reached only
through the SECURITY DEFINER functions of migration 0006."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.errors import Conflict
from common.repos.rows import violated_constraint


@dataclass(frozen=True)
class PendingRegistration:
    id: uuid.UUID
    email: str
    password_hash: str
    first_name: str
    last_name: str
    company_name: str
    plan: str
    seat_count: int
    billing_interval: str
    industry: str | None
    company_size: str | None
    locale: str
    status: str
    stripe_checkout_session_id: str | None
    stripe_customer_id: str | None
    stripe_subscription_id: str | None
    failure_reason: str | None
    provisioned_tenant_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime
    paid_at: datetime | None
    provisioned_at: datetime | None


@dataclass(frozen=True)
class ProvisionedTenant:
    tenant_id: uuid.UUID
    company_id: uuid.UUID
    user_id: uuid.UUID


@dataclass(frozen=True)
class PaidCheckout:
    registration_id: uuid.UUID
    newly_paid: bool
    """True only for the call that moved the registration to paid; redeliveries see False."""


class Registrations:
    def __init__(self, session: Session) -> None:
        self._session = session

    def create(self, *, email: str, password_hash: str, company_name: str, plan: str, seat_count: int,
               first_name: str = "", last_name: str = "", billing_interval: str = "monthly", industry: str = "",
               company_size: str = "", locale: str = "", checkout_session_id: str | None = None) -> uuid.UUID:
        """Raises ``Conflict`` when this email already has a pending registration (a concurrent sign-up)."""
        try:
            return self._create(email=email, password_hash=password_hash, company_name=company_name, plan=plan,
                                seat_count=seat_count, first_name=first_name, last_name=last_name,
                                billing_interval=billing_interval, industry=industry, company_size=company_size,
                                locale=locale, checkout_session_id=checkout_session_id)
        except IntegrityError as err:
            if violated_constraint(err) != "pending_registrations_one_pending_per_email":
                raise
            raise Conflict("email: a registration for this address is already under way") from None

    def _create(self, **values: object) -> uuid.UUID:
        registration_id: uuid.UUID = self._session.execute(
            text(
                "select mirai_create_pending_registration(:email, :password_hash, :first_name, :last_name,"
                " :company_name, :plan, :seat_count, :billing_interval, :industry, :company_size, :locale,"
                " :checkout_session_id)"
            ),
            values,
        ).scalar_one()
        return registration_id

    def email_has_account(self, email: str) -> bool:
        """Whether a user of any tenant has this email (the answer only, nothing of the account)."""
        return bool(self._session.execute(text("select mirai_email_has_account(:email)"), {"email": email}).scalar_one())

    def pending_for(self, email: str) -> PendingRegistration | None:
        """The live pending registration of this email, if any (one past its expiry is expired first)."""
        row = self._session.execute(text("select * from mirai_pending_registration_for(:email)"), {"email": email}).first()
        return PendingRegistration(**row._mapping) if row else None

    def attach_checkout(self, registration_id: uuid.UUID, checkout_session_id: str) -> bool:
        return bool(self._session.execute(
            text("select mirai_attach_registration_checkout(:id, :session)"),
            {"id": registration_id, "session": checkout_session_id},
        ).scalar_one())

    def get(self, registration_id: uuid.UUID) -> PendingRegistration | None:
        row = self._session.execute(
            text("select * from mirai_get_pending_registration(:id)"), {"id": registration_id}
        ).first()
        return PendingRegistration(**row._mapping) if row else None

    def mark_paid(self, *, checkout_session_id: str, customer_id: str | None, subscription_id: str | None) -> PaidCheckout | None:
        """The registration of the checkout, marked paid; None when no registration has that checkout."""
        row = self._session.execute(
            text("select registration_id, newly_paid from mirai_mark_registration_paid(:session, :customer, :subscription)"),
            {"session": checkout_session_id, "customer": customer_id, "subscription": subscription_id},
        ).one_or_none()
        return PaidCheckout(row.registration_id, row.newly_paid) if row else None

    def provisioned_in_this_transaction(self, registration_id: uuid.UUID) -> bool:
        """Whether this transaction made the account (a concurrent run's call returns the same rows)."""
        return bool(self._session.execute(
            text("select coalesce(provisioned_at = now(), false) from mirai_get_pending_registration(:id)"),
            {"id": registration_id},
        ).scalar_one_or_none())

    def stalled_paid(self, *, older_than_seconds: int, limit: int) -> list[PendingRegistration]:
        """Paid longer ago than ``older_than_seconds`` and still not provisioned, oldest first."""
        rows = self._session.execute(text("select * from mirai_stalled_paid_registrations(:age, :limit)"),
                                     {"age": older_than_seconds, "limit": limit})
        return [PendingRegistration(**row._mapping) for row in rows]

    def fail(self, registration_id: uuid.UUID, reason: str) -> bool:
        return bool(self._session.execute(
            text("select mirai_fail_registration(:id, :reason)"), {"id": registration_id, "reason": reason}
        ).scalar_one())

    def cleanup_expired(self) -> int:
        return int(self._session.execute(text("select mirai_cleanup_expired_registrations()")).scalar_one())

    def provision(self, registration_id: uuid.UUID, *, kratos_id: str, slug: str) -> ProvisionedTenant:
        row = self._session.execute(
            text("select tenant_id, company_id, user_id from mirai_provision_tenant(:id, :kratos_id, :slug)"),
            {"id": registration_id, "kratos_id": kratos_id, "slug": slug},
        ).one()
        return ProvisionedTenant(**row._mapping)
