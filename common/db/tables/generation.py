"""AI generation: jobs, inputs, outlines with their sections and lessons, generated
lessons and their components (migrations 0004 and 0009)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Integer, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from common.db.tables.core import id_column, metadata


def _uuid(name: str, *, nullable: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(name, UUID(as_uuid=True), nullable=nullable)


def _ts(name: str, *, nullable: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(name, DateTime(timezone=True), nullable=nullable)


generation_jobs = Table(
    "generation_jobs",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    Column("type", Text, nullable=False),
    Column("status", Text, nullable=False),
    _uuid("course_id"),
    _uuid("outline_id"),
    Column("lesson_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
    Column("component_id", Text),
    _uuid("sme_id"),
    _uuid("submission_id"),
    Column("payload", JSONB, nullable=False),
    Column("result", JSONB),
    Column("progress_done", Integer, nullable=False),
    Column("progress_total", Integer, nullable=False),
    Column("progress_message", Text, nullable=False),
    Column("failed_lesson_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
    Column("error_message", Text),
    Column("error_code", Text),
    Column("input_tokens", BigInteger, nullable=False),
    Column("output_tokens", BigInteger, nullable=False),
    Column("model", Text),
    Column("attempt", Integer, nullable=False),
    Column("worker", Text),
    _ts("lease_expires_at"),
    _ts("cancel_requested_at"),
    _uuid("created_by"),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
    _ts("started_at"),
    _ts("finished_at"),
)

course_generation_inputs = Table(
    "course_generation_inputs",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("outline_id", nullable=False),
    _uuid("course_id"),
    Column("title", Text, nullable=False),
    Column("learning_goals", ARRAY(Text), nullable=False),
    _uuid("target_audience_id"),
    Column("sme_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
    Column("additional_context", Text, nullable=False),
    Column("desired_lesson_count", Integer, nullable=False),
    Column("desired_duration_minutes", Integer, nullable=False),
    Column("language", Text, nullable=False),
    _uuid("folder_id"),
    _uuid("created_by"),
    _ts("created_at", nullable=False),
)

course_outlines = Table(
    "course_outlines",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("course_id"),
    _uuid("job_id"),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("estimated_duration_minutes", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("rejection_reason", Text),
    _uuid("created_by"),
    _uuid("approved_by"),
    _ts("approved_at"),
    Column("version", Integer, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)

outline_sections = Table(
    "outline_sections",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("outline_id", nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("position", Integer, nullable=False),
)

outline_lessons = Table(
    "outline_lessons",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("outline_id", nullable=False),
    _uuid("section_id", nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("estimated_minutes", Integer, nullable=False),
    Column("objectives", JSONB, nullable=False),
    Column("key_topics", ARRAY(Text), nullable=False),
    Column("suggested_components", ARRAY(Text), nullable=False),
    Column("source_chunk_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
)

generated_lessons = Table(
    "generated_lessons",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("course_id", nullable=False),
    _uuid("lesson_id", nullable=False),
    _uuid("outline_lesson_id"),
    _uuid("job_id"),
    Column("status", Text, nullable=False),
    Column("content_object_key", Text),
    Column("model", Text),
    Column("input_tokens", BigInteger, nullable=False),
    Column("output_tokens", BigInteger, nullable=False),
    Column("error_message", Text),
    _ts("created_at", nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("worker", Text),
    _ts("lease_expires_at"),
    _ts("started_at"),
    _ts("finished_at"),
    _ts("updated_at", nullable=False),
)

lesson_components = Table(
    "lesson_components",
    metadata,
    id_column(),
    _uuid("tenant_id", nullable=False),
    _uuid("course_id", nullable=False),
    _uuid("lesson_id", nullable=False),
    Column("type", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("body", JSONB, nullable=False),
    Column("ai_generated", Boolean, nullable=False),
    _ts("created_at", nullable=False),
    _ts("updated_at", nullable=False),
)
