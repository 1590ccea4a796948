"""Notifications, the event outbox, consumer idempotency and dead letters.

Revision ID: 0005_notifications_and_events
Revises: 0004_ai_generation
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import APP_ROLE, lock_system_table, protect_tenant_table

revision = "0005_notifications_and_events"
down_revision = "0004_ai_generation"
branch_labels = None
depends_on = None

_NOTIFICATION_TYPES = (
    "outline_ready", "outline_failed", "lessons_ready", "lessons_failed", "export_ready", "export_failed",
    "sme_task_assigned", "sme_task_due_soon", "sme_task_completed", "submission_processed", "submission_failed",
    "invitation_accepted", "team_member_added", "seats_exhausted", "payment_failed", "subscription_updated",
    "quota_warning", "ai_key_invalid", "system",
)
_RESOURCE_TYPES = (
    "course", "outline", "job", "export", "sme", "sme_task", "submission", "team", "user", "invitation",
    "company", "subscription",
)


def _sql_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    op.execute(f"""
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      user_id uuid not null,
      type text not null check (type in {_sql_list(_NOTIFICATION_TYPES)}),
      title text not null,
      message text not null default '',
      resource_type text check (resource_type in {_sql_list(_RESOURCE_TYPES)}),
      resource_id uuid,
      resource_course_id uuid,
      link text not null default '',
      actor_id uuid,
      read_at timestamptz,
      email_sent_at timestamptz,
      created_at timestamptz not null default now(),
      unique (tenant_id, id),
      check ((resource_type is null) = (resource_id is null)),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, actor_id) references users (tenant_id, id) on delete set null (actor_id)
    )""")
    op.execute("create index notifications_tenant_user_idx on notifications (tenant_id, user_id, created_at desc, id desc)")
    op.execute("create index notifications_tenant_user_unread_idx on notifications (tenant_id, user_id) where read_at is null")
    protect_tenant_table("notifications")

    # tenant_id is null for system events (e.g. a registration before its tenant exists);
    # tenant sessions may only add rows of their own tenant and never read the table back.
    op.execute("""
    create table outbox (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid references tenants (id) on delete cascade,
      type text not null,
      source text not null,
      subject text,
      data jsonb not null,
      created_at timestamptz not null default now(),
      available_at timestamptz not null default now(),
      attempts integer not null default 0 check (attempts >= 0),
      published_at timestamptz,
      last_error text
    )""")
    op.execute("create index outbox_unpublished_idx on outbox (available_at, created_at) where published_at is null")
    protect_tenant_table("outbox", privileges="insert")

    op.execute("""
    create table processed_events (
      consumer text not null,
      source text not null,
      event_id text not null,
      processed_at timestamptz not null default now(),
      primary key (consumer, source, event_id)
    )""")
    op.execute("create index processed_events_age_idx on processed_events (processed_at)")
    op.execute(f"grant select, insert, delete on processed_events to {APP_ROLE}")

    op.execute("""
    create table dead_letters (
      id uuid primary key default gen_random_uuid(),
      consumer text not null,
      source text not null,
      event_id text not null,
      type text not null,
      data jsonb,
      error text not null,
      received_at timestamptz not null default now()
    )""")
    op.execute("create index dead_letters_received_idx on dead_letters (received_at desc)")
    lock_system_table("dead_letters")


def downgrade() -> None:
    for table in ("dead_letters", "processed_events", "outbox", "notifications"):
        op.execute(f"drop table {table}")
