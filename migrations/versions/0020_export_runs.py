"""Exports run as leased jobs, are reused when asked again, and record what they shipped.

``scorm_packages`` (0002) gains what the ``export_course`` job needs:

- a lease (``attempt``, ``worker``, ``lease_expires_at``) claimed by the job in a tenant
  session (the event's tenant: RLS hides a row of any other tenant, so a forged event
  claims nothing) and compare-and-set on ``worker`` when the run finishes;
- ``options_key``: a digest of (course version, format, options), so ExportCourse finds
  an export of the same thing that is queued, running or succeeded (and not expired)
  and answers it instead of building it again;
- ``checksum_sha256`` and ``validation`` (the validator's findings, ``[]`` when clean)
  of the file shipped.

``mirai_stalled_exports``: exports whose run died (running, lease ended) or whose event
never arrived (queued for longer than ``p_age_seconds`` and not re-published since), for
the sweep to publish again. System work across tenants, so a SECURITY DEFINER function
that returns ids only.

Revision ID: 0020_export_runs
Revises: 0019_chunk_locations
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function, touch_trigger

revision = "0020_export_runs"
down_revision = "0019_chunk_locations"
branch_labels = None
depends_on = None

_STALLED = "mirai_stalled_exports(integer, integer)"


def upgrade() -> None:
    op.execute("""
    alter table scorm_packages
      add column options_key text not null default '',
      add column attempt integer not null default 0 check (attempt >= 0),
      add column worker text,
      add column lease_expires_at timestamptz,
      add column checksum_sha256 text check (checksum_sha256 is null or checksum_sha256 ~ '^[0-9a-f]{64}$'),
      add column validation jsonb not null default '[]' check (jsonb_typeof(validation) = 'array'),
      add column updated_at timestamptz not null default now(),
      add constraint scorm_packages_lease_check check (status <> 'running' or lease_expires_at is not null),
      add constraint scorm_packages_shipped_check check (
        status <> 'succeeded' or (size_bytes is not null and checksum_sha256 is not null))""")
    touch_trigger("scorm_packages")
    op.execute("create index scorm_packages_reuse_idx on scorm_packages (tenant_id, course_id, options_key)"
               " where status in ('queued', 'running', 'succeeded')")
    # lease_expires_at of a queued export is "not re-published before" (set by the sweep).
    op.execute("create index scorm_packages_unfinished_idx on scorm_packages (created_at)"
               " where status in ('queued', 'running')")
    definer_function(_STALLED, """
    create function mirai_stalled_exports(p_limit integer, p_age_seconds integer)
      returns table (export_id uuid, tenant_id uuid)
    language sql stable security definer set search_path = pg_catalog, public as $$
      select p.id, p.tenant_id from scorm_packages p
      where (p.status = 'running' and p.lease_expires_at < now())
         or (p.status = 'queued' and p.created_at < now() - make_interval(secs => greatest(p_age_seconds, 0))
             and (p.lease_expires_at is null or p.lease_expires_at < now()))
      order by p.created_at
      limit greatest(p_limit, 0)
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_STALLED}")
    op.execute("drop trigger scorm_packages_touch on scorm_packages")
    op.execute("drop index scorm_packages_unfinished_idx")
    op.execute("drop index scorm_packages_reuse_idx")
    op.execute("""
    alter table scorm_packages
      drop constraint scorm_packages_shipped_check,
      drop constraint scorm_packages_lease_check,
      drop column updated_at, drop column validation, drop column checksum_sha256,
      drop column lease_expires_at, drop column worker, drop column attempt, drop column options_key""")
