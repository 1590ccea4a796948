"""Content-gathering tasks: an SME's documents delegated to a colleague."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import sme_task_submissions, sme_tasks
from common.errors import NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord

_FIELDS = frozenset({"title", "instructions", "due_at", "assignee_id"})
ACTIVE = ("open", "submitted")


@dataclass(frozen=True)
class SmeTask(VersionedRecord):
    id: uuid.UUID
    tenant_id: uuid.UUID
    sme_id: uuid.UUID
    title: str
    instructions: str
    assignee_id: uuid.UUID
    created_by: uuid.UUID | None
    status: str
    due_at: datetime | None
    completion_note: str
    cancel_reason: str
    version: int
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    cancelled_at: datetime | None
    submission_count: int = 0


@dataclass(frozen=True)
class TaskFilter:
    """ListTasks' filters. ``involving`` limits to tasks assigned to or created by that user."""

    involving: uuid.UUID | None = None
    sme_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    statuses: Sequence[str] = ()


_COLUMNS = tuple(f.name for f in fields(SmeTask) if f.name != "submission_count")
_SUBMISSIONS = (select(func.count()).where(sme_task_submissions.c.task_id == sme_tasks.c.id)
                .scalar_subquery().label("submission_count"))


def _record(row: Any) -> SmeTask:
    m = row._mapping
    return SmeTask(**{name: m[name] for name in _COLUMNS}, submission_count=int(m["submission_count"]))


def _filtered(stmt: Select[Any], where: TaskFilter) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if where.involving is not None:
        conditions.append(or_(sme_tasks.c.assignee_id == where.involving, sme_tasks.c.created_by == where.involving))
    if where.sme_id is not None:
        conditions.append(sme_tasks.c.sme_id == where.sme_id)
    if where.assignee_id is not None:
        conditions.append(sme_tasks.c.assignee_id == where.assignee_id)
    if where.statuses:
        conditions.append(sme_tasks.c.status.in_(list(where.statuses)))
    return stmt.where(*conditions)


class SmeTasks(TenantRepository):
    def add(self, *, sme_id: uuid.UUID, values: dict[str, Any], created_by: uuid.UUID | None) -> SmeTask:
        unknown = set(values) - _FIELDS
        if unknown:
            raise ValueError(f"not task fields: {sorted(unknown)}")
        try:
            with self._session.begin_nested():
                task_id = self._session.execute(
                    insert(sme_tasks).values(**values, sme_id=sme_id, tenant_id=self.tenant_id, created_by=created_by)
                    .returning(sme_tasks.c.id)
                ).scalar_one()
        except IntegrityError:
            # The foreign keys name an SME or assignee this tenant does not have.
            raise NotFound("user not found", field="assignee_user_id") from None
        return self.get(task_id)

    def get(self, task_id: uuid.UUID) -> SmeTask:
        row = self._session.execute(select(sme_tasks, _SUBMISSIONS).where(sme_tasks.c.id == task_id)).first()
        if row is None:
            raise NotFound("task not found", field="task_id")
        return _record(row)

    def change(self, task_id: uuid.UUID, values: dict[str, Any], *, from_statuses: Sequence[str],
               expected_version: int | None = None) -> SmeTask | None:
        """Sets ``values`` if the task is still in one of ``from_statuses`` (and at the version);
        None when it is not (the caller re-reads to say why)."""
        stmt = update(sme_tasks).where(sme_tasks.c.id == task_id, sme_tasks.c.status.in_(list(from_statuses)))
        if expected_version is not None:
            stmt = stmt.where(sme_tasks.c.version == expected_version)
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    stmt.values(**values, version=sme_tasks.c.version + 1).returning(sme_tasks.c.id)).first()
        except IntegrityError:
            raise NotFound("user not found", field="assignee_user_id") from None
        return None if row is None else self.get(task_id)

    def complete(self, task_id: uuid.UUID, *, note: str) -> SmeTask | None:
        return self.change(task_id, {"status": "completed", "completed_at": func.now(), "completion_note": note},
                           from_statuses=ACTIVE)

    def cancel(self, task_id: uuid.UUID, *, reason: str) -> SmeTask | None:
        return self.change(task_id, {"status": "cancelled", "cancelled_at": func.now(), "cancel_reason": reason},
                           from_statuses=ACTIVE)

    def claim_reminder(self, task_id: uuid.UUID) -> SmeTask | None:
        """Marks the due-date reminder sent, once: None when it was sent already or the task closed."""
        row = self._session.execute(
            update(sme_tasks)
            .where(sme_tasks.c.id == task_id, sme_tasks.c.status == "open", sme_tasks.c.due_reminder_sent_at.is_(None))
            .values(due_reminder_sent_at=func.now()).returning(sme_tasks.c.id)
        ).first()
        return None if row is None else self.get(task_id)

    def due_soon(self, *, within_seconds: int, limit: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(task, tenant) of open tasks due within ``within_seconds`` whose reminder is unsent,
        across tenants (mirai_sme_tasks_due_soon, SECURITY DEFINER; any session)."""
        rows = self._session.execute(text("select task_id, tenant_id from mirai_sme_tasks_due_soon(:w, :l)"),
                                     {"w": within_seconds, "l": limit})
        return [(row.task_id, row.tenant_id) for row in rows]

    def mark_submitted(self, task_id: uuid.UUID) -> None:
        """An open task with its first upload becomes submitted (sme.proto SmeTaskStatus)."""
        self._session.execute(update(sme_tasks).where(sme_tasks.c.id == task_id, sme_tasks.c.status == "open")
                              .values(status="submitted", version=sme_tasks.c.version + 1))

    def count(self, *, where: TaskFilter = TaskFilter()) -> int:
        return int(self._session.execute(_filtered(select(func.count()).select_from(sme_tasks), where)).scalar_one())

    def list(self, *, where: TaskFilter = TaskFilter(), page_size: int = 0, page_token: str = "") -> Page[SmeTask]:
        """Newest first (the tenant-led created_at indexes)."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="created", column=sme_tasks.c.created_at)
        stmt = _filtered(select(sme_tasks, _SUBMISSIONS), where)
        condition = after(cursor, column=sme_tasks.c.created_at, id_column=sme_tasks.c.id, descending=True)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(sme_tasks.c.created_at, sme_tasks.c.id, descending=True)).limit(size + 1)
        rows = [_record(r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="created", key=lambda t: (t.created_at, t.id))



