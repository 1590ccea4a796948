"""Delivering a Stripe event to the runner's webhook the way Stripe does: signed, as JSON."""

from __future__ import annotations

import urllib.request

from tests.conftest import STRIPE_WEBHOOK_SECRET
from tests.fakes.stripe_signing import stripe_signature


def deliver_stripe_event(runner_url: str, payload: bytes) -> int:
    """POSTs ``payload`` to ``/webhooks/stripe`` with a fresh signature; returns the HTTP status."""
    request = urllib.request.Request(
        f"{runner_url}/webhooks/stripe", data=payload, method="POST",
        headers={"Content-Type": "application/json", "Stripe-Signature": stripe_signature(payload, STRIPE_WEBHOOK_SECRET)},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)
