"""Consumes io.mirai.generation.requested (outline jobs): drafts the outline
(functions/ai_generation/outline_job.py). Safe to deliver twice: the lease claim
lets one run do the work; every other delivery is a no-op."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import InvalidArgument

log = logging.getLogger("mirai.jobs")


def event_ids(event: CloudEvent, *names: str) -> list[uuid.UUID]:
    """The event's ids, checked (a malformed event goes to the dead-letter sink, not into a retry loop)."""
    data = event.get_data() or {}
    try:
        return [uuid.UUID(str(data[name])) for name in names]
    except (KeyError, ValueError, TypeError):
        raise InvalidArgument(f"event data needs {', '.join(names)} as UUIDs") from None


def generate_outline(container: Any) -> Callable[[CloudEvent], str]:
    def handle(event: CloudEvent) -> str:
        from functions.ai_generation.outline_job import run_outline_job

        tenant_id, job_id = event_ids(event, "tenant_id", "job_id")
        if (event.get_data() or {}).get("job_type") != "outline":
            # Lesson and component work travel as their own event types.
            log.info("generate_outline: job %s is not an outline job; ignored", job_id)
            return "ignored"
        outcome = run_outline_job(container, tenant_id=tenant_id, job_id=job_id)
        log.info("generate_outline %s: %s", job_id, outcome)
        return outcome

    return handle
