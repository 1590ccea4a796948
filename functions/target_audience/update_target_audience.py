"""TargetAudienceService.UpdateTargetAudience: partial update under if_match. Its
creator or an owner/admin. Courses already generated keep their content."""

from __future__ import annotations

from common.gen.mirai.v1 import target_audience_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.target_audience.personas import check_if_match, persona_changes, require_editor, to_proto


def update_target_audience(request: pb.UpdateTargetAudienceRequest, call: Call) -> pb.UpdateTargetAudienceResponse:
    principal = call.require_principal()
    audience_id = inputs.required_id(request.target_audience_id, field="target_audience_id")
    changes = persona_changes(request)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        audience = uow.target_audiences.get(audience_id)
        require_editor(principal, audience)
        expected = check_if_match(request.if_match, audience)
        if changes:
            audience = uow.target_audiences.update(audience_id, changes, expected_version=expected)
        people = uow.user_summaries.by_ids([audience.created_by])
    return pb.UpdateTargetAudienceResponse(target_audience=to_proto(audience, people, storage=call.container.storage))
