"""TeamService.CreateTeam: a team with its first leads and members. Owner/admin only (access table)."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions.team import validation as check
from functions.team.access import require_admin
from functions.team.messages import described_team
from functions.team.people import require_active_user


def create_team(request: pb.CreateTeamRequest, call: Call) -> pb.CreateTeamResponse:
    name = check.team_name(request.name)
    description = check.description(request.description)
    leads = check.user_ids(list(request.lead_user_ids), field="lead_user_ids")
    members = check.user_ids(list(request.member_user_ids), field="member_user_ids")
    check.no_overlap(leads, members)
    principal = call.require_principal()
    require_admin(principal)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        company_id = uow.users.get(principal.user_id).company_id
        for field, ids in (("lead_user_ids", leads), ("member_user_ids", members)):
            for user_id in ids:
                require_active_user(uow, user_id, field=field)
        team = uow.teams.add(company_id=company_id, name=name, description=description, created_by=principal.user_id)
        for role, ids in (("lead", leads), ("member", members)):
            for user_id in ids:
                uow.teams.add_member(team.id, user_id, role=role)
        message = described_team(uow, team)
    return pb.CreateTeamResponse(team=message)
