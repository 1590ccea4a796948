"""AIGenerationService.CancelJob: a QUEUED or RUNNING job stops; work already written is
kept. A run still in flight finds the job cancelled when it records its result and
discards it. Lessons left unwritten turn FAILED (retry them with GenerateLessons
failed_only). Its creator or owners/admins."""

from __future__ import annotations

import uuid
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.generation_jobs import Job
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.job_reads import visible_job
from functions.ai_generation.records import job_to_proto
from functions.course.course_cache import CourseCache


def cancel_job(request: ai_pb.CancelJobRequest, call: Call) -> ai_pb.CancelJobResponse:
    principal = call.require_principal()
    job_id = inputs.required_id(request.job_id, field="job_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        course_id = visible_job(uow, principal, job_id).course_id
    # Ending the generation changes the course row, so its cache entry is fenced meanwhile.
    fence = CourseCache(call.container.cache, principal.tenant_id).course_write(course_id) if course_id else nullcontext()
    with fence, call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        job = visible_job(uow, principal, job_id, for_update=True)
        if job.finished:
            raise FailedPrecondition(f"the job has already finished ({job.status})")
        job = uow.generation_jobs.cancel(job_id, message="cancelled by a user") or job
        if job.outline_id is not None and job.type == "outline_generation":
            outline = uow.outlines.get(job.outline_id)
            if outline.status == "generating" and outline.job_id == job.id:
                uow.outlines.update(job.outline_id, {"status": "failed"})
        unwritten = uow.generated_lessons.cancel_unfinished(job_id)
        if job.course_id is not None:
            uow.courses.end_generation(job.course_id, job.id)
        people = uow.user_summaries.by_ids([job.created_by])
    if unwritten and job.course_id is not None:
        _mark_unwritten(call.container, job, principal.user_id, unwritten)
    return ai_pb.CancelJobResponse(job=job_to_proto(job, people=people, storage=call.container.storage))


def _mark_unwritten(container: Any, job: Job, user_id: uuid.UUID, lesson_ids: list[uuid.UUID]) -> None:
    from functions.ai_generation.course_writes import with_lessons
    from functions.course.content import write_course
    from functions.course.convert import now_iso

    assert job.course_id is not None

    def change(course: Any, content: Any) -> tuple[Any, None]:
        now = now_iso()
        stuck = {str(i) for i in lesson_ids}
        changes = {
            lesson.id: (lambda le: replace(le, content_status="failed", updated_at=now))
            for _, lesson in content.lessons() if lesson.id in stuck and lesson.content_status == "generating"
        }
        return (with_lessons(content, changes) if changes else None), None

    write_course(container, tenant_id=job.tenant_id, user_id=user_id, course_id=job.course_id, change=change,
                 source="ai_generation", message="Lesson writing cancelled")
