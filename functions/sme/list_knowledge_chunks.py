"""SMEService.ListKnowledgeChunks: an SME's chunks in reading order (by submission, then
position), optionally of one submission. Users who may use the SME."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.validation import optional_id
from functions.course.visibility import load_viewer
from functions.sme.access import usable_sme
from functions.sme.messages import chunk_message


def list_knowledge_chunks(request: pb.ListKnowledgeChunksRequest, call: Call) -> pb.ListKnowledgeChunksResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    submission_id = optional_id(request.submission_id, field="submission_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        usable_sme(uow, load_viewer(uow, principal), sme_id)
        page = uow.knowledge_chunks.page(sme_id, submission_id=submission_id, page_size=request.page_size,
                                         page_token=request.page_token)
        total = uow.knowledge_chunks.count(sme_id, submission_id=submission_id)
    return pb.ListKnowledgeChunksResponse(chunks=[chunk_message(c) for c in page.items],
                                          next_page_token=page.next_page_token, total_count=total)
