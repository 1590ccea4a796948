"""What the ingest_submission job reads and writes: the submission and its job, the
submission's chunks (replaced as a whole), and the SME's summary and status."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from common.repos.base import TenantRepository
from common.repos.rows import to_record

# Submission statuses during which the SME counts as ingesting.
_BUSY = ("uploaded", "processing")


@dataclass(frozen=True)
class IngestedSubmission:
    id: uuid.UUID
    sme_id: uuid.UUID
    file_name: str
    content_type: str
    status: str
    job_id: uuid.UUID | None
    uploaded_by: uuid.UUID | None


@dataclass(frozen=True)
class NewChunk:
    title: str
    content: str
    keywords: list[str]
    token_count: int
    position: int
    page_start: int
    page_end: int
    heading_path: list[str]
    language: str = "simple"  # the text-search configuration of its full-text vector (search_config)


@dataclass(frozen=True)
class StoredChunk:
    id: uuid.UUID
    submission_id: uuid.UUID | None
    title: str
    content: str
    keywords: list[str]
    position: int
    source_file_name: str
    page_start: int
    page_end: int
    heading_path: list[str]


_SUBMISSION = """select id, sme_id, file_name, content_type, status, job_id, uploaded_by
                 from sme_task_submissions where id = :id"""
_START_JOB = text("""
    insert into generation_jobs (tenant_id, type, sme_id, submission_id, created_by, progress_total, payload)
    values (:tenant, 'sme_ingestion', :sme, :submission, :by, 1, '{}'::jsonb) returning id""")


class SubmissionIngestions(TenantRepository):
    def get(self, submission_id: uuid.UUID, *, for_update: bool = False) -> IngestedSubmission | None:
        row = self._session.execute(text(_SUBMISSION + (" for update" if for_update else "")), {"id": submission_id}).first()
        return None if row is None else to_record(IngestedSubmission, row)

    def start(self, submission_id: uuid.UUID, *, sme_id: uuid.UUID) -> uuid.UUID | None:
        """The ingestion job of an uploaded submission: a new job that moves it to
        ``processing``, or the job it is already processing under (a redelivered event);
        None when there is nothing to ingest (processed, failed, not uploaded, gone)."""
        submission = self.get(submission_id, for_update=True)
        if submission is None or submission.sme_id != sme_id:
            return None
        if submission.status == "processing" and submission.job_id is not None:
            return submission.job_id
        if submission.status != "uploaded":
            return None
        job_id: uuid.UUID = self._session.execute(_START_JOB, {
            "tenant": self.tenant_id, "sme": sme_id, "submission": submission_id, "by": submission.uploaded_by,
        }).scalar_one()
        self._session.execute(text("""
            update sme_task_submissions set status = 'processing', job_id = :job, error_message = null
            where id = :id"""), {"id": submission_id, "job": job_id})
        self.refresh_sme(sme_id)
        return job_id

    def replace_chunks(self, submission_id: uuid.UUID, *, sme_id: uuid.UUID, file_name: str,
                       chunks: Sequence[NewChunk]) -> None:
        """The submission's chunks become ``chunks`` (the caller's transaction makes it atomic)."""
        self._session.execute(text("delete from sme_knowledge_chunks where submission_id = :id"), {"id": submission_id})
        if not chunks:
            return
        self._session.execute(text("""
            insert into sme_knowledge_chunks (tenant_id, sme_id, submission_id, title, content, keywords, token_count,
                                              position, source_file_name, page_start, page_end, heading_path, language)
            values (:tenant, :sme, :submission, :title, :content, :keywords, :token_count, :position, :file_name,
                    :page_start, :page_end, :heading_path, cast(:language as regconfig))"""), [
            {"tenant": self.tenant_id, "sme": sme_id, "submission": submission_id, "file_name": file_name,
             "title": c.title, "content": c.content, "keywords": c.keywords, "token_count": c.token_count,
             "position": c.position, "page_start": c.page_start, "page_end": c.page_end, "heading_path": c.heading_path,
             "language": c.language}
            for c in chunks])

    def finish(self, submission_id: uuid.UUID, *, job_id: uuid.UUID, status: str, chunk_count: int = 0,
               ai_summary: str = "", error_message: str | None = None) -> bool:
        """Ends the submission's ingestion under ``job_id`` (False when another job owns it now)."""
        row = self._session.execute(text("""
            update sme_task_submissions
               set status = :status, chunk_count = :chunks, ai_summary = :summary, error_message = :error,
                   processed_at = case when :status = 'processed' then now() else processed_at end
             where id = :id and job_id = :job and status = 'processing' returning id"""), {
            "id": submission_id, "job": job_id, "status": status, "chunks": chunk_count, "summary": ai_summary,
            "error": error_message}).first()
        return row is not None

    def refresh_sme(self, sme_id: uuid.UUID, *, knowledge_summary: str | None = None) -> str:
        """Status: ingesting while a submission waits for or is in ingestion, ready with any chunk, else empty."""
        row = self._session.execute(text("""
            select exists (select 1 from sme_task_submissions where sme_id = :sme and status = any(:busy)) as busy,
                   exists (select 1 from sme_knowledge_chunks where sme_id = :sme) as knows"""),
            {"sme": sme_id, "busy": list(_BUSY)}).one()
        status = "ingesting" if row.busy else "ready" if row.knows else "empty"
        values: dict[str, Any] = {"sme": sme_id, "status": status, "summary": knowledge_summary}
        self._session.execute(text("""
            update subject_matter_experts set status = :status,
                   knowledge_summary = coalesce(:summary, knowledge_summary)
            where id = :sme"""), values)
        return status

    def submission_summaries(self, sme_id: uuid.UUID) -> list[tuple[str, str]]:
        """(file name, summary) of the SME's processed submissions, oldest first."""
        rows = self._session.execute(text("""
            select file_name, ai_summary from sme_task_submissions
            where sme_id = :sme and status = 'processed' and ai_summary <> '' order by created_at, id"""), {"sme": sme_id})
        return [(r.file_name, r.ai_summary) for r in rows]

    def chunks_of_sme(self, sme_id: uuid.UUID) -> list[StoredChunk]:
        rows = self._session.execute(text("""
            select id, submission_id, title, content, keywords, position, source_file_name, page_start, page_end,
                   heading_path
            from sme_knowledge_chunks where sme_id = :sme order by submission_id, position, id"""), {"sme": sme_id})
        return [to_record(StoredChunk, r) for r in rows]
