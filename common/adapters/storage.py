"""Object storage (S3 / MinIO) behind the architecture's StorageAdapter interface.

Keys given to this adapter come from ``common.storage_keys`` and are relative
(``<tenant_id>/courses/<id>/content.json``); the adapter prepends the configured
base path (``S3_BASE_PATH``, ``data``) and refuses any key that does not start
with a canonical tenant id, so a hand-built key cannot leave the tenant layout.

Errors are domain errors: a missing object is ``NotFound``; an unreachable
endpoint, a missing bucket or refused credentials are ``Unavailable``. Their
messages never name the endpoint, bucket or credentials (the log line carries
the S3 error code for operators). A body over ``S3_MAX_BODY_BYTES`` is refused
with ``InvalidArgument`` before anything is sent.

boto3 is imported on first use so targets that never touch S3 start fast.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO, Protocol, TypeVar
from urllib.parse import quote

from common.config import S3Settings
from common.errors import AlreadyExists, InvalidArgument, NotFound, Unavailable
from common.storage_keys import tenant_of
from common.transaction_guard import outside_call

log = logging.getLogger("mirai.storage")

T = TypeVar("T")

_MISSING = {"NoSuchKey", "404", "NotFound"}
# If-None-Match: * lost: the key exists (412), or another conditional write is in flight (409).
_TAKEN = {"PreconditionFailed", "412", "ConditionalRequestConflict"}
_MAX_PRESIGN_SECONDS = 7 * 24 * 3600  # the S3 SigV4 limit
_DELETE_BATCH = 1000  # the S3 DeleteObjects limit
_PART_BYTES = 8 * 1024 * 1024  # S3's minimum part is 5 MiB
_UPLOAD_THREADS = 4


def content_disposition(file_name: str) -> str:
    """``attachment`` under ``file_name``: an ASCII fallback plus the RFC 5987 UTF-8 form."""
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "_" for ch in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


@dataclass(frozen=True)
class ObjectHead:
    """The start of an object and what S3 records about it (for checking uploads)."""

    head: bytes
    content_type: str | None
    size: int


class Storage(Protocol):
    """The port. Every ``key``/``prefix`` is built by ``common.storage_keys``."""

    def put_json(self, key: str, value: Any) -> None:
        """Store ``value`` as compact UTF-8 JSON (sorted keys), replacing any object at ``key``."""

    def get_json(self, key: str) -> Any:
        """The decoded JSON at ``key``; ``NotFound`` when absent."""

    def put(self, key: str, content: bytes, content_type: str) -> None:
        """Store raw bytes; ``InvalidArgument`` (field ``content``) over the size limit."""

    def put_new(self, key: str, content: bytes, content_type: str) -> None:
        """Store raw bytes only if ``key`` is free; ``AlreadyExists`` when an object is there."""

    def age_seconds(self, key: str) -> float:
        """Seconds since the object at ``key`` was written; ``NotFound`` when absent."""

    def get(self, key: str) -> bytes:
        """The object's bytes; ``NotFound`` when absent."""

    def peek(self, key: str, length: int) -> ObjectHead:
        """The first ``length`` bytes, the stored content type and the size; ``NotFound`` when absent."""

    def delete(self, key: str) -> None:
        """Remove ``key``; deleting a missing object is not an error."""

    def delete_prefix(self, prefix: str) -> int:
        """Remove every object under ``prefix`` (e.g. a course and its versions); returns how many."""

    def list_keys(self, prefix: str) -> list[str]:
        """Every key under ``prefix``, relative (without the base path), in key order."""

    def presigned_upload_url(self, key: str, *, expires_in: int | None = None, content_type: str | None = None) -> str:
        """A URL a browser can PUT the object to; the PUT must send ``content_type`` when given."""

    def upload_file(self, key: str, source: BinaryIO, content_type: str) -> None:
        """Store a file of any size read from ``source`` (seekable), in parts: never whole in memory."""

    def presigned_download_url(self, key: str, *, expires_in: int | None = None, file_name: str | None = None) -> str:
        """A URL a browser can GET the object from; with ``file_name``, saved under that name."""

    def ping(self) -> None:
        """``Unavailable`` unless the bucket answers."""

    def full_key(self, key: str) -> str:
        """The bucket key of ``key`` (base path prepended), as stored in ``object_key`` columns."""

    def relative_key(self, bucket: str, full: str) -> str | None:
        """``full`` without the base path when it lies in this bucket under it, else None."""


