"""Learner personas (migration 0002) and in-app notifications (migrations 0005, 0008)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from common.db.tables.core import id_column, metadata

target_audiences = Table(
    "target_audiences",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("job_role", Text, nullable=False),
    Column("experience_level", Text),
    Column("prior_knowledge", ARRAY(Text), nullable=False),
    Column("language", Text, nullable=False),
    Column("reading_level", Text),
    Column("goals", ARRAY(Text), nullable=False),
    Column("challenges", ARRAY(Text), nullable=False),
    Column("industry", Text, nullable=False),
    Column("created_by", UUID(as_uuid=True)),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    id_column(),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("user_id", UUID(as_uuid=True), nullable=False),
    Column("type", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("resource_type", Text),
    Column("resource_id", UUID(as_uuid=True)),
    Column("resource_course_id", UUID(as_uuid=True)),
    Column("link", Text, nullable=False),
    Column("actor_id", UUID(as_uuid=True)),
    Column("read_at", DateTime(timezone=True)),
    Column("email_sent_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
