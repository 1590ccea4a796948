"""The in-process broker of ``make run``: Knative's Broker + Triggers on one machine.

Routing comes from the generated ``knative/triggers.yaml`` (the same filters the
cluster applies), with the same delivery policy: retries with backoff, then the
dead-letter sink with Knative's ``knativeerror*`` extensions. Deliveries run
concurrently on a thread pool, as several Knative instances would take them.

The runner's port is reachable by anyone on the machine, and an event posted to the
broker is trusted by its consumers (a ``checkout.session.completed`` marks a registration
paid). So the ingress answers only at ``/_broker/<token>``, a random capability the runner
makes at start and hands to its own functions alone, as their ``K_SINK``.
"""

from __future__ import annotations

import base64
import hmac
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloudevents.http import CloudEvent

from common.adapters.events_publisher import is_retryable
from common.rpc.http import plain_response
from events.triggers import Subscriber, TriggerRule, matching, rule_from_manifest
from functions.manifests.names import NAMESPACE

log = logging.getLogger("mirai.broker")

MAX_IN_FLIGHT = 64
MAX_ERROR_DATA = 1024
BROKER_PATH = "/_broker"


def new_ingress_token() -> str:
    return secrets.token_urlsafe(32)


def sink_url(base_url: str, ingress_token: str) -> str:
    """What ``K_SINK`` is for the functions of the runner at ``base_url``."""
    return f"{base_url}{BROKER_PATH}/{ingress_token}"


@dataclass(frozen=True)
class DeliveryResult:
    status: int
    """HTTP status; 0 when the subscriber could not be reached."""
    body: bytes = b""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


Deliver = Callable[[Subscriber, CloudEvent], DeliveryResult]


@dataclass(frozen=True)
class Outcome:
    trigger: str
    delivered: bool
    attempts: int
    dead_lettered: bool


def load_rules(knative_dir: Path) -> list[TriggerRule]:
    from functions.manifests import load

    return [rule_from_manifest(doc) for doc in load(knative_dir, "triggers.yaml")]


def _with_failure(event: CloudEvent, subscriber: Subscriber, result: DeliveryResult) -> CloudEvent:
    attributes = dict(event.get_attributes())
    attributes["knativeerrordest"] = subscriber.address(NAMESPACE)
    attributes["knativeerrorcode"] = str(result.status)
    if result.body:
        attributes["knativeerrordata"] = base64.b64encode(result.body[:MAX_ERROR_DATA]).decode()
    return CloudEvent(attributes, event.data)


