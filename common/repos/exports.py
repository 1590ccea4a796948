"""Course exports (scorm_packages): what was asked, its lease, and the file it shipped.

The export job claims a row in a tenant session named by its event: RLS hides any
other tenant's row, so a forged event claims nothing. Finishing is compare-and-set
on ``worker``: a run whose lease was taken over writes nothing. Listing joins the
course's folder so that exports of courses in team libraries the caller cannot see
are never loaded.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, literal, or_, select, text, update

from common.db.tables import courses, folders, scorm_packages
from common.errors import NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record

REUSABLE = ("queued", "running", "succeeded")


@dataclass(frozen=True)
class Export:
    id: uuid.UUID
    tenant_id: uuid.UUID
    course_id: uuid.UUID
    format: str
    status: str
    course_version: int
    course_title: str
    options: dict[str, Any]
    options_key: str
    file_name: str | None
    object_key: str | None
    size_bytes: int | None
    checksum_sha256: str | None
    validation: list[str]
    error_message: str | None
    requested_by: uuid.UUID | None
    attempt: int
    worker: str | None
    lease_expires_at: datetime | None
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    file_expires_at: datetime | None


@dataclass(frozen=True)
class ExportFilter:
    # None: every team library (owners/admins); else the company library plus these teams'.
    visible_teams: Sequence[uuid.UUID] | None = None
    course_id: uuid.UUID | None = None
    format: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class StalledExport:
    export_id: uuid.UUID
    tenant_id: uuid.UUID


_COLUMNS = [scorm_packages.c[f.name] for f in fields(Export)]
_STALLED = text("select export_id, tenant_id from mirai_stalled_exports(:limit, :age)")
_SORT = "created"


def _export(row: Any) -> Export:
    return to_record(Export, row)


def _seconds(seconds: int) -> Any:
    return func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(seconds))


class Exports(TenantRepository):
    def add(self, *, course_id: uuid.UUID, format: str, course_version: int, course_title: str, options: dict[str, Any],
            options_key: str, file_name: str, requested_by: uuid.UUID | None) -> Export:
        row = self._session.execute(
            insert(scorm_packages).values(
                tenant_id=self.tenant_id, course_id=course_id, format=format, course_version=course_version,
                course_title=course_title, options=options, options_key=options_key, file_name=file_name,
                requested_by=requested_by,
            ).returning(*_COLUMNS)
        ).one()
        return _export(row)

    def get(self, export_id: uuid.UUID) -> Export:
        row = self._session.execute(select(*_COLUMNS).where(scorm_packages.c.id == export_id)).first()
        if row is None:
            raise NotFound("export not found", field="export_id")
        return _export(row)

    def lock_request(self, options_key: str) -> None:
        """Serializes requests for the same export until the transaction ends, so two at
        once record one export (the second finds the first's row)."""
        self._session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(options_key, 0))))

    def reusable(self, course_id: uuid.UUID, options_key: str) -> Export | None:
        """The newest export of the same course version, format and options that is queued,
        running, or succeeded with its file not yet expired."""
        c = scorm_packages.c
        row = self._session.execute(
            select(*_COLUMNS).where(
                c.course_id == course_id, c.options_key == options_key, c.status.in_(REUSABLE),
                or_(c.status != "succeeded", c.file_expires_at.is_(None), c.file_expires_at > func.now()),
            ).order_by(c.created_at.desc()).limit(1)
        ).first()
        return _export(row) if row else None

    def list(self, where: ExportFilter, *, page_size: int, page_token: str) -> Page[Export]:
        size = clamp_page_size(page_size)
        c = scorm_packages.c
        cursor = decode_token(page_token, sort=_SORT, column=c.created_at)
        source = scorm_packages.join(courses, and_(courses.c.tenant_id == c.tenant_id, courses.c.id == c.course_id)) \
            .outerjoin(folders, and_(folders.c.tenant_id == courses.c.tenant_id, folders.c.id == courses.c.folder_id))
        conditions: list[ColumnElement[bool]] = []
        if where.visible_teams is not None:
            conditions.append(or_(folders.c.team_id.is_(None), folders.c.team_id.in_(list(where.visible_teams))))
        for column, value in ((c.course_id, where.course_id), (c.format, where.format), (c.status, where.status)):
            if value is not None:
                conditions.append(column == value)
        position = after(cursor, column=c.created_at, id_column=c.id, descending=True)
        if position is not None:
            conditions.append(position)
        stmt = (select(*_COLUMNS).select_from(source).where(*conditions)
                .order_by(*order_by(c.created_at, c.id, descending=True)).limit(size + 1))
        rows = [_export(row) for row in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=_SORT, key=lambda export: (export.created_at, export.id))

    def claim(self, export_id: uuid.UUID, *, lease_seconds: int, worker: str) -> Export | None:
        """The export, now running under ``worker``'s lease; None when it has finished or a live
        lease holds it (a concurrent claimer waits for the row lock, then finds it held)."""
        c = scorm_packages.c
        row = self._session.execute(
            update(scorm_packages)
            .where(c.id == export_id, or_(c.status == "queued", and_(c.status == "running", c.lease_expires_at < func.now())))
            .values(status="running", worker=worker, attempt=c.attempt + 1, lease_expires_at=_seconds(lease_seconds),
                    started_at=func.coalesce(c.started_at, func.now()))
            .returning(*_COLUMNS)
        ).first()
        return _export(row) if row else None

    def finish(self, export_id: uuid.UUID, *, worker: str, values: dict[str, Any]) -> Export | None:
        """Ends the run ``worker`` holds (None when it no longer holds it: nothing is written)."""
        c = scorm_packages.c
        row = self._session.execute(
            update(scorm_packages).where(c.id == export_id, c.status == "running", c.worker == worker)
            .values(**values, completed_at=func.now(), lease_expires_at=None).returning(*_COLUMNS)
        ).first()
        return _export(row) if row else None

    def release(self, export_id: uuid.UUID, *, worker: str) -> None:
        """Gives a run's export back to the queue (its next delivery claims it at once)."""
        c = scorm_packages.c
        self._session.execute(
            update(scorm_packages).where(c.id == export_id, c.status == "running", c.worker == worker)
            .values(status="queued", worker=None, lease_expires_at=None))

    def take_stalled(self, export_id: uuid.UUID, *, hold_seconds: int) -> Export | None:
        """An export whose run died or whose event never came, not to be re-published again for
        ``hold_seconds`` (compare-and-set: of two sweeps, one wins). A running one goes back to queued."""
        c = scorm_packages.c
        row = self._session.execute(
            update(scorm_packages)
            .where(c.id == export_id, c.status.in_(("queued", "running")),
                   or_(c.lease_expires_at.is_(None), c.lease_expires_at < func.now()))
            .values(status="queued", worker=None, lease_expires_at=_seconds(hold_seconds))
            .returning(*_COLUMNS)
        ).first()
        return _export(row) if row else None

    # --- system path (any session) ---------------------------------------------------
    def stalled(self, *, limit: int, older_than_seconds: int) -> builtins.list[StalledExport]:
        rows = self._session.execute(_STALLED, {"limit": limit, "age": older_than_seconds})
        return [StalledExport(export_id=r.export_id, tenant_id=r.tenant_id) for r in rows]
