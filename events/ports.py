"""Ports the event plumbing needs from the database, as small Protocols.

Their PostgreSQL implementations live in ``common/repos/`` (SECURITY DEFINER
functions ``mirai_outbox_*``, ``mirai_record_dead_letter``,
``mirai_cleanup_expired_registrations`` and the ``processed_events`` table);
tests use in-memory fakes of these ports.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from cloudevents.http import CloudEvent


class EventPublisher(Protocol):
    def publish(self, event: CloudEvent) -> None:
        """Deliver to the broker, or raise ``PublishFailed`` once retries are spent."""


@dataclass(frozen=True)
class OutboxRow:
    """One ``outbox`` row: an event committed with the change that caused it."""

    id: uuid.UUID
    type: str
    source: str
    data: dict[str, Any]
    created_at: datetime
    tenant_id: uuid.UUID | None = None
    subject: str | None = None
    attempts: int = 0


class OutboxStore(Protocol):
    def claim(self, *, limit: int, lease_seconds: int) -> Sequence[OutboxRow]:
        """Up to ``limit`` due, unpublished rows, leased for ``lease_seconds`` so no other
        relay takes them meanwhile (``mirai_outbox_claim``). Oldest first."""

    def mark_published(self, ids: Sequence[uuid.UUID]) -> int:
        """Marks the rows published (``mirai_outbox_mark_published``); returns how many were marked."""

    def mark_failed(self, row_id: uuid.UUID, *, error: str, retry_in_seconds: int) -> None:
        """Records the error and makes the row due again later (``mirai_outbox_mark_failed``)."""


class ProcessedEvents(Protocol):
    def mark_processed(self, *, consumer: str, source: str, event_id: str) -> bool:
        """Inserts (consumer, source, event_id) in the caller's transaction; False if it was
        already there (``insert … on conflict do nothing``). A concurrent duplicate waits on the
        row lock until the first transaction ends."""


class EventTransaction(Protocol):
    """A unit of work whose commit also commits the processed-event mark."""

    @property
    def processed_events(self) -> ProcessedEvents: ...


class EventTransactions(Protocol):
    def __call__(self) -> AbstractContextManager[EventTransaction]:
        """Opens a transaction: commit on clean exit, rollback on error (e.g. ``db.system_session``)."""


class DeadLetters(Protocol):
    def record(
        self,
        *,
        consumer: str,
        source: str,
        event_id: str,
        type: str,
        data: Any,
        error: str,
    ) -> uuid.UUID:
        """Stores an event its consumer gave up on (``mirai_record_dead_letter``); returns its id."""


class ExpiredRegistrations(Protocol):
    def delete_expired(self) -> int:
        """Removes pending registrations past their expiry (``mirai_cleanup_expired_registrations``)."""
