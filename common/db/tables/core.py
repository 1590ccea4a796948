"""Tenants, companies, users, teams and invitations (migration 0001)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, FetchedValue, Integer, MetaData, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, UUID

metadata = MetaData()


def _ts(name: str, *, nullable: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(name, DateTime(timezone=True), nullable=nullable)


def _uuid(name: str, *, nullable: bool = True, primary_key: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(name, UUID(as_uuid=True), nullable=nullable, primary_key=primary_key)


def id_column() -> Column:  # type: ignore[type-arg]
    """A uuid primary key the database generates (gen_random_uuid())."""
    return Column("id", UUID(as_uuid=True), primary_key=True, server_default=FetchedValue())


tenants = Table(
    "tenants",
    metadata,
    id_column(),
    Column("slug", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("suspension_reason", Text),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)

companies = Table(
    "companies",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    Column("name", Text, nullable=False),
    Column("industry", Text),
    Column("company_size", Text),
    Column("website", Text),
    Column("logo_object_key", Text),
    Column("plan", Text, nullable=False),
    Column("subscription_status", Text, nullable=False),
    Column("billing_interval", Text),
    Column("seat_count", Integer, nullable=False),
    Column("billing_email", Text),
    Column("stripe_customer_id", Text),
    Column("stripe_subscription_id", Text),
    _ts("current_period_start"),
    _ts("current_period_end"),
    Column("cancel_at_period_end", Boolean, nullable=False),
    _ts("canceled_at"),
    _ts("trial_end"),
    _ts("stripe_state_at"),
    Column("version", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)

users = Table(
    "users",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("company_id", nullable=False),
    Column("kratos_id", Text),
    Column("email", Text, nullable=False),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False),
    Column("avatar_object_key", Text),
    Column("role", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("locale", Text, nullable=False),
    Column("timezone", Text, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
    _ts("last_login_at"),
    _ts("disabled_at"),
)

teams = Table(
    "teams",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("company_id", nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    _uuid("created_by"),
    Column("version", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)

team_members = Table(
    "team_members",
    metadata,
    _uuid("tenant_id", primary_key=True, nullable=False),
    _uuid("team_id", primary_key=True, nullable=False),
    _uuid("user_id", primary_key=True, nullable=False),
    Column("role", Text, nullable=False),
    _ts("joined_at", nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("company_id", nullable=False),
    Column("email", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("team_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
    Column("status", Text, nullable=False),
    Column("token_hash", Text, nullable=False),
    Column("message", Text, nullable=False),
    _uuid("invited_by"),
    Column("seat_reserved", Boolean, nullable=False),
    Column("send_count", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("expires_at", nullable=False),
    _ts("last_sent_at", nullable=False),
    _ts("accepted_at"),
    _uuid("accepted_user_id"),
    _ts("revoked_at"),
)
