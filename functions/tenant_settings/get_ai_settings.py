"""TenantSettingsService.GetAISettings: the settings with the key masked. Owner/admin."""

from __future__ import annotations

from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.rpc.context import Call
from functions.tenant_settings.messages import settings_of


def get_ai_settings(request: pb.GetAISettingsRequest, call: Call) -> pb.GetAISettingsResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        return pb.GetAISettingsResponse(settings=settings_of(uow))
