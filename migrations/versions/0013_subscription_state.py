"""The company's copy of its Stripe subscription, applied in Stripe's order.

Stripe delivers events at least once and in any order. Each company remembers the
time of the last Stripe event applied to it (``stripe_state_at``, the event's
``created``); an event older than that changes nothing, so a late ``updated`` can
never undo a newer one. Both functions find the company by subscription or customer
id across tenants (system work: SECURITY DEFINER) and answer the tenant id only
when they changed something.

``mirai_find_user_by_identity`` also answers the company's subscription status, so the
authenticator (and the session cache) know a tenant whose subscription ended is read-only
without a query per call.

Revision ID: 0013_subscription_state
Revises: 0012_registration_lookups
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0013_subscription_state"
down_revision = "0012_registration_lookups"
branch_labels = None
depends_on = None

_SEARCH_PATH = "set search_path = pg_catalog, public"
_APPLY = ("mirai_apply_subscription_state(text, text, text, text, integer, text, timestamptz, timestamptz, boolean,"
          " timestamptz, timestamptz, timestamptz)")
_INVOICE = "mirai_apply_invoice_outcome(text, text, boolean, timestamptz, timestamptz)"
_FIND_USER = "mirai_find_user_by_identity(text)"


def _find_user(with_subscription: bool) -> str:
    extra_column, extra_value, join = (
        (", subscription_status text", ", c.subscription_status", " join companies c on c.tenant_id = u.tenant_id")
        if with_subscription else ("", "", "")
    )
    return f"""
    create function mirai_find_user_by_identity(p_kratos_id text)
      returns table (user_id uuid, tenant_id uuid, role text, status text, email text{extra_column})
    language sql stable security definer {_SEARCH_PATH} as $$
      select u.id, u.tenant_id, u.role,
             case when t.status = 'suspended' then 'disabled' else u.status end,
             u.email{extra_value}
      from users u join tenants t on t.id = u.tenant_id{join}
      where u.kratos_id = p_kratos_id
    $$"""


def upgrade() -> None:
    op.execute(f"drop function {_FIND_USER}")
    definer_function(_FIND_USER, _find_user(with_subscription=True))
    op.execute("alter table companies add column stripe_state_at timestamptz")
    op.execute("create index companies_stripe_customer_idx on companies (stripe_customer_id)")
    definer_function(_APPLY, f"""
    create function mirai_apply_subscription_state(
      p_subscription_id text, p_customer_id text, p_status text, p_plan text, p_seats integer, p_interval text,
      p_period_start timestamptz, p_period_end timestamptz, p_cancel_at_period_end boolean, p_canceled_at timestamptz,
      p_trial_end timestamptz, p_event_at timestamptz) returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      update companies c
         set stripe_subscription_id = p_subscription_id,
             stripe_customer_id = coalesce(c.stripe_customer_id, p_customer_id),
             subscription_status = p_status,
             plan = coalesce(p_plan, c.plan),
             seat_count = coalesce(p_seats, c.seat_count),
             billing_interval = coalesce(p_interval, c.billing_interval),
             current_period_start = coalesce(p_period_start, c.current_period_start),
             current_period_end = coalesce(p_period_end, c.current_period_end),
             cancel_at_period_end = p_cancel_at_period_end,
             canceled_at = p_canceled_at,
             trial_end = p_trial_end,
             stripe_state_at = p_event_at,
             version = c.version + 1
       where c.id = (select id from companies
                      where stripe_subscription_id = p_subscription_id
                         or (p_customer_id is not null and stripe_customer_id = p_customer_id)
                      order by (stripe_subscription_id = p_subscription_id) desc nulls last limit 1)
         and (c.stripe_state_at is null or c.stripe_state_at <= p_event_at)
      returning c.tenant_id
    $$""")
    definer_function(_INVOICE, f"""
    create function mirai_apply_invoice_outcome(p_subscription_id text, p_customer_id text, p_paid boolean,
                                                p_period_end timestamptz, p_event_at timestamptz) returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      update companies c
         set subscription_status = case
               when p_paid and c.subscription_status in ('past_due', 'unpaid', 'incomplete') then 'active'
               when not p_paid and c.subscription_status in ('active', 'trialing') then 'past_due'
               else c.subscription_status end,
             current_period_end = case when p_paid then greatest(c.current_period_end, p_period_end)
                                       else c.current_period_end end,
             stripe_state_at = p_event_at,
             version = c.version + 1
       where (c.stripe_subscription_id = p_subscription_id
              or (p_subscription_id is null and p_customer_id is not null and c.stripe_customer_id = p_customer_id))
         and (c.stripe_state_at is null or c.stripe_state_at <= p_event_at)
      returning c.tenant_id
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_INVOICE}")
    op.execute(f"drop function {_APPLY}")
    op.execute("drop index companies_stripe_customer_idx")
    op.execute("alter table companies drop column stripe_state_at")
    op.execute(f"drop function {_FIND_USER}")
    definer_function(_FIND_USER, _find_user(with_subscription=False))
