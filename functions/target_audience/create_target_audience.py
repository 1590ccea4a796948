"""TargetAudienceService.CreateTargetAudience. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import target_audience_pb2 as pb
from common.rpc.context import Call
from functions.target_audience.personas import new_persona, to_proto


def create_target_audience(request: pb.CreateTargetAudienceRequest, call: Call) -> pb.CreateTargetAudienceResponse:
    principal = call.require_principal()
    values = new_persona(request)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        audience = uow.target_audiences.add(created_by=principal.user_id, values=values)
        people = uow.user_summaries.by_ids([audience.created_by])
    return pb.CreateTargetAudienceResponse(target_audience=to_proto(audience, people, storage=call.container.storage))
