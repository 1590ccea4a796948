"""TeamService.ListTeamMembers: owner/admin, or a member of the team."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.team import validation as check
from functions.team.access import team_access
from functions.team.messages import member_message


def list_team_members(request: pb.ListTeamMembersRequest, call: Call) -> pb.ListTeamMembersResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    role = check.team_role(request.role) if request.HasField("role") else None
    query = check.query(request.query)
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        team_access(uow, principal, team_id)
        page = uow.teams.member_page(team_id, role=role, query=query, page_size=request.page_size,
                                     page_token=request.page_token)
        whole = not request.page_token and not page.next_page_token
        total = len(page.items) if whole else uow.teams.count_members(team_id, role=role, query=query)
    storage = call.container.storage
    return pb.ListTeamMembersResponse(members=[member_message(m, storage=storage) for m in page.items],
                                      next_page_token=page.next_page_token, total_count=total)
