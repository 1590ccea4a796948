"""The send_mail job against a real SMTP server on loopback and the real database:
each requested mail is sent once however often its event arrives, an outage is
retried (by the broker, then through the outbox) until it succeeds, a refused
recipient ends failed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from cloudevents.conversion import to_binary
from cloudevents.http import CloudEvent
from sqlalchemy import text
from werkzeug.test import EnvironBuilder, run_wsgi_app

from common.config import Settings
from common.db import Database
from common.errors import InvalidArgument
from events.catalogue import TENANT_EXTENSION
from events.ports import OutboxRow
from functions.bootstrap import Container
from functions.event_target import CloudEventEndpoint
from functions.jobs.outbox_relay import to_cloudevent
from functions.jobs.send_mail import send_mail
from functions.local.mail_sink import MailSink
from functions.mail.delivery import BROKER_ATTEMPTS, LEASE_SECONDS, MAX_ATTEMPTS, retry_delay
from functions.mail.messages import Recipient
from functions.mail.requests import request_invitation, request_mail, request_welcome
from tests.conftest import free_port
from tests.integration.mail.conftest import parts, received, smtp_at, smtp_for
from tests.integration.mail.test_smtp_adapter import RefusingFolder
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.integration

FRONTEND = "https://app.example.com"
TOKEN = "inv_0123456789abcdefghij"


@pytest.fixture
def mail_container(settings: Settings, sink: MailSink) -> Iterator[Container]:
    built = Container(settings.with_overrides(smtp=smtp_for(sink, settings), frontend_url=FRONTEND))
    yield built
    built.close()


def _endpoint(container: Container) -> CloudEventEndpoint:
    return CloudEventEndpoint(send_mail(container), name="send_mail")


def _deliver(endpoint: CloudEventEndpoint, event: CloudEvent) -> int:
    """One delivery as the broker makes it (binary mode over HTTP); the status it gets back."""
    headers, body = to_binary(event)
    environ = EnvironBuilder(path="/", method="POST", headers=list(headers.items()), data=body or b"").get_environ()
    _, status, _ = run_wsgi_app(endpoint, environ, buffered=True)
    return int(status.split(" ", 1)[0])


def _outbox_rows(owner_db: Database, message_id: uuid.UUID) -> list[Any]:
    """The mail's outbox rows, first the request's, then any the job queued again; with their delay in seconds."""
    with owner_db.engine.connect() as conn:
        return list(conn.execute(text(
            "select *, extract(epoch from available_at - now()) as delay from outbox"
            " where data->>'message_id' = :m order by created_at, available_at"), {"m": str(message_id)}).mappings())


def _event_of(owner_db: Database, message_id: uuid.UUID, index: int = 0) -> CloudEvent:
    """The CloudEvent the relay publishes for one of the mail's outbox rows (the request's by default)."""
    row = _outbox_rows(owner_db, message_id)[index]
    return to_cloudevent(OutboxRow(id=row["id"], type=row["type"], source=row["source"], data=row["data"],
                                   created_at=row["created_at"], tenant_id=row["tenant_id"], subject=row["subject"]))


def _record(owner_db: Database, message_id: uuid.UUID) -> Any:
    with owner_db.engine.connect() as conn:
        return conn.execute(text("select * from sent_mails where message_id = :m"), {"m": message_id}).mappings().one()


def _invite(container: Container, tenant: SeededTenant, address: str = "ada@example.com") -> uuid.UUID:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        return request_invitation(uow, to=Recipient(address), locale="en-GB", inviter_name="Grace Hopper",
                                  company_name="Acme & Co", invite_token=TOKEN, note="Welcome <aboard>!")


def test_a_mail_delivered_twice_is_sent_once(
    mail_container: Container, owner_db: Database, sink: MailSink, tenant: SeededTenant
) -> None:
    message_id = _invite(mail_container, tenant)
    event = _event_of(owner_db, message_id)
    endpoint = _endpoint(mail_container)
    assert _deliver(endpoint, event) == 204
    assert _deliver(endpoint, event) == 204
    [mail] = received(sink)
    assert mail["To"] == "ada@example.com" and mail["Subject"] == "Grace Hopper invited you to join Acme & Co on Mirai"
    assert mail["Message-ID"] == f"<{message_id}@mirai.local>"
    body = parts(mail)
    assert f"{FRONTEND}/auth/accept-invite?token={TOKEN}" in body["text/plain"] and "Welcome <aboard>!" in body["text/plain"]
    assert "Acme &amp; Co" in body["text/html"] and "Welcome &lt;aboard&gt;!" in body["text/html"]
    record = _record(owner_db, message_id)
    assert (record["status"], record["attempts"], record["tenant_id"]) == ("sent", 1, tenant.tenant_id)
    assert record["sent_at"] is not None and record["last_error"] is None


def test_an_smtp_outage_is_retried_through_the_broker_until_it_succeeds(
    settings: Settings, owner_db: Database, tmp_path: Any, tenant: SeededTenant
) -> None:
    port = free_port()
    container = Container(settings.with_overrides(
        smtp=smtp_at(settings, port, timeout_seconds=2), frontend_url=FRONTEND))
    try:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            message_id = request_welcome(uow, to=Recipient("ada@example.com", "Ada"), locale="en", company_name="Acme")
        event, endpoint = _event_of(owner_db, message_id), _endpoint(container)
        # Nothing listens: 503, which the broker retries with backoff.
        assert _deliver(endpoint, event) == 503
        record = _record(owner_db, message_id)
        assert record["status"] == "retrying" and "unreachable" in record["last_error"]
        sink = MailSink(tmp_path / "mail", port=port).start()
        try:
            assert _deliver(endpoint, event) == 204
            assert _deliver(endpoint, event) == 204
        finally:
            sink.stop()
    finally:
        container.close()
    [mail] = received(sink)
    assert mail["Subject"] == "Welcome to Mirai, Acme is ready" and "Hello Ada," in parts(mail)["text/plain"]
    assert (_record(owner_db, message_id)["status"], _record(owner_db, message_id)["attempts"]) == ("sent", 2)


def test_a_refused_recipient_ends_failed_and_is_logged_without_the_address(
    settings: Settings, owner_db: Database, tmp_path: Any, tenant: SeededTenant, caplog: pytest.LogCaptureFixture
) -> None:
    sink = MailSink(tmp_path / "mail", handler=RefusingFolder(tmp_path / "mail")).start()
    container = Container(settings.with_overrides(smtp=smtp_for(sink, settings), frontend_url=FRONTEND))
    try:
        message_id = _invite(container, tenant, address="gone.person@corp.example")
        event, endpoint = _event_of(owner_db, message_id), _endpoint(container)
        with caplog.at_level(logging.INFO):
            # Acknowledged (2xx): retrying a refused recipient cannot help.
            assert _deliver(endpoint, event) == 204
            assert _deliver(endpoint, event) == 204
    finally:
        sink.stop()
        container.close()
    assert sink.mails() == []
    record = _record(owner_db, message_id)
    assert (record["status"], record["attempts"]) == ("failed", 1) and "550" in record["last_error"]
    assert "gone.person@corp.example" not in record["last_error"]
    # Our logs only: the SMTP server's own log (aiosmtpd's "mail.log") is the receiving side's business.
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("mirai"))
    assert "g***@corp.example" in ours and "failed for good" in ours
    assert "gone.person" not in ours and TOKEN not in ours


def test_a_mail_being_sent_by_another_worker_is_checked_again_after_its_lease(
    mail_container: Container, owner_db: Database, sink: MailSink, tenant: SeededTenant
) -> None:
    message_id = _invite(mail_container, tenant)
    with mail_container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.sent_mails.claim(message_id, template="invitation", lease_seconds=60).state == "claimed"
    assert _deliver(_endpoint(mail_container), _event_of(owner_db, message_id)) == 204
    assert sink.mails() == []
    # Not dead-lettered should the holder have died: the same message comes back once its lease is over.
    [_, again] = _outbox_rows(owner_db, message_id)
    assert again["published_at"] is None and 50 < again["delay"] <= LEASE_SECONDS
    assert again["data"] == _outbox_rows(owner_db, message_id)[0]["data"]


def test_a_long_outage_is_retried_later_through_the_outbox_not_dead_lettered(
    settings: Settings, owner_db: Database, tmp_path: Any, tenant: SeededTenant
) -> None:
    port = free_port()
    container = Container(settings.with_overrides(smtp=smtp_at(settings, port, timeout_seconds=2), frontend_url=FRONTEND))
    try:
        message_id = _invite(container, tenant)
        event, endpoint = _event_of(owner_db, message_id), _endpoint(container)
        # The broker's own retries first (503), as long as a blip would last ...
        assert [_deliver(endpoint, event) for _ in range(BROKER_ATTEMPTS - 1)] == [503] * (BROKER_ATTEMPTS - 1)
        assert len(_outbox_rows(owner_db, message_id)) == 1
        # ... then the delivery is acknowledged and the same message queued again, a minute later.
        assert _deliver(endpoint, event) == 204
        [_, again] = _outbox_rows(owner_db, message_id)
        assert 50 < again["delay"] <= retry_delay(BROKER_ATTEMPTS) == 60
        record = _record(owner_db, message_id)
        assert (record["status"], record["attempts"]) == ("retrying", BROKER_ATTEMPTS)
        sink = MailSink(tmp_path / "mail", port=port).start()
        try:
            assert _deliver(endpoint, _event_of(owner_db, message_id, 1)) == 204
            assert _deliver(endpoint, event) == 204  # a late copy of the first event
        finally:
            sink.stop()
    finally:
        container.close()
    assert len(sink.mails()) == 1
    assert (_record(owner_db, message_id)["status"], len(_outbox_rows(owner_db, message_id))) == ("sent", 2)


def test_a_mail_whose_worker_died_mid_send_is_taken_over_after_its_lease(
    mail_container: Container, owner_db: Database, sink: MailSink, tenant: SeededTenant
) -> None:
    message_id = _invite(mail_container, tenant)
    with mail_container.db.tenant_session(tenant.tenant_id) as uow:
        uow.sent_mails.claim(message_id, template="invitation", lease_seconds=60)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update sent_mails set lease_expires_at = now() - interval '1 second' where message_id = :m"),
                     {"m": message_id})
    assert _deliver(_endpoint(mail_container), _event_of(owner_db, message_id)) == 204
    assert len(sink.mails()) == 1 and _record(owner_db, message_id)["attempts"] == 2


def test_retries_stop_after_the_last_attempt(
    settings: Settings, owner_db: Database, tmp_path: Any, tenant: SeededTenant
) -> None:
    container = Container(settings.with_overrides(
        smtp=smtp_at(settings, free_port(), timeout_seconds=2), frontend_url=FRONTEND))
    try:
        message_id = _invite(container, tenant)
        with owner_db.engine.begin() as conn:
            conn.execute(text(
                "insert into sent_mails (tenant_id, message_id, template, status, attempts)"
                " values (:t, :m, 'invitation', 'retrying', :n)"), {"t": tenant.tenant_id, "m": message_id, "n": MAX_ATTEMPTS - 1})
        event = _event_of(owner_db, message_id)
        assert _deliver(_endpoint(container), event) == 204
        assert _deliver(_endpoint(container), event) == 204
    finally:
        container.close()
    record = _record(owner_db, message_id)
    assert (record["status"], record["attempts"]) == ("failed", MAX_ATTEMPTS)


def test_an_event_whose_tenant_differs_from_its_mail_goes_to_the_dead_letter_sink(
    mail_container: Container, owner_db: Database, sink: MailSink, tenant: SeededTenant, other: SeededTenant
) -> None:
    event = _event_of(owner_db, _invite(mail_container, tenant))
    forged = CloudEvent({**event.get_attributes(), TENANT_EXTENSION: str(other.tenant_id)}, event.data)
    assert _deliver(_endpoint(mail_container), forged) == 422
    assert sink.mails() == []


def test_a_mail_request_commits_and_rolls_back_with_the_callers_transaction(
    mail_container: Container, owner_db: Database, tenant: SeededTenant
) -> None:
    kept: list[uuid.UUID] = []
    with pytest.raises(RuntimeError), mail_container.db.tenant_session(tenant.tenant_id) as uow:
        kept.append(request_welcome(uow, to=Recipient("ada@example.com"), locale=None, company_name="Acme"))
        raise RuntimeError("the RPC failed after requesting the mail")
    with owner_db.engine.connect() as conn:
        assert conn.execute(text("select count(*) from outbox where data->>'message_id' = :m"),
                            {"m": str(kept[0])}).scalar_one() == 0


def test_a_bad_request_is_invalid_argument_naming_the_field(mail_container: Container, tenant: SeededTenant) -> None:
    with mail_container.db.tenant_session(tenant.tenant_id) as uow:
        with pytest.raises(InvalidArgument, match=r"^must be an email address$"):
            request_welcome(uow, to=Recipient("ada@example.com\r\nBcc: eve@example.com"), locale="en", company_name="A")
        with pytest.raises(InvalidArgument, match=r"^variables\.invite_token: is not valid for the invitation mail$"):
            request_invitation(uow, to=Recipient("ada@example.com"), locale="en", inviter_name="G", company_name="A",
                               invite_token="short")
        with pytest.raises(InvalidArgument, match=r"^variables\.company_name: "):
            request_mail(uow, template="welcome", to=Recipient("ada@example.com"), locale="en",
                         variables={"recipient_name": "", "company_name": ""})
