"""TargetAudienceService.ListTargetAudiences: by name, filtered. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import target_audience_pb2 as pb
from common.repos.target_audiences import AudienceFilter
from common.rpc.context import Call
from functions import inputs
from functions.enum_names import stored_name
from functions.target_audience.personas import EXPERIENCE, MAX_QUERY_CHARS, to_proto


def _filter(request: pb.ListTargetAudiencesRequest) -> AudienceFilter:
    level = None
    if request.HasField("experience_level"):
        level = stored_name(EXPERIENCE, inputs.enum_value(request.experience_level, EXPERIENCE, field="experience_level"))
    return AudienceFilter(
        query=inputs.text(request.query, field="query", max_chars=MAX_QUERY_CHARS),
        experience_level=level,
        language=inputs.language_tag(request.language, field="language") if request.language else "",
    )


def list_target_audiences(request: pb.ListTargetAudiencesRequest, call: Call) -> pb.ListTargetAudiencesResponse:
    principal = call.require_principal()
    where = _filter(request)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        page = uow.target_audiences.list(where=where, page_size=request.page_size, page_token=request.page_token)
        total = uow.target_audiences.count(where=where)
        people = uow.user_summaries.by_ids(a.created_by for a in page.items)
    storage = call.container.storage
    return pb.ListTargetAudiencesResponse(
        target_audiences=[to_proto(a, people, storage=storage) for a in page.items],
        next_page_token=page.next_page_token,
        total_count=total,
    )
