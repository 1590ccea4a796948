"""Sign-up, from the pricing page to the Stripe checkout: AuthService.ListPlans, Register and
GetRegistrationStatus through the local runner, the real ``stripe`` SDK talking to the
Stripe fake (tests/fakes/stripe_api.py)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from argon2 import PasswordHasher
from connectrpc.code import Code

from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import auth_connect, auth_pb2, common_pb2
from functions.bootstrap import Container
from tests.fakes.stripe_api import SECRET_KEY, FakeStripe
from tests.support.rpc_errors import fails
from tests.support.runner import RunningRunner, running_runner
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.e2e
pb = auth_pb2
FRONTEND = "http://127.0.0.1:3000"
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def priced(settings: Settings, stripe: FakeStripe) -> Iterator[RunningRunner]:
    """The runner with Stripe configured: Starter at 19 EUR and Pro at 49 EUR per seat and month."""
    stripe_settings = replace(
        settings.stripe, secret_key=SECRET_KEY, api_base=stripe.url,
        starter_price_id=stripe.add_price(unit_amount=1900), pro_price_id=stripe.add_price(unit_amount=4900),
    )
    with running_runner(settings, stripe=stripe_settings, frontend_url=FRONTEND) as runner:
        yield runner


def _client(url: str) -> auth_connect.AuthServiceClientSync:
    return auth_connect.AuthServiceClientSync(url)


def _request(**changes: object) -> pb.RegisterRequest:
    fields: dict[str, object] = {
        "email": f"ada-{uuid.uuid4().hex[:8]}@example.com", "password": PASSWORD, "first_name": "Ada",
        "last_name": "Lovelace", "company_name": "Analytical Engines", "plan": common_pb2.PLAN_PRO, "seat_count": 5,
        "industry": "Manufacturing", "company_size": common_pb2.COMPANY_SIZE_11_50, "locale": "en-gb",
    }
    fields.update(changes)
    return pb.RegisterRequest(**fields)  # type: ignore[arg-type]


def test_the_pricing_page_shows_stripes_prices_and_reads_them_once(priced: RunningRunner, stripe: FakeStripe) -> None:
    before = len(stripe.calls)
    listed = _client(priced.url).list_plans(pb.ListPlansRequest()).plans
    again = _client(priced.url).list_plans(pb.ListPlansRequest(currency_code="eur")).plans

    assert list(listed) == list(again)
    by_plan = {p.plan: p for p in listed}
    assert list(by_plan) == [common_pb2.PLAN_STARTER, common_pb2.PLAN_PRO, common_pb2.PLAN_ENTERPRISE]
    starter, pro, enterprise = (by_plan[p] for p in by_plan)
    assert (starter.price_per_seat.currency_code, starter.price_per_seat.amount_minor) == ("EUR", 1900)
    assert (pro.price_per_seat.amount_minor, pro.recommended, pro.self_serve, pro.min_seats) == (4900, True, True, 3)
    assert not enterprise.HasField("price_per_seat") and not enterprise.self_serve
    assert all(p.billing_interval == common_pb2.BILLING_INTERVAL_MONTHLY for p in listed)
    assert pro.limits.max_seats > starter.limits.max_seats > 0
    assert len(stripe.calls) - before == 2, "each price is read from Stripe once, then kept"


def test_the_pricing_page_refuses_what_is_not_sold(priced: RunningRunner) -> None:
    client = _client(priced.url)
    yearly = fails(client.list_plans, pb.ListPlansRequest(billing_interval=common_pb2.BILLING_INTERVAL_YEARLY))
    assert (yearly.code, yearly.message) == (Code.INVALID_ARGUMENT, "billing_interval: plans are billed per month")
    dollars = fails(client.list_plans, pb.ListPlansRequest(currency_code="USD"))
    assert (dollars.code, dollars.message) == (Code.INVALID_ARGUMENT, "currency_code: prices are in EUR")
    assert fails(client.list_plans, pb.ListPlansRequest(currency_code="€")).code == Code.INVALID_ARGUMENT


def test_without_stripe_the_plans_are_listed_unpriced_and_registration_is_refused(runner_url: str) -> None:
    listed = _client(runner_url).list_plans(pb.ListPlansRequest()).plans
    assert [p.name for p in listed] == ["Starter", "Pro", "Enterprise"]
    assert not any(p.HasField("price_per_seat") or p.self_serve for p in listed)
    refused = fails(_client(runner_url).register, _request())
    assert refused.code == Code.FAILED_PRECONDITION and "payments are not configured" in refused.message


def test_register_opens_a_checkout_for_the_plan_and_seats_and_keeps_only_a_hash(
    priced: RunningRunner, stripe: FakeStripe, owner_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    request = _request(seat_count=7)
    with caplog.at_level(logging.DEBUG):
        answer = _client(priced.url).register(request)

    session_id = urlparse(answer.checkout_url).path.rsplit("/", 1)[-1]
    session = stripe.sessions[session_id]
    assert session["client_reference_id"] == answer.registration_id == session["metadata"]["registration_id"]
    assert session["customer_email"] == request.email and session["mode"] == "subscription"
    assert session["line_items_requested"] == [{"price": priced.container.settings.stripe.pro_price_id, "quantity": 7}]
    success = urlparse(session["success_url"])
    assert f"{success.scheme}://{success.netloc}{success.path}" == f"{FRONTEND}/register/success"
    assert parse_qs(success.query)["registration_id"] == [answer.registration_id]
    assert session["cancel_url"].startswith(f"{FRONTEND}/register?")
    creation = stripe.checkout_creations()[-1]
    assert creation.idempotency_key == f"registration-{answer.registration_id}"
    expires = answer.expires_at.ToDatetime(tzinfo=UTC)
    assert timedelta(hours=23, minutes=55) < expires - datetime.now(UTC) <= timedelta(hours=24)
    assert session["expires_at"] == int(expires.timestamp())

    with owner_db.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "select password_hash, status, plan, seat_count, locale, company_size, stripe_checkout_session_id"
            " from pending_registrations where id = %s", (answer.registration_id,)).one()
    assert stored.password_hash.startswith("$argon2id$") and PasswordHasher().verify(stored.password_hash, PASSWORD)
    assert (stored.status, stored.plan, stored.seat_count, stored.locale, stored.company_size,
            stored.stripe_checkout_session_id) == ("pending", "pro", 7, "en-GB", "11_50", session_id)
    assert all(PASSWORD not in record.getMessage() for record in caplog.records)

    status = _client(priced.url).get_registration_status(pb.GetRegistrationStatusRequest(registration_id=answer.registration_id))
    assert (status.status, status.email, status.company_name, status.plan, status.seat_count, status.login_url) == (
        pb.REGISTRATION_STATUS_PENDING, request.email, "Analytical Engines", common_pb2.PLAN_PRO, 7, "",
    )
    assert PASSWORD not in str(status) and "argon2" not in str(status)


def test_registering_again_while_pending_gets_the_same_checkout(priced: RunningRunner, stripe: FakeStripe) -> None:
    first = _client(priced.url).register(_request(email="grace@example.com"))
    created = len(stripe.checkout_creations())
    again = _client(priced.url).register(_request(email=" Grace@Example.COM ", seat_count=9))
    assert (again.registration_id, again.checkout_url) == (first.registration_id, first.checkout_url)
    assert len(stripe.checkout_creations()) == created


def test_concurrent_sign_ups_of_one_address_share_one_registration(priced: RunningRunner, stripe: FakeStripe) -> None:
    email = f"race-{uuid.uuid4().hex[:8]}@example.com"
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: _client(priced.url).register(_request(email=email)), range(6)))
    assert len({(a.registration_id, a.checkout_url) for a in answers}) == 1
    ids = {c.params.get("client_reference_id") for c in stripe.checkout_creations()}
    assert answers[0].registration_id in ids


def test_an_email_with_an_account_is_sent_to_sign_in(priced: RunningRunner, tenant: SeededTenant) -> None:
    refused = fails(_client(priced.url).register, _request(email=tenant.owner_email.upper()))
    assert refused.code == Code.ALREADY_EXISTS
    assert refused.message.startswith("email: an account already exists") and "sign in" in refused.message


@pytest.mark.parametrize(("changes", "message"), [
    ({"email": ""}, "email: is required"),
    ({"email": "not-an-address"}, "email: is not an email address (expected name@example.com)"),
    ({"email": "a@b"}, "email: is not an email address (expected name@example.com)"),
    ({"email": "x" * 65 + "@example.com"}, "email: must be at most 254 characters, 64 before the @"),
    ({"password": "short"}, "password: must be at least 10 characters"),
    ({"password": "p" * 1025}, "password: must be at most 1024 characters"),
    ({"email": "longname1@example.com", "password": "LongName1@example.com"}, "password: must not be your email address"),
    ({"first_name": "  "}, "first_name: is required"),
    ({"company_name": "c" * 201}, "company_name: must be at most 200 characters"),
    ({"plan": common_pb2.PLAN_UNSPECIFIED}, "plan: choose Starter or Pro"),
    ({"plan": common_pb2.PLAN_ENTERPRISE}, "plan: Enterprise is sold by contract; contact sales"),
    ({"plan": common_pb2.PLAN_PRO, "seat_count": 2}, "seat_count: Pro starts at 3 seats"),
    ({"plan": common_pb2.PLAN_STARTER, "seat_count": 11}, "seat_count: Starter has at most 10 seats"),
    ({"billing_interval": common_pb2.BILLING_INTERVAL_YEARLY}, "billing_interval: Pro is billed per month"),
    ({"company_size": 42}, "company_size: must be one of the defined CompanySize values"),
    ({"locale": "english please"}, "locale: must be a BCP 47 language tag such as 'en' or 'de-DE'"),
])
def test_every_bad_field_is_refused_by_name_and_nothing_is_stored(
    priced: RunningRunner, stripe: FakeStripe, owner_db: Database, changes: dict[str, object], message: str
) -> None:
    request = _request(**changes)
    created = len(stripe.checkout_creations())
    refused = fails(_client(priced.url).register, request)
    assert (refused.code, refused.message) == (Code.INVALID_ARGUMENT, message)
    assert len(stripe.checkout_creations()) == created
    with owner_db.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from pending_registrations where lower(email) = lower(%s)",
                                    (request.email.strip(),)).scalar_one() == 0


def test_a_stripe_outage_is_unavailable_and_the_next_try_completes_the_same_registration(
    priced: RunningRunner, stripe: FakeStripe, owner_db: Database
) -> None:
    request = _request()
    stripe.fail_with = 500
    try:
        refused = fails(_client(priced.url).register, request)
    finally:
        stripe.fail_with = None
    assert refused.code == Code.UNAVAILABLE and "payment provider" in refused.message and SECRET_KEY not in refused.message
    answer = _client(priced.url).register(request)
    with owner_db.engine.connect() as conn:
        rows = conn.exec_driver_sql("select id::text, stripe_checkout_session_id from pending_registrations"
                                    " where email = %s", (request.email,)).all()
    assert len(rows) == 1 and rows[0][0] == answer.registration_id and rows[0][1] in answer.checkout_url


def test_registration_status_follows_payment_and_provisioning(priced: RunningRunner, container: Container) -> None:
    answer = _client(priced.url).register(_request())
    with container.db.system_session() as uow:
        registration = uow.registrations.get(uuid.UUID(answer.registration_id))
        assert registration is not None and registration.stripe_checkout_session_id
        uow.registrations.mark_paid(checkout_session_id=registration.stripe_checkout_session_id,
                                    customer_id="cus_1", subscription_id="sub_1")
    status = _client(priced.url).get_registration_status
    paid = status(pb.GetRegistrationStatusRequest(registration_id=answer.registration_id))
    assert paid.status == pb.REGISTRATION_STATUS_PAID and paid.HasField("paid_at") and paid.login_url == ""

    with container.db.system_session() as uow:
        uow.registrations.provision(uuid.UUID(answer.registration_id), kratos_id=str(uuid.uuid4()),
                                    slug=f"t-{uuid.uuid4().hex[:12]}")
    done = status(pb.GetRegistrationStatusRequest(registration_id=answer.registration_id))
    assert done.status == pb.REGISTRATION_STATUS_PROVISIONED and done.login_url == f"{FRONTEND}/auth/login"


def test_an_unknown_or_malformed_registration_id(priced: RunningRunner) -> None:
    status = _client(priced.url).get_registration_status
    missing = fails(status, pb.GetRegistrationStatusRequest(registration_id=str(uuid.uuid4())))
    assert (missing.code, missing.message) == (Code.NOT_FOUND, "registration_id: no registration has this id")
    assert fails(status, pb.GetRegistrationStatusRequest(registration_id="nope")).code == Code.INVALID_ARGUMENT
    assert fails(status, pb.GetRegistrationStatusRequest()).code == Code.INVALID_ARGUMENT
