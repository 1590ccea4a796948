"""Writing one lesson (the ``generate_lesson`` job): one event per lesson, lessons of a job
in parallel.

1. One short transaction: the job is held (running, its lease stretched over this
   lesson's) and the lesson's generated_lessons row claimed with its own lease; no lock
   outlives it, so other lessons claim theirs meanwhile. Then inputs and the key are read.
2. The AI call, with no transaction open.
3. The result: the lesson body goes to S3 (``lessons/<id>/<run>.json``), then under the
   course row lock the run is finished with a compare-and-set on its worker (a run whose
   lease was taken over writes nothing), the course gets its next version, the component
   rows are replaced, and the job counts the lesson (completing with its last one).
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, replace
from typing import Any

from common import storage_keys
from common.adapters.ai import AIError
from common.errors import NotFound
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import sme_pb2
from common.repos.generated_lessons import GeneratedLesson
from common.repos.generation_jobs import Job
from functions.ai_generation.ai_requests import lesson_request
from functions.ai_generation.course_writes import (
    component_rows,
    components_json,
    find_lesson,
    with_lessons,
)
from functions.ai_generation.job_runs import (
    GAVE_UP,
    LEASE_SECONDS,
    MAX_ATTEMPTS,
    Failure,
    audience_for,
    credentials_or_failure,
    log_failure,
    new_worker,
)
from functions.ai_generation.outline_job import chunk_to_proto
from functions.ai_generation.records import lesson_to_proto, objectives_of
from functions.course.content import load_content, write_course
from functions.course.convert import now_iso
from functions.course.model import Lesson
from functions.notification.notify import Resource, notify
from functions.tenant_settings.ai_credentials import AICredentials

log = logging.getLogger("mirai.generation")


class _Stale(Exception):
    """This run no longer holds its lesson (lease taken over) or the job was cancelled."""


@dataclass(frozen=True)
class LessonWork:
    job: Job
    run: GeneratedLesson
    lesson: ai_pb.OutlineLesson
    section: ai_pb.OutlineSection
    course_title: str
    language: str
    audience: Any
    chunks: list[sme_pb2.KnowledgeChunk]
    additional_context: str


def _plan(uow: Any, run: GeneratedLesson, module: Any, lesson: Lesson) -> ai_pb.OutlineLesson:
    """The outline's plan of the lesson when it has one, else the lesson as the course has it."""
    if run.outline_lesson_id is not None:
        try:
            planned = lesson_to_proto(uow.outlines.lesson(run.outline_lesson_id))
            planned.id = lesson.id
            return planned
        except NotFound:
            pass  # the outline was deleted: write from the course's own lesson
    return ai_pb.OutlineLesson(id=lesson.id, title=lesson.title, description=lesson.description,
                               estimated_minutes=lesson.estimated_minutes, objectives=objectives_of(lesson.objectives))


def _load(uow: Any, container: Any, job: Job, run: GeneratedLesson, course: Any, body: Any) -> LessonWork | Failure:
    found = find_lesson(body, run.lesson_id)
    if found is None:
        return Failure(code="lesson_deleted", message="the lesson was deleted before it could be written")
    module, lesson = found
    audience = audience_for(uow, course.target_audience_id, storage=container.storage)
    sme_ids: list[uuid.UUID] = []
    context = str(job.payload.get("additional_context", ""))
    if job.outline_id is not None:
        plan = uow.outlines.inputs(job.outline_id)
        sme_ids = plan.sme_ids
        context = f"{plan.additional_context}\n\n{context}".strip()
    return LessonWork(
        job=job, run=run, lesson=_plan(uow, run, module, lesson),
        section=ai_pb.OutlineSection(id=module.id, title=module.title, description=module.description),
        course_title=course.title, language=course.language, audience=audience,
        chunks=[chunk_to_proto(c) for c in uow.knowledge_chunks.for_smes(sme_ids)], additional_context=context,
    )


def run_lesson_job(container: Any, *, tenant_id: uuid.UUID, job_id: uuid.UUID, lesson_id: uuid.UUID,
                   lease_seconds: int = LEASE_SECONDS) -> str:
    worker = new_worker()
    with container.db.tenant_session(tenant_id) as uow:
        job = uow.generation_jobs.hold_for_lessons(job_id, lease_seconds=lease_seconds, worker=worker)
        if job is None or job.type != "lesson_generation":
            return "job not running"
        run = uow.generated_lessons.claim(job_id=job_id, lesson_id=lesson_id, lease_seconds=lease_seconds, worker=worker)
        if run is None:
            return "not claimed"
    if run.attempt > MAX_ATTEMPTS:
        return _record(container, job, run, worker, failure=GAVE_UP)
    # The claim commits at once: holding the job row lock while reading inputs would queue the other lessons.
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        course = uow.courses.get(run.course_id, include_deleted=True)
    body = load_content(container.storage, course)  # S3 with no transaction open
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        work = _load(uow, container, job, run, course, body)
        credentials = credentials_or_failure(uow, container.keyring)
    if isinstance(work, Failure):
        return _record(container, job, run, worker, failure=work)
    if isinstance(credentials, Failure):
        return _record(container, job, run, worker, failure=credentials)
    return _write(container, work, worker, credentials)


