"""PostgreSQL dropping connections, a pool with no free connection, and an
unreachable broker: each answers as documented and the next request succeeds."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from common.errors import Unavailable
from common.gen.mirai.v1 import user_pb2
from functions.bootstrap import Container
from functions.jobs.outbox_relay import relay_pending
from functions.user.get_profile import get_profile
from tests.conftest import free_port
from tests.fakes.event_receiver import event_receiver
from tests.support.course_actors import Tenant, error_of

pytestmark = pytest.mark.integration


def _terminate_app_connections(owner_db: Database) -> int:
    with owner_db.engine.connect() as conn:
        return len(conn.execute(text(
            "select pg_terminate_backend(pid) from pg_stat_activity"
            " where datname = current_database() and usename = 'mirai_app' and pid <> pg_backend_pid()")).all())


def test_after_postgres_drops_every_connection_the_next_request_succeeds(settings: Settings, owner_db: Database,
                                                                        tenant: Tenant) -> None:
    container = Container(settings.with_overrides(db_pool_size=2, db_pool_max_overflow=0))
    call = tenant.lead.call(container)
    try:
        assert get_profile(user_pb2.GetProfileRequest(), call).user.id  # the pool now holds a connection
        assert _terminate_app_connections(owner_db) >= 1  # what a restart or failover does
        # pool_pre_ping finds the dead connection and opens a new one: no error reaches the caller.
        assert get_profile(user_pb2.GetProfileRequest(), call).user.id == str(tenant.lead.principal.user_id)
    finally:
        container.close()


def test_a_connection_dropped_mid_request_is_unavailable_and_the_next_one_works(settings: Settings,
                                                                               owner_db: Database,
                                                                               tenant: Tenant) -> None:
    db = Database(settings.require_database_url(), pool_size=1, max_overflow=0)
    try:
        def dropped_mid_transaction() -> None:
            with db.tenant_session(tenant.id) as uow:
                _terminate_app_connections(owner_db)
                uow.session.execute(text("select 1"))

        err = error_of(dropped_mid_transaction)
        assert isinstance(err, Unavailable) and "database" in err.message
        with db.tenant_session(tenant.id) as uow:
            assert uow.session.execute(text("select 1")).scalar_one() == 1
    finally:
        db.dispose()


def test_no_free_connection_is_unavailable_not_internal(settings: Settings, tenant: Tenant) -> None:
    db = Database(settings.require_database_url(), pool_size=1, max_overflow=0, pool_timeout_seconds=1)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with db.tenant_session(tenant.id):
            held.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(timeout=10)
        err = error_of(lambda: db.tenant_session(tenant.id).__enter__())
        assert isinstance(err, Unavailable) and err.message == "the service is busy; try again shortly"
    finally:
        release.set()
        holder.join(timeout=30)
        db.dispose()


def test_an_unreachable_broker_keeps_the_event_for_the_relay(settings: Settings, owner_db: Database,
                                                            tenant: Tenant) -> None:
    closed = f"http://127.0.0.1:{free_port()}/"
    container = Container(settings.with_overrides(k_sink=closed))
    subject = str(uuid.uuid4())
    try:
        with container.db.tenant_session(tenant.id) as uow:
            event_id = uow.outbox.add(type="io.mirai.generation.requested", source="/mirai/test", subject=subject,
                                      data={"tenant_id": str(tenant.id), "job_id": subject, "job_type": "outline"})
        assert container.relay_nudge() is False  # the committed change stands; the nudge is best effort
        report = relay_pending(container.outbox_store, container.event_publisher)
        assert report.failed >= 1
        with owner_db.engine.begin() as conn:
            row = conn.execute(text("select attempts, published_at, last_error from outbox where id = :id"),
                               {"id": event_id}).one()
            assert row.attempts >= 1 and row.published_at is None and "unreachable" in row.last_error
            conn.execute(text("update outbox set available_at = now() where id = :id"), {"id": event_id})
        with event_receiver() as broker:
            relay_pending(container.outbox_store, Container(settings.with_overrides(k_sink=broker.url)).event_publisher)
            assert any(event["id"] == str(event_id) for event in broker.events)
        with owner_db.engine.connect() as conn:
            assert conn.execute(text("select published_at from outbox where id = :id"),
                                {"id": event_id}).scalar_one() is not None
    finally:
        container.close()
