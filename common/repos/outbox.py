"""The event outbox: rows written in the same transaction as the change that
causes them (``Outbox``), and the relay's side of the table (``OutboxStore``),
which crosses tenants only through the ``mirai_outbox_*`` system functions."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from common.db.database import Database
from common.repos.base import TenantRepository
from events.catalogue import validate_data
from events.ports import OutboxRow

_INSERT = text(
    "insert into outbox (id, tenant_id, type, source, subject, data, available_at)"
    " values (:id, :tenant_id, :type, :source, :subject, cast(:data as jsonb), now() + make_interval(secs => :delay))"
)


class Outbox(TenantRepository):
    """Adds events of the session's tenant. Tenant sessions may insert but never
    read the table back (RLS + grants), so the id is made here, not RETURNed."""

    def add(self, *, type: str, source: str, data: dict[str, Any], subject: str | None = None,
            delay_seconds: int = 0) -> uuid.UUID:
        """``delay_seconds``: the relay publishes the row no earlier (a consumer's own retry later)."""
        # A row the relay could never publish is a bug of the caller: refuse it now, in its transaction.
        validate_data(type, data)
        event_id = uuid.uuid4()
        self._session.execute(
            _INSERT,
            {"id": event_id, "tenant_id": self.tenant_id, "type": type, "source": source, "subject": subject,
             "data": json.dumps(data), "delay": max(delay_seconds, 0)},
        )
        return event_id


class SystemOutbox:
    """Adds events that belong to no tenant yet (e.g. a paid registration) through
    ``mirai_outbox_enqueue_system``, in the caller's (system) transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, type: str, source: str, data: dict[str, Any], subject: str | None = None) -> uuid.UUID:
        validate_data(type, data)
        event_id: uuid.UUID = self._session.execute(
            text("select mirai_outbox_enqueue_system(:type, :source, :subject, cast(:data as jsonb))"),
            {"type": type, "source": source, "subject": subject, "data": json.dumps(data)},
        ).scalar_one()
        return event_id


def _row(mapping: Any) -> OutboxRow:
    return OutboxRow(
        id=mapping["id"], type=mapping["type"], source=mapping["source"], data=mapping["data"],
        created_at=mapping["created_at"], tenant_id=mapping["tenant_id"], subject=mapping["subject"],
        attempts=mapping["attempts"],
    )


class OutboxStore:
    """The relay's port (``events.ports.OutboxStore``); each call is its own short transaction,
    so a lease is committed before anything is published."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def claim(self, *, limit: int, lease_seconds: int) -> Sequence[OutboxRow]:
        with self._db.system_session() as uow:
            rows = uow.session.execute(
                text("select * from mirai_outbox_claim(:limit, :lease)"), {"limit": limit, "lease": lease_seconds}
            ).mappings().all()
            return [_row(r) for r in rows]

    def mark_published(self, ids: Sequence[uuid.UUID]) -> int:
        with self._db.system_session() as uow:
            return int(uow.session.execute(
                text("select mirai_outbox_mark_published(:ids)"), {"ids": list(ids)}
            ).scalar_one())

    def mark_failed(self, row_id: uuid.UUID, *, error: str, retry_in_seconds: int) -> None:
        with self._db.system_session() as uow:
            uow.session.execute(
                text("select mirai_outbox_mark_failed(:id, :error, :retry)"),
                {"id": row_id, "error": error[:2000], "retry": retry_in_seconds},
            )


class ProcessedEvents:
    """Consumer idempotency marks (``events.ports.ProcessedEvents``), in the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def mark_processed(self, *, consumer: str, source: str, event_id: str) -> bool:
        inserted = self._session.execute(
            text(
                "insert into processed_events (consumer, source, event_id) values (:consumer, :source, :event_id)"
                " on conflict do nothing returning 1"
            ),
            {"consumer": consumer, "source": source, "event_id": event_id},
        ).first()
        return inserted is not None


class DeadLetterStore:
    """``events.ports.DeadLetters`` through ``mirai_record_dead_letter``: the app role cannot read them back."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, *, consumer: str, source: str, event_id: str, type: str, data: Any, error: str) -> uuid.UUID:
        with self._db.system_session() as uow:
            dead_letter_id: uuid.UUID = uow.session.execute(
                text("select mirai_record_dead_letter(:consumer, :source, :event_id, :type, cast(:data as jsonb), :error)"),
                {"consumer": consumer, "source": source, "event_id": event_id, "type": type,
                 "data": json.dumps(data) if data is not None else None, "error": error[:4000]},
            ).scalar_one()
            return dead_letter_id


class RegistrationCleanup:
    """``events.ports.ExpiredRegistrations``: deletes only pending registrations past their expiry."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def delete_expired(self) -> int:
        with self._db.system_session() as uow:
            return uow.registrations.cleanup_expired()
