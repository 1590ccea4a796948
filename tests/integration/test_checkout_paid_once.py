"""One checkout session triggers provisioning once, whatever Stripe event ids carry it."""

from __future__ import annotations

import json
import uuid

from cloudevents.http import CloudEvent
from sqlalchemy import text

from common.db import Database
from functions.bootstrap import Container
from functions.jobs.record_checkout_paid import record_checkout_paid
from tests.support.crds import CONFORMANCE

STRIPE_SAMPLE = json.loads((CONFORMANCE / "events" / "stripe" / "checkout.session.completed.event.json").read_text())


def _event(checkout: str) -> CloudEvent:
    body = {**STRIPE_SAMPLE, "id": f"evt_{uuid.uuid4().hex}"}
    body["data"] = {"object": {**STRIPE_SAMPLE["data"]["object"], "id": checkout}}
    return CloudEvent({"id": body["id"], "type": "com.stripe.checkout.session.completed",
                       "source": "https://api.stripe.com/v1/events"}, body)


def test_the_same_checkout_under_two_event_ids_writes_one_paid_event(container: Container, owner_db: Database) -> None:
    checkout = f"cs_test_{uuid.uuid4().hex}"
    with container.db.system_session() as uow:
        registration = uow.registrations.create(email=f"b-{uuid.uuid4().hex[:6]}@example.com", password_hash="x",
                                                company_name="Buyer Co", plan="pro", seat_count=3,
                                                checkout_session_id=checkout)
    handle = record_checkout_paid(container)
    assert handle(_event(checkout)) and handle(_event(checkout))  # both ran: two distinct event ids
    with owner_db.system_session() as uow:
        paid_events = uow.session.execute(
            text("select count(*) from outbox where type = 'io.mirai.registration.paid' and subject = :id"),
            {"id": str(registration)},
        ).scalar_one()
        status = uow.session.execute(text("select status from pending_registrations where id = :id"),
                                     {"id": registration}).scalar_one()
    assert (paid_events, status) == (1, "paid")
