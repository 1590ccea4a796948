"""A tenant's AI settings (one row per tenant) and the system paths that re-seal keys.

The repository stores what it is given: the ciphertext arrives sealed and leaves
sealed. Opening it is ``functions/tenant_settings/ai_credentials.py``'s business.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from common.adapters.crypto import Sealed, StoredSecret
from common.db.tables import tenant_ai_settings
from common.repos.base import TenantRepository


@dataclass(frozen=True)
class AISettingsRecord:
    tenant_id: uuid.UUID
    provider: str
    # '' = no choice made: Mirai's default model applies.
    model: str
    api_key_ciphertext: bytes | None = field(repr=False)
    api_key_version: str | None
    api_key_mask: str | None
    key_status: str
    key_checked_at: datetime | None
    updated_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @property
    def has_key(self) -> bool:
        return self.api_key_ciphertext is not None

    @property
    def sealed_key(self) -> Sealed | None:
        if self.api_key_ciphertext is None or self.api_key_version is None:
            return None
        return Sealed(version=self.api_key_version, blob=bytes(self.api_key_ciphertext))


@dataclass(frozen=True)
class NewKey:
    """A key to store: already sealed, with what may be shown about it."""

    sealed: Sealed
    mask: str
    status: str
    checked_at: datetime | None


def _record(row: Any) -> AISettingsRecord:
    mapping = dict(row._mapping)
    if mapping["api_key_ciphertext"] is not None:
        mapping["api_key_ciphertext"] = bytes(mapping["api_key_ciphertext"])
    return AISettingsRecord(**mapping)


class TenantAISettings(TenantRepository):
    def get(self) -> AISettingsRecord | None:
        row = self._session.execute(
            select(tenant_ai_settings).where(tenant_ai_settings.c.tenant_id == self.tenant_id)
        ).first()
        return _record(row) if row else None

    def upsert(self, *, updated_by: uuid.UUID | None, provider: str | None = None, model: str | None = None,
               key: NewKey | None = None) -> AISettingsRecord:
        """Creates the row or changes only what is given (``None`` = keep)."""
        changes: dict[str, Any] = {"updated_by": updated_by}
        if provider is not None:
            changes["provider"] = provider
        if model is not None:
            changes["model"] = model
        if key is not None:
            changes.update(
                api_key_ciphertext=key.sealed.blob, api_key_version=key.sealed.version, api_key_mask=key.mask,
                key_status=key.status, key_checked_at=key.checked_at,
            )
        stmt = insert(tenant_ai_settings).values({**changes, "tenant_id": self.tenant_id, "model": model or ""})
        stmt = stmt.on_conflict_do_update(index_elements=[tenant_ai_settings.c.tenant_id], set_=changes)
        return _record(self._session.execute(stmt.returning(*tenant_ai_settings.c)).one())

    def delete_key(self, *, updated_by: uuid.UUID | None) -> AISettingsRecord | None:
        """Forgets the key (model and provider stay); ``None`` when there is no row."""
        row = self._session.execute(
            update(tenant_ai_settings)
            .where(tenant_ai_settings.c.tenant_id == self.tenant_id)
            .values(api_key_ciphertext=None, api_key_version=None, api_key_mask=None, key_status="missing",
                    key_checked_at=None, updated_by=updated_by)
            .returning(*tenant_ai_settings.c)
        ).first()
        return _record(row) if row else None


    def record_key_status(self, status: str) -> bool:
        """What the provider last said of the stored key ('valid', 'invalid',
        'quota_exceeded'), e.g. when a job's call is rejected; False when no key is stored."""
        result = self._session.execute(
            update(tenant_ai_settings)
            .where(tenant_ai_settings.c.tenant_id == self.tenant_id, tenant_ai_settings.c.api_key_ciphertext.is_not(None))
            .values(key_status=status, key_checked_at=func.now())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


class SealedAIKeys:
    """Every tenant's sealed key, for re-sealing under a new master key (migration 0007's
    SECURITY DEFINER functions: they expose ciphertext columns and nothing else)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def batch(self, *, after: uuid.UUID | None, limit: int) -> list[StoredSecret]:
        """Up to ``limit`` sealed keys of tenants after ``after``, in tenant order."""
        rows = self._session.execute(
            text("select tenant_id, api_key_version, api_key_ciphertext from mirai_sealed_ai_keys(:after, :limit)"),
            {"after": after, "limit": limit},
        )
        return [
            StoredSecret(tenant_id=str(r.tenant_id), sealed=Sealed(version=r.api_key_version, blob=bytes(r.api_key_ciphertext)))
            for r in rows
        ]

    def reseal(self, tenant_id: str | uuid.UUID, *, old: Sealed, new: Sealed) -> bool:
        """Replaces ``old`` by ``new``; False (nothing written) when the row no longer holds ``old``."""
        return bool(self._session.execute(
            text("select mirai_reseal_ai_key(:tenant_id, :old_version, :old_blob, :new_version, :new_blob)"),
            {"tenant_id": str(tenant_id), "old_version": old.version, "old_blob": old.blob,
             "new_version": new.version, "new_blob": new.blob},
        ).scalar_one())
