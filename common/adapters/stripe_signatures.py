"""Verifies a Stripe webhook's ``Stripe-Signature`` with the stripe SDK.

The SDK is imported on first use: only the webhook target pays for it.
"""

from __future__ import annotations

import json
from typing import Any

TOLERANCE_SECONDS = 300


class InvalidSignature(Exception):
    """Missing, malformed, stale or wrong signature, or a body that is not a Stripe event."""


def verify_stripe_event(payload: bytes, signature: str | None, *, secret: str, tolerance: int = TOLERANCE_SECONDS) -> dict[str, Any]:
    """The event as Stripe sent it (a dict), once its signature over the raw body checks out."""
    import stripe

    if not signature:
        raise InvalidSignature("missing Stripe-Signature header")
    try:
        stripe.Webhook.construct_event(payload, signature, secret, tolerance=tolerance)
    except stripe.SignatureVerificationError:
        raise InvalidSignature("signature does not match the payload") from None
    except ValueError:
        raise InvalidSignature("payload is not JSON") from None
    event = json.loads(payload)
    if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not isinstance(event.get("type"), str):
        raise InvalidSignature("payload is not a Stripe event")
    return event
