"""Through the local runner: Stripe and MinIO webhooks become CloudEvents on the
broker (K_SINK is the runner's own /_broker) and reach their subscribers."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from cloudevents.conversion import to_binary
from cloudevents.http import CloudEvent
from sqlalchemy import text

from common.db import Database
from functions.bootstrap import Container
from functions.local.broker import BROKER_PATH, sink_url
from tests.conftest import MINIO_WEBHOOK_TOKEN, STRIPE_WEBHOOK_SECRET
from tests.fakes.event_receiver import EventReceiver
from tests.fakes.stripe_signing import stripe_signature
from tests.support.crds import CONFORMANCE

pytestmark = [pytest.mark.e2e, pytest.mark.smoke]

STRIPE_SAMPLE = CONFORMANCE / "events" / "stripe" / "checkout.session.completed.event.json"
MINIO_SAMPLE = CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.kafka-example.json"


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **headers}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _stripe_payload(event_id: str) -> bytes:
    event = json.loads(STRIPE_SAMPLE.read_text())
    event["id"] = event_id
    return json.dumps(event).encode()


def _arrived(tap: EventReceiver, event_id: str) -> list:
    return [e for e in tap.events if e["id"] == event_id]


def _wait_for_id(tap: EventReceiver, event_id: str):
    with tap.arrived:
        assert tap.arrived.wait_for(lambda: _arrived(tap, event_id), timeout=30), f"{event_id} never arrived"
        return _arrived(tap, event_id)[0]


def test_a_signed_stripe_webhook_lands_as_a_cloudevent_at_its_subscriber(runner_url: str, event_tap: EventReceiver) -> None:
    payload = _stripe_payload("evt_e2e_signed_0001")
    status, body = _post(f"{runner_url}/webhooks/stripe", payload, {"Stripe-Signature": stripe_signature(payload, STRIPE_WEBHOOK_SECRET)})
    assert (status, body["status"]) == (200, "published")
    event = _wait_for_id(event_tap, "evt_e2e_signed_0001")
    assert event["type"] == "com.stripe.checkout.session.completed"
    assert event["source"] == "https://api.stripe.com/v1/events"
    assert event.data == json.loads(payload)


def test_a_tampered_stripe_webhook_is_refused_and_publishes_nothing(runner_url: str, event_tap: EventReceiver) -> None:
    signed = _stripe_payload("evt_e2e_tampered_0002")
    signature = stripe_signature(signed, STRIPE_WEBHOOK_SECRET)
    tampered = signed.replace(b'"amount_total": null', b'"amount_total": 1')
    assert tampered != signed
    status, body = _post(f"{runner_url}/webhooks/stripe", tampered, {"Stripe-Signature": signature})
    assert status == 400 and "signature" in body["error"]
    status, _ = _post(f"{runner_url}/webhooks/stripe", signed, {})
    assert status == 400
    # The webhook publishes before it answers, so a later event arriving proves the refused ones never went out.
    after = _stripe_payload("evt_e2e_after_0003")
    assert _post(f"{runner_url}/webhooks/stripe", after, {"Stripe-Signature": stripe_signature(after, STRIPE_WEBHOOK_SECRET)})[0] == 200
    _wait_for_id(event_tap, "evt_e2e_after_0003")
    assert _arrived(event_tap, "evt_e2e_tampered_0002") == []


def test_a_minio_notification_lands_as_object_created_with_the_decoded_key(runner_url: str, event_tap: EventReceiver) -> None:
    notification = json.loads(MINIO_SAMPLE.read_text())
    notification["Records"][0]["s3"]["object"]["key"] = "data%2Ftenant-1%2Fsubmissions%2Fs-9%2Ffiles%2Fmy+notes.pdf"
    notification["Records"][0]["s3"]["object"]["sequencer"] = "E2E0000000000001"
    status, body = _post(f"{runner_url}/webhooks/minio", json.dumps(notification).encode(), {"Authorization": f"Bearer {MINIO_WEBHOOK_TOKEN}"})
    assert status == 200 and body["published"] == ["data/tenant-1/submissions/s-9/files/my notes.pdf"]
    with event_tap.arrived:
        assert event_tap.arrived.wait_for(
            lambda: any(e["type"] == "io.minio.object.created" and e.get("subject") == body["published"][0] for e in event_tap.events),
            timeout=30,
        )


def test_a_minio_notification_without_the_token_is_refused(runner_url: str) -> None:
    body = MINIO_SAMPLE.read_bytes()
    assert _post(f"{runner_url}/webhooks/minio", body, {})[0] == 401
    assert _post(f"{runner_url}/webhooks/minio", body, {"Authorization": "Bearer wrong"})[0] == 401


def test_the_broker_endpoint_refuses_what_is_not_a_cloudevent(runner_url: str, broker_token: str) -> None:
    status, body = _post(sink_url(runner_url, broker_token), b'{"hello": "world"}', {})
    assert status == 400 and "CloudEvent" in body["error"]


def _pending_registration(container: Container, checkout: str) -> uuid.UUID:
    with container.db.system_session() as uow:
        registration: uuid.UUID = uow.registrations.create(
            email=f"buyer-{uuid.uuid4().hex[:6]}@example.com", password_hash="x", company_name="Buyer Co",
            plan="pro", seat_count=3, checkout_session_id=checkout,
        )
    return registration


def _paid_checkout_event(checkout: str) -> tuple[dict[str, str], bytes]:
    event = json.loads(STRIPE_SAMPLE.read_text())
    event["id"] = f"evt_forged_{uuid.uuid4().hex[:12]}"
    event["data"]["object"]["id"] = checkout
    headers, body = to_binary(CloudEvent(
        {"id": event["id"], "type": "com.stripe.checkout.session.completed", "source": "https://api.stripe.com/v1/events"},
        event,
    ))
    return dict(headers), body or b""


@pytest.mark.parametrize("path", [BROKER_PATH, f"{BROKER_PATH}/", f"{BROKER_PATH}/not-the-runners-token"])
def test_an_event_posted_to_the_broker_by_someone_else_is_refused_and_changes_nothing(
    runner_url: str, container: Container, path: str
) -> None:
    """Anyone on the machine can reach the runner's port; only its own functions know K_SINK."""
    checkout = f"cs_test_{uuid.uuid4().hex}"
    registration = _pending_registration(container, checkout)
    headers, body = _paid_checkout_event(checkout)
    status, answer = _post(f"{runner_url}{path}", body, headers)
    assert status == 403 and "this runner's own functions" in answer["error"]
    # The ingress answers after handing an event to the broker, so a refusal means it never went.
    with container.db.system_session() as uow:
        found = uow.registrations.get(registration)
    assert found is not None and found.status == "pending"


