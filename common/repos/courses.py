"""Course metadata rows (bodies live in object storage).

``team_id`` is the course's library: a course in a team's library is visible only
to that team (plus owners/admins), and the filters of ``CourseFilter`` express
that as SQL, so listing never loads invisible rows. The database keeps it equal to
the folder's team (triggers of migration 0017); only a course in no folder has a
team of its own choosing (the root of that library).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, func, insert, literal, or_, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import courses, generation_jobs
from common.errors import Conflict, InvalidArgument, NotFound
from common.repos.base import TenantRepository
from common.repos.like import escape_like
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord

CourseSort = Literal["updated_at", "created_at", "title"]
TagCounts = list[tuple[str, int]]  # an alias: inside Courses, ``list`` is the method

_EDITABLE = frozenset({
    "title", "description", "status", "tags", "folder_id", "target_audience_id", "language", "outline_id",
    "generation_job_id", "content_version", "content_etag", "module_count", "lesson_count",
    "estimated_duration_minutes", "updated_by", "published_at", "team_id",
})


@dataclass(frozen=True)
class Course(VersionedRecord):
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
    # The course's library: its folder's team (None: the company library); in no folder, that library's root.
    team_id: uuid.UUID | None = None


@dataclass(frozen=True)
class CourseFilter:
    """Which courses a query sees. ``visible_teams`` None means every team library
    (owners/admins); otherwise only the company library plus these teams'."""

    visible_teams: Sequence[uuid.UUID] | None = None
    folder_ids: Sequence[uuid.UUID] | None = None
    in_root: bool = False
    team_id: uuid.UUID | None = None
    statuses: Sequence[str] = ()
    tag: str | None = None
    query: str | None = None
    deleted: Literal["live", "trash", "any"] = "live"
    target_audience_id: uuid.UUID | None = None
    created_by: uuid.UUID | None = None


_COURSE_FIELDS = [f.name for f in fields(Course)]


def _course(row: Any) -> Course:
    mapping = row._mapping
    return Course(**{name: mapping[name] for name in _COURSE_FIELDS})


