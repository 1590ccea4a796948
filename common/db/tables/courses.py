"""Library folders, courses, their modules, lessons and content versions (migration 0002)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from common.db.tables.core import id_column, metadata

folders = Table(
    "folders",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("name", Text, nullable=False),
    Column("parent_id", UUID(as_uuid=True)),
    Column("team_id", UUID(as_uuid=True)),
    Column("depth", Integer, nullable=False),
    Column("created_by", UUID(as_uuid=True)),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

courses = Table(
    "courses",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("tags", ARRAY(Text), nullable=False),
    Column("folder_id", UUID(as_uuid=True)),
    Column("target_audience_id", UUID(as_uuid=True)),
    Column("language", Text, nullable=False),
    Column("outline_id", UUID(as_uuid=True)),
    Column("generation_job_id", UUID(as_uuid=True)),
    Column("content_version", Integer, nullable=False),
    Column("content_etag", Text),
    Column("module_count", Integer, nullable=False),
    Column("lesson_count", Integer, nullable=False),
    Column("estimated_duration_minutes", Integer, nullable=False),
    Column("created_by", UUID(as_uuid=True)),
    Column("updated_by", UUID(as_uuid=True)),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("published_at", DateTime(timezone=True)),
    Column("deleted_at", DateTime(timezone=True)),
    # Kept equal to the folder's team by triggers (migration 0017); in no folder, its library's root.
    Column("team_id", UUID(as_uuid=True)),
)

course_modules = Table(
    "course_modules",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("course_id", UUID(as_uuid=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

lessons = Table(
    "lessons",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("course_id", UUID(as_uuid=True), nullable=False),
    Column("module_id", UUID(as_uuid=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("estimated_minutes", Integer, nullable=False),
    Column("objectives", JSONB, nullable=False),
    Column("content_status", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

course_versions = Table(
    "course_versions",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("course_id", UUID(as_uuid=True), nullable=False),
    Column("version", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("restored_from_version", Integer),
    Column("module_count", Integer, nullable=False),
    Column("lesson_count", Integer, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("etag", Text, nullable=False),
    Column("created_by", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
