"""The local broker: routes by the generated Trigger filters, delivers concurrently,
retries with exponential backoff, then dead-letters with Knative's error extensions."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

from cloudevents.http import CloudEvent

from events.triggers import DeliveryPolicy, Subscriber, TriggerRule
from functions.local.broker import DeliveryResult, LocalBroker, WsgiDelivery, load_rules
from tests.fakes.event_receiver import event_receiver

KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"
FANOUT = 20


def _event(event_id: str, type_: str = "io.mirai.generation.lesson.requested") -> CloudEvent:
    return CloudEvent({"id": event_id, "type": type_, "source": "/mirai/ai_generation", "datacontenttype": "application/json"}, {"i": event_id})


def test_a_fan_out_is_delivered_in_parallel_not_one_by_one() -> None:
    in_flight = threading.Barrier(FANOUT)  # opens only when all FANOUT deliveries are inside the consumer at once

    def consumer(subscriber: Subscriber, event: CloudEvent) -> DeliveryResult:
        in_flight.wait(timeout=30)
        return DeliveryResult(200)

    rule = TriggerRule(name="lessons", subscriber=Subscriber(service="lesson-writer"), filter={"type": "io.mirai.generation.lesson.requested"})
    broker = LocalBroker([rule], deliver=consumer)
    try:
        futures = [f for i in range(FANOUT) for f in broker.publish(_event(str(i)))]
        outcomes = [f.result(timeout=60) for f in futures]
    finally:
        broker.close()
    assert all(o.delivered and o.attempts == 1 for o in outcomes)
    assert not in_flight.broken


def test_failures_are_retried_with_exponential_backoff_then_dead_lettered_with_the_error() -> None:
    waits: list[float] = []
    calls: list[tuple[str, str]] = []
    dead: list[CloudEvent] = []

    def deliver(subscriber: Subscriber, event: CloudEvent) -> DeliveryResult:
        calls.append((subscriber.service or "", event["id"]))
        if subscriber.service == "dead-letter":
            dead.append(event)
            return DeliveryResult(200)
        return DeliveryResult(503, b'{"error": "database is down"}')

    policy = DeliveryPolicy(retry=3, backoff_delay_seconds=1, dead_letter=Subscriber(service="dead-letter"))
    rule = TriggerRule(name="exports", subscriber=Subscriber(service="exporter"), filter={"type": "io.mirai.export.requested"}, delivery=policy)
    broker = LocalBroker([rule], deliver=deliver, sleep=waits.append)
    try:
        (future,) = broker.publish(_event("x-1", "io.mirai.export.requested"))
        outcome = future.result(timeout=30)
    finally:
        broker.close()
    assert (outcome.delivered, outcome.attempts, outcome.dead_lettered) == (False, 4, True)
    assert waits == [1, 2, 4]
    assert calls == [("exporter", "x-1")] * 4 + [("dead-letter", "x-1")]
    (letter,) = dead
    assert letter["knativeerrordest"] == "http://exporter.mirai.svc.cluster.local"
    assert letter["knativeerrorcode"] == "503"
    assert base64.b64decode(letter["knativeerrordata"]) == b'{"error": "database is down"}'
    assert letter.data == {"i": "x-1"}


def test_a_hopeless_failure_goes_to_the_dead_letter_sink_without_retries() -> None:
    waits: list[float] = []
    calls: list[str] = []

    def deliver(subscriber: Subscriber, event: CloudEvent) -> DeliveryResult:
        calls.append(subscriber.service or "")
        return DeliveryResult(200) if subscriber.service == "dead-letter" else DeliveryResult(422, b"bad data")

    policy = DeliveryPolicy(retry=5, backoff_delay_seconds=1, dead_letter=Subscriber(service="dead-letter"))
    broker = LocalBroker([TriggerRule(name="r", subscriber=Subscriber(service="c"), delivery=policy)], deliver=deliver, sleep=waits.append)
    try:
        (future,) = broker.publish(_event("x"))
        assert future.result(timeout=30).dead_lettered
    finally:
        broker.close()
    assert calls == ["c", "dead-letter"] and waits == []


def test_a_delivery_that_recovers_is_not_dead_lettered() -> None:
    results = iter([DeliveryResult(500), DeliveryResult(0), DeliveryResult(200)])
    broker = LocalBroker(
        [TriggerRule(name="r", subscriber=Subscriber(service="c"), delivery=DeliveryPolicy(retry=5, dead_letter=Subscriber(service="d")))],
        deliver=lambda s, e: next(results),
        sleep=lambda seconds: None,
    )
    try:
        (future,) = broker.publish(_event("x"))
        outcome = future.result(timeout=30)
    finally:
        broker.close()
    assert (outcome.delivered, outcome.attempts, outcome.dead_lettered) == (True, 3, False)


def test_routing_uses_the_generated_triggers_and_reaches_uri_subscribers_over_http() -> None:
    with event_receiver() as receiver:
        # A type no generated Trigger routes, so the tap is its only subscriber.
        tap = TriggerRule(name="tap", subscriber=Subscriber(uri=receiver.url), filter={"type": "io.mirai.test.tapped"})
        broker = LocalBroker([*load_rules(KNATIVE_DIR), tap], deliver=WsgiDelivery(lambda name: None))
        try:
            assert broker.publish(_event("nobody-listens", "io.mirai.nothing.happened")) == []
            (future,) = broker.publish(_event("e-7", "io.mirai.test.tapped"))
            assert future.result(timeout=30).delivered
        finally:
            broker.close()
        (received,) = receiver.wait_for(1)
    assert received["id"] == "e-7" and received.data == {"i": "e-7"}


def test_in_process_delivery_goes_through_the_targets_http_endpoint() -> None:
    from common.errors import Unavailable
    from functions.event_target import CloudEventEndpoint

    received: list[CloudEvent] = []

    def handler(event: CloudEvent) -> None:
        if event["id"] == "fails":
            raise Unavailable("database is down")
        received.append(event)

    delivery = WsgiDelivery(lambda name: CloudEventEndpoint(handler, name=name))
    assert delivery(Subscriber(service="exporter"), _event("ok", "io.mirai.export.requested")).status == 204
    failed = delivery(Subscriber(service="exporter"), _event("fails", "io.mirai.export.requested"))
    assert failed.status == 503 and b"database is down" in failed.body
    assert [(e["id"], e.data) for e in received] == [("ok", {"i": "ok"})]
