"""Library folders: a tree per company, optionally owned by a team."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import folders
from common.errors import AlreadyExists, Conflict, FailedPrecondition, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record, violated_constraint


@dataclass(frozen=True)
class Folder:
    id: uuid.UUID
    tenant_id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None
    team_id: uuid.UUID | None
    depth: int
    created_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class Folders(TenantRepository):
    def add(self, *, name: str, parent_id: uuid.UUID | None = None, team_id: uuid.UUID | None = None,
            created_by: uuid.UUID | None = None) -> Folder:
        depth = 0
        if parent_id is not None:
            parent = self.get(parent_id)
            depth, team_id = parent.depth + 1, parent.team_id
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    insert(folders)
                    .values(tenant_id=self.tenant_id, name=name, parent_id=parent_id, team_id=team_id, depth=depth,
                            created_by=created_by)
                    .returning(*folders.c)
                ).one()
        except IntegrityError as err:
            if violated_constraint(err) == "folders_sibling_name_key":
                raise AlreadyExists("a folder with this name already exists here", field="name") from None
            raise NotFound("team not found") from None
        return to_record(Folder, row)

    def get(self, folder_id: uuid.UUID) -> Folder:
        row = self._session.execute(select(folders).where(folders.c.id == folder_id)).first()
        if row is None:
            raise NotFound("folder not found")
        return to_record(Folder, row)

    def rename(self, folder_id: uuid.UUID, name: str, *, expected_version: int | None = None) -> Folder:
        stmt = update(folders).where(folders.c.id == folder_id)
        if expected_version is not None:
            stmt = stmt.where(folders.c.version == expected_version)
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    stmt.values(name=name, version=folders.c.version + 1).returning(*folders.c)
                ).first()
        except IntegrityError as err:
            if violated_constraint(err) == "folders_sibling_name_key":
                raise AlreadyExists("a folder with this name already exists here", field="name") from None
            raise
        if row is None:
            self.get(folder_id)
            raise Conflict("the folder was changed by someone else; reload and retry")
        return to_record(Folder, row)

    def delete(self, folder_id: uuid.UUID) -> None:
        """Deletes an empty folder; the caller moves or trashes its content first."""
        try:
            with self._session.begin_nested():
                deleted = self._session.execute(delete(folders).where(folders.c.id == folder_id)).rowcount  # type: ignore[attr-defined]
        except IntegrityError:
            raise FailedPrecondition("the folder still has subfolders") from None
        if deleted == 0:
            raise NotFound("folder not found")

    def children(self, parent_id: uuid.UUID | None, *, team_id: uuid.UUID | None = None, page_size: int = 0,
                 page_token: str = "") -> Page[Folder]:
        """Direct children by name (top level when ``parent_id`` is None); folders_tenant_parent_idx."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=folders.c.name)
        stmt = select(folders)
        if parent_id is None:
            stmt = stmt.where(folders.c.parent_id.is_(None), folders.c.team_id.is_not_distinct_from(team_id))
        else:
            stmt = stmt.where(folders.c.parent_id == parent_id)
        condition = after(cursor, column=folders.c.name, id_column=folders.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(folders.c.name, folders.c.id, descending=False)).limit(size + 1)
        rows = [to_record(Folder, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda f: (f.name, f.id))
