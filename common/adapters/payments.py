"""Stripe, through the official SDK: plan prices and Checkout Sessions.

The SDK is imported on first use (cold start), its HTTP client has explicit connect and
read timeouts, and every POST carries an idempotency key of ours, so a retried call
(ours or the SDK's) can never open a second checkout. Stripe's error texts can carry
request details, so callers get our own message; the Stripe request id is logged for
support, nothing else.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from common.config import StripeSettings
from common.errors import FailedPrecondition, Unavailable

log = logging.getLogger("mirai.payments")

CONNECT_TIMEOUT_SECONDS = 3.0
READ_TIMEOUT_SECONDS = 15.0
NETWORK_RETRIES = 2
# Prices change rarely and only by an operator; the pricing page should not wait on Stripe.
PRICE_CACHE_SECONDS = 3600.0


@dataclass(frozen=True)
class Price:
    id: str
    unit_amount: int
    """Minor units (cents) per seat."""
    currency: str
    """ISO 4217, upper case."""
    interval: str
    """``month`` or ``year``."""


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str
    status: str
    """``open``, ``complete`` or ``expired``."""
    expires_at: datetime


@dataclass(frozen=True)
class NewCheckout:
    reference: str
    """Our id for it (the registration id): ``client_reference_id`` and metadata."""
    email: str
    price_id: str
    quantity: int
    success_url: str
    cancel_url: str
    expires_at: datetime
    idempotency_key: str


class Payments(Protocol):
    def price(self, price_id: str) -> Price: ...

    def create_checkout(self, checkout: NewCheckout) -> CheckoutSession: ...

    def checkout_session(self, session_id: str) -> CheckoutSession: ...


class StripePayments:
    def __init__(self, settings: StripeSettings) -> None:
        if not settings.secret_key:
            raise FailedPrecondition("payments are not configured here (STRIPE_SECRET_KEY is not set)")
        self._settings = settings
        self._client: Any = None
        self._prices: dict[str, tuple[float, Price]] = {}

    def _stripe(self) -> Any:
        if self._client is None:
            import stripe

            self._client = stripe.StripeClient(
                self._settings.secret_key or "",
                base_addresses={"api": self._settings.api_base} if self._settings.api_base else None,
                http_client=stripe.RequestsClient(timeout=(CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS)),
                max_network_retries=NETWORK_RETRIES,
            )
        return self._client

    def price(self, price_id: str) -> Price:
        """Read once, then kept for an hour by this instance."""
        now = time.monotonic()
        kept = self._prices.get(price_id)
        if kept is not None and now - kept[0] < PRICE_CACHE_SECONDS:
            return kept[1]
        found = self._call("reading a price", lambda client: client.v1.prices.retrieve(price_id))
        recurring = found.recurring
        price = Price(id=found.id, unit_amount=int(found.unit_amount or 0), currency=str(found.currency).upper(),
                      interval=str(recurring.interval) if recurring else "month")
        self._prices[price_id] = (now, price)
        return price

    def create_checkout(self, checkout: NewCheckout) -> CheckoutSession:
        params = {
            "mode": "subscription",
            "line_items": [{"price": checkout.price_id, "quantity": checkout.quantity}],
            "client_reference_id": checkout.reference,
            "metadata": {"registration_id": checkout.reference},
            "subscription_data": {"metadata": {"registration_id": checkout.reference}},
            "customer_email": checkout.email,
            "success_url": checkout.success_url,
            "cancel_url": checkout.cancel_url,
            "expires_at": int(checkout.expires_at.timestamp()),
        }
        options = {"idempotency_key": checkout.idempotency_key}
        made = self._call("opening a checkout", lambda client: client.v1.checkout.sessions.create(params, options))
        return _session(made)

    def checkout_session(self, session_id: str) -> CheckoutSession:
        return _session(self._call("reading a checkout", lambda client: client.v1.checkout.sessions.retrieve(session_id)))

    def _call(self, purpose: str, operation: Any) -> Any:
        import stripe

        try:
            return operation(self._stripe())
        except (stripe.APIConnectionError, stripe.RateLimitError) as err:
            log.warning("stripe: %s failed: %s (request %s)", purpose, type(err).__name__, getattr(err, "request_id", None))
            raise Unavailable(f"the payment provider did not answer ({purpose}); try again in a moment") from None
        except stripe.StripeError as err:
            # Our request was refused: a configuration problem (key, price id), not the caller's.
            log.error("stripe: %s refused: %s HTTP %s (request %s)", purpose, type(err).__name__,
                      getattr(err, "http_status", None), getattr(err, "request_id", None))
            raise Unavailable(f"the payment provider refused {purpose}; the operators have been told") from None


def _session(raw: Any) -> CheckoutSession:
    from datetime import UTC

    return CheckoutSession(id=str(raw.id), url=str(raw.url or ""), status=str(raw.status or "open"),
                           expires_at=datetime.fromtimestamp(int(raw.expires_at), tz=UTC))
