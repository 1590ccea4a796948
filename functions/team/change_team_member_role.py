"""TeamService.ChangeTeamMemberRole: lead or member. Owner/admin or a lead of the team."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.team import validation as check
from functions.team.access import require_manages, team_access
from functions.team.messages import member_message


def change_team_member_role(request: pb.ChangeTeamMemberRoleRequest,
                            call: Call) -> pb.ChangeTeamMemberRoleResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    user_id = inputs.required_id(request.user_id, field="user_id")
    role = check.team_role(request.role)
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        access = team_access(uow, principal, team_id, lock=True)
        require_manages(access)
        uow.teams.set_member_role(team_id, user_id, role)
        row = uow.teams.member_row(team_id, user_id)
    return pb.ChangeTeamMemberRoleResponse(member=member_message(row, storage=call.container.storage))
