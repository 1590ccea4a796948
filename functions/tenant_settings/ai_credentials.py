"""The one place a tenant's AI key is decrypted, for code that calls the provider
(generation jobs, ListAvailableModels). The plaintext must never be logged, stored,
put into an error or a job record: pass ``credentials.api_key`` to the AI adapter only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from common.adapters.crypto import KeyRing
from common.errors import FailedPrecondition
from functions.tenant_settings.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class AICredentials:
    provider: str
    # The tenant's choice, or Mirai's default when it made none.
    model: str
    api_key: str = field(repr=False)
    # Status at the last check with the provider: 'valid', 'invalid' or 'quota_exceeded'.
    key_status: str


def load_ai_credentials(uow: UnitOfWork, keyring: KeyRing) -> AICredentials | None:
    """The tenant's decrypted key and model inside ``uow``'s tenant session; ``None``
    when no key is stored. Raises ``DecryptionFailed`` (failed_precondition) when the
    stored key cannot be opened for this tenant (tampered, copied from another tenant,
    or sealed with a master key no longer configured)."""
    record = uow.ai_settings.get()
    if record is None or record.sealed_key is None:
        return None
    api_key = keyring.decrypt(record.sealed_key, uow.ai_settings.tenant_id)
    return AICredentials(
        provider=record.provider, model=record.model or DEFAULT_MODEL, api_key=api_key, key_status=record.key_status
    )


def require_ai_credentials(uow: UnitOfWork, keyring: KeyRing) -> AICredentials:
    """``load_ai_credentials`` for work that cannot start without a key."""
    credentials = load_ai_credentials(uow, keyring)
    if credentials is None:
        raise FailedPrecondition("no AI API key is configured for this company; an admin can add one in the AI settings")
    return credentials
