"""The rows that index a course body: modules and lessons (their order, titles,
lesson status) and the content versions pointing at immutable S3 objects.

The body in S3 is the truth for content; these rows are rewritten from it in the
same transaction as each new version, so other areas (AI generation, exports)
can join lessons by id. Positions are unique per parent through deferrable
constraints (migration 0002): a rewrite may pass through duplicates, the commit may not.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from common.db.tables import course_modules, course_versions, lessons
from common.errors import InvalidArgument, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record


@dataclass(frozen=True)
class ModuleRow:
    id: uuid.UUID
    title: str
    description: str
    position: int


@dataclass(frozen=True)
class LessonRow:
    id: uuid.UUID
    module_id: uuid.UUID
    title: str
    description: str
    position: int
    estimated_minutes: int
    objectives: list[dict[str, Any]]
    content_status: str


@dataclass(frozen=True)
class CourseVersion:
    id: uuid.UUID
    tenant_id: uuid.UUID
    course_id: uuid.UUID
    version: int
    source: str
    message: str
    restored_from_version: int | None
    module_count: int
    lesson_count: int
    size_bytes: int
    object_key: str
    etag: str
    created_by: uuid.UUID | None
    created_at: datetime


class CourseStructure(TenantRepository):
    def rows(self, course_id: uuid.UUID) -> tuple[list[ModuleRow], list[LessonRow]]:
        """The course's module and lesson rows in position order: what survives of a body lost in S3."""
        module_rows = self._session.execute(
            select(course_modules.c.id, course_modules.c.title, course_modules.c.description, course_modules.c.position)
            .where(course_modules.c.course_id == course_id).order_by(course_modules.c.position)).all()
        lesson_rows = self._session.execute(
            select(lessons.c.id, lessons.c.module_id, lessons.c.title, lessons.c.description, lessons.c.position,
                   lessons.c.estimated_minutes, lessons.c.objectives, lessons.c.content_status)
            .where(lessons.c.course_id == course_id).order_by(lessons.c.module_id, lessons.c.position)).all()
        return ([ModuleRow(r.id, r.title, r.description, r.position) for r in module_rows],
                [LessonRow(r.id, r.module_id, r.title, r.description, r.position, r.estimated_minutes,
                           list(r.objectives or []), r.content_status) for r in lesson_rows])

    def replace(self, course_id: uuid.UUID, modules: Sequence[ModuleRow], lesson_rows: Sequence[LessonRow]) -> None:
        """Makes the course's module and lesson rows exactly these (ids kept, positions as given)."""
        keep_modules = [m.id for m in modules]
        keep_lessons = [le.id for le in lesson_rows]
        self._session.execute(delete(lessons).where(lessons.c.course_id == course_id, lessons.c.id.not_in(keep_lessons)))
        self._session.execute(
            delete(course_modules).where(course_modules.c.course_id == course_id, course_modules.c.id.not_in(keep_modules)))
        try:
            with self._session.begin_nested():
                if modules:
                    stmt = pg_insert(course_modules).values([
                        {"id": m.id, "tenant_id": self.tenant_id, "course_id": course_id, "title": m.title,
                         "description": m.description, "position": m.position} for m in modules])
                    stmt = stmt.on_conflict_do_update(
                        index_elements=[course_modules.c.id],
                        set_={"title": stmt.excluded.title, "description": stmt.excluded.description,
                              "position": stmt.excluded.position, "version": course_modules.c.version + 1},
                        where=course_modules.c.course_id == stmt.excluded.course_id,
                    )
                    written = self._session.execute(stmt.returning(course_modules.c.id)).all()
                    if len(written) != len(modules):
                        raise InvalidArgument("a module id belongs to another course", field="modules")
                if lesson_rows:
                    lstmt = pg_insert(lessons).values([
                        {"id": le.id, "tenant_id": self.tenant_id, "course_id": course_id, "module_id": le.module_id,
                         "title": le.title, "description": le.description, "position": le.position,
                         "estimated_minutes": le.estimated_minutes, "objectives": json.loads(json.dumps(le.objectives)),
                         "content_status": le.content_status} for le in lesson_rows])
                    lstmt = lstmt.on_conflict_do_update(
                        index_elements=[lessons.c.id],
                        set_={name: lstmt.excluded[name] for name in (
                            "module_id", "title", "description", "position", "estimated_minutes", "objectives",
                            "content_status")} | {"version": lessons.c.version + 1},
                        where=lessons.c.course_id == lstmt.excluded.course_id,
                    )
                    written = self._session.execute(lstmt.returning(lessons.c.id)).all()
                    if len(written) != len(lesson_rows):
                        raise InvalidArgument("a lesson id belongs to another course", field="modules")
        except DBAPIError:
            # An id taken by a row this tenant cannot see (RLS refuses the conflicting update).
            raise InvalidArgument("a module or lesson id is already in use elsewhere", field="modules") from None


class CourseVersions(TenantRepository):
    def add(self, *, course_id: uuid.UUID, version: int, source: str, object_key: str, etag: str, size_bytes: int,
            module_count: int, lesson_count: int, created_by: uuid.UUID | None, message: str = "",
            restored_from_version: int | None = None) -> CourseVersion:
        row = self._session.execute(
            insert(course_versions).values(
                tenant_id=self.tenant_id, course_id=course_id, version=version, source=source, message=message,
                restored_from_version=restored_from_version, module_count=module_count, lesson_count=lesson_count,
                size_bytes=size_bytes, object_key=object_key, etag=etag, created_by=created_by,
            ).returning(*course_versions.c)
        ).one()
        return to_record(CourseVersion, row)

    def get(self, course_id: uuid.UUID, version: int) -> CourseVersion:
        row = self._session.execute(select(course_versions).where(
            course_versions.c.course_id == course_id, course_versions.c.version == version)).first()
        if row is None:
            raise NotFound("version not found")
        return to_record(CourseVersion, row)

    def list(self, course_id: uuid.UUID, *, page_size: int = 0, page_token: str = "") -> Page[CourseVersion]:
        """Newest first; keyset on the version number (unique per course)."""
        size = clamp_page_size(page_size)
        column = course_versions.c.version
        cursor = decode_token(page_token, sort="version", column=column)
        stmt = select(course_versions).where(course_versions.c.course_id == course_id)
        condition = after(cursor, column=column, id_column=course_versions.c.id, descending=True)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(column, course_versions.c.id, descending=True)).limit(size + 1)
        rows = [to_record(CourseVersion, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="version", key=lambda v: (v.version, v.id))
