"""Course outlines with their sections and lessons, and the inputs they were drafted from.

The outline row carries a ``version`` for If-Match; a structure edit replaces
every section and lesson row of the outline in the caller's transaction (the
position constraints are deferred, so a rewrite may pass through duplicates).
"""

from __future__ import annotations

import builtins
import uuid
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import course_generation_inputs, course_outlines, outline_lessons, outline_sections
from common.errors import Conflict, InvalidArgument, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord, to_record


@dataclass(frozen=True)
class Outline(VersionedRecord):
    id: uuid.UUID
    tenant_id: uuid.UUID
    course_id: uuid.UUID | None
    job_id: uuid.UUID | None
    title: str
    description: str
    status: str
    estimated_duration_minutes: int
    revision: int
    rejection_reason: str | None
    created_by: uuid.UUID | None
    approved_by: uuid.UUID | None
    approved_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class GenerationInputs:
    outline_id: uuid.UUID
    course_id: uuid.UUID | None
    title: str
    learning_goals: list[str]
    target_audience_id: uuid.UUID | None
    sme_ids: list[uuid.UUID]
    additional_context: str
    desired_lesson_count: int
    desired_duration_minutes: int
    language: str
    folder_id: uuid.UUID | None
    created_by: uuid.UUID | None


@dataclass(frozen=True)
class PlannedLesson:
    id: uuid.UUID
    section_id: uuid.UUID
    title: str
    description: str
    position: int
    estimated_minutes: int
    objectives: list[dict[str, Any]]
    key_topics: list[str]
    suggested_components: list[str]
    source_chunk_ids: list[uuid.UUID]


@dataclass(frozen=True)
class Section:
    id: uuid.UUID
    title: str
    description: str
    position: int
    lessons: list[PlannedLesson] = field(default_factory=list)


@dataclass(frozen=True)
class OutlineFilter:
    statuses: list[str] = field(default_factory=list)
    created_by: uuid.UUID | None = None


_OUTLINE_COLUMNS = [course_outlines.c[f.name] for f in fields(Outline)]
_INPUT_COLUMNS = [course_generation_inputs.c[f.name] for f in fields(GenerationInputs)]
_LESSON_COLUMNS = [outline_lessons.c[f.name] for f in fields(PlannedLesson)]
_SORT = "created"


