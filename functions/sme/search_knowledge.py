"""SMEService.SearchKnowledge: the chunks most relevant to a query, across the SMEs named
(each must be usable) or every SME the caller may use. Any signed-in user.

Ranking is PostgreSQL full-text search plus trigram similarity of titles, fused into a
score in [0, 1] (common/repos/knowledge_chunks.py); pgvector is not used yet (§15)."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import usable_smes
from functions.sme.messages import chunk_message


def search_knowledge(request: pb.SearchKnowledgeRequest, call: Call) -> pb.SearchKnowledgeResponse:
    principal = call.require_principal()
    query = inputs.text(request.query, field="query", max_chars=validation.MAX_SEARCH_QUERY_CHARS, required=True)
    named = (inputs.id_list(request.sme_ids, field="sme_ids", max_items=validation.MAX_SEARCH_SMES)
             if request.sme_ids else [])
    limit = validation.search_limit(request.limit)
    min_score = validation.min_score(request.min_score)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        sme_ids = usable_smes(uow, load_viewer(uow, principal), named, field="sme_ids")
        page = uow.knowledge_chunks.search(query, sme_ids=sme_ids, limit=limit, min_score=min_score,
                                           page_token=request.page_token)
        names = uow.smes.names(sorted({hit.chunk.sme_id for hit in page.hits}))
    return pb.SearchKnowledgeResponse(
        results=[pb.KnowledgeSearchResult(chunk=chunk_message(hit.chunk), score=hit.score, snippet=hit.snippet,
                                          sme_name=names.get(hit.chunk.sme_id, "")) for hit in page.hits],
        next_page_token=page.next_page_token,
    )
