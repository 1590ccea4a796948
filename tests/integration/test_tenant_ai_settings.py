"""The AI settings repository and ``load_ai_credentials`` against the real schema (mirai_app, RLS)."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from common.adapters.crypto import KeyRing, Sealed, mask_api_key
from common.errors import FailedPrecondition
from common.repos.tenant_ai_settings import NewKey
from functions.bootstrap import Container
from functions.tenant_settings.ai_credentials import load_ai_credentials, require_ai_credentials
from functions.tenant_settings.models import DEFAULT_MODEL
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.integration
API_KEY = "AIzaSyRepo-0123456789abcdefghijklmnopq"
KEYRING = KeyRing(os.urandom(32))


def _new_key(tenant_id: object, api_key: str = API_KEY) -> NewKey:
    return NewKey(sealed=KEYRING.encrypt(api_key, tenant_id), mask=mask_api_key(api_key), status="valid",  # type: ignore[arg-type]
                  checked_at=datetime.now(UTC))


def test_a_key_without_a_model_choice_uses_the_default_model_and_changes_keep_the_other_half(container: Container) -> None:
    tenant = provision_tenant(container.db)
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        assert load_ai_credentials(uow, KEYRING) is None
        with pytest.raises(FailedPrecondition, match="no AI API key"):
            require_ai_credentials(uow, KEYRING)
        stored = uow.ai_settings.upsert(updated_by=tenant.owner_id, key=_new_key(tenant.tenant_id))
        assert stored.model == "" and stored.api_key_mask == "…" + API_KEY[-4:] and stored.api_key_version == KEYRING.current_version
        credentials = require_ai_credentials(uow, KEYRING)
        assert (credentials.api_key, credentials.model, credentials.key_status) == (API_KEY, DEFAULT_MODEL, "valid")

        uow.ai_settings.upsert(updated_by=tenant.owner_id, model="gemini-2.5-pro")
        credentials = require_ai_credentials(uow, KEYRING)
        assert (credentials.api_key, credentials.model) == (API_KEY, "gemini-2.5-pro")

        assert uow.ai_settings.record_key_status("invalid") is True
        assert require_ai_credentials(uow, KEYRING).key_status == "invalid"

        cleared = uow.ai_settings.delete_key(updated_by=tenant.owner_id)
        assert cleared is not None and not cleared.has_key and cleared.model == "gemini-2.5-pro"
        assert (cleared.api_key_version, cleared.api_key_mask, cleared.key_status) == (None, None, "missing")
        assert load_ai_credentials(uow, KEYRING) is None
        assert uow.ai_settings.record_key_status("valid") is False


def test_a_ciphertext_without_its_version_is_refused_by_the_schema(container: Container) -> None:
    tenant = provision_tenant(container.db)
    key = _new_key(tenant.tenant_id)
    unversioned = NewKey(sealed=Sealed(version=None, blob=key.sealed.blob), mask=key.mask, status="valid",  # type: ignore[arg-type]
                         checked_at=key.checked_at)
    with pytest.raises(IntegrityError, match="tenant_ai_settings_key_version_check"), \
            container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        uow.ai_settings.upsert(updated_by=tenant.owner_id, key=unversioned)
