"""A checkout session is marked paid once: the caller learns whether this call paid it.

``mirai_mark_registration_paid`` returned the registration id on every call, so
the same checkout delivered under a second Stripe event id (Stripe sends
``checkout.session.completed`` again for some flows, and replays carry new ids)
recorded ``io.mirai.registration.paid`` twice and provisioning ran twice. It now
answers ``(registration_id, newly_paid)``; only the call that moved the row from
pending/expired to paid sees ``newly_paid``. Concurrent calls serialise on the
row lock, and the loser re-checks the status, so exactly one of them wins.

Revision ID: 0010_checkout_paid_once
Revises: 0009_lesson_leases
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0010_checkout_paid_once"
down_revision = "0009_lesson_leases"
branch_labels = None
depends_on = None

_SIGNATURE = "mirai_mark_registration_paid(text, text, text)"


def upgrade() -> None:
    op.execute(f"drop function {_SIGNATURE}")
    definer_function(_SIGNATURE, """
    create function mirai_mark_registration_paid(p_checkout_session_id text, p_customer_id text, p_subscription_id text)
      returns table (registration_id uuid, newly_paid boolean)
    language sql security definer set search_path = pg_catalog, public as $$
      with paid as (
        update pending_registrations
           set status = 'paid',
               paid_at = coalesce(paid_at, now()),
               stripe_customer_id = coalesce(stripe_customer_id, p_customer_id),
               stripe_subscription_id = coalesce(stripe_subscription_id, p_subscription_id)
         where stripe_checkout_session_id = p_checkout_session_id and status in ('pending', 'expired')
        returning id
      )
      select id, true from paid
      union all
      -- Already paid (or provisioned, or failed): a redelivery, reported but not paid again.
      select id, false from pending_registrations
       where stripe_checkout_session_id = p_checkout_session_id and not exists (select from paid)
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_SIGNATURE}")
    definer_function(_SIGNATURE, """
    create function mirai_mark_registration_paid(p_checkout_session_id text, p_customer_id text, p_subscription_id text)
      returns uuid
    language sql security definer set search_path = pg_catalog, public as $$
      update pending_registrations
         set status = case when status in ('pending', 'expired') then 'paid' else status end,
             paid_at = coalesce(paid_at, now()),
             stripe_customer_id = coalesce(stripe_customer_id, p_customer_id),
             stripe_subscription_id = coalesce(stripe_subscription_id, p_subscription_id)
       where stripe_checkout_session_id = p_checkout_session_id
      returning id
    $$""")
