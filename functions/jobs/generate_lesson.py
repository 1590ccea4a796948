"""Consumes io.mirai.generation.lesson.requested: writes one lesson
(functions/ai_generation/lesson_job.py). Safe to deliver twice: the lesson's lease
claim lets one run write it; a finished lesson is never written again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent

from functions.jobs.generate_outline import event_ids

log = logging.getLogger("mirai.jobs")


def generate_lesson(container: Any) -> Callable[[CloudEvent], str]:
    def handle(event: CloudEvent) -> str:
        from functions.ai_generation.lesson_job import run_lesson_job

        tenant_id, job_id, lesson_id = event_ids(event, "tenant_id", "job_id", "lesson_id")
        outcome = run_lesson_job(container, tenant_id=tenant_id, job_id=job_id, lesson_id=lesson_id)
        log.info("generate_lesson %s/%s: %s", job_id, lesson_id, outcome)
        return outcome

    return handle
