"""Stripe's subscription and invoice events → the company's copy of its subscription.

Idempotent on the Stripe event id, and ordered by Stripe's clock: each company keeps
the time of the last event applied, and an older event changes nothing (migration
0011). A failed payment tells the company's owners, in the same transaction as the
state change, so a redelivery neither repeats nor loses it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import InvalidArgument
from events.consumer import idempotent
from functions.billing.stripe_state import NotAStripeObject, invoice_outcome, subscription_state

log = logging.getLogger("mirai.billing")

CONSUMER = "sync_subscription"
SUBSCRIPTION_TYPES = ("customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted")
INVOICE_TYPES = ("invoice.paid", "invoice.payment_failed")
BILLING_LINK = "/settings/billing"


def _stripe_event(event: CloudEvent) -> tuple[str, Any, datetime]:
    data = event.data if isinstance(event.data, dict) else {}
    kind, created = data.get("type"), data.get("created")
    if kind not in (*SUBSCRIPTION_TYPES, *INVOICE_TYPES) or not isinstance(created, int):
        raise InvalidArgument("not a Stripe subscription or invoice event", field="data")
    return str(kind), (data.get("data") or {}).get("object"), datetime.fromtimestamp(created, tz=UTC)


def apply_stripe_event(event: CloudEvent, tx: Any, *, stripe: Any) -> None:
    kind, obj, event_at = _stripe_event(event)
    try:
        if kind in SUBSCRIPTION_TYPES:
            tenant = tx.subscription_states.apply_subscription(subscription_state(obj, stripe=stripe), event_at=event_at)
        else:
            outcome = invoice_outcome(obj, paid=kind == "invoice.paid")
            tenant = tx.subscription_states.apply_invoice(outcome, event_at=event_at)
    except NotAStripeObject as err:
        raise InvalidArgument(str(err), field="data.object") from None
    if tenant is None:
        log.info("stripe %s %s: older than the company's state, or no company has it; nothing changed", kind, event["id"])
        return
    log.info("stripe %s %s applied to tenant %s", kind, event["id"], tenant)
    if kind == "invoice.payment_failed":
        _tell_owners(tx.as_tenant(tenant))


def _tell_owners(uow: Any) -> None:
    from functions.mail.messages import Recipient
    from functions.mail.requests import request_payment_failed
    from functions.notification.notify import notify

    company = uow.companies.current()
    for owner in uow.users.active_owners():
        request_payment_failed(uow, to=Recipient(owner.email, f"{owner.first_name} {owner.last_name}"),
                               locale=owner.locale, company_name=company.name)
        notify(uow, user_id=owner.id, type="payment_failed", title="A payment failed",
               message="Stripe could not collect the latest invoice. Update the payment method under Billing "
                       "to keep the subscription active.",
               link=BILLING_LINK)


def sync_subscription(container: Any) -> Callable[[CloudEvent], bool]:
    stripe = container.settings.stripe
    return idempotent(CONSUMER, transactions=container.event_transactions,
                      handler=lambda event, tx: apply_stripe_event(event, tx, stripe=stripe))
