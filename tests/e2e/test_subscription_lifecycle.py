"""Stripe's life after checkout, through the signed webhook and the local runner's broker:
subscription and invoice events update the company in Stripe's order, each once; a failed
payment tells the owners; an ended subscription makes the tenant read-only."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from connectrpc.code import Code
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import auth_connect, auth_pb2, common_pb2, course_connect, course_pb2
from tests.fakes.kratos import FakeKratos
from tests.support.callers import new_user, owner
from tests.support.crds import CONFORMANCE
from tests.support.rpc_errors import fails
from tests.support.runner import RunningRunner, running_runner
from tests.support.stripe_webhooks import deliver_stripe_event
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.e2e
SAMPLES = CONFORMANCE / "events" / "stripe"
STARTER, PRO = "price_starter_test", "price_pro_test"


@pytest.fixture(scope="module")
def runner(settings: Settings) -> Iterator[RunningRunner]:
    stripe = replace(settings.stripe, starter_price_id=STARTER, pro_price_id=PRO)
    with running_runner(settings, stripe=stripe) as running:
        yield running


@pytest.fixture
def company(runner: RunningRunner, owner_db: Database) -> tuple[SeededTenant, str, str]:
    """A provisioned tenant and its Stripe subscription and customer ids."""
    tenant = provision_tenant(runner.container.db)
    with owner_db.system_session() as uow:
        row = uow.session.execute(text("select stripe_subscription_id, stripe_customer_id from companies where tenant_id = :t"),
                                  {"t": tenant.tenant_id}).one()
    return tenant, row[0], row[1]


def _event(kind: str, *, subscription: str, customer: str, created: int, **changes: Any) -> bytes:
    sample = "customer.subscription.updated" if kind.startswith("customer.subscription") else "invoice.payment_failed"
    event = json.loads((SAMPLES / f"{sample}.event.json").read_text())
    event.update(id=f"evt_{uuid.uuid4().hex[:20]}", type=kind, created=created)
    obj = event["data"]["object"]
    obj["customer"] = customer
    if kind.startswith("customer.subscription"):
        obj["id"] = subscription
        item = obj["items"]["data"][0]
        item["price"]["id"] = changes.pop("price", PRO)
        item["quantity"] = changes.pop("quantity", 5)
        item["current_period_start"], item["current_period_end"] = created, created + 30 * 86400
    else:
        obj["parent"]["subscription_details"]["subscription"] = subscription
    obj.update(changes)
    return json.dumps(event).encode()


def _deliver(runner: RunningRunner, payload: bytes) -> None:
    assert deliver_stripe_event(runner.url, payload) == 200


def _company(owner_db: Database, tenant: SeededTenant) -> Any:
    with owner_db.system_session() as uow:
        return uow.session.execute(text(
            "select plan, subscription_status, seat_count, cancel_at_period_end, current_period_end, stripe_state_at"
            " from companies where tenant_id = :t"), {"t": tenant.tenant_id}).one()


def _eventually(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the event never took effect"
        time.sleep(0.05)


def _processed(owner_db: Database, payload: bytes) -> Callable[[], bool]:
    event_id = json.loads(payload)["id"]

    def done() -> bool:
        with owner_db.system_session() as uow:
            return bool(uow.session.execute(text(
                "select count(*) from processed_events where consumer = 'sync_subscription' and event_id = :id"),
                {"id": event_id}).scalar_one())
    return done


def test_events_apply_in_stripes_order_not_arrival_order(
    runner: RunningRunner, owner_db: Database, company: tuple[SeededTenant, str, str]
) -> None:
    tenant, subscription, customer = company
    now = int(time.time())
    newer = _event("customer.subscription.updated", subscription=subscription, customer=customer, created=now,
                   price=STARTER, quantity=8, cancel_at_period_end=True)
    older = _event("customer.subscription.updated", subscription=subscription, customer=customer, created=now - 60,
                   price=PRO, quantity=2)
    _deliver(runner, newer)
    _eventually(_processed(owner_db, newer))
    _deliver(runner, older)
    _eventually(_processed(owner_db, older))
    _deliver(runner, newer)  # and a redelivery of the newer one

    state = _company(owner_db, tenant)
    assert (state.plan, state.subscription_status, state.seat_count, state.cancel_at_period_end) == ("starter", "active", 8, True)
    assert int(state.stripe_state_at.timestamp()) == now
    assert int(state.current_period_end.timestamp()) == now + 30 * 86400


def test_a_failed_payment_tells_every_owner_once_and_a_paid_invoice_clears_it(
    runner: RunningRunner, owner_db: Database, kratos: FakeKratos, company: tuple[SeededTenant, str, str]
) -> None:
    tenant, subscription, customer = company
    member = new_user(runner.container, kratos, tenant, role="member")
    now = int(time.time())
    failed = _event("invoice.payment_failed", subscription=subscription, customer=customer, created=now)
    _deliver(runner, failed)
    _deliver(runner, failed)
    _eventually(_processed(owner_db, failed))
    assert _company(owner_db, tenant).subscription_status == "past_due"
    with owner_db.system_session() as uow:
        told = uow.session.execute(text(
            "select user_id from notifications where tenant_id = :t and type = 'payment_failed'"), {"t": tenant.tenant_id}).all()
    assert [row[0] for row in told] == [tenant.owner_id] and member.user_id not in [row[0] for row in told]

    paid = _event("invoice.paid", subscription=subscription, customer=customer, created=now + 5)
    _deliver(runner, paid)
    _eventually(_processed(owner_db, paid))
    assert _company(owner_db, tenant).subscription_status == "active"


def test_an_ended_subscription_makes_the_tenant_read_only_and_keeps_everything(
    runner: RunningRunner, owner_db: Database, kratos: FakeKratos, company: tuple[SeededTenant, str, str]
) -> None:
    tenant, subscription, customer = company
    courses = course_connect.CourseServiceClientSync(runner.url)
    before = owner(kratos, tenant)
    made = courses.create_course(course_pb2.CreateCourseRequest(title="Kept"), headers=before.headers).course

    ended = _event("customer.subscription.deleted", subscription=subscription, customer=customer, created=int(time.time()),
                   status="canceled")
    _deliver(runner, ended)
    _eventually(_processed(owner_db, ended))
    assert _company(owner_db, tenant).subscription_status == "canceled"

    # A fresh session (a cached one keeps its state for at most the session-cache TTL).
    caller = owner(kratos, tenant)
    refused = fails(courses.create_course, course_pb2.CreateCourseRequest(title="New"), headers=caller.headers)
    assert refused.code == Code.FAILED_PRECONDITION and "read-only" in refused.message and "renew" in refused.message
    listed = courses.list_courses(course_pb2.ListCoursesRequest(), headers=caller.headers).courses
    assert [c.id for c in listed] == [made.id]
    assert courses.get_course(course_pb2.GetCourseRequest(course_id=made.id), headers=caller.headers).course.title == "Kept"
    # Its own account stays usable (to see why, and to renew).
    me = auth_connect.AuthServiceClientSync(runner.url).whoami(auth_pb2.WhoamiRequest(), headers=caller.headers)
    assert me.company.subscription_status == common_pb2.SUBSCRIPTION_STATUS_CANCELED


def test_events_for_no_company_or_of_another_shape_change_nothing(
    runner: RunningRunner, owner_db: Database, company: tuple[SeededTenant, str, str]
) -> None:
    tenant, _, _ = company
    before = _company(owner_db, tenant)
    stranger = _event("customer.subscription.updated", subscription="sub_nobody", customer="cus_nobody",
                      created=int(time.time()), quantity=99)
    _deliver(runner, stranger)
    _eventually(_processed(owner_db, stranger))
    assert _company(owner_db, tenant) == before
    with owner_db.system_session() as uow:
        assert uow.session.execute(text("select count(*) from companies where seat_count = 99")).scalar_one() == 0
