"""The outbox relay publishes each committed row once, as a CloudEvent whose id is the row id."""

from __future__ import annotations

import uuid
from datetime import timedelta

from functions.jobs.outbox_relay import LEASE_SECONDS, relay_pending, retry_delay
from tests.fakes.event_stores import InMemoryOutbox, RecordingPublisher


def _export(tenant: uuid.UUID) -> dict[str, str]:
    return {"tenant_id": str(tenant), "export_id": str(uuid.uuid4()), "course_id": str(uuid.uuid4()), "format": "pdf"}


def test_pending_rows_are_published_once_with_their_id_type_and_tenant() -> None:
    outbox, publisher = InMemoryOutbox(), RecordingPublisher()
    tenant = uuid.uuid4()
    row_id = outbox.add("io.mirai.export.requested", _export(tenant), source="/mirai/course", tenant_id=tenant, subject="course/1")
    report = relay_pending(outbox, publisher)
    assert (report.published, report.failed) == (1, 0)
    (event,) = publisher.events
    assert event["id"] == str(row_id) and event["type"] == "io.mirai.export.requested"
    assert event["source"] == "/mirai/course" and event["subject"] == "course/1"
    assert event["tenantid"] == str(tenant)
    assert outbox.entry(row_id).published_at is not None
    outbox.now += timedelta(hours=2)
    assert relay_pending(outbox, publisher).published == 0
    assert len(publisher.events) == 1


def test_rows_are_published_oldest_first_across_batches() -> None:
    outbox, publisher = InMemoryOutbox(), RecordingPublisher()
    ids = [outbox.add("io.mirai.outbox.pending", {}) for _ in range(7)]
    assert relay_pending(outbox, publisher, batch_size=3).published == 7
    assert [e["id"] for e in publisher.events] == [str(i) for i in ids]


def test_a_row_the_broker_refuses_is_retried_later_and_the_others_still_go_out() -> None:
    outbox, publisher = InMemoryOutbox(), RecordingPublisher(refuse={"io.mirai.export.requested"})
    refused = outbox.add("io.mirai.export.requested", _export(uuid.uuid4()))
    fine = outbox.add("io.mirai.outbox.pending", {})
    report = relay_pending(outbox, publisher)
    assert (report.published, report.failed) == (1, 1)
    assert [e["id"] for e in publisher.events] == [str(fine)]
    entry = outbox.entry(refused)
    assert entry.published_at is None and "refused" in (entry.last_error or "")
    assert entry.available_at == outbox.now + timedelta(seconds=retry_delay(0))
    publisher.refuse.clear()
    assert relay_pending(outbox, publisher).published == 0  # not due yet
    outbox.now += timedelta(seconds=retry_delay(0))
    assert relay_pending(outbox, publisher).published == 1
    assert publisher.events[-1]["id"] == str(refused)


def test_a_row_whose_data_breaks_its_schema_is_not_published() -> None:
    outbox, publisher = InMemoryOutbox(), RecordingPublisher()
    bad = outbox.add("io.mirai.export.requested", {"export_id": "nope"})
    unknown = outbox.add("io.mirai.not.catalogued", {})
    assert relay_pending(outbox, publisher).failed == 2
    assert publisher.events == []
    assert "export_id" in (outbox.entry(bad).last_error or "") or "required" in (outbox.entry(bad).last_error or "")
    assert "catalogue" in (outbox.entry(unknown).last_error or "")


def test_rows_claimed_by_another_relay_are_left_alone_until_the_lease_ends() -> None:
    outbox, publisher = InMemoryOutbox(), RecordingPublisher()
    row_id = outbox.add("io.mirai.outbox.pending", {})
    assert [r.id for r in outbox.claim(limit=10, lease_seconds=LEASE_SECONDS)] == [row_id]  # a relay that then crashed
    assert relay_pending(outbox, publisher).published == 0
    outbox.now += timedelta(seconds=LEASE_SECONDS)
    assert relay_pending(outbox, publisher).published == 1


def test_retry_delay_grows_and_is_capped_at_an_hour() -> None:
    delays = [retry_delay(n) for n in range(15)]
    assert delays[:3] == [5, 10, 20]
    assert delays == sorted(delays) and max(delays) == 3600


def test_the_post_commit_nudge_asks_the_relay_to_run_and_never_fails_the_caller() -> None:
    from events.catalogue import validate_data
    from events.outbox import OUTBOX_PENDING, RelayNudge

    publisher = RecordingPublisher()
    assert RelayNudge(publisher)() is True
    (event,) = publisher.events
    assert event["type"] == OUTBOX_PENDING
    validate_data(event["type"], event.data)
    assert RelayNudge(RecordingPublisher(refuse={OUTBOX_PENDING}))() is False
    assert RelayNudge(None)() is False
