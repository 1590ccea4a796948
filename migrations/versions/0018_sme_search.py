"""SME knowledge search: a language per chunk, its full-text vector in that language, and
indexes led by the tenant (what RLS filters on) for full-text and trigram matching.

``language`` is a regconfig (``to_tsvector(regconfig, text)`` is immutable, so the vector
can be a generated column); ingestion sets it from the document's language, 'simple'
(no stemming) when unknown. The title weighs more than the body. ``btree_gin`` lets one
GIN index hold ``tenant_id`` beside the vector, so the policy's tenant predicate and the
text match are one index scan; ``pg_trgm`` serves titles and short queries.

Revision ID: 0018_sme_search
Revises: 0013_subscription_state
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0018_sme_search"
down_revision = "0013_subscription_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("create extension if not exists btree_gin")
    op.execute("create extension if not exists pg_trgm")
    op.execute("alter table sme_knowledge_chunks add column language regconfig not null default 'simple'")
    op.execute("alter table sme_knowledge_chunks drop column search")  # its index goes with it
    op.execute("""
    alter table sme_knowledge_chunks add column search tsvector generated always as (
      setweight(to_tsvector(language, title), 'A') || setweight(to_tsvector(language, content), 'B')
    ) stored""")
    op.execute("create index sme_chunks_tenant_search_idx on sme_knowledge_chunks using gin (tenant_id, search)")
    op.execute("create index sme_chunks_tenant_title_trgm_idx on sme_knowledge_chunks using gin (tenant_id, title gin_trgm_ops)")


def downgrade() -> None:
    op.execute("drop index sme_chunks_tenant_title_trgm_idx")
    op.execute("drop index sme_chunks_tenant_search_idx")
    op.execute("alter table sme_knowledge_chunks drop column search")
    op.execute("alter table sme_knowledge_chunks drop column language")
    op.execute("""
    alter table sme_knowledge_chunks add column search tsvector
      generated always as (to_tsvector('simple', title || ' ' || content)) stored""")
    op.execute("create index sme_chunks_search_idx on sme_knowledge_chunks using gin (search)")
