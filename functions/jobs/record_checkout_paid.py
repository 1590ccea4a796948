"""com.stripe.checkout.session.completed → the pending registration is paid.

Stripe delivers at least once (and retries), so the handler is idempotent on
the Stripe event id: the processed-event mark, the paid status and the
``io.mirai.registration.paid`` outbox row commit together or not at all. The
same checkout can also arrive under another event id; only the delivery that
moved the registration to paid writes the outbox row, so provisioning is
triggered once per checkout session. The provisioning job consumes that event
to create the Kratos identity and tenant.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import InvalidArgument
from events.consumer import idempotent

log = logging.getLogger("mirai.jobs")

CONSUMER = "record_checkout_paid"
REGISTRATION_PAID = "io.mirai.registration.paid"
REGISTRATION_SOURCE = "/mirai/auth"  # as the event catalogue names it


def _checkout_session(event: CloudEvent) -> dict[str, Any]:
    session = ((event.data or {}).get("data") or {}).get("object") or {}
    if not isinstance(session, dict) or not str(session.get("id", "")).startswith("cs_"):
        raise InvalidArgument("the event carries no checkout session", field="data.object.id")
    return session


def record_paid(event: CloudEvent, tx: Any) -> None:
    session = _checkout_session(event)
    if session.get("payment_status") not in (None, "paid", "no_payment_required"):
        log.info("checkout %s completed unpaid (%s); waiting for payment", session["id"], session.get("payment_status"))
        return
    customer, subscription = session.get("customer"), session.get("subscription")
    paid = tx.registrations.mark_paid(checkout_session_id=session["id"], customer_id=customer, subscription_id=subscription)
    if paid is None:
        # Checkouts of existing customers (upgrades) also complete; they are not registrations.
        log.info("checkout %s matches no pending registration", session["id"])
        return
    if not paid.newly_paid:
        log.info("checkout %s was already paid (event %s); provisioning was triggered then", session["id"], event["id"])
        return
    registration_id = paid.registration_id
    tx.system_outbox.add(
        type=REGISTRATION_PAID,
        source=REGISTRATION_SOURCE,
        subject=str(registration_id),
        data={"registration_id": str(registration_id), "checkout_session_id": session["id"],
              "customer_id": customer, "subscription_id": subscription},
    )


def record_checkout_paid(container: Any) -> Callable[[CloudEvent], bool]:
    handle = idempotent(CONSUMER, transactions=container.event_transactions, handler=record_paid)

    def on_event(event: CloudEvent) -> bool:
        ran = handle(event)
        if ran:
            container.relay_nudge()
        return ran

    return on_event
