"""Read access to SME knowledge for generation: the SMEs a caller may use and their chunks."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text

from common.repos.base import TenantRepository
from common.repos.rows import to_record

# A prompt takes a budget of characters (functions/ai_generation/knowledge.py); this bounds the read.
MAX_CHUNKS = 2000

# sme.proto: an SME is visible when global, team-scoped to one of the caller's teams, or to owners/admins.
_VISIBLE = text("""
    select s.id from subject_matter_experts s
    where s.id = any(:ids)
      and (:every_team or s.scope = 'global'
           or exists (select 1 from sme_team_access a where a.sme_id = s.id and a.team_id = any(:teams)))""")
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


class KnowledgeChunks(TenantRepository):
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
