"""AI settings, generation jobs, outlines and generated content.

Revision ID: 0004_ai_generation
Revises: 0003_sme
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import protect_tenant_table, touch_trigger

revision = "0004_ai_generation"
down_revision = "0003_sme"
branch_labels = None
depends_on = None

_JOB_STATUS = "('queued', 'running', 'succeeded', 'failed', 'cancelled')"


def upgrade() -> None:
    op.execute("""
    create table tenant_ai_settings (
      tenant_id uuid primary key references tenants (id) on delete cascade,
      provider text not null default 'gemini' check (provider in ('gemini')),
      model text not null,
      api_key_ciphertext bytea,
      api_key_mask text,
      key_status text not null default 'missing' check (key_status in ('missing', 'valid', 'invalid', 'quota_exceeded')),
      key_checked_at timestamptz,
      updated_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((api_key_ciphertext is null) = (key_status = 'missing')),
      foreign key (tenant_id, updated_by) references users (tenant_id, id) on delete set null (updated_by)
    )""")
    protect_tenant_table("tenant_ai_settings")
    touch_trigger("tenant_ai_settings")

    op.execute(f"""
    create table generation_jobs (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      type text not null check (type in ('outline_generation', 'lesson_generation', 'component_regeneration', 'sme_ingestion')),
      status text not null default 'queued' check (status in {_JOB_STATUS}),
      course_id uuid,
      outline_id uuid,
      lesson_ids uuid[] not null default '{{}}',
      component_id text,
      sme_id uuid,
      submission_id uuid,
      payload jsonb not null default '{{}}' check (jsonb_typeof(payload) = 'object'),
      result jsonb,
      progress_done integer not null default 0 check (progress_done >= 0),
      progress_total integer not null default 0 check (progress_total >= 0),
      progress_message text not null default '',
      failed_lesson_ids uuid[] not null default '{{}}',
      error_message text,
      error_code text,
      input_tokens bigint not null default 0 check (input_tokens >= 0),
      output_tokens bigint not null default 0 check (output_tokens >= 0),
      model text,
      attempt integer not null default 0 check (attempt >= 0),
      worker text,
      lease_expires_at timestamptz,
      cancel_requested_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      unique (tenant_id, id),
      check ((status in ('succeeded', 'failed', 'cancelled')) = (finished_at is not null)),
      check (status <> 'running' or lease_expires_at is not null),
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, sme_id) references subject_matter_experts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, submission_id) references sme_task_submissions (tenant_id, id) on delete cascade,
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute("create index generation_jobs_tenant_created_idx on generation_jobs (tenant_id, created_at desc, id desc)")
    op.execute("create index generation_jobs_tenant_course_idx on generation_jobs (tenant_id, course_id, created_at desc, id desc) where course_id is not null")
    op.execute("create index generation_jobs_tenant_outline_idx on generation_jobs (tenant_id, outline_id, created_at desc, id desc) where outline_id is not null")
    op.execute("create index generation_jobs_tenant_period_idx on generation_jobs (tenant_id, created_at, type)")
    # The lease sweep is system work across tenants (mirai_expired_job_leases).
    op.execute("create index generation_jobs_lease_idx on generation_jobs (lease_expires_at) where status = 'running'")
    protect_tenant_table("generation_jobs")
    touch_trigger("generation_jobs")
    op.execute("""
    alter table courses add foreign key (tenant_id, generation_job_id)
      references generation_jobs (tenant_id, id) on delete set null (generation_job_id)""")
    op.execute("""
    alter table sme_task_submissions add foreign key (tenant_id, job_id)
      references generation_jobs (tenant_id, id) on delete set null (job_id)""")

    op.execute("""
    create table course_outlines (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid,
      job_id uuid,
      title text not null default '',
      description text not null default '',
      status text not null default 'generating' check (status in ('generating', 'ready', 'approved', 'rejected', 'failed')),
      estimated_duration_minutes integer not null default 0 check (estimated_duration_minutes >= 0),
      revision integer not null default 1 check (revision >= 1),
      rejection_reason text,
      created_by uuid,
      approved_by uuid,
      approved_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      check ((status = 'approved') = (approved_at is not null)),
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete set null (course_id),
      foreign key (tenant_id, job_id) references generation_jobs (tenant_id, id) on delete set null (job_id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by),
      foreign key (tenant_id, approved_by) references users (tenant_id, id) on delete set null (approved_by)
    )""")
    op.execute("create index course_outlines_tenant_created_idx on course_outlines (tenant_id, created_at desc, id desc)")
    op.execute("create index course_outlines_tenant_creator_idx on course_outlines (tenant_id, created_by, created_at desc, id desc)")
    protect_tenant_table("course_outlines")
    touch_trigger("course_outlines")
    op.execute("""
    alter table courses add foreign key (tenant_id, outline_id)
      references course_outlines (tenant_id, id) on delete set null (outline_id)""")
    op.execute("""
    alter table generation_jobs add foreign key (tenant_id, outline_id)
      references course_outlines (tenant_id, id) on delete cascade""")

    op.execute("""
    create table outline_sections (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      outline_id uuid not null,
      title text not null,
      description text not null default '',
      position integer not null check (position >= 0),
      unique (tenant_id, id),
      constraint outline_sections_position_key unique (tenant_id, outline_id, position) deferrable initially deferred,
      foreign key (tenant_id, outline_id) references course_outlines (tenant_id, id) on delete cascade
    )""")
    protect_tenant_table("outline_sections")

    op.execute("""
    create table outline_lessons (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      outline_id uuid not null,
      section_id uuid not null,
      title text not null,
      description text not null default '',
      position integer not null check (position >= 0),
      estimated_minutes integer not null default 0 check (estimated_minutes >= 0),
      objectives jsonb not null default '[]' check (jsonb_typeof(objectives) = 'array'),
      key_topics text[] not null default '{}',
      suggested_components text[] not null default '{}',
      source_chunk_ids uuid[] not null default '{}',
      unique (tenant_id, id),
      constraint outline_lessons_position_key unique (tenant_id, section_id, position) deferrable initially deferred,
      foreign key (tenant_id, outline_id) references course_outlines (tenant_id, id) on delete cascade,
      foreign key (tenant_id, section_id) references outline_sections (tenant_id, id) on delete cascade
    )""")
    op.execute("create index outline_lessons_tenant_outline_idx on outline_lessons (tenant_id, outline_id)")
    protect_tenant_table("outline_lessons")

    op.execute(f"""
    create table generated_lessons (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      lesson_id uuid not null,
      outline_lesson_id uuid,
      job_id uuid,
      status text not null default 'succeeded' check (status in {_JOB_STATUS}),
      content_object_key text,
      model text,
      input_tokens bigint not null default 0 check (input_tokens >= 0),
      output_tokens bigint not null default 0 check (output_tokens >= 0),
      error_message text,
      created_at timestamptz not null default now(),
      unique (tenant_id, id),
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, lesson_id) references lessons (tenant_id, id) on delete cascade,
      foreign key (tenant_id, outline_lesson_id) references outline_lessons (tenant_id, id) on delete set null (outline_lesson_id),
      foreign key (tenant_id, job_id) references generation_jobs (tenant_id, id) on delete set null (job_id)
    )""")
    op.execute("create index generated_lessons_tenant_lesson_idx on generated_lessons (tenant_id, lesson_id, created_at desc, id desc)")
    op.execute("create index generated_lessons_tenant_job_idx on generated_lessons (tenant_id, job_id) where job_id is not null")
    protect_tenant_table("generated_lessons")

    op.execute("""
    create table lesson_components (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      lesson_id uuid not null,
      type text not null check (type in ('text', 'heading', 'image', 'quiz', 'list', 'callout', 'video', 'divider')),
      position integer not null check (position >= 0),
      body jsonb not null default '{}' check (jsonb_typeof(body) = 'object'),
      ai_generated boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      constraint lesson_components_position_key unique (tenant_id, lesson_id, position) deferrable initially deferred,
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, lesson_id) references lessons (tenant_id, id) on delete cascade
    )""")
    protect_tenant_table("lesson_components")
    touch_trigger("lesson_components")

    op.execute("""
    create table course_generation_inputs (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      outline_id uuid not null,
      course_id uuid,
      title text not null default '',
      learning_goals text[] not null default '{}',
      target_audience_id uuid,
      sme_ids uuid[] not null default '{}',
      additional_context text not null default '',
      desired_lesson_count integer not null default 0 check (desired_lesson_count >= 0),
      desired_duration_minutes integer not null default 0 check (desired_duration_minutes >= 0),
      language text not null default 'en',
      folder_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      unique (tenant_id, id),
      unique (tenant_id, outline_id),
      foreign key (tenant_id, outline_id) references course_outlines (tenant_id, id) on delete cascade,
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete set null (course_id),
      foreign key (tenant_id, target_audience_id) references target_audiences (tenant_id, id) on delete set null (target_audience_id),
      foreign key (tenant_id, folder_id) references folders (tenant_id, id) on delete set null (folder_id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    protect_tenant_table("course_generation_inputs")


def downgrade() -> None:
    op.execute("alter table courses drop constraint courses_tenant_id_outline_id_fkey")
    op.execute("alter table courses drop constraint courses_tenant_id_generation_job_id_fkey")
    op.execute("alter table sme_task_submissions drop constraint sme_task_submissions_tenant_id_job_id_fkey")
    for table in (
        "course_generation_inputs", "lesson_components", "generated_lessons", "outline_lessons",
        "outline_sections", "generation_jobs", "course_outlines", "tenant_ai_settings",
    ):
        op.execute(f"drop table {table} cascade")
