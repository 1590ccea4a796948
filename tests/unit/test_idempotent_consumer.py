"""A consumer wrapped by events.consumer.idempotent acts once per source + id."""

from __future__ import annotations

import threading

import pytest
from cloudevents.http import CloudEvent

from events.consumer import idempotent
from tests.fakes.event_stores import InMemoryEventTransactions


def _event(event_id: str, source: str = "/mirai/course") -> CloudEvent:
    return CloudEvent({"id": event_id, "source": source, "type": "io.mirai.export.requested"}, {})


def test_a_redelivered_event_is_handled_once() -> None:
    transactions = InMemoryEventTransactions()
    handle = idempotent("exporter", transactions=transactions, handler=lambda event, tx: tx.writes.append(event["id"]))
    assert handle(_event("e1")) is True
    assert handle(_event("e1")) is False
    assert transactions.committed_writes == ["e1"]


def test_the_same_id_from_another_source_or_for_another_consumer_is_a_different_event() -> None:
    transactions = InMemoryEventTransactions()
    exporter = idempotent("exporter", transactions=transactions, handler=lambda e, tx: tx.writes.append(("x", e["source"])))
    notifier = idempotent("notifier", transactions=transactions, handler=lambda e, tx: tx.writes.append(("n", e["source"])))
    assert exporter(_event("e1", "/mirai/course")) and exporter(_event("e1", "/mirai/sme")) and notifier(_event("e1"))
    assert len(transactions.committed_writes) == 3


def test_a_failed_handler_leaves_no_mark_so_the_retry_runs_it() -> None:
    transactions = InMemoryEventTransactions()
    attempts: list[str] = []

    def flaky(event: CloudEvent, tx: object) -> None:
        attempts.append(event["id"])
        if len(attempts) == 1:
            raise RuntimeError("lost the database")
        tx.writes.append(event["id"])  # type: ignore[attr-defined]

    handle = idempotent("exporter", transactions=transactions, handler=flaky)
    with pytest.raises(RuntimeError):
        handle(_event("e1"))
    assert transactions.committed_writes == [] and transactions.processed == set()
    assert handle(_event("e1")) is True
    assert attempts == ["e1", "e1"] and transactions.committed_writes == ["e1"]


def test_concurrent_duplicates_run_the_handler_once() -> None:
    transactions = InMemoryEventTransactions()
    handle = idempotent("exporter", transactions=transactions, handler=lambda e, tx: tx.writes.append(e["id"]))
    start = threading.Barrier(8)
    results: list[bool] = []

    def deliver() -> None:
        start.wait(timeout=10)
        results.append(handle(_event("e1")))

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert transactions.committed_writes == ["e1"]
