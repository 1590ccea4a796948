"""AIGenerationService.RejectOutline: a READY or FAILED outline is rejected with a reason,
or redrafted as its next revision with that feedback (a new job, same outline)."""

from __future__ import annotations

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.etags import expected_version
from functions.ai_generation.generation_inputs import MAX_CONTEXT_CHARS
from functions.ai_generation.outline_reads import outline_message, visible_outline
from functions.ai_generation.queueing import nudge, request_outline, require_ai_key
from functions.ai_generation.records import job_to_proto

MAX_REASON_CHARS = 2000


def reject_outline(request: ai_pb.RejectOutlineRequest, call: Call) -> ai_pb.RejectOutlineResponse:
    principal = call.require_principal()
    outline_id = inputs.required_id(request.outline_id, field="outline_id")
    reason = inputs.text(request.reason, field="reason", max_chars=MAX_REASON_CHARS, required=True)
    extra = inputs.text(request.additional_context, field="additional_context", max_chars=MAX_CONTEXT_CHARS)
    storage = call.container.storage
    job = None
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        outline = visible_outline(uow, principal, outline_id, for_update=True)
        expected = expected_version(request.if_match, outline)
        if outline.status not in ("ready", "failed"):
            raise FailedPrecondition(f"only a ready or failed outline can be rejected; this one is {outline.status}")
        if not request.regenerate:
            outline = uow.outlines.update(outline_id, {"status": "rejected", "rejection_reason": reason},
                                          expected_version=expected)
        else:
            require_ai_key(uow)
            if extra:
                inputs_row = uow.outlines.inputs(outline_id)
                combined = f"{inputs_row.additional_context}\n\n{extra}".strip()[:MAX_CONTEXT_CHARS]
                uow.outlines.update_inputs(outline_id, {"additional_context": combined})
            job = uow.generation_jobs.add(type="outline_generation", created_by=principal.user_id,
                                          course_id=outline.course_id, outline_id=outline_id, progress_total=1,
                                          payload={"feedback": reason})
            outline = uow.outlines.update(outline_id, {
                "status": "generating", "rejection_reason": reason, "job_id": job.id, "revision": outline.revision + 1,
            }, expected_version=expected)
            request_outline(uow, job)
        message = outline_message(uow, outline, storage=storage)
        people = uow.user_summaries.by_ids([principal.user_id])
    if job is None:
        return ai_pb.RejectOutlineResponse(outline=message)
    nudge(call.container)
    return ai_pb.RejectOutlineResponse(outline=message, job=job_to_proto(job, people=people, storage=storage))
