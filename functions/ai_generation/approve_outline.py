"""AIGenerationService.ApproveOutline: in ONE transaction (the new body staged in S3 just
before it), the course (new, or the empty one named by the inputs) gets the outline's modules and lessons as its next content version,
the outline becomes APPROVED, and — unless skip_lesson_generation — a lesson job is
queued with one event per lesson (written in parallel). Its creator or owners/admins."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.courses import Course
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.course_writes import outline_to_content
from functions.ai_generation.etags import expected_version
from functions.ai_generation.outline_reads import outline_message, visible_outline
from functions.ai_generation.queueing import nudge, request_lessons, require_ai_key
from functions.ai_generation.records import job_to_proto
from functions.course.content import (
    StaleRead,
    after_write,
    attempts,
    draft,
    load_content,
    read_course,
    record_version,
    require_unchanged,
    version_transaction,
)
from functions.course.courses import require_folder
from functions.course.model import empty_content
from functions.course.visibility import load_viewer


def approve_outline(request: ai_pb.ApproveOutlineRequest, call: Call) -> ai_pb.ApproveOutlineResponse:
    principal = call.require_principal()
    outline_id = inputs.required_id(request.outline_id, field="outline_id")
    generate = not request.skip_lesson_generation
    container = call.container
    new_course_id = uuid.uuid4()  # used when the outline names no course
    for _ in attempts():
        with container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
            seen = _approvable(uow, principal, outline_id, request.if_match, generate=generate, lock=False)
        # S3 with no transaction open; the transaction below checks nothing moved meanwhile.
        course_id = seen.course.id if seen.course else new_course_id
        base = load_content(container.storage, seen.course) if seen.course else empty_content(str(course_id))
        body, planned = outline_to_content(base, seen.sections, status="generating" if generate else "empty")
        new = draft(container.storage, tenant_id=principal.tenant_id, course_id=course_id,
                    number=seen.course.content_version + 1 if seen.course else 1, content=body,
                    user_id=principal.user_id)
        try:
            with version_transaction(container, tenant_id=principal.tenant_id, user_id=principal.user_id,
                                     new=new, creates=seen.course is None) as uow:
                now = _approvable(uow, principal, outline_id, request.if_match, generate=generate, lock=True)
                if now.outline.version != seen.outline.version:
                    raise StaleRead  # its sections may differ from the ones the body was built from
                if seen.course is not None and now.course is not None:
                    course = require_unchanged(now.course, seen.course)
                else:
                    course = uow.courses.add(course_id=course_id, title=now.outline.title,
                                             description=now.outline.description, folder_id=now.plan.folder_id,
                                             target_audience_id=now.plan.target_audience_id,
                                             language=now.plan.language, created_by=principal.user_id)
                saved = record_version(uow, new, course=course, user_id=principal.user_id, source="create",
                                       message=f"Structure from the approved outline “{now.outline.title[:100]}”")
                job = None
                if generate:
                    job = uow.generation_jobs.add(type="lesson_generation", created_by=principal.user_id,
                                                  course_id=course.id, outline_id=outline_id,
                                                  lesson_ids=[lesson for lesson, _ in planned],
                                                  progress_total=len(planned))
                    uow.generated_lessons.queue(job_id=job.id, course_id=course.id, lessons=planned)
                    request_lessons(uow, job, [lesson for lesson, _ in planned])
                uow.courses.update(course.id, {"outline_id": outline_id, "generation_job_id": job.id if job else None},
                                   expected_version=saved.course.version)
                outline = uow.outlines.update(outline_id, {
                    "status": "approved", "course_id": course.id, "approved_by": principal.user_id,
                    "approved_at": datetime.now(UTC),
                }, expected_version=now.expected)
                message = outline_message(uow, outline, storage=container.storage)
                people = uow.user_summaries.by_ids([principal.user_id])
        except StaleRead:
            continue
        after_write(container, saved)
        break
    response = ai_pb.ApproveOutlineResponse(course_id=str(course.id), outline=message)
    if job is not None:
        nudge(container)
        response.job.CopyFrom(job_to_proto(job, people=people, storage=container.storage))
    return response


@dataclass(frozen=True)
class _Approvable:
    outline: Any
    expected: int | None
    sections: list[Any]
    plan: Any
    course: Course | None  # None: approving creates the course


def _approvable(uow: Any, principal: Any, outline_id: uuid.UUID, if_match: str, *, generate: bool,
                lock: bool) -> _Approvable:
    """Everything approving checks; ``lock``: in the writing transaction, under the row locks."""
    outline = visible_outline(uow, principal, outline_id, for_update=lock)
    expected = expected_version(if_match, outline)
    if outline.status != "ready":
        raise FailedPrecondition(f"only a ready outline can be approved; this one is {outline.status}")
    if generate:
        require_ai_key(uow)
    sections = uow.outlines.sections(outline_id)
    if not any(section.lessons for section in sections):
        raise FailedPrecondition("the outline has no lessons")
    plan = uow.outlines.inputs(outline_id)
    viewer = load_viewer(uow, principal)
    course = None
    if outline.course_id is not None:
        course = read_course(uow, viewer, outline.course_id, for_update=lock)
        if course.lesson_count:
            raise FailedPrecondition("the course named by the outline already has lessons")
    else:
        require_folder(uow, viewer, plan.folder_id)
    return _Approvable(outline, expected, list(sections), plan, course)
