"""In-memory fakes of the event plumbing's database ports (events/ports.py)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from events.ports import OutboxRow


@dataclass
class _Entry:
    row: OutboxRow
    available_at: datetime
    published_at: datetime | None = None
    last_error: str | None = None


class InMemoryOutbox:
    """Behaves like mirai_outbox_claim / _mark_published / _mark_failed on a clock the test moves."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)
        self._entries: dict[uuid.UUID, _Entry] = {}
        self._lock = threading.Lock()

    def add(self, type: str, data: dict[str, Any], *, source: str = "/mirai/test", tenant_id: uuid.UUID | None = None,
            subject: str | None = None) -> uuid.UUID:
        row = OutboxRow(id=uuid.uuid4(), type=type, source=source, data=data, created_at=self.now,
                        tenant_id=tenant_id, subject=subject)
        self._entries[row.id] = _Entry(row=row, available_at=self.now)
        self.now += timedelta(microseconds=1)
        return row.id

    def claim(self, *, limit: int, lease_seconds: int) -> Sequence[OutboxRow]:
        with self._lock:
            due = sorted(
                (e for e in self._entries.values() if e.published_at is None and e.available_at <= self.now),
                key=lambda e: e.row.created_at,
            )[:limit]
            for entry in due:
                entry.available_at = self.now + timedelta(seconds=lease_seconds)
            return [entry.row for entry in due]

    def mark_published(self, ids: Sequence[uuid.UUID]) -> int:
        with self._lock:
            marked = 0
            for row_id in ids:
                entry = self._entries[row_id]
                if entry.published_at is None:
                    entry.published_at = self.now
                    marked += 1
            return marked

    def mark_failed(self, row_id: uuid.UUID, *, error: str, retry_in_seconds: int) -> None:
        with self._lock:
            entry = self._entries[row_id]
            entry.row = replace(entry.row, attempts=entry.row.attempts + 1)
            entry.last_error = error
            entry.available_at = self.now + timedelta(seconds=retry_in_seconds)

    def entry(self, row_id: uuid.UUID) -> _Entry:
        return self._entries[row_id]


class InMemoryProcessedEvents:
    def __init__(self, committed: set[tuple[str, str, str]], staged: set[tuple[str, str, str]]) -> None:
        self._committed = committed
        self._staged = staged

    def mark_processed(self, *, consumer: str, source: str, event_id: str) -> bool:
        key = (consumer, source, event_id)
        if key in self._committed or key in self._staged:
            return False
        self._staged.add(key)
        return True


@dataclass
class InMemoryTransaction:
    processed_events: InMemoryProcessedEvents
    writes: list[Any] = field(default_factory=list)


class InMemoryEventTransactions:
    """Transactions serialised by one lock (as the row lock on processed_events would);
    marks and writes become visible only on commit."""

    def __init__(self) -> None:
        self.processed: set[tuple[str, str, str]] = set()
        self.committed_writes: list[Any] = []
        self._lock = threading.Lock()

    @contextmanager
    def __call__(self) -> Iterator[InMemoryTransaction]:
        with self._lock:
            staged: set[tuple[str, str, str]] = set()
            tx = InMemoryTransaction(InMemoryProcessedEvents(self.processed, staged))
            yield tx
            self.processed |= staged
            self.committed_writes.extend(tx.writes)


@dataclass(frozen=True)
class DeadLetter:
    id: uuid.UUID
    consumer: str
    source: str
    event_id: str
    type: str
    data: Any
    error: str


class InMemoryDeadLetters:
    def __init__(self) -> None:
        self.letters: list[DeadLetter] = []

    def record(self, *, consumer: str, source: str, event_id: str, type: str, data: Any, error: str) -> uuid.UUID:
        letter = DeadLetter(uuid.uuid4(), consumer, source, event_id, type, data, error)
        self.letters.append(letter)
        return letter.id


class InMemoryRegistrations:
    def __init__(self, expires_at: list[datetime], now: datetime) -> None:
        self.expires_at = list(expires_at)
        self.now = now

    def delete_expired(self) -> int:
        before = len(self.expires_at)
        self.expires_at = [t for t in self.expires_at if t > self.now]
        return before - len(self.expires_at)


class RecordingPublisher:
    """An EventPublisher that keeps what it was given; refuses types listed in ``refuse``."""

    def __init__(self, refuse: set[str] | None = None) -> None:
        self.events: list[Any] = []
        self.refuse = refuse or set()

    def publish(self, event: Any) -> None:
        from common.adapters.events_publisher import PublishFailed

        if event["type"] in self.refuse:
            raise PublishFailed(f"broker refused {event['type']}")
        self.events.append(event)
