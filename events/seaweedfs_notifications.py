"""SeaweedFS filer webhook events → the same ``ObjectCreated`` a MinIO notification gives.

SeaweedFS (``[notification.webhook]`` in ``notification.toml``) POSTs one filer
metadata event per request, not an S3 record:
``{"key": "/buckets/<bucket>/<object key>", "event_type": "create"|"update"|"delete"|"rename",
"message": <filer_pb.EventNotification as Go's encoding/json writes it>}``
(``weed/notification/webhook/http.go``). Only what S3 calls an object write becomes
an event: a file (not a directory) created or rewritten under a bucket. The
filer's own bookkeeping is skipped: bucket directories, ``/buckets/.system``,
multipart parts staged under ``<bucket>/.uploads/``, deletes, and updates that
changed metadata but no bytes.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

from events.s3_notifications import MalformedNotification, ObjectCreated

BUCKETS_FOLDER = "/buckets"
"""The filer folder S3 buckets live in (SeaweedFS's default ``buckets_folder``)."""

_WRITES = {"create", "update"}
_STAGING = ".uploads/"
_ETAG = "Seaweed-X-Amz-ETag"
_UPLOAD_ID = "X-Seaweedfs-Upload-Id"


def _mapping(value: Any, field: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MalformedNotification(f"{field} is not an object")
    return value


def _decoded(value: Any) -> str | None:
    """Go's encoding/json writes ``[]byte`` as base64."""
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None


def _etag(entry: dict[str, Any], attributes: dict[str, Any]) -> str | None:
    # The S3 gateway stores the ETag it answered with (hex MD5, or "<md5>-<parts>" for multipart).
    stored = _decoded(_mapping(entry.get("extended"), "message.new_entry.extended").get(_ETAG))
    if stored:
        return stored.strip('"')
    md5 = attributes.get("md5")
    if isinstance(md5, str):
        try:
            return base64.b64decode(md5, validate=True).hex()
        except binascii.Error:
            return None
    return None


def _chunks(entry: dict[str, Any]) -> list[dict[str, Any]]:
    chunks = entry.get("chunks")
    return [c for c in chunks if isinstance(c, dict)] if isinstance(chunks, list) else []


def _chunk_ids(entry: dict[str, Any]) -> list[Any]:
    return [c.get("fid") or c.get("file_id") for c in _chunks(entry)]


def _written_at_ns(entry: dict[str, Any], attributes: dict[str, Any]) -> int:
    """When these bytes were written: the newest chunk's nanosecond stamp, else the mtime."""
    stamps = [c.get("modified_ts_ns") for c in _chunks(entry)]
    latest = max((s for s in stamps if isinstance(s, int)), default=0)
    if latest:
        return latest
    seconds, nanos = attributes.get("mtime", 0), attributes.get("mtime_ns", 0)
    return int(seconds) * 1_000_000_000 + int(nanos) if isinstance(seconds, int) and isinstance(nanos, int) else 0


def _event_time(ns: int) -> str:
    # MinIO's format: RFC 3339 in UTC with milliseconds, e.g. 2019-09-10T15:31:47.514Z.
    return datetime.fromtimestamp(ns / 1e9, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _bucket_and_key(path: str, buckets_folder: str) -> tuple[str, str] | None:
    prefix = buckets_folder.rstrip("/") + "/"
    if not path.startswith(prefix):
        return None
    bucket, _, key = path[len(prefix) :].partition("/")
    # Bucket names cannot start with a dot: ".system" is the filer's own folder.
    if not bucket or bucket.startswith(".") or not key or key.startswith(_STAGING):
        return None
    return bucket, key


def object_created(payload: Any, *, buckets_folder: str = BUCKETS_FOLDER) -> ObjectCreated | None:
    """The object write one webhook call reports, or None when it reports no object write."""
    if not isinstance(payload, dict):
        raise MalformedNotification("body is not a SeaweedFS filer event")
    event_type, message = payload.get("event_type"), payload.get("message")
    if not isinstance(event_type, str) or not event_type:
        raise MalformedNotification("event_type is missing")
    if not isinstance(message, dict):
        raise MalformedNotification("message is missing")
    if event_type not in _WRITES:
        return None
    entry = _mapping(message.get("new_entry"), "message.new_entry")
    name, parent = entry.get("name"), message.get("new_parent_path")
    if not isinstance(name, str) or not name or not isinstance(parent, str) or not parent:
        raise MalformedNotification("message.new_entry.name or message.new_parent_path is missing")
    if entry.get("is_directory"):
        return None
    location = _bucket_and_key(f"{parent.rstrip('/')}/{name}", buckets_folder)
    if location is None:
        return None
    old = _mapping(message.get("old_entry"), "message.old_entry")
    attributes = _mapping(entry.get("attributes"), "message.new_entry.attributes")
    etag = _etag(entry, attributes)
    if old and _chunk_ids(old) == _chunk_ids(entry) and _etag(old, _mapping(old.get("attributes"), "message.old_entry.attributes")) == etag:
        return None  # tags, ACL or metadata changed; no new bytes
    size = attributes.get("file_size", 0)
    if not isinstance(size, int) or size < 0:
        raise MalformedNotification("message.new_entry.attributes.file_size is not a size")
    written_ns = _written_at_ns(entry, attributes)
    multipart = _mapping(entry.get("extended"), "message.new_entry.extended").get(_UPLOAD_ID)
    mime = attributes.get("mime")
    bucket, key = location
    return ObjectCreated(
        bucket=bucket,
        key=key,
        size=size,
        etag=etag,
        content_type=mime if isinstance(mime, str) and mime else None,
        version_id=None,
        # Nanoseconds of the write, hex like MinIO's: the same for a redelivery, later for a later write.
        sequencer=f"{written_ns:016X}" if written_ns else None,
        event_name="s3:ObjectCreated:CompleteMultipartUpload" if multipart else "s3:ObjectCreated:Put",
        event_time=_event_time(written_ns) if written_ns else "",
    )
