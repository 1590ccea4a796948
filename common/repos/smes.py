"""Subject-matter experts and the teams granted access to them.

Visibility is part of every read: ``visible_teams`` None means every SME (owners and
admins), otherwise global SMEs plus those granted to one of the listed teams
(sme.proto). An SME outside it reads exactly like one that does not exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from common.db.tables import (
    sme_knowledge_chunks,
    sme_task_submissions,
    sme_tasks,
    sme_team_access,
    subject_matter_experts,
)
from common.errors import Conflict, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord

smes = subject_matter_experts
_FIELDS = frozenset({"name", "description", "domain", "scope"})
INGESTING = ("uploaded", "processing")


@dataclass(frozen=True)
class Sme(VersionedRecord):
    id: uuid.UUID
    tenant_id: uuid.UUID
    name: str
    description: str
    domain: str
    scope: str
    status: str
    knowledge_summary: str
    created_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime
    team_ids: tuple[uuid.UUID, ...] = ()
    chunk_count: int = 0
    submission_count: int = 0
    open_task_count: int = 0


@dataclass(frozen=True)
class SmeFilter:
    """ListSmes' filters; ``query`` is a plain substring of name, domain or description."""

    visible_teams: Sequence[uuid.UUID] | None = None
    query: str = ""
    scope: str | None = None
    team_id: uuid.UUID | None = None  # SMEs this team can use (global ones included)
    status: str | None = None


_COLUMNS = tuple(f.name for f in fields(Sme) if f.name not in {"team_ids", "chunk_count", "submission_count",
                                                                   "open_task_count"})
_TEAMS = (
    select(func.coalesce(func.array_agg(sme_team_access.c.team_id.distinct()), []))
    .where(sme_team_access.c.sme_id == smes.c.id).scalar_subquery().label("team_ids")
)
_CHUNKS = (select(func.count()).where(sme_knowledge_chunks.c.sme_id == smes.c.id)
           .scalar_subquery().label("chunk_count"))
_SUBMISSIONS = (select(func.count()).where(sme_task_submissions.c.sme_id == smes.c.id)
                .scalar_subquery().label("submission_count"))
_OPEN_TASKS = (select(func.count()).where(sme_tasks.c.sme_id == smes.c.id, sme_tasks.c.status.in_(("open", "submitted")))
               .scalar_subquery().label("open_task_count"))


def _record(row: Any) -> Sme:
    m = row._mapping
    return Sme(**{name: m[name] for name in _COLUMNS}, team_ids=tuple(sorted(m["team_ids"] or ())),
               chunk_count=int(m["chunk_count"]), submission_count=int(m["submission_count"]),
               open_task_count=int(m["open_task_count"]))


