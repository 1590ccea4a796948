"""Library folders: a tree per company, optionally owned by a team.

Restructuring the tree (moves, deletes with contents) takes a per-tenant
transaction-scoped advisory lock first (``lock_tree``), so two concurrent moves
cannot each pass the cycle check and together build a cycle."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Text, case, delete, func, insert, literal, literal_column, select, text, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import courses, folders
from common.errors import AlreadyExists, Conflict, FailedPrecondition, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord, to_record, violated_constraint


@dataclass(frozen=True)
class Folder(VersionedRecord):
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


@dataclass(frozen=True)
class FolderStats:
    course_count: int
    child_count: int


@dataclass(frozen=True)
class TreeNode:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    team_id: uuid.UUID | None
    depth: int


MAX_NAME_CHARS = 200  # folders.name check (migration 0002)


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

    def children(self, parent_id: uuid.UUID | None, *, library: uuid.UUID | str | None = "any",
                 visible_teams: list[uuid.UUID] | None = None, page_size: int = 0,
                 page_token: str = "") -> Page[Folder]:
        """Direct children by name (top level when ``parent_id`` is None); folders_tenant_parent_idx.

        ``library``: "any", None (the company library) or a team id. ``visible_teams``
        None shows every library; otherwise the company library plus those teams'."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=folders.c.name)
        stmt = select(folders).where(folders.c.parent_id.is_not_distinct_from(parent_id), *_library(library, visible_teams))
        condition = after(cursor, column=folders.c.name, id_column=folders.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(folders.c.name, folders.c.id, descending=False)).limit(size + 1)
        rows = [to_record(Folder, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda f: (f.name, f.id))

    def subtree(self, parent_id: uuid.UUID | None, *, library: uuid.UUID | str | None = "any",
                visible_teams: list[uuid.UUID] | None = None, page_size: int = 0,
                page_token: str = "") -> Page[Folder]:
        """Every folder below ``parent_id`` (or every folder), depth-first by name path, keyset-paged on the path."""
        size = clamp_page_size(page_size)
        path_column = literal_column("path", Text)
        cursor = decode_token(page_token, sort="path", column=path_column)
        start = select(folders, _path_of(literal(""), folders).label("path")).where(
            folders.c.parent_id.is_not_distinct_from(parent_id), *_library(library, visible_teams))
        tree = start.cte("tree", recursive=True)
        child = folders.alias("child")
        tree = tree.union_all(
            select(child, _path_of(tree.c.path, child).label("path")).where(child.c.parent_id == tree.c.id))
        stmt = select(tree)
        if cursor is not None:
            stmt = stmt.where(tree.c.path > cursor.value)
        stmt = stmt.order_by(tree.c.path).limit(size + 1)
        found = list(self._session.execute(stmt))
        paths = {r.id: r.path for r in found}
        rows = [to_record(Folder, r) for r in found]
        return page_of(rows, size=size, sort="path", key=lambda f: (paths[f.id], f.id))

    def ancestors(self, folder_id: uuid.UUID) -> list[Folder]:
        """From the top-level folder down to the parent (empty for a top-level folder)."""
        up = select(folders, literal(0).label("hops")).where(folders.c.id == folder_id).cte("up", recursive=True)
        parent = folders.alias("parent")
        up = up.union_all(select(parent, (up.c.hops + 1).label("hops")).where(parent.c.id == up.c.parent_id, up.c.hops < 64))
        rows = self._session.execute(select(up).where(up.c.hops > 0).order_by(up.c.hops.desc())).all()
        return [to_record(Folder, r) for r in rows]

    def descendants(self, folder_id: uuid.UUID) -> list[TreeNode]:
        """The folder and everything below it."""
        down = select(folders.c.id, folders.c.parent_id, folders.c.team_id, folders.c.depth).where(
            folders.c.id == folder_id).cte("down", recursive=True)
        below = folders.alias("below")
        down = down.union_all(select(below.c.id, below.c.parent_id, below.c.team_id, below.c.depth)
                              .where(below.c.parent_id == down.c.id))
        return [TreeNode(r.id, r.parent_id, r.team_id, r.depth) for r in self._session.execute(select(down))]

    def nodes(self, *, visible_teams: list[uuid.UUID] | None = None, team_id: uuid.UUID | None = None) -> list[TreeNode]:
        """Every visible folder as a tree node (for counts rolled up the tree)."""
        stmt = select(folders.c.id, folders.c.parent_id, folders.c.team_id, folders.c.depth).where(
            *_library("any" if team_id is None else team_id, visible_teams))
        return [TreeNode(r.id, r.parent_id, r.team_id, r.depth) for r in self._session.execute(stmt)]

    def stats(self, folder_ids: list[uuid.UUID]) -> dict[uuid.UUID, FolderStats]:
        """Live courses and child folders directly in each folder."""
        if not folder_ids:
            return {}
        course_counts: dict[uuid.UUID, int] = dict(self._session.execute(
            select(courses.c.folder_id, func.count()).where(courses.c.folder_id.in_(folder_ids),
                                                            courses.c.deleted_at.is_(None))
            .group_by(courses.c.folder_id)).all())
        child_counts: dict[uuid.UUID, int] = dict(self._session.execute(
            select(folders.c.parent_id, func.count()).where(folders.c.parent_id.in_(folder_ids))
            .group_by(folders.c.parent_id)).all())
        return {fid: FolderStats(int(course_counts.get(fid, 0)), int(child_counts.get(fid, 0))) for fid in folder_ids}

    def lock_tree(self) -> None:
        """Serializes restructurings of this tenant's tree until the transaction ends."""
        self._session.execute(text("select pg_advisory_xact_lock(hashtextextended('folders:' || :tenant, 0))"),
                              {"tenant": str(self.tenant_id)})

    def move(self, folder_id: uuid.UUID, *, new_parent_id: uuid.UUID | None, team_id: uuid.UUID | None,
             expected_version: int | None = None) -> Folder:
        """Re-parents a folder; its subtree follows (depth shifted, library changed)."""
        folder = self.get(folder_id)
        if expected_version is not None and folder.version != expected_version:
            raise Conflict("the folder was changed by someone else; reload and retry")
        depth = 0 if new_parent_id is None else self.get(new_parent_id).depth + 1
        nodes = self.descendants(folder_id)
        subtree = [n.id for n in nodes]
        shift = depth - folder.depth
        deepest = max(n.depth for n in nodes) + shift
        if deepest > 32:
            raise FailedPrecondition("folders cannot be nested more than 32 levels deep")
        try:
            with self._session.begin_nested():
                # One statement: the row checks (parent_id null <=> depth 0) hold after it, not between two.
                is_moved = folders.c.id == folder_id
                self._session.execute(update(folders).where(folders.c.id.in_(subtree)).values(
                    depth=folders.c.depth + shift, team_id=team_id,
                    parent_id=case((is_moved, new_parent_id), else_=folders.c.parent_id),
                    version=case((is_moved, folders.c.version + 1), else_=folders.c.version),
                ))
        except IntegrityError as err:
            if violated_constraint(err) == "folders_sibling_name_key":
                raise AlreadyExists("a folder with this name already exists there", field="name") from None
            raise
        return self.get(folder_id)

    def release_team(self, team_id: uuid.UUID, *, team_name: str) -> int:
        """Moves every folder of a team's library (all depths) to the company library and
        answers how many moved. A top-level folder whose name the company library already
        uses at the top gets the team's name appended ("Plans (Safety)", then "… 2", …);
        its courses follow by trigger (migration 0017). Call under ``lock_tree``."""
        top = self._session.execute(select(folders.c.id, folders.c.name).where(
            folders.c.team_id == team_id, folders.c.parent_id.is_(None)).order_by(folders.c.name, folders.c.id)).all()
        taken = {str(n).lower() for n in self._session.execute(select(folders.c.name).where(
            folders.c.team_id.is_(None), folders.c.parent_id.is_(None))).scalars()}
        try:
            with self._session.begin_nested():
                for row in top:
                    name = released_name(row.name, team_name, taken)
                    taken.add(name.lower())
                    if name != row.name:
                        self._session.execute(update(folders).where(folders.c.id == row.id)
                                              .values(name=name, version=folders.c.version + 1))
                moved = self._session.execute(update(folders).where(folders.c.team_id == team_id).values(team_id=None))
        except IntegrityError as err:
            if violated_constraint(err) == "folders_sibling_name_key":  # a folder created meanwhile took a name
                raise Conflict("the company library changed meanwhile; retry") from None
            raise
        return int(moved.rowcount)  # type: ignore[attr-defined]

    def delete_many(self, folder_ids: list[uuid.UUID]) -> int:
        """Deletes folders deepest first (parents refuse to go while children exist)."""
        deleted = 0
        rows = self._session.execute(select(folders.c.id, folders.c.depth).where(folders.c.id.in_(folder_ids))).all()
        for depth in sorted({r.depth for r in rows}, reverse=True):
            batch = [r.id for r in rows if r.depth == depth]
            deleted += self._session.execute(delete(folders).where(folders.c.id.in_(batch))).rowcount  # type: ignore[attr-defined]
        return deleted


def released_name(name: str, team_name: str, taken: set[str]) -> str:
    """``name``, or ``name (team)`` / ``name (team) 2`` … when the company library uses it (at most 200 characters)."""
    if name.lower() not in taken:
        return name
    for attempt in range(1, 1000):
        suffix = f" ({team_name[:120]})" + (f" {attempt}" if attempt > 1 else "")
        candidate = name[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix
        if candidate.lower() not in taken:
            return candidate
    raise Conflict("no free folder name in the company library; rename the team's folders first")


def _library(library: uuid.UUID | str | None, visible_teams: list[uuid.UUID] | None) -> list[Any]:
    where: list[Any] = []
    if library != "any":
        where.append(folders.c.team_id.is_not_distinct_from(library))
    if visible_teams is not None:
        where.append(folders.c.team_id.is_(None) | folders.c.team_id.in_(visible_teams))
    return where


def _path_of(parent_path: Any, table: Any) -> Any:
    """Sortable path: parent path / lower(name) + id (ties between equal names stay stable)."""
    # Byte order (COLLATE "C"): a parent's path is a prefix of its children's, so subtrees stay contiguous.
    return (parent_path + "/" + func.lower(table.c.name) + literal(" ") + func.cast(table.c.id, Text)).collate("C")
