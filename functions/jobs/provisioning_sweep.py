"""Every minute (PingSource): paid registrations that no provisioning event reached
(lost with a broker, dead-lettered during an outage) get their event again. Safe to
repeat: provisioning finds what an earlier run made."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.jobs.record_checkout_paid import REGISTRATION_PAID, REGISTRATION_SOURCE

log = logging.getLogger("mirai.jobs")

# A paid registration is normally provisioned within seconds; give the event path that long first.
STALLED_AFTER_SECONDS = 120
BATCH = 100


def republish_stalled_registrations(container: Any) -> int:
    with container.db.system_session() as uow:
        stalled = uow.registrations.stalled_paid(older_than_seconds=STALLED_AFTER_SECONDS, limit=BATCH)
        for registration in stalled:
            uow.system_outbox.add(
                type=REGISTRATION_PAID, source=REGISTRATION_SOURCE, subject=str(registration.id),
                data={"registration_id": str(registration.id),
                      "checkout_session_id": registration.stripe_checkout_session_id,
                      "customer_id": registration.stripe_customer_id,
                      "subscription_id": registration.stripe_subscription_id},
            )
    if stalled:
        log.warning("provisioning sweep: %d paid registration(s) were not provisioned; event published again", len(stalled))
        container.relay_nudge()
    return len(stalled)


def provisioning_sweep(container: Any) -> Callable[[CloudEvent], int]:
    def handle(event: CloudEvent) -> int:
        return republish_stalled_registrations(container)

    return handle