class Outlines(TenantRepository):
    def add(self, *, created_by: uuid.UUID, title: str, course_id: uuid.UUID | None) -> Outline:
        row = self._session.execute(
            insert(course_outlines).values(tenant_id=self.tenant_id, created_by=created_by, title=title, course_id=course_id)
            .returning(*_OUTLINE_COLUMNS)
        ).one()
        return to_record(Outline, row)

    def add_inputs(self, inputs: GenerationInputs) -> None:
        values = {f.name: getattr(inputs, f.name) for f in fields(GenerationInputs)}
        self._session.execute(insert(course_generation_inputs).values(**values, tenant_id=self.tenant_id))

    def inputs(self, outline_id: uuid.UUID) -> GenerationInputs:
        row = self._session.execute(
            select(*_INPUT_COLUMNS).where(course_generation_inputs.c.outline_id == outline_id)
        ).first()
        if row is None:
            raise NotFound("outline not found", field="outline_id")
        return to_record(GenerationInputs, row)

    def update_inputs(self, outline_id: uuid.UUID, values: dict[str, Any]) -> None:
        self._session.execute(
            update(course_generation_inputs).where(course_generation_inputs.c.outline_id == outline_id).values(**values))

    def get(self, outline_id: uuid.UUID, *, for_update: bool = False) -> Outline:
        stmt = select(*_OUTLINE_COLUMNS).where(course_outlines.c.id == outline_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self._session.execute(stmt).first()
        if row is None:
            raise NotFound("outline not found", field="outline_id")
        return to_record(Outline, row)

    def list(self, where: OutlineFilter, *, page_size: int, page_token: str) -> Page[Outline]:
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort=_SORT, column=course_outlines.c.created_at)
        conditions: list[ColumnElement[bool]] = []
        if where.statuses:
            conditions.append(course_outlines.c.status.in_(where.statuses))
        if where.created_by is not None:
            conditions.append(course_outlines.c.created_by == where.created_by)
        position = after(cursor, column=course_outlines.c.created_at, id_column=course_outlines.c.id, descending=True)
        if position is not None:
            conditions.append(position)
        stmt = (select(*_OUTLINE_COLUMNS).where(*conditions)
                .order_by(*order_by(course_outlines.c.created_at, course_outlines.c.id, descending=True)).limit(size + 1))
        rows = [to_record(Outline, row) for row in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=_SORT, key=lambda outline: (outline.created_at, outline.id))

    def update(self, outline_id: uuid.UUID, values: dict[str, Any], *, expected_version: int | None = None,
               only_status: tuple[str, ...] = ()) -> Outline:
        """Writes ``values`` and bumps the version. A row at another version (``expected_version``)
        or in another status (``only_status``) is ``Conflict``: someone changed it meanwhile."""
        stmt = update(course_outlines).where(course_outlines.c.id == outline_id)
        if expected_version is not None:
            stmt = stmt.where(course_outlines.c.version == expected_version)
        if only_status:
            stmt = stmt.where(course_outlines.c.status.in_(only_status))
        row = self._session.execute(
            stmt.values(**values, version=course_outlines.c.version + 1).returning(*_OUTLINE_COLUMNS)
        ).first()
        if row is None:
            self.get(outline_id)  # not_found first
            raise Conflict("the outline was changed meanwhile; reload it and try again")
        return to_record(Outline, row)

    def sections(self, outline_id: uuid.UUID) -> builtins.list[Section]:
        section_rows = self._session.execute(
            select(outline_sections.c.id, outline_sections.c.title, outline_sections.c.description, outline_sections.c.position)
            .where(outline_sections.c.outline_id == outline_id).order_by(outline_sections.c.position)
        ).all()
        lessons: dict[uuid.UUID, list[PlannedLesson]] = defaultdict(list)
        for row in self._session.execute(
            select(*_LESSON_COLUMNS).where(outline_lessons.c.outline_id == outline_id)
            .order_by(outline_lessons.c.section_id, outline_lessons.c.position)
        ):
            lesson = to_record(PlannedLesson, row)
            lessons[lesson.section_id].append(lesson)
        return [Section(id=r.id, title=r.title, description=r.description, position=r.position, lessons=lessons[r.id])
                for r in section_rows]

    def replace_sections(self, outline_id: uuid.UUID, sections: builtins.list[Section]) -> None:
        """Makes the outline's sections and lessons exactly these (ids as given, positions from order)."""
        self._session.execute(delete(outline_sections).where(outline_sections.c.outline_id == outline_id))
        section_rows = [
            {"id": s.id, "tenant_id": self.tenant_id, "outline_id": outline_id, "title": s.title,
             "description": s.description, "position": i}
            for i, s in enumerate(sections)
        ]
        lesson_rows = [
            {"id": lesson.id, "tenant_id": self.tenant_id, "outline_id": outline_id, "section_id": s.id,
             "title": lesson.title, "description": lesson.description, "position": j,
             "estimated_minutes": lesson.estimated_minutes, "objectives": lesson.objectives,
             "key_topics": lesson.key_topics, "suggested_components": lesson.suggested_components,
             "source_chunk_ids": lesson.source_chunk_ids}
            for s in sections for j, lesson in enumerate(s.lessons)
        ]
        try:
            with self._session.begin_nested():
                if section_rows:
                    self._session.execute(insert(outline_sections), section_rows)
                if lesson_rows:
                    self._session.execute(insert(outline_lessons), lesson_rows)
        except IntegrityError:
            # Ids are the caller's to keep; one taken by another outline's row is refused, not a 500.
            raise InvalidArgument("an id in sections belongs to another outline; leave it empty for a new one",
                                  field="sections") from None

    def lesson(self, lesson_id: uuid.UUID) -> PlannedLesson:
        row = self._session.execute(select(*_LESSON_COLUMNS).where(outline_lessons.c.id == lesson_id)).first()
        if row is None:
            raise NotFound("outline lesson not found", field="lesson_id")
        return to_record(PlannedLesson, row)

    def section(self, section_id: uuid.UUID) -> Section:
        row = self._session.execute(
            select(outline_sections.c.id, outline_sections.c.title, outline_sections.c.description,
                   outline_sections.c.position).where(outline_sections.c.id == section_id)
        ).first()
        if row is None:
            raise NotFound("outline section not found", field="section_id")
        return Section(id=row.id, title=row.title, description=row.description, position=row.position)
