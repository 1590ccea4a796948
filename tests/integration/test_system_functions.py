"""The SECURITY DEFINER paths, called as mirai_app the way the jobs will call them."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from common.db import Database
from common.repos.registrations import PaidCheckout
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.integration


def _registration(container: Container, *, session_id: str | None = None) -> uuid.UUID:
    with container.db.system_session() as uow:
        return uow.registrations.create(email=f"r-{uuid.uuid4().hex[:6]}@example.com", password_hash="h",
                                        company_name="Reg Co", plan="starter", seat_count=2,
                                        checkout_session_id=session_id)


def test_provisioning_is_idempotent_and_needs_a_paid_registration(container: Container) -> None:
    session_id = f"cs_{uuid.uuid4().hex}"
    registration = _registration(container, session_id=session_id)
    with pytest.raises(DBAPIError, match="not paid"), container.db.system_session() as uow:
        uow.registrations.provision(registration, kratos_id="k-unpaid", slug=f"s-{uuid.uuid4().hex[:8]}")
    with container.db.system_session() as uow:
        first_paid = uow.registrations.mark_paid(checkout_session_id=session_id, customer_id="cus_1x", subscription_id=None)
        paid_again = uow.registrations.mark_paid(checkout_session_id=session_id, customer_id="cus_1x", subscription_id=None)
        assert first_paid == PaidCheckout(registration, newly_paid=True)
        assert paid_again == PaidCheckout(registration, newly_paid=False)
        identity = f"k-{uuid.uuid4().hex}"
        first = uow.registrations.provision(registration, kratos_id=identity, slug=f"s-{uuid.uuid4().hex[:8]}")
        again = uow.registrations.provision(registration, kratos_id=identity, slug="ignored-on-redelivery")
        assert first == again
        stored = uow.registrations.get(registration)
        assert stored is not None and stored.status == "provisioned" and stored.provisioned_tenant_id == first.tenant_id
        found = uow.identities.find_user(identity)
    assert found is not None and found.role == "owner" and found.tenant_id == first.tenant_id


def test_marking_an_unknown_checkout_paid_returns_nothing(container: Container) -> None:
    with container.db.system_session() as uow:
        assert uow.registrations.mark_paid(checkout_session_id="cs_nope", customer_id=None, subscription_id=None) is None


def test_cleanup_deletes_only_expired_unprovisioned_unpaid_registrations(container: Container, owner_db: Database) -> None:
    expired = _registration(container)
    fresh = _registration(container)
    paid_session = f"cs_{uuid.uuid4().hex}"
    paid = _registration(container, session_id=paid_session)
    with container.db.system_session() as uow:
        uow.registrations.mark_paid(checkout_session_id=paid_session, customer_id=None, subscription_id=None)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update pending_registrations set expires_at = now() - interval '1 minute' where id = any(:ids)"),
                     {"ids": [expired, paid]})
    with container.db.system_session() as uow:
        assert uow.registrations.cleanup_expired() >= 1
        assert uow.registrations.get(expired) is None
        assert uow.registrations.get(fresh) is not None
        assert uow.registrations.get(paid) is not None


def test_the_app_role_cannot_read_pending_registrations_directly(container: Container) -> None:
    _registration(container)
    with pytest.raises(DBAPIError, match="permission denied"), container.db.system_session() as uow:
        uow.session.execute(text("select * from pending_registrations"))


def test_outbox_rows_are_claimed_once_under_a_lease_then_published(container: Container, tenant: SeededTenant) -> None:
    event_type = f"io.mirai.test.{uuid.uuid4().hex[:8]}"
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for i in range(3):
            uow.session.execute(
                text("insert into outbox (tenant_id, type, source, data) values (:t, :type, '/test', cast(:d as jsonb))"),
                {"t": tenant.tenant_id, "type": event_type, "d": json.dumps({"n": i})},
            )
    # Other tests leave unpublished rows in this database (nothing relays them here), and a claim
    # hands out the oldest first: a limit above any such backlog reaches this test's rows.
    claim = text("select * from mirai_outbox_claim(100000, 60)")
    with container.db.system_session() as uow:
        claimed = [r for r in uow.session.execute(claim) if r.type == event_type]
        assert len(claimed) == 3 and all(r.attempts == 1 for r in claimed)
        again = [r for r in uow.session.execute(claim) if r.type == event_type]
        assert again == []  # leased: not handed out twice
        uow.session.execute(text("select mirai_outbox_mark_failed(:id, 'broker down', 0)"), {"id": claimed[0].id})
        retried = [r for r in uow.session.execute(claim) if r.type == event_type]
        assert [r.id for r in retried] == [claimed[0].id] and retried[0].attempts == 2
        done = uow.session.execute(text("select mirai_outbox_mark_published(:ids)"), {"ids": [r.id for r in claimed]}).scalar_one()
        assert done == 3


def test_a_generation_job_is_claimed_only_when_queued_or_its_lease_expired(
    container: Container, owner_db: Database, tenant: SeededTenant
) -> None:
    with owner_db.engine.begin() as conn:
        job_id = conn.execute(text(
            "insert into generation_jobs (tenant_id, type) values (:t, 'sme_ingestion') returning id"
        ), {"t": tenant.tenant_id}).scalar_one()
    claim = text("select * from mirai_claim_generation_job(:id, 60, :worker)")
    with container.db.system_session() as uow:
        first = uow.session.execute(claim, {"id": job_id, "worker": "w1"}).one()
        assert first.id == job_id and first.status == "running" and first.attempt == 1
        second = uow.session.execute(claim, {"id": job_id, "worker": "w2"}).one()
        assert second.id is None  # held by w1's live lease
    with owner_db.engine.begin() as conn:
        conn.execute(text("update generation_jobs set lease_expires_at = now() - interval '1 second' where id = :id"), {"id": job_id})
    with container.db.system_session() as uow:
        expired = list(uow.session.execute(text("select * from mirai_expired_job_leases(1000)")))
        assert (job_id, tenant.tenant_id) in [(r.job_id, r.tenant_id) for r in expired]
        taken_over = uow.session.execute(claim, {"id": job_id, "worker": "w2"}).one()
        assert taken_over.worker == "w2" and taken_over.attempt == 2


def test_dead_letters_are_recorded_but_not_readable_by_the_app(container: Container) -> None:
    with container.db.system_session() as uow:
        letter = uow.session.execute(text(
            "select mirai_record_dead_letter('relay', '/src', 'evt-1', 'io.mirai.x', cast('{}' as jsonb), 'boom')"
        )).scalar_one()
    assert isinstance(letter, uuid.UUID)
    with pytest.raises(DBAPIError, match="permission denied"), container.db.system_session() as uow:
        uow.session.execute(text("select * from dead_letters"))
