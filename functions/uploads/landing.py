"""A landed upload, the route table that says which area checks it, and refusal.

A presigned PUT cannot limit what is sent, so every area checks its objects when they
land (size, content type, that a record awaits them) and refuses the rest: a refused
object is deleted, and the reason is logged without the file's name. Handlers are
imported by name so that the upload function loads only the area it dispatches to.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from common.storage_keys import UploadDestination

log = logging.getLogger("mirai.uploads")


@dataclass(frozen=True)
class LandedUpload:
    key: str  # relative to the base path, as common.storage_keys builds it
    destination: UploadDestination
    size: int
    content_type: str | None
    etag: str | None
    event_id: str


Handler = Callable[[Any, LandedUpload], None]

# kind (UploadDestination.kind) -> "module:function" taking (container, LandedUpload).
ROUTES: dict[str, str] = {
    "avatar": "functions.user.avatar_landing:accept_avatar",
    "logo": "functions.company.logo_landing:accept_logo",
    "submission": "functions.sme.landing:accept_submission",
}


def handler_for(kind: str, routes: dict[str, str] | None = None) -> Handler | None:
    target = (ROUTES if routes is None else routes).get(kind)
    if target is None:
        return None
    module, _, name = target.partition(":")
    handler: Handler = getattr(importlib.import_module(module), name)
    return handler


def refuse(storage: Any, key: str, destination: UploadDestination | None, reason: str) -> None:
    """Deletes the object at ``key`` (relative) and logs why; deleting twice is harmless."""
    storage.delete(key)
    kind = destination.kind if destination else "unknown"
    tenant = destination.tenant_id if destination else "unknown"
    log.warning("upload refused and deleted: kind=%s tenant=%s: %s", kind, tenant, reason)
