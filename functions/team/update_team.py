"""TeamService.UpdateTeam: renames or re-describes a team. Owner/admin or a lead of the team."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.if_match import expected_version
from functions.team import validation as check
from functions.team.access import require_manages, team_access
from functions.team.messages import described_team


def update_team(request: pb.UpdateTeamRequest, call: Call) -> pb.UpdateTeamResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    changes: dict[str, Any] = {}
    if request.HasField("name"):
        changes["name"] = check.team_name(request.name)
    if request.HasField("description"):
        changes["description"] = check.description(request.description)
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        access = team_access(uow, principal, team_id)
        require_manages(access)
        version = expected_version(request.if_match, access.team, conflict="the team was changed by someone else; reload and retry")
        team = uow.teams.update(team_id, changes, expected_version=version) if changes else access.team
        message = described_team(uow, team)
    return pb.UpdateTeamResponse(team=message)
