"""A tenant's AI provider settings (migrations 0004 and 0007)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, LargeBinary, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from common.db.tables.core import metadata

tenant_ai_settings = Table(
    "tenant_ai_settings",
    metadata,
    Column("tenant_id", UUID(as_uuid=True), primary_key=True),
    Column("provider", Text, nullable=False),
    Column("model", Text, nullable=False),
    Column("api_key_ciphertext", LargeBinary),
    Column("api_key_version", Text),
    Column("api_key_mask", Text),
    Column("key_status", Text, nullable=False),
    Column("key_checked_at", DateTime(timezone=True)),
    Column("updated_by", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
