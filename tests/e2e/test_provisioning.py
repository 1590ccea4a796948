"""From the checkout to the first sign-in, through the local runner: Register → Stripe's signed
``checkout.session.completed`` at the webhook → record_checkout_paid → io.mirai.registration.paid
→ provision_registration (Kratos' admin API, the Kratos fake) → the owner's session works.
Redelivered, concurrent and refused variants end in exactly one account or a failed
registration with its reason."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from threading import Thread

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from common.gen.mirai.v1 import auth_connect, auth_pb2, common_pb2
from common.repos.registrations import PendingRegistration
from functions.auth.provisioning import provision_registration
from functions.jobs.provisioning_sweep import republish_stalled_registrations
from functions.local import embedded
from tests.fakes.kratos import FakeKratos
from tests.fakes.stripe_api import SECRET_KEY, FakeStripe
from tests.support.crds import CONFORMANCE
from tests.support.runner import RunningRunner, running_runner
from tests.support.stripe_webhooks import deliver_stripe_event

pytestmark = pytest.mark.e2e
pb = auth_pb2
PASSWORD = "a long and private passphrase"
CHECKOUT_COMPLETED = CONFORMANCE / "events" / "stripe" / "checkout.session.completed.event.json"


@pytest.fixture(scope="module")
def mail_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("provisioning-mail")


@pytest.fixture(scope="module")
def runner(settings: Settings, stripe: FakeStripe, mail_folder: Path) -> Iterator[RunningRunner]:
    """The runner with Stripe faked and a real SMTP sink (the one ``make run`` starts)."""
    stripe_settings = replace(settings.stripe, secret_key=SECRET_KEY, api_base=stripe.url,
                              starter_price_id=stripe.add_price(unit_amount=1900), pro_price_id=stripe.add_price(unit_amount=4900))
    with ExitStack() as stack:
        smtp = embedded.start_mail_sink(mail_folder, stack, settings)
        running = stack.enter_context(running_runner(settings, stripe=stripe_settings, smtp=smtp,
                                                     frontend_url="http://127.0.0.1:3000"))
        yield running


def _mails_to(mail_folder: Path, email: str) -> list[EmailMessage]:
    parsed = [BytesParser(policy=policy.default).parsebytes(path.read_bytes())
              for path in sorted((mail_folder / "mail").glob("*.eml"))]
    return [mail for mail in parsed if email in str(mail["To"])]  # type: ignore[misc]


def _register(runner: RunningRunner) -> tuple[str, str]:
    email = f"founder-{uuid.uuid4().hex[:8]}@example.com"
    answer = auth_connect.AuthServiceClientSync(runner.url).register(pb.RegisterRequest(
        email=email, password=PASSWORD, first_name="Mary", last_name="Somerville", company_name="Connexion Ltd",
        plan=common_pb2.PLAN_PRO, seat_count=4, locale="en-GB",
    ))
    return answer.registration_id, email


def _completed_checkout(stripe: FakeStripe, registration_id: str, *, event_id: str | None = None) -> bytes:
    """Stripe's checkout.session.completed for the session the fake opened for this registration."""
    session = next(s for s in stripe.sessions.values() if s["client_reference_id"] == registration_id)
    event = json.loads(Path(CHECKOUT_COMPLETED).read_text())
    event["id"] = event_id or f"evt_{uuid.uuid4().hex[:20]}"
    event["data"]["object"].update(id=session["id"], client_reference_id=registration_id, status="complete",
                                   payment_status="paid", customer=f"cus_{uuid.uuid4().hex[:10]}",
                                   subscription=f"sub_{uuid.uuid4().hex[:10]}")
    return json.dumps(event).encode()


def _deliver(runner: RunningRunner, payload: bytes) -> int:
    return deliver_stripe_event(runner.url, payload)


