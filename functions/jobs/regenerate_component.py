"""Consumes io.mirai.generation.component.requested: rewrites one lesson component
(functions/ai_generation/component_job.py). Safe to deliver twice (lease claim)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.jobs.generate_outline import event_ids

log = logging.getLogger("mirai.jobs")


def regenerate_component(container: Any) -> Callable[[CloudEvent], str]:
    def handle(event: CloudEvent) -> str:
        from functions.ai_generation.component_job import run_component_job

        tenant_id, job_id = event_ids(event, "tenant_id", "job_id")
        outcome = run_component_job(container, tenant_id=tenant_id, job_id=job_id)
        log.info("regenerate_component %s: %s", job_id, outcome)
        return outcome

    return handle
