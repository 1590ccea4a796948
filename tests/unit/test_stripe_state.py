"""Stripe subscription and invoice objects (Stripe's own fixtures, tests/conformance) read as company state."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from common.config import StripeSettings
from functions.billing.stripe_state import NotAStripeObject, invoice_outcome, subscription_state
from tests.support.crds import CONFORMANCE

SAMPLES = CONFORMANCE / "events" / "stripe"
FIXTURE_PRICE = "price_1PgafmB7WZ01zgkW6dKueIc5"
STRIPE = StripeSettings(secret_key="sk", webhook_secret=None, starter_price_id="price_starter", pro_price_id=FIXTURE_PRICE,
                        api_base=None)


def _object(name: str) -> dict[str, Any]:
    obj: dict[str, Any] = json.loads((SAMPLES / f"{name}.event.json").read_text())["data"]["object"]
    return obj


def test_an_updated_subscription_reads_as_plan_seats_and_period() -> None:
    state = subscription_state(_object("customer.subscription.updated"), stripe=STRIPE)
    assert (state.subscription_id, state.customer_id, state.status) == ("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", "cus_QXg1o8vcGmoR32", "active")
    assert (state.plan, state.seats, state.interval) == ("pro", 1, "monthly")
    assert state.period_end == datetime.fromtimestamp(976287773, tz=UTC)
    assert state.cancel_at_period_end is True  # the sample's subscription is set to end (previous_attributes: false)


def test_a_deleted_subscription_is_canceled_and_an_unknown_price_keeps_the_plan() -> None:
    other_prices = StripeSettings(secret_key="sk", webhook_secret=None, starter_price_id="a", pro_price_id="b", api_base=None)
    state = subscription_state(_object("customer.subscription.deleted"), stripe=other_prices)
    assert state.status == "canceled" and state.plan is None


def test_a_failed_invoice_names_its_subscription_and_period() -> None:
    outcome = invoice_outcome(_object("invoice.payment_failed"), paid=False)
    assert (outcome.subscription_id, outcome.customer_id, outcome.paid) == ("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", "cus_QXg1o8vcGmoR32", False)
    assert outcome.period_end == datetime.fromtimestamp(1721954054, tz=UTC)


@pytest.mark.parametrize("obj", [None, [], {"object": "invoice"}, {"object": "subscription", "id": "sub_1"},
                                 {"object": "subscription", "id": "sub_1", "status": "sleeping"}])
def test_what_is_not_a_subscription_is_refused(obj: Any) -> None:
    with pytest.raises(NotAStripeObject):
        subscription_state(obj, stripe=STRIPE)


def test_what_is_not_an_invoice_is_refused() -> None:
    with pytest.raises(NotAStripeObject):
        invoice_outcome({"object": "subscription"}, paid=True)
