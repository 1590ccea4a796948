"""Target audiences, library folders, courses, modules, lessons, versions, exports.

Revision ID: 0002_courses
Revises: 0001_roles_and_core
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import protect_tenant_table, touch_trigger

revision = "0002_courses"
down_revision = "0001_roles_and_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    create table target_audiences (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      description text not null default '',
      job_role text not null default '',
      experience_level text check (experience_level in ('beginner', 'intermediate', 'advanced', 'expert')),
      prior_knowledge text[] not null default '{}',
      language text not null default 'en',
      reading_level text check (reading_level in ('simple', 'standard', 'technical', 'academic')),
      goals text[] not null default '{}',
      challenges text[] not null default '{}',
      industry text not null default '',
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute("create index target_audiences_tenant_name_idx on target_audiences (tenant_id, name, id)")
    protect_tenant_table("target_audiences")
    touch_trigger("target_audiences")

    op.execute("""
    create table folders (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      parent_id uuid,
      team_id uuid,
      depth integer not null default 0 check (depth between 0 and 32),
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      check (parent_id is distinct from id),
      check ((parent_id is null) = (depth = 0)),
      foreign key (tenant_id, parent_id) references folders (tenant_id, id) on delete restrict,
      foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete set null (team_id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    op.execute(
        "create unique index folders_sibling_name_key on folders (tenant_id, team_id, parent_id, lower(name)) nulls not distinct"
    )
    op.execute("create index folders_tenant_parent_idx on folders (tenant_id, parent_id, name, id)")
    op.execute("create index folders_tenant_team_idx on folders (tenant_id, team_id, depth, name, id)")
    protect_tenant_table("folders")
    touch_trigger("folders")

    op.execute("""
    create table courses (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      description text not null default '',
      status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
      tags text[] not null default '{}',
      folder_id uuid,
      target_audience_id uuid,
      language text not null default 'en',
      outline_id uuid,
      generation_job_id uuid,
      content_version integer not null default 0 check (content_version >= 0),
      content_etag text,
      module_count integer not null default 0 check (module_count >= 0),
      lesson_count integer not null default 0 check (lesson_count >= 0),
      estimated_duration_minutes integer not null default 0 check (estimated_duration_minutes >= 0),
      created_by uuid,
      updated_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      deleted_at timestamptz,
      unique (tenant_id, id),
      check (status <> 'published' or published_at is not null),
      foreign key (tenant_id, folder_id) references folders (tenant_id, id) on delete set null (folder_id),
      foreign key (tenant_id, target_audience_id) references target_audiences (tenant_id, id) on delete set null (target_audience_id),
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by),
      foreign key (tenant_id, updated_by) references users (tenant_id, id) on delete set null (updated_by)
    )""")
    # One index per list query shape (filter + sort), each led by tenant_id; trash is separate.
    live = "where deleted_at is null"
    op.execute(f"create index courses_tenant_updated_idx on courses (tenant_id, updated_at desc, id desc) {live}")
    op.execute(f"create index courses_tenant_created_idx on courses (tenant_id, created_at desc, id desc) {live}")
    op.execute(f"create index courses_tenant_title_idx on courses (tenant_id, title, id) {live}")
    op.execute(f"create index courses_tenant_folder_updated_idx on courses (tenant_id, folder_id, updated_at desc, id desc) {live}")
    op.execute(f"create index courses_tenant_status_updated_idx on courses (tenant_id, status, updated_at desc, id desc) {live}")
    op.execute("create index courses_tenant_trash_idx on courses (tenant_id, deleted_at desc, id desc) where deleted_at is not null")
    op.execute("create index courses_tenant_audience_idx on courses (tenant_id, target_audience_id) where target_audience_id is not null")
    protect_tenant_table("courses")
    touch_trigger("courses")

    op.execute("""
    create table course_modules (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      title text not null check (length(title) between 1 and 300),
      description text not null default '',
      position integer not null check (position >= 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      constraint course_modules_position_key unique (tenant_id, course_id, position) deferrable initially deferred,
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade
    )""")
    protect_tenant_table("course_modules")
    touch_trigger("course_modules")

    op.execute("""
    create table lessons (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      module_id uuid not null,
      title text not null check (length(title) between 1 and 300),
      description text not null default '',
      position integer not null check (position >= 0),
      estimated_minutes integer not null default 0 check (estimated_minutes >= 0),
      objectives jsonb not null default '[]' check (jsonb_typeof(objectives) = 'array'),
      content_status text not null default 'empty' check (content_status in ('empty', 'generating', 'ready', 'failed')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id),
      constraint lessons_position_key unique (tenant_id, module_id, position) deferrable initially deferred,
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, module_id) references course_modules (tenant_id, id) on delete cascade
    )""")
    op.execute("create index lessons_tenant_course_idx on lessons (tenant_id, course_id, content_status)")
    protect_tenant_table("lessons")
    touch_trigger("lessons")

    op.execute("""
    create table course_versions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      version integer not null check (version >= 1),
      source text not null check (source in ('create', 'save', 'structure_edit', 'ai_generation', 'restore')),
      message text not null default '',
      restored_from_version integer,
      module_count integer not null default 0,
      lesson_count integer not null default 0,
      size_bytes bigint not null default 0 check (size_bytes >= 0),
      object_key text not null,
      etag text not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      check ((source = 'restore') = (restored_from_version is not null)),
      unique (tenant_id, course_id, version),
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
    )""")
    protect_tenant_table("course_versions", privileges="select, insert, delete")

    op.execute("""
    create table scorm_packages (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      course_id uuid not null,
      format text not null check (format in ('scorm_12', 'scorm_2004', 'xapi', 'cmi5', 'pdf')),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      course_version integer not null check (course_version >= 1),
      course_title text not null,
      options jsonb not null default '{}' check (jsonb_typeof(options) = 'object'),
      file_name text,
      object_key text,
      size_bytes bigint check (size_bytes >= 0),
      error_message text,
      requested_by uuid,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      completed_at timestamptz,
      file_expires_at timestamptz,
      unique (tenant_id, id),
      check (status <> 'succeeded' or (object_key is not null and completed_at is not null)),
      foreign key (tenant_id, course_id) references courses (tenant_id, id) on delete cascade,
      foreign key (tenant_id, requested_by) references users (tenant_id, id) on delete set null (requested_by)
    )""")
    op.execute("create index scorm_packages_tenant_created_idx on scorm_packages (tenant_id, created_at desc, id desc)")
    op.execute("create index scorm_packages_tenant_course_idx on scorm_packages (tenant_id, course_id, created_at desc, id desc)")
    op.execute("create index scorm_packages_expiry_idx on scorm_packages (file_expires_at) where object_key is not null")
    protect_tenant_table("scorm_packages")


def downgrade() -> None:
    for table in ("scorm_packages", "course_versions", "lessons", "course_modules", "courses", "folders", "target_audiences"):
        op.execute(f"drop table {table}")