def _write(container: Any, work: LessonWork, worker: str, credentials: AICredentials) -> str:
    request = lesson_request(work.lesson, model=credentials.model, course_title=work.course_title, section=work.section,
                             audience=work.audience, chunks=work.chunks, language=work.language,
                             additional_context=work.additional_context)
    try:
        result = container.ai.generate(request, api_key=credentials.api_key)
    except AIError as err:
        return _record(container, work.job, work.run, worker, failure=Failure.of(err))
    stored = components_json(result.value, now=now_iso())
    key = storage_keys.lesson_file(work.job.tenant_id, work.run.lesson_id, f"{work.run.id}.json")
    body = json.dumps({"lesson_id": str(work.run.lesson_id), "job_id": str(work.job.id), "model": result.model,
                       "components": list(stored)}, separators=(",", ":")).encode()
    return _record(container, work.job, work.run, worker, components=stored, object_key=key, object_body=body,
                   usage=(result.usage.input_tokens, result.usage.output_tokens), model=result.model)


def _record(container: Any, job: Job, run: GeneratedLesson, worker: str, *, failure: Failure | None = None,
            components: tuple[dict[str, Any], ...] = (), object_key: str | None = None, object_body: bytes = b"",
            usage: tuple[int, int] = (0, 0), model: str | None = None) -> str:
    """Finishes the run and counts it on the job, in one transaction under the course row lock."""
    if failure is not None:
        usage = (failure.usage.input_tokens, failure.usage.output_tokens)
    status = "failed" if failure else "succeeded"

    def change(course: Any, content: Any) -> tuple[Any, None]:
        if find_lesson(content, run.lesson_id) is None:
            return None, None

        def written(lesson: Lesson) -> Lesson:
            if failure:
                return replace(lesson, content_status="failed", updated_at=now_iso())
            return replace(lesson, components=components, content_status="ready", updated_at=now_iso())
        return with_lessons(content, {str(run.lesson_id): written}), None

    def record(uow: Any, course: Any, content: Any, saved: Any) -> None:
        current = uow.generation_jobs.get(job.id, for_update=True)
        if current.status != "running":
            raise _Stale
        finished = uow.generated_lessons.finish(run.id, worker=worker, status=status, values={
            "content_object_key": container.storage.full_key(object_key) if object_key else None,
            "model": model, "input_tokens": usage[0], "output_tokens": usage[1],
            "error_message": failure.message if failure else None,
        })
        if finished is None:
            raise _Stale
        if find_lesson(content, run.lesson_id) is not None and not failure:
            uow.lesson_components.replace(course_id=run.course_id, lesson_id=run.lesson_id,
                                          components=component_rows(components))
        counted = uow.generation_jobs.count_lesson(
            job.id, lesson_id=run.lesson_id, failed=failure is not None, input_tokens=usage[0], output_tokens=usage[1],
            model=model, error_code=failure.code if failure else None,
            error_message=f"lesson {run.lesson_id}: {failure.message}"[:2000] if failure else None,
        )
        if counted.finished:
            # The version written with this lesson moves the course's etag; without one, this does.
            uow.courses.end_generation(run.course_id, job.id, bump_version=saved is None)
            if counted.created_by is not None:
                _notify_done(uow, counted)

    try:
        write_course(container, tenant_id=job.tenant_id, user_id=job.created_by, course_id=run.course_id,
                     change=change, record=record,
                     source="ai_generation", message="AI wrote a lesson", staged_keys=[(object_key, object_body)] if object_key else [])
    except _Stale:
        log.info("lesson %s of job %s: run superseded or job stopped; result discarded", run.lesson_id, job.id)
        return "stale"
    if failure is not None:
        log_failure(f"lesson {run.lesson_id} of job {job.id}", failure)
    return status


def _notify_done(uow: Any, job: Job) -> None:
    assert job.created_by is not None and job.course_id is not None
    failed = len(job.failed_lesson_ids)
    resource = Resource(type="course", id=job.course_id)
    if failed:
        notify(uow, user_id=job.created_by, type="lessons_failed", title="Some lessons could not be written",
               message=f"{failed} of {job.progress_total} lessons failed; you can retry them.",
               link=f"/courses/{job.course_id}", resource=resource)
    else:
        notify(uow, user_id=job.created_by, type="lessons_ready", title="Your course is written",
               message=f"All {job.progress_total} lessons are ready for review.", link=f"/courses/{job.course_id}",
               resource=resource)
