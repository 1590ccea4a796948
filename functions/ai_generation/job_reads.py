"""Loading a job the caller may see."""

from __future__ import annotations

import uuid
from typing import Any

from common.repos.generation_jobs import Job
from common.rpc.context import Principal
from functions.ai_generation.visibility import require_visible


def visible_job(uow: Any, principal: Principal, job_id: uuid.UUID, *, for_update: bool = False) -> Job:
    job: Job = uow.generation_jobs.get(job_id, for_update=for_update)
    require_visible(principal, job.created_by, what="job", field="job_id")
    return job
