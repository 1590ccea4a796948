"""AIGenerationService.GetOutline. Its creator or owners/admins."""

from __future__ import annotations

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.outline_reads import outline_message, visible_outline


def get_outline(request: ai_pb.GetOutlineRequest, call: Call) -> ai_pb.GetOutlineResponse:
    principal = call.require_principal()
    outline_id = inputs.required_id(request.outline_id, field="outline_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        outline = visible_outline(uow, principal, outline_id)
        message = outline_message(uow, outline, storage=call.container.storage)
    return ai_pb.GetOutlineResponse(outline=message)
