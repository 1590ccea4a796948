"""Who may do what to a team (team.proto): the caller's relation to one team."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from common.errors import NotFound, PermissionDenied
from common.repos.teams import Team
from common.rpc.context import Principal
from functions.course.visibility import ADMIN_ROLES


@dataclass(frozen=True)
class TeamAccess:
    team: Team
    user_id: uuid.UUID
    is_admin: bool
    role: str | None  # the caller's role in the team: "lead", "member" or None

    @property
    def manages(self) -> bool:
        return self.is_admin or self.role == "lead"


def team_access(uow: Any, principal: Principal, team_id: uuid.UUID, *, lock: bool = False) -> TeamAccess:
    """The team as the caller may see it; ``not_found`` for a team they neither belong to nor
    administer (its existence is not revealed). ``lock`` holds the team row until commit."""
    team = uow.teams.lock(team_id) if lock else uow.teams.get(team_id)
    membership = uow.teams.member(team_id, principal.user_id)
    access = TeamAccess(team=team, user_id=principal.user_id, is_admin=principal.role in ADMIN_ROLES,
                        role=membership.role if membership is not None else None)
    require_visible(access)
    return access


def require_admin(principal: Principal) -> None:
    """CreateTeam/DeleteTeam: the access table already asks for an admin; kept here too so
    the rule holds for every caller of the handler, not only through the interceptor."""
    if principal.role not in ADMIN_ROLES:
        raise PermissionDenied("only an owner or admin may do this")


def require_visible(access: TeamAccess) -> None:
    if not access.is_admin and access.role is None:
        raise NotFound("team not found")


def require_manages(access: TeamAccess) -> None:
    """Owner/admin or a lead of this team."""
    if not access.manages:
        raise PermissionDenied("only an owner/admin or a lead of this team may do this")


def require_may_remove(access: TeamAccess, user_id: uuid.UUID) -> None:
    """Managers remove anyone; every member may remove themselves (leave)."""
    if user_id != access.user_id:
        require_manages(access)
