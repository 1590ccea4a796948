"""Picks up exports whose run died or whose event never arrived: every minute, such
exports go back to the queue and their event is recorded again through the outbox.

- running with an ended lease (a killed function): queued again, its event re-published;
  the next run claims it (``attempt`` counts runs, ``MAX_ATTEMPTS`` ends it);
- queued ``STALLED_SECONDS`` after it was recorded (its event dead-lettered or lost):
  its event again, at most once per ``STALLED_SECONDS``.

Each export is taken with a compare-and-set first, so two sweeps never both re-publish it
(a duplicate event would be harmless anyway: the claim lets one run build it).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from functions.export.queueing import nudge, request_export

log = logging.getLogger("mirai.export")

BATCH = 100
STALLED_SECONDS = 600


def sweep_stalled_exports(container: Any, *, limit: int = BATCH) -> list[uuid.UUID]:
    """Re-publishes stalled exports; answers the ones it re-published."""
    with container.db.system_session() as uow:
        stalled = uow.exports.stalled(limit=limit, older_than_seconds=STALLED_SECONDS)
    republished: list[uuid.UUID] = []
    for found in stalled:
        with container.db.tenant_session(found.tenant_id) as uow:
            export = uow.exports.take_stalled(found.export_id, hold_seconds=STALLED_SECONDS)
            if export is None:
                continue
            request_export(uow, export)
        republished.append(export.id)
        log.info("export sweep: export %s (%s, attempt %d) published again", export.id, export.format, export.attempt)
    if republished:
        nudge(container)
    return republished
