"""SMTP settings: the TLS mode is explicit or follows the port's convention, a bad value
stops start-up naming the variable, and the password never shows in a repr."""

from __future__ import annotations

import pytest

from common.adapters.mail import SmtpMailer, mask_address, masked, message_domain
from common.config import ConfigError, Settings


def _smtp(**env: str) -> Settings:
    return Settings.from_env({"SMTP_HOST": "smtp.example.internal", **env})


@pytest.mark.parametrize(("port", "mode"), [("465", "tls"), ("587", "starttls"), ("25", "none"), ("1025", "none")])
def test_the_tls_mode_follows_the_port_when_not_given(port: str, mode: str) -> None:
    assert _smtp(SMTP_PORT=port).smtp.tls == mode


def test_an_explicit_tls_mode_wins_over_the_port() -> None:
    assert _smtp(SMTP_PORT="2525", SMTP_TLS="STARTTLS").smtp.tls == "starttls"
    assert _smtp(SMTP_PORT="465", SMTP_TLS="none").smtp.tls == "none"


def test_a_bad_tls_mode_or_timeout_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="SMTP_TLS must be one of none, starttls, tls"):
        _smtp(SMTP_TLS="ssl")
    with pytest.raises(ConfigError, match="SMTP_TIMEOUT_SECONDS"):
        _smtp(SMTP_TIMEOUT_SECONDS="0")


def test_defaults_and_the_password_stays_out_of_reprs() -> None:
    settings = _smtp(SMTP_USERNAME="mailer", SMTP_PASSWORD="s3cret-pass")
    assert (settings.smtp.port, settings.smtp.tls, settings.smtp.timeout_seconds) == (1025, "none", 10)
    assert settings.smtp.password == "s3cret-pass"
    assert "s3cret-pass" not in repr(settings) and "s3cret-pass" not in repr(SmtpMailer(settings.smtp).__dict__)


def test_addresses_are_masked_in_text() -> None:
    assert mask_address("alice@example.com") == "a***@example.com"
    assert mask_address("not-an-address") == "***"
    assert masked("550 5.1.1 <bob.smith@corp.example>: Recipient address rejected") == (
        "550 5.1.1 <b***@corp.example>: Recipient address rejected")


def test_the_message_id_domain_is_the_senders() -> None:
    assert message_domain("Mirai <no-reply@mirai.example.com>") == "mirai.example.com"
    assert message_domain("nobody") == "mirai.local"


def test_the_mail_job_refuses_to_start_without_frontend_url_or_smtp_host() -> None:
    from functions.bootstrap import Container
    from functions.jobs.send_mail import send_mail

    with pytest.raises(ConfigError, match="FRONTEND_URL is required"):
        send_mail(Container(_smtp()))
    with pytest.raises(ConfigError, match="SMTP_HOST is required"):
        _ = Container(Settings.from_env({})).mailer
    assert callable(send_mail(Container(_smtp(FRONTEND_URL="https://app.example.com"))))
