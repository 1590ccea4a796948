"""TenantSettingsService.UpdateAISettings: sets the key and/or the model. Owner/admin.

A new key is checked with the provider before it is sealed and stored; the model must
be one the key can use (the curated list when the provider cannot tell). The provider
is asked before the transaction opens, so no connection waits on it."""

from __future__ import annotations

from common.errors import InvalidArgument
from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.rpc.context import Call
from functions.tenant_settings.ai_credentials import load_ai_credentials
from functions.tenant_settings.ai_settings import check_key_shape, check_with_provider, provider_name, seal_new_key
from functions.tenant_settings.messages import settings_of
from functions.tenant_settings.models import CURATED, ModelList, available_models, check_model


def update_ai_settings(request: pb.UpdateAISettingsRequest, call: Call) -> pb.UpdateAISettingsResponse:
    principal = call.require_principal()
    container = call.container
    provider = provider_name(request.provider) if request.HasField("provider") else None
    api_key = check_key_shape(request.api_key) if request.HasField("api_key") else None
    if api_key is None and not request.HasField("model") and provider is None:
        raise InvalidArgument("nothing to update: give api_key and/or model", field="api_key")

    new_key = None
    models: ModelList | None = None
    if api_key is not None:
        check, models = check_with_provider(container.ai, api_key)
        new_key = seal_new_key(container.keyring, api_key, tenant_id=principal.tenant_id, check=check)
    model = None
    if request.HasField("model"):
        # '' goes back to Mirai's default model and needs no list.
        wanted = request.model.strip()
        if wanted and models is None:
            models = _models_of_stored_key(call)
        model = check_model(wanted, models or CURATED)

    with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.ai_settings.upsert(updated_by=principal.user_id, provider=provider, model=model, key=new_key)
        return pb.UpdateAISettingsResponse(settings=settings_of(uow))


def _models_of_stored_key(call: Call) -> ModelList:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        credentials = load_ai_credentials(uow, call.container.keyring)
    return available_models(call.container.ai, credentials.api_key if credentials else None)
