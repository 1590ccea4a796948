"""AIGenerationService.ApproveOutline: in ONE transaction, the course (new, or the empty one
named by the inputs) gets the outline's modules and lessons as its next content version,
the outline becomes APPROVED, and — unless skip_lesson_generation — a lesson job is
queued with one event per lesson (written in parallel). Its creator or owners/admins."""

from __future__ import annotations

from datetime import UTC, datetime

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.course_writes import outline_to_content
from functions.ai_generation.etags import expected_version
from functions.ai_generation.outline_reads import outline_message, visible_outline
from functions.ai_generation.queueing import nudge, request_lessons, require_ai_key
from functions.ai_generation.records import job_to_proto
from functions.course.content import load_content, read_course, version_write
from functions.course.courses import require_folder
from functions.course.visibility import load_viewer


def approve_outline(request: ai_pb.ApproveOutlineRequest, call: Call) -> ai_pb.ApproveOutlineResponse:
    principal = call.require_principal()
    outline_id = inputs.required_id(request.outline_id, field="outline_id")
    generate = not request.skip_lesson_generation
    container = call.container
    job = None
    with version_write(container, tenant_id=principal.tenant_id, user_id=principal.user_id) as writing:
        uow = writing.uow
        outline = visible_outline(uow, principal, outline_id, for_update=True)
        expected = expected_version(request.if_match, outline)
        if outline.status != "ready":
            raise FailedPrecondition(f"only a ready outline can be approved; this one is {outline.status}")
        if generate:
            require_ai_key(uow)
        sections = uow.outlines.sections(outline_id)
        if not any(section.lessons for section in sections):
            raise FailedPrecondition("the outline has no lessons")
        plan = uow.outlines.inputs(outline_id)
        viewer = load_viewer(uow, principal)
        if outline.course_id is not None:
            course = read_course(uow, viewer, outline.course_id, for_update=True)
            if course.lesson_count:
                raise FailedPrecondition("the course named by the outline already has lessons")
        else:
            require_folder(uow, viewer, plan.folder_id)
            course = uow.courses.add(title=outline.title, description=outline.description, folder_id=plan.folder_id,
                                     target_audience_id=plan.target_audience_id, language=plan.language,
                                     created_by=principal.user_id)
        body, planned = outline_to_content(load_content(container.storage, course), sections,
                                           status="generating" if generate else "empty")
        saved = writing.write(course=course, content=body, user_id=principal.user_id,
                              source="create", message=f"Structure from the approved outline “{outline.title[:100]}”")
        if generate:
            job = uow.generation_jobs.add(type="lesson_generation", created_by=principal.user_id, course_id=course.id,
                                          outline_id=outline_id, lesson_ids=[lesson for lesson, _ in planned],
                                          progress_total=len(planned))
            uow.generated_lessons.queue(job_id=job.id, course_id=course.id, lessons=planned)
            request_lessons(uow, job, [lesson for lesson, _ in planned])
        uow.courses.update(course.id, {"outline_id": outline_id, "generation_job_id": job.id if job else None},
                           expected_version=saved.course.version)
        outline = uow.outlines.update(outline_id, {
            "status": "approved", "course_id": course.id, "approved_by": principal.user_id,
            "approved_at": datetime.now(UTC),
        }, expected_version=expected)
        message = outline_message(uow, outline, storage=container.storage)
        people = uow.user_summaries.by_ids([principal.user_id])
    response = ai_pb.ApproveOutlineResponse(course_id=str(course.id), outline=message)
    if job is not None:
        nudge(container)
        response.job.CopyFrom(job_to_proto(job, people=people, storage=container.storage))
    return response
