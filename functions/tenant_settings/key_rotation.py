"""Re-sealing every tenant's AI key under the current ENCRYPTION_KEY
(``python -m functions rotate-encryption-key``).

System work across tenants, done through migration 0007's SECURITY DEFINER functions
as mirai_app: they see ciphertext columns only. Each row is swapped with
compare-and-set on its old version and ciphertext, so a key an admin sets while the
rotation runs is never overwritten (it is counted as ``superseded``; a second run
picks it up if it still needs rotating). An undecryptable row is left exactly as it is.
Nothing here logs or returns key material: counts and tenant ids only.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from common.adapters.crypto import KeyRing, rotate

if TYPE_CHECKING:
    from common.db import Database

log = logging.getLogger("mirai.tenant_settings.rotation")

BATCH_SIZE = 200


@dataclass(frozen=True)
class RotationReport:
    rotated: int
    # Already sealed under the current key.
    unchanged: int
    # Sealed with a key no longer configured, or tampered: the tenant must set its key again.
    failed: int
    # Changed by someone else between reading and writing: left as they were written.
    superseded: int

    @property
    def complete(self) -> bool:
        return self.failed == 0 and self.superseded == 0

    def summary(self) -> str:
        return f"rotated={self.rotated} unchanged={self.unchanged} failed={self.failed} superseded={self.superseded}"


def rotate_ai_keys(db: Database, keyring: KeyRing, *, batch_size: int = BATCH_SIZE) -> RotationReport:
    rotated = unchanged = failed = superseded = 0
    after: uuid.UUID | None = None
    while True:
        # One short transaction per batch: a long rotation never holds locks for long.
        with db.system_session() as uow:
            batch = uow.sealed_ai_keys.batch(after=after, limit=batch_size)
            if not batch:
                break
            result = rotate(batch, keyring)
            originals = {row.tenant_id: row.sealed for row in batch}
            for row in result.rotated:
                if uow.sealed_ai_keys.reseal(row.tenant_id, old=originals[row.tenant_id], new=row.sealed):
                    rotated += 1
                else:
                    superseded += 1
                    log.warning("tenant %s changed its AI key during the rotation; its new key was kept", row.tenant_id)
        unchanged += result.unchanged
        failed += len(result.failed_tenant_ids)
        for tenant_id in result.failed_tenant_ids:
            log.warning("tenant %s: the stored AI key opens with no configured key; left as is (it must be set again)",
                        tenant_id)
        after = uuid.UUID(batch[-1].tenant_id)
    return RotationReport(rotated=rotated, unchanged=unchanged, failed=failed, superseded=superseded)
