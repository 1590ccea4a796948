"""In-app notifications. Each belongs to one user of the tenant: every read and
write here names the recipient, so a caller only ever touches their own."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import notifications
from common.errors import NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record


@dataclass(frozen=True)
class Notification:
    id: uuid.UUID
    tenant_id: uuid.UUID
    user_id: uuid.UUID
    type: str
    title: str
    message: str
    resource_type: str | None
    resource_id: uuid.UUID | None
    resource_course_id: uuid.UUID | None
    link: str
    actor_id: uuid.UUID | None
    read_at: datetime | None
    email_sent_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class NewNotification:
    user_id: uuid.UUID
    type: str
    title: str
    message: str
    link: str = ""
    resource_type: str | None = None
    resource_id: uuid.UUID | None = None
    resource_course_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = None


class Notifications(TenantRepository):
    def add(self, new: NewNotification) -> Notification:
        try:
            # A savepoint, so a refused row leaves the caller's transaction usable.
            with self._session.begin_nested():
                row = self._session.execute(
                    insert(notifications)
                    .values(tenant_id=self.tenant_id, user_id=new.user_id, type=new.type, title=new.title,
                            message=new.message, link=new.link, resource_type=new.resource_type,
                            resource_id=new.resource_id, resource_course_id=new.resource_course_id,
                            actor_id=new.actor_id,
                            # Not now(): notifications of one transaction keep the order they were made in.
                            created_at=func.clock_timestamp())
                    .returning(*notifications.c)
                ).one()
        except IntegrityError:
            # The foreign keys: a recipient or actor that is not a user of this tenant.
            raise NotFound("recipient or actor is not a user of this tenant", field="user_id") from None
        return to_record(Notification, row)

    def list_for(self, user_id: uuid.UUID, *, unread_only: bool = False, types: Collection[str] = (),
                 page_size: int = 0, page_token: str = "") -> Page[Notification]:
        """Newest first; notifications_tenant_user_idx, or the unread partial index."""
        size = clamp_page_size(page_size)
        sort = "unread" if unread_only else "created"
        cursor = decode_token(page_token, sort=sort, column=notifications.c.created_at)
        stmt = select(notifications).where(notifications.c.user_id == user_id)
        if unread_only:
            stmt = stmt.where(notifications.c.read_at.is_(None))
        if types:
            stmt = stmt.where(notifications.c.type.in_(sorted(set(types))))
        condition = after(cursor, column=notifications.c.created_at, id_column=notifications.c.id, descending=True)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(notifications.c.created_at, notifications.c.id, descending=True)).limit(size + 1)
        rows = [to_record(Notification, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort=sort, key=lambda n: (n.created_at, n.id))

    def unread_count(self, user_id: uuid.UUID) -> int:
        stmt = select(func.count()).where(notifications.c.user_id == user_id, notifications.c.read_at.is_(None))
        return int(self._session.execute(stmt).scalar_one())

    def mark_read(self, user_id: uuid.UUID, ids: Collection[uuid.UUID]) -> int:
        """Marks the user's notifications ``ids`` read; the number that were unread.

        All or nothing: an id that is not one of the user's notifications (unknown,
        another user's, another tenant's — they look the same) is ``NotFound`` and
        nothing is marked."""
        wanted = set(ids)
        owned = set(self._session.execute(
            select(notifications.c.id)
            .where(notifications.c.user_id == user_id, notifications.c.id.in_(wanted))
            .with_for_update()
        ).scalars())
        missing = wanted - owned
        if missing:
            raise NotFound(f"notification {min(missing)} not found", field="notification_ids")
        result = self._session.execute(
            update(notifications)
            .where(notifications.c.user_id == user_id, notifications.c.id.in_(wanted), notifications.c.read_at.is_(None))
            .values(read_at=func.now())
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    def mark_all_read(self, user_id: uuid.UUID, *, created_before: datetime | None = None) -> int:
        stmt = update(notifications).where(notifications.c.user_id == user_id, notifications.c.read_at.is_(None))
        if created_before is not None:
            stmt = stmt.where(notifications.c.created_at < created_before)
        return int(self._session.execute(stmt.values(read_at=func.now())).rowcount)  # type: ignore[attr-defined]
