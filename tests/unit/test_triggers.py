"""Trigger matching and delivery policies, read from the generated manifests."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.triggers import DeliveryPolicy, Subscriber, TriggerRule, iso_duration_seconds, matching
from functions.local.broker import load_rules
from functions.manifests.names import PING_TYPE, ping_source_uri

KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"


def test_exact_attribute_filters_must_all_match() -> None:
    rule = TriggerRule(name="r", subscriber=Subscriber(service="s"), filter={"type": "io.mirai.export.requested", "tenantid": "t1"})
    assert rule.matches({"type": "io.mirai.export.requested", "tenantid": "t1", "source": "/mirai/course"})
    assert not rule.matches({"type": "io.mirai.export.requested", "tenantid": "t2"})
    assert not rule.matches({"type": "io.mirai.export.requested"})
    assert not rule.matches({"type": "io.mirai.export.requested.v2", "tenantid": "t1"})


def test_an_empty_filter_value_matches_any_value_and_no_filter_matches_all() -> None:
    assert TriggerRule(name="r", subscriber=Subscriber(service="s"), filter={"type": ""}).matches({"type": "x"})
    assert TriggerRule(name="r", subscriber=Subscriber(uri="http://127.0.0.1:1/")).matches({"type": "anything"})


def test_iso_durations_are_read_like_knative_does() -> None:
    assert iso_duration_seconds("PT1S") == 1
    assert iso_duration_seconds("PT0.2S") == pytest.approx(0.2)
    assert iso_duration_seconds("PT1M30S") == 90
    assert iso_duration_seconds("P1DT1H") == 90000
    for bad in ("1s", "PT", "P", "PTXS"):
        with pytest.raises(ValueError, match="ISO 8601"):
            iso_duration_seconds(bad)


def test_backoff_doubles_for_exponential_and_grows_evenly_for_linear() -> None:
    assert [DeliveryPolicy(retry=4, backoff_delay_seconds=1).backoff(n) for n in range(4)] == [1, 2, 4, 8]
    assert [DeliveryPolicy(retry=3, backoff_policy="linear", backoff_delay_seconds=2).backoff(n) for n in range(3)] == [2, 4, 6]


def test_rules_read_from_the_generated_triggers_route_schedules_and_nudges() -> None:
    rules = load_rules(KNATIVE_DIR)
    tick = {"type": PING_TYPE, "source": ping_source_uri("cleanup-expired-registrations-schedule"), "id": "1"}
    assert [r.subscriber.service for r in matching(rules, tick)] == ["cleanup-expired-registrations"]
    nudge = {"type": "io.mirai.outbox.pending", "source": "/mirai/outbox", "id": "2"}
    assert [r.subscriber.service for r in matching(rules, nudge)] == ["outbox-relay"]
    other_tick = {"type": PING_TYPE, "source": ping_source_uri("someone-else"), "id": "3"}
    assert matching(rules, other_tick) == []
    for rule in rules:
        assert rule.delivery.dead_letter == Subscriber(service="dead-letter")
        assert rule.delivery.retry == 5 and rule.delivery.backoff_delay_seconds == 1


def test_a_subscriber_is_a_service_or_a_uri_never_both() -> None:
    with pytest.raises(ValueError, match="either"):
        Subscriber(service="a", uri="http://127.0.0.1/")
    assert Subscriber(service="outbox-relay").address("mirai") == "http://outbox-relay.mirai.svc.cluster.local"
