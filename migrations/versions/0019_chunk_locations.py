"""Where a knowledge chunk comes from inside its file: its first and last page (0 when
the format has no pages) and the heading path above it, written by ingestion
(functions/sme/ingestion_job.py) so an author can see "Safety handbook.pdf, p. 12, §3.2".

Revision ID: 0019_chunk_locations
Revises: 0018_sme_search
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0019_chunk_locations"
down_revision = "0018_sme_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    alter table sme_knowledge_chunks
      add column page_start integer not null default 0 check (page_start >= 0),
      add column page_end integer not null default 0 check (page_end >= page_start),
      add column heading_path text[] not null default '{}'""")


def downgrade() -> None:
    op.execute("alter table sme_knowledge_chunks drop column heading_path, drop column page_end, drop column page_start")
