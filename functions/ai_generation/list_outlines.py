"""AIGenerationService.ListOutlines: newest first; members see their own, owners/admins all."""

from __future__ import annotations

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.outlines import OutlineFilter
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.records import OUTLINE_STATUSES, names_of, outline_to_proto
from functions.ai_generation.visibility import creator_filter


def list_outlines(request: ai_pb.ListOutlinesRequest, call: Call) -> ai_pb.ListOutlinesResponse:
    principal = call.require_principal()
    for status in request.statuses:
        inputs.enum_value(status, ai_pb.OutlineStatus.DESCRIPTOR, field="statuses")
    where = OutlineFilter(statuses=names_of(request.statuses, OUTLINE_STATUSES),
                          created_by=creator_filter(principal, created_by_me=request.created_by_me))
    storage = call.container.storage
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        page = uow.outlines.list(where, page_size=request.page_size, page_token=request.page_token)
        people = uow.user_summaries.by_ids([u for o in page.items for u in (o.created_by, o.approved_by)])
        # A list shows each outline's header; GetOutline returns its sections.
        outlines = [outline_to_proto(o, sections=[], inputs=None, people=people, storage=storage) for o in page.items]
    return ai_pb.ListOutlinesResponse(outlines=outlines, next_page_token=page.next_page_token)
