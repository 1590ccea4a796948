"""TeamService.ListTeams: every team for owners/admins, the caller's own for members."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions.course.visibility import ADMIN_ROLES
from functions.team import validation as check
from functions.team.messages import team_message


def list_teams(request: pb.ListTeamsRequest, call: Call) -> pb.ListTeamsResponse:
    query = check.query(request.query)
    principal = call.require_principal()
    member_id = principal.user_id if request.mine_only or principal.role not in ADMIN_ROLES else None
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        page = uow.teams.list(page_size=request.page_size, page_token=request.page_token, member_id=member_id,
                              query=query)
        whole = not request.page_token and not page.next_page_token
        total = len(page.items) if whole else uow.teams.count(member_id=member_id, query=query)
        ids = [t.id for t in page.items]
        members, folders = uow.teams.member_counts(ids), uow.teams.folder_counts(ids)
    return pb.ListTeamsResponse(
        teams=[team_message(t, member_count=members.get(t.id, 0), folder_count=folders.get(t.id, 0)) for t in page.items],
        next_page_token=page.next_page_token, total_count=total,
    )
