"""Publishes committed outbox rows to the broker, each once.

Rows are claimed with a lease (``mirai_outbox_claim``), so the every-minute
tick and a post-commit nudge running together never publish the same row twice;
a relay that dies mid-batch leaves its rows to be claimed again when the lease
ends (at least once: consumers dedupe on source + id, and the event id is the row id).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cloudevents.http import CloudEvent

from events.catalogue import TENANT_EXTENSION, InvalidEventData, UnknownEventType, validate_data
from events.ports import EventPublisher, OutboxRow, OutboxStore

log = logging.getLogger("mirai.outbox")

BATCH_SIZE = 100
LEASE_SECONDS = 60
MAX_BATCHES = 20
MAX_RETRY_SECONDS = 3600


@dataclass(frozen=True)
class RelayReport:
    published: int
    failed: int


def retry_delay(attempts: int) -> int:
    """Seconds before a failed row is due again: 5 s doubling per attempt, at most an hour."""
    return int(min(MAX_RETRY_SECONDS, 5 * 2 ** min(attempts, 20)))


def to_cloudevent(row: OutboxRow) -> CloudEvent:
    attributes: dict[str, Any] = {
        "id": str(row.id),
        "type": row.type,
        "source": row.source,
        "time": row.created_at.isoformat(),
        "datacontenttype": "application/json",
    }
    if row.subject:
        attributes["subject"] = row.subject
    if row.tenant_id:
        attributes[TENANT_EXTENSION] = str(row.tenant_id)
    return CloudEvent(attributes, row.data)


def _publish_row(row: OutboxRow, publisher: EventPublisher) -> str | None:
    """None when published, else the error to record."""
    from common.adapters.events_publisher import PublishFailed

    try:
        validate_data(row.type, row.data)
        publisher.publish(to_cloudevent(row))
    except (UnknownEventType, InvalidEventData, PublishFailed) as err:
        return str(err)
    return None


def relay_pending(store: OutboxStore, publisher: EventPublisher, *, batch_size: int = BATCH_SIZE) -> RelayReport:
    published = failed = 0
    for _ in range(MAX_BATCHES):
        rows = store.claim(limit=batch_size, lease_seconds=LEASE_SECONDS)
        if not rows:
            break
        done = []
        for row in rows:
            error = _publish_row(row, publisher)
            if error is None:
                done.append(row.id)
                continue
            failed += 1
            log.warning("outbox row %s (%s) not published: %s", row.id, row.type, error)
            store.mark_failed(row.id, error=error, retry_in_seconds=retry_delay(row.attempts))
        if done:
            published += store.mark_published(done)
        if len(rows) < batch_size:
            break
    if published or failed:
        log.info("outbox relay: %d published, %d failed", published, failed)
    return RelayReport(published=published, failed=failed)


def outbox_relay(container: Any) -> Callable[[CloudEvent], RelayReport]:
    def handle(event: CloudEvent) -> RelayReport:
        return relay_pending(container.outbox_store, container.event_publisher)

    return handle
