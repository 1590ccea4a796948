"""io.mirai.registration.paid → the account exists (functions/auth/provisioning.py).

Every step is safe to repeat, so redeliveries and concurrent deliveries end in one
account; an identity-service outage answers 503 and the broker retries. A refusal no
retry can fix fails the registration and is recorded as a dead letter for the
operators (the event and the identity service's reason, no password hash).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import InvalidArgument

CONSUMER = "provision_registration"


def provision_registration(container: Any) -> Callable[[CloudEvent], str]:
    from functions.auth.provisioning import provision_registration as provision

    def handle(event: CloudEvent) -> str:
        data = event.data if isinstance(event.data, dict) else {}
        try:
            registration_id = uuid.UUID(str(data.get("registration_id")))
        except ValueError:
            raise InvalidArgument("must be a UUID", field="data.registration_id") from None
        result = provision(registration_id, db=container.db, identities=container.identity_admin)
        if result.outcome == "provisioned":
            container.relay_nudge()  # the welcome mail
        if result.outcome == "failed" and result.reason:
            container.dead_letters.record(consumer=CONSUMER, source=event["source"], event_id=event["id"],
                                          type=event["type"], data=data, error=result.reason)
        return result.outcome

    return handle
