"""accept_upload: a landed object is routed by its key, or deleted when nothing awaits it."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from cloudevents.http import CloudEvent

from common import storage_keys
from common.adapters.storage import S3Storage
from common.config import S3Settings, Settings
from common.errors import InvalidArgument, NotFound
from functions.bootstrap import Container
from functions.jobs.accept_upload import accept_upload
from tests.integration.adapters.conftest import s3_settings  # noqa: F401  (the session's S3 server)


@pytest.fixture
def container(s3_settings: S3Settings) -> Container:  # noqa: F811
    return Container(replace(Settings.from_env({}), s3=s3_settings))


def _landed(storage: S3Storage, key: str, *, bucket: str | None = None, size: int = 3) -> CloudEvent:
    return CloudEvent(
        {"id": str(uuid.uuid4()), "type": "io.minio.object.created", "source": "s3://test"},
        {"bucket": bucket or storage.bucket, "key": storage.full_key(key), "size": size, "etag": "e",
         "content_type": "image/png"},
    )


def test_an_object_at_a_key_no_upload_url_is_made_for_is_deleted(container: Container) -> None:
    key = storage_keys.course_content(uuid.uuid4(), uuid.uuid4())
    container.storage.put(key, b"abc", "application/json")
    accept_upload(container)(_landed(container.storage, key))
    with pytest.raises(NotFound):
        container.storage.get(key)


def test_an_object_in_another_bucket_is_left_alone(container: Container) -> None:
    key = storage_keys.user_avatar(uuid.uuid4(), uuid.uuid4())
    container.storage.put(key, b"png", "image/png")
    accept_upload(container)(_landed(container.storage, key, bucket="someone-elses"))
    assert container.storage.get(key) == b"png"


def test_an_event_without_object_is_malformed(container: Container) -> None:
    event = CloudEvent({"id": "1", "type": "io.minio.object.created", "source": "s3://test"}, {"size": 1})
    with pytest.raises(InvalidArgument):
        accept_upload(container)(event)
