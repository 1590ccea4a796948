"""The due-date reminder of SME tasks (sme.proto: "a reminder is sent 24 h before").

A sweep finds open tasks due within REMIND_WITHIN_SECONDS whose reminder is unsent, across
tenants (a SECURITY DEFINER function), then, per task in its tenant's session, marks the
reminder sent with a guarded UPDATE and writes the notification and the mail in the same
transaction: a task is reminded once however often or concurrently the sweep runs.
"""

from __future__ import annotations

import logging
from typing import Any

from functions.sme.tasks import remind_assignee

log = logging.getLogger("mirai.sme")

REMIND_WITHIN_SECONDS = 24 * 3600
BATCH = 200


def send_due_reminders(container: Any) -> int:
    with container.db.system_session() as uow:
        due = uow.sme_tasks.due_soon(within_seconds=REMIND_WITHIN_SECONDS, limit=BATCH)
    sent = 0
    for task_id, tenant_id in due:
        with container.db.tenant_session(tenant_id) as uow:
            task = uow.sme_tasks.claim_reminder(task_id)
            if task is None:
                continue
            remind_assignee(uow, task=task, sme=uow.smes.get(task.sme_id), assignee=uow.users.get(task.assignee_id))
            sent += 1
    if sent:
        container.relay_nudge()
    log.info("sme task reminders: %d sent", sent)
    return sent
