"""Course metadata rows (bodies live in object storage)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import courses
from common.errors import Conflict, InvalidArgument, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record

CourseSort = Literal["updated_at", "created_at", "title"]

_EDITABLE = frozenset({
    "title", "description", "status", "tags", "folder_id", "target_audience_id", "language", "outline_id",
    "generation_job_id", "content_version", "content_etag", "module_count", "lesson_count",
    "estimated_duration_minutes", "updated_by", "published_at",
})


@dataclass(frozen=True)
class Course:
    id: uuid.UUID
    tenant_id: uuid.UUID
    title: str
    description: str
    status: str
    tags: list[str]
    folder_id: uuid.UUID | None
    target_audience_id: uuid.UUID | None
    language: str
    outline_id: uuid.UUID | None
    generation_job_id: uuid.UUID | None
    content_version: int
    content_etag: str | None
    module_count: int
    lesson_count: int
    estimated_duration_minutes: int
    created_by: uuid.UUID | None
    updated_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    deleted_at: datetime | None

    @property
    def etag(self) -> str:
        return f"{self.id.hex[:8]}-{self.version}"


class Courses(TenantRepository):
    def add(self, *, title: str, created_by: uuid.UUID | None, description: str = "", folder_id: uuid.UUID | None = None,
            target_audience_id: uuid.UUID | None = None, tags: list[str] | None = None, language: str = "en") -> Course:
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    insert(courses)
                    .values(tenant_id=self.tenant_id, title=title, description=description, folder_id=folder_id,
                            target_audience_id=target_audience_id, tags=tags or [], language=language,
                            created_by=created_by, updated_by=created_by)
                    .returning(*courses.c)
                ).one()
        except IntegrityError:
            # The only foreign keys a caller controls: a folder or audience this tenant cannot see.
            raise NotFound("folder or target audience not found") from None
        return to_record(Course, row)

    def get(self, course_id: uuid.UUID, *, include_deleted: bool = False) -> Course:
        stmt = select(courses).where(courses.c.id == course_id)
        if not include_deleted:
            stmt = stmt.where(courses.c.deleted_at.is_(None))
        row = self._session.execute(stmt).first()
        if row is None:
            raise NotFound("course not found")
        return to_record(Course, row)

    def update(self, course_id: uuid.UUID, changes: dict[str, Any], *, expected_version: int | None = None) -> Course:
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        stmt = update(courses).where(courses.c.id == course_id, courses.c.deleted_at.is_(None))
        if expected_version is not None:
            stmt = stmt.where(courses.c.version == expected_version)
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    stmt.values(**changes, version=courses.c.version + 1).returning(*courses.c)
                ).first()
        except IntegrityError:
            raise NotFound("folder or target audience not found") from None
        if row is None:
            self.get(course_id)
            raise Conflict("the course was changed by someone else; reload and retry")
        return to_record(Course, row)

    def trash(self, course_id: uuid.UUID) -> Course:
        row = self._session.execute(
            update(courses)
            .where(courses.c.id == course_id, courses.c.deleted_at.is_(None))
            .values(deleted_at=func.now(), version=courses.c.version + 1)
            .returning(*courses.c)
        ).first()
        if row is None:
            raise NotFound("course not found")
        return to_record(Course, row)

    def restore(self, course_id: uuid.UUID) -> Course:
        row = self._session.execute(
            update(courses)
            .where(courses.c.id == course_id, courses.c.deleted_at.is_not(None))
            .values(deleted_at=None, version=courses.c.version + 1)
            .returning(*courses.c)
        ).first()
        if row is None:
            raise NotFound("course not found in the trash")
        return to_record(Course, row)

    def list(self, *, sort: CourseSort = "updated_at", descending: bool = True, folder_id: uuid.UUID | None = None,
             in_root: bool = False, status: str | None = None, page_size: int = 0, page_token: str = "") -> Page[Course]:
        """Live courses; each filter/sort pair has its own tenant-led index (migration 0002)."""
        if sort not in ("updated_at", "created_at", "title"):
            raise InvalidArgument("unknown sort field", field="sort_field")
        size = clamp_page_size(page_size)
        column = courses.c[sort]
        token_sort = f"{sort}:{'desc' if descending else 'asc'}"
        cursor = decode_token(page_token, sort=token_sort, column=column)
        stmt = select(courses).where(courses.c.deleted_at.is_(None))
        if folder_id is not None:
            stmt = stmt.where(courses.c.folder_id == folder_id)
        elif in_root:
            stmt = stmt.where(courses.c.folder_id.is_(None))
        if status is not None:
            stmt = stmt.where(courses.c.status == status)
        condition = after(cursor, column=column, id_column=courses.c.id, descending=descending)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(column, courses.c.id, descending=descending)).limit(size + 1)
        rows = [to_record(Course, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=token_sort, key=lambda c: (getattr(c, sort), c.id))
