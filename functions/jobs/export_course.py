"""Consumes io.mirai.export.requested: builds the export's file (functions/export/export_run.py).
Safe to deliver twice: the lease claim lets one run do the work; every other delivery is a no-op."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.jobs.generate_outline import event_ids

log = logging.getLogger("mirai.jobs")


def export_course(container: Any) -> Callable[[CloudEvent], str]:
    def handle(event: CloudEvent) -> str:
        from functions.export.export_run import run_export

        tenant_id, export_id = event_ids(event, "tenant_id", "export_id")
        outcome = run_export(container, tenant_id=tenant_id, export_id=export_id)
        log.info("export_course %s: %s", export_id, outcome)
        return outcome

    return handle
