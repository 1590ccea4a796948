"""The dead-letter function records what failed, where and why; cleanup removes expired registrations."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

from cloudevents.http import CloudEvent

from functions.jobs.cleanup_expired_registrations import remove_expired_registrations
from functions.jobs.dead_letter import consumer_of, record_dead_letter
from tests.fakes.event_stores import InMemoryDeadLetters, InMemoryRegistrations


def test_a_dead_letter_is_recorded_with_its_consumer_event_and_error() -> None:
    letters = InMemoryDeadLetters()
    event = CloudEvent(
        {
            "id": "row-1",
            "source": "/mirai/course",
            "type": "io.mirai.export.requested",
            "knativeerrordest": "http://course-exporter.mirai.svc.cluster.local",
            "knativeerrorcode": "503",
            "knativeerrordata": base64.b64encode(b'{"error": "database is down"}').decode(),
        },
        {"export_id": "e"},
    )
    record_dead_letter(event, letters)
    (letter,) = letters.letters
    assert (letter.consumer, letter.source, letter.event_id, letter.type) == ("course-exporter", "/mirai/course", "row-1", "io.mirai.export.requested")
    assert letter.data == {"export_id": "e"}
    assert letter.error == 'HTTP 503: {"error": "database is down"}'


def test_a_dead_letter_without_knative_details_is_still_recorded() -> None:
    letters = InMemoryDeadLetters()
    record_dead_letter(CloudEvent({"id": "x", "source": "/s", "type": "t"}, None), letters)
    assert letters.letters[0].consumer == "unknown" and letters.letters[0].error == "HTTP no response"


def test_the_consumer_is_the_first_label_of_the_subscriber_host() -> None:
    assert consumer_of("http://outbox-relay.mirai.svc.cluster.local/") == "outbox-relay"
    assert consumer_of(None) == "unknown"


def test_cleanup_removes_only_expired_registrations_and_a_second_run_finds_none() -> None:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    registrations = InMemoryRegistrations([now - timedelta(hours=1), now - timedelta(days=3), now + timedelta(hours=5)], now)
    assert remove_expired_registrations(registrations) == 2
    assert registrations.expires_at == [now + timedelta(hours=5)]
    assert remove_expired_registrations(registrations) == 0
