"""PingSource schedules fire on their cron ticks with the event Knative's PingSource sends."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from cloudevents.http import CloudEvent

from events.catalogue import validate_data
from events.triggers import matching
from functions.local.broker import load_rules
from functions.local.schedules import PingSchedule, PingScheduler, load_schedules
from functions.manifests.names import PING_TYPE

KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"


def test_ticks_follow_the_cron_expression() -> None:
    hourly = PingSchedule(name="cleanup", schedule="0 * * * *")
    start = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)
    assert hourly.ticks_between(start, datetime(2026, 3, 1, 12, 59, tzinfo=UTC)) == [
        datetime(2026, 3, 1, 11, 0, tzinfo=UTC),
        datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
    ]
    every_minute = PingSchedule(name="relay", schedule="* * * * *")
    assert len(every_minute.ticks_between(start, datetime(2026, 3, 1, 10, 35, tzinfo=UTC))) == 5
    assert hourly.next_after(start) == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)


def test_due_schedules_publish_ping_events_that_the_generated_triggers_route() -> None:
    published: list[CloudEvent] = []
    scheduler = PingScheduler(load_schedules(KNATIVE_DIR), published.append)
    fired = scheduler.fire_due(datetime(2026, 3, 1, 10, 59, 30, tzinfo=UTC), datetime(2026, 3, 1, 11, 0, 30, tzinfo=UTC))
    assert fired == published
    rules = load_rules(KNATIVE_DIR)
    routed = sorted(r.subscriber.service for event in published for r in matching(rules, event.get_attributes()))
    assert routed == ["cleanup-expired-registrations", "export-sweep", "generation-lease-sweep", "outbox-relay",
                      "provisioning-sweep", "sme-task-reminders"]
    for event in published:
        assert event["type"] == PING_TYPE and event["time"].startswith("2026-03-01T11:00:00")
        validate_data(PING_TYPE, event.data)
    assert {e.data["job"] for e in published} == {"cleanup_expired_registrations", "export_sweep", "generation_lease_sweep",
                                                  "outbox_relay", "provisioning_sweep", "sme_task_reminders"}


def test_nothing_fires_between_ticks() -> None:
    scheduler = PingScheduler([PingSchedule(name="c", schedule="0 * * * *", data=json.dumps({"job": "c"}))], lambda e: None)
    assert scheduler.fire_due(datetime(2026, 3, 1, 11, 0, 1, tzinfo=UTC), datetime(2026, 3, 1, 11, 59, 59, tzinfo=UTC)) == []
