"""Sending one requested mail, once.

Three short steps, so no database connection is held while the SMTP server
answers: claim the message id (``sent_mails``, a lease), send, record the
outcome. A redelivered event finds the mail sent (or failed for good) and does
nothing.

SMTP failures: a 5xx answer (``MailRejected``) ends the mail as failed, logged
with the address masked. Anything else (``MailUnavailable``) is retried, first
by the broker (``Unavailable``: seconds apart, for a blip), then, from
``BROKER_ATTEMPTS`` on, by a new outbox row for the same message published
minutes later (``retry_delay``) while the broker's delivery is acknowledged:
the broker's retries end after half a minute and would dead-letter the mail
in any longer outage. After ``MAX_ATTEMPTS`` failed sends (about two hours)
the mail ends failed. A mail another worker holds the lease of is handed back
the same way, so a worker that dies mid-send delays its mail, never loses it;
if it died after the server took the mail, the mail goes out a second time
with the same Message-ID (at least once, in that one window).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from common.adapters.mail import Mailer, MailRejected, MailUnavailable, OutgoingMail, mask_address
from common.errors import InvalidArgument, Unavailable
from functions.mail.links import links_for
from functions.mail.messages import MailRequest
from functions.mail.requests import enqueue
from functions.mail.templates import MailTemplates, RenderedMail, TemplateError

if TYPE_CHECKING:
    from common.db import Database

log = logging.getLogger("mirai.mail")

# Longer than one send can take (a handful of SMTP round trips at SMTP_TIMEOUT_SECONDS each)
# and no longer than the job's own timeout, after which another delivery may take over.
LEASE_SECONDS = 60
BROKER_ATTEMPTS = 3
MAX_ATTEMPTS = 10
MAX_RETRY_SECONDS = 3600

Outcome = Literal["sent", "duplicate", "failed", "requeued"]


def retry_delay(attempts: int) -> int:
    """Seconds before the next send after ``attempts`` failed ones: a minute, doubling, at most an hour."""
    return int(min(MAX_RETRY_SECONDS, 60 * 2 ** max(attempts - BROKER_ATTEMPTS, 0)))


def render(request: MailRequest, templates: MailTemplates, *, frontend_url: str) -> RenderedMail:
    try:
        return templates.render(request.template, locale=request.locale,
                                variables={**request.variables, **links_for(request, frontend_url)})
    except TemplateError as err:
        raise InvalidArgument(f"mail {request.message_id} cannot be written: {err}") from None


def _finish(db: Database, request: MailRequest, status: Literal["sent", "retrying", "failed"], *,
            error: str | None = None, retry_in_seconds: int | None = None) -> None:
    """Records the outcome; with ``retry_in_seconds``, the later attempt's outbox row commits with it."""
    with db.tenant_session(request.tenant_id) as uow:
        if not uow.sent_mails.finish(request.message_id, status=status, error=error):
            log.warning("mail %s: the claim had expired before it was recorded as %s", request.message_id, status)
        if retry_in_seconds is not None:
            enqueue(uow, request, delay_seconds=retry_in_seconds)


def deliver(request: MailRequest, *, db: Database, mailer: Mailer, templates: MailTemplates, frontend_url: str) -> Outcome:
    rendered = render(request, templates, frontend_url=frontend_url)
    with db.tenant_session(request.tenant_id) as uow:
        claim = uow.sent_mails.claim(request.message_id, template=request.template, lease_seconds=LEASE_SECONDS)
        if claim.state == "busy":
            # Settled by its holder meanwhile (this copy is then a duplicate), or taken over after the lease.
            enqueue(uow, request, delay_seconds=LEASE_SECONDS)
    if claim.state == "busy":
        log.info("mail %s is being sent by another worker; checked again in %d s", request.message_id, LEASE_SECONDS)
        return "requeued"
    if claim.state in ("sent", "failed"):
        log.info("mail %s is already %s; duplicate delivery ignored", request.message_id, claim.state)
        return "duplicate"
    recipient = mask_address(request.to.address)
    try:
        mailer.send(OutgoingMail(message_id=str(request.message_id), to_address=request.to.address,
                                 to_name=request.to.name, subject=rendered.subject, text=rendered.text, html=rendered.html))
    except MailRejected as err:
        _finish(db, request, "failed", error=str(err))
        log.warning("mail %s (%s) to %s failed for good: %s", request.message_id, request.template, recipient, err)
        return "failed"
    except MailUnavailable as err:
        return _retry_later(db, request, attempts=claim.attempts, error=str(err), recipient=recipient)
    _finish(db, request, "sent")
    log.info("mail %s (%s, %s) sent to %s", request.message_id, request.template, rendered.locale, recipient)
    return "sent"


def _retry_later(db: Database, request: MailRequest, *, attempts: int, error: str, recipient: str) -> Outcome:
    if attempts >= MAX_ATTEMPTS:
        _finish(db, request, "failed", error=error)
        log.error("mail %s (%s) to %s given up after %d attempts: %s", request.message_id, request.template,
                  recipient, attempts, error)
        return "failed"
    if attempts < BROKER_ATTEMPTS:
        _finish(db, request, "retrying", error=error)
        raise Unavailable(f"mail {request.message_id} not sent yet (attempt {attempts}): {error}")
    delay = retry_delay(attempts)
    _finish(db, request, "retrying", error=error, retry_in_seconds=delay)
    log.warning("mail %s not sent (attempt %d): %s; next attempt in %d s", request.message_id, attempts, error, delay)
    return "requeued"
