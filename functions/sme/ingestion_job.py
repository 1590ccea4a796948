"""Ingesting one submission (the ``ingest_submission`` job).

1. A short tenant transaction turns the uploaded submission into ``processing`` under a
   new ``sme_ingestion`` job (or finds the job it is processing under: a redelivery).
2. The job is claimed with a lease (``claim_job``); not claimed → another run has it.
3. With no transaction open: the object is read from S3, extracted, chunked, and the AI
   writes notes per batch of chunks and one summary of the submission.
4. One transaction, only while this run still holds the job (compare-and-set on the
   worker): the submission's chunks are replaced, the submission is processed, the SME's
   status and knowledge summary refreshed. Then ``knowledge.json`` is rewritten.

A document that cannot be read, a missing key or an AI refusal fails the submission with
the reason (reprocessing queues a new event); storage or AI outages raise, so the event
is retried, and a run killed midway leaves its lease to the sweep (lease_sweep.py).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from common import storage_keys
from common.adapters.ai import AIError, TokenUsage
from common.errors import AppError, NotFound, Unavailable
from common.repos.generation_jobs import Job
from common.repos.knowledge_chunks import search_config
from common.repos.submission_ingestions import IngestedSubmission, NewChunk
from functions.ai_generation.job_runs import (
    LEASE_SECONDS,
    Failure,
    claim_job,
    credentials_or_failure,
    failure_values,
    log_failure,
)
from functions.sme.chunk_notes import ChunkNote, batches, notes_request, summary_request
from functions.sme.chunking import Chunk, chunk_document
from functions.sme.extraction import ExtractionError, extract
from functions.tenant_settings.ai_credentials import AICredentials

log = logging.getLogger("mirai.ingestion")

JOB_TYPE = "sme_ingestion"
MAX_KNOWLEDGE_SUMMARY_CHARS = 4000
MISSING_FILE = Failure(code="file_missing", message="the uploaded file is no longer in storage; upload it again")


@dataclass(frozen=True)
class Notes:
    by_position: dict[int, ChunkNote]
    summary: str
    usage: TokenUsage
    model: str


def run_ingestion(container: Any, *, tenant_id: uuid.UUID, submission_id: uuid.UUID, sme_id: uuid.UUID,
                  job_id: uuid.UUID | None = None, lease_seconds: int = LEASE_SECONDS) -> str:
    """Ingests the submission if this call gets to; answers what happened (logs, tests)."""
    if job_id is None:
        with container.db.tenant_session(tenant_id) as uow:
            job_id = uow.submission_ingestions.start(submission_id, sme_id=sme_id)
        if job_id is None:
            return "nothing to ingest"
    claimed = claim_job(container, tenant_id=tenant_id, job_id=job_id, job_type=JOB_TYPE,
                        has_target=lambda job: job.submission_id == submission_id and job.sme_id == sme_id,
                        lease_seconds=lease_seconds, fail=partial(_fail, container))
    if isinstance(claimed, str):
        return claimed
    job, worker = claimed.job, claimed.worker
    with container.db.tenant_session(tenant_id, job.created_by) as uow:
        submission = uow.submission_ingestions.get(submission_id)
        credentials = credentials_or_failure(uow, container.keyring)
    if submission is None or submission.status != "processing" or submission.job_id != job.id:
        return _fail(container, job, worker, Failure(code="superseded", message="the submission was changed or deleted"))
    if isinstance(credentials, Failure):
        return _fail(container, job, worker, credentials)
    try:
        data = container.storage.get(storage_keys.submission_file(tenant_id, submission_id, submission.file_name))
    except NotFound:
        return _fail(container, job, worker, MISSING_FILE)
    try:
        document = extract(data, file_name=submission.file_name, content_type=submission.content_type)
    except ExtractionError as err:
        return _fail(container, job, worker, Failure(code=f"document_{err.code}", message=err.message))
    del data
    chunks = chunk_document(document, file_name=submission.file_name)
    try:
        notes = _notes(container, chunks, credentials, file_name=submission.file_name)
    except AIError as err:
        if isinstance(err, Unavailable):
            raise  # an outage: the broker retries, then the lease sweep
        return _fail(container, job, worker, Failure.of(err))
    return _store(container, job, worker, submission, chunks, notes)


def _notes(container: Any, chunks: list[Chunk], credentials: AICredentials, *, file_name: str) -> Notes:
    by_position: dict[int, ChunkNote] = {}
    usage = TokenUsage()
    model = credentials.model
    for batch in batches(chunks):
        result = container.ai.generate(notes_request(batch, model=credentials.model, file_name=file_name),
                                       api_key=credentials.api_key)
        by_position.update(result.value)
        usage, model = usage + result.usage, result.model
    summary = ""
    if by_position:
        ordered = [by_position[c.position] for c in chunks]
        result = container.ai.generate(summary_request(ordered, model=credentials.model, file_name=file_name),
                                       api_key=credentials.api_key)
        summary, usage, model = result.value, usage + result.usage, result.model
    return Notes(by_position=by_position, summary=summary, usage=usage, model=model)


def _new_chunk(chunk: Chunk, note: ChunkNote) -> NewChunk:
    return NewChunk(title=note.title, content=chunk.text, keywords=note.keywords, token_count=chunk.token_count,
                    position=chunk.position, page_start=chunk.page_start, page_end=chunk.page_end,
                    heading_path=list(chunk.heading_path), language=search_config(note.language))


def _knowledge_summary(summaries: list[tuple[str, str]]) -> str:
    text = "\n\n".join(f"{name}: {summary}" for name, summary in summaries)
    return text[:MAX_KNOWLEDGE_SUMMARY_CHARS]


def _store(container: Any, job: Job, worker: str, submission: IngestedSubmission, chunks: list[Chunk],
           notes: Notes) -> str:
    with container.db.tenant_session(job.tenant_id, job.created_by) as uow:
        finished = uow.generation_jobs.finish(job.id, status="succeeded", worker=worker, values={
            "input_tokens": notes.usage.input_tokens, "output_tokens": notes.usage.output_tokens, "model": notes.model,
            "progress_done": 1, "progress_message": f"{len(chunks)} chunks stored",
        })
        if finished is None:
            log.info("ingestion job %s: lease lost or cancelled; result discarded", job.id)
            return "stale"
        ingestions = uow.submission_ingestions
        ingestions.replace_chunks(submission.id, sme_id=submission.sme_id, file_name=submission.file_name,
                                  chunks=[_new_chunk(c, notes.by_position[c.position]) for c in chunks])
        ingestions.finish(submission.id, job_id=job.id, status="processed", chunk_count=len(chunks),
                          ai_summary=notes.summary)
        ingestions.refresh_sme(submission.sme_id,
                               knowledge_summary=_knowledge_summary(ingestions.submission_summaries(submission.sme_id)))
    write_knowledge_file(container, job.tenant_id, submission.sme_id)
    return "succeeded"


def write_knowledge_file(container: Any, tenant_id: uuid.UUID, sme_id: uuid.UUID) -> None:
    """``knowledge.json``: the SME's chunks as stored, rewritten after each ingestion. A
    copy for exports and tools, never read back; the database stays the truth, so a
    failed write is logged and the next ingestion writes it again."""
    with container.db.tenant_session(tenant_id) as uow:
        chunks = uow.submission_ingestions.chunks_of_sme(sme_id)
    body = {"sme_id": str(sme_id), "chunks": [{
        "id": str(c.id), "submission_id": str(c.submission_id) if c.submission_id else None, "title": c.title,
        "content": c.content, "keywords": c.keywords, "position": c.position, "source_file_name": c.source_file_name,
        "page_start": c.page_start, "page_end": c.page_end, "heading_path": c.heading_path,
    } for c in chunks]}
    try:
        container.storage.put_json(storage_keys.sme_knowledge(tenant_id, sme_id), body)
    except AppError as err:
        log.warning("knowledge.json of an SME not written: %s", type(err).__name__)


def _fail(container: Any, job: Job, worker: str, failure: Failure) -> str:
    with container.db.tenant_session(job.tenant_id, job.created_by) as uow:
        finished = uow.generation_jobs.finish(job.id, status="failed", worker=worker, values=failure_values(failure))
        if finished is None:
            return "stale"
        if job.submission_id is not None and job.sme_id is not None:
            uow.submission_ingestions.finish(job.submission_id, job_id=job.id, status="failed",
                                             error_message=failure.message[:2000])
            uow.submission_ingestions.refresh_sme(job.sme_id)
    log_failure(f"ingestion job {job.id}", failure)
    return "failed"
