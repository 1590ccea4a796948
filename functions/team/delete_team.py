"""TeamService.DeleteTeam: the team and its memberships go; its folders (and their courses)
move to the company library; team-scoped SMEs lose this team's access (the access rows
cascade). Owner/admin only (access table)."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.course_cache import CourseCache
from functions.if_match import expected_version
from functions.team.access import require_admin, team_access


def delete_team(request: pb.DeleteTeamRequest, call: Call) -> pb.DeleteTeamResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    principal = call.require_principal()
    require_admin(principal)
    # Many courses change library at once: the library guard kills every cached course entry.
    with CourseCache(call.container.cache, principal.tenant_id).library_write(), \
            call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.folders.lock_tree()
        access = team_access(uow, principal, team_id, lock=True)
        expected_version(request.if_match, access.team, conflict="the team was changed by someone else; reload and retry")
        moved = uow.folders.release_team(team_id, team_name=access.team.name)
        # Courses at the team library's root (in no folder) go to the company root with the team (on delete set null).
        uow.teams.delete(team_id)
    return pb.DeleteTeamResponse(moved_folder_count=moved)
