"""The library views: course lists with filters, counts per folder, tags.

Visibility is part of every query (``CourseFilter.visible_teams``), so a member
never receives, counts or pages through courses of a team they are not in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from common.repos.courses import Course, CourseFilter
from common.repos.folders import TreeNode
from common.repos.pagination import Page
from common.repos.users import User
from common.rpc.context import Call
from functions.course.courses import users_of
from functions.course.visibility import load_viewer, require_visible

MAX_TAG_LIMIT = 200


@dataclass(frozen=True)
class CourseQuery:
    folder: uuid.UUID | Literal["any"] | None = "any"
    include_subfolders: bool = False
    team_id: uuid.UUID | None = None
    statuses: tuple[str, ...] = ()
    tag: str | None = None
    query: str | None = None
    deleted: Literal["live", "trash", "any"] = "live"
    target_audience_id: uuid.UUID | None = None
    created_by_me: bool = False
    sort: Literal["updated_at", "created_at", "title"] = "updated_at"
    descending: bool = True
    page_size: int = 0
    page_token: str = ""


@dataclass(frozen=True)
class CoursePage:
    page: Page[Course]
    total_count: int
    users: dict[uuid.UUID, User]


@dataclass(frozen=True)
class FolderCounts:
    direct: dict[uuid.UUID, int]
    total: dict[uuid.UUID, int]
    unfiled: int
    total_count: int
    deleted_count: int


def list_courses(call: Call, query: CourseQuery) -> CoursePage:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        flt = CourseFilter(
            visible_teams=viewer.visible_teams(), team_id=query.team_id, statuses=query.statuses, tag=query.tag,
            query=query.query, deleted=query.deleted, target_audience_id=query.target_audience_id,
            created_by=principal.user_id if query.created_by_me else None,
        )
        if query.folder is None:
            flt = replace(flt, in_root=True)
        elif query.folder != "any":
            folder = uow.folders.get(query.folder)
            require_visible(viewer, folder.team_id, what="folder")
            ids = [n.id for n in uow.folders.descendants(folder.id)] if query.include_subfolders else [folder.id]
            flt = replace(flt, folder_ids=ids)
        page = uow.courses.list(flt, sort=query.sort, descending=query.descending, page_size=query.page_size,
                                page_token=query.page_token)
        # A first page that holds everything is its own count; otherwise ask the database.
        whole = not query.page_token and not page.next_page_token
        total = len(page.items) if whole else uow.courses.count(flt)
        users = users_of(uow, *(c.created_by for c in page.items), *(c.updated_by for c in page.items))
    return CoursePage(page=page, total_count=total, users=users)


def count_by_folder(call: Call, *, team_id: uuid.UUID | None, statuses: tuple[str, ...]) -> FolderCounts:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        flt = CourseFilter(visible_teams=viewer.visible_teams(), team_id=team_id, statuses=statuses)
        direct = uow.courses.count_by_folder(flt)
        deleted = uow.courses.count(replace(flt, deleted="trash"))
        nodes = uow.folders.nodes(visible_teams=viewer.visible_teams(), team_id=team_id)
    unfiled = direct.pop(None, 0)
    folder_direct = {k: v for k, v in direct.items() if k is not None}
    return FolderCounts(direct=folder_direct, total=roll_up(folder_direct, nodes), unfiled=unfiled,
                        total_count=unfiled + sum(folder_direct.values()), deleted_count=deleted)


def roll_up(direct: dict[uuid.UUID, int], nodes: Iterable[TreeNode]) -> dict[uuid.UUID, int]:
    """Courses in each folder and all its descendants; folders with none are left out."""
    parent_of = {n.id: n.parent_id for n in nodes}
    totals: dict[uuid.UUID, int] = {}
    for folder_id, count in direct.items():
        current: uuid.UUID | None = folder_id
        hops = 0
        while current is not None and hops <= len(parent_of):
            totals[current] = totals.get(current, 0) + count
            current = parent_of.get(current)
            hops += 1
    return {k: v for k, v in totals.items() if v > 0 and k in parent_of}


def list_tags(call: Call, *, prefix: str | None, limit: int) -> list[tuple[str, int]]:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        flt = CourseFilter(visible_teams=viewer.visible_teams())
        tags: list[tuple[str, int]] = uow.courses.tag_counts(flt, prefix=prefix, limit=min(limit or 50, MAX_TAG_LIMIT))
    return tags
