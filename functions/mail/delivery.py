"""Sending one requested mail, once.

Three short steps, so no database connection is held while the SMTP server
answers: claim the message id (``sent_mails``, a lease), send, record the
outcome. A redelivered event finds the mail sent (or failed for good) and does
nothing; one that arrives while another worker holds the lease is answered
``Conflict`` so the broker tries again later.

SMTP failures: a 5xx answer (``MailRejected``) ends the mail as failed, logged
with the address masked; anything else (``MailUnavailable``) is ``Unavailable``
so the broker retries with backoff, until ``MAX_ATTEMPTS`` sends have failed.
A worker that dies between the server's acceptance and the record leaves the
lease to expire, and the mail may then go out a second time with the same
Message-ID: delivery is at least once in that one window, never lost.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from common.adapters.mail import Mailer, MailRejected, MailUnavailable, OutgoingMail, mask_address
from common.errors import Conflict, InvalidArgument, Unavailable
from functions.mail.links import links_for
from functions.mail.messages import MailRequest
from functions.mail.templates import MailTemplates, RenderedMail, TemplateError

if TYPE_CHECKING:
    from common.db import Database

log = logging.getLogger("mirai.mail")

# Longer than one send can take (a handful of SMTP round trips at SMTP_TIMEOUT_SECONDS each)
# and no longer than the job's own timeout, after which a redelivery may take over.
LEASE_SECONDS = 60
MAX_ATTEMPTS = 8

Outcome = Literal["sent", "duplicate", "failed"]


def render(request: MailRequest, templates: MailTemplates, *, frontend_url: str) -> RenderedMail:
    try:
        return templates.render(request.template, locale=request.locale,
                                variables={**request.variables, **links_for(request, frontend_url)})
    except TemplateError as err:
        raise InvalidArgument(f"mail {request.message_id} cannot be written: {err}") from None


def _finish(db: Database, request: MailRequest, status: Literal["sent", "retrying", "failed"], error: str | None = None) -> None:
    with db.tenant_session(request.tenant_id) as uow:
        if not uow.sent_mails.finish(request.message_id, status=status, error=error):
            log.warning("mail %s: the claim had expired before it was recorded as %s", request.message_id, status)


def deliver(request: MailRequest, *, db: Database, mailer: Mailer, templates: MailTemplates, frontend_url: str) -> Outcome:
    rendered = render(request, templates, frontend_url=frontend_url)
    with db.tenant_session(request.tenant_id) as uow:
        claim = uow.sent_mails.claim(request.message_id, template=request.template, lease_seconds=LEASE_SECONDS)
    if claim.state in ("sent", "failed"):
        log.info("mail %s is already %s; duplicate delivery ignored", request.message_id, claim.state)
        return "duplicate"
    if claim.state == "busy":
        raise Conflict(f"mail {request.message_id} is being sent by another worker")
    recipient = mask_address(request.to.address)
    try:
        mailer.send(OutgoingMail(message_id=str(request.message_id), to_address=request.to.address,
                                 to_name=request.to.name, subject=rendered.subject, text=rendered.text, html=rendered.html))
    except MailRejected as err:
        _finish(db, request, "failed", str(err))
        log.warning("mail %s (%s) to %s failed for good: %s", request.message_id, request.template, recipient, err)
        return "failed"
    except MailUnavailable as err:
        if claim.attempts >= MAX_ATTEMPTS:
            _finish(db, request, "failed", str(err))
            log.error("mail %s (%s) to %s given up after %d attempts: %s", request.message_id, request.template,
                      recipient, claim.attempts, err)
            return "failed"
        _finish(db, request, "retrying", str(err))
        raise Unavailable(f"mail {request.message_id} not sent yet (attempt {claim.attempts}): {err}") from None
    _finish(db, request, "sent")
    log.info("mail %s (%s, %s) sent to %s", request.message_id, request.template, rendered.locale, recipient)
    return "sent"