def test_stripe_delivering_a_paid_checkout_three_times_marks_the_registration_paid_once(
    runner_url: str, container: Container, owner_db: Database
) -> None:
    checkout = f"cs_test_{uuid.uuid4().hex}"
    registration = _pending_registration(container, checkout)
    event = json.loads(STRIPE_SAMPLE.read_text())
    event["id"] = f"evt_e2e_paid_{uuid.uuid4().hex[:12]}"
    event["data"]["object"]["id"] = checkout
    payload = json.dumps(event).encode()
    for _ in range(3):  # Stripe retries: the same event, freshly signed each time
        status, _ = _post(f"{runner_url}/webhooks/stripe", payload,
                          {"Stripe-Signature": stripe_signature(payload, STRIPE_WEBHOOK_SECRET)})
        assert status == 200

    def registration_paid() -> bool:
        with container.db.system_session() as uow:
            found = uow.registrations.get(registration)
            # Provisioning may already have taken it further (the fake refuses its hash: failed).
            return found is not None and found.paid_at is not None

    _eventually(registration_paid)
    with owner_db.system_session() as uow:
        marks = uow.session.execute(
            text("select count(*) from processed_events where consumer = 'record_checkout_paid' and event_id = :id"),
            {"id": event["id"]},
        ).scalar_one()
        paid_events = uow.session.execute(
            text("select count(*) from outbox where type = 'io.mirai.registration.paid' and subject = :id"),
            {"id": str(registration)},
        ).scalar_one()
    assert (marks, paid_events) == (1, 1)


def _eventually(condition: Callable[[], bool], timeout: float = 30) -> None:
    """Polls until the broker's asynchronous delivery has had its effect (never asserts on time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the consumer never ran"
        time.sleep(0.05)


def test_an_event_its_consumer_cannot_handle_is_dead_lettered_with_the_error(
    runner_url: str, broker_token: str, owner_db: Database
) -> None:
    event_id = f"evt_e2e_broken_{uuid.uuid4().hex[:12]}"
    headers, body = to_binary(CloudEvent(
        {"id": event_id, "type": "com.stripe.checkout.session.completed", "source": "https://api.stripe.com/v1/events"},
        {"id": event_id, "type": "checkout.session.completed", "data": {"object": {"id": "not-a-checkout"}}},
    ))
    request = urllib.request.Request(sink_url(runner_url, broker_token), data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status < 300

    def dead_lettered() -> list[Any]:
        with owner_db.system_session() as uow:
            return list(uow.session.execute(
                text("select consumer, error from dead_letters where event_id = :id"), {"id": event_id}
            ).all())

    _eventually(lambda: bool(dead_lettered()))
    [(consumer, error)] = dead_lettered()
    assert consumer == "record-checkout-paid"
    assert "checkout session" in error
