"""The webhook applications on their own: what they publish, refuse and acknowledge."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from werkzeug.test import Client

from common.config import ConfigError, Settings
from functions.bootstrap import Container
from functions.webhooks.minio_webhook import MinioWebhook, minio_webhook
from functions.webhooks.stripe_webhook import StripeWebhook, stripe_webhook
from tests.fakes.event_stores import RecordingPublisher
from tests.fakes.stripe_signing import stripe_signature
from tests.support.crds import CONFORMANCE

SECRET = "whsec_unit"
STRIPE_SAMPLE = (CONFORMANCE / "events" / "stripe" / "customer.subscription.updated.event.json").read_bytes()
MINIO_SAMPLE = (CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.nsq-example.json").read_bytes()


def _signed_post(client: Client, payload: bytes):
    return client.post("/", data=payload, headers={"Stripe-Signature": stripe_signature(payload, SECRET)}, content_type="application/json")


def test_a_signed_stripe_event_is_published_with_the_stripe_id_and_type() -> None:
    publisher = RecordingPublisher()
    response = _signed_post(Client(StripeWebhook(secret=SECRET, publisher=publisher)), STRIPE_SAMPLE)
    assert response.status_code == 200
    (event,) = publisher.events
    assert (event["id"], event["type"]) == ("evt_conformance0000000000002", "com.stripe.customer.subscription.updated")


def test_a_stripe_type_outside_the_catalogue_is_acknowledged_but_not_published() -> None:
    publisher = RecordingPublisher()
    event = json.loads(STRIPE_SAMPLE)
    event["type"] = "payout.paid"
    response = _signed_post(Client(StripeWebhook(secret=SECRET, publisher=publisher)), json.dumps(event).encode())
    assert response.status_code == 200 and response.json["status"] == "ignored"
    assert publisher.events == []


def test_a_broker_that_refuses_makes_stripe_retry_later() -> None:
    publisher = RecordingPublisher(refuse={"com.stripe.customer.subscription.updated"})
    response = _signed_post(Client(StripeWebhook(secret=SECRET, publisher=publisher)), STRIPE_SAMPLE)
    assert response.status_code == 503


def test_minio_notifications_publish_one_event_per_created_object() -> None:
    publisher = RecordingPublisher()
    client = Client(MinioWebhook(token="t0k", publisher=publisher))
    response = client.post("/", data=MINIO_SAMPLE, headers={"Authorization": "Bearer t0k"}, content_type="application/json")
    assert response.status_code == 200
    (event,) = publisher.events
    assert (event["type"], event["subject"], event["source"]) == ("io.minio.object.created", "gopher.jpg", "s3://images")


def test_minio_garbage_is_a_bad_request_and_publishes_nothing() -> None:
    publisher = RecordingPublisher()
    client = Client(MinioWebhook(token="t0k", publisher=publisher))
    for body in (b"not json", b'{"no": "records"}'):
        response = client.post("/", data=body, headers={"Authorization": "Bearer t0k"}, content_type="application/json")
        assert response.status_code == 400
    assert publisher.events == []


@pytest.mark.parametrize(("factory", "variable"), [(stripe_webhook, "STRIPE_WEBHOOK_SECRET"), (minio_webhook, "MINIO_WEBHOOK_AUTH_TOKEN")])
def test_a_webhook_without_its_secret_refuses_to_start_naming_the_variable(factory, variable: str) -> None:
    container = Container(Settings.from_env({"K_SINK": "http://127.0.0.1:9/"}))
    with pytest.raises(ConfigError, match=variable):
        factory(container)


def test_publishing_without_k_sink_is_a_configuration_error() -> None:
    container = Container(Settings.from_env({"STRIPE_WEBHOOK_SECRET": SECRET}))
    with pytest.raises(ConfigError, match="K_SINK"):
        stripe_webhook(container)


DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT, b'{"Records": [' + b"[" * 40 + b"]" * 40 + b"]}",
                                  b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": "x"}]}',
                                  b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": "b", "object": 7}}]}',
                                  b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "B B"},'
                                  b' "object": {"key": "k"}}}]}',
                                  b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"},'
                                  b' "object": {"key": "k\\ud800"}}}]}',
                                  b'{"Records": [{"eventName": "s3:ObjectCreated:Put", "s3": {"bucket": {"name": "b"},'
                                  b' "object": {"key": "%C0%A0"}}}]}',
                                  b"[]", b"\xff\xfe"])
def test_minio_bodies_that_are_not_a_notification_are_a_bad_request(body: bytes) -> None:
    publisher = RecordingPublisher()
    client = Client(MinioWebhook(token="t0k", publisher=publisher))
    response = client.post("/", data=body, headers={"Authorization": "Bearer t0k"}, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)
    assert publisher.events == []


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT, b"[]", b'["evt_1", "checkout.session.completed"]', b"42",
                                  b'{"id": "evt_1"}', b'{"id": 5, "type": "checkout.session.completed"}',
                                  b'{"id": "evt_\\udc00", "type": "checkout.session.completed"}'])
def test_a_signed_stripe_body_that_is_not_an_event_object_is_a_bad_request(body: bytes) -> None:
    publisher = RecordingPublisher()
    response = _signed_post(Client(StripeWebhook(secret=SECRET, publisher=publisher)), body)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert publisher.events == []


def test_a_signed_stripe_event_with_odd_optional_fields_is_still_published() -> None:
    publisher = RecordingPublisher()
    event = {**json.loads(STRIPE_SAMPLE), "created": 10**30, "data": "not an object"}
    response = _signed_post(Client(StripeWebhook(secret=SECRET, publisher=publisher)), json.dumps(event).encode())
    assert response.status_code == 200
    (published,) = publisher.events
    # The SDK stamps the arrival time when the event's own is not a timestamp.
    assert published["id"] == event["id"] and datetime.fromisoformat(published["time"]).year >= 2026


def test_a_minio_record_with_a_time_that_is_not_a_timestamp_keeps_it_out_of_the_attribute() -> None:
    publisher = RecordingPublisher()
    body = json.loads(MINIO_SAMPLE)
    body["Records"][0]["eventTime"] = "yesterday"
    response = Client(MinioWebhook(token="t0k", publisher=publisher)).post(
        "/", data=json.dumps(body), headers={"Authorization": "Bearer t0k"}, content_type="application/json")
    assert response.status_code == 200
    (event,) = publisher.events
    assert datetime.fromisoformat(event["time"]).tzinfo is not None and event.data["event_time"] == "yesterday"
