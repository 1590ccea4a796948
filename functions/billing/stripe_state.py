"""What a Stripe subscription or invoice object says about the company, in our words.

Periods are read from the subscription item (where Stripe keeps them since the 2025
API versions), falling back to the subscription itself for older payloads. The plan
is the one whose configured price the item bills; an unknown price keeps the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from common.config import StripeSettings

STATUSES = frozenset({"trialing", "active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "paused"})
_INTERVALS = {"month": "monthly", "year": "yearly"}


class NotAStripeObject(ValueError):
    """The event's object lacks what every such Stripe object has."""


@dataclass(frozen=True)
class SubscriptionState:
    subscription_id: str
    customer_id: str | None
    status: str
    plan: str | None
    seats: int | None
    interval: str | None
    period_start: datetime | None
    period_end: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    trial_end: datetime | None


@dataclass(frozen=True)
class InvoiceOutcome:
    subscription_id: str | None
    customer_id: str | None
    paid: bool
    period_end: datetime | None


def _time(value: Any) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if isinstance(value, int) and value > 0 else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """The ``data`` of a Stripe list object."""
    data = _dict(value).get("data")
    return data if isinstance(data, list) else []


def _id(value: Any) -> str | None:
    """An expandable field: an id, or the expanded object with its id."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def subscription_state(obj: Any, *, stripe: StripeSettings) -> SubscriptionState:
    if not isinstance(obj, dict) or obj.get("object") != "subscription" or not _id(obj.get("id")):
        raise NotAStripeObject("data.object: not a Stripe subscription")
    status = obj.get("status")
    if status not in STATUSES:
        raise NotAStripeObject(f"data.object.status: unknown subscription status {status!r}")
    items = _list(obj.get("items"))
    item = _dict(items[0]) if items else {}
    price = _dict(item.get("price"))
    prices = {stripe.starter_price_id: "starter", stripe.pro_price_id: "pro"}
    quantity = item.get("quantity")
    recurring = _dict(price.get("recurring"))
    return SubscriptionState(
        subscription_id=str(obj["id"]),
        customer_id=_id(obj.get("customer")),
        status=str(status),
        plan=prices.get(price.get("id")) if price.get("id") else None,
        seats=quantity if isinstance(quantity, int) and quantity >= 0 else None,
        interval=_INTERVALS.get(str(recurring.get("interval"))),
        period_start=_time(item.get("current_period_start", obj.get("current_period_start"))),
        period_end=_time(item.get("current_period_end", obj.get("current_period_end"))),
        cancel_at_period_end=bool(obj.get("cancel_at_period_end")),
        canceled_at=_time(obj.get("canceled_at")),
        trial_end=_time(obj.get("trial_end")),
    )


def invoice_outcome(obj: Any, *, paid: bool) -> InvoiceOutcome:
    if not isinstance(obj, dict) or obj.get("object") != "invoice":
        raise NotAStripeObject("data.object: not a Stripe invoice")
    details = _dict(_dict(obj.get("parent")).get("subscription_details"))
    ends = [_time(_dict(_dict(line).get("period")).get("end")) for line in _list(obj.get("lines"))]
    return InvoiceOutcome(
        subscription_id=_id(details.get("subscription")) or _id(obj.get("subscription")),
        customer_id=_id(obj.get("customer")),
        paid=paid,
        period_end=max((end for end in ends if end), default=None),
    )
