"""Generation jobs (generation_jobs): what was asked, its lease, progress, tokens and outcome.

Claiming is system work (``mirai_claim_generation_job``, FOR UPDATE SKIP LOCKED
inside): a job consumer learns the tenant from the event, but the claim itself
must not depend on a tenant session that the event could name wrongly, so the
claimed row's tenant is checked by the caller.
"""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, insert, literal, select, text, update

from common.db.tables import generation_jobs
from common.errors import NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record

FINISHED = ("succeeded", "failed", "cancelled")


@dataclass(frozen=True)
class Job:
    id: uuid.UUID
    tenant_id: uuid.UUID
    type: str
    status: str
    course_id: uuid.UUID | None
    outline_id: uuid.UUID | None
    lesson_ids: list[uuid.UUID]
    component_id: str | None
    sme_id: uuid.UUID | None
    submission_id: uuid.UUID | None
    payload: dict[str, Any]
    result: dict[str, Any] | None
    progress_done: int
    progress_total: int
    progress_message: str
    failed_lesson_ids: list[uuid.UUID]
    error_message: str | None
    error_code: str | None
    input_tokens: int
    output_tokens: int
    model: str | None
    attempt: int
    worker: str | None
    lease_expires_at: datetime | None
    cancel_requested_at: datetime | None
    created_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


@dataclass(frozen=True)
class JobFilter:
    types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    course_id: uuid.UUID | None = None
    outline_id: uuid.UUID | None = None
    sme_id: uuid.UUID | None = None
    # Visibility: only jobs these users created (None: every job of the tenant).
    created_by: uuid.UUID | None = None


@dataclass(frozen=True)
class ExpiredLease:
    job_id: uuid.UUID
    tenant_id: uuid.UUID


_COLUMNS = [generation_jobs.c[f.name] for f in fields(Job)]
_CLAIM = text("select * from mirai_claim_generation_job(:job_id, :lease_seconds, :worker)")
_EXPIRED = text("select job_id, tenant_id from mirai_expired_job_leases(:limit)")
_STALLED = text("select job_id, tenant_id from mirai_stalled_queued_jobs(:limit, :age)")
_SORT = "created"


def _job(row: Any) -> Job:
    return to_record(Job, row)


