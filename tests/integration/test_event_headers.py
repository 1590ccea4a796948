"""Object keys in any script, and with control characters, travel as CloudEvent
subjects: percent-encoded in the ce- headers on the way out (CloudEvents HTTP
binding 3.1.3.2), decoded by the receiving side, identical at the end."""

from __future__ import annotations

import json
from urllib.parse import quote_plus

import pytest
from cloudevents.http import CloudEvent
from werkzeug.test import Client

from common.adapters.events_publisher import HttpEventPublisher
from functions.event_target import CloudEventEndpoint
from functions.webhooks.minio_webhook import MinioWebhook
from tests.fakes.event_receiver import event_receiver
from tests.support.crds import CONFORMANCE

MINIO_SAMPLE = json.loads((CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.nsq-example.json").read_bytes())
HOSTILE_KEYS = ["日本語.pdf", "smile 😀.png", "evil\u202egpj.exe", "line\r\nbreak.txt", "nul\x00soh\x01del\x7f", "100% \"quoted\""]


def _notification(key: str) -> bytes:
    body = json.loads(json.dumps(MINIO_SAMPLE))
    # Keys arrive form-URL-encoded, as MinIO sends them.
    body["Records"][0]["s3"]["object"]["key"] = quote_plus(key)
    return json.dumps(body).encode()


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_an_upload_with_any_key_is_published_once_and_its_subject_round_trips(key: str) -> None:
    with event_receiver() as receiver:
        webhook = MinioWebhook(token="t0k", publisher=HttpEventPublisher(receiver.url, attempts=1))
        response = Client(webhook).post("/", data=_notification(key), headers={"Authorization": "Bearer t0k"},
                                        content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)
        (event,) = receiver.wait_for(1)
        headers = receiver.raw_headers[0]
    assert all(value.isascii() and value.isprintable() for value in headers.values())
    assert event["subject"] == key and event.data["key"] == key


def test_the_event_target_decodes_what_the_publisher_encoded() -> None:
    from events.http_binding import to_binary

    seen: list[CloudEvent] = []
    endpoint = CloudEventEndpoint(seen.append, name="probe")
    original = CloudEvent({"type": "io.minio.object.created", "source": "s3://b", "subject": HOSTILE_KEYS[0]}, {"k": 1})
    headers, body = to_binary(original)
    response = Client(endpoint).post("/", data=body, headers=headers)
    assert response.status_code == 204
    assert seen[0]["subject"] == HOSTILE_KEYS[0] and seen[0]["id"] == original["id"]


def test_a_ce_header_that_does_not_decode_to_utf8_is_a_bad_request() -> None:
    endpoint = CloudEventEndpoint(lambda event: None, name="probe")
    headers = {"ce-specversion": "1.0", "ce-id": "e", "ce-type": "t", "ce-source": "/s", "ce-subject": "%C0%A0"}
    response = Client(endpoint).post("/", data=b"{}", headers=headers, content_type="application/json")
    assert response.status_code == 400
