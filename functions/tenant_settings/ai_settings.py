"""The rules of a tenant's AI settings: what a key must look like, how a new key is
checked with the provider and sealed, which provider values are accepted.

No message here ever contains the key: errors name the field and the rule only.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

from common.adapters.ai import AIKeyInvalid, AIQuotaExceeded, AITimeout, AIUnavailable, KeyCheck, StructuredGenerator
from common.adapters.crypto import KeyRing, mask_api_key
from common.errors import InvalidArgument, Unavailable
from common.gen.mirai.v1 import tenant_settings_pb2 as pb
from common.repos.tenant_ai_settings import NewKey
from functions.tenant_settings.models import CURATED, ModelList

# Gemini keys are 39 characters ("AIza" + 35); the range leaves room for other key
# formats the provider may issue without accepting pasted prose or whitespace.
_KEY_SHAPE = re.compile(r"[A-Za-z0-9_\-]{30,128}")

_PROVIDERS: dict[int, str] = {pb.AI_PROVIDER_UNSPECIFIED: "gemini", pb.AI_PROVIDER_GEMINI: "gemini"}


def provider_name(value: int) -> str:
    """The stored provider for a request's enum value (unspecified means Gemini)."""
    try:
        return _PROVIDERS[value]
    except KeyError:
        raise InvalidArgument("must be AI_PROVIDER_GEMINI (the only provider supported)", field="provider") from None


def check_key_shape(raw: str) -> str:
    key = raw.strip()
    if not key:
        raise InvalidArgument("must not be empty (DeleteAIKey removes the stored key)", field="api_key")
    if not _KEY_SHAPE.fullmatch(key):
        raise InvalidArgument(
            "must be 30 to 128 letters, digits, '-' or '_' (a Gemini API key looks like AIza…)", field="api_key"
        )
    return key


def check_with_provider(ai: StructuredGenerator, api_key: str) -> tuple[KeyCheck, ModelList]:
    """Asks the provider about a new key before it is stored; its model list comes with
    the answer (one call does both). A rejected key is ``invalid_argument``; an outage
    is ``unavailable`` and nothing is stored, since an unchecked key cannot be vouched for."""
    try:
        models = ai.list_models(api_key=api_key)
    except AIKeyInvalid:
        raise InvalidArgument(
            "the AI provider rejected this key (revoked, another project, or the API is not enabled)", field="api_key"
        ) from None
    except AIQuotaExceeded:
        # Accepted, but out of quota: worth storing, it works again when the quota resets.
        return KeyCheck.QUOTA_EXCEEDED, CURATED
    except (AIUnavailable, AITimeout):
        raise Unavailable("the AI provider cannot check the key right now; nothing was changed, try again shortly") from None
    return KeyCheck.VALID, ModelList(tuple(models), from_provider=True) if models else CURATED


def seal_new_key(keyring: KeyRing, api_key: str, *, tenant_id: uuid.UUID, check: KeyCheck) -> NewKey:
    return NewKey(
        sealed=keyring.encrypt(api_key, tenant_id),
        mask=mask_api_key(api_key),
        status=check.value,
        checked_at=datetime.now(UTC),
    )
