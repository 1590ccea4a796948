"""TeamService.GetTeam: owner/admin, or a member of the team."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.team.access import team_access
from functions.team.messages import described_team
from functions.user.messages import TEAM_ROLES


def get_team(request: pb.GetTeamRequest, call: Call) -> pb.GetTeamResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        access = team_access(uow, principal, team_id)
        message = described_team(uow, access.team)
    return pb.GetTeamResponse(team=message, caller_role=TEAM_ROLES[access.role] if access.role else None)
