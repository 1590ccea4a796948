"""TenantSettingsService.DeleteAIKey: forgets the stored key (the model choice stays).
Idempotent: deleting when no key is stored answers the same settings. Owner/admin."""

from __future__ import annotations

from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.rpc.context import Call
from functions.tenant_settings.messages import settings_of


def delete_ai_key(request: pb.DeleteAIKeyRequest, call: Call) -> pb.DeleteAIKeyResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.ai_settings.delete_key(updated_by=principal.user_id)
        return pb.DeleteAIKeyResponse(settings=settings_of(uow))
