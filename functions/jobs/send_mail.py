"""Consumes io.mirai.mail.requested: writes the mail from its templates and sends it
over SMTP, once per message id (functions/mail/delivery.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from common.config import ConfigError
from common.errors import InvalidArgument
from events.catalogue import TENANT_EXTENSION


def send_mail(container: Any) -> Callable[[CloudEvent], str]:
    from functions.mail.delivery import deliver
    from functions.mail.messages import MailRequest
    from functions.mail.templates import MailTemplates

    # Checked when the target is built, so a deployment without it stops at start-up.
    frontend_url = container.settings.frontend_url
    if not frontend_url:
        raise ConfigError("FRONTEND_URL is required to write mails (their links point at the frontend)")
    templates = MailTemplates()

    def handle(event: CloudEvent) -> str:
        request = MailRequest.from_event_data(event.get_data())
        tenant = event.get(TENANT_EXTENSION)
        if tenant is not None and tenant != str(request.tenant_id):
            raise InvalidArgument("the event's tenant and its mail's tenant_id differ", field="tenant_id")
        return deliver(request, db=container.db, mailer=container.mailer, templates=templates, frontend_url=frontend_url)

    return handle
