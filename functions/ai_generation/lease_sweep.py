"""Picks up generation work whose run died, or whose events never arrived: every
minute, such jobs are published again through the outbox.

- A running job whose lease ended: outline, component and SME ingestion jobs get their event again
  and the next run claims the expired lease (``mirai_claim_generation_job``). Lesson
  jobs: the job's lease always covers every lesson lease (``hold_for_lessons``), so
  once it has ended every unfinished lesson is re-published; lessons still queued or
  with an expired lease are claimed again, finished ones are never written twice.
- A job still queued ``STALLED_SECONDS`` after it was recorded (its events were
  dead-lettered or lost): its events again, at most once per ``STALLED_SECONDS``.

Each job is taken with a compare-and-set first (lease renewed / not-before set), so
two sweeps never both re-publish it; a duplicate event would be harmless anyway.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from common.repos.generation_jobs import Job
from functions.ai_generation.job_runs import LEASE_SECONDS
from functions.ai_generation.queueing import (
    nudge,
    request_component,
    request_ingestion,
    request_lessons,
    request_outline,
)

log = logging.getLogger("mirai.generation")

BATCH = 100
STALLED_SECONDS = 600


def _publish(uow: Any, job: Job) -> None:
    if job.type == "lesson_generation":
        request_lessons(uow, job, uow.generated_lessons.unfinished(job.id))
    elif job.type == "outline_generation":
        request_outline(uow, job)
    elif job.type == "component_regeneration":
        request_component(uow, job)
    elif job.type == "sme_ingestion":
        request_ingestion(uow, job)


def _expired(uow: Any, job_id: Any) -> Job | None:
    jobs = uow.generation_jobs
    job: Job = jobs.get(job_id)
    if job.type == "lesson_generation":
        return jobs.take_expired(job_id, lease_seconds=LEASE_SECONDS)  # type: ignore[no-any-return]
    # Outline, component and ingestion runs claim the expired lease themselves: leave it expired.
    return job if jobs.lease_expired(job_id) else None


def sweep_expired_leases(container: Any, *, limit: int = BATCH) -> list[uuid.UUID]:
    """Re-publishes expired and stalled work; answers the jobs it re-published."""
    with container.db.system_session() as uow:
        expired = uow.generation_jobs.expired_leases(limit=limit)
        stalled = uow.generation_jobs.stalled_queued(limit=limit, older_than_seconds=STALLED_SECONDS)
    republished: list[uuid.UUID] = []
    for found, is_stalled in [*((e, False) for e in expired), *((s, True) for s in stalled)]:
        with container.db.tenant_session(found.tenant_id) as uow:
            if is_stalled:
                job = uow.generation_jobs.take_stalled(found.job_id, hold_seconds=STALLED_SECONDS)
            else:
                job = _expired(uow, found.job_id)
            if job is None:
                continue
            _publish(uow, job)
        republished.append(job.id)
        log.info("generation sweep: %s job %s (%s, attempt %d) published again", job.type, job.id,
                 "stalled" if is_stalled else "lease ended", job.attempt)
    if republished:
        nudge(container)
    return republished
