"""The SMTP adapter against a real SMTP server on loopback: both parts arrive, each TLS
mode speaks what it says, and failures are told apart (rejected for good vs. try later)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from common.adapters.mail import MailRejected, MailUnavailable, OutgoingMail, SmtpMailer
from common.config import Settings
from functions.local.mail_sink import MailFolder, MailSink
from tests.conftest import free_port
from tests.integration.mail.conftest import parts, received, smtp_at, smtp_for
from tests.support.tls_certs import loopback_tls

pytestmark = pytest.mark.integration

MAIL = OutgoingMail(message_id="3f1c7f0e-mail", to_address="ada@example.com", to_name="Ada Lovelace",
                    subject="Grüße from Mirai", text="Hello Ada,\nplain part.\n", html="<p>Hello <b>Ada</b></p>\n")


class RefusingFolder(MailFolder):
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any) -> str:
        if address.startswith("gone"):
            return f"550 5.1.1 <{address}>: Recipient address rejected"
        if address.startswith("busy"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_a_mail_arrives_with_both_parts_and_its_headers(sink: MailSink, settings: Settings) -> None:
    SmtpMailer(smtp_for(sink, settings, sender="Mirai <no-reply@mirai.example.com>")).send(MAIL)
    [message] = received(sink)
    assert message["To"] == "Ada Lovelace <ada@example.com>"
    assert message["From"] == "Mirai <no-reply@mirai.example.com>"
    assert message["Subject"] == "Grüße from Mirai"
    assert message["Message-ID"] == "<3f1c7f0e-mail@mirai.example.com>"
    assert parts(message) == {"text/plain": MAIL.text, "text/html": MAIL.html}


def test_starttls_upgrades_the_connection_and_logs_in(tmp_path: Path, settings: Settings) -> None:
    tls = loopback_tls(tmp_path)
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"right-password", handled=False)

    server = MailSink(tmp_path / "mail", tls_context=tls.server, require_starttls=True, auth_require_tls=True,
                      authenticator=authenticate, auth_exclude_mechanism=["LOGIN"]).start()
    try:
        smtp = smtp_for(server, settings, tls="starttls", username="mailer", password="right-password")
        SmtpMailer(smtp, ssl_context=tls.client).send(MAIL)
        assert len(server.mails()) == 1 and logins == [(b"mailer", b"right-password")]
        # Wrong credentials are the operator's to fix: try later, never "rejected", never the password.
        with pytest.raises(MailUnavailable, match="refused the login") as refused:
            SmtpMailer(smtp_for(server, settings, tls="starttls", username="mailer", password="wrong-password"),
                       ssl_context=tls.client).send(MAIL)
        assert "wrong-password" not in str(refused.value)
        # Without STARTTLS this server refuses to take the mail at all.
        with pytest.raises(MailRejected):
            SmtpMailer(smtp_for(server, settings)).send(MAIL)
    finally:
        server.stop()
    assert len(server.mails()) == 1


def test_implicit_tls_speaks_tls_from_the_first_byte(tmp_path: Path, settings: Settings) -> None:
    tls = loopback_tls(tmp_path)
    server = MailSink(tmp_path / "mail", ssl_context=tls.server).start()
    try:
        SmtpMailer(smtp_for(server, settings, tls="tls"), ssl_context=tls.client).send(MAIL)
        assert len(server.mails()) == 1
        # A certificate the client does not trust is refused, not silently accepted.
        with pytest.raises(MailUnavailable, match="unreachable"):
            SmtpMailer(smtp_for(server, settings, tls="tls")).send(MAIL)
    finally:
        server.stop()


def test_a_refused_recipient_is_rejected_with_the_address_masked(tmp_path: Path, settings: Settings) -> None:
    server = MailSink(tmp_path / "mail", handler=RefusingFolder(tmp_path / "mail")).start()
    try:
        with pytest.raises(MailRejected) as refused:
            SmtpMailer(smtp_for(server, settings)).send(OutgoingMail(**{**MAIL.__dict__, "to_address": "gone@corp.example"}))
        assert "550" in str(refused.value) and "gone@corp.example" not in str(refused.value)
        assert "g***@corp.example" in str(refused.value)
        with pytest.raises(MailUnavailable, match="451"):
            SmtpMailer(smtp_for(server, settings)).send(OutgoingMail(**{**MAIL.__dict__, "to_address": "busy@corp.example"}))
    finally:
        server.stop()
    assert server.mails() == []


def test_no_server_listening_is_unavailable(settings: Settings) -> None:
    smtp = smtp_at(settings, free_port(), timeout_seconds=2)
    with pytest.raises(MailUnavailable, match="unreachable"):
        SmtpMailer(smtp).send(MAIL)


def test_the_sink_refuses_to_start_under_knative(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="Knative"):
        MailSink(tmp_path / "mail", under_knative=True)
    assert not (tmp_path / "mail").exists()
