"""Roles, tenants, companies, users, teams, invitations, pending registrations.

Revision ID: 0001_roles_and_core
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import APP_ROLE, lock_system_table, protect_tenant_table, touch_trigger

revision = "0001_roles_and_core"
down_revision = None
branch_labels = None
depends_on = None


def _roles() -> None:
    # SECURITY DEFINER functions run as the migration owner and must see every tenant.
    op.execute("""
    do $$ begin
      if not (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) then
        raise exception 'the migration owner (%) needs BYPASSRLS (or superuser): the system functions it owns cross tenants', current_user;
      end if;
    end $$""")
    # Roles are cluster-wide: several databases (test runs, environments) share one.
    op.execute(f"""
    do $$ begin
      if not exists (select from pg_roles where rolname = '{APP_ROLE}') then
        create role {APP_ROLE} login;
      end if;
    exception when duplicate_object or unique_violation then null;  -- created concurrently by another database's migration
    end $$""")
    # Only when needed: concurrent ALTER ROLEs from parallel migrations fail with "tuple concurrently updated".
    op.execute(f"""
    do $$ begin
      if exists (select from pg_roles where rolname = '{APP_ROLE}'
                 and (rolsuper or rolbypassrls or rolcreatedb or rolcreaterole or rolreplication or not rolcanlogin)) then
        alter role {APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole noreplication;
      end if;
    end $$""")
    op.execute(f"do $$ begin execute format('grant connect on database %I to {APP_ROLE}', current_database()); end $$")
    op.execute(f"grant usage on schema public to {APP_ROLE}")
    op.execute("""
    create function mirai_touch_updated_at() returns trigger language plpgsql as $$
    begin
      new.updated_at := now();
      return new;
    end $$""")


def upgrade() -> None:
    _roles()
    op.execute("""
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      status text not null default 'provisioning' check (status in ('provisioning', 'active', 'suspended')),
      suspension_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )""")
    protect_tenant_table("tenants", privileges="select", key="id")
    touch_trigger("tenants")

    op.execute("""
    create table companies (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      industry text,
      company_size text check (company_size in ('1_10', '11_50', '51_200', '201_1000', '1001_5000', '5001_plus')),
      website text,
      logo_object_key text,
      plan text not null check (plan in ('starter', 'pro', 'enterprise')),
      subscription_status text not null default 'none' check (subscription_status in
        ('none', 'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused')),
      billing_interval text check (billing_interval in ('monthly', 'yearly')),
      seat_count integer not null default 1 check (seat_count >= 0),
      billing_email text,
      stripe_customer_id text unique,
      stripe_subscription_id text unique,
      current_period_start timestamptz,
      current_period_end timestamptz,
      cancel_at_period_end boolean not null default false,
      canceled_at timestamptz,
      trial_end timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id),
      unique (tenant_id, id)
    )""")
    protect_tenant_table("companies", privileges="select, update")
    touch_trigger("companies")

    op.execute("""
    create table users (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      company_id uuid not null,
      kratos_id text unique,
      email text not null check (position('@' in email) > 1),
      first_name text not null default '',
      last_name text not null default '',
      avatar_object_key text,
      role text not null check (role in ('owner', 'admin', 'member')),
      status text not null default 'active' check (status in ('active', 'disabled')),
      locale text not null default 'en-US',
      timezone text not null default 'UTC',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_login_at timestamptz,
      disabled_at timestamptz,
      check ((status = 'disabled') = (disabled_at is not null)),
      unique (tenant_id, id),
      foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade
    )""")
    op.execute("create unique index users_tenant_email_key on users (tenant_id, lower(email))")
    op.execute("create index users_tenant_created_idx on users (tenant_id, created_at desc, id desc)")
    op.execute("create index users_tenant_status_name_idx on users (tenant_id, status, last_name, first_name, id)")
    protect_tenant_table("users", privileges="select, insert, update")
    touch_trigger("users")

    op.execute("""
    create table teams (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      company_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      description text not null default '',
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade,
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute("create unique index teams_tenant_name_key on teams (tenant_id, lower(name))")
    op.execute("create index teams_tenant_name_idx on teams (tenant_id, name, id)")
    protect_tenant_table("teams")
    touch_trigger("teams")

    op.execute("""
    create table team_members (
      tenant_id uuid not null references tenants (id) on delete cascade,
      team_id uuid not null,
      user_id uuid not null,
      role text not null default 'member' check (role in ('lead', 'member')),
      joined_at timestamptz not null default now(),
      primary key (tenant_id, team_id, user_id),
      foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    )""")
    op.execute("create index team_members_tenant_user_idx on team_members (tenant_id, user_id, team_id)")
    protect_tenant_table("team_members")

    op.execute("""
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      company_id uuid not null,
      email text not null check (position('@' in email) > 1),
      role text not null default 'member' check (role in ('owner', 'admin', 'member')),
      team_ids uuid[] not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'accepted', 'expired', 'revoked')),
      token_hash text not null unique,
      message text not null default '' check (length(message) <= 500),
      invited_by uuid,
      seat_reserved boolean not null default true,
      send_count integer not null default 1 check (send_count >= 1),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null default now() + interval '7 days',
      last_sent_at timestamptz not null default now(),
      accepted_at timestamptz,
      accepted_user_id uuid,
      revoked_at timestamptz,
      unique (tenant_id, id),
      check ((status = 'accepted') = (accepted_at is not null)),
      foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade,
      foreign key (tenant_id, invited_by) references users (tenant_id, id) on delete set null (invited_by),
      foreign key (tenant_id, accepted_user_id) references users (tenant_id, id) on delete set null (accepted_user_id)
    )""")
    # One pending invitation per email per company.
    op.execute(
        "create unique index invitations_one_pending_key on invitations (tenant_id, company_id, lower(email)) where status = 'pending'"
    )
    op.execute("create index invitations_tenant_created_idx on invitations (tenant_id, created_at desc, id desc)")
    op.execute("create index invitations_tenant_status_idx on invitations (tenant_id, status, created_at desc, id desc)")
    protect_tenant_table("invitations")

    # Pre-tenant data: reached only through SECURITY DEFINER functions (no grants).
    op.execute("""
    create table pending_registrations (
      id uuid primary key default gen_random_uuid(),
      email text not null check (position('@' in email) > 1),
      password_hash text not null,
      first_name text not null default '',
      last_name text not null default '',
      company_name text not null check (length(company_name) between 1 and 200),
      plan text not null check (plan in ('starter', 'pro', 'enterprise')),
      seat_count integer not null check (seat_count >= 1),
      billing_interval text not null default 'monthly' check (billing_interval in ('monthly', 'yearly')),
      industry text,
      company_size text check (company_size in ('1_10', '11_50', '51_200', '201_1000', '1001_5000', '5001_plus')),
      locale text not null default 'en-US',
      status text not null default 'pending' check (status in ('pending', 'paid', 'provisioned', 'expired', 'failed')),
      stripe_checkout_session_id text unique,
      stripe_customer_id text,
      stripe_subscription_id text,
      failure_reason text,
      provisioned_tenant_id uuid references tenants (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null default now() + interval '24 hours',
      paid_at timestamptz,
      provisioned_at timestamptz
    )""")
    op.execute("create index pending_registrations_expiry_idx on pending_registrations (expires_at) where provisioned_at is null")
    lock_system_table("pending_registrations")

    op.execute("""
    create table onboarding_steps (
      tenant_id uuid not null references tenants (id) on delete cascade,
      user_id uuid not null,
      step text not null check (step in ('profile', 'company_details', 'ai_provider', 'invite_team', 'target_audience', 'first_sme', 'first_course')),
      state text not null check (state in ('completed', 'skipped')),
      completed_at timestamptz not null default now(),
      primary key (tenant_id, user_id, step),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    )""")
    protect_tenant_table("onboarding_steps")


def downgrade() -> None:
    for table in ("onboarding_steps", "pending_registrations", "invitations", "team_members", "teams", "users", "companies", "tenants"):
        op.execute(f"drop table {table}")
    op.execute("drop function mirai_touch_updated_at()")
    op.execute(f"revoke usage on schema public from {APP_ROLE}")
    op.execute(f"do $$ begin execute format('revoke connect on database %I from {APP_ROLE}', current_database()); end $$")
    # Another database on this server may still use the role: drop it only when nothing depends on it.
    op.execute(f"""
    do $$ begin
      drop role if exists {APP_ROLE};
    exception when dependent_objects_still_exist then
      raise notice 'role {APP_ROLE} kept: another database still grants it privileges';
    end $$""")
