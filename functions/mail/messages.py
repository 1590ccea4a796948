"""What an ``io.mirai.mail.requested`` event carries, as a value (events/schemas/io.mirai.mail.requested.json)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal, get_args

from common.errors import InvalidArgument
from events.catalogue import InvalidEventData, validate_data

MAIL_REQUESTED = "io.mirai.mail.requested"
MAIL_SOURCE = "/mirai/mail"
DEFAULT_LOCALE = "en"

TemplateName = Literal["welcome", "invitation", "payment_failed", "sme_task_assigned", "sme_task_due_soon"]
TEMPLATE_NAMES: tuple[str, ...] = get_args(TemplateName)


@dataclass(frozen=True)
class Recipient:
    address: str
    name: str = ""


@dataclass(frozen=True)
class MailRequest:
    message_id: uuid.UUID
    tenant_id: uuid.UUID
    template: TemplateName
    locale: str
    to: Recipient
    variables: dict[str, str]

    def event_data(self) -> dict[str, Any]:
        to = {"address": self.to.address, **({"name": self.to.name} if self.to.name else {})}
        return {"message_id": str(self.message_id), "tenant_id": str(self.tenant_id), "template": self.template,
                "locale": self.locale, "to": to, "variables": dict(self.variables)}

    @classmethod
    def from_event_data(cls, data: Any) -> MailRequest:
        """The request in an event's data; ``InvalidArgument`` (to the dead-letter sink) when it is not one."""
        try:
            validate_data(MAIL_REQUESTED, data)
        except InvalidEventData as err:
            raise InvalidArgument(f"{MAIL_REQUESTED} data at {err.where} is not valid", field=err.where) from None
        return cls(
            message_id=uuid.UUID(data["message_id"]), tenant_id=uuid.UUID(data["tenant_id"]),
            template=data["template"], locale=data["locale"],
            to=Recipient(data["to"]["address"], data["to"].get("name", "")),
            variables={name: str(value) for name, value in data["variables"].items()},
        )