class LocalBroker:
    def __init__(
        self,
        rules: Sequence[TriggerRule],
        *,
        deliver: Deliver,
        sleep: Callable[[float], None] | None = None,
        max_in_flight: int = MAX_IN_FLIGHT,
        ingress_token: str | None = None,
    ) -> None:
        self.rules = list(rules)
        self._ingress_path = f"{BROKER_PATH}/{ingress_token or new_ingress_token()}".encode()
        self._deliver = deliver
        self._closed = threading.Event()
        # Backoff waits end early on close, so stopping `make run` does not sit out a retry schedule.
        self._sleep = sleep or self._closed.wait
        self._pool = ThreadPoolExecutor(max_workers=max_in_flight, thread_name_prefix="broker")

    def publish(self, event: CloudEvent) -> list[Future[Outcome]]:
        """Routes to every matching trigger; returns one future per delivery."""
        rules = matching(self.rules, event.get_attributes())
        if not rules:
            log.info("no trigger for %s %s; dropped", event["type"], event["id"])
        return [self._pool.submit(self._run, rule, event) for rule in rules]

    def _attempt(self, subscriber: Subscriber, event: CloudEvent) -> DeliveryResult:
        try:
            return self._deliver(subscriber, event)
        except Exception:  # a crashing subscriber is a failed delivery, as on the cluster
            log.exception("delivering %s to %s crashed", event["id"], subscriber)
            return DeliveryResult(500, b"subscriber crashed")

    def _with_retries(self, rule: TriggerRule, subscriber: Subscriber, event: CloudEvent) -> tuple[DeliveryResult, int]:
        policy = rule.delivery
        result = self._attempt(subscriber, event)
        attempts = 1
        while not result.ok and (result.status == 0 or is_retryable(result.status)) and attempts <= policy.retry:
            self._sleep(policy.backoff(attempts - 1))
            if self._closed.is_set():
                break
            result = self._attempt(subscriber, event)
            attempts += 1
        return result, attempts

    def _run(self, rule: TriggerRule, event: CloudEvent) -> Outcome:
        result, attempts = self._with_retries(rule, rule.subscriber, event)
        if result.ok:
            return Outcome(rule.name, delivered=True, attempts=attempts, dead_lettered=False)
        dead_letter = rule.delivery.dead_letter
        log.warning("%s: %s %s failed %d time(s) (HTTP %s)", rule.name, event["type"], event["id"], attempts, result.status)
        if dead_letter is None:
            return Outcome(rule.name, delivered=False, attempts=attempts, dead_lettered=False)
        letter = _with_failure(event, rule.subscriber, result)
        dls_result, _ = self._with_retries(rule, dead_letter, letter)
        if not dls_result.ok:
            log.error("%s: dead-letter sink refused %s (HTTP %s); event dropped", rule.name, event["id"], dls_result.status)
        return Outcome(rule.name, delivered=False, attempts=attempts, dead_lettered=dls_result.ok)

    def close(self) -> None:
        self._closed.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def ingress(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """``POST /_broker/<token>``: what ``K_SINK`` points at locally (binary or structured CloudEvents)."""
        from functions.event_target import parse_cloudevent

        if not hmac.compare_digest(environ.get("PATH_INFO", "").encode(), self._ingress_path):
            return plain_response(
                start_response, "403 Forbidden",
                {"error": f"{BROKER_PATH}: accepts events only from this runner's own functions (their K_SINK)"},
            )
        if environ["REQUEST_METHOD"] != "POST":
            return plain_response(start_response, "405 Method Not Allowed", {"error": "POST a CloudEvent"})
        try:
            event = parse_cloudevent(environ)
        except ValueError as err:
            return plain_response(start_response, "400 Bad Request", {"error": str(err)})
        self.publish(event)
        return plain_response(start_response, "202 Accepted", {"id": event["id"]})


class WsgiDelivery:
    """Delivers to a target's WSGI application in this process (as binary-mode HTTP),
    or to a plain URI over real HTTP."""

    def __init__(self, app_for_service: Callable[[str], Any], *, timeout_seconds: float = 600) -> None:
        self._app_for_service = app_for_service
        self._timeout = timeout_seconds

    def __call__(self, subscriber: Subscriber, event: CloudEvent) -> DeliveryResult:
        from events.http_binding import to_binary

        headers, body = to_binary(event)
        if subscriber.uri:
            return self._post(subscriber.uri, headers, body or b"")
        from werkzeug.test import EnvironBuilder, run_wsgi_app

        app = self._app_for_service(subscriber.service or "")
        environ = EnvironBuilder(path="/", method="POST", headers=list(headers.items()), data=body or b"").get_environ()
        app_iter, status, _ = run_wsgi_app(app, environ, buffered=True)
        return DeliveryResult(int(status.split(" ", 1)[0]), b"".join(app_iter))

    def _post(self, uri: str, headers: dict[str, str], body: bytes) -> DeliveryResult:
        import urllib.error
        import urllib.request

        request = urllib.request.Request(uri, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                return DeliveryResult(int(response.status), response.read())
        except urllib.error.HTTPError as err:
            return DeliveryResult(err.code, err.read())
        except (urllib.error.URLError, OSError):
            return DeliveryResult(0)
