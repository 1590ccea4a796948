"""AIGenerationService.CancelJob: a QUEUED or RUNNING job stops; work already written is
kept. A run still in flight finds the job cancelled when it tries to record its result
and discards it. Its creator or owners/admins."""

from __future__ import annotations

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.job_reads import visible_job
from functions.ai_generation.records import job_to_proto


def cancel_job(request: ai_pb.CancelJobRequest, call: Call) -> ai_pb.CancelJobResponse:
    principal = call.require_principal()
    job_id = inputs.required_id(request.job_id, field="job_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        job = visible_job(uow, principal, job_id, for_update=True)
        if job.finished:
            raise FailedPrecondition(f"the job has already finished ({job.status})")
        job = uow.generation_jobs.cancel(job_id, message="cancelled by a user") or job
        if job.outline_id is not None and job.type == "outline_generation":
            outline = uow.outlines.get(job.outline_id)
            if outline.status == "generating" and outline.job_id == job.id:
                uow.outlines.update(job.outline_id, {"status": "failed"})
        uow.generated_lessons.cancel_unfinished(job_id)
        people = uow.user_summaries.by_ids([job.created_by])
    return ai_pb.CancelJobResponse(job=job_to_proto(job, people=people, storage=call.container.storage))
