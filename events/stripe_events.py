"""Stripe event (already signature-verified) → CloudEvent.

The CloudEvent id is the Stripe event id, so a webhook Stripe delivers twice
is one event to our idempotent consumers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cloudevents.http import CloudEvent

from events.catalogue import STRIPE_SOURCE


class NotAStripeEvent(ValueError):
    """A signed body without a Stripe event's id and type."""


def cloudevent_type(stripe_type: str) -> str:
    return f"com.stripe.{stripe_type}"


def _time(created: Any) -> str | None:
    """``created`` (Unix seconds) as RFC 3339, or None when it is not a plausible timestamp."""
    if not isinstance(created, int) or isinstance(created, bool):
        return None
    try:
        return datetime.fromtimestamp(created, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def to_cloudevent(stripe_event: dict[str, Any]) -> CloudEvent:
    event_id, stripe_type = stripe_event.get("id"), stripe_event.get("type")
    if not isinstance(event_id, str) or not event_id or not isinstance(stripe_type, str) or not stripe_type:
        raise NotAStripeEvent("body is not a Stripe event (no id and type)")
    attributes: dict[str, Any] = {
        "id": event_id,
        "type": cloudevent_type(stripe_type),
        "source": STRIPE_SOURCE,
        "datacontenttype": "application/json",
    }
    time = _time(stripe_event.get("created"))
    if time:
        attributes["time"] = time
    data = stripe_event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if isinstance(obj, dict) and isinstance(obj.get("id"), str) and obj["id"]:
        attributes["subject"] = obj["id"]
    return CloudEvent(attributes, stripe_event)
