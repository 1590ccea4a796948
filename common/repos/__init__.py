"""Repositories: the only place SQL lives outside migrations.

Adding a tenant table and its repository (copy what courses/folders do):

1. A revision in migrations/versions/: ``tenant_id uuid not null references tenants``,
   ``unique (tenant_id, id)``, children referencing ``(tenant_id, parent_id)``
   (``on delete set null (col)`` keeps tenant_id), one tenant-led index per list
   query's filter + sort, then ``protect_tenant_table(name)`` (RLS enabled and
   forced, the policy, mirai_app's DML) and ``touch_trigger`` when it has updated_at.
2. A row for it in tests/support/seed.py (the isolation test fails until there is one).
3. Its Core table in common/db/tables/<area>.py (tests/integration/test_tables_match_schema.py
   checks the mirror).
4. A class here taking ``(session, tenant_id)`` (``TenantRepository``): returns frozen
   dataclasses (``rows.to_record``), never sessions or rows; only flushes, never
   commits; maps constraint violations to domain errors (``rows.violated_constraint``);
   lists return ``pagination.Page`` with keyset tokens on (sort column, id).
5. A lazily built property on ``UnitOfWork``.

Cross-tenant system work never uses a tenant repository: it calls one of the
SECURITY DEFINER functions (migration 0006) through a system repository such as
``registrations.Registrations`` or ``identities.Identities``.
"""
