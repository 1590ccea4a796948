"""io.minio.object.created → the area that awaits the object checks it, or it is deleted.

Objects outside this deployment's bucket and base path are not ours and are left alone;
objects under it at a key no upload URL is made for, or of a kind nothing accepts, are
deleted. Redelivery is expected (S3 notifies at least once): every handler is
idempotent on the object (its key and etag), so the job keeps no mark of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import InvalidArgument
from common.storage_keys import upload_destination
from functions.uploads.landing import LandedUpload, handler_for, refuse

log = logging.getLogger("mirai.jobs")


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value:
        raise InvalidArgument("the event names no object", field=f"data.{name}")
    return value


def _size(data: dict[str, Any]) -> int:
    value = data.get("size")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgument("the event gives no object size", field="data.size")
    return value


def accept_upload(container: Any) -> Callable[[CloudEvent], None]:
    def on_event(event: CloudEvent) -> None:
        data = event.data if isinstance(event.data, dict) else {}
        bucket, full_key, size = _text(data, "bucket"), _text(data, "key"), _size(data)
        key = container.storage.relative_key(bucket, full_key)
        if key is None:
            log.info("object-created event for another bucket or prefix; not ours")
            return
        destination = upload_destination(key)
        if destination is None:
            refuse(container.storage, key, None, "no upload URL is made for this key")
            return
        handler = handler_for(destination.kind)
        if handler is None:
            refuse(container.storage, key, destination, f"uploads of kind {destination.kind} are not accepted yet")
            return
        content_type = data.get("content_type") if isinstance(data.get("content_type"), str) else None
        etag = data.get("etag") if isinstance(data.get("etag"), str) else None
        handler(container, LandedUpload(key=key, destination=destination, size=size, content_type=content_type,
                                        etag=etag, event_id=str(event["id"])))

    return on_event
