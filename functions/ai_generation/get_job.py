"""AIGenerationService.GetJob: state, progress, error, tokens and timings (poll it)."""

from __future__ import annotations

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.job_reads import visible_job
from functions.ai_generation.records import job_to_proto


def get_job(request: ai_pb.GetJobRequest, call: Call) -> ai_pb.GetJobResponse:
    principal = call.require_principal()
    job_id = inputs.required_id(request.job_id, field="job_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        job = visible_job(uow, principal, job_id)
        people = uow.user_summaries.by_ids([job.created_by])
    return ai_pb.GetJobResponse(job=job_to_proto(job, people=people, storage=call.container.storage))
