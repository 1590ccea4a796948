"""TenantSettingsService.ListAvailableModels: what the stored key can use, or the
curated list without a key or while the provider cannot answer. Owner/admin.

A stored key that cannot be decrypted is ``failed_precondition`` rather than a quiet
fallback: the admin has to set the key again, and should learn it here."""

from __future__ import annotations

from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.rpc.context import Call
from functions.tenant_settings.ai_credentials import load_ai_credentials
from functions.tenant_settings.ai_settings import provider_name
from functions.tenant_settings.messages import model_message
from functions.tenant_settings.models import DEFAULT_MODEL, available_models, ordered


def list_available_models(request: pb.ListAvailableModelsRequest, call: Call) -> pb.ListAvailableModelsResponse:
    principal = call.require_principal()
    provider_name(request.provider)
    container = call.container
    with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        credentials = load_ai_credentials(uow, container.keyring)
    # The provider is asked outside the transaction: no connection is held during the call.
    found = available_models(container.ai, credentials.api_key if credentials else None)
    return pb.ListAvailableModelsResponse(models=[model_message(m) for m in ordered(found.models)], default_model=DEFAULT_MODEL)
