"""Drafting an outline (the ``generate_outline`` job).

Claim the job with a lease, read inputs, persona, SME knowledge and the key in one
short transaction, call the AI with no transaction open, then store the outline in
a second transaction that first re-checks, under the job's row lock, that this run
still holds the job. A redelivered event finds the job finished or leased (no-op);
a run whose lease was taken over writes nothing.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from common.adapters.ai import AIError
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import sme_pb2
from common.repos.generation_jobs import Job
from common.repos.knowledge_chunks import Chunk
from functions.ai_generation.ai_requests import outline_request
from functions.ai_generation.job_runs import (
    LEASE_SECONDS,
    Failure,
    audience_for,
    claim_job,
    credentials_or_failure,
    failure_values,
    log_failure,
)
from functions.ai_generation.records import input_to_proto, section_to_proto, sections_from_proto
from functions.notification.notify import Resource, notify
from functions.tenant_settings.ai_credentials import AICredentials

log = logging.getLogger("mirai.generation")


@dataclass(frozen=True)
class OutlineWork:
    request: ai_pb.GenerationInput
    audience: Any
    chunks: list[sme_pb2.KnowledgeChunk]
    feedback: str
    previous: ai_pb.Outline | None


def chunk_to_proto(chunk: Chunk) -> sme_pb2.KnowledgeChunk:
    return sme_pb2.KnowledgeChunk(
        id=str(chunk.id), sme_id=str(chunk.sme_id), submission_id=str(chunk.submission_id or ""), title=chunk.title,
        content=chunk.content, keywords=chunk.keywords, token_count=chunk.token_count, position=chunk.position,
        source_file_name=chunk.source_file_name,
    )


def _load(uow: Any, job: Job, storage: Any) -> OutlineWork:
    assert job.outline_id is not None
    outline = uow.outlines.get(job.outline_id)
    inputs = uow.outlines.inputs(job.outline_id)
    audience = audience_for(uow, inputs.target_audience_id, storage=storage)
    sections = uow.outlines.sections(job.outline_id)
    previous = None
    if sections:
        previous = ai_pb.Outline(title=outline.title, description=outline.description,
                                 sections=[section_to_proto(s) for s in sections])
    return OutlineWork(
        request=input_to_proto(inputs), audience=audience,
        chunks=[chunk_to_proto(c) for c in uow.knowledge_chunks.for_smes(inputs.sme_ids)],
        feedback=str(job.payload.get("feedback", "")), previous=previous,
    )


def run_outline_job(container: Any, *, tenant_id: uuid.UUID, job_id: uuid.UUID,
                    lease_seconds: int = LEASE_SECONDS) -> str:
    """Runs the job if this call can claim it; answers what happened (for logs and tests)."""
    claimed = claim_job(container, tenant_id=tenant_id, job_id=job_id, job_type="outline_generation",
                        has_target=lambda job: job.outline_id is not None, lease_seconds=lease_seconds,
                        fail=partial(_fail, container))
    if isinstance(claimed, str):
        return claimed
    job, worker = claimed.job, claimed.worker
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        work = _load(uow, job, container.storage)
        credentials = credentials_or_failure(uow, container.keyring)
    if isinstance(credentials, Failure):
        return _fail(container, job, worker, credentials)
    return _draft(container, job, worker, work, credentials)


def _draft(container: Any, job: Job, worker: str, work: OutlineWork, credentials: AICredentials) -> str:
    request = outline_request(work.request, model=credentials.model, audience=work.audience, chunks=work.chunks,
                              feedback=work.feedback, previous=work.previous)
    try:
        result = container.ai.generate(request, api_key=credentials.api_key)
    except AIError as err:
        return _fail(container, job, worker, Failure.of(err))
    drafted: ai_pb.Outline = result.value
    assert job.outline_id is not None
    with container.db.tenant_session(job.tenant_id, job.created_by) as uow:
        finished = uow.generation_jobs.finish(job.id, status="succeeded", worker=worker, values={
            "input_tokens": result.usage.input_tokens, "output_tokens": result.usage.output_tokens,
            "model": result.model, "progress_done": 1, "progress_message": "Outline drafted",
        })
        if finished is None:
            log.info("outline job %s: lease lost or cancelled; result discarded", job.id)
            return "stale"
        uow.outlines.replace_sections(job.outline_id, sections_from_proto(drafted.sections))
        minutes = sum(lesson.estimated_minutes for s in drafted.sections for lesson in s.lessons)
        uow.outlines.update(job.outline_id, {
            "title": drafted.title, "description": drafted.description, "status": "ready",
            "estimated_duration_minutes": drafted.estimated_duration_minutes or minutes,
        })
        if job.created_by is not None:
            notify(uow, user_id=job.created_by, type="outline_ready", title="Your course outline is ready",
                   message=f"“{drafted.title[:150]}” is ready for review.", link=f"/outlines/{job.outline_id}",
                   resource=Resource(type="outline", id=job.outline_id))
    return "succeeded"


def _fail(container: Any, job: Job, worker: str, failure: Failure) -> str:
    assert job.outline_id is not None
    with container.db.tenant_session(job.tenant_id, job.created_by) as uow:
        finished = uow.generation_jobs.finish(job.id, status="failed", worker=worker, values=failure_values(failure))
        if finished is None:
            return "stale"
        uow.outlines.update(job.outline_id, {"status": "failed"})
        if job.created_by is not None:
            notify(uow, user_id=job.created_by, type="outline_failed", title="Your course outline could not be drafted",
                   message=failure.message[:1000], link=f"/outlines/{job.outline_id}",
                   resource=Resource(type="outline", id=job.outline_id))
    log_failure(f"outline job {job.id}", failure)
    return "failed"
