"""Lesson writing is leased per lesson, so the lessons of one job run in parallel.

A lesson-generation job fans out one event per lesson; each lesson's
``generated_lessons`` row is its unit of work: claimed with a lease (status
'running', ``lease_expires_at``), written once (compare-and-set on ``attempt``),
and picked up again when a worker dies (the job's own lease is kept at least as
long as every lesson lease, so ``mirai_expired_job_leases`` finds the job and the
sweep re-publishes its unfinished lessons). One row per (job, lesson): a
redelivered event finds the row and never writes a second one.

Revision ID: 0009_lesson_leases
Revises: 0008_notification_reads
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0009_lesson_leases"
down_revision = "0008_notification_reads"
branch_labels = None
depends_on = None


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


def downgrade() -> None:
    op.execute("""
    alter table generated_lessons
      drop constraint generated_lessons_lease_check,
      drop constraint generated_lessons_job_lesson_key,
      drop column updated_at, drop column finished_at, drop column started_at,
      drop column lease_expires_at, drop column worker, drop column attempt""")
