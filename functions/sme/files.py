"""Removing an SME's or a submission's objects once the rows that name them are gone.

Runs after the commit (no transaction holds a connection during S3 calls). A failure
leaves orphans, never dangling rows: it is logged and the RPC still succeeds, since
what the caller asked for (the rows and their knowledge) is already deleted."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from common import storage_keys
from common.errors import AppError

log = logging.getLogger("mirai.sme")


def remove_objects(storage: Any, tenant_id: uuid.UUID, *, submission_ids: Iterable[uuid.UUID] = (),
                   sme_id: uuid.UUID | None = None) -> None:
    prefixes = [storage_keys.submission_files_prefix(tenant_id, s) for s in submission_ids]
    if sme_id is not None:
        prefixes.append(storage_keys.sme_prefix(tenant_id, sme_id))
    for prefix in prefixes:
        try:
            storage.delete_prefix(prefix)
        except AppError as err:
            log.warning("objects of a deleted SME or submission left behind: %s", type(err).__name__)
