"""S3 event-notification records → ``io.minio.object.created`` CloudEvents.

The record format is the one AWS S3 defined and MinIO (and other S3-compatible
stores) send: ``{"Records": [{"eventName", "eventTime", "s3": {"bucket", "object"}}]}``.
Only fields every implementation sends are relied on; MinIO's extras
(``EventName``/``Key`` at the top, ``userMetadata``) are ignored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from cloudevents.http import CloudEvent

OBJECT_CREATED = "io.minio.object.created"
_ID_NAMESPACE = uuid.UUID("6b1f3b5e-8f5e-4f43-9c43-7f7a4c2f0a11")


class MalformedNotification(ValueError):
    """The body is not an S3 event notification; the message names what is wrong."""


@dataclass(frozen=True)
class ObjectCreated:
    bucket: str
    key: str
    size: int
    etag: str | None
    content_type: str | None
    version_id: str | None
    sequencer: str | None
    event_name: str
    event_time: str

    def event_id(self) -> str:
        """Stable across redeliveries of the same write, distinct for a later write of the same key."""
        marker = self.sequencer or f"{self.etag}@{self.event_time}"
        return str(uuid.uuid5(_ID_NAMESPACE, f"{self.bucket}/{self.key}#{marker}"))

    def to_cloudevent(self) -> CloudEvent:
        attributes = {
            "id": self.event_id(),
            "type": OBJECT_CREATED,
            "source": f"s3://{self.bucket}",
            "subject": self.key,
            "datacontenttype": "application/json",
        }
        if self.event_time:
            attributes["time"] = self.event_time
        data = {
            "bucket": self.bucket,
            "key": self.key,
            "size": self.size,
            "etag": self.etag,
            "content_type": self.content_type,
            "version_id": self.version_id,
            "sequencer": self.sequencer,
            "event_name": self.event_name,
            "event_time": self.event_time,
        }
        return CloudEvent(attributes, data)


def _is_object_created(event_name: str) -> bool:
    # MinIO: "s3:ObjectCreated:Put"; AWS: "ObjectCreated:Put".
    return event_name.removeprefix("s3:").startswith("ObjectCreated:")


def _record(raw: Any, index: int) -> ObjectCreated | None:
    if not isinstance(raw, dict):
        raise MalformedNotification(f"Records[{index}] is not an object")
    event_name = raw.get("eventName")
    if not isinstance(event_name, str):
        raise MalformedNotification(f"Records[{index}].eventName is missing")
    if not _is_object_created(event_name):
        return None
    s3 = raw.get("s3") or {}
    bucket = (s3.get("bucket") or {}).get("name")
    obj = s3.get("object") or {}
    key = obj.get("key")
    if not isinstance(bucket, str) or not bucket:
        raise MalformedNotification(f"Records[{index}].s3.bucket.name is missing")
    if not isinstance(key, str) or not key:
        raise MalformedNotification(f"Records[{index}].s3.object.key is missing")
    size = obj.get("size", 0)
    if not isinstance(size, int) or size < 0:
        raise MalformedNotification(f"Records[{index}].s3.object.size is not a size")
    return ObjectCreated(
        bucket=bucket,
        # Keys arrive form-URL-encoded (a space is "+"), in AWS's format and MinIO's alike.
        key=unquote_plus(key),
        size=size,
        etag=obj.get("eTag"),
        content_type=obj.get("contentType"),
        version_id=obj.get("versionId"),
        sequencer=obj.get("sequencer"),
        event_name=event_name,
        event_time=str(raw.get("eventTime") or ""),
    )


def objects_created(notification: Any) -> list[ObjectCreated]:
    """Every object-created record of one notification body; other event kinds are skipped."""
    if not isinstance(notification, dict) or not isinstance(notification.get("Records"), list):
        raise MalformedNotification("body has no Records list")
    parsed = (_record(raw, i) for i, raw in enumerate(notification["Records"]))
    return [record for record in parsed if record is not None]
