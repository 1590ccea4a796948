"""AIGenerationService.GenerateLessons: queues writing of a course's lessons — every EMPTY
or FAILED one (with overwrite, READY ones too), the given ones, or only FAILED ones
(retry) — as one job with one event per lesson; the course shows it as its
generation_job_id until it ends. The lessons are marked GENERATING in the same new version. Course editors."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from common.errors import FailedPrecondition, NotFound
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.courses import Course
from common.repos.generation_jobs import Job
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.course_writes import with_lessons
from functions.ai_generation.generation_inputs import MAX_CONTEXT_CHARS
from functions.ai_generation.queueing import nudge, request_lessons, require_ai_key
from functions.ai_generation.records import job_to_proto
from functions.course.content import Saved, commit_version, read_course
from functions.course.convert import now_iso
from functions.course.model import Content, Lesson
from functions.course.visibility import load_viewer

MAX_LESSONS = 500


def _chosen(content: Content, request: ai_pb.GenerateLessonsRequest, wanted: list[uuid.UUID]) -> list[Lesson]:
    lessons = {lesson.id: lesson for _, lesson in content.lessons()}
    if wanted:
        missing = [str(w) for w in wanted if str(w) not in lessons]
        if missing:
            raise NotFound(f"lesson {missing[0]} is not in this course", field="lesson_ids")
        chosen = [lessons[str(w)] for w in wanted]
    else:
        # Every lesson not being written already; READY ones only when asked to overwrite.
        wanted_statuses = ("empty", "failed", "ready") if request.overwrite else ("empty", "failed")
        chosen = [lesson for lesson in lessons.values() if lesson.content_status in wanted_statuses]
    if request.failed_only:
        chosen = [lesson for lesson in chosen if lesson.content_status == "failed"]
    busy = [lesson for lesson in chosen if lesson.content_status == "generating"]
    if busy:
        raise FailedPrecondition(f"lesson {busy[0].id} is being written; wait for its job or cancel it")
    written = [lesson for lesson in chosen if lesson.content_status == "ready"]
    if written and not request.overwrite:
        raise FailedPrecondition(f"lesson {written[0].id} already has content; set overwrite to rewrite it")
    if not chosen:
        raise FailedPrecondition("no lessons to write")
    return chosen


def generate_lessons(request: ai_pb.GenerateLessonsRequest, call: Call) -> ai_pb.GenerateLessonsResponse:
    principal = call.require_principal()
    course_id = inputs.required_id(request.course_id, field="course_id")
    wanted = inputs.id_list(request.lesson_ids, field="lesson_ids", max_items=MAX_LESSONS) if request.lesson_ids else []
    context = inputs.text(request.additional_context, field="additional_context", max_chars=MAX_CONTEXT_CHARS)
    container = call.container

    def read(uow: Any, lock: bool) -> Course:
        course = read_course(uow, load_viewer(uow, principal), course_id, for_update=lock)
        if lock:
            # In the writing transaction: the lesson ids are checked first (``change``), so an
            # invisible or unknown lesson answers not_found whatever the AI settings.
            require_ai_key(uow)
        return course

    def change(course: Course, content: Content) -> tuple[Content, int]:
        chosen = _chosen(content, request, wanted)
        now = now_iso()
        return with_lessons(content, {
            lesson.id: (lambda le: replace(le, content_status="generating", updated_at=now)) for lesson in chosen
        }), len(chosen)

    def record(uow: Any, course: Course, content: Content, saved: Saved | None) -> tuple[Job, dict[uuid.UUID, Any]]:
        lesson_ids = [uuid.UUID(lesson.id) for lesson in _chosen(content, request, wanted)]
        job = uow.generation_jobs.add(type="lesson_generation", created_by=principal.user_id, course_id=course_id,
                                      outline_id=course.outline_id, lesson_ids=lesson_ids, progress_total=len(lesson_ids),
                                      payload={"additional_context": context} if context else {})
        planned = uow.generated_lessons.outline_lessons_of(lesson_ids)
        uow.generated_lessons.queue(job_id=job.id, course_id=course_id,
                                    lessons=[(lesson_id, planned.get(lesson_id)) for lesson_id in lesson_ids])
        request_lessons(uow, job, lesson_ids)
        if saved is not None:
            uow.courses.update(course_id, {"generation_job_id": job.id}, expected_version=saved.course.version)
        return job, uow.user_summaries.by_ids([principal.user_id])

    written = commit_version(container, tenant_id=principal.tenant_id, user_id=principal.user_id, read=read,
                             change=change, author=lambda _: principal.user_id, source="ai_generation",
                             message=lambda count: f"{count} lessons queued for writing", record=record)
    assert written.recorded is not None
    job, people = written.recorded
    nudge(container)
    return ai_pb.GenerateLessonsResponse(job=job_to_proto(job, people=people, storage=container.storage))
