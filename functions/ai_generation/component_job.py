"""Rewriting one component (the ``regenerate_component`` job).

Claimed with a lease like an outline job; the AI runs with no transaction open; the
result is applied under the course row lock only if this run still holds the job and
the lesson is still the one the request saw (its etag), as the next content version.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from functools import partial
from typing import Any

from google.protobuf import json_format

from common.adapters.ai import AIError
from common.gen.mirai.v1 import common_pb2 as pb
from common.repos.generation_jobs import Job
from functions.ai_generation.ai_requests import component_request
from functions.ai_generation.course_writes import (
    component_rows,
    components_json,
    find_lesson,
    with_lessons,
)
from functions.ai_generation.job_runs import (
    LEASE_SECONDS,
    Failure,
    audience_for,
    claim_job,
    credentials_or_failure,
    failure_values,
    log_failure,
)
from functions.ai_generation.records import objectives_of
from functions.course.content import load_content, write_course
from functions.course.convert import now_iso
from functions.course.model import Lesson, lesson_etag

log = logging.getLogger("mirai.generation")
LESSON_CHANGED = Failure(code="conflict", message="the lesson was changed while the component was rewritten; try again")


class _Stale(Exception):
    pass


def run_component_job(container: Any, *, tenant_id: uuid.UUID, job_id: uuid.UUID,
                      lease_seconds: int = LEASE_SECONDS) -> str:
    claimed = claim_job(container, tenant_id=tenant_id, job_id=job_id, job_type="component_regeneration",
                        has_target=lambda job: job.course_id is not None and bool(job.lesson_ids),
                        lease_seconds=lease_seconds, fail=partial(_fail, container))
    if isinstance(claimed, str):
        return claimed
    job, worker = claimed.job, claimed.worker
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        course = uow.courses.get(job.course_id, include_deleted=True)
    found = find_lesson(load_content(container.storage, course), job.lesson_ids[0])  # S3 with no transaction open
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        audience = audience_for(uow, course.target_audience_id, storage=container.storage)
        credentials = credentials_or_failure(uow, container.keyring)
    component = None
    if found is not None:
        component = next((c for c in found[1].components if c.get("id") == job.component_id), None)
    if found is None or component is None:
        return _fail(container, job, worker, Failure(code="not_found", message="the component no longer exists"))
    if isinstance(credentials, Failure):
        return _fail(container, job, worker, credentials)
    _, lesson = found
    original = json_format.ParseDict(component, pb.LessonComponent(), ignore_unknown_fields=True)
    request = component_request(original, model=credentials.model, instruction=str(job.payload.get("instruction", "")),
                                lesson_title=lesson.title, objectives=objectives_of(lesson.objectives), audience=audience,
                                target_type=int(job.payload.get("target_type", 0)), language=course.language)
    try:
        result = container.ai.generate(request, api_key=credentials.api_key)
    except AIError as err:
        return _fail(container, job, worker, Failure.of(err))
    (stored,) = components_json([result.value], now=now_iso())
    return _apply(container, job, worker, stored, usage=(result.usage.input_tokens, result.usage.output_tokens),
                  model=result.model)


def _apply(container: Any, job: Job, worker: str, stored: dict[str, Any], *, usage: tuple[int, int], model: str) -> str:
    assert job.course_id is not None
    lesson_id = str(job.lesson_ids[0])

    def unchanged(content: Any) -> bool:
        found = find_lesson(content, job.lesson_ids[0])
        return found is not None and lesson_etag(found[1], module_id=found[0].id) == job.payload.get("lesson_etag")

    def change(course: Any, content: Any) -> tuple[Any, str]:
        if not unchanged(content):
            return None, "failed"

        def rewritten(lesson: Lesson) -> Lesson:
            components = tuple(stored if c.get("id") == job.component_id else c for c in lesson.components)
            return replace(lesson, components=components, updated_at=now_iso())

        return with_lessons(content, {lesson_id: rewritten}), "succeeded"

    def record(uow: Any, course: Any, content: Any, saved: Any) -> None:
        if saved is None:
            values = {**failure_values(LESSON_CHANGED), "input_tokens": usage[0], "output_tokens": usage[1], "model": model}
            if uow.generation_jobs.finish(job.id, status="failed", worker=worker, values=values) is None:
                raise _Stale
            return
        if uow.generation_jobs.finish(job.id, status="succeeded", worker=worker, values={
            "input_tokens": usage[0], "output_tokens": usage[1], "model": model, "progress_done": 1,
            "result": {"component": stored}, "progress_message": "Component rewritten",
        }) is None:
            raise _Stale
        written = find_lesson(saved.content, job.lesson_ids[0])
        assert written is not None
        uow.lesson_components.replace(course_id=course.id, lesson_id=job.lesson_ids[0],
                                      components=component_rows(written[1].components))

    try:
        outcome = write_course(container, tenant_id=job.tenant_id, user_id=job.created_by, course_id=job.course_id,
                               change=change, record=record, source="ai_generation",
                               message="AI rewrote a component").result
    except _Stale:
        return "stale"
    return outcome


def _fail(container: Any, job: Job, worker: str, failure: Failure) -> str:
    with container.db.tenant_session(job.tenant_id, job.created_by) as uow:
        if uow.generation_jobs.finish(job.id, status="failed", worker=worker, values=failure_values(failure)) is None:
            return "stale"
    log_failure(f"component job {job.id}", failure)
    return "failed"
