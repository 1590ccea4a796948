"""A mail requested in an RPC's unit of work reaches a real SMTP server through the
whole path: outbox row → relay (nudged after the commit) → broker → Trigger → send_mail."""

from __future__ import annotations

import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from common.config import Settings
from functions.local import embedded
from functions.local.mail_sink import MailSink
from functions.mail.messages import Recipient
from functions.mail.requests import request_payment_failed
from tests.support.runner import running_runner
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.e2e

FRONTEND = "https://app.example.com"


def _wait_for_mail(sink: MailSink, timeout: float = 30) -> list[Path]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if mails := sink.mails():
            return mails
        time.sleep(0.1)
    return []


def test_a_requested_mail_reaches_the_sink_through_outbox_relay_broker_and_send_mail(
    settings: Settings, tmp_path: Path
) -> None:
    from contextlib import ExitStack

    with ExitStack() as stack:
        smtp = embedded.start_mail_sink(tmp_path, stack, settings)
        sink = MailSink(tmp_path / "mail", port=smtp.port)  # the same folder, to read what arrived
        with running_runner(settings, smtp=smtp, frontend_url=FRONTEND) as runner:
            tenant: SeededTenant = provision_tenant(runner.container.db)
            with runner.container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
                message_id = request_payment_failed(uow, to=Recipient(tenant.owner_email, "Owner"), locale="en-US",
                                                    company_name="Test Co", amount_due="49.00 EUR")
            assert runner.container.relay_nudge()
            mails = _wait_for_mail(sink)
    assert len(mails) == 1, "the mail did not arrive"
    mail = BytesParser(policy=policy.default).parsebytes(mails[0].read_bytes())
    assert mail["To"] == f"Owner <{tenant.owner_email}>" and mail["Message-ID"] == f"<{message_id}@mirai.local>"
    assert mail["Subject"] == "Payment failed for Test Co's Mirai subscription"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "49.00 EUR" in text and f"{FRONTEND}/settings" in text
    assert mail.get_body(("html",)) is not None


def test_the_runner_starts_the_sink_only_without_smtp_host_and_never_under_knative(
    settings: Settings, tmp_path: Path
) -> None:
    from contextlib import ExitStack
    from dataclasses import replace

    from functions.local.runner import prepare

    with ExitStack() as stack:
        local = prepare(settings.with_overrides(smtp=replace(settings.smtp, host=None)), stack, tmp_path)
        assert (local.smtp.host, local.smtp.tls, local.smtp.username) == ("127.0.0.1", "none", None)
        assert (tmp_path / "mail").is_dir()
        configured = replace(settings.smtp, host="smtp.example.internal")
        assert prepare(settings.with_overrides(smtp=configured), stack, tmp_path / "other").smtp == configured
        assert not (tmp_path / "other" / "mail").exists()
    with ExitStack() as stack, pytest.raises(RuntimeError, match="Knative"):
        embedded.start_mail_sink(tmp_path / "k", stack, settings.with_overrides(k_service="mirai-send-mail"))
