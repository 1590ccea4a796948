"""AIGenerationService.GenerateOutline: records the inputs, a GENERATING outline, a
queued job and its event in one transaction, and answers at once (poll GetJob)."""

from __future__ import annotations

from dataclasses import replace

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions.ai_generation.generation_inputs import checked_inputs
from functions.ai_generation.queueing import nudge, request_outline, require_ai_key
from functions.ai_generation.records import job_to_proto, outline_to_proto


def generate_outline(request: ai_pb.GenerateOutlineRequest, call: Call) -> ai_pb.GenerateOutlineResponse:
    principal = call.require_principal()
    storage = call.container.storage
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        checked = checked_inputs(request, uow=uow, principal=principal)
        require_ai_key(uow)
        outline = uow.outlines.add(created_by=principal.user_id, title=checked.title, course_id=checked.course_id)
        inputs = replace(checked, outline_id=outline.id)
        uow.outlines.add_inputs(inputs)
        job = uow.generation_jobs.add(type="outline_generation", created_by=principal.user_id, course_id=checked.course_id,
                                      outline_id=outline.id, progress_total=1)
        outline = uow.outlines.update(outline.id, {"job_id": job.id})
        request_outline(uow, job)
        people = uow.user_summaries.by_ids([principal.user_id])
    nudge(call.container)
    return ai_pb.GenerateOutlineResponse(
        outline=outline_to_proto(outline, sections=[], inputs=inputs, people=people, storage=storage),
        job=job_to_proto(job, people=people, storage=storage),
    )
