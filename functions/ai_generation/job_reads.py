"""Loading a job the caller may see: its creator, owners/admins, and — once the job
belongs to a course — whoever can see that course."""

from __future__ import annotations

import uuid
from typing import Any

from common.errors import NotFound
from common.repos.generation_jobs import Job
from common.rpc.context import Principal
from functions.ai_generation.visibility import visible_to


def course_visible(uow: Any, principal: Principal, course_id: uuid.UUID) -> bool:
    from functions.course.content import read_course
    from functions.course.visibility import load_viewer

    try:
        read_course(uow, load_viewer(uow, principal), course_id, include_deleted=True)
    except NotFound:
        return False
    return True


def visible_job(uow: Any, principal: Principal, job_id: uuid.UUID, *, for_update: bool = False) -> Job:
    job: Job = uow.generation_jobs.get(job_id, for_update=for_update)
    if visible_to(principal, job.created_by):
        return job
    if job.course_id is not None and course_visible(uow, principal, job.course_id):
        return job
    raise NotFound("job not found", field="job_id")
