"""S3Storage against a real S3 endpoint (moto's server over HTTP)."""

from __future__ import annotations

import io
import os
import urllib.request
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from common import storage_keys
from common.adapters.storage import S3Storage
from common.config import S3Settings
from common.errors import InvalidArgument, NotFound, Unavailable
from tests.conftest import free_port

pytestmark = pytest.mark.integration


def _ids() -> tuple[uuid.UUID, uuid.UUID]:
    return uuid.uuid4(), uuid.uuid4()


def test_json_round_trips_under_the_base_path_and_tenant_prefix(storage: S3Storage) -> None:
    tenant, course = _ids()
    key = storage_keys.course_content(tenant, course)
    content = {"title": "Café safety", "blocks": [{"type": "text", "body": "ü"}]}

    storage.put_json(key, content)

    assert storage.get_json(key) == content
    raw = storage.client.list_objects_v2(Bucket=storage.bucket, Prefix=f"data/{tenant}/")
    assert [item["Key"] for item in raw["Contents"]] == [f"data/{tenant}/courses/{course}/content.json"]
    head = storage.client.head_object(Bucket=storage.bucket, Key=f"data/{key}")
    assert head["ContentType"] == "application/json"


def test_missing_object_is_not_found(storage: S3Storage) -> None:
    tenant, course = _ids()
    with pytest.raises(NotFound):
        storage.get(storage_keys.course_content(tenant, course))
    with pytest.raises(NotFound):
        storage.get_json(storage_keys.course_version(tenant, course, 3))


def test_body_over_the_limit_is_refused_before_upload(s3_settings: S3Settings) -> None:
    small = S3Storage(replace(s3_settings, max_body_bytes=1024))
    tenant, submission = _ids()
    key = storage_keys.submission_file(tenant, submission, "essay.pdf")

    with pytest.raises(InvalidArgument) as raised:
        small.put(key, b"x" * 1025, "application/pdf")
    assert raised.value.field == "content"
    with pytest.raises(InvalidArgument):
        small.put_json(storage_keys.course_content(tenant, submission), {"body": "y" * 2000})

    assert small.list_keys(storage_keys.tenant_prefix(tenant)) == []
    small.put(key, b"x" * 1024, "application/pdf")
    assert small.get(key) == b"x" * 1024


def test_delete_removes_the_object_and_tolerates_a_missing_one(storage: S3Storage) -> None:
    tenant, export = _ids()
    key = storage_keys.export_archive(tenant, export)
    storage.put(key, b"PK\x03\x04", "application/zip")

    storage.delete(key)
    storage.delete(key)

    with pytest.raises(NotFound):
        storage.get(key)


def test_list_keys_is_relative_and_stays_inside_the_prefix(storage: S3Storage) -> None:
    tenant, course = _ids()
    other_tenant, other_course = _ids()
    storage.put_json(storage_keys.course_content(tenant, course), {"v": 0})
    storage.put_json(storage_keys.course_version(tenant, course, 1), {"v": 1})
    storage.put_json(storage_keys.course_version(tenant, course, 2), {"v": 2})
    storage.put_json(storage_keys.course_content(tenant, other_course), {"v": 0})
    storage.put_json(storage_keys.course_content(other_tenant, course), {"v": 0})

    versions = storage.list_keys(storage_keys.course_versions_prefix(tenant, course))
    everything = storage.list_keys(storage_keys.tenant_prefix(tenant))

    assert versions == [storage_keys.course_version(tenant, course, 1), storage_keys.course_version(tenant, course, 2)]
    assert len(everything) == 4
    assert all(key.startswith(f"{tenant}/") for key in everything)


def test_delete_prefix_removes_a_course_and_its_versions_only(storage: S3Storage) -> None:
    tenant, course = _ids()
    kept = uuid.uuid4()
    storage.put_json(storage_keys.course_content(tenant, course), {"v": 0})
    storage.put_json(storage_keys.course_version(tenant, course, 1), {"v": 1})
    storage.put_json(storage_keys.course_content(tenant, kept), {"v": 0})

    removed = storage.delete_prefix(storage_keys.course_prefix(tenant, course))

    assert removed == 2
    assert storage.list_keys(storage_keys.tenant_prefix(tenant)) == [storage_keys.course_content(tenant, kept)]


