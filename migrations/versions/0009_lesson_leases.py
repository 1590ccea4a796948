"""Lesson writing is leased per lesson, so the lessons of one job run in parallel.

A lesson-generation job fans out one event per lesson; each lesson's
``generated_lessons`` row is its unit of work: claimed with a lease (status
'running', ``lease_expires_at``), written once (compare-and-set on ``attempt``),
and picked up again when a worker dies (the job's own lease is kept at least as
long as every lesson lease, so ``mirai_expired_job_leases`` finds the job and the
sweep re-publishes its unfinished lessons). One row per (job, lesson): a
redelivered event finds the row and never writes a second one.

``mirai_stalled_queued_jobs``: jobs still queued long after they were recorded (their
events dead-lettered, or lost with a broker), for the sweep to publish again. System
work across tenants, so a SECURITY DEFINER function that returns ids only.

Revision ID: 0009_lesson_leases
Revises: 0008_notification_reads
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0009_lesson_leases"
down_revision = "0008_notification_reads"
branch_labels = None
depends_on = None


_STALLED = "mirai_stalled_queued_jobs(integer, integer)"


def upgrade() -> None:
    op.execute("""
    alter table generated_lessons
      add column attempt integer not null default 0 check (attempt >= 0),
      add column worker text,
      add column lease_expires_at timestamptz,
      add column started_at timestamptz,
      add column finished_at timestamptz,
      add column updated_at timestamptz not null default now(),
      add constraint generated_lessons_job_lesson_key unique (tenant_id, job_id, lesson_id),
      add constraint generated_lessons_lease_check check (status <> 'running' or lease_expires_at is not null)""")
    # lease_expires_at of a queued job is "not re-published before" (set by the sweep).
    op.execute("create index generation_jobs_queued_idx on generation_jobs (created_at) where status = 'queued'")
    definer_function(_STALLED, """
    create function mirai_stalled_queued_jobs(p_limit integer, p_age_seconds integer)
      returns table (job_id uuid, tenant_id uuid)
    language sql stable security definer set search_path = pg_catalog, public as $$
      select j.id, j.tenant_id from generation_jobs j
      where j.status = 'queued' and j.created_at < now() - make_interval(secs => greatest(p_age_seconds, 0))
        and (j.lease_expires_at is null or j.lease_expires_at < now())
      order by j.created_at
      limit greatest(p_limit, 0)
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_STALLED}")
    op.execute("drop index generation_jobs_queued_idx")
    op.execute("""
    alter table generated_lessons
      drop constraint generated_lessons_lease_check,
      drop constraint generated_lessons_job_lesson_key,
      drop column updated_at, drop column finished_at, drop column started_at,
      drop column lease_expires_at, drop column worker, drop column attempt""")
