"""Subject-matter experts: team access, tasks, submissions and knowledge chunks
(migrations 0003 and 0018)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

# The column helpers of the core tables: one definition of a uuid and a timestamptz column.
from common.db.tables.core import _ts, _uuid, id_column, metadata

subject_matter_experts = Table(
    "subject_matter_experts",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("domain", Text, nullable=False),
    Column("scope", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("knowledge_summary", Text, nullable=False),
    _uuid("created_by"),
    Column("version", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)

sme_team_access = Table(
    "sme_team_access",
    metadata,
    _uuid("tenant_id", nullable=False),
    _uuid("sme_id", nullable=False),
    _uuid("team_id", nullable=False),
    _uuid("granted_by"),
    _ts("granted_at", nullable=False),
)

sme_tasks = Table(
    "sme_tasks",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("sme_id", nullable=False),
    Column("title", Text, nullable=False),
    Column("instructions", Text, nullable=False),
    _uuid("assignee_id", nullable=False),
    _uuid("created_by"),
    Column("status", Text, nullable=False),
    _ts("due_at"),
    _ts("due_reminder_sent_at"),
    Column("completion_note", Text, nullable=False),
    Column("cancel_reason", Text, nullable=False),
    Column("version", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
    _ts("completed_at"),
    _ts("cancelled_at"),
)

sme_task_submissions = Table(
    "sme_task_submissions",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("sme_id", nullable=False),
    _uuid("task_id"),
    Column("file_name", Text, nullable=False),
    Column("content_type", Text, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("ai_summary", Text, nullable=False),
    Column("error_message", Text),
    Column("chunk_count", Integer, nullable=False),
    _uuid("job_id"),
    _uuid("uploaded_by"),
    _ts("created_at", nullable=False),
    _ts("uploaded_at"),
    _ts("processed_at"),
)

sme_knowledge_chunks = Table(
    "sme_knowledge_chunks",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("sme_id", nullable=False),
    _uuid("submission_id"),
    Column("title", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("keywords", ARRAY(Text), nullable=False),
    Column("token_count", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("source_file_name", Text, nullable=False),
    # regconfig: the text-search configuration of the chunk's language ('simple' when unknown).
    Column("language", Text, nullable=False),
    Column("search", TSVECTOR),
    _ts("created_at", nullable=False),
    # Where the chunk was found (migration 0019); page 0: the format has no pages.
    Column("page_start", Integer, nullable=False),
    Column("page_end", Integer, nullable=False),
    Column("heading_path", ARRAY(Text), nullable=False),
)
