"""Hourly: removes pending registrations whose checkout was never paid (24 h expiry).

Idempotent by nature (a second run finds nothing), so it needs no processed-event mark.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from events.ports import ExpiredRegistrations

log = logging.getLogger("mirai.jobs")


def remove_expired_registrations(registrations: ExpiredRegistrations) -> int:
    removed = registrations.delete_expired()
    log.info("cleanup: %d expired pending registrations removed", removed)
    return removed


def cleanup_expired_registrations(container: Any) -> Callable[[CloudEvent], int]:
    def handle(event: CloudEvent) -> int:
        return remove_expired_registrations(container.expired_registrations)

    return handle