def _granted_to(teams: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    return exists().where(sme_team_access.c.sme_id == smes.c.id, sme_team_access.c.team_id.in_(list(teams)))


def visible_condition(visible_teams: Sequence[uuid.UUID] | None) -> ColumnElement[bool] | None:
    if visible_teams is None:
        return None
    if not visible_teams:
        return smes.c.scope == "global"
    return or_(smes.c.scope == "global", _granted_to(visible_teams))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(stmt: Select[Any], where: SmeFilter) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    visible = visible_condition(where.visible_teams)
    if visible is not None:
        conditions.append(visible)
    if where.query:
        pattern = f"%{_escape_like(where.query)}%"
        conditions.append(or_(*(c.ilike(pattern, escape="\\") for c in (smes.c.name, smes.c.domain, smes.c.description))))
    if where.scope is not None:
        conditions.append(smes.c.scope == where.scope)
    if where.team_id is not None:
        conditions.append(or_(smes.c.scope == "global", _granted_to([where.team_id])))
    if where.status is not None:
        conditions.append(smes.c.status == where.status)
    return stmt.where(*conditions)


def _full() -> Select[Any]:
    return select(smes, _TEAMS, _CHUNKS, _SUBMISSIONS, _OPEN_TASKS)


class Smes(TenantRepository):
    def add(self, *, values: dict[str, Any], team_ids: Sequence[uuid.UUID], created_by: uuid.UUID | None) -> Sme:
        unknown = set(values) - _FIELDS
        if unknown:
            raise ValueError(f"not SME fields: {sorted(unknown)}")
        sme_id = self._session.execute(
            insert(smes).values(**values, tenant_id=self.tenant_id, created_by=created_by).returning(smes.c.id)
        ).scalar_one()
        self.grant(sme_id, team_ids, granted_by=created_by)
        return self.get(sme_id)

    def get(self, sme_id: uuid.UUID, *, visible_teams: Sequence[uuid.UUID] | None = None) -> Sme:
        stmt = _full().where(smes.c.id == sme_id)
        visible = visible_condition(visible_teams)
        if visible is not None:
            stmt = stmt.where(visible)
        row = self._session.execute(stmt).first()
        if row is None:
            raise NotFound("SME not found", field="sme_id")
        return _record(row)

    def visible_ids(self, sme_ids: Sequence[uuid.UUID] | None, *,
                    visible_teams: Sequence[uuid.UUID] | None) -> list[uuid.UUID]:
        """Those of ``sme_ids`` (None: every SME of the tenant) the caller may use, by id."""
        stmt = select(smes.c.id)
        if sme_ids is not None:
            stmt = stmt.where(smes.c.id.in_(list(sme_ids)))
        visible = visible_condition(visible_teams)
        if visible is not None:
            stmt = stmt.where(visible)
        return list(self._session.execute(stmt.order_by(smes.c.id)).scalars())

    def names(self, sme_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not sme_ids:
            return {}
        rows = self._session.execute(select(smes.c.id, smes.c.name).where(smes.c.id.in_(list(sme_ids))))
        return {row.id: row.name for row in rows}

    def update(self, sme_id: uuid.UUID, changes: dict[str, Any], *, expected_version: int | None = None) -> Sme:
        """With ``expected_version``, a compare-and-set: a row at another version is ``Conflict``."""
        unknown = set(changes) - _FIELDS
        if unknown:
            raise ValueError(f"not SME fields: {sorted(unknown)}")
        self._bump(sme_id, changes, expected_version=expected_version)
        return self.get(sme_id)

    def lock(self, sme_id: uuid.UUID) -> Sme:
        """The row locked for the rest of the transaction (grants and revokes serialize on it)."""
        if self._session.execute(select(smes.c.id).where(smes.c.id == sme_id).with_for_update()).first() is None:
            raise NotFound("SME not found", field="sme_id")
        return self.get(sme_id)

    def _bump(self, sme_id: uuid.UUID, changes: dict[str, Any], *, expected_version: int | None) -> None:
        stmt = update(smes).where(smes.c.id == sme_id)
        if expected_version is not None:
            stmt = stmt.where(smes.c.version == expected_version)
        if self._session.execute(stmt.values(**changes, version=smes.c.version + 1).returning(smes.c.id)).first() is None:
            self.get(sme_id)
            raise Conflict("the SME was changed by someone else; reload and retry", field="if_match")

    def grant(self, sme_id: uuid.UUID, team_ids: Sequence[uuid.UUID], *, granted_by: uuid.UUID | None) -> None:
        if not team_ids:
            return
        self._session.execute(
            pg_insert(sme_team_access)
            .values([{"tenant_id": self.tenant_id, "sme_id": sme_id, "team_id": t, "granted_by": granted_by}
                     for t in team_ids])
            .on_conflict_do_nothing()
        )

    def change_access(self, sme_id: uuid.UUID, *, grant: Sequence[uuid.UUID] = (), revoke: Sequence[uuid.UUID] = (),
                      granted_by: uuid.UUID | None, expected_version: int | None) -> Sme:
        """Grants and revokes as one change of the SME (its version and etag move)."""
        self._bump(sme_id, {}, expected_version=expected_version)
        self.grant(sme_id, grant, granted_by=granted_by)
        if revoke:
            self._session.execute(delete(sme_team_access).where(
                sme_team_access.c.sme_id == sme_id, sme_team_access.c.team_id.in_(list(revoke))))
        return self.get(sme_id)

    def delete(self, sme_id: uuid.UUID, *, expected_version: int | None = None) -> tuple[list[uuid.UUID], int]:
        """Deletes the SME with its tasks, submissions and chunks (foreign keys cascade);
        answers its submissions' ids (their objects go after the commit) and the chunks deleted."""
        locked = self._session.execute(select(smes.c.version).where(smes.c.id == sme_id).with_for_update()).first()
        if locked is None:
            raise NotFound("SME not found", field="sme_id")
        if expected_version is not None and locked.version != expected_version:
            raise Conflict("the SME was changed by someone else; reload and retry", field="if_match")
        submissions = list(self._session.execute(
            select(sme_task_submissions.c.id).where(sme_task_submissions.c.sme_id == sme_id)).scalars())
        chunks = int(self._session.execute(
            select(func.count()).where(sme_knowledge_chunks.c.sme_id == sme_id)).scalar_one())
        self._session.execute(delete(smes).where(smes.c.id == sme_id))
        return submissions, chunks

    def refresh_status(self, sme_id: uuid.UUID) -> str:
        """ingesting while a submission waits for or is in ingestion, ready with any chunk, else empty."""
        busy = exists().where(sme_task_submissions.c.sme_id == sme_id, sme_task_submissions.c.status.in_(INGESTING))
        knows = exists().where(sme_knowledge_chunks.c.sme_id == sme_id)
        row = self._session.execute(select(busy.label("busy"), knows.label("knows"))).one()
        new = "ingesting" if row.busy else "ready" if row.knows else "empty"
        self._session.execute(update(smes).where(smes.c.id == sme_id, smes.c.status != new).values(status=new))
        return new

    def count(self, *, where: SmeFilter = SmeFilter()) -> int:
        return int(self._session.execute(_filtered(select(func.count()).select_from(smes), where)).scalar_one())

    def list(self, *, where: SmeFilter = SmeFilter(), page_size: int = 0, page_token: str = "") -> Page[Sme]:
        """By name, then id; smes_tenant_name_idx."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=smes.c.name)
        stmt = _filtered(_full(), where)
        condition = after(cursor, column=smes.c.name, id_column=smes.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(smes.c.name, smes.c.id, descending=False)).limit(size + 1)
        rows = [_record(r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda s: (s.name, s.id))

