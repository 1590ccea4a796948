"""S3 event-notification records (MinIO's and AWS's shared format) → object-created events."""

from __future__ import annotations

import json

import pytest

from events.s3_notifications import MalformedNotification, objects_created
from tests.support.crds import CONFORMANCE

KAFKA_SAMPLE = CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.kafka-example.json"
NSQ_SAMPLE = CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.nsq-example.json"


def _aws_record(key: str, *, event_name: str = "ObjectCreated:Put", sequencer: str = "0055AED6DCD90281E5") -> dict:
    """The record as AWS S3 documents it: no MinIO-only fields at all."""
    return {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": "us-west-2",
        "eventTime": "1970-01-01T00:00:00.000Z",
        "eventName": event_name,
        "s3": {
            "s3SchemaVersion": "1.0",
            "bucket": {"name": "mirai", "arn": "arn:aws:s3:::mirai"},
            "object": {"key": key, "size": 1024, "eTag": "d41d8cd98f00b204e9800998ecf8427e", "sequencer": sequencer},
        },
    }


def test_the_minio_samples_parse_into_bucket_key_and_size() -> None:
    (kafka,) = objects_created(json.loads(KAFKA_SAMPLE.read_text()))
    assert (kafka.bucket, kafka.key, kafka.size, kafka.content_type) == ("images", "myphoto.jpg", 6474, "image/jpeg")
    assert kafka.event_name == "s3:ObjectCreated:Put"
    (nsq,) = objects_created(json.loads(NSQ_SAMPLE.read_text()))
    assert (nsq.bucket, nsq.key, nsq.size) == ("images", "gopher.jpg", 162023)


def test_url_encoded_keys_are_decoded_and_become_the_subject() -> None:
    sample = json.loads(KAFKA_SAMPLE.read_text())
    sample["Records"][0]["s3"]["object"]["key"] = "data%2Ft-1%2Fsubmissions%2Fs-1%2Ffiles%2FQ3+report+%28final%29%C3%A9.pdf"
    (record,) = objects_created(sample)
    assert record.key == "data/t-1/submissions/s-1/files/Q3 report (final)é.pdf"
    assert record.to_cloudevent()["subject"] == record.key


def test_aws_format_records_without_minio_fields_are_accepted() -> None:
    (record,) = objects_created({"Records": [_aws_record("data/t/sme/a+b.txt")]})
    assert (record.bucket, record.key, record.event_name) == ("mirai", "data/t/sme/a b.txt", "ObjectCreated:Put")
    event = record.to_cloudevent()
    assert event["source"] == "s3://mirai" and event["type"] == "io.minio.object.created"


def test_other_event_kinds_are_skipped() -> None:
    body = {"Records": [_aws_record("gone.txt", event_name="ObjectRemoved:Delete"), _aws_record("kept.txt")]}
    assert [r.key for r in objects_created(body)] == ["kept.txt"]


def test_the_event_id_is_stable_for_a_redelivery_and_new_for_a_later_write() -> None:
    first = objects_created({"Records": [_aws_record("k.txt")]})[0].to_cloudevent()
    again = objects_created({"Records": [_aws_record("k.txt")]})[0].to_cloudevent()
    later = objects_created({"Records": [_aws_record("k.txt", sequencer="0055AED6DCD90281E6")]})[0].to_cloudevent()
    assert first["id"] == again["id"] != later["id"]


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ({"EventName": "s3:ObjectCreated:Put"}, "Records"),
        ([], "Records"),
        ({"Records": ["x"]}, r"Records\[0\]"),
        ({"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {}}}]}, "object.key"),
        ({"Records": [{"eventName": "ObjectCreated:Put", "s3": {"object": {"key": "k"}}}]}, "bucket.name"),
    ],
)
def test_malformed_notifications_are_refused_with_the_reason(body: object, complaint: str) -> None:
    with pytest.raises(MalformedNotification, match=complaint):
        objects_created(body)
