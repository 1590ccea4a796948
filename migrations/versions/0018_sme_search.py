"""SME knowledge search: a language per chunk, its full-text vector in that language, and
indexes led by the tenant (what RLS filters on) for full-text and trigram matching.

``language`` is a regconfig (``to_tsvector(regconfig, text)`` is immutable, so the vector
can be a generated column); ingestion sets it from the document's language, 'simple'
(no stemming) when unknown. The title weighs more than the body. ``btree_gin`` lets one
GIN index hold ``tenant_id`` beside the vector, so the policy's tenant predicate and the
text match are one index scan; ``pg_trgm`` serves titles and short queries.

Search runs in ``mirai_search_knowledge``, a SECURITY DEFINER function that applies the
tenant predicate itself (the policy's own expression: no tenant set, no rows). Under RLS
the planner may not evaluate a non-leakproof operator such as ``@@`` or ``<%`` before the
policy, so neither could be an index condition and every search read the whole tenant;
as the table's owner the same predicate and the match become one GIN index condition.
The SMEs searched are chosen by the caller (the SMEs it may use, read under RLS) and are
only ever narrowed here. The statement is planned per call (EXECUTE … USING) so the
planner sees the real tsquery.

``mirai_sme_tasks_due_soon`` lists open tasks due within a window, across tenants, for
the reminder sweep (sme.proto: a reminder is sent 24 h before the deadline).

Revision ID: 0018_sme_search
Revises: 0017_course_teams
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0018_sme_search"
down_revision = "0017_course_teams"
branch_labels = None
depends_on = None

_DUE = "mirai_sme_tasks_due_soon(integer, integer)"
_SEARCH = "mirai_search_knowledge(tsquery, text, boolean, uuid[], double precision, integer, integer, text)"


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
    definer_function(_SEARCH, """
    create function mirai_search_knowledge(p_tsquery tsquery, p_query text, p_every_sme boolean, p_smes uuid[],
                                           p_min_score double precision, p_limit integer, p_offset integer,
                                           p_snippet_options text)
      returns table (id uuid, sme_id uuid, submission_id uuid, title text, content text, keywords text[],
                     token_count integer, "position" integer, source_file_name text, created_at timestamptz,
                     score double precision, snippet text)
    language plpgsql stable security definer set search_path = pg_catalog, public as $$
    begin
      return query execute $q$
        with hits as (
          select c.id, c.sme_id, c.submission_id, c.title, c.content, c.keywords, c.token_count, c.position,
                 c.source_file_name, c.created_at, c.language,
                 ts_rank_cd(c.search, $1, 1|32)::double precision as text_score,
                 word_similarity($2, c.title)::double precision as title_score
          from sme_knowledge_chunks c
          where c.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
            and ($3 or c.sme_id = any($4))
            and (c.search @@ $1 or $2 <% c.title)
        ), scored as (
          select h.*, 1 - (1 - h.text_score) * (1 - h.title_score) as score from hits h
        ), page as (
          select * from scored s where s.score >= $5
          order by s.score desc, s.id limit greatest($6, 0) offset greatest($7, 0)
        )
        select p.id, p.sme_id, p.submission_id, p.title, p.content, p.keywords, p.token_count, p.position,
               p.source_file_name, p.created_at, p.score, ts_headline(p.language, p.content, $1, $8)
        from page p order by p.score desc, p.id
      $q$ using p_tsquery, p_query, p_every_sme, p_smes, p_min_score, p_limit, p_offset, p_snippet_options;
    end
    $$""")


    # The task reminder sweep (every 15 min) finds open tasks due within the hour window
    # across tenants (sme_tasks_due_idx of 0003); each is then claimed in its tenant's session.
    definer_function(_DUE, """
    create function mirai_sme_tasks_due_soon(p_within_seconds integer, p_limit integer)
      returns table (task_id uuid, tenant_id uuid)
    language sql stable security definer set search_path = pg_catalog, public as $$
      select t.id, t.tenant_id from sme_tasks t
      where t.status = 'open' and t.due_reminder_sent_at is null
        and t.due_at <= now() + make_interval(secs => greatest(p_within_seconds, 0)) and t.due_at > now()
      order by t.due_at
      limit greatest(p_limit, 0)
    $$""")


def downgrade() -> None:
    op.execute(f"drop function {_DUE}")
    op.execute(f"drop function {_SEARCH}")
    op.execute("drop index sme_chunks_tenant_title_trgm_idx")
    op.execute("drop index sme_chunks_tenant_search_idx")
    op.execute("alter table sme_knowledge_chunks drop column search")
    op.execute("alter table sme_knowledge_chunks drop column language")
    op.execute("""
    alter table sme_knowledge_chunks add column search tsvector
      generated always as (to_tsvector('simple', title || ' ' || content)) stored""")
    op.execute("create index sme_chunks_search_idx on sme_knowledge_chunks using gin (search)")