def _eventually(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "provisioning never finished"
        time.sleep(0.05)


def _status(runner: RunningRunner, registration_id: str) -> pb.GetRegistrationStatusResponse:
    return auth_connect.AuthServiceClientSync(runner.url).get_registration_status(
        pb.GetRegistrationStatusRequest(registration_id=registration_id))


def _accounts(owner_db: Database, email: str) -> tuple[int, int, int]:
    with owner_db.system_session() as uow:
        row = uow.session.execute(text(
            "select (select count(*) from users where lower(email) = :email),"
            " (select count(*) from companies c join users u on u.tenant_id = c.tenant_id where lower(u.email) = :email),"
            " (select count(*) from tenants t join users u on u.tenant_id = t.id where lower(u.email) = :email)"
        ), {"email": email}).one()
    return int(row[0]), int(row[1]), int(row[2])


def test_a_paid_checkout_delivered_three_times_makes_one_account_that_signs_in(
    runner: RunningRunner, stripe: FakeStripe, kratos: FakeKratos, owner_db: Database, mail_folder: Path
) -> None:
    registration_id, email = _register(runner)
    payload = _completed_checkout(stripe, registration_id)
    for _ in range(3):
        assert _deliver(runner, payload) == 200

    _eventually(lambda: _status(runner, registration_id).status == pb.REGISTRATION_STATUS_PROVISIONED)
    status = _status(runner, registration_id)
    assert status.login_url == "http://127.0.0.1:3000/auth/login" and status.HasField("provisioned_at")

    identities = kratos.identities_with_email(email)
    assert len(identities) == 1
    assert PasswordHasher().verify(identities[0].hashed_password, PASSWORD)
    assert identities[0].traits["name"] == {"first": "Mary", "last": "Somerville"}
    assert _accounts(owner_db, email) == (1, 1, 1)

    _eventually(lambda: len(_mails_to(mail_folder, email)) == 1)
    welcome = _mails_to(mail_folder, email)[0]
    assert "Connexion Ltd" in welcome.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    with owner_db.system_session() as uow:
        queued = uow.session.execute(text(
            "select count(*) from outbox o join users u on u.tenant_id = o.tenant_id"
            " where o.type = 'io.mirai.mail.requested' and u.email = :email"), {"email": email}).scalar_one()
    assert queued == 1, "one welcome mail, however often the checkout was delivered"

    token, _ = kratos.add_session(identity_id=identities[0].id, email=email)
    me = auth_connect.AuthServiceClientSync(runner.url).whoami(pb.WhoamiRequest(), headers={"Authorization": f"Bearer {token}"})
    assert (me.user.email, me.role, me.company.name, me.company.seat_count, me.company.plan) == (
        email, common_pb2.ROLE_OWNER, "Connexion Ltd", 4, common_pb2.PLAN_PRO,
    )
    assert me.company.subscription_status == common_pb2.SUBSCRIPTION_STATUS_ACTIVE


def test_the_same_checkout_under_new_event_ids_and_concurrent_runs_still_make_one_account(
    runner: RunningRunner, stripe: FakeStripe, kratos: FakeKratos, owner_db: Database
) -> None:
    registration_id, email = _register(runner)
    payloads = [_completed_checkout(stripe, registration_id) for _ in range(3)]
    senders = [Thread(target=_deliver, args=(runner, p)) for p in payloads]
    for sender in senders:
        sender.start()
    # Provisioning itself, run concurrently beside the events (as a second instance would).
    direct = [Thread(target=lambda: _provision_when_paid(runner, registration_id)) for _ in range(3)]
    for worker in direct:
        worker.start()
    for thread in (*senders, *direct):
        thread.join(timeout=60)

    _eventually(lambda: _status(runner, registration_id).status == pb.REGISTRATION_STATUS_PROVISIONED)
    assert len(kratos.identities_with_email(email)) == 1
    assert _accounts(owner_db, email) == (1, 1, 1)


def _paid_without_its_event(runner: RunningRunner, registration_id: str) -> PendingRegistration:
    """Marks the registration paid directly, as the webhook would, without publishing the event."""
    with runner.container.db.system_session() as uow:
        registration = uow.registrations.get(uuid.UUID(registration_id))
        assert registration is not None and registration.stripe_checkout_session_id
        uow.registrations.mark_paid(checkout_session_id=registration.stripe_checkout_session_id,
                                    customer_id=f"cus_{uuid.uuid4().hex[:8]}", subscription_id=f"sub_{uuid.uuid4().hex[:8]}")
    return registration


def _provision_when_paid(runner: RunningRunner, registration_id: str) -> None:
    _eventually(lambda: _status(runner, registration_id).status != pb.REGISTRATION_STATUS_PENDING)
    provision_registration(uuid.UUID(registration_id), db=runner.container.db, identities=runner.container.identity_admin)


def test_an_identity_made_before_a_crash_is_reused(
    runner: RunningRunner, stripe: FakeStripe, kratos: FakeKratos, owner_db: Database
) -> None:
    """Killed after Kratos made the identity, before the tenant: the next run finds and uses it."""
    registration_id, email = _register(runner)
    registration = _paid_without_its_event(runner, registration_id)
    from common.adapters.identity_admin import NewIdentity

    made_before = runner.container.identity_admin.create(NewIdentity(
        email=email, first_name="Mary", last_name="Somerville", password_hash=registration.password_hash, locale="en-GB"))
    outcome = provision_registration(uuid.UUID(registration_id), db=runner.container.db,
                                     identities=runner.container.identity_admin)
    assert outcome.outcome == "provisioned"
    assert [i.id for i in kratos.identities_with_email(email)] == [made_before]
    with owner_db.system_session() as uow:
        kratos_id = uow.session.execute(text("select kratos_id from users where email = :e"), {"e": email}).scalar_one()
    assert kratos_id == made_before
    again = provision_registration(uuid.UUID(registration_id), db=runner.container.db,
                                   identities=runner.container.identity_admin)
    assert again.outcome == "already_provisioned" and _accounts(owner_db, email) == (1, 1, 1)


def test_an_identity_the_identity_service_refuses_fails_the_registration_with_its_reason(
    runner: RunningRunner, stripe: FakeStripe, kratos: FakeKratos, owner_db: Database
) -> None:
    registration_id, email = _register(runner)
    kratos.refuse_identities_with = 400
    try:
        assert _deliver(runner, _completed_checkout(stripe, registration_id)) == 200
        _eventually(lambda: _status(runner, registration_id).status == pb.REGISTRATION_STATUS_FAILED)
    finally:
        kratos.refuse_identities_with = None
    status = _status(runner, registration_id)
    assert "identity service refused" in status.failure_reason and "schema rejected" in status.failure_reason
    assert PASSWORD not in status.failure_reason and "argon2" not in status.failure_reason
    assert _accounts(owner_db, email) == (0, 0, 0) and kratos.identities_with_email(email) == []
    with owner_db.system_session() as uow:
        letters = uow.session.execute(text(
            "select count(*) from dead_letters where consumer = 'provision_registration' and data->>'registration_id' = :id"
        ), {"id": registration_id}).scalar_one()
    assert letters == 1


def test_an_identity_service_outage_retries_and_the_sweep_finishes_what_no_event_reached(
    runner: RunningRunner, stripe: FakeStripe, kratos: FakeKratos, owner_db: Database
) -> None:
    registration_id, email = _register(runner)
    _paid_without_its_event(runner, registration_id)  # its event lost (a broker restart): only the sweep finds it
    with owner_db.system_session() as uow:
        uow.session.execute(text("update pending_registrations set paid_at = now() - interval '5 minutes' where id = :id"),
                            {"id": registration_id})

    kratos.fail_with = 503
    try:
        from common.errors import Unavailable

        with pytest.raises(Unavailable):
            provision_registration(uuid.UUID(registration_id), db=runner.container.db,
                                   identities=runner.container.identity_admin)
    finally:
        kratos.fail_with = None
    assert _status(runner, registration_id).status == pb.REGISTRATION_STATUS_PAID

    assert republish_stalled_registrations(runner.container) >= 1
    _eventually(lambda: _status(runner, registration_id).status == pb.REGISTRATION_STATUS_PROVISIONED)
    assert _accounts(owner_db, email) == (1, 1, 1)
