"""Object storage (S3 / MinIO) behind the architecture's StorageAdapter interface.

Keys given to this adapter are relative to the tenant's prefix builder in
``common.storage_keys``; the adapter adds the configured base path (``data``).
boto3 is imported on first use so targets that never touch S3 start fast.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from common.config import S3Settings
from common.errors import NotFound, Unavailable


class Storage(Protocol):
    def put_json(self, key: str, value: Any) -> None: ...
    def get_json(self, key: str) -> Any: ...
    def put(self, key: str, content: bytes, content_type: str) -> None: ...
    def get(self, key: str) -> bytes: ...
    def delete(self, key: str) -> None: ...
    def list_keys(self, prefix: str) -> list[str]: ...
    def presigned_upload_url(self, key: str, *, expires_in: int, content_type: str | None = None) -> str: ...
    def presigned_download_url(self, key: str, *, expires_in: int) -> str: ...
    def ping(self) -> None: ...


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
                    retries={"max_attempts": 3, "mode": "standard"},
                    connect_timeout=3,
                    read_timeout=10,
                ),
            )
        return self._client

    @property
    def bucket(self) -> str:
        return self._settings.bucket

    def _full(self, key: str) -> str:
        key = key.lstrip("/")
        base = self._settings.base_path
        return f"{base}/{key}" if base else key

    def _strip(self, full: str) -> str:
        base = self._settings.base_path
        return full[len(base) + 1:] if base and full.startswith(base + "/") else full

    def put(self, key: str, content: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._full(key), Body=content, ContentType=content_type)

    def put_json(self, key: str, value: Any) -> None:
        body = json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
        self.put(key, body, "application/json")

    def get(self, key: str) -> bytes:
        from botocore.exceptions import ClientError

        try:
            obj = self.client.get_object(Bucket=self.bucket, Key=self._full(key))
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                raise NotFound("object not found") from None
            raise
        body: bytes = obj["Body"].read()
        return body

    def get_json(self, key: str) -> Any:
        return json.loads(self.get(key))

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._full(key))

    def list_keys(self, prefix: str) -> list[str]:
        keys: list[str] = []
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self._full(prefix)):
            keys.extend(self._strip(item["Key"]) for item in page.get("Contents", []))
        return keys

    def presigned_upload_url(self, key: str, *, expires_in: int, content_type: str | None = None) -> str:
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": self._full(key)}
        if content_type:
            params["ContentType"] = content_type
        url: str = self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=expires_in)
        return url

    def presigned_download_url(self, key: str, *, expires_in: int) -> str:
        url: str = self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": self._full(key)}, ExpiresIn=expires_in
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
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as err:
            raise Unavailable(f"object storage unreachable: {type(err).__name__}") from None
