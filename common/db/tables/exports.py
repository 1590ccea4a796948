"""Course exports (scorm_packages: migrations 0002 and 0020)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, Table, Text
from sqlalchemy.dialects.postgresql import JSONB, UUID

from common.db.tables.core import id_column, metadata

scorm_packages = Table(
    "scorm_packages",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("course_id", UUID(as_uuid=True), nullable=False),
    Column("format", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("course_version", Integer, nullable=False),
    Column("course_title", Text, nullable=False),
    Column("options", JSONB, nullable=False),
    Column("file_name", Text),
    Column("object_key", Text),
    Column("size_bytes", BigInteger),
    Column("error_message", Text),
    Column("requested_by", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("completed_at", DateTime(timezone=True)),
    Column("file_expires_at", DateTime(timezone=True)),
    Column("options_key", Text, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("worker", Text),
    Column("lease_expires_at", DateTime(timezone=True)),
    Column("checksum_sha256", Text),
    Column("validation", JSONB, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
