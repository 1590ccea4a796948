"""Picks up generation work whose run died: every minute, jobs whose lease ended are
published again through the outbox.

- outline and component jobs: the event again; the next run claims the expired lease
  (``mirai_claim_generation_job``) and starts over.
- lesson jobs: the job's lease always covers every lesson lease (see
  ``GenerationJobs.hold_for_lessons``), so once it has ended, every unfinished lesson
  of the job is re-published; lessons still queued or with an expired lease are claimed
  again, finished ones are never written twice. The job's lease is renewed with a
  compare-and-set first, so two sweeps never both re-publish.
"""

from __future__ import annotations

import logging
from typing import Any

from functions.ai_generation.job_runs import LEASE_SECONDS
from functions.ai_generation.queueing import nudge, request_component, request_lessons, request_outline

log = logging.getLogger("mirai.generation")

BATCH = 100


def sweep_expired_leases(container: Any, *, limit: int = BATCH) -> int:
    """Re-publishes expired work; answers how many jobs it re-published."""
    with container.db.system_session() as uow:
        expired = uow.generation_jobs.expired_leases(limit=limit)
    republished = 0
    for lease in expired:
        with container.db.tenant_session(lease.tenant_id) as uow:
            jobs = uow.generation_jobs
            job = jobs.get(lease.job_id)
            if job.type == "lesson_generation":
                taken = jobs.take_expired(job.id, lease_seconds=LEASE_SECONDS)
                if taken is None:
                    continue
                request_lessons(uow, taken, uow.generated_lessons.unfinished(job.id))
            elif not jobs.lease_expired(job.id):
                continue
            elif job.type == "outline_generation":
                request_outline(uow, job)
            elif job.type == "component_regeneration":
                request_component(uow, job)
            else:
                continue
        republished += 1
        log.info("lease sweep: %s job %s (attempt %d) published again", job.type, job.id, job.attempt)
    if republished:
        nudge(container)
    return republished
