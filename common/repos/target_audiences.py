"""Learner personas (target audiences), company-wide within a tenant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, or_, select, update

from common.db.tables import courses, target_audiences
from common.errors import Conflict, NotFound
from common.repos.base import TenantRepository
from common.repos.like import escape_like
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord

_FIELDS = frozenset({
    "name", "description", "job_role", "experience_level", "prior_knowledge", "language", "reading_level", "goals",
    "challenges", "industry",
})

# Courses referencing an audience, trashed ones excepted (served by courses_tenant_audience_idx).
_COURSE_COUNT = (
    select(func.count())
    .where(courses.c.target_audience_id == target_audiences.c.id, courses.c.deleted_at.is_(None))
    .scalar_subquery()
    .label("course_count")
)


@dataclass(frozen=True)
class TargetAudience(VersionedRecord):
    id: uuid.UUID
    tenant_id: uuid.UUID
    name: str
    description: str
    job_role: str
    experience_level: str | None
    prior_knowledge: list[str]
    language: str
    reading_level: str | None
    goals: list[str]
    challenges: list[str]
    industry: str
    created_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime
    course_count: int = 0


@dataclass(frozen=True)
class AudienceFilter:
    """ListTargetAudiences' filters; ``query`` is matched as a plain substring."""

    query: str = ""
    experience_level: str | None = None
    language: str = ""


_COLUMNS = tuple(f.name for f in fields(TargetAudience) if f.name != "course_count")


def _record(row: Any, *, course_count: int | None = None) -> TargetAudience:
    mapping = row._mapping
    count = mapping["course_count"] if course_count is None else course_count
    return TargetAudience(**{name: mapping[name] for name in _COLUMNS}, course_count=int(count))


def _filtered(stmt: Select[Any], where: AudienceFilter) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if where.query:
        pattern = f"%{escape_like(where.query)}%"
        conditions.append(or_(*(
            column.ilike(pattern, escape="\\")
            for column in (target_audiences.c.name, target_audiences.c.job_role, target_audiences.c.description)
        )))
    if where.experience_level is not None:
        conditions.append(target_audiences.c.experience_level == where.experience_level)
    if where.language:
        conditions.append(target_audiences.c.language == where.language)
    return stmt.where(*conditions)


class TargetAudiences(TenantRepository):
    def add(self, *, created_by: uuid.UUID | None, values: dict[str, Any]) -> TargetAudience:
        unknown = set(values) - _FIELDS
        if unknown:
            raise ValueError(f"not target audience fields: {sorted(unknown)}")
        row = self._session.execute(
            insert(target_audiences)
            .values(**values, tenant_id=self.tenant_id, created_by=created_by)
            .returning(*target_audiences.c)
        ).one()
        return _record(row, course_count=0)

    def get(self, audience_id: uuid.UUID) -> TargetAudience:
        row = self._session.execute(
            select(target_audiences, _COURSE_COUNT).where(target_audiences.c.id == audience_id)
        ).first()
        if row is None:
            raise NotFound("target audience not found", field="target_audience_id")
        return _record(row)

    def update(self, audience_id: uuid.UUID, changes: dict[str, Any], *,
               expected_version: int | None = None) -> TargetAudience:
        """With ``expected_version``, a compare-and-set: a row at another version is ``Conflict``."""
        unknown = set(changes) - _FIELDS
        if unknown:
            raise ValueError(f"not target audience fields: {sorted(unknown)}")
        stmt = update(target_audiences).where(target_audiences.c.id == audience_id)
        if expected_version is not None:
            stmt = stmt.where(target_audiences.c.version == expected_version)
        row = self._session.execute(
            stmt.values(**changes, version=target_audiences.c.version + 1)
            .returning(*target_audiences.c)
        ).first()
        if row is None:
            self.get(audience_id)
            raise Conflict("the target audience was changed by someone else; reload and retry")
        return _record(row, course_count=self._course_count(audience_id))

    def delete(self, audience_id: uuid.UUID, *, expected_version: int | None = None) -> list[uuid.UUID]:
        """Deletes the audience; returns the courses (trashed ones too) that referenced it.

        Those courses are detached here, with their version bumped, rather than by the
        foreign key's ``set null``, so their etags change with their content."""
        locked = self._session.execute(
            select(target_audiences.c.version).where(target_audiences.c.id == audience_id).with_for_update()
        ).first()
        if locked is None:
            raise NotFound("target audience not found", field="target_audience_id")
        if expected_version is not None and locked.version != expected_version:
            raise Conflict("the target audience was changed by someone else; reload and retry")
        detached = list(self._session.execute(
            update(courses)
            .where(courses.c.target_audience_id == audience_id)
            .values(target_audience_id=None, version=courses.c.version + 1)
            .returning(courses.c.id)
        ).scalars())
        self._session.execute(delete(target_audiences).where(target_audiences.c.id == audience_id))
        return detached

    def list(self, *, where: AudienceFilter = AudienceFilter(), page_size: int = 0,
             page_token: str = "") -> Page[TargetAudience]:
        """By name, then id; target_audiences_tenant_name_idx."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=target_audiences.c.name)
        stmt = _filtered(select(target_audiences, _COURSE_COUNT), where)
        condition = after(cursor, column=target_audiences.c.name, id_column=target_audiences.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(target_audiences.c.name, target_audiences.c.id, descending=False)).limit(size + 1)
        rows = [_record(r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda a: (a.name, a.id))

    def count(self, *, where: AudienceFilter = AudienceFilter()) -> int:
        return int(self._session.execute(_filtered(select(func.count()).select_from(target_audiences), where)).scalar_one())

    def _course_count(self, audience_id: uuid.UUID) -> int:
        stmt = select(func.count()).where(courses.c.target_audience_id == audience_id, courses.c.deleted_at.is_(None))
        return int(self._session.execute(stmt).scalar_one())
