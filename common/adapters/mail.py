"""Outgoing mail over SMTP, on the standard library (``smtplib``).

``SmtpMailer.send`` either hands the mail to the server or raises one of two
errors, because the caller must decide whether to try again: ``MailRejected``
(a 5xx answer: the recipient or the message is refused, retrying cannot help)
or ``MailUnavailable`` (no connection, a timeout, a 4xx answer, refused
credentials: retrying later may succeed). Neither message carries the
password, and recipient addresses in the server's replies are masked.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, parseaddr
from typing import Protocol

from common.config import SmtpSettings

_ADDRESS = re.compile(r"[^\s<>@:;,\"']+@[^\s<>@:;,\"']+")


class MailRejected(Exception):
    """The server refused the mail for good (SMTP 5xx)."""


class MailUnavailable(Exception):
    """The mail could not be handed over now; a later attempt may succeed."""


@dataclass(frozen=True)
class OutgoingMail:
    message_id: str
    """The same on every attempt, so a receiving server (or person) can tell a resend apart."""
    to_address: str
    to_name: str
    subject: str
    text: str
    html: str


class Mailer(Protocol):
    def send(self, mail: OutgoingMail) -> None:
        """Hands ``mail`` to the server; ``MailRejected`` or ``MailUnavailable`` when it cannot."""


def mask_address(address: str) -> str:
    """``alice@example.com`` → ``a***@example.com``: enough to tell mails apart in a log, not to read the address."""
    local, at, domain = address.rpartition("@")
    if not at:
        return "***"
    return f"{local[:1]}***@{domain}"


def masked(text: str) -> str:
    """``text`` with every mail address in it masked (server replies often quote the recipient)."""
    return _ADDRESS.sub(lambda match: mask_address(match.group(0)), text)


def _reply(code: int, message: bytes | str) -> str:
    raw = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {masked(' '.join(raw.split()))}"[:500]


def _answer_error(code: int, message: bytes | str, what: str) -> Exception:
    reply = _reply(code, message)
    if 500 <= code < 600:
        return MailRejected(f"{what} refused: {reply}")
    return MailUnavailable(f"{what} deferred: {reply}")


def message_domain(sender: str) -> str:
    _, address = parseaddr(sender)
    _, at, domain = address.rpartition("@")
    return domain if at and domain else "mirai.local"


class SmtpMailer:
    def __init__(self, settings: SmtpSettings, *, ssl_context: ssl.SSLContext | None = None) -> None:
        if not settings.host:
            raise ValueError("SmtpMailer needs SMTP_HOST")
        self._settings = settings
        self._host = settings.host
        # Certificates are verified against the system's CAs unless a test brings its own.
        self._ssl_context = ssl_context or ssl.create_default_context()

    def message(self, mail: OutgoingMail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._settings.sender
        message["To"] = formataddr((mail.to_name, mail.to_address))
        message["Subject"] = mail.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = f"<{mail.message_id}@{message_domain(self._settings.sender)}>"
        message.set_content(mail.text)
        message.add_alternative(mail.html, subtype="html")
        return message

    def _connect(self) -> smtplib.SMTP:
        timeout = self._settings.timeout_seconds
        if self._settings.tls == "tls":
            return smtplib.SMTP_SSL(self._host, self._settings.port, timeout=timeout, context=self._ssl_context)
        smtp = smtplib.SMTP(self._host, self._settings.port, timeout=timeout)
        if self._settings.tls == "starttls":
            try:
                smtp.starttls(context=self._ssl_context)
            except BaseException:
                smtp.close()
                raise
        return smtp

    def send(self, mail: OutgoingMail) -> None:
        message = self.message(mail)
        where = f"SMTP server {self._host}:{self._settings.port}"
        try:
            smtp = self._connect()
        except smtplib.SMTPResponseException as err:
            raise _answer_error(err.smtp_code, err.smtp_error, where) from None
        except (smtplib.SMTPException, OSError) as err:
            raise MailUnavailable(f"{where} unreachable ({type(err).__name__})") from None
        try:
            self._hand_over(smtp, message, where)
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                # The mail is already accepted (or already failed); a lost QUIT changes neither.
                smtp.close()

    def _hand_over(self, smtp: smtplib.SMTP, message: EmailMessage, where: str) -> None:
        try:
            if self._settings.username:
                smtp.login(self._settings.username, self._settings.password or "")
            smtp.send_message(message)
        except smtplib.SMTPAuthenticationError as err:
            # Wrong credentials are the operator's to fix; the mail itself is fine, so retry later.
            raise MailUnavailable(f"{where} refused the login ({err.smtp_code})") from None
        except smtplib.SMTPRecipientsRefused as err:
            code, reply = next(iter(err.recipients.values()))
            raise _answer_error(code, reply, "recipient") from None
        except smtplib.SMTPResponseException as err:
            raise _answer_error(err.smtp_code, err.smtp_error, "message") from None
        except (smtplib.SMTPException, OSError) as err:
            raise MailUnavailable(f"{where} failed mid-transfer ({type(err).__name__})") from None
