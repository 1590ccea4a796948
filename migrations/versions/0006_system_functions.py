"""SECURITY DEFINER functions: the only paths across tenants, each doing one named thing.

They run as the migration owner (which bypasses RLS), have search_path pinned,
and only mirai_app may execute them.

Revision ID: 0006_system_functions
Revises: 0005_notifications_and_events
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0006_system_functions"
down_revision = "0005_notifications_and_events"
branch_labels = None
depends_on = None

_SEARCH_PATH = "set search_path = pg_catalog, public"

_REGISTRATION_ARGS = "text, text, text, text, text, text, integer, text, text, text, text, text"

FUNCTIONS: dict[str, str] = {
    # --- outbox relay -------------------------------------------------------
    "mirai_outbox_claim(integer, integer)": f"""
    create function mirai_outbox_claim(p_limit integer, p_lease_seconds integer) returns setof outbox
    language sql security definer {_SEARCH_PATH} as $$
      with due as (
        select id from outbox
        where published_at is null and available_at <= now()
        order by available_at, created_at
        limit greatest(p_limit, 0)
        for update skip locked
      )
      update outbox o
         set available_at = now() + make_interval(secs => greatest(p_lease_seconds, 1)),
             attempts = o.attempts + 1
        from due where o.id = due.id
      returning o.*
    $$""",
    "mirai_outbox_mark_published(uuid[])": f"""
    create function mirai_outbox_mark_published(p_ids uuid[]) returns integer
    language sql security definer {_SEARCH_PATH} as $$
      with done as (
        update outbox set published_at = now(), last_error = null
        where id = any(p_ids) and published_at is null
        returning 1
      )
      select count(*)::integer from done
    $$""",
    "mirai_outbox_mark_failed(uuid, text, integer)": f"""
    create function mirai_outbox_mark_failed(p_id uuid, p_error text, p_retry_in_seconds integer) returns void
    language sql security definer {_SEARCH_PATH} as $$
      update outbox
         set last_error = left(p_error, 2000),
             available_at = now() + make_interval(secs => greatest(p_retry_in_seconds, 0))
       where id = p_id and published_at is null
    $$""",
    "mirai_outbox_enqueue_system(text, text, text, jsonb)": f"""
    create function mirai_outbox_enqueue_system(p_type text, p_source text, p_subject text, p_data jsonb) returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      insert into outbox (tenant_id, type, source, subject, data)
      values (null, p_type, p_source, p_subject, p_data)
      returning id
    $$""",
    # --- dead letters -------------------------------------------------------
    "mirai_record_dead_letter(text, text, text, text, jsonb, text)": f"""
    create function mirai_record_dead_letter(p_consumer text, p_source text, p_event_id text, p_type text,
                                             p_data jsonb, p_error text) returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      insert into dead_letters (consumer, source, event_id, type, data, error)
      values (p_consumer, p_source, p_event_id, p_type, p_data, left(p_error, 4000))
      returning id
    $$""",
    # --- registration and provisioning --------------------------------------
    f"mirai_create_pending_registration({_REGISTRATION_ARGS})": f"""
    create function mirai_create_pending_registration(
      p_email text, p_password_hash text, p_first_name text, p_last_name text, p_company_name text,
      p_plan text, p_seat_count integer, p_billing_interval text, p_industry text, p_company_size text,
      p_locale text, p_checkout_session_id text) returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      insert into pending_registrations (email, password_hash, first_name, last_name, company_name, plan, seat_count,
                                         billing_interval, industry, company_size, locale, stripe_checkout_session_id)
      values (lower(p_email), p_password_hash, coalesce(p_first_name, ''), coalesce(p_last_name, ''), p_company_name,
              p_plan, p_seat_count, coalesce(p_billing_interval, 'monthly'), nullif(p_industry, ''),
              nullif(p_company_size, ''), coalesce(nullif(p_locale, ''), 'en-US'), p_checkout_session_id)
      returning id
    $$""",
    "mirai_attach_registration_checkout(uuid, text)": f"""
    create function mirai_attach_registration_checkout(p_id uuid, p_checkout_session_id text) returns boolean
    language sql security definer {_SEARCH_PATH} as $$
      with attached as (
        update pending_registrations set stripe_checkout_session_id = p_checkout_session_id
        where id = p_id and status = 'pending' and stripe_checkout_session_id is null
        returning 1
      )
      select exists (select from attached)
    $$""",
    "mirai_get_pending_registration(uuid)": f"""
    create function mirai_get_pending_registration(p_id uuid) returns setof pending_registrations
    language sql stable security definer {_SEARCH_PATH} as $$
      select * from pending_registrations where id = p_id
    $$""",
    "mirai_mark_registration_paid(text, text, text)": f"""
    create function mirai_mark_registration_paid(p_checkout_session_id text, p_customer_id text, p_subscription_id text)
      returns uuid
    language sql security definer {_SEARCH_PATH} as $$
      -- Idempotent: a redelivered webhook finds the row already paid (or provisioned) and returns its id.
      update pending_registrations
         set status = case when status in ('pending', 'expired') then 'paid' else status end,
             paid_at = coalesce(paid_at, now()),
             stripe_customer_id = coalesce(stripe_customer_id, p_customer_id),
             stripe_subscription_id = coalesce(stripe_subscription_id, p_subscription_id)
       where stripe_checkout_session_id = p_checkout_session_id
      returning id
    $$""",
    "mirai_fail_registration(uuid, text)": f"""
    create function mirai_fail_registration(p_id uuid, p_reason text) returns boolean
    language sql security definer {_SEARCH_PATH} as $$
      with failed as (
        update pending_registrations set status = 'failed', failure_reason = left(p_reason, 500)
        where id = p_id and status = 'paid'
        returning 1
      )
      select exists (select from failed)
    $$""",
    "mirai_cleanup_expired_registrations()": f"""
    create function mirai_cleanup_expired_registrations() returns integer
    language sql security definer {_SEARCH_PATH} as $$
      -- Paid or failed rows are kept even when old: money was taken and support needs them.
      with gone as (
        delete from pending_registrations
        where expires_at < now() and provisioned_at is null and status in ('pending', 'expired')
        returning 1
      )
      select count(*)::integer from gone
    $$""",
    "mirai_provision_tenant(uuid, text, text)": f"""
    create function mirai_provision_tenant(p_registration_id uuid, p_kratos_id text, p_slug text)
      returns table (tenant_id uuid, company_id uuid, user_id uuid)
    language plpgsql security definer {_SEARCH_PATH} as $$
    declare
      reg pending_registrations;
      t_id uuid;
      c_id uuid;
      u_id uuid;
    begin
      select * into reg from pending_registrations r where r.id = p_registration_id for update;
      if not found then
        raise exception 'registration % not found', p_registration_id using errcode = 'no_data_found';
      end if;
      if reg.status = 'provisioned' then
        -- Redelivery: answer with what the first call created.
        return query
          select c.tenant_id, c.id, u.id from companies c
          join users u on u.tenant_id = c.tenant_id and u.kratos_id = p_kratos_id
          where c.tenant_id = reg.provisioned_tenant_id;
        return;
      end if;
      if reg.status <> 'paid' then
        raise exception 'registration % is %, not paid', p_registration_id, reg.status
          using errcode = 'object_not_in_prerequisite_state';
      end if;
      insert into tenants (slug, name, status) values (p_slug, reg.company_name, 'active') returning id into t_id;
      insert into companies (tenant_id, name, industry, company_size, plan, subscription_status, billing_interval,
                             seat_count, billing_email, stripe_customer_id, stripe_subscription_id)
      values (t_id, reg.company_name, reg.industry, reg.company_size, reg.plan,
              case when reg.stripe_subscription_id is null then 'none' else 'active' end,
              reg.billing_interval, reg.seat_count, reg.email, reg.stripe_customer_id, reg.stripe_subscription_id)
      returning id into c_id;
      insert into users (tenant_id, company_id, kratos_id, email, first_name, last_name, role, locale)
      values (t_id, c_id, p_kratos_id, reg.email, reg.first_name, reg.last_name, 'owner', reg.locale)
      returning id into u_id;
      update pending_registrations
         set status = 'provisioned', provisioned_at = now(), provisioned_tenant_id = t_id
       where id = reg.id;
      return query select t_id, c_id, u_id;
    end $$""",
    # --- generation job leases -----------------------------------------------
    "mirai_claim_generation_job(uuid, integer, text)": f"""
    create function mirai_claim_generation_job(p_job_id uuid, p_lease_seconds integer, p_worker text)
      returns generation_jobs
    language sql security definer {_SEARCH_PATH} as $$
      -- NULL (a row of nulls through select *) when the job is finished, held by a live lease, or locked.
      with claimable as (
        select id from generation_jobs
        where id = p_job_id
          and (status = 'queued' or (status = 'running' and lease_expires_at < now()))
          and cancel_requested_at is null
        for update skip locked
      )
      update generation_jobs j
         set status = 'running', worker = p_worker, attempt = j.attempt + 1,
             lease_expires_at = now() + make_interval(secs => greatest(p_lease_seconds, 1)),
             started_at = coalesce(j.started_at, now())
        from claimable where j.id = claimable.id
      returning j.*
    $$""",
    "mirai_expired_job_leases(integer)": f"""
    create function mirai_expired_job_leases(p_limit integer) returns table (job_id uuid, tenant_id uuid)
    language sql stable security definer {_SEARCH_PATH} as $$
      select j.id, j.tenant_id from generation_jobs j
      where j.status = 'running' and j.lease_expires_at < now()
      order by j.lease_expires_at
      limit greatest(p_limit, 0)
    $$""",
    # --- authentication (before any tenant is known) -------------------------
    "mirai_find_user_by_identity(text)": f"""
    create function mirai_find_user_by_identity(p_kratos_id text)
      returns table (user_id uuid, tenant_id uuid, role text, status text, email text)
    language sql stable security definer {_SEARCH_PATH} as $$
      select u.id, u.tenant_id, u.role,
             case when t.status = 'suspended' then 'disabled' else u.status end,
             u.email
      from users u join tenants t on t.id = u.tenant_id
      where u.kratos_id = p_kratos_id
    $$""",
    "mirai_find_invitation_by_token(text)": f"""
    create function mirai_find_invitation_by_token(p_token_hash text)
      returns table (invitation_id uuid, tenant_id uuid, company_id uuid, email text, role text, status text,
                     expires_at timestamptz)
    language sql stable security definer {_SEARCH_PATH} as $$
      select i.id, i.tenant_id, i.company_id, i.email, i.role, i.status, i.expires_at
      from invitations i where i.token_hash = p_token_hash
    $$""",
}


def upgrade() -> None:
    for signature, body in FUNCTIONS.items():
        definer_function(signature, body)


def downgrade() -> None:
    for signature in reversed(FUNCTIONS):
        op.execute(f"drop function {signature}")
