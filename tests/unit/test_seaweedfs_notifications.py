"""SeaweedFS filer webhook events (captured from the real server) → the MinIO webhook's object-created event."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from events.catalogue import validate_data
from events.s3_notifications import MalformedNotification, objects_created
from events.seaweedfs_notifications import object_created
from tests.support.crds import CONFORMANCE

CAPTURED = json.loads((CONFORMANCE / "events" / "seaweedfs" / "filer-webhook-4.48.json").read_text())
MINIO_SAMPLE = CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.kafka-example.json"


def _captured(operation_starts: str) -> dict[str, Any]:
    (sample,) = [s for s in CAPTURED if s["operation"].startswith(operation_starts)]
    return copy.deepcopy(sample["body"])


def test_a_put_becomes_the_object_created_event_the_minio_webhook_emits() -> None:
    record = object_created(_captured("PutObject data/t-1"))
    assert record is not None
    event = record.to_cloudevent()
    assert (event["type"], event["source"], event["subject"]) == ("io.minio.object.created", "s3://mirai", "data/t-1/sme/Q3 report (final)é.pdf")
    assert event["time"] == "2026-12-02T11:22:52.801Z"
    validate_data(event["type"], event.data)
    assert event.data == {
        "bucket": "mirai",
        "key": "data/t-1/sme/Q3 report (final)é.pdf",
        "size": 5,
        "etag": "5d41402abc4b2a76b9719d911017c592",  # MD5 of b"hello", as S3 answered it
        "content_type": "application/pdf",
        "version_id": None,
        "sequencer": "18ED6BFFCDA74A67",
        "event_name": "s3:ObjectCreated:Put",
        "event_time": "2026-12-02T11:22:52.801Z",
    }


def test_the_event_has_the_same_attributes_and_data_fields_as_one_from_a_minio_notification() -> None:
    seaweed = object_created(_captured("PutObject data/t-1"))
    (minio,) = objects_created(json.loads(MINIO_SAMPLE.read_text()))
    assert seaweed is not None
    ours, theirs = seaweed.to_cloudevent(), minio.to_cloudevent()
    assert set(ours.get_attributes()) == set(theirs.get_attributes())
    assert set(ours.data) == set(theirs.data)


def test_a_presigned_put_and_a_multipart_upload_are_object_writes() -> None:
    presigned = object_created(_captured("PUT through a presigned URL"))
    assert presigned is not None and (presigned.key, presigned.size, presigned.content_type) == ("data/t-1/up/presigned.txt", 14, "text/plain")
    multipart = object_created(_captured("CompleteMultipartUpload"))
    assert multipart is not None
    assert (multipart.key, multipart.size, multipart.etag) == ("data/t-1/big.bin", 5242890, "8b0be7847da5564ae08e97af63b60885-2")
    assert multipart.event_name == "s3:ObjectCreated:CompleteMultipartUpload"
    validate_data("io.minio.object.created", multipart.to_cloudevent().data)


@pytest.mark.parametrize(
    "operation",
    ["CreateBucket", "SeaweedFS-internal bucket-owner", "UploadPart 1", "DeleteObject"],
)
def test_filer_bookkeeping_and_deletes_are_not_object_writes(operation: str) -> None:
    assert object_created(_captured(operation)) is None


def test_an_overwrite_is_a_new_event_and_a_redelivery_the_same_one() -> None:
    first = object_created(_captured("PutObject data/t-1"))
    again = object_created(_captured("PutObject data/t-1"))
    overwrite = object_created(_captured("PutObject again"))
    assert first is not None and again is not None and overwrite is not None
    assert overwrite.size == 11
    assert first.to_cloudevent()["id"] == again.to_cloudevent()["id"] != overwrite.to_cloudevent()["id"]


def test_an_update_that_wrote_no_new_bytes_is_not_an_object_write() -> None:
    body = _captured("PutObject again")
    message = body["message"]
    message["new_entry"] = copy.deepcopy(message["old_entry"])
    message["new_entry"]["extended"]["X-Amz-Tagging-Team"] = "YQ=="  # tagging: metadata only
    assert object_created(body) is None


def test_a_key_outside_the_buckets_folder_is_not_an_object_write() -> None:
    body = _captured("PutObject data/t-1")
    body["message"]["new_parent_path"] = "/home/someone"
    body["key"] = "/home/someone/Q3 report (final)é.pdf"
    assert object_created(body) is None


@pytest.mark.parametrize(
    ("mutate", "complaint"),
    [
        (lambda b: b.pop("event_type"), "event_type"),
        (lambda b: b.pop("message"), "message"),
        (lambda b: b["message"]["new_entry"].pop("name"), "new_entry.name"),
        (lambda b: b["message"].update(new_entry="x"), "message.new_entry"),
        (lambda b: b["message"]["new_entry"]["attributes"].update(file_size=-1), "file_size"),
    ],
)
def test_a_body_that_is_not_a_filer_event_names_what_is_wrong(mutate: Any, complaint: str) -> None:
    body = _captured("PutObject data/t-1")
    mutate(body)
    with pytest.raises(MalformedNotification, match=complaint):
        object_created(body)


def test_a_body_that_is_not_an_object_is_malformed() -> None:
    with pytest.raises(MalformedNotification, match="SeaweedFS filer event"):
        object_created(["Records"])
