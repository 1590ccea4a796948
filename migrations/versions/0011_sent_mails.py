"""Sent mails: one row per requested mail, so the mail job sends each message once.

The mail job (functions/jobs/send_mail.py) claims a message id here before it
talks to SMTP and records the outcome after, each in its own short transaction,
so no connection is held while the SMTP server answers. A claim is a lease
('sending' until ``lease_expires_at``): a redelivered event finds the row and
does nothing once it is 'sent' or 'failed', comes back later while another
worker holds the lease, and takes over when that worker died mid-send.
'retrying': the last send failed for now; the next delivery claims it again. Only the outcome is
kept: no address, subject or body.

Revision ID: 0011_sent_mails
Revises: 0010_checkout_paid_once
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import protect_tenant_table, touch_trigger

revision = "0011_sent_mails"
down_revision = "0010_checkout_paid_once"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    create table sent_mails (
      tenant_id uuid not null references tenants (id) on delete cascade,
      message_id uuid not null,
      template text not null,
      status text not null check (status in ('sending', 'retrying', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      lease_expires_at timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      sent_at timestamptz,
      primary key (tenant_id, message_id),
      check (status <> 'sending' or lease_expires_at is not null),
      check ((status = 'sent') = (sent_at is not null))
    )""")
    protect_tenant_table("sent_mails", privileges="select, insert, update")
    touch_trigger("sent_mails")


def downgrade() -> None:
    op.execute("drop table sent_mails")
