"""A real SMTP server on loopback (the local mail sink) for every mail test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from common.config import Settings, SmtpSettings
from functions.local.mail_sink import MailSink


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[MailSink]:
    server = MailSink(tmp_path / "mail").start()
    yield server
    server.stop()


def smtp_at(settings: Settings, port: int, **changes: object) -> SmtpSettings:
    """SMTP settings for a server on loopback ``port``: no TLS, short timeouts, unless changed."""
    fields: dict[str, object] = {"tls": "none", "timeout_seconds": 5, **changes}
    return replace(settings.smtp, host="127.0.0.1", port=port, **fields)  # type: ignore[arg-type]


def smtp_for(sink: MailSink, settings: Settings, **changes: object) -> SmtpSettings:
    return smtp_at(settings, sink.port, **changes)


def received(sink: MailSink) -> list[EmailMessage]:
    return [BytesParser(policy=policy.default).parsebytes(path.read_bytes()) for path in sink.mails()]  # type: ignore[misc]


def parts(message: EmailMessage) -> dict[str, str]:
    return {part.get_content_type(): part.get_content().replace("\r\n", "\n") for part in message.walk() if not part.is_multipart()}  # type: ignore[attr-defined]
