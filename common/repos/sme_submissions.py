"""Files uploaded for an SME, from the presigned PUT to ingestion."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, select, update

from common.db.tables import sme_knowledge_chunks, sme_task_submissions
from common.errors import NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record

submissions = sme_task_submissions


@dataclass(frozen=True)
class Submission:
    id: uuid.UUID
    tenant_id: uuid.UUID
    sme_id: uuid.UUID
    task_id: uuid.UUID | None
    file_name: str
    content_type: str
    size_bytes: int
    object_key: str  # the bucket key (with the base path), as S3 notifications name it
    status: str
    ai_summary: str
    error_message: str | None
    chunk_count: int
    job_id: uuid.UUID | None
    uploaded_by: uuid.UUID | None
    created_at: datetime
    uploaded_at: datetime | None
    processed_at: datetime | None


@dataclass(frozen=True)
class SubmissionFilter:
    sme_id: uuid.UUID | None = None
    task_id: uuid.UUID | None = None
    statuses: Sequence[str] = ()


def _filtered(stmt: Select[Any], where: SubmissionFilter) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if where.sme_id is not None:
        conditions.append(submissions.c.sme_id == where.sme_id)
    if where.task_id is not None:
        conditions.append(submissions.c.task_id == where.task_id)
    if where.statuses:
        conditions.append(submissions.c.status.in_(list(where.statuses)))
    return stmt.where(*conditions)


class SmeSubmissions(TenantRepository):
    def add(self, *, submission_id: uuid.UUID, sme_id: uuid.UUID, task_id: uuid.UUID | None, file_name: str,
            content_type: str, size_bytes: int, object_key: str, uploaded_by: uuid.UUID | None) -> Submission:
        row = self._session.execute(
            insert(submissions).values(
                id=submission_id, tenant_id=self.tenant_id, sme_id=sme_id, task_id=task_id, file_name=file_name,
                content_type=content_type, size_bytes=size_bytes, object_key=object_key, uploaded_by=uploaded_by,
            ).returning(*submissions.c)
        ).one()
        return to_record(Submission, row)

    def get(self, submission_id: uuid.UUID) -> Submission:
        row = self._session.execute(select(submissions).where(submissions.c.id == submission_id)).first()
        if row is None:
            raise NotFound("submission not found", field="submission_id")
        return to_record(Submission, row)

    def find(self, submission_id: uuid.UUID) -> Submission | None:
        row = self._session.execute(select(submissions).where(submissions.c.id == submission_id)).first()
        return None if row is None else to_record(Submission, row)

    def land(self, submission_id: uuid.UUID, *, object_key: str, size_bytes: int) -> Submission | None:
        """awaiting_upload → uploaded, once: None when no submission awaits this object (a
        second notification of the same upload finds it uploaded already)."""
        row = self._session.execute(
            update(submissions)
            .where(submissions.c.id == submission_id, submissions.c.object_key == object_key,
                   submissions.c.status == "awaiting_upload")
            .values(status="uploaded", size_bytes=size_bytes, uploaded_at=func.now(), error_message=None)
            .returning(*submissions.c)
        ).first()
        return None if row is None else to_record(Submission, row)

    def fail(self, submission_id: uuid.UUID, *, object_key: str, reason: str) -> bool:
        """The submission's object was refused: it fails with ``reason`` (its file is gone).
        False when no submission names this object."""
        row = self._session.execute(
            update(submissions)
            .where(submissions.c.id == submission_id, submissions.c.object_key == object_key)
            .values(status="failed", error_message=reason).returning(submissions.c.id)
        ).first()
        return row is not None

    def requeue(self, submission_id: uuid.UUID, *, from_statuses: Sequence[str]) -> Submission | None:
        """Back to uploaded for another ingestion, if still in one of ``from_statuses``."""
        row = self._session.execute(
            update(submissions)
            .where(submissions.c.id == submission_id, submissions.c.status.in_(list(from_statuses)))
            .values(status="uploaded", error_message=None).returning(*submissions.c)
        ).first()
        return None if row is None else to_record(Submission, row)

    def delete(self, submission_id: uuid.UUID) -> int:
        """Deletes the submission and its chunks (foreign key cascade); answers the chunks deleted."""
        chunks = int(self._session.execute(
            select(func.count()).where(sme_knowledge_chunks.c.submission_id == submission_id)).scalar_one())
        if self._session.execute(delete(submissions).where(submissions.c.id == submission_id)).rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("submission not found", field="submission_id")
        return chunks

    def count(self, *, where: SubmissionFilter = SubmissionFilter()) -> int:
        stmt = _filtered(select(func.count()).select_from(submissions), where)
        return int(self._session.execute(stmt).scalar_one())

    def list(self, *, where: SubmissionFilter = SubmissionFilter(), page_size: int = 0,
             page_token: str = "") -> Page[Submission]:
        """Newest first (sme_submissions_tenant_sme_idx / _task_idx)."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="created", column=submissions.c.created_at)
        stmt = _filtered(select(submissions), where)
        condition = after(cursor, column=submissions.c.created_at, id_column=submissions.c.id, descending=True)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(submissions.c.created_at, submissions.c.id, descending=True)).limit(size + 1)
        rows = [to_record(Submission, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="created", key=lambda s: (s.created_at, s.id))
