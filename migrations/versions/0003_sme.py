"""Subject-matter experts: access, tasks, submissions, knowledge chunks.

Revision ID: 0003_sme
Revises: 0002_courses
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import protect_tenant_table, touch_trigger

revision = "0003_sme"
down_revision = "0002_courses"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    create table subject_matter_experts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      description text not null default '',
      domain text not null default '',
      scope text not null check (scope in ('global', 'team')),
      status text not null default 'empty' check (status in ('empty', 'ingesting', 'ready')),
      knowledge_summary text not null default '',
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute("create index smes_tenant_name_idx on subject_matter_experts (tenant_id, name, id)")
    protect_tenant_table("subject_matter_experts")
    touch_trigger("subject_matter_experts")

    op.execute("""
    create table sme_team_access (
      tenant_id uuid not null references tenants (id) on delete cascade,
      sme_id uuid not null,
      team_id uuid not null,
      granted_by uuid,
      granted_at timestamptz not null default now(),
      primary key (tenant_id, sme_id, team_id),
      foreign key (tenant_id, sme_id) references subject_matter_experts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade,
      foreign key (tenant_id, granted_by) references users (tenant_id, id) on delete set null (granted_by)
    )""")
    op.execute("create index sme_team_access_tenant_team_idx on sme_team_access (tenant_id, team_id, sme_id)")
    protect_tenant_table("sme_team_access")

    op.execute("""
    create table sme_tasks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      sme_id uuid not null,
      title text not null check (length(title) between 1 and 300),
      instructions text not null default '',
      assignee_id uuid not null,
      created_by uuid,
      status text not null default 'open' check (status in ('open', 'submitted', 'completed', 'cancelled')),
      due_at timestamptz,
      due_reminder_sent_at timestamptz,
      completion_note text not null default '',
      cancel_reason text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz,
      cancelled_at timestamptz,
      unique (tenant_id, id),
      check ((status = 'completed') = (completed_at is not null)),
      check ((status = 'cancelled') = (cancelled_at is not null)),
      foreign key (tenant_id, sme_id) references subject_matter_experts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, assignee_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute("create index sme_tasks_tenant_assignee_idx on sme_tasks (tenant_id, assignee_id, created_at desc, id desc)")
    op.execute("create index sme_tasks_tenant_creator_idx on sme_tasks (tenant_id, created_by, created_at desc, id desc)")
    op.execute("create index sme_tasks_tenant_sme_idx on sme_tasks (tenant_id, sme_id, created_at desc, id desc)")
    op.execute("create index sme_tasks_tenant_created_idx on sme_tasks (tenant_id, created_at desc, id desc)")
    op.execute("create index sme_tasks_due_idx on sme_tasks (due_at) where status = 'open' and due_reminder_sent_at is null")
    protect_tenant_table("sme_tasks")
    touch_trigger("sme_tasks")

    op.execute("""
    create table sme_task_submissions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      sme_id uuid not null,
      task_id uuid,
      file_name text not null check (length(file_name) between 1 and 255),
      content_type text not null,
      size_bytes bigint not null default 0 check (size_bytes >= 0),
      object_key text not null,
      status text not null default 'awaiting_upload' check (status in ('awaiting_upload', 'uploaded', 'processing', 'processed', 'failed')),
      ai_summary text not null default '',
      error_message text,
      chunk_count integer not null default 0 check (chunk_count >= 0),
      job_id uuid,
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      uploaded_at timestamptz,
      processed_at timestamptz,
      unique (tenant_id, id),
      unique (tenant_id, object_key),
      foreign key (tenant_id, sme_id) references subject_matter_experts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, task_id) references sme_tasks (tenant_id, id) on delete set null (task_id),
      foreign key (tenant_id, uploaded_by) references users (tenant_id, id) on delete set null (uploaded_by)
    )""")
    op.execute("create index sme_submissions_tenant_sme_idx on sme_task_submissions (tenant_id, sme_id, created_at desc, id desc)")
    op.execute(
        "create index sme_submissions_tenant_task_idx on sme_task_submissions (tenant_id, task_id, created_at desc, id desc) where task_id is not null"
    )
    protect_tenant_table("sme_task_submissions")

    op.execute("""
    create table sme_knowledge_chunks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      sme_id uuid not null,
      submission_id uuid,
      title text not null default '',
      content text not null,
      keywords text[] not null default '{}',
      token_count integer not null default 0 check (token_count >= 0),
      position integer not null default 0 check (position >= 0),
      source_file_name text not null default '',
      search tsvector generated always as (to_tsvector('simple', title || ' ' || content)) stored,
      created_at timestamptz not null default now(),
      unique (tenant_id, id),
      foreign key (tenant_id, sme_id) references subject_matter_experts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, submission_id) references sme_task_submissions (tenant_id, id) on delete cascade
    )""")
    op.execute("create index sme_chunks_tenant_sme_idx on sme_knowledge_chunks (tenant_id, sme_id, submission_id, position, id)")
    op.execute("create index sme_chunks_search_idx on sme_knowledge_chunks using gin (search)")
    protect_tenant_table("sme_knowledge_chunks")


def downgrade() -> None:
    for table in ("sme_knowledge_chunks", "sme_task_submissions", "sme_tasks", "sme_team_access", "subject_matter_experts"):
        op.execute(f"drop table {table}")
