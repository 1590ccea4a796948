"""S3 event-notification records → ``io.minio.object.created`` CloudEvents.

The record format is the one AWS S3 defined and MinIO (and other S3-compatible
stores) send: ``{"Records": [{"eventName", "eventTime", "s3": {"bucket", "object"}}]}``.
Only fields every implementation sends are relied on; MinIO's extras
(``EventName``/``Key`` at the top, ``userMetadata``) are ignored.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote_plus

from cloudevents.http import CloudEvent

OBJECT_CREATED = "io.minio.object.created"
_ID_NAMESPACE = uuid.UUID("6b1f3b5e-8f5e-4f43-9c43-7f7a4c2f0a11")
# Within S3's bucket naming rules (a-z 0-9 . -), so ``s3://<bucket>`` is a valid event source.
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{0,62}")


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
        if _is_rfc3339(self.event_time):
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


def _is_rfc3339(value: str) -> bool:
    # The broker refuses an event whose time is not a timestamp; the data keeps the raw text.
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return "T" in value and parsed.tzinfo is not None


def _lookup(value: Any, *names: str) -> Any:
    """``value[names[0]][names[1]]…``, or None where a step is missing or not an object."""
    for name in names:
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _optional_text(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    return value if isinstance(value, str) else None


def _key(raw: str, path: str) -> str:
    # Keys arrive form-URL-encoded (a space is "+"), in AWS's format and MinIO's alike.
    try:
        key = unquote_plus(raw, errors="strict")
        key.encode("utf-8")  # a lone surrogate from a JSON escape is not a character
    except UnicodeError:
        raise MalformedNotification(f"{path}.s3.object.key is not valid UTF-8") from None
    return key


def _record(raw: Any, index: int) -> ObjectCreated | None:
    path = f"Records[{index}]"
    if not isinstance(raw, dict):
        raise MalformedNotification(f"{path} is not an object")
    event_name = raw.get("eventName")
    if not isinstance(event_name, str):
        raise MalformedNotification(f"{path}.eventName is missing")
    if not _is_object_created(event_name):
        return None
    bucket = _lookup(raw, "s3", "bucket", "name")
    obj = _lookup(raw, "s3", "object")
    obj = obj if isinstance(obj, dict) else {}
    key = obj.get("key")
    if not isinstance(bucket, str) or not _BUCKET.fullmatch(bucket):
        raise MalformedNotification(f"{path}.s3.bucket.name is missing or not a bucket name")
    if not isinstance(key, str) or not key:
        raise MalformedNotification(f"{path}.s3.object.key is missing")
    size = obj.get("size", 0)
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise MalformedNotification(f"{path}.s3.object.size is not a size")
    return ObjectCreated(
        bucket=bucket,
        key=_key(key, path),
        size=size,
        etag=_optional_text(obj, "eTag"),
        content_type=_optional_text(obj, "contentType"),
        version_id=_optional_text(obj, "versionId"),
        sequencer=_optional_text(obj, "sequencer"),
        event_name=event_name,
        event_time=raw["eventTime"] if isinstance(raw.get("eventTime"), str) else "",
    )


def objects_created(notification: Any) -> list[ObjectCreated]:
    """Every object-created record of one notification body; other event kinds are skipped."""
    if not isinstance(notification, dict) or not isinstance(notification.get("Records"), list):
        raise MalformedNotification("body has no Records list")
    parsed = (_record(raw, i) for i, raw in enumerate(notification["Records"]))
    return [record for record in parsed if record is not None]
