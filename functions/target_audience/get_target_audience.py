"""TargetAudienceService.GetTargetAudience. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import target_audience_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.target_audience.personas import to_proto


def get_target_audience(request: pb.GetTargetAudienceRequest, call: Call) -> pb.GetTargetAudienceResponse:
    principal = call.require_principal()
    audience_id = inputs.required_id(request.target_audience_id, field="target_audience_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        audience = uow.target_audiences.get(audience_id)
        people = uow.user_summaries.by_ids([audience.created_by])
    return pb.GetTargetAudienceResponse(target_audience=to_proto(audience, people, storage=call.container.storage))
