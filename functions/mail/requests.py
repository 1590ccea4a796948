"""Requesting a mail inside the caller's unit of work: the ``io.mirai.mail.requested``
outbox row commits or rolls back with the change that causes the mail.

After the commit, the caller nudges the relay (``container.relay_nudge()``), as for
every outbox event; the send_mail job then sends it once. Call sites come with their
RPCs: welcome (provisioning), invitation (InvitationService), payment failed (billing), SME task
assigned (SMEService), SME task due soon (the reminder sweep).
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from common.errors import InvalidArgument
from events.catalogue import InvalidEventData
from functions.mail.messages import DEFAULT_LOCALE, MAIL_REQUESTED, MAIL_SOURCE, MailRequest, Recipient, TemplateName

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

_ADDRESS = re.compile(r"[^\s@<>,;:\"'()\[\]\\]+@[^\s@<>,;:\"'()\[\]\\]+\.[^\s@<>,;:\"'()\[\]\\]+")
_LOCALE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")


def enqueue(uow: UnitOfWork, request: MailRequest, *, delay_seconds: int = 0) -> None:
    """The outbox row of ``request``; the send_mail job's own retries enqueue the same message again, later."""
    uow.outbox.add(type=MAIL_REQUESTED, source=MAIL_SOURCE, subject=request.template, data=request.event_data(),
                   delay_seconds=delay_seconds)


def request_mail(uow: UnitOfWork, *, template: TemplateName, to: Recipient, locale: str | None,
                 variables: dict[str, str]) -> uuid.UUID:
    """Queues one mail in ``uow``'s transaction; returns its message id (the send_mail job's idempotency key).

    A locale that is not a language tag falls back to English; a bad address or
    variable is ``InvalidArgument`` naming the field."""
    address = to.address.strip()
    if len(address) > 254 or not _ADDRESS.fullmatch(address):
        raise InvalidArgument("must be an email address", field="to")
    chosen = (locale or "").strip()
    request = MailRequest(
        message_id=uuid.uuid4(), tenant_id=uow.outbox.tenant_id, template=template,
        locale=chosen if len(chosen) <= 35 and _LOCALE.fullmatch(chosen) else DEFAULT_LOCALE,
        to=Recipient(address, to.name.strip()), variables=variables,
    )
    try:
        enqueue(uow, request)
    except InvalidEventData as err:
        # The schema's message may quote the value (a token, an address): name the field only.
        raise InvalidArgument(f"{err.where.replace('/', '.')}: is not valid for the {template} mail", field=err.where) from None
    return request.message_id


def request_welcome(uow: UnitOfWork, *, to: Recipient, locale: str | None, company_name: str) -> uuid.UUID:
    return request_mail(uow, template="welcome", to=to, locale=locale,
                        variables={"recipient_name": to.name.strip(), "company_name": company_name})


def request_invitation(uow: UnitOfWork, *, to: Recipient, locale: str | None, inviter_name: str, company_name: str,
                       invite_token: str, note: str = "") -> uuid.UUID:
    """``invite_token`` is the invitation's own token (the accept link needs it); the
    table keeps only its hash, so this event is the one place it travels."""
    variables = {"inviter_name": inviter_name, "company_name": company_name, "invite_token": invite_token}
    if note.strip():
        variables["note"] = note.strip()
    return request_mail(uow, template="invitation", to=to, locale=locale, variables=variables)


def request_task_assigned(uow: UnitOfWork, *, to: Recipient, locale: str | None, assigner_name: str, sme_name: str,
                          task_title: str, task_id: uuid.UUID, due_date: str = "") -> uuid.UUID:
    """The assignee of an SME task (new or reassigned) is asked for the documents."""
    variables = {"recipient_name": to.name.strip(), "assigner_name": assigner_name, "sme_name": sme_name,
                 "task_title": task_title, "task_id": str(task_id)}
    if due_date:
        variables["due_date"] = due_date
    return request_mail(uow, template="sme_task_assigned", to=to, locale=locale, variables=variables)


def request_task_due_soon(uow: UnitOfWork, *, to: Recipient, locale: str | None, sme_name: str, task_title: str,
                          task_id: uuid.UUID, due_date: str) -> uuid.UUID:
    """The assignee of an open SME task, a day before its deadline."""
    variables = {"recipient_name": to.name.strip(), "sme_name": sme_name, "task_title": task_title,
                 "task_id": str(task_id), "due_date": due_date}
    return request_mail(uow, template="sme_task_due_soon", to=to, locale=locale, variables=variables)


def request_payment_failed(uow: UnitOfWork, *, to: Recipient, locale: str | None, company_name: str,
                           amount_due: str = "") -> uuid.UUID:
    variables = {"recipient_name": to.name.strip(), "company_name": company_name}
    if amount_due.strip():
        variables["amount_due"] = amount_due.strip()
    return request_mail(uow, template="payment_failed", to=to, locale=locale, variables=variables)
