"""Verifies a Stripe webhook's ``Stripe-Signature`` with the stripe SDK.

Only the signature over the raw body is checked here; what the body holds is
parsed by the webhook (the SDK's own parsing turns a deeply nested or non-object
body into exceptions no caller expects). The SDK is imported on first use: only
the webhook target pays for it.
"""

from __future__ import annotations

TOLERANCE_SECONDS = 300


class InvalidSignature(Exception):
    """Missing, malformed, stale or wrong signature."""


def verify_stripe_signature(payload: bytes, signature: str | None, *, secret: str, tolerance: int = TOLERANCE_SECONDS) -> None:
    """Returns when Stripe signed exactly ``payload`` with ``secret`` within ``tolerance`` seconds."""
    import stripe

    if not signature:
        raise InvalidSignature("missing Stripe-Signature header")
    try:
        stripe.WebhookSignature.verify_header(payload, signature, secret, tolerance)
    except (stripe.SignatureVerificationError, UnicodeDecodeError):
        raise InvalidSignature("signature does not match the payload") from None