class GenerationJobs(TenantRepository):
    def add(self, *, type: str, created_by: uuid.UUID | None, course_id: uuid.UUID | None = None,
            outline_id: uuid.UUID | None = None, lesson_ids: list[uuid.UUID] | None = None,
            component_id: str | None = None, payload: dict[str, Any] | None = None, progress_total: int = 0) -> Job:
        row = self._session.execute(
            insert(generation_jobs).values(
                tenant_id=self.tenant_id, type=type, created_by=created_by, course_id=course_id, outline_id=outline_id,
                lesson_ids=lesson_ids or [], component_id=component_id, payload=payload or {},
                progress_total=progress_total,
            ).returning(*_COLUMNS)
        ).one()
        return _job(row)

    def get(self, job_id: uuid.UUID, *, for_update: bool = False) -> Job:
        stmt = select(*_COLUMNS).where(generation_jobs.c.id == job_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self._session.execute(stmt).first()
        if row is None:
            raise NotFound("job not found", field="job_id")
        return _job(row)

    def list(self, where: JobFilter, *, page_size: int, page_token: str) -> Page[Job]:
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort=_SORT, column=generation_jobs.c.created_at)
        conditions: list[ColumnElement[bool]] = []
        if where.types:
            conditions.append(generation_jobs.c.type.in_(where.types))
        if where.statuses:
            conditions.append(generation_jobs.c.status.in_(where.statuses))
        for column, value in ((generation_jobs.c.course_id, where.course_id), (generation_jobs.c.outline_id, where.outline_id),
                              (generation_jobs.c.sme_id, where.sme_id), (generation_jobs.c.created_by, where.created_by)):
            if value is not None:
                conditions.append(column == value)
        position = after(cursor, column=generation_jobs.c.created_at, id_column=generation_jobs.c.id, descending=True)
        if position is not None:
            conditions.append(position)
        stmt = (select(*_COLUMNS).where(*conditions)
                .order_by(*order_by(generation_jobs.c.created_at, generation_jobs.c.id, descending=True)).limit(size + 1))
        rows = [_job(row) for row in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=_SORT, key=lambda job: (job.created_at, job.id))

    def update(self, job_id: uuid.UUID, values: dict[str, Any], *, only_status: tuple[str, ...] = ()) -> Job | None:
        """Writes ``values``; with ``only_status``, only while the job is in one of them (None otherwise)."""
        stmt = update(generation_jobs).where(generation_jobs.c.id == job_id)
        if only_status:
            stmt = stmt.where(generation_jobs.c.status.in_(only_status))
        row = self._session.execute(stmt.values(**values).returning(*_COLUMNS)).first()
        return _job(row) if row else None

    def cancel(self, job_id: uuid.UUID, *, message: str) -> Job | None:
        """Stops a queued or running job (None when it had already finished)."""
        return self.update(job_id, {
            "status": "cancelled", "cancel_requested_at": func.now(), "finished_at": func.now(), "lease_expires_at": None,
            "error_code": "cancelled", "error_message": message,
        }, only_status=("queued", "running"))

    def take_expired(self, job_id: uuid.UUID, *, lease_seconds: int) -> Job | None:
        """The running job whose lease has ended, its lease renewed (compare-and-set: of two sweeps, one wins)."""
        lease = func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(lease_seconds))
        row = self._session.execute(
            update(generation_jobs)
            .where(generation_jobs.c.id == job_id, generation_jobs.c.status == "running",
                   generation_jobs.c.lease_expires_at < func.now())
            .values(lease_expires_at=lease, attempt=generation_jobs.c.attempt + 1)
            .returning(*_COLUMNS)
        ).first()
        return _job(row) if row else None

    def take_stalled(self, job_id: uuid.UUID, *, hold_seconds: int) -> Job | None:
        """The still-queued job, not to be re-published again for ``hold_seconds`` (compare-and-set)."""
        c = generation_jobs.c
        hold = func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(hold_seconds))
        row = self._session.execute(
            update(generation_jobs)
            .where(c.id == job_id, c.status == "queued", (c.lease_expires_at.is_(None)) | (c.lease_expires_at < func.now()))
            .values(lease_expires_at=hold).returning(*_COLUMNS)
        ).first()
        return _job(row) if row else None

    def lease_expired(self, job_id: uuid.UUID) -> bool:
        row = self._session.execute(
            select(generation_jobs.c.id).where(generation_jobs.c.id == job_id, generation_jobs.c.status == "running",
                                               generation_jobs.c.lease_expires_at < func.now())
        ).first()
        return row is not None

    def finish(self, job_id: uuid.UUID, *, status: str, worker: str | None = None, values: dict[str, Any] | None = None) -> Job | None:
        """Ends a running job; with ``worker``, only if that worker still holds it (a stale worker changes nothing)."""
        stmt = update(generation_jobs).where(generation_jobs.c.id == job_id, generation_jobs.c.status == "running")
        if worker is not None:
            stmt = stmt.where(generation_jobs.c.worker == worker)
        row = self._session.execute(
            stmt.values(**(values or {}), status=status, finished_at=func.now(), lease_expires_at=None).returning(*_COLUMNS)
        ).first()
        return _job(row) if row else None

    def hold_for_lessons(self, job_id: uuid.UUID, *, lease_seconds: int, worker: str) -> Job | None:
        """Marks a lesson job running and stretches its lease to cover a lesson lease starting now.

        None when the job is finished or cancelled (the lesson must not start)."""
        lease = func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(lease_seconds))
        row = self._session.execute(
            update(generation_jobs)
            .where(generation_jobs.c.id == job_id, generation_jobs.c.status.in_(("queued", "running")),
                   generation_jobs.c.cancel_requested_at.is_(None))
            .values(status="running", worker=worker, started_at=func.coalesce(generation_jobs.c.started_at, func.now()),
                    attempt=func.greatest(generation_jobs.c.attempt, 1),
                    lease_expires_at=func.greatest(func.coalesce(generation_jobs.c.lease_expires_at, lease), lease))
            .returning(*_COLUMNS)
        ).first()
        return _job(row) if row else None

    def count_lesson(self, job_id: uuid.UUID, *, lesson_id: uuid.UUID, failed: bool, input_tokens: int,
                     output_tokens: int, model: str | None, error_code: str | None = None,
                     error_message: str | None = None) -> Job:
        """Adds one finished lesson (progress, tokens, failures) in one statement under the row lock;
        the job finishes with its last lesson: succeeded, or failed when any lesson failed."""
        c = generation_jobs.c
        done = c.progress_done + 1
        failed_ids = func.array_append(c.failed_lesson_ids, lesson_id) if failed else c.failed_lesson_ids
        any_failed = literal(failed) | (func.cardinality(c.failed_lesson_ids) > 0)
        last = done >= c.progress_total
        values: dict[str, Any] = {
            "progress_done": done,
            "failed_lesson_ids": failed_ids,
            "input_tokens": c.input_tokens + input_tokens,
            "output_tokens": c.output_tokens + output_tokens,
            "model": func.coalesce(literal(model), c.model),
            "progress_message": func.format("%s of %s lessons written", done, c.progress_total),
            "status": case((last & any_failed, "failed"), (last, "succeeded"), else_=c.status),
            "finished_at": case((last, func.now()), else_=c.finished_at),
            "lease_expires_at": case((last, None), else_=c.lease_expires_at),
        }
        if failed:
            values["error_code"] = error_code
            values["error_message"] = error_message
        row = self._session.execute(
            update(generation_jobs).where(c.id == job_id, c.status == "running").values(**values).returning(*_COLUMNS)
        ).first()
        if row is None:
            return self.get(job_id)
        return _job(row)

    # --- system paths (any session) -------------------------------------------------
    def claim(self, job_id: uuid.UUID, *, lease_seconds: int, worker: str) -> Job | None:
        """The job, now running under ``worker``'s lease; None when it is finished, cancelled,
        held by a live lease or locked by another claimer."""
        row = self._session.execute(_CLAIM, {"job_id": job_id, "lease_seconds": lease_seconds, "worker": worker}).first()
        if row is None or row._mapping["id"] is None:
            return None
        return _job(row)

    def expired_leases(self, *, limit: int) -> builtins.list[ExpiredLease]:
        return [ExpiredLease(job_id=r.job_id, tenant_id=r.tenant_id) for r in self._session.execute(_EXPIRED, {"limit": limit})]

    def stalled_queued(self, *, limit: int, older_than_seconds: int) -> builtins.list[ExpiredLease]:
        rows = self._session.execute(_STALLED, {"limit": limit, "age": older_than_seconds})
        return [ExpiredLease(job_id=r.job_id, tenant_id=r.tenant_id) for r in rows]
