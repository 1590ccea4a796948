"""AIGenerationService.ListJobs: newest first; members see their own, owners/admins all."""

from __future__ import annotations

import uuid
from dataclasses import replace

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.generation_jobs import JobFilter
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.job_reads import course_visible
from functions.ai_generation.records import JOB_STATUSES, JOB_TYPES, OUTLINE_JOB, job_to_proto, names_of
from functions.ai_generation.visibility import creator_filter


def _optional_id(value: str, *, field: str) -> uuid.UUID | None:
    return inputs.required_id(value, field=field) if value else None


def list_jobs(request: ai_pb.ListJobsRequest, call: Call) -> ai_pb.ListJobsResponse:
    principal = call.require_principal()
    for kind in request.types:
        inputs.enum_value(kind, pb.JobType.DESCRIPTOR, field="types")
    for status in request.statuses:
        inputs.enum_value(status, pb.JobStatus.DESCRIPTOR, field="statuses")
    course_id = _optional_id(request.course_id, field="course_id")
    outline_id = _optional_id(request.outline_id, field="outline_id")
    types = names_of(request.types, JOB_TYPES)
    if outline_id is not None:
        # Job.outline_id is set for outline jobs only, so only they can match it.
        if types and OUTLINE_JOB not in types:
            return ai_pb.ListJobsResponse()
        types = [OUTLINE_JOB]
    where = JobFilter(
        types=types, statuses=names_of(request.statuses, JOB_STATUSES), course_id=course_id, outline_id=outline_id,
        sme_id=_optional_id(request.sme_id, field="sme_id"), created_by=creator_filter(principal),
    )
    storage = call.container.storage
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        if where.created_by is not None and course_id is not None and course_visible(uow, principal, course_id):
            # A course's jobs are visible to whoever can see the course.
            where = replace(where, created_by=None)
        page = uow.generation_jobs.list(where, page_size=request.page_size, page_token=request.page_token)
        people = uow.user_summaries.by_ids([job.created_by for job in page.items])
    return ai_pb.ListJobsResponse(jobs=[job_to_proto(j, people=people, storage=storage) for j in page.items],
                                  next_page_token=page.next_page_token)
