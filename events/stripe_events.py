"""Stripe event (already signature-verified) → CloudEvent.

The CloudEvent id is the Stripe event id, so a webhook Stripe delivers twice
is one event to our idempotent consumers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cloudevents.http import CloudEvent

from events.catalogue import STRIPE_SOURCE


def cloudevent_type(stripe_type: str) -> str:
    return f"com.stripe.{stripe_type}"


def to_cloudevent(stripe_event: dict[str, Any]) -> CloudEvent:
    attributes: dict[str, Any] = {
        "id": stripe_event["id"],
        "type": cloudevent_type(stripe_event["type"]),
        "source": STRIPE_SOURCE,
        "datacontenttype": "application/json",
    }
    created = stripe_event.get("created")
    if isinstance(created, int):
        attributes["time"] = datetime.fromtimestamp(created, tz=UTC).isoformat()
    obj = (stripe_event.get("data") or {}).get("object") or {}
    if isinstance(obj, dict) and isinstance(obj.get("id"), str):
        attributes["subject"] = obj["id"]
    return CloudEvent(attributes, stripe_event)