class S3Storage:
    def __init__(self, settings: S3Settings) -> None:
        self._settings = settings
        self._client: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3
            from botocore.config import Config

            self._client = boto3.client(
                "s3",
                endpoint_url=self._settings.endpoint,
                region_name=self._settings.region,
                aws_access_key_id=self._settings.access_key,
                aws_secret_access_key=self._settings.secret_key,
                config=Config(
                    s3={"addressing_style": "path"},
                    retries={"total_max_attempts": self._settings.max_attempts, "mode": "standard"},
                    connect_timeout=self._settings.connect_timeout_seconds,
                    read_timeout=self._settings.read_timeout_seconds,
                    # boto3 >= 1.36 adds CRC checksums to every upload by default; older
                    # MinIO releases and other S3-compatible stores reject or ignore them.
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
            )
        return self._client

    @property
    def bucket(self) -> str:
        return self._settings.bucket

    @property
    def max_body_bytes(self) -> int:
        return self._settings.max_body_bytes

    def full_key(self, key: str) -> str:
        """The bucket key of ``key``: validated, with the base path prepended."""
        tenant_of(key)
        base = self._settings.base_path
        return f"{base}/{key}" if base else key

    def _strip(self, full: str) -> str:
        base = self._settings.base_path
        return full[len(base) + 1 :] if base and full.startswith(base + "/") else full

    def relative_key(self, bucket: str, full: str) -> str | None:
        if bucket != self.bucket:
            return None
        base = self._settings.base_path
        if not base:
            return full
        return full[len(base) + 1 :] if full.startswith(base + "/") else None

    def _expiry(self, expires_in: int | None) -> int:
        seconds = self._settings.presign_ttl_seconds if expires_in is None else expires_in
        if not 1 <= seconds <= _MAX_PRESIGN_SECONDS:
            raise InvalidArgument(
                f"must be between 1 and {_MAX_PRESIGN_SECONDS} seconds", field="expires_in"
            )
        return seconds

    def _call(self, operation: str, action: Callable[[], T], *, network: bool = True) -> T:
        """Run one S3 call, translating its failures into domain errors. Presigning is
        local computation (``network=False``) and may run inside a transaction."""
        from botocore.exceptions import BotoCoreError, ClientError

        if network:
            outside_call(f"s3 {operation}")
        try:
            return action()
        except ClientError as err:
            code = str(err.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                raise NotFound("object not found") from None
            if code in _TAKEN:
                raise AlreadyExists("an object already exists at this key") from None
            log.warning("object storage %s refused: %s", operation, code or type(err).__name__)
            raise Unavailable(f"object storage refused the {operation}") from None
        except BotoCoreError as err:
            # The exception text names the endpoint; only its type is logged.
            log.warning("object storage %s failed: %s", operation, type(err).__name__)
            raise Unavailable("object storage unreachable") from None

    def put(self, key: str, content: bytes, content_type: str) -> None:
        full = self.full_key(key)
        if len(content) > self.max_body_bytes:
            raise InvalidArgument(f"is larger than {self.max_body_bytes} bytes", field="content")
        self._call(
            "upload",
            lambda: self.client.put_object(Bucket=self.bucket, Key=full, Body=content, ContentType=content_type),
        )

    def put_new(self, key: str, content: bytes, content_type: str) -> None:
        """Like ``put``, but only if no object exists at ``key`` (If-None-Match: *, which AWS S3,
        MinIO and moto honour); ``AlreadyExists`` otherwise. Nothing is ever overwritten."""
        full = self.full_key(key)
        if len(content) > self.max_body_bytes:
            raise InvalidArgument(f"is larger than {self.max_body_bytes} bytes", field="content")
        self._call(
            "upload",
            lambda: self.client.put_object(Bucket=self.bucket, Key=full, Body=content, ContentType=content_type,
                                           IfNoneMatch="*"),
        )

    def age_seconds(self, key: str) -> float:
        """How long ago the object at ``key`` was written; ``NotFound`` when absent."""
        full = self.full_key(key)
        head = self._call("head", lambda: self.client.head_object(Bucket=self.bucket, Key=full))
        modified: datetime = head["LastModified"]
        return (datetime.now(UTC) - modified).total_seconds()

    def put_json(self, key: str, value: Any) -> None:
        body = json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False, allow_nan=False).encode("utf-8")
        self.put(key, body, "application/json")

    def get(self, key: str) -> bytes:
        full = self.full_key(key)

        def read() -> bytes:
            obj = self.client.get_object(Bucket=self.bucket, Key=full)
            with obj["Body"] as body:
                data: bytes = body.read()
            return data

        return self._call("download", read)

    def peek(self, key: str, length: int) -> ObjectHead:
        """A ranged GET: uploads are checked by their first bytes without reading them whole."""
        full = self.full_key(key)

        def read() -> ObjectHead:
            obj = self.client.get_object(Bucket=self.bucket, Key=full, Range=f"bytes=0-{max(length, 1) - 1}")
            with obj["Body"] as body:
                head: bytes = body.read(length)
            total = str(obj.get("ContentRange", "")).rpartition("/")[2]
            size = int(total) if total.isdigit() else int(obj.get("ContentLength", len(head)))
            return ObjectHead(head=head, content_type=obj.get("ContentType"), size=size)

        return self._call("download", read)

    def get_json(self, key: str) -> Any:
        """Corrupt JSON raises ``ValueError``: it is a bug or tampering, never an expected failure."""
        return json.loads(self.get(key))

    def delete(self, key: str) -> None:
        full = self.full_key(key)
        self._call("delete", lambda: self.client.delete_object(Bucket=self.bucket, Key=full))

    def delete_prefix(self, prefix: str) -> int:
        full_keys = [self.full_key(key) for key in self.list_keys(prefix)]
        for start in range(0, len(full_keys), _DELETE_BATCH):
            batch = [{"Key": key} for key in full_keys[start : start + _DELETE_BATCH]]

            def delete_batch(batch: list[dict[str, str]] = batch) -> Any:
                return self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

            result = self._call("delete", delete_batch)
            if result.get("Errors"):
                codes = sorted({str(e.get("Code")) for e in result["Errors"]})
                log.warning("object storage delete left %d objects: %s", len(result["Errors"]), codes)
                raise Unavailable("object storage refused the delete")
        return len(full_keys)

    def list_keys(self, prefix: str) -> list[str]:
        full = self.full_key(prefix)
        return self._call("listing", lambda: list(self._iter_keys(full)))

    def _iter_keys(self, full_prefix: str) -> Iterator[str]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full_prefix):
            for item in page.get("Contents", []):
                yield self._strip(item["Key"])

    def presigned_upload_url(self, key: str, *, expires_in: int | None = None, content_type: str | None = None) -> str:
        """Presigned PUT cannot bound the body size; callers check the size in the upload event."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": self.full_key(key)}
        if content_type:
            params["ContentType"] = content_type
        seconds = self._expiry(expires_in)
        url: str = self._call(
            "presign", lambda: self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=seconds),
            network=False,
        )
        return url

    def upload_file(self, key: str, source: BinaryIO, content_type: str) -> None:
        """boto3's managed transfer: one PUT below the threshold, else a multipart upload of
        ``_PART_BYTES`` parts (each part a request under the client's connect/read timeouts and
        retries); a failed multipart upload is aborted by boto3, so no partial object appears."""
        from boto3.exceptions import S3UploadFailedError
        from boto3.s3.transfer import TransferConfig

        full = self.full_key(key)
        transfer = TransferConfig(multipart_threshold=_PART_BYTES, multipart_chunksize=_PART_BYTES,
                                  max_concurrency=_UPLOAD_THREADS, use_threads=True)
        source.seek(0)
        try:
            self._call("upload", lambda: self.client.upload_fileobj(
                source, self.bucket, full, ExtraArgs={"ContentType": content_type}, Config=transfer))
        except S3UploadFailedError:
            # The transfer manager wraps the S3 error; its text names the bucket and key.
            log.warning("object storage upload failed: S3UploadFailedError")
            raise Unavailable("object storage refused the upload") from None

    def presigned_download_url(self, key: str, *, expires_in: int | None = None, file_name: str | None = None) -> str:
        params = {"Bucket": self.bucket, "Key": self.full_key(key)}
        if file_name:
            params["ResponseContentDisposition"] = content_disposition(file_name)
        seconds = self._expiry(expires_in)
        url: str = self._call(
            "presign", lambda: self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=seconds),
            network=False,
        )
        return url

    def ensure_bucket(self) -> None:
        """Local and test setups create their bucket; production's exists already."""
        from botocore.exceptions import ClientError

        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)

    def ping(self) -> None:
        try:
            self._call("health check", lambda: self.client.head_bucket(Bucket=self.bucket))
        except NotFound:
            raise Unavailable("object storage bucket missing") from None
