"""Signs a webhook payload the way Stripe does (documented scheme:
``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<payload>" with the endpoint secret>``)."""

from __future__ import annotations

import hashlib
import hmac
import time


def stripe_signature(payload: bytes, secret: str, *, timestamp: int | None = None) -> str:
    t = int(time.time()) if timestamp is None else timestamp
    signed = f"{t}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"
