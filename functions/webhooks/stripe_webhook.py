"""POST /webhooks/stripe: a signed Stripe event becomes a CloudEvent on the broker.

Bad or missing signature, or a signed body that is not a Stripe event object:
400 and nothing published. A type outside the event
catalogue: 200 (so Stripe stops retrying) and nothing published. Broker
unreachable: 503, and Stripe retries later with the same event id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from common.config import ConfigError
from common.rpc.http import SinglePath, WSGIApp, plain_response
from events.catalogue import is_known
from events.ports import EventPublisher
from functions.webhooks.request import BadBody, json_object, read_body

log = logging.getLogger("mirai.webhooks")

PATH = "/webhooks/stripe"


class StripeWebhook:
    def __init__(self, *, secret: str, publisher: EventPublisher) -> None:
        self._secret = secret
        self._publisher = publisher

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        from common.adapters.events_publisher import PublishFailed
        from common.adapters.stripe_signatures import InvalidSignature, verify_stripe_signature
        from events.stripe_events import NotAStripeEvent, to_cloudevent

        if environ["REQUEST_METHOD"] != "POST":
            return plain_response(start_response, "405 Method Not Allowed", {"error": "POST a Stripe event"})
        try:
            body = read_body(environ)
            verify_stripe_signature(body, environ.get("HTTP_STRIPE_SIGNATURE"), secret=self._secret)
            event = to_cloudevent(json_object(body))
        except (InvalidSignature, BadBody, NotAStripeEvent) as err:
            log.warning("stripe webhook refused: %s", err)
            return plain_response(start_response, "400 Bad Request", {"error": str(err)})
        if not is_known(event["type"]):
            log.info("stripe webhook: ignoring %s (%s), not in the event catalogue", event["type"], event["id"])
            return plain_response(start_response, "200 OK", {"status": "ignored", "type": event["type"]})
        try:
            self._publisher.publish(event)
        except PublishFailed as err:
            log.error("stripe webhook: %s", err)
            return plain_response(start_response, "503 Service Unavailable", {"error": "event not accepted; retry"})
        return plain_response(start_response, "200 OK", {"status": "published", "id": event["id"]})


def stripe_webhook(container: Any) -> WSGIApp:
    secret = container.settings.stripe.webhook_secret
    if not secret:
        raise ConfigError("STRIPE_WEBHOOK_SECRET is required for the Stripe webhook (whsec_…)")
    return SinglePath(StripeWebhook(secret=secret, publisher=container.event_publisher), PATH)