def _conditions(flt: CourseFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.visible_teams is not None:
        # A plain per-row filter on courses keeps the (tenant_id, <sort>) index order usable.
        company = courses.c.team_id.is_(None)
        where.append(or_(company, courses.c.team_id.in_(list(flt.visible_teams))) if flt.visible_teams else company)
    if flt.deleted == "live":
        where.append(courses.c.deleted_at.is_(None))
    elif flt.deleted == "trash":
        where.append(courses.c.deleted_at.is_not(None))
    if flt.folder_ids is not None:
        where.append(courses.c.folder_id.in_(list(flt.folder_ids)))
    elif flt.in_root:
        where.append(courses.c.folder_id.is_(None))
    if flt.team_id is not None:
        where.append(courses.c.team_id == flt.team_id)
    if flt.statuses:
        where.append(courses.c.status.in_(list(flt.statuses)))
    if flt.tag is not None:
        where.append(courses.c.tags.contains([flt.tag]))
    if flt.query is not None:
        pattern = f"%{escape_like(flt.query)}%"
        where.append(or_(courses.c.title.ilike(pattern, escape="\\"), courses.c.description.ilike(pattern, escape="\\")))
    if flt.target_audience_id is not None:
        where.append(courses.c.target_audience_id == flt.target_audience_id)
    if flt.created_by is not None:
        where.append(courses.c.created_by == flt.created_by)
    return where


class Courses(TenantRepository):
    def add(self, *, title: str, created_by: uuid.UUID | None, description: str = "", folder_id: uuid.UUID | None = None,
            target_audience_id: uuid.UUID | None = None, tags: list[str] | None = None, language: str = "en",
            course_id: uuid.UUID | None = None, content: dict[str, Any] | None = None,
            team_id: uuid.UUID | None = None) -> Course:
        """``content``: the first body's ``content_version``, ``content_etag`` and counts.
        ``team_id``: the library root a course in no folder goes to (a folder decides it otherwise)."""
        values: dict[str, Any] = {
            "tenant_id": self.tenant_id, "title": title, "description": description, "folder_id": folder_id,
            "target_audience_id": target_audience_id, "tags": tags or [], "language": language,
            "created_by": created_by, "updated_by": created_by, "team_id": team_id, **(content or {}),
        }
        if course_id is not None:
            values["id"] = course_id
        try:
            with self._session.begin_nested():
                new_id = self._session.execute(insert(courses).values(**values).returning(courses.c.id)).scalar_one()
        except IntegrityError:
            # The only foreign keys a caller controls: a folder or audience this tenant cannot see.
            raise NotFound("folder or target audience not found") from None
        return self.get(new_id)

    def get(self, course_id: uuid.UUID, *, include_deleted: bool = False, for_update: bool = False) -> Course:
        """``for_update`` locks the row until the transaction ends: every writer of a
        course's content takes this lock first, so content edits are serialized."""
        if for_update:
            self._session.execute(select(courses.c.id).where(courses.c.id == course_id).with_for_update())
        stmt = select(courses).where(courses.c.id == course_id)
        if not include_deleted:
            stmt = stmt.where(courses.c.deleted_at.is_(None))
        row = self._session.execute(stmt).first()
        if row is None:
            raise NotFound("course not found")
        return _course(row)

    def update(self, course_id: uuid.UUID, changes: dict[str, Any], *, expected_version: int | None = None) -> Course:
        """Compare-and-set on ``version`` when ``expected_version`` is given (``Conflict`` if it moved)."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        stmt = update(courses).where(courses.c.id == course_id, courses.c.deleted_at.is_(None))
        if expected_version is not None:
            stmt = stmt.where(courses.c.version == expected_version)
        try:
            with self._session.begin_nested():
                found = self._session.execute(
                    stmt.values(**changes, version=courses.c.version + 1).returning(courses.c.id)
                ).first()
        except IntegrityError:
            raise NotFound("folder or target audience not found") from None
        if found is None:
            self.get(course_id)
            raise Conflict("the course was changed by someone else; reload and retry")
        return self.get(course_id)

    def trash(self, course_id: uuid.UUID, *, expected_version: int | None = None) -> Course:
        stmt = update(courses).where(courses.c.id == course_id, courses.c.deleted_at.is_(None))
        if expected_version is not None:
            stmt = stmt.where(courses.c.version == expected_version)
        found = self._session.execute(
            stmt.values(deleted_at=func.now(), version=courses.c.version + 1).returning(courses.c.id)
        ).first()
        if found is None:
            self.get(course_id)
            raise Conflict("the course was changed by someone else; reload and retry")
        return self.get(course_id, include_deleted=True)

    def end_generation(self, course_id: uuid.UUID, job_id: uuid.UUID, *, bump_version: bool = True) -> bool:
        """The lesson job ``job_id`` stopped: ``generation_job_id`` moves to another unfinished
        lesson job of the course (the newest), or is cleared. Only while it names ``job_id``
        (a later job keeps its place); trashed courses too. ``bump_version=False`` when a new
        content version is written in the same transaction (that write moves the etag).
        Answers whether the row changed."""
        j = generation_jobs.c
        still_running = (
            select(j.id)
            .where(j.course_id == course_id, j.type == "lesson_generation", j.status.in_(("queued", "running")),
                   j.id != job_id)
            .order_by(j.created_at.desc(), j.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        values: dict[str, Any] = {"generation_job_id": still_running}
        if bump_version:
            values["version"] = courses.c.version + 1
        found = self._session.execute(
            update(courses).where(courses.c.id == course_id, courses.c.generation_job_id == job_id)
            .values(**values).returning(courses.c.id)
        ).first()
        return found is not None

    def restore(self, course_id: uuid.UUID) -> Course:
        """Back from the trash; a folder deleted meanwhile already left ``folder_id`` null (the root)."""
        found = self._session.execute(
            update(courses)
            .where(courses.c.id == course_id, courses.c.deleted_at.is_not(None))
            .values(deleted_at=None, version=courses.c.version + 1)
            .returning(courses.c.id)
        ).first()
        if found is None:
            raise NotFound("course not found in the trash")
        return self.get(course_id)

    def list(self, flt: CourseFilter | None = None, *, sort: CourseSort = "updated_at", descending: bool = True,
             folder_id: uuid.UUID | None = None, in_root: bool = False, status: str | None = None,
             page_size: int = 0, page_token: str = "") -> Page[Course]:
        """Keyset pages on (sort column, id); each filter/sort pair has a tenant-led index (migration 0002).

        ``folder_id`` / ``in_root`` / ``status`` are shorthands for the same fields of ``flt``."""
        flt = flt or CourseFilter()
        if folder_id is not None:
            flt = replace(flt, folder_ids=[folder_id])
        if in_root:
            flt = replace(flt, in_root=True)
        if status is not None:
            flt = replace(flt, statuses=[status])
        if sort not in ("updated_at", "created_at", "title"):
            raise InvalidArgument("unknown sort field", field="sort_field")
        size = clamp_page_size(page_size)
        column = courses.c[sort]
        token_sort = f"{sort}:{'desc' if descending else 'asc'}"
        cursor = decode_token(page_token, sort=token_sort, column=column)
        stmt = select(courses).where(*_conditions(flt))
        condition = after(cursor, column=column, id_column=courses.c.id, descending=descending)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(column, courses.c.id, descending=descending)).limit(size + 1)
        rows = [_course(r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=token_sort, key=lambda c: (getattr(c, sort), c.id))

    def count(self, flt: CourseFilter) -> int:
        stmt = select(func.count()).select_from(courses).where(*_conditions(flt))
        return int(self._session.execute(stmt).scalar_one())

    def count_by_folder(self, flt: CourseFilter) -> dict[uuid.UUID | None, int]:
        """Courses per folder id (None: in no folder)."""
        stmt = (select(courses.c.folder_id, func.count()).select_from(courses).where(*_conditions(flt))
                .group_by(courses.c.folder_id))
        return {folder_id: int(n) for folder_id, n in self._session.execute(stmt)}

    def tag_counts(self, flt: CourseFilter, *, prefix: str | None, limit: int) -> TagCounts:
        """Tags of the matching courses, most used first, then alphabetically."""
        tag = func.unnest(courses.c.tags).label("tag")
        inner = select(tag).select_from(courses).where(*_conditions(flt)).subquery()
        stmt = select(inner.c.tag, func.count().label("n")).group_by(inner.c.tag)
        if prefix:
            stmt = stmt.where(inner.c.tag.ilike(f"{escape_like(prefix)}%", escape="\\"))
        stmt = stmt.order_by(func.count().desc(), inner.c.tag).limit(limit)
        return [(str(t), int(n)) for t, n in self._session.execute(stmt)]

    def move_out_of(self, folder_ids: Sequence[uuid.UUID], *, to_folder: uuid.UUID | None) -> int:
        """Moves every course (live or trashed) of these folders; returns how many live ones moved."""
        moved = self._session.execute(
            update(courses).where(courses.c.folder_id.in_(list(folder_ids)))
            .values(folder_id=to_folder, version=courses.c.version + 1)
            .returning(courses.c.deleted_at.is_(None))
        ).scalars().all()
        return sum(1 for live in moved if live)

    def trash_in(self, folder_ids: Sequence[uuid.UUID]) -> int:
        found = self._session.execute(
            update(courses).where(courses.c.folder_id.in_(list(folder_ids)), courses.c.deleted_at.is_(None))
            .values(deleted_at=func.now(), version=courses.c.version + 1)
            .returning(literal(1))
        ).all()
        return len(found)

    def bulk_add(self, rows: Sequence[dict[str, Any]]) -> None:
        """One multi-row INSERT (seeding, imports); each dict holds column values without tenant_id."""
        if rows:
            self._session.execute(insert(courses), [{**r, "tenant_id": self.tenant_id} for r in rows])
