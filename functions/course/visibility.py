"""Who sees and who may trash what (course.proto, common.proto Folder).

A course or folder in the company library (no team) is visible to everyone in
the company; one in a team's library to that team's members and to owners and
admins. Anything invisible is reported as ``not_found``, exactly like another
tenant's ids, so nobody learns it exists.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from common.errors import NotFound, PermissionDenied
from common.rpc.context import Principal

ADMIN_ROLES = frozenset({"owner", "admin"})


@dataclass(frozen=True)
class Viewer:
    user_id: uuid.UUID
    role: str
    teams: dict[uuid.UUID, str]  # team id -> team role ("lead" | "member")

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES

    def visible_teams(self) -> list[uuid.UUID] | None:
        """None: every team library (owners/admins)."""
        return None if self.is_admin else sorted(self.teams)

    def sees_library(self, team_id: uuid.UUID | None) -> bool:
        return team_id is None or self.is_admin or team_id in self.teams

    def leads(self, team_id: uuid.UUID | None) -> bool:
        return team_id is not None and self.teams.get(team_id) == "lead"


def load_viewer(uow: Any, principal: Principal) -> Viewer:
    teams = {m.team_id: m.role for m in uow.teams.memberships_of(principal.user_id)}
    return Viewer(user_id=principal.user_id, role=principal.role, teams=teams)


def sees_without_memberships(principal: Principal, team_id: uuid.UUID | None) -> bool:
    """Whether visibility is decided without loading team memberships (cache hits)."""
    return team_id is None or principal.role in ADMIN_ROLES


def require_visible(viewer: Viewer, team_id: uuid.UUID | None, *, what: str) -> None:
    if not viewer.sees_library(team_id):
        raise NotFound(f"{what} not found")


def require_can_trash_course(viewer: Viewer, *, created_by: uuid.UUID | None, team_id: uuid.UUID | None) -> None:
    """DeleteCourse / RestoreCourse: the creator, a lead of its team, or an owner/admin."""
    if not (viewer.is_admin or created_by == viewer.user_id or viewer.leads(team_id)):
        raise PermissionDenied("only the course's creator, a lead of its team or an owner/admin may do this")


def require_can_delete_folder(viewer: Viewer, *, created_by: uuid.UUID | None, team_id: uuid.UUID | None) -> None:
    if not (viewer.is_admin or created_by == viewer.user_id or viewer.leads(team_id)):
        raise PermissionDenied("only the folder's creator, a lead of its team or an owner/admin may delete it")


def require_can_use_library(viewer: Viewer, team_id: uuid.UUID | None) -> None:
    """Creating in a team's library: its members or owners/admins."""
    require_visible(viewer, team_id, what="team")


def require_can_change_library(viewer: Viewer, source: uuid.UUID | None, target: uuid.UUID | None) -> None:
    """Moving a folder between libraries: owner/admin, or a lead of every team library involved."""
    if source == target or viewer.is_admin:
        return
    if not all(viewer.leads(team) for team in (source, target) if team is not None):
        raise PermissionDenied("moving a folder to another library needs an owner/admin or a lead of the teams involved")
