"""Recording a job and the event that starts it, in the caller's transaction.

The RPC commits the job row and its outbox event together, then nudges the relay
(``container.relay_nudge()``): the event is published promptly, and should the
nudge be lost, the relay's minute tick publishes it anyway.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from common.errors import FailedPrecondition
from common.repos.generation_jobs import Job

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

SOURCE = "/mirai/ai_generation"
JOB_REQUESTED = "io.mirai.generation.requested"
LESSON_REQUESTED = "io.mirai.generation.lesson.requested"
COMPONENT_REQUESTED = "io.mirai.generation.component.requested"
INGESTION_REQUESTED = "io.mirai.ingestion.requested"
SME_SOURCE = "/mirai/sme"
NO_KEY_MESSAGE = "no AI API key is configured for this company; an admin can add one in the AI settings"


def require_ai_key(uow: UnitOfWork) -> None:
    """Refuses generation up front when the tenant has no usable key (without decrypting it).
    A key over its quota may recover, so it is let through; the job reports the provider's answer."""
    record = uow.ai_settings.get()
    if record is None or record.sealed_key is None:
        raise FailedPrecondition(NO_KEY_MESSAGE)
    if record.key_status == "invalid":
        raise FailedPrecondition("the company's AI API key was rejected by the provider; an admin can replace it in the AI settings")


def _ids(**values: uuid.UUID | None) -> dict[str, str]:
    return {name: str(value) for name, value in values.items() if value is not None}


def request_outline(uow: UnitOfWork, job: Job) -> None:
    uow.outbox.add(type=JOB_REQUESTED, source=SOURCE, subject=str(job.id), data={
        "tenant_id": str(job.tenant_id), "job_id": str(job.id), "job_type": "outline",
        **_ids(outline_id=job.outline_id, course_id=job.course_id),
    })


def request_component(uow: UnitOfWork, job: Job) -> None:
    uow.outbox.add(type=COMPONENT_REQUESTED, source=SOURCE, subject=str(job.id), data={
        "tenant_id": str(job.tenant_id), "job_id": str(job.id), **_ids(course_id=job.course_id),
    })


def request_lessons(uow: UnitOfWork, job: Job, lesson_ids: list[uuid.UUID]) -> None:
    """One event per lesson: each is written by its own function instance, in parallel."""
    for lesson_id in lesson_ids:
        uow.outbox.add(type=LESSON_REQUESTED, source=SOURCE, subject=str(lesson_id), data={
            "tenant_id": str(job.tenant_id), "job_id": str(job.id), "lesson_id": str(lesson_id),
            **_ids(course_id=job.course_id),
        })


def request_ingestion(uow: UnitOfWork, job: Job) -> None:
    """An ingestion job again (the lease sweep): it names its job, so the run claims that one."""
    uow.outbox.add(type=INGESTION_REQUESTED, source=SME_SOURCE, subject=str(job.submission_id), data={
        "tenant_id": str(job.tenant_id), "job_id": str(job.id), **_ids(submission_id=job.submission_id, sme_id=job.sme_id),
    })


def nudge(container: Any) -> None:
    """After the commit: publish the new events now rather than at the relay's next tick."""
    container.relay_nudge()
