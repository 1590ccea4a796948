"""TeamService.ListTeamFolders: every folder of a team's library, ordered by path.
Owner/admin, or a member of the team."""

from __future__ import annotations

from common.gen.mirai.v1 import team_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.convert import folder_to_proto
from functions.team.access import team_access


def list_team_folders(request: pb.ListTeamFoldersRequest, call: Call) -> pb.ListTeamFoldersResponse:
    team_id = inputs.required_id(request.team_id, field="team_id")
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        team_access(uow, principal, team_id)
        page = uow.folders.subtree(None, library=team_id, page_size=request.page_size, page_token=request.page_token)
        stats = uow.folders.stats([f.id for f in page.items])
        users = uow.users.summaries([f.created_by for f in page.items])
    return pb.ListTeamFoldersResponse(folders=[folder_to_proto(f, stats.get(f.id), users) for f in page.items],
                                      next_page_token=page.next_page_token)
