"""One row per (job, lesson): the unit of lesson writing, leased on its own so the
lessons of one job run in parallel (migration 0009)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from common.db.tables import generated_lessons
from common.repos.base import TenantRepository
from common.repos.rows import to_record


@dataclass(frozen=True)
class GeneratedLesson:
    id: uuid.UUID
    tenant_id: uuid.UUID
    course_id: uuid.UUID
    lesson_id: uuid.UUID
    outline_lesson_id: uuid.UUID | None
    job_id: uuid.UUID | None
    status: str
    content_object_key: str | None
    model: str | None
    input_tokens: int
    output_tokens: int
    error_message: str | None
    attempt: int
    worker: str | None
    lease_expires_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime


_COLUMNS = [generated_lessons.c[f.name] for f in fields(GeneratedLesson)]


class GeneratedLessons(TenantRepository):
    def queue(self, *, job_id: uuid.UUID, course_id: uuid.UUID, lessons: list[tuple[uuid.UUID, uuid.UUID | None]]) -> None:
        """A queued row per (lesson id, outline lesson id); rows that exist are left alone."""
        if not lessons:
            return
        self._session.execute(
            pg_insert(generated_lessons).values([
                {"tenant_id": self.tenant_id, "job_id": job_id, "course_id": course_id, "lesson_id": lesson_id,
                 "outline_lesson_id": outline_lesson_id, "status": "queued"}
                for lesson_id, outline_lesson_id in lessons
            ]).on_conflict_do_nothing(constraint="generated_lessons_job_lesson_key")
        )

    def claim(self, *, job_id: uuid.UUID, lesson_id: uuid.UUID, lease_seconds: int, worker: str) -> GeneratedLesson | None:
        """The row, now running under ``worker``'s lease; None when it is finished or held by a live lease.
        No lock is held after the statement: other lessons of the job claim theirs meanwhile."""
        c = generated_lessons.c
        row = self._session.execute(
            update(generated_lessons)
            .where(c.job_id == job_id, c.lesson_id == lesson_id,
                   (c.status == "queued") | ((c.status == "running") & (c.lease_expires_at < func.now())))
            .values(status="running", worker=worker, attempt=c.attempt + 1, updated_at=func.now(),
                    started_at=func.coalesce(c.started_at, func.now()),
                    lease_expires_at=func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(lease_seconds)))
            .returning(*_COLUMNS)
        ).first()
        return to_record(GeneratedLesson, row) if row else None

    def get(self, *, job_id: uuid.UUID, lesson_id: uuid.UUID, for_update: bool = False) -> GeneratedLesson | None:
        stmt = select(*_COLUMNS).where(generated_lessons.c.job_id == job_id, generated_lessons.c.lesson_id == lesson_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self._session.execute(stmt).first()
        return to_record(GeneratedLesson, row) if row else None

    def finish(self, row_id: uuid.UUID, *, worker: str, status: str, values: dict[str, Any]) -> GeneratedLesson | None:
        """Ends the run ``worker`` holds (None when its lease was taken over: it must write nothing)."""
        c = generated_lessons.c
        row = self._session.execute(
            update(generated_lessons).where(c.id == row_id, c.status == "running", c.worker == worker)
            .values(**values, status=status, finished_at=func.now(), lease_expires_at=None, updated_at=func.now())
            .returning(*_COLUMNS)
        ).first()
        return to_record(GeneratedLesson, row) if row else None

    def unfinished(self, job_id: uuid.UUID) -> list[uuid.UUID]:
        c = generated_lessons.c
        return list(self._session.scalars(
            select(c.lesson_id).where(c.job_id == job_id, c.status.in_(("queued", "running"))).order_by(c.created_at, c.id)
        ))

    def cancel_unfinished(self, job_id: uuid.UUID) -> list[uuid.UUID]:
        """Cancels the job's queued and running lessons; answers their lesson ids."""
        c = generated_lessons.c
        return list(self._session.scalars(
            update(generated_lessons).where(c.job_id == job_id, c.status.in_(("queued", "running")))
            .values(status="cancelled", finished_at=func.now(), lease_expires_at=None, updated_at=func.now())
            .returning(c.lesson_id)
        ))

    def for_job(self, job_id: uuid.UUID) -> list[GeneratedLesson]:
        stmt = select(*_COLUMNS).where(generated_lessons.c.job_id == job_id).order_by(generated_lessons.c.created_at)
        return [to_record(GeneratedLesson, row) for row in self._session.execute(stmt)]

    def outline_lessons_of(self, lesson_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
        """The outline lesson each course lesson was planned by (from its earlier generations)."""
        c = generated_lessons.c
        rows = self._session.execute(
            select(c.lesson_id, c.outline_lesson_id).where(c.lesson_id.in_(lesson_ids), c.outline_lesson_id.is_not(None)))
        return {r.lesson_id: r.outline_lesson_id for r in rows}
