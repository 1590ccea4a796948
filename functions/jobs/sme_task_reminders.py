"""Every 15 minutes: the due-date reminders of SME tasks (functions/sme/reminders.py).
Idempotent by the reminder's guarded mark; no processed-event record is needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.sme.reminders import send_due_reminders


def sme_task_reminders(container: Any) -> Callable[[CloudEvent], int]:
    def handle(event: CloudEvent) -> int:
        return send_due_reminders(container)

    return handle
