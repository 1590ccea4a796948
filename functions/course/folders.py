"""The library folder tree: create, read with breadcrumb, list, rename, move
(never into its own subtree), delete (refused while non-empty unless told what
to do with the contents)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from common.errors import FailedPrecondition, InvalidArgument
from common.repos.folders import Folder, FolderStats
from common.repos.pagination import Page
from common.repos.users import User
from common.rpc.context import Call
from functions.course.course_cache import CourseCache
from functions.course.structure import check_etag, would_create_cycle
from functions.course.visibility import (
    Viewer,
    load_viewer,
    require_can_change_library,
    require_can_delete_folder,
    require_can_use_library,
    require_visible,
)

MAX_DEPTH = 32


@dataclass(frozen=True)
class FolderView:
    folder: Folder
    stats: FolderStats | None
    users: dict[uuid.UUID, User]


@dataclass(frozen=True)
class FolderPage:
    page: Page[Folder]
    stats: dict[uuid.UUID, FolderStats]
    users: dict[uuid.UUID, User]


@dataclass(frozen=True)
class DeleteResult:
    moved_courses: int = 0
    moved_folders: int = 0
    deleted_courses: int = 0
    deleted_folders: int = 0


Contents = Literal["refuse", "to_parent", "to_folder", "delete"]


def _visible_folder(uow: Any, viewer: Viewer, folder_id: uuid.UUID) -> Folder:
    folder: Folder = uow.folders.get(folder_id)
    require_visible(viewer, folder.team_id, what="folder")
    return folder


def _view(uow: Any, folder: Folder) -> FolderView:
    return FolderView(folder, uow.folders.stats([folder.id]).get(folder.id), uow.users.summaries([folder.created_by]))


def create_folder(call: Call, *, name: str, parent_id: uuid.UUID | None, team_id: uuid.UUID | None) -> FolderView:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if parent_id is not None:
            parent = _visible_folder(uow, viewer, parent_id)
            if parent.depth + 1 > MAX_DEPTH:
                raise FailedPrecondition(f"folders cannot be nested more than {MAX_DEPTH} levels deep")
        else:
            if team_id is not None:
                uow.teams.get(team_id)
            require_can_use_library(viewer, team_id)
        folder = uow.folders.add(name=name, parent_id=parent_id, team_id=team_id, created_by=principal.user_id)
        view = _view(uow, folder)
    return view


def get_folder(call: Call, folder_id: uuid.UUID) -> tuple[FolderView, list[FolderView]]:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        folder = _visible_folder(uow, viewer, folder_id)
        ancestors = uow.folders.ancestors(folder_id)
        stats = uow.folders.stats([folder.id, *(a.id for a in ancestors)])
        users = uow.users.summaries([f.created_by for f in (folder, *ancestors)])
    return FolderView(folder, stats.get(folder.id), users), [FolderView(a, stats.get(a.id), users) for a in ancestors]


def list_folders(call: Call, *, parent_id: uuid.UUID | None, recursive: bool, library: uuid.UUID | str | None,
                 page_size: int, page_token: str) -> FolderPage:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if parent_id is not None:
            _visible_folder(uow, viewer, parent_id)
        if library not in ("any", None):
            require_visible(viewer, library, what="team")  # type: ignore[arg-type]
        lister = uow.folders.subtree if recursive else uow.folders.children
        page = lister(parent_id, library=library, visible_teams=viewer.visible_teams(), page_size=page_size,
                      page_token=page_token)
        stats = uow.folders.stats([f.id for f in page.items])
        users = uow.users.summaries([f.created_by for f in page.items])
    return FolderPage(page, stats, users)


def rename_folder(call: Call, folder_id: uuid.UUID, *, name: str | None, if_match: str) -> FolderView:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        folder = _visible_folder(uow, viewer, folder_id)
        check_etag(if_match, folder.etag, what="folder")
        if name is not None:
            folder = uow.folders.rename(folder_id, name, expected_version=folder.version)
        view = _view(uow, folder)
    return view


def move_folder(call: Call, folder_id: uuid.UUID, *, new_parent_id: uuid.UUID | None, team_id: uuid.UUID | None,
                if_match: str) -> FolderView:
    principal = call.require_principal()
    with CourseCache(call.container.cache, principal.tenant_id).library_write(), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.folders.lock_tree()
        viewer = load_viewer(uow, principal)
        folder = _visible_folder(uow, viewer, folder_id)
        check_etag(if_match, folder.etag, what="folder")
        if new_parent_id is not None:
            parent = _visible_folder(uow, viewer, new_parent_id)
            chain = {f.id: f.parent_id for f in (*uow.folders.ancestors(parent.id), parent)}
            if would_create_cycle(folder.id, parent.id, chain):  # type: ignore[arg-type]
                raise InvalidArgument("a folder cannot move into itself or its own subfolders", field="new_parent_id")
            team_id = parent.team_id
        elif team_id is not None:
            uow.teams.get(team_id)
            require_visible(viewer, team_id, what="team")
        require_can_change_library(viewer, folder.team_id, team_id)
        moved = uow.folders.move(folder_id, new_parent_id=new_parent_id, team_id=team_id, expected_version=folder.version)
        view = _view(uow, moved)
    return view


def delete_folder(call: Call, folder_id: uuid.UUID, *, if_match: str, contents: Contents,
                  target_folder_id: uuid.UUID | None = None) -> DeleteResult:
    principal = call.require_principal()
    with CourseCache(call.container.cache, principal.tenant_id).library_write(), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.folders.lock_tree()
        viewer = load_viewer(uow, principal)
        folder = _visible_folder(uow, viewer, folder_id)
        require_can_delete_folder(viewer, created_by=folder.created_by, team_id=folder.team_id)
        check_etag(if_match, folder.etag, what="folder")
        result = _empty_and_delete(uow, viewer, folder, contents=contents, target_folder_id=target_folder_id)
    return result


def _empty_and_delete(uow: Any, viewer: Viewer, folder: Folder, *, contents: Contents,
                      target_folder_id: uuid.UUID | None) -> DeleteResult:
    subtree = uow.folders.descendants(folder.id)
    children = [n.id for n in subtree if n.parent_id == folder.id]
    stats = uow.folders.stats([folder.id])[folder.id]
    if contents == "refuse":
        if stats.course_count or stats.child_count:
            raise FailedPrecondition(
                f"the folder holds {stats.course_count} course(s) and {stats.child_count} subfolder(s); "
                "choose move_contents_to_parent, target_folder_id or delete_contents")
        return DeleteResult(deleted_folders=uow.folders.delete_many([folder.id]))
    if contents == "delete":
        ids = [n.id for n in subtree]
        trashed = uow.courses.trash_in(ids)
        uow.courses.move_out_of(ids, to_folder=None)  # trashed courses restore to the root
        return DeleteResult(deleted_courses=trashed, deleted_folders=uow.folders.delete_many(ids))
    if contents == "to_parent":
        # A top-level team folder's courses go to the team library's root: in no folder, a
        # course keeps its team (migration 0017), so they are never shown to the whole company.
        destination, team = folder.parent_id, folder.team_id
    else:
        assert target_folder_id is not None
        if target_folder_id in {n.id for n in subtree}:
            raise InvalidArgument("must not be the deleted folder or one of its subfolders", field="target_folder_id")
        target = _visible_folder(uow, viewer, target_folder_id)
        destination, team = target.id, target.team_id
        require_can_change_library(viewer, folder.team_id, team)
    for child in children:
        uow.folders.move(child, new_parent_id=destination, team_id=team)
    moved_courses = uow.courses.move_out_of([folder.id], to_folder=destination)
    return DeleteResult(moved_courses=moved_courses, moved_folders=len(children),
                        deleted_folders=uow.folders.delete_many([folder.id]))
