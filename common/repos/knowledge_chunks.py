"""Read access to SME knowledge: the SMEs a caller may use and their chunks (generation),
a chunk listing, and full-text plus trigram search.

Search ranks with PostgreSQL full-text search over each chunk's generated ``search``
vector (built in the chunk's ``language``) and trigram word similarity of the title,
which also catches short and partial queries that stemming misses. The query is parsed
with ``websearch_to_tsquery`` once per text-search configuration chunks may use, OR-ed,
so one constant tsquery serves chunks of every language and the tenant-led GIN index
``(tenant_id, search)`` stays usable (the RLS predicate and the match are one scan).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text

from common.errors import InvalidArgument
from common.repos.base import TenantRepository
from common.repos.pagination import clamp_page_size
from common.repos.rows import to_record

# BCP 47 primary language -> the PostgreSQL text-search configuration that stems it.
# Anything else is 'simple' (lower-cased words, no stemming, no stop words).
SEARCH_CONFIGS: dict[str, str] = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "nb": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}
FALLBACK_CONFIG = "simple"
MAX_SEARCH_OFFSET = 500  # deeper pages of a relevance ranking are noise, and cost a sort each
SNIPPET_OPTIONS = 'MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … ", StartSel=**, StopSel=**'


def search_config(language: str) -> str:
    """The text-search configuration for a chunk in ``language`` (a BCP 47 tag, '' unknown)."""
    return SEARCH_CONFIGS.get(language.split("-")[0].strip().lower(), FALLBACK_CONFIG)


# A prompt takes a budget of characters (functions/ai_generation/knowledge.py); this bounds the read.
MAX_CHUNKS = 2000

# sme.proto: an SME is visible when global, team-scoped to one of the caller's teams, or to owners/admins.
_VISIBLE = text("""
    select s.id from subject_matter_experts s
    where s.id = any(:ids)
      and (:every_team or s.scope = 'global'
           or exists (select 1 from sme_team_access a where a.sme_id = s.id and a.team_id = any(:teams)))""")

_CONFIGS = sorted({FALLBACK_CONFIG, *SEARCH_CONFIGS.values()})
# The query parsed in every configuration chunks may be stored in. The distinct results are
# OR-ed into one constant tsquery: most words stem alike in most languages, and a constant
# lets the planner estimate the match (sixteen near-identical alternatives would multiply
# its guess and turn the GIN index scan into a sequential one at 100,000 chunks).
_PARSE = text("select " + ", ".join(f"websearch_to_tsquery('{c}', :query)::text as {c}" for c in _CONFIGS))
# mirai_search_knowledge (migration 0018) applies the tenant predicate itself so the match
# can be a GIN index condition (under RLS, ``@@`` is not leakproof and could not be).
_SEARCH = text("""
    select * from mirai_search_knowledge(cast(:tsquery as tsquery), :query, :every_sme, cast(:smes as uuid[]),
                                         :min_score, :limit, :offset, :snippet_options)""")
_LIST = text("""
    select id, sme_id, submission_id, title, content, keywords, token_count, position, source_file_name, created_at
    from sme_knowledge_chunks
    where sme_id = :sme and (cast(:submission as uuid) is null or submission_id = :submission)
      and (cast(:after_position as integer) is null
           or (cast(:after_submission as uuid) is null and submission_id is null
               and (position, id) > (:after_position, :after_id))
           or (cast(:after_submission as uuid) is not null
               and ((submission_id, position, id) > (:after_submission, :after_position, :after_id)
                    or submission_id is null)))
    order by submission_id, position, id
    limit :limit""")
_COUNT = text("""
    select count(*) from sme_knowledge_chunks
    where sme_id = :sme and (cast(:submission as uuid) is null or submission_id = :submission)""")
_VECTOR_EXTENSION = text("select exists (select from pg_extension where extname = 'vector')")
_CHUNKS = text("""
    select id, sme_id, submission_id, title, content, keywords, token_count, position, source_file_name
    from sme_knowledge_chunks where sme_id = any(:ids)
    order by sme_id, submission_id nulls first, position, id
    limit :limit""")


@dataclass(frozen=True)
class Chunk:
    id: uuid.UUID
    sme_id: uuid.UUID
    submission_id: uuid.UUID | None
    title: str
    content: str
    keywords: list[str]
    token_count: int
    position: int
    source_file_name: str


@dataclass(frozen=True)
class ListedChunk(Chunk):
    created_at: datetime


@dataclass(frozen=True)
class SearchHit:
    chunk: ListedChunk
    score: float  # in [0, 1]
    snippet: str


@dataclass(frozen=True)
class ChunkPage:
    items: list[ListedChunk]
    next_page_token: str


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    next_page_token: str


def _chunk_token(chunk: ListedChunk) -> str:
    raw = json.dumps(["chunk", str(chunk.submission_id) if chunk.submission_id else None, chunk.position,
                      str(chunk.id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _offset_token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps(["search", offset]).encode()).decode().rstrip("=")


def _decoded(token: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, binascii.Error):
        raise InvalidArgument("is not a token returned by this list", field="page_token") from None


def _chunk_cursor(token: str) -> dict[str, Any]:
    empty = {"after_submission": None, "after_position": None, "after_id": None}
    if not token:
        return empty
    value = _decoded(token)
    try:
        name, submission, position, chunk_id = value
        if name != "chunk" or isinstance(position, bool) or not isinstance(position, int):
            raise ValueError("not a chunk token")
        return {"after_submission": uuid.UUID(submission) if submission is not None else None,
                "after_position": position, "after_id": uuid.UUID(chunk_id)}
    except (ValueError, TypeError, AttributeError):
        raise InvalidArgument("is not a token returned by this list", field="page_token") from None


def _search_offset(token: str) -> int:
    if not token:
        return 0
    value = _decoded(token)
    if (not isinstance(value, list) or len(value) != 2 or value[0] != "search" or isinstance(value[1], bool)
            or not isinstance(value[1], int) or not 0 < value[1] <= MAX_SEARCH_OFFSET):
        raise InvalidArgument("is not a token returned by this search", field="page_token")
    return int(value[1])


def vector_extension_installed(session: Any) -> bool:
    """Whether pgvector is installed in this database (pg_extension is readable by every role)."""
    return bool(session.execute(_VECTOR_EXTENSION).scalar_one())


class KnowledgeChunks(TenantRepository):
    def page(self, sme_id: uuid.UUID, *, submission_id: uuid.UUID | None = None, page_size: int = 0,
             page_token: str = "") -> ChunkPage:
        """In reading order: by submission, then position (sme_chunks_tenant_sme_idx)."""
        size = clamp_page_size(page_size)
        params = {"sme": sme_id, "submission": submission_id, "limit": size + 1, **_chunk_cursor(page_token)}
        rows = [to_record(ListedChunk, r) for r in self._session.execute(_LIST, params)]
        if len(rows) <= size:
            return ChunkPage(rows, "")
        return ChunkPage(rows[:size], _chunk_token(rows[size - 1]))

    def count(self, sme_id: uuid.UUID, *, submission_id: uuid.UUID | None = None) -> int:
        return int(self._session.execute(_COUNT, {"sme": sme_id, "submission": submission_id}).scalar_one())

    def search(self, query: str, *, sme_ids: Sequence[uuid.UUID] | None, limit: int, min_score: float = 0.0,
               page_token: str = "") -> SearchPage:
        """Best first; ``sme_ids`` None searches every SME of the tenant (owners/admins)."""
        offset = _search_offset(page_token)
        if sme_ids is not None and not sme_ids:
            return SearchPage([], "")
        params = {"query": query, "tsquery": self.tsquery(query), "every_sme": sme_ids is None,
                  "smes": list(sme_ids or []), "min_score": min_score, "limit": limit + 1, "offset": offset,
                  "snippet_options": SNIPPET_OPTIONS}
        hits = [
            SearchHit(chunk=to_record(ListedChunk, row), score=min(1.0, max(0.0, float(row.score))),
                      snippet=row.snippet)
            for row in self._session.execute(_SEARCH, params)
        ]
        more = len(hits) > limit and offset + limit <= MAX_SEARCH_OFFSET
        return SearchPage(hits[:limit], _offset_token(offset + limit) if more else "")

    def tsquery(self, query: str) -> str:
        """``query`` as one tsquery over every language: its distinct parses, OR-ed ('' when
        it has no searchable word in any language, e.g. only punctuation)."""
        parsed = self._session.execute(_PARSE, {"query": query}).one()
        return " | ".join(f"( {alternative} )" for alternative in sorted({p for p in parsed if p}))

    def visible_smes(self, sme_ids: Sequence[uuid.UUID], *, visible_teams: Sequence[uuid.UUID] | None) -> set[uuid.UUID]:
        """Those of ``sme_ids`` the caller may use; ``visible_teams`` None: every team (owners/admins)."""
        if not sme_ids:
            return set()
        params = {"ids": list(sme_ids), "every_team": visible_teams is None, "teams": list(visible_teams or [])}
        return {row.id for row in self._session.execute(_VISIBLE, params)}

    def for_smes(self, sme_ids: Sequence[uuid.UUID]) -> list[Chunk]:
        if not sme_ids:
            return []
        rows = self._session.execute(_CHUNKS, {"ids": list(sme_ids), "limit": MAX_CHUNKS})
        return [to_record(Chunk, row) for row in rows]
