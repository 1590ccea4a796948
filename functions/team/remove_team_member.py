"""TeamService.RemoveTeamMember: owner/admin or a lead of the team removes anyone; any member
may remove themselves (leave). The removed user loses the team's library at their next call."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.team.access import require_may_remove, team_access
from functions.team.messages import described_team


def remove_team_member(request: pb.RemoveTeamMemberRequest, call: Call) -> pb.RemoveTeamMemberResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    user_id = inputs.required_id(request.user_id, field="user_id")
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        access = team_access(uow, principal, team_id, lock=True)
        require_may_remove(access, user_id)
        uow.teams.remove_member(team_id, user_id)
        message = described_team(uow, access.team)
    return pb.RemoveTeamMemberResponse(team=message)
