"""Registration look-ups: by email for AuthService.Register, stalled ones for the provisioning sweep.

Register must answer "an account already exists" for an email of any tenant, and hand
back the same checkout to an email that registers again while its registration is
pending. Both cross tenants, so each is a SECURITY DEFINER function that answers only
what it is named for (a yes/no; the caller's own pending registration).

At most one live pending registration per email: a partial unique index, so two
concurrent sign-ups of one address cannot both create a checkout.

Revision ID: 0012_registration_lookups
Revises: 0011_sent_mails
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0012_registration_lookups"
down_revision = "0011_sent_mails"
branch_labels = None
depends_on = None

_SEARCH_PATH = "set search_path = pg_catalog, public"
_HAS_ACCOUNT = "mirai_email_has_account(text)"
_PENDING = "mirai_pending_registration_for(text)"
_STALLED = "mirai_stalled_paid_registrations(integer, integer)"


def upgrade() -> None:
    # Registrations past their 24 h that the hourly cleanup has not reached yet are expired now.
    op.execute("update pending_registrations set status = 'expired' where status = 'pending' and expires_at <= now()")
    op.execute("create unique index pending_registrations_one_pending_per_email on pending_registrations (lower(email))"
               " where status = 'pending'")
    op.execute("create index users_email_idx on users (lower(email))")
    definer_function(_HAS_ACCOUNT, f"""
    create function mirai_email_has_account(p_email text) returns boolean
    language sql stable security definer {_SEARCH_PATH} as $$
      select exists (select from users where lower(email) = lower(p_email))
    $$""")
    definer_function(_PENDING, f"""
    create function mirai_pending_registration_for(p_email text) returns setof pending_registrations
    language sql security definer {_SEARCH_PATH} as $$
      -- A pending registration past its expiry no longer holds the address.
      update pending_registrations set status = 'expired'
       where lower(email) = lower(p_email) and status = 'pending' and expires_at <= now();
      select * from pending_registrations where lower(email) = lower(p_email) and status = 'pending'
    $$""")
    op.execute("create index pending_registrations_paid_idx on pending_registrations (paid_at) where status = 'paid'")
    definer_function(_STALLED, f"""
    create function mirai_stalled_paid_registrations(p_older_than_seconds integer, p_limit integer)
      returns setof pending_registrations
    language sql stable security definer {_SEARCH_PATH} as $$
      select * from pending_registrations
       where status = 'paid' and paid_at < now() - make_interval(secs => greatest(p_older_than_seconds, 0))
       order by paid_at limit greatest(p_limit, 0)
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_STALLED}")
    op.execute("drop index pending_registrations_paid_idx")
    op.execute(f"drop function {_PENDING}")
    op.execute(f"drop function {_HAS_ACCOUNT}")
    op.execute("drop index users_email_idx")
    op.execute("drop index pending_registrations_one_pending_per_email")
