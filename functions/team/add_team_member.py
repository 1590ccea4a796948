"""TeamService.AddTeamMember: an active company user joins a team. Owner/admin or a lead of the team."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.notification.notify import Resource, notify
from functions.team import validation as check
from functions.team.access import require_manages, team_access
from functions.team.messages import member_message
from functions.team.people import require_active_user


def add_team_member(request: pb.AddTeamMemberRequest, call: Call) -> pb.AddTeamMemberResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    user_id = inputs.required_id(request.user_id, field="user_id")
    role = check.team_role(request.role, default="member")
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        access = team_access(uow, principal, team_id, lock=True)
        require_manages(access)
        require_active_user(uow, user_id, field="user_id")
        uow.teams.add_member(team_id, user_id, role=role)
        if user_id != principal.user_id:
            notify(uow, user_id=user_id, type="team_member_added", title=f"You were added to {access.team.name}",
                   message="", link=f"/teams/{team_id}", resource=Resource("team", team_id), actor_id=principal.user_id)
        row = uow.teams.member_row(team_id, user_id)
    return pb.AddTeamMemberResponse(member=member_message(row, storage=call.container.storage))