def test_presigned_urls_upload_and_download_over_http(storage: S3Storage) -> None:
    tenant, submission = _ids()
    key = storage_keys.submission_file(tenant, submission, "answer.txt")

    upload = storage.presigned_upload_url(key, expires_in=60, content_type="text/plain")
    request = urllib.request.Request(upload, data=b"my answer", method="PUT", headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200

    assert storage.get(key) == b"my answer"
    with urllib.request.urlopen(storage.presigned_download_url(key), timeout=10) as response:
        assert response.read() == b"my answer"


def test_a_large_file_is_uploaded_in_parts_and_downloads_under_its_name(storage: S3Storage, tmp_path: Path) -> None:
    tenant, export = _ids()
    key = storage_keys.export_archive(tenant, export)
    path = tmp_path / "export.zip"
    path.write_bytes(os.urandom(1024) * (9 * 1024))  # 9 MiB: above the 8 MiB part size
    with path.open("rb") as source:
        storage.upload_file(key, source, "application/zip")
    head = storage.client.head_object(Bucket=storage.bucket, Key=storage.full_key(key))
    assert head["ContentType"] == "application/zip" and head["ContentLength"] == path.stat().st_size
    assert head["ETag"].strip('"').endswith("-2")  # a multipart upload of two parts
    url = storage.presigned_download_url(key, file_name="Sécurité-scorm2004.zip")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == path.read_bytes()
        assert response.headers["Content-Disposition"] == (
            "attachment; filename=\"S_curit_-scorm2004.zip\"; filename*=UTF-8''S%C3%A9curit%C3%A9-scorm2004.zip")


def test_presign_lifetime_outside_the_sigv4_limits_is_refused(storage: S3Storage) -> None:
    key = storage_keys.export_archive(uuid.uuid4(), uuid.uuid4())
    for seconds in (0, 7 * 24 * 3600 + 1):
        with pytest.raises(InvalidArgument) as raised:
            storage.presigned_download_url(key, expires_in=seconds)
        assert raised.value.field == "expires_in"


@pytest.mark.parametrize(
    "key",
    [
        "../secrets.json",
        "data/../x",
        "courses/content.json",
        "not-a-uuid/courses/x/content.json",
        "{tenant}/../{other}/courses/x/content.json",
        "{tenant}/courses/../../{other}/content.json",
        "{TENANT}/courses/x/content.json",
        "/{tenant}/courses/x/content.json",
    ],
)
def test_hand_built_keys_cannot_escape_the_tenant_prefix(storage: S3Storage, key: str) -> None:
    tenant, other = _ids()
    key = key.format(tenant=tenant, other=other, TENANT=str(tenant).upper())

    with pytest.raises(InvalidArgument):
        storage.put(key, b"{}", "application/json")
    with pytest.raises(InvalidArgument):
        storage.get(key)
    with pytest.raises(InvalidArgument):
        storage.list_keys(key)
    with pytest.raises(InvalidArgument):
        storage.presigned_upload_url(key)

    assert storage.list_keys(storage_keys.tenant_prefix(other)) == []


def test_unreachable_endpoint_is_unavailable_without_leaking_the_endpoint_or_secret() -> None:
    port = free_port()
    settings = S3Settings(
        endpoint=f"http://127.0.0.1:{port}",
        region="us-east-1",
        access_key="AKIAEXAMPLEKEY",
        secret_key="super-secret-value",
        bucket="mirai",
        base_path="data",
        presign_ttl_seconds=900,
        max_body_bytes=1024 * 1024,
    )
    dead = S3Storage(settings)
    key = storage_keys.course_content(uuid.uuid4(), uuid.uuid4())

    for call in (lambda: dead.get(key), lambda: dead.put_json(key, {"a": 1}), dead.ping,
                 lambda: dead.upload_file(key, io.BytesIO(b"x" * 100), "application/zip")):
        with pytest.raises(Unavailable) as raised:
            call()
        message = str(raised.value)
        assert str(port) not in message
        assert "127.0.0.1" not in message
        assert "super-secret-value" not in message and "AKIAEXAMPLEKEY" not in message
        assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_missing_bucket_is_unavailable_not_not_found(s3_settings: S3Settings) -> None:
    wrong = S3Storage(replace(s3_settings, bucket=f"missing-{uuid.uuid4().hex[:8]}"))
    key = storage_keys.course_content(uuid.uuid4(), uuid.uuid4())

    with pytest.raises(Unavailable):
        wrong.get(key)
    with pytest.raises(Unavailable):
        wrong.ping()
