"""The event plumbing's PostgreSQL side, against the real database and roles:
outbox rows commit with their change, the relay publishes each once even with
the broker away for a while, consumers dedupe, dead letters and cleanup stick."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from common.adapters.events_publisher import HttpEventPublisher
from common.db import Database
from events.catalogue import InvalidEventData
from functions.bootstrap import Container
from functions.jobs.outbox_relay import relay_pending
from tests.conftest import free_port
from tests.fakes.event_receiver import event_receiver
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.integration
GENERATION = "io.mirai.generation.requested"


@pytest.fixture(scope="module")
def tenant(container: Container) -> SeededTenant:
    return provision_tenant(container.db)


def _enqueue(container: Container, tenant: SeededTenant, count: int) -> list[uuid.UUID]:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        return [
            uow.outbox.add(
                type=GENERATION, source="/mirai/ai_generation",
                data={"tenant_id": str(tenant.tenant_id), "job_id": str(uuid.uuid4()), "job_type": "outline"},
            )
            for _ in range(count)
        ]


def _pending(owner_db: Database, ids: list[uuid.UUID]) -> int:
    with owner_db.system_session() as uow:
        return int(uow.session.execute(
            text("select count(*) from outbox where id = any(:ids) and published_at is null"), {"ids": ids}
        ).scalar_one())


def _make_due(owner_db: Database, ids: list[uuid.UUID]) -> None:
    """Stands in for the passing of the retry delay, so the test need not sleep through it."""
    with owner_db.system_session() as uow:
        uow.session.execute(text("update outbox set available_at = now() where id = any(:ids)"), {"ids": ids})


def test_outbox_rows_commit_with_the_change_and_roll_back_with_it(
    container: Container, owner_db: Database, tenant: SeededTenant
) -> None:
    committed = _enqueue(container, tenant, 1)
    rolled_back: list[uuid.UUID] = []
    with pytest.raises(RuntimeError), container.db.tenant_session(tenant.tenant_id) as uow:
        rolled_back.append(uow.outbox.add(
            type=GENERATION, source="/mirai/ai_generation",
            data={"tenant_id": str(tenant.tenant_id), "job_id": str(uuid.uuid4()), "job_type": "outline"},
        ))
        raise RuntimeError("the change failed")
    with owner_db.system_session() as uow:
        found = uow.session.execute(
            text("select id, tenant_id from outbox where id = any(:ids)"), {"ids": committed + rolled_back}
        ).all()
    assert [(row.id, row.tenant_id) for row in found] == [(committed[0], tenant.tenant_id)]


def test_an_event_whose_data_breaks_its_schema_is_refused_in_the_callers_transaction(
    container: Container, tenant: SeededTenant
) -> None:
    with pytest.raises(InvalidEventData), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.outbox.add(type=GENERATION, source="/mirai/ai_generation", data={"job_type": "outline"})


def test_a_tenant_session_cannot_read_the_outbox_back(container: Container, tenant: SeededTenant) -> None:
    _enqueue(container, tenant, 1)
    with pytest.raises(DBAPIError, match="permission denied"), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.session.execute(text("select count(*) from outbox")).scalar_one()


def test_broker_away_then_back_delivers_every_row_once(
    container: Container, owner_db: Database, tenant: SeededTenant
) -> None:
    ids = _enqueue(container, tenant, 5)
    unreachable = HttpEventPublisher(f"http://127.0.0.1:{free_port()}/", attempts=1, timeout_seconds=1)
    relay_pending(container.outbox_store, unreachable)
    assert _pending(owner_db, ids) == 5  # nothing lost while the broker is away

    _make_due(owner_db, ids)
    with event_receiver() as broker:
        relay_pending(container.outbox_store, HttpEventPublisher(broker.url, attempts=1))
        relay_pending(container.outbox_store, HttpEventPublisher(broker.url, attempts=1))
        delivered = Counter(event["id"] for event in broker.events)
    assert all(delivered[str(i)] == 1 for i in ids), delivered
    assert _pending(owner_db, ids) == 0
    assert {e["tenantid"] for e in broker.events if e["id"] in {str(i) for i in ids}} == {str(tenant.tenant_id)}


def test_two_relays_running_at_once_publish_each_row_once(
    container: Container, owner_db: Database, tenant: SeededTenant
) -> None:
    ids = _enqueue(container, tenant, 40)
    with event_receiver() as broker:
        publisher = HttpEventPublisher(broker.url, attempts=1)
        start = threading.Barrier(2)

        def relay() -> None:
            start.wait()
            relay_pending(container.outbox_store, publisher, batch_size=5)

        threads = [threading.Thread(target=relay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        delivered = Counter(event["id"] for event in broker.events)
    assert [delivered[str(i)] for i in ids] == [1] * len(ids)
    assert _pending(owner_db, ids) == 0


def test_processed_event_marks_dedupe_and_roll_back_with_the_handler(container: Container) -> None:
    event_id = str(uuid.uuid4())
    with container.event_transactions() as tx:
        assert tx.processed_events.mark_processed(consumer="test", source="/s", event_id=event_id)
    with container.event_transactions() as tx:
        assert not tx.processed_events.mark_processed(consumer="test", source="/s", event_id=event_id)
    failed_id = str(uuid.uuid4())
    with pytest.raises(RuntimeError), container.event_transactions() as tx:
        tx.processed_events.mark_processed(consumer="test", source="/s", event_id=failed_id)
        raise RuntimeError("handler failed")
    with container.event_transactions() as tx:
        assert tx.processed_events.mark_processed(consumer="test", source="/s", event_id=failed_id)


def test_dead_letters_are_recorded_with_their_error(container: Container, owner_db: Database) -> None:
    event_id = str(uuid.uuid4())
    recorded = container.dead_letters.record(
        consumer="generate-lesson", source="/mirai/ai_generation", event_id=event_id,
        type=GENERATION, data={"job_id": "x"}, error="boom: the model refused",
    )
    with owner_db.system_session() as uow:
        row = uow.session.execute(text("select * from dead_letters where id = :id"), {"id": recorded}).one()
    assert (row.consumer, row.event_id, row.error, row.data) == (
        "generate-lesson", event_id, "boom: the model refused", {"job_id": "x"}
    )


def test_cleanup_deletes_only_pending_registrations_past_their_expiry(
    container: Container, owner_db: Database
) -> None:
    with container.db.system_session() as uow:
        ids = {
            name: uow.registrations.create(
                email=f"{name}-{uuid.uuid4().hex[:6]}@example.com", password_hash="x", company_name="Co",
                plan="starter", seat_count=1, checkout_session_id=f"cs_{uuid.uuid4().hex}",
            )
            for name in ("expired", "fresh", "paid_expired")
        }
    with owner_db.system_session() as uow:
        uow.session.execute(
            text("update pending_registrations set expires_at = now() - :age where id = any(:ids)"),
            {"age": timedelta(hours=1), "ids": [ids["expired"], ids["paid_expired"]]},
        )
        uow.session.execute(
            text("update pending_registrations set status = 'paid', paid_at = now() where id = :id"),
            {"id": ids["paid_expired"]},
        )
    container.expired_registrations.delete_expired()
    with owner_db.system_session() as uow:
        left = set(uow.session.execute(
            text("select id from pending_registrations where id = any(:ids)"), {"ids": list(ids.values())}
        ).scalars())
    assert left == {ids["fresh"], ids["paid_expired"]}
